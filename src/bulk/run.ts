/**
 * Builds the bulk zip in the browser: per customer the files of today's step (e-mail: .eml, .html,
 * .txt; letter and phone: .pdf, .docx, .txt), an overview CSV for Dutch/Belgian Excel, a CSV of
 * every message about the file, one calendar (.ics) with each customer's next step, and a LEESMIJ.
 *
 * Browser-safe: the pack's own renderers, no Node modules. Files go to a ZipSink as each customer is
 * done: the page's zip worker, the command line's file, or else fflate in memory (zip-memory.ts),
 * so compression is spread over the run; between customers
 * the loop gives the event loop a turn (a macrotask, at most every ~10 ms) and reports progress, so
 * the page stays responsive. A customer whose files fail (a renderer error) is reported and the
 * run goes on. Everything deterministic: entry order, zip dates, EML boundaries, PDF/DOCX dates
 * all come from the input, so the same input gives the same bytes.
 *
 * Usage (the page's worker loads this module once a file is read, islands/bulk-run.ts; the format
 * registry imports each renderer once, when a step first needs it):
 *   for await (const p of buildBulkSteps(input)) bar.value = p.done / p.total;   // or:
 *   const result = await buildBulk(input, (p) => (bar.value = p.done / p.total));
 */
import { FillData, KINDS_FOR_CHANNEL, PLACEHOLDERS, type Channel, type Workflow } from '../content/schema.ts';
import { planToIcs, type IcsEvent } from '../export/ics.ts';
import { toCsv } from '../export/csv.ts';
import { assertIsoDate, CHANNEL_ACTIONS, CHANNEL_LABELS } from '../export/schedule.ts';
import { calculate } from '../model/compute.ts';
import { fill } from '../model/fill.ts';
import { candidatesFor } from '../model/variants.ts';
import { formatDateShort, formatMoney } from '../model/format.ts';
import { isValidIban } from '../model/payment-ids.ts';
import type { FilledDocument, Run, TemplateDoc } from '../model/types.ts';
import { FORMAT_INFO, FORMATS_FOR_CHANNEL, renderFormat, type Format } from '../render/formats.ts';
import { offsetLabel, slugify } from '../vocabulary/naming.ts';
import { fillEmail, type CompiledEmail } from '../render/html/fill.ts';
import type { PdfFonts } from '../render/pdf/index.ts';
import { renderText } from '../render/text/index.ts';
import { invoiceAttachments, type InvoicePdf } from './attachments.ts';
import { customerFillData, referenceNote, type BulkSender } from './group.ts';
import type { PlannedCustomer } from './plan.ts';
import type { CellIssue } from './validate.ts';
import { ZipWriter, type ZipData } from './zip-memory.ts';


/**
 * The text of a customer's step for the customer's legal case: the base template the playbook names,
 * or its variant for that country and customer type. Without a variant the base stays (and the
 * run notes that it was written for another case).
 */
function textId(all: readonly TemplateDoc[], c: { template: string | null; group: { jurisdictie: 'be' | 'nl'; klanttype: 'onderneming' | 'consument' } }): string {
  const found = candidatesFor(all, c.template!, `${c.group.jurisdictie}-${c.group.klanttype}`);
  return found.length === 1 ? found[0]!.id : c.template!;
}

export interface BuildBulkInput {
  /** From planCustomers (all of them: waiting and skipped customers appear in the overview too). */
  customers: readonly PlannedCustomer[];
  workflow: Workflow;
  /** At least the templates of the steps in use. */
  templates: readonly TemplateDoc[];
  /** Compiled emails by template id (the build's JSON), for every e-mail step in use. */
  compiled: Readonly<Record<string, CompiledEmail>>;
  /**
   * DejaVu Sans regular and bold, needed only when a PDF is made: the fonts themselves, or a loader
   * asked with each document's text (the site fetches its small Latin subset when that suffices).
   */
  fonts?: PdfFonts | ((texts: string[]) => Promise<PdfFonts>);
  sender: BulkSender;
  /** YYYY-MM-DD: the sending date in every message. */
  today: string;
  /** Time written into EML, ICS, PDF, DOCX and zip entries. Default: now. Fix it for reproducible output. */
  now?: Date;
  /** Formats per channel; default FORMATS_FOR_CHANNEL (e-mail: html, txt, eml; others: docx, pdf, txt). */
  formats?: Partial<Record<Channel, readonly Format[]>>;
  /** Row issues from validateRows, listed in 00_meldingen.csv. */
  issues?: readonly CellIssue[];
  /** Right-hand side of the calendar UIDs. Default "tijdig.local". */
  uidDomain?: string;
  signal?: AbortSignal;
  /**
   * Another zip writer, made with the date for its entries (the command line streams to a file
   * with Node's zlib, the page deflates in a zip worker). Without it the zip is made in memory with fflate; with it,
   * memory never holds the zip and BulkResult.zip is empty.
   */
  archive?: (mtime: Date) => ZipSink;
  /** Where the run happens, for the LEESMIJ. Default 'browser'. */
  place?: 'browser' | 'computer';
  /** Original invoice PDFs by invoice number (from reconcile): attached to the .eml, else placed beside the letter. */
  invoicePdfs?: ReadonlyMap<string, InvoicePdf>;
}

