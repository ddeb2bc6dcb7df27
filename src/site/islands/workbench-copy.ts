/**
 * Sharing the filled text by the clipboard: the subject, or the body as rich text for mail
 * programs with plain text beside it for everything else.
 */
import type { WorkbenchState } from '../lib/workbench-types.ts';
import type { Preview } from './workbench-preview.ts';

type What = 'subject' | 'body';

async function toClipboard(state: WorkbenchState, what: What): Promise<string> {
  if (what === 'subject') {
    await navigator.clipboard.writeText(state.email?.subject ?? state.filled.subject.map((r) => r.text).join(''));
    return 'Het onderwerp staat op het klembord.';
  }
  if (state.email && typeof ClipboardItem !== 'undefined') {
    await navigator.clipboard.write([
      new ClipboardItem({
        'text/html': new Blob([state.email.html], { type: 'text/html' }),
        'text/plain': new Blob([state.text], { type: 'text/plain' }),
      }),
    ]);
    return 'De tekst staat op het klembord. Plak hem in uw e-mailprogramma.';
  }
  await navigator.clipboard.writeText(state.text);
  return 'De tekst staat op het klembord.';
}

export function copyController(root: HTMLElement, preview: Preview, say: (message: string) => void): void {
  async function copy(what: What): Promise<void> {
    try {
      const state = await preview.current();
      if (state) say(await toClipboard(state, what));
    } catch {
      say('Kopiëren lukte niet in deze browser. Selecteer de tekst in het voorbeeld en kopieer hem zelf.');
    }
  }
  root.querySelectorAll<HTMLButtonElement>('[data-copy]').forEach((button) =>
    button.addEventListener('click', () => void copy(button.dataset['copy'] as What)),
  );
}
