/**
 * The file (step 1): the file input, the drop zone, the example file, the delimiter choice, and
 * what was recognised about the file (rows, delimiter, encoding, header row). The file never
 * leaves the browser: its bytes go to the worker.
 */
import type { Delimiter, Encoding } from '../../bulk/index.ts';
import { fileTooBig, localToday, parseDelimiter, sniffWrongFile } from '../lib/bulk-form.ts';
import { sampleCsv, SAMPLE_FILE_NAME } from '../lib/bulk-sample.ts';
import { dropZone, h } from '../lib/element.ts';
import type { BulkOverview } from '../lib/bulk-view-model.ts';
import type { AnalysisController } from './bulk-analysis.ts';
import { freshView, type BulkContext } from './bulk-context.ts';
import type { DownloadsController } from './bulk-downloads.ts';
import type { SettingsController } from './bulk-settings.ts';
import { capitalize, plural } from './bulk-view.ts';

export interface FileController {
  /** Shows what was read; false when the file holds nothing readable (the error is shown). */
  showFacts(): boolean;
  showError(message: string | null): void;
}

export interface FileEvents {
  /** A file was read (or read again): draw the page. */
  loaded(): void;
}

const DELIMITER_LABEL: Record<Delimiter, string> = { ';': 'puntkomma (;)', ',': 'komma (,)', '\t': 'tab' };
const ENCODING_LABEL: Record<Encoding, string> = { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16 (Unicode-tekst)', 'utf-16be': 'UTF-16 (Unicode-tekst)', 'windows-1252': 'Windows-1252 (ANSI)' };

/** The status line once a file is read. */
export function readMessage(name: string, o: BulkOverview): string {
  if (o.mappingProblems.length) return `${name} is gelezen: ${plural(o.file.rowCount, 'rij', 'rijen')}. Kies nog de ontbrekende kolommen.`;
  const skipped = o.counts.skipped ? `, ${plural(o.counts.skipped, 'rij gaat', 'rijen gaan')} niet mee` : '';
  return `${name} is gelezen: ${plural(o.counts.valid, 'factuur', 'facturen')} van ${plural(o.customerCount, 'klant', 'klanten')}${skipped}.`;
}

/** What was recognised about the file; false when it holds nothing readable (the error is shown). */
function showFacts(ctx: BulkContext, showError: (message: string | null) => void): boolean {
  const { $, state } = ctx;
  const { file, fileIssues } = state.overview!;
  const readable = file.headers.length > 0 && file.rowCount > 0;
  $<HTMLElement>('[data-file-info]').hidden = false;
  const fact = (name: string, text: string) => ($<HTMLElement>(`[data-fact="${name}"]`).textContent = text);
  fact('name', state.fileName);
  fact('rows', `${plural(file.rowCount, 'rij', 'rijen')} met gegevens${file.emptyRows ? `, ${plural(file.emptyRows, 'lege rij', 'lege rijen')}` : ''}`);
  fact('delimiter', `${DELIMITER_LABEL[file.delimiter]}${state.delimiter ? ', zelf gekozen' : ', herkend'}`);
  fact('encoding', `${ENCODING_LABEL[file.encoding]}${file.bom ? ' met BOM' : ''}`);
  fact('header', file.headerRow > 1 ? `rij ${file.headerRow} (de regels erboven zijn overgeslagen)` : `rij ${file.headerRow || 1}`);
  $<HTMLElement>('[data-file-issues]').replaceChildren(...fileIssues.map((i) => h('li', {}, `${i.row ? `Rij ${i.row}: ` : ''}${capitalize(i.message)}.`.replace(/\.\.$/, '.'))));
  showError(readable ? null : 'In dit bestand staan geen facturen die Tijdig kan lezen. Kijk na of u de juiste export koos.');
  return readable;
}

export function initFile(ctx: BulkContext, settings: SettingsController, analysis: AnalysisController, downloads: Pick<DownloadsController, 'save' | 'clear'>, events: FileEvents): FileController {
  const { $, state, status, say } = ctx;
  const input = $<HTMLInputElement>('#bk-file');
  const delimiterSelect = $<HTMLSelectElement>('#bk-delimiter');
  const errorBox = $<HTMLElement>('[data-file-error]');

  const showError = (message: string | null) => {
    errorBox.textContent = message ?? '';
    errorBox.hidden = !message;
  };

  async function loadBytes(bytes: Uint8Array, name: string): Promise<void> {
    const wrong = sniffWrongFile(bytes);
    if (wrong) {
      showError(wrong);
      say(status, wrong);
      return;
    }
    Object.assign(state, { bytes, fileName: name, delimiter: undefined, mapping: null, overview: null, page: null, overrides: {}, view: { ...freshView(), filter: state.view.filter } });
    delimiterSelect.value = '';
    downloads.clear();
    say(status, `${name} wordt gelezen…`);
    if (!(await analysis.analyze())) {
      if (!settings.readToday()) say(status, 'Vul eerst een geldige verzenddatum in, bij stap 4.');
      return;
    }
    events.loaded();
    say(status, readMessage(name, state.overview!));
  }

  async function loadFile(file: File): Promise<void> {
    if (state.running) return;
    const tooBig = fileTooBig(file.size);
    if (tooBig) return showError(tooBig);
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch {
      return showError('Dit bestand kon niet geopend worden. Probeer het opnieuw, of bewaar het eerst op uw computer.');
    }
    await loadBytes(bytes, file.name);
  }

  input.addEventListener('change', () => {
    const file = input.files?.[0];
    // Emptied, so choosing the same file again after correcting it reads it again.
    if (file) void loadFile(file).finally(() => (input.value = ''));
  });
  dropZone($<HTMLElement>('[data-drop]'), (files) => files[0] && void loadFile(files[0]), () => say(status, 'Sleep het bestand in het vak onder “Uw bestand”.'));

  const sample = () => sampleCsv(settings.readToday() ?? localToday());
  $<HTMLButtonElement>('[data-action="sample"]').addEventListener('click', () => void loadBytes(new TextEncoder().encode(sample()), SAMPLE_FILE_NAME));
  $<HTMLButtonElement>('[data-action="sample-download"]').addEventListener('click', () => {
    const url = downloads.save(new Blob([sample()], { type: 'text/csv;charset=utf-8' }), SAMPLE_FILE_NAME);
    window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
    say(status, `${SAMPLE_FILE_NAME} is gedownload. Open het gerust in Excel.`);
  });

  delimiterSelect.addEventListener('change', () => {
    state.delimiter = parseDelimiter(delimiterSelect.value);
    state.mapping = null; // other columns: recognise them again
    state.overrides = {};
    void analysis.analyze().then((ok) => {
      if (!ok) return;
      events.loaded();
      say(status, 'Het bestand is opnieuw gelezen met dit scheidingsteken.');
    });
  });

  // A file chosen before the script ran (or kept by the browser on "back").
  const early = input.files?.[0];
  if (early) queueMicrotask(() => void loadFile(early));

  return {
    showError,
    showFacts: () => showFacts(ctx, showError),
  };
}
