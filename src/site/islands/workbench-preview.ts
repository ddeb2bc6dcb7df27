/**
 * The template page's previews: loads the fill engine (lib/workbench-engine.ts) on first need,
 * fills the form's data into the text for its case and writes subject, preheader, e-mail, print
 * and plain-text previews and the case note. Downloads and copying ask it for the current state.
 */
import type { WorkbenchState, WorkbenchData } from '../lib/workbench-types.ts';
import { caseNote, chosenCase } from '../lib/workbench-case.ts';
import type { WorkbenchForm } from './workbench-form.ts';

type Engine = typeof import('../lib/workbench-engine.ts');

export interface Preview {
  /** Starts loading the engine (the user is about to need it); safe to call often. */
  warm(): void;
  /** Fills and shows the form's data now. */
  render(): Promise<void>;
  /** Renders a little after the last keystroke. */
  schedule(): void;
  /** The state for the form as it is now, or null when the template has no text for its case. */
  current(): Promise<WorkbenchState | null>;
}

/** Delay after a keystroke before the previews follow, so typing stays smooth. */
const TYPING_PAUSE_MS = 120;

export function previewController(root: HTMLElement, model: WorkbenchData, form: WorkbenchForm, say: (message: string) => void): Preview {
  const out = (name: string) => root.querySelector<HTMLElement>(`[data-out="${name}"]`);
  const frame = root.querySelector<HTMLIFrameElement>('iframe[data-out="email"]');
  const note = root.querySelector<HTMLElement>('[data-case-note]');
  const buttons = [...root.querySelectorAll<HTMLButtonElement>('[data-download], [data-copy]')];

  let engine: Promise<Engine> | null = null;
  const load = (): Promise<Engine> =>
    (engine ??= import('../lib/workbench-engine.ts').catch((error: unknown) => {
      engine = null; // a later call tries again (the network may be back)
      throw error;
    }));

  /** Says which text the previews show, or that there is none; downloads only when there is one. */
  function showCase(state: WorkbenchState | null): void {
    for (const b of buttons) b.disabled = state === null;
    if (!note) return;
    const { text, state: kind, template } = caseNote(model, state?.legalCase ?? chosenCase(form.read()));
    note.textContent = text;
    note.dataset['state'] = kind;
    if (template) note.dataset['template'] = template;
  }

  function show(state: WorkbenchState | null): void {
    showCase(state);
    const text = out('text');
    const print = out('print');
    if (!state) {
      if (text) text.textContent = '';
      if (print) print.textContent = '';
      if (frame) frame.srcdoc = '';
      return;
    }
    if (state.email) {
      const subject = out('subject');
      const preheader = out('preheader');
      if (subject) subject.textContent = state.email.subject;
      if (preheader) preheader.textContent = state.email.preheader;
      if (frame && frame.srcdoc !== state.email.html) frame.srcdoc = state.email.html;
    }
    if (text) text.textContent = state.text;
    // Markup from printPreviewHtml, which escapes every value.
    if (print) print.innerHTML = state.print;
  }

  const current = async () => (await load()).computeState(model, form.read());

  /** Counts renders, so one that waited for the engine does not overwrite a newer one. */
  let latest = 0;
  async function render(): Promise<void> {
    const mine = ++latest;
    let state: WorkbenchState | null;
    try {
      state = await current();
    } catch (error) {
      console.warn('Tijdig: voorbeeld bijwerken mislukt', error);
      if (mine === latest) say('Het voorbeeld kon niet bijgewerkt worden. Kijk de ingevulde gegevens na.');
      return;
    }
    if (mine === latest) show(state);
  }

  let pending = 0;
  return {
    warm: () => void load().catch(() => undefined),
    render,
    schedule() {
      window.clearTimeout(pending);
      pending = window.setTimeout(() => void render(), TYPING_PAUSE_MS);
    },
    current,
  };
}
