/**
 * Row validation: every mapped cell is read (dates, amounts, e-mail, IBAN, structured
 * communication …) and each problem becomes a Dutch message on that cell. A row with an error
 * ('fout') is skipped with its reasons; a warning ('waarschuwing') keeps the row. Nothing here
 * throws on data. Browser-safe and pure.
 *
 * Checks that depend on the step (an e-mail step needs an address, a letter an address block) are
 * made in plan.ts, on the customer, and reported on the same cells.
 */
import type { Jurisdiction } from '../content/schema.ts';
import { ibanProblem, ibanProblemMessage, looksStructured, makeStructuredCommunication, parseStructuredCommunication } from '../model/payment-ids.ts';
import { BULK_FIELD_INFO, resolveMapping, type BulkField, type ColumnMapping } from './columns.ts';
import { inferDateOrder, inferDecimalSeparator, MAX_ROWS, parseAmount, parseDate, type CsvRow, type DateOrder, type DecimalSeparator, type Delimiter, type FileIssue, type ParsedCsv } from './parse.ts';

export type Severity = 'fout' | 'waarschuwing';

export interface CellIssue {
  /** Record number in the file (as a spreadsheet shows it). */
  row: number;
  field: BulkField | null;
  /** Header of the cell, null for a problem with the whole row. */
  column: string | null;
  /** Index of that column in ParsedCsv.headers, for highlighting the cell. */
  columnIndex: number | null;
  value: string;
  severity: Severity;
  message: string;
}

export type CustomerType = 'onderneming' | 'consument';

/** One valid open invoice, with its customer's details as they appear on its row. */
export interface InvoiceRecord {
  row: number;
  nummer: string;
  datum?: string;
  vervaldatum: string;
  /** Invoice amount in cents, when known. */
  bedrag?: number;
  /** Open amount in cents, always > 0. */
  openstaand: number;
  klantnummer?: string;
  naam: string;
  contactpersoon?: string;
  /** Every valid address in the cell; the first is the one a message goes to. */
  emails: string[];
  telefoon?: string;
  straat?: string;
  postcode?: string;
  gemeente?: string;
  land?: Jurisdiction;
  klanttype?: CustomerType;
  /** Normalised (no spaces, upper case), only when valid. */
  iban?: string;
  /** "+++123/4567/89002+++" when structured and valid; otherwise the reference as given. */
  mededeling?: string;
  betaallink?: string;
  /** The "last reminder sent" cell as written ('' when blank), only when the file has that column. */
  laatsteStap?: string;
  /** The playbook for this customer as written (an id or title), when the file says; plan.ts resolves it. */
  draaiboek?: string;
}

export interface SkippedRow {
  row: number;
  cells: string[];
  /** The errors that made the row unusable (and any warnings on it). */
  issues: CellIssue[];
}

export interface ValidationResult {
  invoices: InvoiceRecord[];
  skipped: SkippedRow[];
  /** Every issue, errors and warnings, in row order. */
  issues: CellIssue[];
  /** Problems with the file or the mapping as a whole. */
  fileIssues: FileIssue[];
  counts: { rows: number; valid: number; skipped: number; warnings: number; emptyRows: number };
}

export interface ValidateOptions {
  /**
   * Days after the invoice date when a row has no due date (e.g. 30). Without it a missing due
   * date is an error.
   */
  defaultTermDays?: number;
  /** A customer IBAN that fails the check: a warning (default, the letters do not use it) or an error that skips the row. */
  invalidIban?: Severity;
  /** The sender's jurisdiction: decides the postcode check when a row has no country. */
  jurisdiction?: Jurisdiction;
}

// ---------------------------------------------------------------- small readers

const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}$/;
const MAX_TEXT = 300;

/** Control characters out, whitespace collapsed. */
export function cleanText(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').replace(/\s+/g, ' ').trim();
}

const COUNTRIES: Record<string, Jurisdiction> = {
  be: 'be', bel: 'be', belgie: 'be', belgium: 'be', belgique: 'be', belgien: 'be', b: 'be',
  nl: 'nl', nld: 'nl', nederland: 'nl', netherlands: 'nl', thenetherlands: 'nl', holland: 'nl', paysbas: 'nl', niederlande: 'nl',
};
const flat = (v: string) => v.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]/g, '');

export function parseCountry(value: string): Jurisdiction | null {
  return COUNTRIES[flat(value)] ?? null;
}

