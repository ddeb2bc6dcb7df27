/**
 * Temporary files for a command-line run that is too large to hold: a private folder, lines
 * appended to many files at once (buffered, so each file is written in large pieces), lines and
 * text read back in chunks. Nothing here holds a whole file.
 */
import { appendFileSync, closeSync, mkdtempSync, openSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';

/** Bytes a file's lines wait in memory before they are written; bytes read at a time. */
const CHUNK = 64 * 1024;

/** A private folder (mode 0700, from mkdtemp) in the system's temporary folder; remove() is safe to call twice. */
export function tempFolder(): { path: string; file: (name: string) => string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), 'tijdig-'));
  return { path, file: (name) => join(path, name), remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Lines appended to one of `paths` (created on first write); close() writes what waits. */
export class LineFiles {
  private readonly waiting: string[][];
  private readonly sizes: number[];
  readonly paths: readonly string[];
  constructor(paths: readonly string[]) {
    this.paths = paths;
    this.waiting = paths.map(() => []);
    this.sizes = paths.map(() => 0);
  }

  append(index: number, line: string): void {
    this.waiting[index]!.push(line);
    this.sizes[index]! += line.length + 1;
    if (this.sizes[index]! >= CHUNK) this.flush(index);
  }

  private flush(index: number): void {
    const lines = this.waiting[index]!;
    if (!lines.length) return;
    appendFileSync(this.paths[index]!, `${lines.join('\n')}\n`);
    lines.length = 0;
    this.sizes[index] = 0;
  }

  close(): void {
    for (let i = 0; i < this.paths.length; i++) this.flush(i);
  }
}

/** A file's text in chunks (UTF-8, a character never split); nothing when the file does not exist. */
export function* readText(path: string): Generator<string> {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  try {
    const buffer = Buffer.alloc(CHUNK);
    const decoder = new StringDecoder('utf8');
    for (;;) {
      const n = readSync(fd, buffer, 0, CHUNK, null);
      if (n === 0) break;
      const text = decoder.write(buffer.subarray(0, n));
      if (text) yield text;
    }
    const rest = decoder.end();
    if (rest) yield rest;
  } finally {
    closeSync(fd);
  }
}

/** A file's lines (written by LineFiles), one at a time. */
export function* readLines(path: string): Generator<string> {
  let rest = '';
  for (const text of readText(path)) {
    const lines = (rest + text).split('\n');
    rest = lines.pop()!;
    yield* lines;
  }
  if (rest) yield rest;
}

/** Which of `count` buckets a text goes to (FNV-1a over its UTF-16 code units): the same text, the same bucket. */
export function bucketOf(text: string, count: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h % count;
}
