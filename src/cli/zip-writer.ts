/**
 * The command line's zip: archiver with Node's zlib (native, off the JavaScript thread), streamed
 * into a file. add() waits while more than a few entries are still being compressed, so a fast run
 * never piles up files in memory in front of a slow disk; text made in pieces (the overview files)
 * is streamed into its entry piece by piece as archiver asks for it.
 */
import { Readable, type Writable } from 'node:stream';
import { ZipArchive } from 'archiver';
import type { ZipData, ZipSink } from '../bulk/run.ts';

/** Entries allowed in archiver's queue before add() waits. */
const AHEAD = 16;

function entryData(data: ZipData): Buffer | Readable {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (data instanceof Uint8Array) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return Readable.from(utf8(data), { objectMode: false });
}

function* utf8(pieces: Iterable<string>): Generator<Buffer> {
  for (const piece of pieces) yield Buffer.from(piece, 'utf8');
}

export function streamingZip(out: Writable, mtime: Date): ZipSink {
  const archive = new ZipArchive({ zlib: { level: 6 } });
  let appended = 0;
  let processed = 0;
  let failure: Error | null = null;
  let waiting: (() => void) | null = null;
  const wake = () => {
    const w = waiting;
    waiting = null;
    w?.();
  };
  archive.on('progress', (p) => {
    processed = p.entries.processed;
    if (appended - processed <= AHEAD / 2) wake();
  });
  archive.on('error', (error) => {
    failure = error;
    wake();
  });
  archive.on('warning', (error) => {
    failure = error;
    wake();
  });
  archive.pipe(out);
  return {
    async add(name, data, compress) {
      if (failure) throw failure;
      archive.append(entryData(data), { name, date: mtime, mode: 0o644, store: !compress });
      appended++;
      while (appended - processed > AHEAD && !failure) await new Promise<void>((resolve) => (waiting = resolve));
      if (failure) throw failure;
    },
    async finish() {
      if (failure) throw failure;
      await archive.finalize();
      if (failure) throw failure;
    },
  };
}
