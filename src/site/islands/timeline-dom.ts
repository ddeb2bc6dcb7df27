/**
 * A tiny element builder for the timeline island. Text always goes in as text nodes, never as
 * markup, and no `style` attribute is ever written (the CSP has no 'unsafe-inline'): positions are
 * set as CSS custom properties through the CSSOM, which the policy allows.
 */
import { saveFile } from '../lib/save-file.ts';

export type Child = Node | string | null | undefined | false;
export type Attrs = Record<string, string | number | boolean | null | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') el.className = String(value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) if (child !== null && child !== undefined && child !== false) el.append(child);
  return el;
}

/** Visually hidden text for screen readers. */
export const sr = (text: string) => h('span', { class: 'visually-hidden' }, text);

/** An external source: a plain link the user may follow, in a new tab so the plan stays open. */
export function sourceLink(title: string, url: string | null): Node {
  if (!url) return document.createTextNode(title);
  return h('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, title, sr(' (opent in een nieuw tabblad)'));
}

/**
 * Replaces a container's children and puts the focus back on the element with the same
 * `data-key`, so a re-render (undo, a change elsewhere) never drops a keyboard user's place.
 */
export function replaceKeepingFocus(container: HTMLElement, ...children: Child[]): void {
  const active = document.activeElement;
  const key = active instanceof HTMLElement && container.contains(active) ? active.dataset['key'] : undefined;
  container.replaceChildren(...children.filter((c): c is Node | string => c !== null && c !== undefined && c !== false));
  if (key) container.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`)?.focus();
}

/**
 * Sets an input's value unless the user is typing in it (focused, with uncommitted text). True when
 * the value on screen was replaced (an undo, a loaded plan): an error shown for the old text is stale.
 */
export function setValue(input: HTMLInputElement | HTMLSelectElement, value: string): boolean {
  const typing = document.activeElement === input && input.value !== (input.dataset['committed'] ?? input.value);
  input.dataset['committed'] = value;
  if (typing || input.value === value) return false;
  input.value = value;
  return true;
}

/** Saves bytes as a file (site/lib/save-file.ts). */
export function download(data: BlobPart, name: string, type: string): void {
  saveFile(new Blob([data], { type }), name);
}
