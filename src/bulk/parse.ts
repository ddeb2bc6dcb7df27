/**
 * Reading a CSV export of open invoices. Browser-safe (TextDecoder + papaparse), and it never
 * throws on bad input: the file is decoded and split into rows as well as it can be, and every
 * problem becomes a message.
 *
 * - Bytes: UTF-8 with or without BOM; UTF-16 (with BOM, what Excel writes as "Unicode-tekst");
 *   Windows-1252 when the bytes are not valid UTF-8 (older Excel "CSV (gescheiden door lijstscheidingsteken)").
 * - Delimiter: ';' (Dutch/Belgian Excel), ',' or tab, chosen by the header it produces (known
 *   column names) and then by how consistent the field counts are. A decimal comma in a ';' file
 *   never fools it, because the header row decides first.
 * - Header: the first row with the most known column names among the first 15 rows, so title
 *   lines above the table ("Openstaande posten per 31-10-2026") are skipped. Duplicate and empty
 *   headers get a unique name ("Bedrag (2)", "Kolom 7"), so a mapping by header name is exact.
 * - Row numbers are record numbers as a spreadsheet shows them (the header row of a file without
 *   title lines is row 1), so a message "rij 12" points at row 12 in Excel.
 *
 * The value parsers (dates, amounts) live here too: they are pure and used by validate.ts.
 */
import Papa from 'papaparse';
import { scoreHeaderRow } from './columns.ts';

export type Delimiter = ';' | ',' | '\t';
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface CsvRow {
  /** 1-based record number in the file, as a spreadsheet numbers its rows. */
  row: number;
  cells: string[];
}

export interface FileIssue {
  /** Record number, when the problem is on one row. */
  row?: number;
  message: string;
}

export interface ParsedCsv {
  /** Unique, trimmed header names (duplicates numbered, empty ones named "Kolom n"). */
  headers: string[];
  /** The header cells as they were in the file. */
  rawHeaders: string[];
  /** Record number of the header row. */
  headerRow: number;
  /** Data rows after the header; empty lines are left out (and counted). */
  rows: CsvRow[];
  emptyRows: number;
  delimiter: Delimiter;
  encoding: Encoding;
  bom: boolean;
  issues: FileIssue[];
}

export interface ParseCsvOptions {
  /** Force a delimiter instead of detecting it. */
  delimiter?: Delimiter;
  /** Force the header row (1-based record number) instead of detecting it. */
  headerRow?: number;
  /**
   * Scores a header row: how many cells are known column names. Defaults to columns.ts's
   * recogniser (scoreHeaderRow).
   */
  scoreHeader?: (cells: readonly string[]) => number;
}

/** Stop reading absurdly large inputs instead of freezing the tab. */
export const MAX_ROWS = 20_000;
const MAX_BYTES = 20 * 1024 * 1024;

// ---------------------------------------------------------------- bytes -> text

export interface DecodedText {
  text: string;
  encoding: Encoding;
  bom: boolean;
}

export function decodeBytes(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', bom: true };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', bom: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', bom: true };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding: 'utf-8', bom: false };
  } catch {
    // Not valid UTF-8: the ANSI code page of Dutch and Belgian Windows, which is what older Excel writes.
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252', bom: false };
  }
}

// ---------------------------------------------------------------- text -> rows

const DELIMITERS: readonly Delimiter[] = [';', ',', '\t'];

/** Trims a cell and unwraps Excel's `="00123"` (a formula that keeps leading zeros). */
export function cleanCell(raw: string): string {
  const trimmed = raw.replace(/^[\s\u00a0\ufeff]+|[\s\u00a0]+$/g, '');
  const m = /^="(.*)"$/s.exec(trimmed);
  return m ? m[1]!.replace(/""/g, '"').trim() : trimmed;
}

const isEmptyRecord = (cells: readonly string[]) => cells.every((c) => cleanCell(c) === '');

function split(text: string, delimiter: Delimiter, preview = 0): { data: string[][]; errors: Papa.ParseError[] } {
  const result = Papa.parse<string[]>(text, { delimiter, header: false, skipEmptyLines: false, preview, dynamicTyping: false });
  return { data: result.data, errors: result.errors };
}