export type { ZipData };

/** Where the files of a run go, in order: add() may wait (a slow disk), finish() closes the zip. */
export interface ZipSink {
  add(name: string, data: ZipData, compress: boolean): void | Promise<void>;
  finish(): Promise<void>;
}

export interface BulkProgress {
  phase: 'klanten' | 'afronden' | 'klaar';
  /** Customers handled so far. */
  done: number;
  total: number;
  /** Name of the customer just handled. */
  customer: string | null;
}

export interface SummaryRow {
  map: string;
  status: 'aangemaakt' | 'wachten' | 'overgeslagen' | 'mislukt';
  klantnummer: string;
  klant: string;
  email: string;
  aantalFacturen: number;
  facturen: string[];
  oudsteVervaldatum: string;
  dagenTeLaat: number;
  openstaand: number;
  interest: number | null;
  forfait: number | null;
  totaalMetKosten: number | null;
  kostenGevraagd: boolean;
  stap: string;
  kanaal: Channel | null;
  sjabloon: string;
  mededeling: string;
  volgendeStap: string;
  volgendeDatum: string;
  opmerkingen: string[];
}

export interface BulkResult {
  zip: Uint8Array;
  /** Suggested download name, e.g. "tijdig-herinneringen-2026-11-23.zip". */
  fileName: string;
  /** Paths in the zip, in order. */
  files: string[];
  summary: SummaryRow[];
  counts: { aangemaakt: number; wachten: number; overgeslagen: number; mislukt: number };
  /** Wall-clock duration of the run. */
  ms: number;
}

export class BulkInputError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`De bulkopdracht kan niet starten:\n- ${problems.join('\n- ')}`);
    this.name = 'BulkInputError';
    this.problems = problems;
  }
}

// ---------------------------------------------------------------- checks before the run

const PLACEHOLDER_LABEL = (path: string) => PLACEHOLDERS.get(path)?.label ?? path;

const formatsFor = (input: Pick<BuildBulkInput, 'formats'>, channel: Channel): readonly Format[] => input.formats?.[channel] ?? FORMATS_FOR_CHANNEL[channel];

/** What the checks before a run need besides the customers. */
export type CheckInput = Pick<BuildBulkInput, 'today' | 'uidDomain' | 'templates' | 'formats' | 'compiled' | 'fonts' | 'sender'>;

/**
 * The checks of checkBulkInput fed with customers in batches (in run order), so a run too large to
 * hold plans every customer once for them: add() each batch, read `used` (the texts in use, with
 * their channel: what to compile and whether fonts are needed), then result(). result() reads
 * input.compiled and input.fonts when it is called.
 */
