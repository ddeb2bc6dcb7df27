/**
 * The bulk page's island (/meerdere-facturen/): reads the CSV in the browser (file input or drop),
 * runs the light bulk stages (src/bulk/index.ts: parse, columns, validate, group, plan) on every
 * change, and shows the mapping, the check per cell and the plan per customer. Reading, checking
 * and making the zip run in a Web Worker (islands/bulk-worker.ts), so a large file never blocks
 * the page; the renderers load in that worker on the first run. The file is never uploaded;
 * the column mapping, the page's settings and the sender's details stay in localStorage.
 */
import type { Workflow } from '../../content/schema.ts';
import {
  parseMapping,
  serializeMapping,
  setMappedColumns,
  normalizeHeader,
  stepLabel,
  BULK_FIELDS,
  type BulkField,
  type ColumnMapping,
  type CustomerOverride,
  type Delimiter,
  type Prepared,
  type PrepareOptions,
  type StepChoice,
} from '../../bulk/index.ts';
import { legalStepWarning, type SentState } from '../../bulk/plan.ts';
import { CHANNEL_LABELS } from '../../export/schedule.ts';
import { offsetLabel } from '../../vocabulary/naming.ts';
import { readJsonScript } from '../lib/json-script.ts';
import { sampleCsv, SAMPLE_FILE_NAME } from '../lib/bulk-sample.ts';
import { MAPPING_STORAGE_KEY, SETTINGS_STORAGE_KEY, type BulkPageData } from '../lib/bulk-types.ts';
import { BulkClient } from './bulk-client.ts';
import { initSender } from './bulk-sender.ts';
import { capitalize, planSummaryText, plural, renderCustomers, renderMapping, renderRows, updateCustomerResults, type RowFilter } from './bulk-view.ts';
import { dropZone, h } from '../lib/element.ts';

const root = document.querySelector<HTMLElement>('[data-bulk]');
if (root) init(root);

const PAGE_ROWS = 200;
const PAGE_CUSTOMERS = 100;
/** The parser reads at most 20 MB; a bigger file is not an invoice export. */
const MAX_FILE_BYTES = 50 * 1024 * 1024;

interface Settings {
  workflow?: string;
  jurisdiction?: 'be' | 'nl';
  klanttype?: 'onderneming' | 'consument';
  betaallink?: string;
  defaultTermDays?: string;
}

interface State {
  bytes: Uint8Array | null;
  fileName: string;
  delimiter: Delimiter | undefined;
  mapping: ColumnMapping | null;
  mappingSource: 'herkend' | 'onthouden' | 'zelf';
  prepared: Prepared | null;
  overrides: Record<string, CustomerOverride>;
  rowLimit: number;
  customerLimit: number;
  running: AbortController | null;
  download: { url: string; name: string } | null;
}

// ---------------------------------------------------------------- storage

function readJson(key: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(key) ?? '{}');
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function writeJson(key: string, value: Record<string, unknown>): void {
  try {
    if (Object.keys(value).length) localStorage.setItem(key, JSON.stringify(value));
    else localStorage.removeItem(key);
  } catch {
    // Storage full or blocked: remembering is a convenience.
  }
}

/** The same export next month has the same columns: that is what a remembered mapping is for. */
const signatureOf = (headers: readonly string[]) => headers.map(normalizeHeader).sort().join('|');

function rememberedMapping(headers: readonly string[]): ColumnMapping | null {
  const stored = readJson(MAPPING_STORAGE_KEY)[signatureOf(headers)];
  return stored === undefined ? null : parseMapping(stored);
}

function rememberMapping(headers: readonly string[], mapping: ColumnMapping | null): void {
  const all = readJson(MAPPING_STORAGE_KEY);
  const signature = signatureOf(headers);
  delete all[signature];
  if (mapping) all[signature] = serializeMapping(mapping);
  // The most recent last; keep a handful of tools.
  const entries = Object.entries(all).slice(-12);
  writeJson(MAPPING_STORAGE_KEY, Object.fromEntries(entries));
}

// ---------------------------------------------------------------- dates and words

function localToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