function headerIndex(records: readonly string[][], score: (cells: readonly string[]) => number): { index: number; score: number } {
  let best = { index: -1, score: -1 };
  const limit = Math.min(records.length, 15);
  for (let i = 0; i < limit; i++) {
    const cells = records[i]!;
    if (isEmptyRecord(cells)) continue;
    const s = score(cells.map(cleanCell));
    if (best.index === -1) best = { index: i, score: s }; // the first non-empty row, unless a better one comes
    if (s > best.score) best = { index: i, score: s };
  }
  return best;
}

/** How well a delimiter splits the sample: known headers first, then consistent field counts. */
function delimiterScore(sample: string, delimiter: Delimiter, score: (cells: readonly string[]) => number): number {
  const { data } = split(sample, delimiter, 40);
  const records = data.filter((r) => !isEmptyRecord(r));
  if (!records.length) return 0;
  const header = headerIndex(data, score);
  const lengths = records.map((r) => r.length);
  const counts = new Map<number, number>();
  for (const n of lengths) counts.set(n, (counts.get(n) ?? 0) + 1);
  let mode = 1;
  let modeCount = 0;
  for (const [n, c] of counts) if (c > modeCount || (c === modeCount && n > mode)) [mode, modeCount] = [n, c];
  if (mode < 2) return header.score > 0 ? header.score * 1000 : 0;
  return Math.max(0, header.score) * 1000 + (modeCount / records.length) * 100 + Math.min(mode, 50);
}

export function detectDelimiter(text: string, score: (cells: readonly string[]) => number = scoreHeaderRow): Delimiter {
  const sample = text.slice(0, 64 * 1024);
  let best: Delimiter = ';';
  let bestScore = -1;
  // Ties go to ';': in a ';' file a comma is a decimal separator, while ';' hardly occurs in a ',' file.
  for (const d of DELIMITERS) {
    const s = delimiterScore(sample, d, score);
    if (s > bestScore) [best, bestScore] = [d, s];
  }
  return best;
}

