/**
 * The .docx zip, from parts that are already deflated. Parts that are the same for many letters
 * (styles, theme, numbering …) are deflated once and only their bytes are copied in.
 *
 * The layout is the one fflate's zipSync writes (which docx uses), field for field, so a letter
 * made here has the same bytes as one docx packs itself (tests/unit/render-docx-fast.test.ts).
 */
import { deflateSync } from 'fflate';

/** A file of the zip, deflated, with what its headers need. */
export interface ZipPart {
  path: Uint8Array;
  data: Uint8Array;
  crc: number;
  size: number;
}

const encoder = new TextEncoder();

let table: Int32Array | undefined;
function crcTable(): Int32Array {
  if (table) return table;
  table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
}

export function crc32(bytes: Uint8Array): number {
  const t = crcTable();
  let c = -1;
  for (let i = 0; i < bytes.length; i++) c = t[(c ^ bytes[i]!) & 255]! ^ (c >>> 8);
  return ~c >>> 0;
}

/** Deflates a part as zipSync does (level 6). */
export function zipPart(path: string, content: string | Uint8Array): ZipPart {
  const bytes = typeof content === 'string' ? encoder.encode(content) : content;
  return { path: encoder.encode(path), data: deflateSync(bytes), crc: crc32(bytes), size: bytes.length };
}

/**
 * MS-DOS date and time of a zip entry. With a fixed instant the UTC fields are written, so the
 * bytes do not depend on the machine's time zone; "now" is written in local time, as zip tools do.
 */
export function dosTime(time: number, utc: boolean): number {
  const d = new Date(time);
  const year = (utc ? d.getUTCFullYear() : d.getFullYear()) - 1980;
  if (year < 0 || year > 119) throw new RangeError('Een .docx kan alleen datums van 1980 tot en met 2099 dragen.');
  const [month, day, hours, minutes, seconds] = utc
    ? [d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()]
    : [d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds()];
  return ((year << 25) | ((month + 1) << 21) | (day << 16) | (hours << 11) | (minutes << 5) | (seconds >> 1)) >>> 0;
}

/** Local file header (30 bytes + name) or central directory header (46 bytes + name). */
function header(view: DataView, at: number, part: ZipPart, time: number, offset?: number): number {
  const central = offset !== undefined;
  view.setUint32(at, central ? 0x02014b50 : 0x04034b50, true);
  let b = at + 4;
  if (central) b += 2; // version made by: 2.0, MS-DOS (zeros but the first byte)
  if (central) view.setUint8(at + 4, 20);
  view.setUint8(b, 20); // version needed to extract: 2.0
  view.setUint16(b + 4, 8, true); // deflate
  view.setUint32(b + 6, time, true);
  view.setUint32(b + 10, part.crc, true);
  view.setUint32(b + 14, part.data.length, true);
  view.setUint32(b + 18, part.size, true);
  view.setUint16(b + 22, part.path.length, true);
  b += 26;
  if (central) {
    view.setUint32(b + 10, offset, true); // after comment length, disk, internal and external attributes (all 0)
    b += 14;
  }
  return b;
}

/** The zip of the parts, in their order, every entry dated `time` (see dosTime). */
export function zipParts(parts: readonly ZipPart[], time: number): Uint8Array {
  let local = 0;
  let central = 0;
  for (const p of parts) {
    local += 30 + p.path.length + p.data.length;
    central += 46 + p.path.length;
  }
  const out = new Uint8Array(local + central + 22);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let at = 0;
  for (const p of parts) {
    offsets.push(at);
    at = header(view, at, p, time);
    out.set(p.path, at);
    out.set(p.data, at + p.path.length);
    at += p.path.length + p.data.length;
  }
  parts.forEach((p, i) => {
    at = header(view, at, p, time, offsets[i]);
    out.set(p.path, at);
    at += p.path.length;
  });
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, parts.length, true);
  view.setUint16(at + 10, parts.length, true);
  view.setUint32(at + 12, central, true);
  view.setUint32(at + 16, local, true);
  return out;
}
