/**
 * The command line's zip, written straight into a file stream with Node's zlib (deflate runs in
 * libuv's thread pool, so it overlaps the rendering of the next customers). Own writer, not
 * archiver: archiver keeps an object per entry and, at the end, writes the central directory as
 * millions of small chunks at once (at 200,000 invoices the last seconds took ~600 MB). Here each
 * entry's central-directory record is made when the entry is written and goes to a temporary
 * file (`directory`), streamed in at the end, so memory does not grow with the number of files.
 * ZIP64 records are written when the zip needs them (more than 65,535 files, or past 4 GiB).
 *
 * add() waits while more than a few entries are still being compressed, so a fast run never
 * piles up files in memory in front of a slow disk; text made in pieces (the overview files) is
 * deflated piece by piece, with a data descriptor after it.
 */
import { appendFileSync, closeSync, openSync, readSync } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { promisify } from 'node:util';
import { crc32, createDeflateRaw, deflateRaw } from 'node:zlib';
import type { ZipData, ZipSink } from '../bulk/run.ts';

/** Entries being compressed or waiting to be written before add() waits. */
const AHEAD = 16;
const LEVEL = 6;
/** Central-directory bytes held before they go to the temporary file. */
const DIRECTORY_CHUNK = 256 * 1024;
const U16 = 0xffff;
const U32 = 0xffffffff;

const deflate = promisify(deflateRaw);