const CUSTOMER_TYPES: Record<string, CustomerType> = {
  consument: 'consument', consumer: 'consument', particulier: 'consument', prive: 'consument', prives: 'consument', private: 'consument', b2c: 'consument', natuurlijkpersoon: 'consument', ja: 'consument', yes: 'consument', j: 'consument',
  onderneming: 'onderneming', bedrijf: 'onderneming', zakelijk: 'onderneming', b2b: 'onderneming', business: 'onderneming', company: 'onderneming', professioneel: 'onderneming', zelfstandige: 'onderneming', vennootschap: 'onderneming', nee: 'onderneming', no: 'onderneming', n: 'onderneming',
};

const POSTCODE: Record<Jurisdiction, RegExp> = { be: /^[1-9]\d{3}$/, nl: /^[1-9]\d{3}\s?[A-Z]{2}$/i };
/** Starts like a spreadsheet formula; "+32 9 …" (a phone number) and "+++090/…+++" (a structured communication) do not. */
const FORMULA = /^[=@\t\r]|^\+(?![\d\s+(])|^-(?![\d.,\s€])/;

// ---------------------------------------------------------------- validation

interface RowContext {
  row: number;
  cells: readonly string[];
  headers: readonly string[];
  indexes: Partial<Record<BulkField, number[]>>;
  issues: CellIssue[];
}

function cellOf(ctx: RowContext, field: BulkField): { value: string; column: string | null; columnIndex: number | null } {
  const idx = ctx.indexes[field] ?? [];
  const value = idx.map((i) => ctx.cells[i] ?? '').filter((v) => v !== '').join(' ');
  const first = idx[0];
  return { value, column: first === undefined ? null : (ctx.headers[first] ?? null), columnIndex: first ?? null };
}

function report(ctx: RowContext, field: BulkField | null, severity: Severity, message: string, value?: string): void {
  const cell = field ? cellOf(ctx, field) : { value: '', column: null, columnIndex: null };
  ctx.issues.push({ row: ctx.row, field, column: cell.column, columnIndex: cell.columnIndex, value: value ?? cell.value, severity, message });
}

function text(ctx: RowContext, field: BulkField): string | undefined {
  const raw = cellOf(ctx, field).value;
  if (!raw) return undefined;
  let value = cleanText(raw);
  if (value.length > MAX_TEXT) {
    report(ctx, field, 'waarschuwing', `${BULK_FIELD_INFO[field].label} is langer dan ${MAX_TEXT} tekens en is ingekort`);
    value = `${value.slice(0, MAX_TEXT - 1)}…`;
  }
  if (FORMULA.test(value)) {
    report(ctx, field, 'waarschuwing', `begint met "${value[0]}" zoals een spreadsheetformule; wordt als gewone tekst gebruikt (in het overzicht onschadelijk gemaakt)`);
  }
  return value || undefined;
}

interface ColumnHabits {
  order: Partial<Record<BulkField, DateOrder>>;
  decimal: Partial<Record<BulkField, DecimalSeparator>>;
}

function date(ctx: RowContext, field: 'factuurdatum' | 'vervaldatum', habits: ColumnHabits, severity: Severity): string | undefined {
  const raw = cellOf(ctx, field).value;
  if (!raw) return undefined;
  const result = parseDate(raw, habits.order[field]);
  if (!result.ok) {
    report(ctx, field, severity, severity === 'fout' ? `ongeldige ${BULK_FIELD_INFO[field].label.toLowerCase()}: ${result.error}` : `${BULK_FIELD_INFO[field].label} niet gebruikt: ${result.error}`);
    return undefined;
  }
  if (result.note) report(ctx, field, 'waarschuwing', result.note);
  return result.value;
}

function amount(ctx: RowContext, field: 'bedrag' | 'openstaand', habits: ColumnHabits): { cents?: number; error?: string } {
  const raw = cellOf(ctx, field).value;
  if (!raw) return {};
  const result = parseAmount(raw, habits.decimal[field]);
  return result.ok ? { cents: result.value } : { error: result.error };
}

function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

const TOTAL_ROW = /^\s*(?:sub|eind|grand\s?)?tota(?:a)?l(?:en)?\b|^\s*saldo\s*:?\s*$/i;

function validateRow(ctx: RowContext, habits: ColumnHabits, options: ValidateOptions): InvoiceRecord | null {
  const filledMapped = Object.values(ctx.indexes).flat().some((i) => (ctx.cells[i] ?? '') !== '');
  const filledCells = ctx.cells.filter((c) => c !== '').length;
  if (!filledMapped || (filledCells <= 1 && ctx.headers.length > 2)) {
    report(ctx, null, 'fout', 'geen factuurregel (een titel, notitie of lege regel?)');
    return null;
  }
  // "Totaal" somewhere and no due date: the report's totals line, not an invoice.
  if (!cellOf(ctx, 'vervaldatum').value && ctx.cells.some((c) => TOTAL_ROW.test(c))) {
    report(ctx, null, 'fout', 'lijkt een totaalregel, geen factuur');
    return null;
  }
  const nummer = text(ctx, 'factuurnummer');
  if (!nummer) report(ctx, 'factuurnummer', 'fout', 'het factuurnummer ontbreekt');

  // Dates
  const datum = date(ctx, 'factuurdatum', habits, 'waarschuwing');
  let vervaldatum = date(ctx, 'vervaldatum', habits, 'fout');
  const dueRaw = cellOf(ctx, 'vervaldatum').value;
  if (!vervaldatum && !dueRaw) {
    if (datum && options.defaultTermDays !== undefined) {
      vervaldatum = addDays(datum, options.defaultTermDays);
      report(ctx, 'vervaldatum', 'waarschuwing', `geen vervaldatum: factuurdatum + ${options.defaultTermDays} dagen gebruikt`);
    } else report(ctx, 'vervaldatum', 'fout', 'de vervaldatum ontbreekt');
  }
  if (datum && vervaldatum && vervaldatum < datum) report(ctx, 'vervaldatum', 'waarschuwing', 'de vervaldatum ligt vóór de factuurdatum');

  // Amounts: the open amount decides; the invoice amount only when there is no open-amount column.
  const hasOpenColumn = (ctx.indexes.openstaand?.length ?? 0) > 0;
  const bedrag = amount(ctx, 'bedrag', habits);
  const open = amount(ctx, 'openstaand', habits);
  let openstaand: number | undefined;
  if (hasOpenColumn) {
    if (open.error) report(ctx, 'openstaand', 'fout', `ongeldig openstaand bedrag: ${open.error}`);
    else if (open.cents === undefined) report(ctx, 'openstaand', 'fout', 'het openstaande bedrag ontbreekt');
    else openstaand = open.cents;
    if (bedrag.error) report(ctx, 'bedrag', 'waarschuwing', `factuurbedrag niet gebruikt: ${bedrag.error}`);
  } else {
    if (bedrag.error) report(ctx, 'bedrag', 'fout', `ongeldig bedrag: ${bedrag.error}`);
    else if (bedrag.cents === undefined) report(ctx, 'bedrag', 'fout', 'het bedrag ontbreekt');
    else openstaand = bedrag.cents;
  }
  const amountField: BulkField = hasOpenColumn ? 'openstaand' : 'bedrag';
  if (openstaand !== undefined && openstaand < 0) {
    report(ctx, amountField, 'fout', 'negatief bedrag: een creditnota of een vooruitbetaling; geen herinnering (verreken ze zelf met de openstaande facturen)');
    openstaand = undefined;
  } else if (openstaand === 0) {
    report(ctx, amountField, 'fout', 'er staat niets meer open (bedrag 0,00)');
    openstaand = undefined;
  }
  const invoiceAmount = bedrag.cents !== undefined && bedrag.cents >= 0 ? bedrag.cents : undefined;
  if (bedrag.cents !== undefined && bedrag.cents < 0 && hasOpenColumn) report(ctx, 'bedrag', 'waarschuwing', 'negatief factuurbedrag niet gebruikt');
  if (openstaand !== undefined && invoiceAmount !== undefined && hasOpenColumn && openstaand > invoiceAmount) {
    report(ctx, 'openstaand', 'waarschuwing', 'het openstaande bedrag is groter dan het factuurbedrag');
  }

  // Customer
  let naam = text(ctx, 'klantnaam');
  const contactpersoon = text(ctx, 'contactpersoon');
  if (!naam && contactpersoon) naam = contactpersoon;
  if (!naam) report(ctx, 'klantnaam', 'fout', 'de naam van de klant ontbreekt');
  const klantnummer = text(ctx, 'klantnummer');

  const emails: string[] = [];
  const emailRaw = cellOf(ctx, 'email').value;
  if (emailRaw) {
    const parts = emailRaw.split(/[;,\s]+/).map((p) => p.replace(/^mailto:/i, '').replace(/^<|>$/g, '')).filter(Boolean);
    const bad = parts.filter((p) => !EMAIL.test(p));
    emails.push(...parts.filter((p) => EMAIL.test(p)));
    if (bad.length) report(ctx, 'email', 'waarschuwing', `${bad.length === 1 ? 'geen geldig e-mailadres' : 'geen geldige e-mailadressen'}: ${bad.join(', ')}`);
    if (emails.length > 1) report(ctx, 'email', 'waarschuwing', `${emails.length} e-mailadressen; de e-mail gaat naar ${emails[0]}`);
  }

  let land: Jurisdiction | undefined;
  const landRaw = text(ctx, 'land');
  if (landRaw) {
    land = parseCountry(landRaw) ?? undefined;
    if (!land) report(ctx, 'land', 'waarschuwing', `land "${landRaw}" niet herkend: de regels van ${options.jurisdiction === 'nl' ? 'Nederland' : 'België'} (uw instelling) gelden`);
  }
  let klanttype: CustomerType | undefined;
  const typeRaw = text(ctx, 'klanttype');
  if (typeRaw) {
    klanttype = CUSTOMER_TYPES[flat(typeRaw)];
    if (!klanttype) report(ctx, 'klanttype', 'waarschuwing', `soort klant "${typeRaw}" niet herkend (verwacht onderneming of consument)`);
  }

  let straat = text(ctx, 'straat');
  let postcode = text(ctx, 'postcode');
  let gemeente = text(ctx, 'gemeente');
  // "9000 Gent" in the municipality column, or a whole address block in the street column.
  const split = (v: string) => /^((?:[1-9]\d{3})(?:\s?[A-Z]{2}(?=\s))?)\s+(.+)$/.exec(v);
  if (gemeente && !postcode) {
    const m = split(gemeente);
    if (m) [postcode, gemeente] = [m[1]!, m[2]!];
  }
  const streetLines = cellOf(ctx, 'straat').value.split(/\r?\n/).map(cleanText).filter(Boolean);
  if (streetLines.length > 1 && !postcode && !gemeente) {
    const m = split(streetLines.at(-1)!);
    if (m) [straat, postcode, gemeente] = [streetLines.slice(0, -1).join(', '), m[1]!, m[2]!];
  }
  const postcodeLand = land ?? options.jurisdiction;
  if (postcode && postcodeLand && !POSTCODE[postcodeLand].test(postcode)) {
    report(ctx, 'postcode', 'waarschuwing', `"${postcode}" is geen ${postcodeLand === 'be' ? 'Belgische' : 'Nederlandse'} postcode`);
  }

  let iban: string | undefined;
  const ibanRaw = text(ctx, 'iban');
  if (ibanRaw) {
    const normalized = ibanRaw.replace(/[\s.-]+/g, '').toUpperCase();
    const problem = ibanProblem(normalized);
    if (!problem) iban = normalized;
    else report(ctx, 'iban', options.invalidIban ?? 'waarschuwing', ibanProblemMessage(problem));
  }

  let mededeling: string | undefined;
  const refRaw = text(ctx, 'mededeling');
  if (refRaw) {
    const digits = parseStructuredCommunication(refRaw);
    if (digits) mededeling = makeStructuredCommunication(digits.slice(0, 10));
    else if (looksStructured(refRaw)) report(ctx, 'mededeling', 'waarschuwing', 'gestructureerde mededeling klopt niet (controlegetal); niet gebruikt');
    else if (refRaw.length > 40) report(ctx, 'mededeling', 'waarschuwing', 'betalingskenmerk langer dan 40 tekens; niet gebruikt');
    else mededeling = refRaw;
  }

  let betaallink: string | undefined;
  const linkRaw = text(ctx, 'betaallink');
  if (linkRaw) {
    if (/^https:\/\/[^\s"<>]+$/i.test(linkRaw) && linkRaw.length <= 2000) betaallink = linkRaw;
    else report(ctx, 'betaallink', 'waarschuwing', 'betaallink niet gebruikt: alleen een adres dat met https:// begint');
  }
  const telefoon = text(ctx, 'telefoon');
  const laatsteStap = ctx.indexes.laatsteStap?.length ? cleanText(cellOf(ctx, 'laatsteStap').value).slice(0, 100) : undefined;
  const draaiboek = text(ctx, 'draaiboek')?.slice(0, 60);

  if (ctx.issues.some((i) => i.severity === 'fout')) return null;
  const record: InvoiceRecord = { row: ctx.row, nummer: nummer!, vervaldatum: vervaldatum!, openstaand: openstaand!, naam: naam!, emails };
  const optional = { datum, bedrag: invoiceAmount, klantnummer, contactpersoon: contactpersoon !== naam ? contactpersoon : undefined, telefoon, straat, postcode, gemeente, land, klanttype, iban, mededeling, betaallink, laatsteStap, draaiboek };
  for (const [key, value] of Object.entries(optional)) if (value !== undefined) (record as unknown as Record<string, unknown>)[key] = value;
  return record;
}

/** Checks rows one at a time (a stream of rows); validateRows is this over a whole file. */
export interface RowChecker {
  /** Problems with the file or the mapping as a whole, known before the first row. */
  fileIssues: FileIssue[];
  /** The record, or null when the row has an error; `issues` holds every error and warning on it. */
  check(row: CsvRow): { record: InvoiceRecord | null; issues: CellIssue[] };
}

/**
 * A row checker for a file with these headers. Date order and decimal separator are read from
 * `sampleRows` (the whole file in validateRows, the first rows when the file is streamed).
 * Keeps one key per valid invoice, to report duplicates.
 */
export function rowChecker(headers: readonly string[], delimiter: Delimiter, sampleRows: readonly CsvRow[], mapping: ColumnMapping, options: ValidateOptions = {}): RowChecker {
  const { indexes, missingHeaders } = resolveMapping(mapping, headers);
  const fileIssues: FileIssue[] = [];
  for (const m of missingHeaders) fileIssues.push({ message: `de kolom "${m.header}" (${BULK_FIELD_INFO[m.field].label}) staat niet in dit bestand` });
  const columnValues = (field: BulkField) => sampleRows.map((r) => (indexes[field] ?? []).map((i) => r.cells[i] ?? '').join(' ').trim()).filter(Boolean);
  const habits: ColumnHabits = {
    order: { factuurdatum: inferDateOrder(columnValues('factuurdatum')), vervaldatum: inferDateOrder(columnValues('vervaldatum')) },
    decimal: { bedrag: inferDecimalSeparator(columnValues('bedrag'), delimiter), openstaand: inferDecimalSeparator(columnValues('openstaand'), delimiter) },
  };
  for (const field of ['factuurdatum', 'vervaldatum'] as const) {
    if (habits.order[field] === 'mdy') fileIssues.push({ message: `de kolom ${BULK_FIELD_INFO[field].label.toLowerCase()} is gelezen als maand/dag/jaar (Engelse notatie)` });
  }
  const seen = new Map<string, number>();
  return {
    fileIssues,
    check({ row, cells }) {
      const ctx: RowContext = { row, cells, headers, indexes, issues: [] };
      let record = validateRow(ctx, habits, options);
      if (record) {
        const key = `${(record.klantnummer ?? record.naam).toLowerCase()}\u0000${record.nummer.toLowerCase()}`;
        const first = seen.get(key);
        if (first !== undefined) {
          report(ctx, 'factuurnummer', 'fout', `factuur ${record.nummer} van deze klant staat al op rij ${first}; alleen die rij telt`);
          record = null;
        } else seen.set(key, row);
      }
      return { record, issues: ctx.issues };
    },
  };
}

export function validateRows(parsed: ParsedCsv, mapping: ColumnMapping, options: ValidateOptions = {}): ValidationResult {
  const checker = rowChecker(parsed.headers, parsed.delimiter, parsed.rows, mapping, options);
  const fileIssues: FileIssue[] = [...parsed.issues, ...checker.fileIssues];
  const invoices: InvoiceRecord[] = [];
  const skipped: SkippedRow[] = [];
  const issues: CellIssue[] = [];
  for (const row of parsed.rows.slice(0, MAX_ROWS)) {
    const { record, issues: rowIssues } = checker.check(row);
    issues.push(...rowIssues);
    if (record) invoices.push(record);
    else skipped.push({ row: row.row, cells: [...row.cells], issues: rowIssues });
  }
  return {
    invoices,
    skipped,
    issues,
    fileIssues,
    counts: {
      rows: parsed.rows.length,
      valid: invoices.length,
      skipped: skipped.length,
      warnings: issues.filter((i) => i.severity === 'waarschuwing').length,
      emptyRows: parsed.emptyRows,
    },
  };
}

/** Issues per cell ("row:columnIndex", or "row:" for the whole row), for highlighting a preview table. */
export function issuesByCell(issues: readonly CellIssue[]): Map<string, CellIssue[]> {
  const map = new Map<string, CellIssue[]>();
  for (const issue of issues) {
    const key = `${issue.row}:${issue.columnIndex ?? ''}`;
    const list = map.get(key);
    if (list) list.push(issue);
    else map.set(key, [issue]);
  }
  return map;
}