function uniqueHeaders(raw: readonly string[], width: number): string[] {
  const seen = new Map<string, number>();
  return Array.from({ length: width }, (_, i) => {
    const base = cleanCell(raw[i] ?? '').replace(/\s+/g, ' ') || `Kolom ${i + 1}`;
    const key = base.toLowerCase();
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

const PAPA_MESSAGES: Record<string, string> = {
  MissingQuotes: 'een aanhalingsteken (") wordt niet afgesloten; alles tot het volgende aanhalingsteken is als één cel gelezen',
  InvalidQuotes: 'een aanhalingsteken (") staat midden in een cel',
  UndetectableDelimiter: 'het scheidingsteken kon niet bepaald worden',
};

export function parseCsv(input: Uint8Array | string, options: ParseCsvOptions = {}): ParsedCsv {
  const issues: FileIssue[] = [];
  let decoded: DecodedText;
  if (typeof input === 'string') {
    const bom = input.startsWith('\ufeff');
    decoded = { text: bom ? input.slice(1) : input, encoding: 'utf-8', bom };
  } else {
    if (input.length > MAX_BYTES) issues.push({ message: `het bestand is groter dan ${MAX_BYTES / 1024 / 1024} MB; alleen het begin is gelezen` });
    decoded = decodeBytes(input.length > MAX_BYTES ? input.subarray(0, MAX_BYTES) : input);
  }
  if (decoded.encoding === 'windows-1252') issues.push({ message: 'het bestand is geen UTF-8 en is gelezen als Windows-1252 (ANSI); controleer letters met accenten' });
  const score = options.scoreHeader ?? scoreHeaderRow;
  const text = decoded.text.replace(/\u0000/g, '');
  const delimiter = options.delimiter ?? detectDelimiter(text, score);
  const empty: ParsedCsv = { headers: [], rawHeaders: [], headerRow: 0, rows: [], emptyRows: 0, delimiter, encoding: decoded.encoding, bom: decoded.bom, issues };
  if (!text.trim()) {
    issues.push({ message: 'het bestand is leeg' });
    return empty;
  }

  const { data, errors } = split(text, delimiter);
  // papaparse gives one [''] record for the final line break: not a row.
  if (data.length && isEmptyRecord(data.at(-1)!) && /\r?\n$/.test(text)) data.pop();
  for (const e of errors) {
    if (e.code === 'UndetectableDelimiter') continue;
    const row = typeof e.row === 'number' ? e.row + 1 : undefined;
    issues.push({ ...(row !== undefined ? { row } : {}), message: PAPA_MESSAGES[e.code] ?? e.message });
  }
  if (data.length > MAX_ROWS + 15) {
    issues.push({ message: `het bestand heeft meer dan ${MAX_ROWS} rijen; alleen de eerste ${MAX_ROWS} zijn gelezen` });
    data.length = MAX_ROWS + 15;
  }

  const forced = options.headerRow !== undefined && options.headerRow >= 1 && options.headerRow <= data.length ? options.headerRow - 1 : undefined;
  const headerAt = forced ?? headerIndex(data, score).index;
  if (headerAt < 0) {
    issues.push({ message: 'het bestand bevat geen rijen met gegevens' });
    return empty;
  }
  const rawHeaders = data[headerAt]!.map(cleanCell);
  // Trailing empty header cells (a trailing delimiter) only count when rows fill them.
  let width = rawHeaders.length;
  while (width > 1 && rawHeaders[width - 1] === '') width--;
  const rows: CsvRow[] = [];
  let emptyRows = 0;
  for (let i = headerAt + 1; i < data.length; i++) {
    const cells = data[i]!;
    if (isEmptyRecord(cells)) {
      emptyRows++;
      continue;
    }
    rows.push({ row: i + 1, cells: cells.map(cleanCell) });
  }
  // Widen for rows with more cells only when those extra cells hold data, so they can be mapped.
  const widest = rows.reduce((w, r) => {
    let n = r.cells.length;
    while (n > 0 && r.cells[n - 1] === '') n--;
    return Math.max(w, n);
  }, width);
  if (widest > width) {
    const extra = rows.filter((r) => r.cells.slice(width).some((c) => c !== '')).length;
    issues.push({ message: `${extra} ${extra === 1 ? 'rij heeft' : 'rijen hebben'} meer cellen dan de kopregel; de extra kolommen heten "Kolom ${width + 1}" enzovoort` });
    width = widest;
  }
  return { headers: uniqueHeaders(rawHeaders, width), rawHeaders, headerRow: headerAt + 1, rows, emptyRows, delimiter, encoding: decoded.encoding, bom: decoded.bom, issues };
}

// ---------------------------------------------------------------- values

export type ParseResult<T> = { ok: true; value: T; note?: string } | { ok: false; error: string };

export type DateOrder = 'dmy' | 'mdy';

const MONTH_NAMES: Record<string, number> = {
  jan: 1, januari: 1, january: 1, janv: 1, janvier: 1,
  feb: 2, febr: 2, februari: 2, february: 2, fevr: 2, fevrier: 2,
  mrt: 3, maa: 3, maart: 3, mar: 3, march: 3, mars: 3,
  apr: 4, april: 4, avr: 4, avril: 4,
  mei: 5, may: 5, mai: 5,
  jun: 6, juni: 6, june: 6, juin: 6,
  jul: 7, juli: 7, july: 7, juil: 7, juillet: 7,
  aug: 8, augustus: 8, august: 8, aout: 8,
  sep: 9, sept: 9, september: 9, septembre: 9,
  okt: 10, oct: 10, oktober: 10, october: 10, octobre: 10,
  nov: 11, november: 11, novembre: 11,
  dec: 12, december: 12, decembre: 12,
};

const pad = (n: number) => String(n).padStart(2, '0');

function isoOf(y: number, m: number, d: number): ParseResult<string> {
  if (m < 1 || m > 12) return { ok: false, error: `maand ${m} bestaat niet` };
  const date = new Date(Date.UTC(y, m - 1, d));
  if (d < 1 || date.getUTCMonth() !== m - 1) return { ok: false, error: `${d}-${pad(m)}-${y} bestaat niet` };
  if (y < 2000 || y > 2099) return { ok: false, error: `het jaar ${y} is onwaarschijnlijk voor een openstaande factuur` };
  return { ok: true, value: `${y}-${pad(m)}-${pad(d)}` };
}

const fullYear = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));

/** Excel's serial day numbers (1900 system) for dates between 2000 and 2099. */
function excelSerial(serial: number): string {
  return new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Reads a date as Dutch/Belgian exports write it: dd-mm-jjjj, dd/mm/jjjj, dd.mm.jjjj, jjjj-mm-dd,
 * jjjj/mm/dd, "15 januari 2026", "15-jan-26", optionally followed by a time, and Excel serial
 * numbers. `order` 'mdy' reads 03/04/2026 as 4 March (an English export; see inferDateOrder).
 */
export function parseDate(raw: string, order: DateOrder = 'dmy'): ParseResult<string> {
  const text = raw.trim().replace(/\s+/g, ' ');
  if (!text) return { ok: false, error: 'leeg' };
  // Drop a time part: "2026-10-31 00:00:00", "31-10-2026 0:00", "2026-10-31T00:00:00Z".
  const value = text.replace(/(?:T|\s)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s?[AP]M)?(?:Z|[+-]\d{2}:?\d{2})?$/i, '');
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(value);
  if (m) return isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})$/.exec(value);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[3])];
    const [d, mo] = order === 'mdy' ? [b, a] : [a, b];
    const result = isoOf(fullYear(m[4]!), mo, d);
    if (!result.ok && order === 'dmy' && b > 12 && a <= 12) return { ok: false, error: `${text} lijkt maand/dag/jaar (Engelse notatie); verwacht is dag-maand-jaar` };
    return result.ok && m[4]!.length === 2 ? { ...result, note: `jaar "${m[4]}" gelezen als ${fullYear(m[4]!)}` } : result;
  }
  m = /^(\d{1,2})[-\s.]?([a-zA-Zéû]{3,9})\.?[-\s.]?(\d{4}|\d{2})$/.exec(value);
  if (m) {
    const month = MONTH_NAMES[m[2]!.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '')];
    if (month) return isoOf(fullYear(m[3]!), month, Number(m[1]));
  }
  if (/^\d{5}$/.test(value)) {
    const serial = Number(value);
    // 36526 = 2000-01-01, 73050 = 2099-12-31.
    if (serial >= 36526 && serial <= 73050) return { ok: true, value: excelSerial(serial), note: `Excel-datumgetal ${value} gelezen als ${excelSerial(serial)}` };
  }
  return { ok: false, error: `"${truncate(text)}" is geen datum (verwacht dd-mm-jjjj of jjjj-mm-dd)` };
}

