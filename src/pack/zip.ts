/**
 * Deterministic zips: sorted entries, one fixed date and mode, so the same content gives the same bytes.
 *
 * The pack puts most files in three or more zips (the full pack, its case, its playbook or format), so
 * each file is deflated once (`packEntry`) and its compressed bytes are copied into every zip that holds
 * it. The layout is the one archiver 8 wrote before (zip-stream: deflate level 9, a data descriptor
 * after each entry, Unix mode 0644, DOS time in UTC), so the zips came out byte for byte the same.
 */
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  data: Uint8Array | string;
}

/** One file, compressed once, ready to be copied into any number of zips. */
export interface PackedEntry {
  readonly name: string;
  readonly nameBytes: Buffer;
  readonly crc: number;
  readonly size: number;
  /** 8 = deflate; 0 = stored (only an empty file, as archiver did). */
  readonly method: 0 | 8;
  readonly compressed: Uint8Array;
}

const LEVEL = 9;
const UTF8_NAMES = 1 << 11;
const DATA_DESCRIPTOR = 1 << 3;
/** Version needed to extract: 2.0, for a data descriptor. */
const VERSION_NEEDED = 20;
/** Made by Unix (3), spec version 4.5. */
const VERSION_MADE_BY = (3 << 8) | 45;
/** A regular file, rw-r--r--, plus the DOS archive bit, as archiver wrote `mode: 0o644`. */
const EXTERNAL_ATTRIBUTES = (((0o100000 | 0o644) << 16) | 0x20) >>> 0;

export function packEntry(entry: ZipEntry): PackedEntry {
  if (entry.name.startsWith('/') || entry.name.includes('\\') || entry.name.split('/').includes('..')) throw new Error(`zip: ongeldige bestandsnaam ${JSON.stringify(entry.name)}`);
  const data = typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : entry.data;
  const nameBytes = Buffer.from(entry.name, 'utf8');
  const method = data.length === 0 ? 0 : 8;
  return { name: entry.name, nameBytes, crc: crc32(data), size: data.length, method, compressed: method === 8 ? deflateRawSync(data, { level: LEVEL }) : new Uint8Array(0) };
}

/** DOS date and time of `date` read in UTC (clamped to 1980-2043, as archiver did). */
function dosTime(date: Date): number {
  const year = date.getUTCFullYear();
  if (year < 1980) return 2162688;
  if (year >= 2044) return 2141175677;
  return (((year - 1980) << 25) | ((date.getUTCMonth() + 1) << 21) | (date.getUTCDate() << 16) | (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() / 2)) >>> 0;
}

const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** A zip of files packed earlier, in name order. */
export function writeZip(entries: readonly PackedEntry[], date: Date): Uint8Array {
  const sorted = [...entries].sort(byName);
  if (sorted.length >= 0xffff) throw new Error('zip: te veel bestanden voor één zip zonder zip64');
  const time = dosTime(date);
  let total = 22;
  for (const e of sorted) total += 30 + e.nameBytes.length + e.compressed.length + 16 + 46 + e.nameBytes.length;
  if (total > 0xffffffff) throw new Error('zip: groter dan 4 GiB (zip64 wordt niet geschreven)');
  const out = Buffer.alloc(total);
  let at = 0;
  const offsets: number[] = [];
  for (const e of sorted) {
    const flags = DATA_DESCRIPTOR | (e.nameBytes.length !== e.name.length ? UTF8_NAMES : 0);
    offsets.push(at);
    at = out.writeUInt32LE(0x04034b50, at);
    at = out.writeUInt16LE(VERSION_NEEDED, at);
    at = out.writeUInt16LE(flags, at);
    at = out.writeUInt16LE(e.method, at);
    at = out.writeUInt32LE(time, at);
    // crc and sizes follow in the data descriptor
    at = out.writeUInt32LE(0, at);
    at = out.writeUInt32LE(0, at);
    at = out.writeUInt32LE(0, at);
    at = out.writeUInt16LE(e.nameBytes.length, at);
    at = out.writeUInt16LE(0, at);
    at += e.nameBytes.copy(out, at);
    out.set(e.compressed, at);
    at += e.compressed.length;
    at = out.writeUInt32LE(0x08074b50, at);
    at = out.writeUInt32LE(e.crc, at);
    at = out.writeUInt32LE(e.compressed.length, at);
    at = out.writeUInt32LE(e.size, at);
  }
  const central = at;
  sorted.forEach((e, i) => {
    const flags = DATA_DESCRIPTOR | (e.nameBytes.length !== e.name.length ? UTF8_NAMES : 0);
    at = out.writeUInt32LE(0x02014b50, at);
    at = out.writeUInt16LE(VERSION_MADE_BY, at);
    at = out.writeUInt16LE(VERSION_NEEDED, at);
    at = out.writeUInt16LE(flags, at);
    at = out.writeUInt16LE(e.method, at);
    at = out.writeUInt32LE(time, at);
    at = out.writeUInt32LE(e.crc, at);
    at = out.writeUInt32LE(e.compressed.length, at);
    at = out.writeUInt32LE(e.size, at);
    at = out.writeUInt16LE(e.nameBytes.length, at);
    // extra field, comment, disk number, internal attributes
    at = out.writeUInt16LE(0, at);
    at = out.writeUInt16LE(0, at);
    at = out.writeUInt16LE(0, at);
    at = out.writeUInt16LE(0, at);
    at = out.writeUInt32LE(EXTERNAL_ATTRIBUTES, at);
    at = out.writeUInt32LE(offsets[i]!, at);
    at += e.nameBytes.copy(out, at);
  });
  const centralLength = at - central;
  at = out.writeUInt32LE(0x06054b50, at);
  at = out.writeUInt16LE(0, at);
  at = out.writeUInt16LE(0, at);
  at = out.writeUInt16LE(sorted.length, at);
  at = out.writeUInt16LE(sorted.length, at);
  at = out.writeUInt32LE(centralLength, at);
  at = out.writeUInt32LE(central, at);
  at = out.writeUInt16LE(0, at);
  return new Uint8Array(out.buffer, out.byteOffset, at);
}

/** Packs and writes in one go, for a zip whose files go nowhere else. */
export function makeZip(entries: readonly ZipEntry[], date: Date): Uint8Array {
  return writeZip(entries.map(packEntry), date);
}
