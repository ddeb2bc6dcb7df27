/**
 * Downloads on the bulk page: saving a file made in the browser (the zip, the example CSV) and the
 * result box after a run, with a link to download the zip again and what the messages still lack.
 */
import { h } from '../lib/element.ts';
import { saveFile } from '../lib/save-file.ts';
import type { BulkContext } from './bulk-context.ts';
import type { PackedZip } from './bulk-worker.ts';
import { capitalize, plural } from './bulk-view.ts';

export interface DownloadsController {
  /** Starts the download of `blob`; returns its object URL (the caller revokes it). */
  save(blob: Blob, name: string): string;
  /** Saves the run's zip and shows what is in it. */
  showZip(result: PackedZip, missing: readonly string[], seconds: number): void;
  /** Shows why the run could not start (BulkInputError's problems). */
  showProblems(problems: readonly string[]): void;
  /** Forgets the last zip (its URL is revoked) and hides the result. */
  clear(): void;
}

/** The lines under "… is klaar": who got a message, who waits, who was skipped or failed. */
export function countLines(c: PackedZip['counts']): string[] {
  return [
    `${plural(c.aangemaakt, 'klant', 'klanten')} met een bericht voor vandaag`,
    ...(c.wachten ? [`${plural(c.wachten, 'klant', 'klanten')} nog zonder stap (wel in het overzicht en de agenda)`] : []),
    ...(c.overgeslagen ? [`${plural(c.overgeslagen, 'klant', 'klanten')} overgeslagen (de reden staat in 00_overzicht.csv)`] : []),
    ...(c.mislukt ? [`${plural(c.mislukt, 'klant', 'klanten')} mislukt: zie 00_overzicht.csv`] : []),
  ];
}

export function initDownloads(ctx: BulkContext): DownloadsController {
  const box = ctx.$<HTMLElement>('[data-run-result]');
  let last: string | null = null;

  // The URL stays alive: the result offers the same zip again through a link.
  const save = (blob: Blob, name: string): string => saveFile(blob, name, { keep: true });


  return {
    save,
    showZip(result, missing, seconds) {
      const url = save(new Blob([result.zip as BlobPart], { type: 'application/zip' }), result.fileName);
      last = url;
      const size = (result.zip.length / 1024 / 1024).toLocaleString('nl-BE', { maximumFractionDigits: 1 });
      const took = seconds.toLocaleString('nl-BE', { maximumFractionDigits: 1 });
      box.replaceChildren(
        h('p', {}, h('strong', {}, `${result.fileName} is klaar`), ` (${size} MB, ${plural(result.fileCount, 'bestand', 'bestanden')}, gemaakt in ${took} seconden).`),
        h('ul', {}, ...countLines(result.counts).map((line) => h('li', {}, line))),
        ...(missing.length ? [h('div', { class: 'note' }, h('p', {}, h('strong', {}, 'Nog aan te vullen in de berichten:')), h('ul', {}, ...missing.slice(0, 8).map((m) => h('li', {}, m))))] : []),
        h('p', {}, h('a', { href: url, download: result.fileName }, 'Download het pakket opnieuw')),
      );
      box.hidden = false;
    },
    showProblems(problems) {
      box.replaceChildren(h('div', { class: 'note bk-alert', role: 'alert' }, h('p', {}, 'Het pakket kon niet gemaakt worden:'), h('ul', {}, ...problems.map((p) => h('li', {}, `${capitalize(p)}.`)))));
      box.hidden = false;
    },
    clear() {
      if (last) URL.revokeObjectURL(last);
      last = null;
      box.hidden = true;
      box.replaceChildren();
    },
  };
}
