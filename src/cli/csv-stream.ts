/**
 * Reads a CSV file row by row for the command line, with the same rules as bulk mode's parseCsv
 * (encoding, delimiter, header row, cell cleaning): the head of the file is analysed with
 * parseCsv itself, then the whole file streams through papaparse, so a file of any length is read
 * without holding it in memory.
 */
import { createReadStream, openSync, readSync, closeSync, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import Papa from 'papaparse';
import { cleanCell, parseCsv, type CsvRow, type Delimiter, type Encoding, type FileIssue, type ParsedCsv } from '../bulk/parse.ts';
import { CliError } from './errors.ts';

const QUOTE_MESSAGES: Record<string, string> = {
  MissingQuotes: 'een aanhalingsteken (") wordt niet afgesloten; alles tot het volgende aanhalingsteken is als één cel gelezen',
  InvalidQuotes: 'een aanhalingsteken (") staat midden in een cel',
};

/** Rows read ahead of the checks before the file is paused. */
const WAITING_ROWS = 2000;

/** Bytes read to find the encoding, delimiter and header row, and to learn the columns' habits. */
const HEAD_BYTES = 256 * 1024;

export interface CsvHead {
  /** parseCsv on the head: headers, headerRow, delimiter, the first rows and file issues. */
  parsed: ParsedCsv;
  encoding: Encoding;
  /** Bytes to skip at the start (a byte-order mark). */
  bomBytes: number;
  size: number;
}

function detectEncoding(bytes: Uint8Array, truncated: boolean): { encoding: Encoding; bomBytes: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bomBytes: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bomBytes: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bomBytes: 2 };
  // Cut at the last line break, so a character split by the cut does not look like bad UTF-8.
  const end = truncated ? bytes.lastIndexOf(0x0a) + 1 : bytes.length;
  try {
    new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(0, end || bytes.length));
    return { encoding: 'utf-8', bomBytes: 0 };
  } catch {
    return { encoding: 'windows-1252', bomBytes: 0 };
  }
}

/** Reads and analyses the head of the file. Throws CliError when the file cannot be opened. */
export function readHead(path: string, options: { delimiter?: Delimiter } = {}): CsvHead {
  let fd: number;
  let size: number;
  try {
    size = statSync(path).size;
    if (statSync(path).isDirectory()) throw new CliError(1, `${path} is een map, geen CSV-bestand.`);
    fd = openSync(path, 'r');
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(1, `Het bestand ${path} bestaat niet of kan niet gelezen worden.`);
  }
  const buffer = new Uint8Array(Math.min(size, HEAD_BYTES));
  try {
    readSync(fd, buffer, 0, buffer.length, 0);
  } finally {
    closeSync(fd);
  }
  const truncated = size > buffer.length;
  const { encoding, bomBytes } = detectEncoding(buffer, truncated);
  let text = new TextDecoder(encoding, { ignoreBOM: true }).decode(buffer.subarray(bomBytes, buffer.length - ((buffer.length - bomBytes) % (encoding.startsWith('utf-16') ? 2 : 1))));
  // The last line of a cut head may be incomplete: leave it out of the analysis.
  if (truncated) text = text.slice(0, Math.max(text.lastIndexOf('\n') + 1, 1));
  const parsed = parseCsv(text, options.delimiter ? { delimiter: options.delimiter } : {});
  if (truncated && parsed.rows.length > 1) parsed.rows.pop();
  return { parsed, encoding, bomBytes, size };
}

async function* decoded(path: string, head: CsvHead, onBytes: (n: number) => void): AsyncGenerator<string> {
  const decoder = new TextDecoder(head.encoding, { fatal: head.encoding === 'utf-8', ignoreBOM: true });
  let lines = 0;
  try {
    for await (const chunk of createReadStream(path, { start: head.bomBytes, highWaterMark: 64 * 1024 }) as AsyncIterable<Buffer>) {
      onBytes(chunk.length);
      const text = decoder.decode(chunk, { stream: true }).replace(/\u0000/g, '');
      yield text;
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
    }
    const rest = decoder.decode();
    if (rest) yield rest;
  } catch (error) {
    if (error instanceof TypeError) throw new CliError(1, `Het bestand is geen geldige UTF-8 na regel ${lines + 1} (het begin wel). Bewaar het opnieuw als "CSV UTF-8".`);
    throw error;
  }
}

/**
 * Every record after the header row, numbered as parseCsv numbers them (a spreadsheet's row
 * number when no cell holds a line break). Empty records are counted, not yielded.
 */
export async function* csvRows(path: string, head: CsvHead, onBytes: (n: number) => void = () => {}): AsyncGenerator<CsvRow, { emptyRows: number; issues: FileIssue[] }> {
  const queue: { data: string[]; error: string | null }[] = [];
  let done = false;
  let failure: unknown = null;
  let wake: (() => void) | null = null;
  const source = Readable.from(decoded(path, head, onBytes));
  // Papa reads the stream as fast as it comes: the file is paused while rows wait to be checked,
  // or a large file would pile up here row by row (most of it, at 100,000 invoices).
  let paused = false;
  source.on('error', (error) => {
    failure = error;
    wake?.();
  });
  Papa.parse<string[]>(source as unknown as File, {
    delimiter: head.parsed.delimiter,
    header: false,
    skipEmptyLines: false,
    dynamicTyping: false,
    step: (result) => {
      const error = result.errors.find((e) => e.code !== 'UndetectableDelimiter');
      queue.push({ data: result.data, error: error ? (QUOTE_MESSAGES[error.code] ?? error.message) : null });
      if (!paused && queue.length >= WAITING_ROWS) {
        paused = true;
        source.pause();
      }
      wake?.();
    },
    complete: () => {
      done = true;
      wake?.();
    },
    error: (error: unknown) => {
      failure = error;
      wake?.();
    },
  });

  let index = 0;
  let emptyRows = 0;
  const issues: FileIssue[] = [];
  const headerAt = head.parsed.headerRow - 1;
  for (;;) {
    if (failure) throw failure;
    const next = queue.shift();
    if (paused && queue.length <= WAITING_ROWS / 4) {
      paused = false;
      source.resume();
    }
    if (!next) {
      if (done) break;
      // Papa delivers rows from stream events, a chunk at a time: wait for the next one.
      await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
      continue;
    }
    const row = ++index;
    const record = next.data;
    if (row - 1 <= headerAt) continue;
    if (next.error) issues.push({ row, message: next.error });
    if (record.every((c) => cleanCell(c) === '')) {
      emptyRows++;
      continue;
    }
    yield { row, cells: record.map(cleanCell) };
  }
  return { emptyRows, issues };
}