/** MS-DOS time and date from local fields (what a zip stores). */
function dosTime(date: Date): { time: number; date: number } {
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2),
    date: ((Math.max(1980, date.getFullYear()) - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

interface Entry {
  name: Buffer;
  flags: number;
  method: number;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

/** `directory`: a temporary file for the central directory; without it, the directory is held in memory. */
export function streamingZip(out: Writable, mtime: Date, directory?: string): ZipSink {
  const dos = dosTime(mtime);
  let offset = 0;
  let entries = 0;
  let failure: Error | null = null;
  const held: Buffer[] = [];
  let heldBytes = 0;
  let spilled = false;
  const queue: Promise<void>[] = [];
  let tail: Promise<void> = Promise.resolve();
  out.on('error', (error) => (failure ??= error));

  async function write(chunk: Buffer): Promise<void> {
    if (failure) throw failure;
    offset += chunk.length;
    // once() also rejects on 'error', and leaves no listener behind.
    if (!out.write(chunk)) await once(out, 'drain');
    if (failure) throw failure;
  }

  function localHeader(e: Omit<Entry, 'offset'>): Buffer {
    const b = Buffer.alloc(30);
    b.writeUInt32LE(0x04034b50, 0);
    b.writeUInt16LE(20, 4);
    b.writeUInt16LE(e.flags, 6);
    b.writeUInt16LE(e.method, 8);
    b.writeUInt16LE(dos.time, 10);
    b.writeUInt16LE(dos.date, 12);
    b.writeUInt32LE(e.crc, 14);
    b.writeUInt32LE(e.compressed, 18);
    b.writeUInt32LE(e.size, 22);
    b.writeUInt16LE(e.name.length, 26);
    b.writeUInt16LE(0, 28);
    return Buffer.concat([b, e.name]);
  }

  function record(e: Entry): void {
    // Only the offset can pass 4 GiB: an entry's own data is far smaller.
    const far = e.offset >= U32;
    const b = Buffer.alloc(46);
    b.writeUInt32LE(0x02014b50, 0);
    b.writeUInt16LE((3 << 8) | (far ? 45 : 20), 4); // made on Unix
    b.writeUInt16LE(far ? 45 : 20, 6);
    b.writeUInt16LE(e.flags, 8);
    b.writeUInt16LE(e.method, 10);
    b.writeUInt16LE(dos.time, 12);
    b.writeUInt16LE(dos.date, 14);
    b.writeUInt32LE(e.crc, 16);
    b.writeUInt32LE(e.compressed, 20);
    b.writeUInt32LE(e.size, 24);
    b.writeUInt16LE(e.name.length, 28);
    b.writeUInt16LE(far ? 12 : 0, 30);
    b.writeUInt32LE((0o100644 << 16) >>> 0, 38); // a regular file, rw-r--r--
    b.writeUInt32LE(far ? U32 : e.offset, 42);
    const parts = [b, e.name];
    if (far) {
      const extra = Buffer.alloc(12);
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(8, 2);
      extra.writeBigUInt64LE(BigInt(e.offset), 4);
      parts.push(extra);
    }
    for (const part of parts) {
      held.push(part);
      heldBytes += part.length;
    }
    entries++;
    if (directory && heldBytes >= DIRECTORY_CHUNK) spill();
  }

  function spill(): void {
    appendFileSync(directory!, Buffer.concat(held));
    held.length = 0;
    heldBytes = 0;
    spilled = true;
  }

  function* directoryChunks(): Generator<Buffer> {
    if (spilled) {
      const fd = openSync(directory!, 'r');
      try {
        for (;;) {
          const chunk = Buffer.alloc(DIRECTORY_CHUNK);
          const n = readSync(fd, chunk, 0, chunk.length, null);
          if (n === 0) break;
          yield chunk.subarray(0, n);
        }
      } finally {
        closeSync(fd);
      }
    }
    yield* held;
  }

  async function whole(name: Buffer, bytes: Buffer, compress: Promise<Buffer> | null): Promise<void> {
    const data = compress ? await compress : bytes;
    const e = { name, flags: 0x0800, method: compress ? 8 : 0, crc: crc32(bytes), compressed: data.length, size: bytes.length };
    if (e.size >= U32 || e.compressed >= U32) throw new Error(`${name.toString()}: te groot voor een zip-bestand zonder ZIP64-gegevens`);
    const at = offset;
    await write(localHeader(e));
    await write(data);
    record({ ...e, offset: at });
  }

  async function pieces(name: Buffer, text: Iterable<string>, compress: boolean): Promise<void> {
    // Sizes and checksum follow the data (flag bit 3): the text is never whole.
    const e = { name, flags: 0x0808, method: compress ? 8 : 0, crc: 0, compressed: 0, size: 0 };
    const at = offset;
    await write(localHeader(e));
    const z = compress ? createDeflateRaw({ level: LEVEL }) : null;
    const made: Buffer[] = [];
    let zError: Error | null = null;
    z?.on('data', (chunk: Buffer) => made.push(chunk));
    z?.on('error', (error) => (zError = error));
    const move = async () => {
      if (zError) throw zError;
      for (const chunk of made.splice(0)) {
        e.compressed += chunk.length;
        await write(chunk);
      }
    };
    for (const piece of text) {
      const bytes = Buffer.from(piece, 'utf8');
      e.crc = crc32(bytes, e.crc);
      e.size += bytes.length;
      if (!z) {
        e.compressed += bytes.length;
        await write(bytes);
        continue;
      }
      // Wait for zlib to take the piece: what it made so far goes out, nothing piles up.
      if (!z.write(bytes)) await once(z, 'drain');
      await move();
    }
    if (z) {
      const ended = once(z, 'end');
      z.end();
      await ended;
      await move();
    }
    if (e.size >= U32 || e.compressed >= U32) throw new Error(`${name.toString()}: te groot voor een zip-bestand zonder ZIP64-gegevens`);
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(e.crc, 4);
    descriptor.writeUInt32LE(e.compressed, 8);
    descriptor.writeUInt32LE(e.size, 12);
    await write(descriptor);
    record({ ...e, offset: at });
  }

  return {
    async add(name, data, compress) {
      if (failure) throw failure;
      const encoded = Buffer.from(name, 'utf8');
      let job: () => Promise<void>;
      if (typeof data === 'string' || data instanceof Uint8Array) {
        const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
        // Compression starts now, in the thread pool; the entry is written in turn.
        const compressed = compress ? deflate(bytes, { level: LEVEL }) : null;
        compressed?.catch(() => undefined);
        job = () => whole(encoded, bytes, compressed);
      } else job = () => pieces(encoded, data, compress);
      tail = tail.then(job);
      queue.push(tail);
      tail.catch((error: Error) => (failure ??= error));
      while (queue.length > AHEAD) await queue.shift();
      if (failure) throw failure;
    },
    async finish() {
      await tail;
      queue.length = 0;
      if (failure) throw failure;
      const start = offset;
      for (const chunk of directoryChunks()) await write(chunk);
      const size = offset - start;
      const end: Buffer[] = [];
      if (entries >= U16 || start >= U32 || size >= U32) {
        const z64 = Buffer.alloc(56);
        z64.writeUInt32LE(0x06064b50, 0);
        z64.writeBigUInt64LE(44n, 4);
        z64.writeUInt16LE((3 << 8) | 45, 12);
        z64.writeUInt16LE(45, 14);
        z64.writeBigUInt64LE(BigInt(entries), 24);
        z64.writeBigUInt64LE(BigInt(entries), 32);
        z64.writeBigUInt64LE(BigInt(size), 40);
        z64.writeBigUInt64LE(BigInt(start), 48);
        const locator = Buffer.alloc(20);
        locator.writeUInt32LE(0x07064b50, 0);
        locator.writeBigUInt64LE(BigInt(offset), 8);
        locator.writeUInt32LE(1, 16);
        end.push(z64, locator);
      }
      const eocd = Buffer.alloc(22);
      eocd.writeUInt32LE(0x06054b50, 0);
      eocd.writeUInt16LE(Math.min(entries, U16), 8);
      eocd.writeUInt16LE(Math.min(entries, U16), 10);
      eocd.writeUInt32LE(Math.min(size, U32), 12);
      eocd.writeUInt32LE(Math.min(start, U32), 16);
      end.push(eocd);
      await write(Buffer.concat(end));
      out.end();
    },
  };
}