export function bulkChecker(input: CheckInput, options: { warnings?: boolean } = {}) {
  const templates = new Map(input.templates.map((t) => [t.id, t]));
  const used = new Map<string, Channel>();
  const missing = new Map<string, number>();
  let active = 0;
  let anyEmail = false;
  // A dry fill that throws is reported as before: only when nothing else stops the run.
  let fillError: unknown = null;
  return {
    used: used as ReadonlyMap<string, Channel>,
    add(customers: readonly PlannedCustomer[]): void {
      for (const c of customers) {
        if (c.status !== 'klaar') continue;
        active++;
        if (c.channel === 'email') anyEmail = true;
        if (!c.template || !c.channel) continue;
        const id = textId(input.templates, c);
        used.set(id, c.channel);
        if (options.warnings === false) continue;
        // A dry fill per customer: which placeholders the messages would still show as "[pad]".
        const doc = templates.get(id);
        if (!doc || fillError) continue;
        try {
          for (const path of missingPaths(fill(doc, fillFor(c, input)))) missing.set(path, (missing.get(path) ?? 0) + 1);
        } catch (error) {
          fillError = error;
        }
      }
    },
    result(): { errors: string[]; warnings: string[] } {
      const errors: string[] = [];
      const warnings: string[] = [];
      try {
        assertIsoDate(input.today, 'de verzenddatum');
      } catch (error) {
        errors.push((error as Error).message);
      }
      if (input.uidDomain !== undefined && !/^[A-Za-z0-9.-]+$/.test(input.uidDomain)) errors.push('uidDomain moet een domeinnaam zijn');
      let needsPdf = false;
      for (const [id, channel] of used) {
        const doc = templates.get(id);
        if (!doc) {
          errors.push(`het sjabloon "${id}" ontbreekt`);
          continue;
        }
        if (!KINDS_FOR_CHANNEL[channel].includes(doc.kind)) errors.push(`het sjabloon "${id}" is een ${doc.kind} en past niet bij het kanaal ${CHANNEL_LABELS[channel]}`);
        const formats = formatsFor(input, channel);
        if (formats.some((f) => f === 'html' || f === 'eml') && doc.kind === 'email' && !input.compiled[id]) errors.push(`de gecompileerde e-mail voor "${id}" ontbreekt`);
        if (formats.includes('pdf')) needsPdf = true;
      }
      if (needsPdf && !input.fonts) errors.push('de lettertypen voor de PDF-bestanden ontbreken');
      const iban = input.sender.afzender?.iban;
      if (iban && !isValidIban(iban)) errors.push('het IBAN van de afzender klopt niet (controlegetal); het zou in elke brief staan');
      if (anyEmail && !input.sender.afzender?.email) warnings.push('het e-mailadres van de afzender ontbreekt: de e-mailconcepten hebben geen afzender');
      if (!errors.length && options.warnings !== false) {
        if (fillError) throw fillError;
        for (const [path, count] of [...missing].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))) {
          const who = path.startsWith('afzender.') || path.startsWith('ondertekenaar.') ? 'uw gegevens' : `${count} van de ${active} ${active === 1 ? 'klant' : 'klanten'}`;
          warnings.push(`${PLACEHOLDER_LABEL(path)} ontbreekt (${who}): de berichten tonen [${path}]`);
        }
      }
      return { errors, warnings };
    },
  };
}

/**
 * Problems that stop the run (errors) and that the user should see first (warnings), in Dutch.
 * The warnings come from a dry fill of every customer's message (cheap: no rendering); pass
 * `{ warnings: false }` to skip it.
 */
export function checkBulkInput(input: BuildBulkInput, options: { warnings?: boolean } = {}): { errors: string[]; warnings: string[] } {
  const checker = bulkChecker(input, options);
  checker.add(input.customers);
  return checker.result();
}

// ---------------------------------------------------------------- helpers

/**
 * A plain macrotask queued behind whatever already waits, so the browser can paint and handle input:
 * setImmediate, MessageChannel or setTimeout. Not scheduler.yield(): Chromium runs its continuation
 * ahead of waiting timers and input, which starved the page during a long run.
 */