/** 'mdy' only when some value cannot be day-month (second part above 12) and none needs it. */
export function inferDateOrder(values: readonly string[]): DateOrder {
  let dmy = false;
  let mdy = false;
  for (const v of values) {
    const m = /^\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})\b/.exec(v);
    if (!m) continue;
    if (Number(m[1]) > 12) dmy = true;
    if (Number(m[2]) > 12) mdy = true;
  }
  return mdy && !dmy ? 'mdy' : 'dmy';
}

export type DecimalSeparator = ',' | '.';

/** Largest amount accepted (the fill-data schema's limit): one billion euro. */
export const MAX_AMOUNT_CENTS = 100_000_000_000;

const truncate = (s: string, n = 40) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * Reads an amount into integer cents: "€ 1.234,56", "1,234.56", "1234.56", "-1.234,56",
 * "(1.234,56)", "1.234,56-", "EUR 1 234,56", "1'234.56". Which separator is the decimal one:
 * both present -> the last; one present once with 1 or 2 digits after it -> decimal; otherwise
 * `decimal` decides (see inferDecimalSeparator). Never rounds: a third decimal that is not 0 is an error.
 */
export function parseAmount(raw: string, decimal: DecimalSeparator = ','): ParseResult<number> {
  let text = raw.trim();
  if (!text) return { ok: false, error: 'leeg' };
  const original = text;
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1);
  }
  text = text.replace(/€|\beur(?:o)?\b|\beuros\b/gi, '').replace(/[\s\u00a0\u202f']/g, '');
  if (/^[-−–]/.test(text)) {
    negative = !negative;
    text = text.slice(1);
  } else if (/^\+/.test(text)) text = text.slice(1);
  if (/[-−–]$/.test(text)) {
    negative = !negative;
    text = text.slice(0, -1);
  }
  // The currency sign may also come after the minus: "-€ 12,00".
  text = text.replace(/€/g, '');
  if (!/^[\d.,]+$/.test(text) || !/\d/.test(text)) return { ok: false, error: `"${truncate(original)}" is geen bedrag` };

  const lastComma = text.lastIndexOf(',');
  const lastPoint = text.lastIndexOf('.');
  let sep: DecimalSeparator | null;
  if (lastComma >= 0 && lastPoint >= 0) sep = lastComma > lastPoint ? ',' : '.';
  else if (lastComma < 0 && lastPoint < 0) sep = null;
  else {
    const only: DecimalSeparator = lastComma >= 0 ? ',' : '.';
    const count = text.split(only).length - 1;
    const after = text.length - text.lastIndexOf(only) - 1;
    if (count > 1) sep = null; // "1.234.567": thousands only
    else if (after !== 3) sep = only; // "12,5", "12,50", "12,3400"
    else sep = only === decimal ? only : null; // "1.234": ambiguous; the column's habit decides
  }
  const thousands = sep === ',' ? '.' : sep === '.' ? ',' : null;
  const [intRaw, fracRaw = ''] = sep ? [text.slice(0, text.lastIndexOf(sep)), text.slice(text.lastIndexOf(sep) + 1)] : [text, ''];
  if (sep && fracRaw.includes(thousands!)) return { ok: false, error: `"${truncate(original)}" is geen bedrag` };
  let intDigits = intRaw;
  if (thousands === null ? /[.,]/.test(intRaw) : intRaw.includes(thousands)) {
    const groupSep = thousands ?? (intRaw.includes('.') ? '.' : ',');
    const groups = intRaw.split(groupSep);
    const wellFormed = /^\d{1,3}$/.test(groups[0]!) && groups.slice(1).every((g) => /^\d{3}$/.test(g));
    if (!wellFormed) return { ok: false, error: `"${truncate(original)}": de scheidingstekens voor duizendtallen staan op een vreemde plaats` };
    intDigits = groups.join('');
  }
  if (!/^\d*$/.test(intDigits) || !/^\d*$/.test(fracRaw)) return { ok: false, error: `"${truncate(original)}" is geen bedrag` };
  if (/[1-9]/.test(fracRaw.slice(2))) return { ok: false, error: `"${truncate(original)}" heeft meer dan twee decimalen` };
  if (intDigits.replace(/^0+/, '').length > 12) return { ok: false, error: `"${truncate(original)}" is te groot` };
  const cents = Number(intDigits || '0') * 100 + Number(fracRaw.slice(0, 2).padEnd(2, '0'));
  if (cents > MAX_AMOUNT_CENTS) return { ok: false, error: `"${truncate(original)}" is te groot` };
  return { ok: true, value: negative && cents !== 0 ? -cents : cents };
}

/**
 * Which separator is decimal in one column: from the values that say so unambiguously, else the
 * file's habit (a ';' file is Dutch/Belgian Excel: decimal comma).
 */
export function inferDecimalSeparator(values: readonly string[], delimiter: Delimiter): DecimalSeparator {
  let comma = 0;
  let point = 0;
  for (const v of values) {
    const t = v.replace(/[^\d.,]/g, '');
    const lc = t.lastIndexOf(',');
    const lp = t.lastIndexOf('.');
    if (lc >= 0 && lp >= 0) {
      if (lc > lp) comma++;
      else point++;
    }
    else if (lc >= 0 && t.split(',').length === 2 && t.length - lc - 1 !== 3) comma++;
    else if (lp >= 0 && t.split('.').length === 2 && t.length - lp - 1 !== 3) point++;
  }
  if (comma !== point) return comma > point ? ',' : '.';
  return delimiter === ',' ? '.' : ',';
}
