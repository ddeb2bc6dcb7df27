/**
 * The template page's download buttons: check the form, fill it, and hand the file made by
 * files.ts (loaded on the first click, with the renderer of the format asked for) to the browser.
 */
import type { DownloadFormat, WorkbenchState } from '../lib/workbench-types.ts';
import type { WorkbenchForm } from './workbench-form.ts';
import type { Preview } from './workbench-preview.ts';
import { saveFile } from '../lib/save-file.ts';

export function downloadsController(root: HTMLElement, form: WorkbenchForm, preview: Preview, say: (message: string) => void): void {
  /** The unprintable characters the user already saw named for a PDF. */
  let acceptedGaps = '';

  /** For a PDF, names the characters its fonts cannot show, once; true when the file may be made. */
  async function pdfMayGo(state: WorkbenchState, pdfGaps: typeof import('./files.ts')['pdfGaps']): Promise<boolean> {
    const gaps = await pdfGaps(state.filled);
    const key = gaps.join('');
    // Named once before the file is made; a second click makes it anyway.
    if (gaps.length === 0 || acceptedGaps === key) return true;
    acceptedGaps = key;
    say(`Deze tekens kan de PDF niet tonen: ${gaps.join(' ')}. In de PDF staat er een ? in de plaats. Klik nog eens op de knop om de PDF toch te maken, of kies Word (dat gebruikt de lettertypes van uw computer).`);
    return false;
  }

  async function download(button: HTMLButtonElement, format: DownloadFormat): Promise<void> {
    // A file made while a field shows an error would quietly leave that value out.
    const invalid = form.validate();
    if (invalid) {
      invalid.focus();
      say('Er is nog niets gedownload: eerst moeten de velden met een rode melding kloppen (of leeg zijn).');
      return;
    }
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    say(`Het .${format}-bestand wordt gemaakt…`);
    // Stays off when the template turns out to have no text for the chosen case.
    let enable = true;
    try {
      const state = await preview.current();
      if (!state) {
        enable = false;
        say('Er is niets gedownload: dit sjabloon heeft geen tekst voor het gekozen land en de gekozen soort klant.');
        void preview.render();
        return;
      }
      const { makeFile, pdfGaps } = await import('./files.ts');
      if (format === 'pdf' && !(await pdfMayGo(state, pdfGaps))) return;
      const { doc, filled, email, text, jurisdiction, data } = state;
      const file = await makeFile(format, { doc, filled, email, text, jurisdiction, data });
      saveFile(file.blob, file.name);
      say(`${file.name} is gedownload.`);
    } catch (error) {
      console.warn('Tijdig: bestand maken mislukt', error);
      say(`Het .${format}-bestand kon niet gemaakt worden. Probeer het opnieuw of kies een ander formaat.`);
    } finally {
      button.disabled = !enable;
      button.removeAttribute('aria-busy');
    }
  }

  root.querySelectorAll<HTMLButtonElement>('[data-download]').forEach((button) =>
    button.addEventListener('click', () => void download(button, button.dataset['download'] as DownloadFormat)),
  );
}