export function yieldToEventLoop(): Promise<void> {
  const g = globalThis as { setImmediate?: (fn: () => void) => unknown };
  if (typeof g.setImmediate === 'function') return new Promise((resolve) => g.setImmediate!(resolve));
  if (typeof MessageChannel === 'function') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

const clock = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** Amounts for Excel in nl-BE/nl-NL: decimal comma, no thousands separator, no currency sign (so they sum). */
export function excelAmount(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return '';
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

/** FNV-1a, 8 hex digits: keeps calendar UIDs unique when names slugify alike. */
function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (const b of new TextEncoder().encode(text)) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

/** A template asks for interest or costs when its payment block adds them or it names them. */
export function asksCosts(doc: TemplateDoc): boolean {
  const paths: string[] = [];
  const inline = (list: readonly { type: string; path?: string }[]) => {
    for (const i of list) if (i.type === 'placeholder' && i.path) paths.push(i.path);
  };
  inline(doc.subject);
  for (const b of doc.blocks) {
    if (b.type === 'paymentDetails' && b.withCosts) return true;
    if (b.type === 'interestBreakdown') return true;
    if ('content' in b) inline(b.content);
    if (b.type === 'list') b.items.forEach(inline);
  }
  return paths.some((p) => p.startsWith('kosten.') || p === 'berekend.totaalTeBetalen');
}

const CHANNEL_FOLDER: Record<Channel, string> = {
  email: 'e-mail',
  telefoon: 'telefoon',
  brief: 'brief',
  'aangetekende-brief': 'aangetekende-brief',
  juridisch: 'juridisch',
};

function mailbox(address: string | undefined, name: string | undefined): { address: string; name?: string } | undefined {
  if (!address) return undefined;
  return name ? { address, name } : { address };
}

// ---------------------------------------------------------------- one customer

interface Made {
  files: { name: string; data: Uint8Array | string; compress: boolean }[];
  notes: string[];
}

/** Placeholders a filled document shows as "[pad]": what the message still lacks. */
export function missingPaths(filled: FilledDocument): string[] {
  const missing = new Set<string>();
  const scan = (runs: readonly Run[]) => {
    for (const r of runs) if (r.missing) missing.add(r.missing);
  };
  scan(filled.subject);
  scan(filled.preheader);
  for (const b of filled.blocks) {
    if (b.type === 'paragraph' || b.type === 'heading' || b.type === 'deadline') scan(b.runs);
    else if (b.type === 'list') b.items.forEach(scan);
    else if (b.type === 'paymentDetails') b.lines.forEach((l) => scan(l.value));
    else if (b.type === 'signature') b.lines.forEach(scan);
    else if (b.type === 'invoiceTable') scan(b.total);
    else if (b.type === 'paymentButton') {
      scan(b.label);
      if (b.hrefMissing) missing.add(b.hrefMissing);
    }
  }
  if (filled.kind === 'brief') {
    [...filled.letter.sender, ...filled.letter.recipient].forEach(scan);
    scan(filled.letter.placeAndDate);
    scan(filled.letter.reference);
  }
  return [...missing].sort();
}

const fillFor = (customer: PlannedCustomer, input: Pick<BuildBulkInput, 'sender' | 'today'>): FillData => customerFillData(customer.group, input.sender, input.today, customer.nieuweTermijn);

async function renderCustomer(customer: PlannedCustomer, doc: TemplateDoc, data: FillData, folder: string, input: BuildBulkInput, now: Date): Promise<Made> {
  const channel = customer.channel!;
  const filled = fill(doc, data);
  const notes: string[] = [];
  const missing = missingPaths(filled);
  if (missing.length) notes.push(`niet ingevuld: ${missing.join(', ')}`);
  if (doc.jurisdiction && doc.jurisdiction !== customer.group.jurisdictie) notes.push(`het sjabloon is geschreven voor ${doc.jurisdiction === 'nl' ? 'Nederland' : 'België'}, de klant valt onder ${customer.group.jurisdictie === 'nl' ? 'Nederland' : 'België'}`);

  const text = renderText(filled);
  const base = doc.id;
  const files: Made['files'] = [];
  const fixedDate = now.toISOString();
  const email = doc.kind === 'email' && input.compiled[doc.id] ? fillEmail(input.compiled[doc.id]!, data, filled) : null;
  const from = mailbox(data.afzender?.email, data.afzender?.naam);
  const to = mailbox(data.klant?.email, data.klant?.contactpersoon ?? data.klant?.naam);
  const given = input.fonts!;
  const fonts = typeof given === 'function' ? given : async () => given;
  const attached = invoiceAttachments(customer.group.invoices.map((i) => i.nummer), input.invoicePdfs);
  notes.push(...attached.notes);
  const attachments = attached.files.length ? { attachments: attached.files } : {};
  for (const format of formatsFor(input, channel)) {
    // A step without its designed e-mail gets no html or eml: the text file says it all.
    if (!email && (FORMAT_INFO[format].emailOnly || format === 'html')) continue;
    const bytes = await renderFormat(format, { filled, text, email, envelope: filled.jurisdiction, date: now, fixedDate, ...(from ? { from } : {}), ...(to ? { to } : {}), ...attachments, fonts });
    files.push({ name: `${folder}/${base}.${format}`, data: bytes, compress: FORMAT_INFO[format].compress });
  }
  // Without an .eml to carry them, the invoices go beside the letter (or script) in the zip.
  if (!files.some((f) => f.name.endsWith('.eml'))) for (const f of attached.files) files.push({ name: `${folder}/${f.name}`, data: f.bytes, compress: false });
  if (attached.files.length) notes.push(`originele ${attached.files.length === 1 ? 'factuur' : 'facturen'} bijgevoegd: ${attached.files.map((f) => f.name).join(', ')}`);
  return { files, notes };
}

// ---------------------------------------------------------------- overview files

const SUMMARY_HEADERS = [
  'Map',
  'Status',
  'Klantnummer',
  'Klant',
  'Contactpersoon',
  'E-mail',
  'Telefoon',
  'Land',
  'Soort klant',
  'Aantal facturen',
  'Facturen',
  'Oudste vervaldatum',
  'Dagen te laat',
  'Openstaand (EUR)',
  'Interest (EUR)',
  'Forfait of incassokosten (EUR)',
  'Totaal met kosten (EUR)',
  'Kosten gevraagd in dit bericht',
  'Stap',
  'Kanaal',
  'Sjabloon',
  'Mededeling',
  'IBAN klant',
  'Volgende stap',
  'Datum volgende stap',
  'Nog niet vervallen (niet opgenomen)',
  'Opmerkingen',
] as const;

/** Customers per piece of the overview files: each piece is a small string, whatever the run's size. */
const PIECE = 500;

/** A CSV of `count` rows in pieces of PIECE rows, byte for byte what toCsv writes for all of them (one BOM, at the start). */
function* csvPieces(header: readonly string[], count: number, row: (index: number) => readonly string[]): Generator<string> {
  for (let from = 0; from === 0 || from < count; from += PIECE) {
    const rows: (readonly string[])[] = from === 0 ? [header] : [];
    for (let i = from; i < Math.min(count, from + PIECE); i++) rows.push(row(i));
    yield csvText(rows, from === 0);
  }
}

/** Rows as toCsv writes them for Excel; pieces written one after another make one file when only the `first` has the BOM. */
export function csvText(rows: readonly (readonly string[])[], first: boolean): string {
  const text = toCsv(rows, 'excel-nl');
  return first ? text : text.slice(1);
}

export const SUMMARY_HEADER: readonly string[] = SUMMARY_HEADERS;

function summaryCsv(rows: readonly SummaryRow[], customers: readonly PlannedCustomer[]): Generator<string> {
  return csvPieces(SUMMARY_HEADERS, rows.length, (i) => summaryCells(rows[i]!, customers[i]!));
}

/** One customer's line in 00_overzicht.csv. */
export function summaryCells(r: SummaryRow, customer: PlannedCustomer): string[] {
  const g = customer.group;
  return [
    r.map,
    r.status,
    r.klantnummer,
    r.klant,
    g.klant.contactpersoon ?? '',
    g.emails.join(', '),
    g.telefoon ?? '',
    g.jurisdictie.toUpperCase(),
    g.klanttype,
    String(r.aantalFacturen),
    r.facturen.join(', '),
    formatDateShort(r.oudsteVervaldatum),
    String(r.dagenTeLaat),
    excelAmount(r.openstaand),
    excelAmount(r.interest),
    excelAmount(r.forfait),
    excelAmount(r.totaalMetKosten),
    r.kostenGevraagd ? 'ja' : 'nee',
    r.stap,
    r.kanaal ? CHANNEL_LABELS[r.kanaal] : '',
    r.sjabloon,
    // "+++…+++" would be read as a formula: the equivalent "***…***" notation needs no escaping.
    r.mededeling.replace(/^\+{3}(.*)\+{3}$/, '***$1***'),
    g.iban ?? '',
    r.volgendeStap,
    r.volgendeDatum ? formatDateShort(r.volgendeDatum) : '',
    g.notYetDue.map((i) => `${i.nummer} (${excelAmount(i.openstaand)})`).join(', '),
    r.opmerkingen.join(' | '),
  ];
}

/** 00_meldingen.csv is in file order: by row, then column (a stable sort: the order found on ties). */
export const compareIssues = (a: CellIssue, b: CellIssue): number => a.row - b.row || (a.columnIndex ?? -1) - (b.columnIndex ?? -1);
export const ISSUE_HEADER: readonly string[] = ['Rij', 'Kolom', 'Waarde', 'Soort', 'Melding'];
export const issueCells = (i: CellIssue): string[] => [String(i.row), i.column ?? '', i.value, i.severity, i.message];

function issuesCsv(issues: readonly CellIssue[]): Generator<string> {
  const sorted = [...issues].sort(compareIssues);
  return csvPieces(ISSUE_HEADER, sorted.length, (n) => issueCells(sorted[n]!));
}

/** "Eigen draaiboek: VIP-klanten (3 klanten)" for customers whose rows named another playbook. */
/** Customers per own playbook title, in order of first appearance (for the LEESMIJ). */
export function countOwnPlaybooks(customers: readonly PlannedCustomer[], counts = new Map<string, number>()): Map<string, number> {
  for (const c of customers) if (c.workflow) counts.set(c.workflow.titel, (counts.get(c.workflow.titel) ?? 0) + 1);
  return counts;
}

function ownPlaybooks(counts: ReadonlyMap<string, number>): string[] {
  return [...counts].map(([titel, n]) => `Eigen draaiboek: ${titel} (${n === 1 ? '1 klant' : `${n} klanten`}), zoals uw bestand het per klant vraagt`);
}

/** 00_LEESMIJ.txt; `playbooks` from countOwnPlaybooks over every customer. */
export function readme(input: Pick<BuildBulkInput, 'today' | 'workflow' | 'place'>, counts: BulkResult['counts'], hasIssues: boolean, playbooks: ReadonlyMap<string, number>): string {
  const lines = [
    `Tijdig – betalingsherinneringen van ${formatDateShort(input.today)}`,
    `Draaiboek: ${input.workflow.titel}`,
    ...ownPlaybooks(playbooks),
    '',
    `Aangemaakt: ${counts.aangemaakt} klanten. Nog geen stap: ${counts.wachten}. Overgeslagen: ${counts.overgeslagen}.${counts.mislukt ? ` Mislukt: ${counts.mislukt}.` : ''}`,
    '',
    'Wat zit erin',
    '- 00_overzicht.csv: per klant de stap van vandaag, het kanaal, de bedragen, de interest en kosten, de mededeling en de volgende stap. Opent in Excel (Nederlands of Belgisch).',
    '- 00_volgende-stappen.ics: de volgende stap van elke klant als afspraak. Importeer het in Outlook, Google Agenda of Apple Agenda.',
    ...(hasIssues ? ['- 00_meldingen.csv: per rij en kolom wat niet klopte in uw bestand. Rijen met een fout zijn overgeslagen.'] : []),
    '- e-mail/: per klant een e-mailconcept (.eml), dezelfde e-mail als webpagina (.html) en als platte tekst (.txt). Open het .eml-bestand in Outlook, Apple Mail of Thunderbird, controleer het en verstuur.',
    '- brief/, aangetekende-brief/, juridisch/: per klant de brief als PDF om af te drukken, als Word-document om aan te passen, en als tekst.',
    '- telefoon/: per klant het belscript met de facturen en bedragen.',
    '',
    'Controleer elk bericht voor u het verstuurt: de bedragen komen uit uw export, de interest en kosten zijn berekend op de verzenddatum.',
    'Een aangetekende brief verstuurt u zelf bij de post; bewaar het bewijs van verzending.',
    '',
    input.place === 'computer' ? 'Alles is op uw eigen computer gemaakt. Uw gegevens zijn niet verstuurd of opgeslagen op een server.' : 'Alles is in uw browser gemaakt. Uw gegevens zijn niet verstuurd of opgeslagen op een server.',
    '',
  ];
  return lines.join('\r\n');
}

function icsEvents(input: BuildBulkInput, rows: readonly SummaryRow[], uidDomain: string, now: Date, from: number, to: number): IcsEvent[] {
  const events: IcsEvent[] = [];
  input.customers.slice(from, to).forEach((c, n) => {
    const event = customerEvent(c, rows[from + n]!, uidDomain, now);
    if (event) events.push(event);
  });
  return events;
}

/** The calendar event of a customer's next step, or null (skipped, failed, nothing next). */
export function customerEvent(c: PlannedCustomer, row: SummaryRow, uidDomain: string, now: Date): IcsEvent | null {
  if (!c.next || c.status === 'overgeslagen' || row.status === 'mislukt') return null;
  const g = c.group;
  const next = c.next;
  const name = g.klant.naam ?? '';
  const description = [
    `Klant: ${name}${g.klant.klantnummer ? ` (klantnummer ${g.klant.klantnummer})` : ''}`,
    `Openstaand: ${formatMoney(g.totalOpen)} (${g.invoices.length === 1 ? 'factuur' : 'facturen'} ${g.invoices.map((inv) => inv.nummer).join(', ')})`,
    `Oudste vervaldatum: ${formatDateShort(g.oldestDue)}`,
    ...(c.step ? [`Vandaag: ${offsetLabel(c.step.offset)} · ${c.step.titel} (${CHANNEL_LABELS[c.step.kanaal]})`] : []),
    ...(g.klant.email ? [`E-mail: ${g.klant.email}`] : []),
    ...(g.telefoon ? [`Telefoon: ${g.telefoon}`] : []),
    '',
    next.step ? `Wat u doet: ${CHANNEL_ACTIONS[next.step.kanaal]}` : 'Wat u doet: kijk na of de klant betaald heeft en beslis over de volgende stap.',
    ...(next.step ? [`Sjabloon: ${next.step.template}`, `Reageert de klant? ${next.step.bijReactie}`] : []),
    'Heeft de klant intussen betaald, dan vervalt deze stap.',
  ].join('\n');
  return {
    uid: `tijdig-bulk-${slugify(g.key) || 'klant'}-${shortHash(g.key)}-${next.stepIndex === null ? 'opvolging' : `stap${next.stepIndex + 1}`}-${next.date}@${uidDomain}`,
    date: next.date,
    summary: `${name}: ${next.label}`,
    description,
    dtstamp: now,
  };
}

/**
 * 00_volgende-stappen.ics in parts: `opening`, then events(…) of each batch of events, then `end`;
 * together the text planToIcs writes for all of them.
 */
export function calendarParts(workflow: Pick<Workflow, 'titel'>): { opening: string; events: (list: readonly IcsEvent[]) => string; end: string } {
  const name = `Tijdig: ${workflow.titel} – volgende stappen`;
  const end = 'END:VCALENDAR\r\n';
  // planToIcs(events) is the calendar's opening lines, the events, then `end`.
  const opening = planToIcs([], name).slice(0, -end.length);
  return { opening, events: (list) => (list.length ? planToIcs([...list], name).slice(opening.length, -end.length) : ''), end };
}

/** planToIcs of every customer's next step, in pieces of PIECE customers: the same text, never all of it at once. */
function* icsCalendar(input: BuildBulkInput, rows: readonly SummaryRow[], now: Date): Generator<string> {
  const parts = calendarParts(input.workflow);
  yield parts.opening;
  for (let from = 0; from < input.customers.length; from += PIECE) {
    const events = icsEvents(input, rows, input.uidDomain ?? 'tijdig.local', now, from, from + PIECE);
    if (events.length) yield parts.events(events);
  }
  yield parts.end;
}

/** The date of every zip entry: noon of the sending day, from local fields (what a zip stores), so the same in every time zone. */
export function entryDate(today: string): Date {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 12, 0, 0);
}

/**
 * One customer of a run: its overview row, and its files handed to `add` (a file that cannot be
 * made or added marks the customer 'mislukt'). `position` (0-based) and `width` number its folder.
 * The customer's notes for 00_meldingen.csv are customerIssues(customer).
 */
export async function makeCustomer(
  customer: PlannedCustomer,
  position: number,
  width: number,
  input: BuildBulkInput,
  now: Date,
  templates: ReadonlyMap<string, TemplateDoc>,
  add: (name: string, data: ZipData, compress: boolean) => Promise<void>,
): Promise<SummaryRow> {
  const g = customer.group;
  const data = fillFor(customer, input);
  const row: SummaryRow = {
    map: '',
    status: customer.status === 'klaar' ? 'aangemaakt' : customer.status,
    klantnummer: g.klant.klantnummer ?? '',
    klant: g.klant.naam ?? '',
    email: g.klant.email ?? '',
    aantalFacturen: g.invoices.length,
    facturen: g.invoices.map((inv) => inv.nummer),
    oudsteVervaldatum: g.oldestDue,
    dagenTeLaat: g.daysLate,
    openstaand: g.totalOpen,
    interest: null,
    forfait: null,
    totaalMetKosten: null,
    kostenGevraagd: false,
    stap: customer.step ? `${customer.workflow ? `${customer.workflow.titel}: ` : ''}${customer.stepIndex! + 1} van ${(customer.workflow ?? input.workflow).stappen.length} · ${offsetLabel(customer.step.offset)} · ${customer.step.titel}` : '',
    kanaal: customer.channel,
    sjabloon: customer.template ? textId(input.templates, customer) : '',
    mededeling: g.mededeling ?? '',
    volgendeStap: customer.status === 'overgeslagen' ? '' : (customer.next?.label ?? ''),
    volgendeDatum: customer.status === 'overgeslagen' ? '' : (customer.next?.date ?? ''),
    opmerkingen: [...customer.reasons],
  };
  const { computed, costs } = calculate(data);
  row.interest = costs.interest ?? null;
  row.forfait = costs.forfait ?? null;
  row.totaalMetKosten = computed['berekend.totaalTeBetalen'] ?? null;
  const refNote = referenceNote(g);
  if (refNote) row.opmerkingen.push(refNote);
  if (g.notYetDue.length) row.opmerkingen.push(`${g.notYetDue.length} nog niet vervallen ${g.notYetDue.length === 1 ? 'factuur' : 'facturen'} niet opgenomen`);
  if (g.invoices.length > 1 && new Set(g.invoices.map((inv) => inv.vervaldatum)).size > 1 && data.kosten?.interest !== undefined) row.opmerkingen.push('interest per factuur berekend vanaf haar eigen vervaldatum');

  if (customer.status === 'klaar') {
    const doc = templates.get(textId(input.templates, customer))!;
    row.kostenGevraagd = asksCosts(doc);
    row.map = `${CHANNEL_FOLDER[customer.channel!]}/${String(position + 1).padStart(width, '0')}_${slugify(g.klant.naam ?? '') || 'klant'}`;
    const parsed = FillData.safeParse(data);
    if (!parsed.success) {
      row.status = 'mislukt';
      row.opmerkingen.push(`gegevens ongeldig: ${parsed.error.issues.map((e) => `${e.path.join('.')}: ${e.message}`).join('; ')}`);
    } else {
      try {
        const made = await renderCustomer(customer, doc, data, row.map, input, now);
        for (const f of made.files) await add(f.name, f.data, f.compress);
        row.opmerkingen.push(...made.notes);
      } catch (error) {
        row.status = 'mislukt';
        row.opmerkingen.push(`bestanden konden niet gemaakt worden: ${(error as Error).message}`);
      }
    }
    if (row.status === 'mislukt') row.map = '';
  }
  return row;
}

/** A customer's lines in 00_meldingen.csv: grouping's notes, then the plan's. */
export const customerIssues = (customer: PlannedCustomer): CellIssue[] => [...customer.group.notes, ...customer.issues];

// ---------------------------------------------------------------- the run

/** The run as an async generator: yields progress, returns the result. */
export async function* buildBulkSteps(input: BuildBulkInput): AsyncGenerator<BulkProgress, BulkResult, void> {
  const started = clock();
  const { errors } = checkBulkInput(input, { warnings: false });
  if (errors.length) throw new BulkInputError(errors);
  const now = input.now ?? new Date();
  const mtime = entryDate(input.today);
  const memory = input.archive ? null : new ZipWriter(mtime);
  const sink = input.archive?.(mtime);
  const files: string[] = [];
  const add = async (name: string, data: ZipData, compress: boolean) => {
    if (sink) await sink.add(name, data, compress);
    else memory!.add(name, data, compress);
    files.push(name);
  };
  const templates = new Map(input.templates.map((t) => [t.id, t]));
  const total = input.customers.length;
  const width = Math.max(3, String(total).length);
  const rows: SummaryRow[] = [];
  const allIssues: CellIssue[] = [...(input.issues ?? [])];
  const counts = { aangemaakt: 0, wachten: 0, overgeslagen: 0, mislukt: 0 };

  yield { phase: 'klanten', done: 0, total, customer: null };
  let slice = clock();
  for (let i = 0; i < total; i++) {
    input.signal?.throwIfAborted();
    const customer = input.customers[i]!;
    allIssues.push(...customerIssues(customer));
    const row = await makeCustomer(customer, i, width, input, now, templates, add);
    counts[row.status]++;
    rows.push(row);
    if (clock() - slice > 10) {
      yield { phase: 'klanten', done: i + 1, total, customer: customer.group.klant.naam ?? null };
      await yieldToEventLoop();
      slice = clock();
    }
  }

  yield { phase: 'afronden', done: total, total, customer: null };
  await yieldToEventLoop();
  await add('00_overzicht.csv', summaryCsv(rows, input.customers), true);
  await add('00_volgende-stappen.ics', icsCalendar(input, rows, now), true);
  if (allIssues.length) await add('00_meldingen.csv', issuesCsv(allIssues), true);
  await add('00_LEESMIJ.txt', readme(input, counts, allIssues.length > 0, countOwnPlaybooks(input.customers)), true);
  let bytes: Uint8Array = new Uint8Array(0);
  if (sink) await sink.finish();
  else bytes = memory!.finish();
  yield { phase: 'klaar', done: total, total, customer: null };
  return { zip: bytes, fileName: `tijdig-herinneringen-${input.today}.zip`, files, summary: rows, counts, ms: Math.round(clock() - started) };
}

/** The same run with a progress callback; resolves with the zip. */
export async function buildBulk(input: BuildBulkInput, onProgress?: (progress: BulkProgress) => void): Promise<BulkResult> {
  const steps = buildBulkSteps(input);
  for (;;) {
    const next = await steps.next();
    if (next.done) return next.value;
    onProgress?.(next.value);
  }
}