const DELIMITER_LABEL: Record<Delimiter, string> = { ';': 'puntkomma (;)', ',': 'komma (,)', '\t': 'tab' };
const ENCODING_LABEL = { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16 (Unicode-tekst)', 'utf-16be': 'UTF-16 (Unicode-tekst)', 'windows-1252': 'Windows-1252 (ANSI)' } as const;

function sniffWrongFile(bytes: Uint8Array): string | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0xd0, 0xcf, 0x11, 0xe0)) {
    return 'Dit is een Excel-werkmap, geen CSV-bestand. Open het in Excel, kies Opslaan als en dan CSV (gescheiden door lijstscheidingsteken), en laad dat bestand hier.';
  }
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'Dit is een PDF. Tijdig heeft een lijst nodig met één factuur per rij: exporteer de openstaande facturen als CSV uit uw boekhoudprogramma.';
  return null;
}

// ---------------------------------------------------------------- the page

function init(root: HTMLElement): void {
  const model = readJsonScript<BulkPageData>('tj-bulk-data');
  const $ = <T extends Element>(selector: string) => root.querySelector<T>(selector)!;

  const status = $<HTMLElement>('[data-status]');
  const fileInput = $<HTMLInputElement>('#bk-file');
  const drop = $<HTMLElement>('[data-drop]');
  const fileError = $<HTMLElement>('[data-file-error]');
  const fileInfo = $<HTMLElement>('[data-file-info]');
  const delimiterSelect = $<HTMLSelectElement>('#bk-delimiter');
  const mappingBox = $<HTMLElement>('[data-mapping]');
  const mappingSource = $<HTMLElement>('[data-mapping-source]');
  const mappingProblems = $<HTMLElement>('[data-mapping-problems]');
  const termInput = $<HTMLInputElement>('#bk-term');
  const termError = $<HTMLElement>('#bk-term-fout');
  const rowsBox = $<HTMLElement>('[data-rows]');
  const rowFilter = $<HTMLSelectElement>('#bk-row-filter');
  const moreRows = $<HTMLButtonElement>('[data-action="more-rows"]');
  const rowSummary = $<HTMLElement>('[data-row-summary]');
  const settingsForm = $<HTMLFormElement>('[data-settings]');
  const workflowSelect = $<HTMLSelectElement>('#bk-workflow');
  const workflowSteps = $<HTMLElement>('[data-workflow-steps]');
  const todayInput = $<HTMLInputElement>('#bk-today');
  const todayError = $<HTMLElement>('#bk-today-fout');
  const choiceSelect = $<HTMLSelectElement>('#bk-choice');
  const sentSelect = $<HTMLSelectElement>('#bk-sent');
  const legalBox = $<HTMLElement>('[data-legal]');
  const legalText = $<HTMLElement>('[data-legal-text]');
  const legalOk = $<HTMLInputElement>('[data-legal-ok]');
  const jurisdictionSelect = $<HTMLSelectElement>('#bk-jurisdiction');
  const klanttypeSelect = $<HTMLSelectElement>('#bk-klanttype');
  const customersBox = $<HTMLElement>('[data-customers]');
  const moreCustomers = $<HTMLButtonElement>('[data-action="more-customers"]');
  const planSummary = $<HTMLElement>('[data-plan-summary]');
  const linkInput = $<HTMLInputElement>('#bk-betaallink');
  const linkError = $<HTMLElement>('#bk-betaallink-fout');
  const runReady = $<HTMLElement>('[data-run-ready]');
  const runButton = $<HTMLButtonElement>('[data-action="run"]');
  const cancelButton = $<HTMLButtonElement>('[data-action="cancel"]');
  const progress = $<HTMLElement>('[data-progress]');
  const progressBar = $<HTMLElement>('[data-progressbar]');
  const progressFill = $<HTMLElement>('[data-progress-bar]');
  const progressText = $<HTMLElement>('[data-progress-text]');
  const runStatus = $<HTMLElement>('[data-run-status]');
  const runResult = $<HTMLElement>('[data-run-result]');
  const afterFile = [...root.querySelectorAll<HTMLElement>('[data-after-file]')];
  const [mappingSection, ...laterSections] = afterFile;

  const sender = initSender($<HTMLFormElement>('[data-sender]'), model.senderFields, model.examples);

  const client = new BulkClient();
  const state: State = {
    bytes: null,
    fileName: '',
    delimiter: undefined,
    mapping: null,
    mappingSource: 'herkend',
    prepared: null,
    overrides: {},
    rowLimit: PAGE_ROWS,
    customerLimit: PAGE_CUSTOMERS,
    running: null,
    download: null,
  };

  // ---------------------------------------------------------------- settings

  const settings = readJson(SETTINGS_STORAGE_KEY) as Settings;
  if (settings.workflow && model.workflows.some((w) => w.id === settings.workflow)) workflowSelect.value = settings.workflow;
  if (settings.jurisdiction === 'be' || settings.jurisdiction === 'nl') jurisdictionSelect.value = settings.jurisdiction;
  if (settings.klanttype === 'onderneming' || settings.klanttype === 'consument') klanttypeSelect.value = settings.klanttype;
  if (typeof settings.betaallink === 'string') linkInput.value = settings.betaallink;
  if (typeof settings.defaultTermDays === 'string') termInput.value = settings.defaultTermDays;
  todayInput.value = localToday();

  const saveSettings = () =>
    writeJson(SETTINGS_STORAGE_KEY, {
      workflow: workflowSelect.value,
      jurisdiction: jurisdictionSelect.value,
      klanttype: klanttypeSelect.value,
      ...(linkInput.value.trim() ? { betaallink: linkInput.value.trim() } : {}),
      ...(termInput.value.trim() ? { defaultTermDays: termInput.value.trim() } : {}),
    });

  const workflow = (): Workflow => model.workflows.find((w) => w.id === workflowSelect.value) ?? model.workflows[0]!;

  function fillChoices(): void {
    const w = workflow();
    const order = w.stappen.map((_, i) => i).sort((a, b) => w.stappen[a]!.offset - w.stappen[b]!.offset || a - b);
    const kept = choiceSelect.value;
    choiceSelect.replaceChildren(
      h('option', { value: 'automatisch' }, 'Per klant de stap die vandaag aan de beurt is'),
      ...order.map((i) => h('option', { value: String(i) }, `Iedereen: ${stepLabel(w.stappen[i]!)}`)),
    );
    choiceSelect.value = [...choiceSelect.options].some((o) => o.value === kept) ? kept : 'automatisch';
    const keptSent = sentSelect.value;
    sentSelect.replaceChildren(
      h('option', { value: 'onbekend' }, 'Weet ik niet: begin bij de eerste stap'),
      h('option', { value: 'geen' }, 'Nog niets'),
      ...order.map((i) => h('option', { value: String(i) }, `Tot en met ${stepLabel(w.stappen[i]!)}`)),
      h('option', { value: 'volgens-schema' }, 'Alles wat volgens het draaiboek al aan de beurt was'),
    );
    sentSelect.value = [...sentSelect.options].some((o) => o.value === keptSent) ? keptSent : 'onbekend';
    workflowSteps.textContent = `Stappen: ${order.map((i) => `${offsetLabel(w.stappen[i]!.offset)} ${CHANNEL_LABELS[w.stappen[i]!.kanaal]}`).join(' → ')}`;
  }

  const choice = (): StepChoice => (choiceSelect.value === 'automatisch' ? 'automatisch' : Number(choiceSelect.value));
  const sent = (): SentState => (/^\d+$/.test(sentSelect.value) ? Number(sentSelect.value) : sentSelect.value === 'geen' || sentSelect.value === 'volgens-schema' ? sentSelect.value : 'onbekend');

  function readTerm(): { ok: boolean; days?: number } {
    const text = termInput.value.trim();
    if (!text) return { ok: true };
    const days = /^\d{1,3}$/.test(text) ? Number(text) : NaN;
    return days >= 1 && days <= 365 ? { ok: true, days } : { ok: false };
  }

  function showFieldError(input: HTMLInputElement, error: HTMLElement, message: string | null): void {
    error.textContent = message ?? '';
    error.hidden = !message;
    if (message) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  }

  function readToday(): string | null {
    const value = todayInput.value;
    const ok = /^\d{4}-\d{2}-\d{2}$/.test(value) && !todayInput.validity.badInput && value >= '2000-01-01' && value <= '2099-12-31';
    showFieldError(todayInput, todayError, ok ? null : 'Vul een volledige verzenddatum in (dag, maand en jaar).');
    return ok ? value : null;
  }

  function readLink(): { ok: boolean; value?: string } {
    const text = linkInput.value.trim();
    if (!text) {
      showFieldError(linkInput, linkError, null);
      return { ok: true };
    }
    let url: URL | null = null;
    try {
      url = new URL(text);
    } catch {
      url = null;
    }
    const ok = !!url && url.protocol === 'https:' && url.hostname.includes('.');
    showFieldError(linkInput, linkError, ok ? null : 'Vul een volledig webadres in dat met https:// begint.');
    return ok ? { ok, value: text } : { ok };
  }

  // ---------------------------------------------------------------- messages

  function say(element: HTMLElement, message: string): void {
    element.textContent = '';
    // A fresh text node, so a repeated message is announced again.
    window.setTimeout(() => (element.textContent = message), 30);
  }

  function showFileError(message: string | null): void {
    fileError.textContent = message ?? '';
    fileError.hidden = !message;
  }

  // ---------------------------------------------------------------- analysis

  function options(today: string): PrepareOptions {
    const term = readTerm();
    return {
      today,
      workflow: workflow(),
      jurisdiction: jurisdictionSelect.value === 'nl' ? 'nl' : 'be',
      klanttype: klanttypeSelect.value === 'consument' ? 'consument' : 'onderneming',
      choice: choice(),
      sent: sent(),
      overrides: state.overrides,
      ...(state.delimiter ? { delimiter: state.delimiter } : {}),
      ...(term.days !== undefined ? { defaultTermDays: term.days } : {}),
    };
  }

  /**
   * Runs every stage again in the worker and redraws; false when nothing could be read, or when a
   * newer analysis (a later change) has taken its place.
   */
  let analysis = 0;
  async function analyze(): Promise<boolean> {
    if (!state.bytes) return false;
    const today = readToday();
    if (!today) return false;
    const ticket = ++analysis;
    const bytes = state.bytes;
    const base = options(today);
    let prepared: Prepared;
    let source = state.mappingSource;
    try {
      if (!state.mapping) {
        prepared = await client.prepare(bytes, base);
        const remembered = rememberedMapping(prepared.parsed.headers);
        if (remembered && serializeMapping(remembered) !== serializeMapping(prepared.mapping)) {
          prepared = await client.prepare(bytes, { ...base, mapping: remembered });
        }
        source = remembered ? 'onthouden' : 'herkend';
      } else {
        prepared = await client.prepare(bytes, { ...base, mapping: state.mapping });
      }
    } catch (error) {
      if (ticket !== analysis || (error as Error).name === 'AbortError') return false;
      console.warn('Tijdig: bestand lezen mislukt', error);
      showFileError('Dit bestand kon niet gelezen worden. Is het een CSV-bestand met één factuur per rij?');
      return false;
    }
    // Draw in a task of its own: copying a large answer from the worker already took one.
    await new Promise((resolve) => window.setTimeout(resolve, 0));
    // A later change (another file, setting or column) asked again meanwhile: its answer counts.
    if (ticket !== analysis || bytes !== state.bytes) return false;
    state.mapping = prepared.mapping;
    state.mappingSource = source;
    state.prepared = prepared;
    render();
    return true;
  }

  function render(): void {
    const prepared = state.prepared!;
    const { parsed, validation } = prepared;
    const readable = parsed.headers.length > 0 && parsed.rows.length > 0;

    // The file
    fileInfo.hidden = false;
    const fact = (name: string, text: string) => ($<HTMLElement>(`[data-fact="${name}"]`).textContent = text);
    fact('name', state.fileName);
    fact('rows', `${plural(parsed.rows.length, 'rij', 'rijen')} met gegevens${parsed.emptyRows ? `, ${plural(parsed.emptyRows, 'lege rij', 'lege rijen')}` : ''}`);
    fact('delimiter', `${DELIMITER_LABEL[parsed.delimiter]}${state.delimiter ? ', zelf gekozen' : ', herkend'}`);
    fact('encoding', `${ENCODING_LABEL[parsed.encoding]}${parsed.bom ? ' met BOM' : ''}`);
    fact('header', parsed.headerRow > 1 ? `rij ${parsed.headerRow} (de regels erboven zijn overgeslagen)` : `rij ${parsed.headerRow || 1}`);
    const issues = validation.fileIssues.map((i) => h('li', {}, `${i.row ? `Rij ${i.row}: ` : ''}${capitalize(i.message)}.`.replace(/\.\.$/, '.')));
    $<HTMLElement>('[data-file-issues]').replaceChildren(...issues);
    showFileError(readable ? null : 'In dit bestand staan geen facturen die Tijdig kan lezen. Kijk na of u de juiste export koos.');

    mappingSection!.hidden = !readable;
    if (!readable) {
      for (const s of laterSections) s.hidden = true;
      return;
    }

    // The mapping
    const term = readTerm();
    renderMapping(mappingBox, prepared, state.mapping!, term.days);
    mappingSource.textContent =
      state.mappingSource === 'onthouden'
        ? 'Uw kolomkeuze van de vorige keer is toegepast.'
        : state.mappingSource === 'zelf'
          ? 'Uw keuze is bewaard in deze browser.'
          : 'Tijdig herkende de kolommen hieronder. Kijk ze even na.';
    mappingProblems.hidden = prepared.mappingProblems.length === 0;
    mappingProblems.replaceChildren(
      h('p', {}, h('strong', {}, 'Nog niet alles is gekozen.'), ' Zonder deze kolommen kan Tijdig de rijen niet controleren:'),
      h('ul', {}, ...prepared.mappingProblems.map((p) => h('li', {}, p))),
    );
    for (const s of laterSections) s.hidden = prepared.mappingProblems.length > 0;
    if (prepared.mappingProblems.length) return;

    // Rows
    const counts = validation.counts;
    rowSummary.textContent =
      `${plural(counts.rows, 'rij', 'rijen')} gelezen: ${plural(counts.valid, 'factuur', 'facturen')} in orde` +
      `${counts.skipped ? `, ${plural(counts.skipped, 'rij gaat', 'rijen gaan')} niet mee door een fout` : ''}` +
      `${counts.warnings ? `, ${plural(counts.warnings, 'opmerking', 'opmerkingen')}` : ''}. ` +
      `Samen ${plural(prepared.groups.length, 'klant', 'klanten')}.`;
    renderRowTable();

    // Customers
    renderCustomerTable();
    renderPlanSummary();
  }

  function renderRowTable(): void {
    const { matching, shown } = renderRows(rowsBox, state.prepared!, { filter: rowFilter.value as RowFilter, limit: state.rowLimit });
    moreRows.hidden = shown >= matching;
  }

  function renderCustomerTable(): void {
    const { total, shown } = renderCustomers(customersBox, state.prepared!, workflow(), choice(), state.overrides, state.customerLimit);
    moreCustomers.hidden = shown >= total;
  }

  function renderPlanSummary(): void {
    const prepared = state.prepared!;
    planSummary.textContent = planSummaryText(prepared);
    const ready = prepared.summary.klaar;
    const others = prepared.customers.length - ready;
    const rest = others === 0 ? '' : others === 1 ? ' De andere klant staat ook in het overzicht in de zip.' : ` De ${others.toLocaleString('nl-BE')} andere klanten staan ook in het overzicht in de zip.`;
    runReady.textContent = ready
      ? `${plural(ready, 'klant krijgt', 'klanten krijgen')} vandaag een bericht.${rest}`
      : 'Er is vandaag voor geen enkele klant een bericht. Kies een andere stap of een andere verzenddatum.';
    runButton.disabled = ready === 0 || state.running !== null;
    // A formal notice or a hand-over claims earlier reminders: the user confirms before it is made.
    const warning = legalStepWarning(prepared.customers);
    if (warning !== legalText.textContent) legalOk.checked = false;
    legalText.textContent = warning ?? '';
    legalBox.hidden = !warning;
  }

  // ---------------------------------------------------------------- loading a file

  async function loadBytes(bytes: Uint8Array, name: string): Promise<void> {
    const wrong = sniffWrongFile(bytes);
    if (wrong) {
      showFileError(wrong);
      say(status, wrong);
      return;
    }
    Object.assign(state, { bytes, fileName: name, delimiter: undefined, mapping: null, prepared: null, overrides: {}, rowLimit: PAGE_ROWS, customerLimit: PAGE_CUSTOMERS });
    delimiterSelect.value = '';
    clearResult();
    say(status, `${name} wordt gelezen…`);
    // Let the message paint before the (synchronous) analysis of a big file.
    await new Promise((resolve) => window.setTimeout(resolve, 0));
    if (!(await analyze())) {
      if (!readToday()) say(status, 'Vul eerst een geldige verzenddatum in, bij stap 4.');
      return;
    }
    const p = state.prepared!;
    const message = p.mappingProblems.length
      ? `${name} is gelezen: ${plural(p.parsed.rows.length, 'rij', 'rijen')}. Kies nog de ontbrekende kolommen.`
      : `${name} is gelezen: ${plural(p.validation.counts.valid, 'factuur', 'facturen')} van ${plural(p.groups.length, 'klant', 'klanten')}${p.validation.counts.skipped ? `, ${plural(p.validation.counts.skipped, 'rij gaat', 'rijen gaan')} niet mee` : ''}.`;
    say(status, message);
  }

  async function loadFile(file: File): Promise<void> {
    if (state.running) return;
    if (file.size > MAX_FILE_BYTES) {
      showFileError(`Dit bestand is ${Math.round(file.size / 1024 / 1024)} MB groot. Een export van openstaande facturen is veel kleiner: kijk na of u het juiste bestand koos.`);
      return;
    }
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch {
      showFileError('Dit bestand kon niet geopend worden. Probeer het opnieuw, of bewaar het eerst op uw computer.');
      return;
    }
    await loadBytes(bytes, file.name);
  }

  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    // Emptied, so choosing the same file again after correcting it reads it again.
    if (file) void loadFile(file).finally(() => (fileInput.value = ''));
  });

  dropZone(
    drop,
    (files) => {
      const file = files[0];
      if (file) void loadFile(file);
    },
    () => say(status, 'Sleep het bestand in het vak onder “Uw bestand”.'),
  );

  $<HTMLButtonElement>('[data-action="sample"]').addEventListener('click', () => {
    void loadBytes(new TextEncoder().encode(sampleCsv(readToday() ?? localToday())), SAMPLE_FILE_NAME);
  });
  $<HTMLButtonElement>('[data-action="sample-download"]').addEventListener('click', () => {
    const url = saveBlob(new Blob([sampleCsv(readToday() ?? localToday())], { type: 'text/csv;charset=utf-8' }), SAMPLE_FILE_NAME);
    window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
    say(status, `${SAMPLE_FILE_NAME} is gedownload. Open het gerust in Excel.`);
  });

  delimiterSelect.addEventListener('change', () => {
    const v = delimiterSelect.value;
    state.delimiter = v === ';' || v === ',' ? v : v === 'tab' ? '\t' : undefined;
    state.mapping = null; // other columns: recognise them again
    state.overrides = {};
    void analyze().then((ok) => ok && say(status, 'Het bestand is opnieuw gelezen met dit scheidingsteken.'));
  });

  // ---------------------------------------------------------------- mapping

  mappingBox.addEventListener('change', (event) => {
    const select = event.target;
    if (!(select instanceof HTMLSelectElement) || !state.mapping || !state.prepared) return;
    const field = select.dataset['field'] as BulkField;
    if (!(BULK_FIELDS as readonly string[]).includes(field)) return;
    const values = [...mappingBox.querySelectorAll<HTMLSelectElement>(`select[data-field="${field}"]`)].map((s) => s.value).filter(Boolean);
    state.mapping = setMappedColumns(state.mapping, field, [...new Set(values)]);
    state.mappingSource = 'zelf';
    state.overrides = {};
    rememberMapping(state.prepared.parsed.headers, state.mapping);
    const focused = select.id;
    void analyze().then((ok) => {
      if (!ok) return;
      // The mapping form was drawn again: give the focus back to the same choice.
      document.getElementById(focused)?.focus();
      const p = state.prepared!;
      say(status, p.mappingProblems.length ? 'Kolom aangepast. Er ontbreekt nog een verplichte kolom.' : `Kolom aangepast: ${plural(p.validation.counts.valid, 'factuur', 'facturen')} in orde.`);
    });
  });

  $<HTMLButtonElement>('[data-action="mapping-guess"]').addEventListener('click', () => {
    if (!state.prepared) return;
    rememberMapping(state.prepared.parsed.headers, null);
    state.mapping = state.prepared.guess.mapping;
    state.mappingSource = 'herkend';
    state.overrides = {};
    void analyze().then((ok) => ok && say(status, 'De kolommen zijn terug zoals Tijdig ze herkende.'));
  });

  $<HTMLButtonElement>('[data-action="mapping-forget"]').addEventListener('click', () => {
    writeJson(MAPPING_STORAGE_KEY, {});
    say(status, 'Deze browser is uw kolomkeuzes vergeten. De kolommen van dit bestand blijven staan tot u het opnieuw laadt.');
  });

  termInput.addEventListener('change', () => {
    const term = readTerm();
    showFieldError(termInput, termError, term.ok ? null : 'Schrijf een aantal dagen van 1 tot 365, bijvoorbeeld 30.');
    if (!term.ok) return;
    saveSettings();
    void analyze();
  });

  // ---------------------------------------------------------------- rows and customers

  rowFilter.addEventListener('change', () => {
    state.rowLimit = PAGE_ROWS;
    if (state.prepared) renderRowTable();
  });
  moreRows.addEventListener('click', () => {
    state.rowLimit += PAGE_ROWS;
    renderRowTable();
  });
  moreCustomers.addEventListener('click', () => {
    state.customerLimit += PAGE_CUSTOMERS;
    renderCustomerTable();
  });

  settingsForm.addEventListener('submit', (event) => event.preventDefault());
  settingsForm.addEventListener('change', (event) => {
    if (event.target === workflowSelect) {
      state.overrides = {};
      fillChoices();
    }
    saveSettings();
    void analyze().then((ok) => ok && say(status, `Bijgewerkt. ${planSummaryText(state.prepared!)}`));
  });

  customersBox.addEventListener('change', async (event) => {
    const select = event.target;
    if (!(select instanceof HTMLSelectElement) || !select.dataset['key'] || !state.bytes) return;
    const key = select.dataset['key'];
    if (select.value === '') delete state.overrides[key];
    else state.overrides[key] = select.value === 'overslaan' ? 'overslaan' : Number(select.value);
    const today = readToday();
    if (!today || !state.mapping) return;
    const ticket = ++analysis;
    const bytes = state.bytes;
    let prepared: Prepared;
    try {
      prepared = await client.prepare(bytes, { ...options(today), mapping: state.mapping });
    } catch {
      return;
    }
    if (ticket !== analysis || bytes !== state.bytes) return;
    state.prepared = prepared;
    updateCustomerResults(customersBox, state.prepared);
    renderRowTable();
    renderPlanSummary();
    const c = state.prepared.customers.find((x) => x.group.key === key);
    if (c) say(status, `${c.group.klant.naam ?? 'Klant'}: ${c.status === 'klaar' ? 'wordt gemaakt' : c.status === 'wachten' ? 'nog niets vandaag' : 'overgeslagen'}.`);
  });

  // ---------------------------------------------------------------- sender

  $<HTMLButtonElement>('[data-action="sender-example"]').addEventListener('click', () => {
    sender.fillExample();
    say(status, 'Lege velden zijn ingevuld met een voorbeeld. Vervang ze door uw eigen gegevens.');
  });
  $<HTMLButtonElement>('[data-action="sender-forget"]').addEventListener('click', () => {
    sender.forget();
    say(status, 'Uw bedrijfsgegevens zijn gewist uit deze browser.');
  });
  linkInput.addEventListener('change', () => {
    if (readLink().ok) saveSettings();
  });

  // ---------------------------------------------------------------- the run

  function saveBlob(blob: Blob, name: string): string {
    const url = URL.createObjectURL(blob);
    const link = h('a', { href: url, download: name, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    return url;
  }

  function clearResult(): void {
    if (state.download) URL.revokeObjectURL(state.download.url);
    state.download = null;
    runResult.hidden = true;
    runResult.replaceChildren();
    runStatus.textContent = '';
    progress.hidden = true;
  }

  /** At most ~8 redraws a second: each one lays out part of a page with two big tables. */
  let drawn = 0;
  function setProgress(done: number, total: number, text: string, force = false): void {
    const now = performance.now();
    if (!force && now - drawn < 120) return;
    drawn = now;
    const percent = total ? Math.round((done / total) * 100) : 0;
    progressBar.setAttribute('aria-valuenow', String(percent));
    progressBar.setAttribute('aria-valuetext', `${done.toLocaleString('nl-BE')} van ${plural(total, 'klant', 'klanten')}`);
    progressFill.style.width = `${percent}%`;
    progressText.textContent = text;
  }

  runButton.addEventListener('click', () => void run());
  cancelButton.addEventListener('click', () => state.running?.abort());

  async function run(): Promise<void> {
    if (state.running || !state.prepared || !state.bytes || !state.mapping) return;
    const today = readToday();
    const link = readLink();
    const { sender: details, invalid } = sender.read();
    const firstBad = invalid ?? (link.ok ? null : linkInput) ?? (today ? null : todayInput);
    if (firstBad || !today) {
      firstBad?.focus();
      say(runStatus, 'Nog niet alles klopt: kijk de rode meldingen na.');
      return;
    }
    // The plan as shown; the worker plans again with the date read now (the page may have stayed open overnight).
    const prepared = state.prepared;
    if (!prepared.summary.klaar) {
      say(runStatus, 'Er is vandaag voor geen enkele klant een bericht.');
      return;
    }
    if (legalStepWarning(prepared.customers) && !legalOk.checked) {
      legalOk.focus();
      say(runStatus, 'Er zitten juridische stappen in dit pakket. Bevestig eerst dat de vorige stappen verstuurd zijn, of kies bij “Wat kregen de klanten al?” wat klopt.');
      return;
    }
    clearResult();
    const controller = new AbortController();
    state.running = controller;
    runButton.disabled = true;
    runButton.setAttribute('aria-busy', 'true');
    cancelButton.hidden = false;
    progress.hidden = false;
    setProgress(0, prepared.customers.length, 'De sjablonen worden geladen…', true);
    say(runStatus, `Het pakket wordt gemaakt voor ${plural(prepared.summary.klaar, 'klant', 'klanten')}. U kunt verder werken op deze pagina.`);
    const started = performance.now();
    try {
      const senderData = {
        ...details,
        dossier: { jurisdictie: jurisdictionSelect.value === 'nl' ? 'nl' : 'be', klanttype: klanttypeSelect.value === 'consument' ? 'consument' : 'onderneming' },
        ...(link.value ? { betaallink: link.value } : {}),
      } as const;
      const out = await client.pack(state.bytes, { ...options(today), mapping: state.mapping }, senderData, controller.signal, (p) => {
        const text = p.phase === 'klanten' ? (p.customer ? `Klant ${p.done.toLocaleString('nl-BE')} van ${p.total.toLocaleString('nl-BE')}: ${p.customer}` : 'Bezig…') : p.phase === 'afronden' ? 'Het overzicht en de zip worden afgewerkt…' : 'Klaar.';
        setProgress(p.done, p.total, text, p.phase !== 'klanten');
      });
      const { result } = out;
      const seconds = ((performance.now() - started) / 1000).toLocaleString('nl-BE', { maximumFractionDigits: 1 });
      const url = saveBlob(new Blob([result.zip as BlobPart], { type: 'application/zip' }), result.fileName);
      state.download = { url, name: result.fileName };
      const size = (result.zip.length / 1024 / 1024).toLocaleString('nl-BE', { maximumFractionDigits: 1 });
      const c = result.counts;
      runResult.replaceChildren(
        h('p', {}, h('strong', {}, `${result.fileName} is klaar`), ` (${size} MB, ${plural(result.files.length, 'bestand', 'bestanden')}, gemaakt in ${seconds} seconden).`),
        h(
          'ul',
          {},
          h('li', {}, `${plural(c.aangemaakt, 'klant', 'klanten')} met een bericht voor vandaag`),
          c.wachten ? h('li', {}, `${plural(c.wachten, 'klant', 'klanten')} nog zonder stap (wel in het overzicht en de agenda)`) : null,
          c.overgeslagen ? h('li', {}, `${plural(c.overgeslagen, 'klant', 'klanten')} overgeslagen (de reden staat in 00_overzicht.csv)`) : null,
          c.mislukt ? h('li', {}, `${plural(c.mislukt, 'klant', 'klanten')} mislukt: zie 00_overzicht.csv`) : null,
        ),
        ...(out.missing.length
          ? [h('div', { class: 'note' }, h('p', {}, h('strong', {}, 'Nog aan te vullen in de berichten:')), h('ul', {}, ...out.missing.slice(0, 8).map((m) => h('li', {}, m))))]
          : []),
        h('p', {}, h('a', { href: url, download: result.fileName }, 'Download het pakket opnieuw')),
      );
      runResult.hidden = false;
      setProgress(prepared.customers.length, prepared.customers.length, 'Klaar.', true);
      say(runStatus, `Klaar: ${result.fileName} is gedownload.`);
    } catch (error) {
      if (controller.signal.aborted) {
        say(runStatus, 'Gestopt. Er is geen zip gemaakt.');
      } else if (error instanceof Error && error.name === 'BulkInputError') {
        const problems = (error as Error & { problems?: readonly string[] }).problems ?? [error.message];
        runResult.replaceChildren(h('div', { class: 'note bk-alert', role: 'alert' }, h('p', {}, 'Het pakket kon niet gemaakt worden:'), h('ul', {}, ...problems.map((p) => h('li', {}, `${capitalize(p)}.`)))));
        runResult.hidden = false;
        say(runStatus, 'Het pakket kon niet gemaakt worden. Kijk de meldingen na.');
      } else {
        console.warn('Tijdig: pakket maken mislukt', error);
        say(runStatus, 'Het pakket kon niet gemaakt worden. Probeer het opnieuw; lukt het niet, laad de pagina dan opnieuw.');
      }
      progress.hidden = true;
    } finally {
      state.running = null;
      runButton.removeAttribute('aria-busy');
      runButton.disabled = false;
      cancelButton.hidden = true;
    }
  }

  fillChoices();
  // A file chosen before the script ran (or kept by the browser on "back").
  const early = fileInput.files?.[0];
  if (early) void loadFile(early);
}

