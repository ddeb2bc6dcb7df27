/**
 * CSV in two flavours (import-formats.md §6):
 * - 'excel-nl': for people opening it in Dutch or Belgian Excel, and as a Word mail-merge source:
 *   UTF-8 with BOM (else Excel shows "â‚¬"), ';' (the list separator where the decimal is a comma),
 *   CRLF, dd-mm-jjjj, decimal comma. No "sep=;" line: with it Excel ignores the BOM.
 * - 'import': for tools: no BOM, ',', CRLF (RFC 4180), ISO dates, decimal point.
 * Every cell is quoted with quotes doubled, and cells that a spreadsheet would run as a formula are
 * neutralised with a leading apostrophe (OWASP "CSV Injection").
 */
import type { FillData, Workflow } from '../content/schema.ts';
import { formatDateShort } from '../model/format.ts';
import { CSV_HEADERS, machineRecord, preformattedRecord } from './mapping.ts';
import { CHANNEL_LABELS, scheduleOf } from './schedule.ts';

export type CsvFlavour = 'excel-nl' | 'import';

const BOM = '\ufeff';

// A plain number such as "-3" cannot be a formula; keeping it lets Excel sort day offsets.
const PLAIN_NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;

/** OWASP: a cell starting with = + - @ tab or CR may be run as a formula; prefix a single quote. */
export function neutralise(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;
}

const quote = (cell: string) => `"${neutralise(cell).replace(/"/g, '""')}"`;

export function toCsv(rows: readonly (readonly string[])[], flavour: CsvFlavour): string {
  const delimiter = flavour === 'excel-nl' ? ';' : ',';
  const body = rows.map((row) => row.map(quote).join(delimiter)).join('\r\n') + '\r\n';
  return flavour === 'excel-nl' ? BOM + body : body;
}

export interface ScheduleCsvOptions {
  dueDate: string;
  flavour: CsvFlavour;
}

const SCHEDULE_HEADERS: Record<CsvFlavour, string[]> = {
  'excel-nl': ['Stap', 'Dag t.o.v. vervaldag', 'Datum', 'Kanaal', 'Toon', 'Titel', 'Sjabloon'],
  import: ['step', 'day_offset', 'date', 'channel', 'tone', 'title', 'template'],
};

/** One row per step: the schedule of a workflow for one due date. */
export function scheduleCsv(workflow: Workflow, options: ScheduleCsvOptions): string {
  const nl = options.flavour === 'excel-nl';
  const rows = scheduleOf(workflow, options.dueDate).map(({ index, step, date }) => [
    String(index + 1),
    String(step.offset),
    nl ? formatDateShort(date) : date,
    nl ? CHANNEL_LABELS[step.kanaal] : step.kanaal,
    step.toon,
    step.titel,
    step.template,
  ]);
  return toCsv([SCHEDULE_HEADERS[options.flavour], ...rows], options.flavour);
}

/**
 * The mail-merge data sheet: one row per customer, headers = MERGEFIELD names (mapping.ts). The
 * Excel flavour holds the Dutch text Word should print, so no field switches are needed in Word.
 */
/** Header row and one row per customer: Dutch-formatted text for people, machine values for tools. */
export function mergeDataRows(rows: readonly FillData[], flavour: CsvFlavour): string[][] {
  const toRecord = flavour === 'excel-nl' ? preformattedRecord : machineRecord;
  const body = rows.map((data) => {
    const record = toRecord(data);
    return CSV_HEADERS.map((h) => record[h] ?? '');
  });
  return [[...CSV_HEADERS], ...body];
}

export function mergeDataCsv(rows: readonly FillData[], flavour: CsvFlavour): string {
  return toCsv(mergeDataRows(rows, flavour), flavour);
}
