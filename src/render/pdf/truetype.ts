/**
 * The few raw TrueType tables a PDF subset needs (glyf, loca, hmtx and the small fixed ones),
 * read once per font, and a subsetter that writes a new font holding only the glyphs a document
 * uses. Pure byte work on Uint8Array/DataView: browser-safe.
 *
 * Why our own subsetter instead of fontkit's: fontkit re-encodes every table through its struct
 * library and hands the bytes back through a stream whose polyfilled nextTick waits for a
 * setTimeout — about 1 ms of work plus 1–2 ms of idle time per font per document. Copying glyph
 * bytes is a few microseconds. The output has the tables a PDF TrueType font needs (head, hhea,
 * loca, maxp, glyf, hmtx), and tests render it next to fontkit's own subset to prove the glyphs
 * are the same.
 *
 * Hinting is left out (glyph instructions, fpgm, prep, cvt): in DejaVu Sans the instructions are
 * more than half of every glyph's bytes, PDF viewers rasterise anti-aliased outlines (pdf.js and
 * poppler ignore TrueType hints) and print never uses them. Without them each font subset is
 * about a third of the size, which is also a third of the deflate work per document.
 */

export interface TrueTypeTables {
  numGlyphs: number;
  /** Raw table bytes by tag (views into the font file; never written to). */
  table: ReadonlyMap<string, Uint8Array>;
  /** Glyph start offsets into glyf, numGlyphs + 1 entries. */
  loca: Uint32Array;
  /** Advance width and left side bearing per glyph, in font units. */
  advance: Uint16Array;
  lsb: Int16Array;
}

const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);
/**
 * A copy we may write to. Not `.slice()`: on a Node Buffer (what readFileSync returns) slice is
 * a view, and writing the new component ids through it corrupted the shared font for the next
 * document (accented letters drawn from the wrong glyphs).
 */
const copy = (b: Uint8Array) => new Uint8Array(b);

function required(table: Map<string, Uint8Array>, tag: string): Uint8Array {
  const t = table.get(tag);
  if (!t) throw new Error(`lettertype: de tabel "${tag}" ontbreekt`);
  return t;
}

/** Reads the table directory and the glyph metrics of a TrueType (glyf-based) font. */
export function readTrueType(bytes: Uint8Array): TrueTypeTables {
  const dv = view(bytes);
  const version = dv.getUint32(0);
  if (version !== 0x00010000 && version !== 0x74727565) {
    throw new Error('lettertype: alleen TrueType-lettertypen (met glyf-tabel) worden ondersteund, geen OpenType/CFF, WOFF of collecties');
  }
  const numTables = dv.getUint16(4);
  const table = new Map<string, Uint8Array>();
  for (let i = 0; i < numTables; i++) {
    const at = 12 + 16 * i;
    const tag = String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);
    const offset = dv.getUint32(at + 8);
    const length = dv.getUint32(at + 12);
    if (offset + length > bytes.length) throw new Error(`lettertype: tabel "${tag}" valt buiten het bestand`);
    table.set(tag, bytes.subarray(offset, offset + length));
  }
  const head = view(required(table, 'head'));
  const maxp = view(required(table, 'maxp'));
  const hhea = view(required(table, 'hhea'));
  const numGlyphs = maxp.getUint16(4);
  const longLoca = head.getInt16(50) === 1;
  const locaBytes = view(required(table, 'loca'));
  const glyfLength = required(table, 'glyf').length;
  const loca = new Uint32Array(numGlyphs + 1);
  for (let g = 0; g <= numGlyphs; g++) {
    loca[g] = longLoca ? locaBytes.getUint32(g * 4) : locaBytes.getUint16(g * 2) * 2;
    if (loca[g]! > glyfLength || (g > 0 && loca[g]! < loca[g - 1]!)) throw new Error('lettertype: de loca-tabel is ongeldig');
  }
  const numberOfHMetrics = hhea.getUint16(34);
  const hmtx = view(required(table, 'hmtx'));
  if (numberOfHMetrics < 1 || hmtx.byteLength < numberOfHMetrics * 4 + (numGlyphs - numberOfHMetrics) * 2) throw new Error('lettertype: de hmtx-tabel is te kort');
  const advance = new Uint16Array(numGlyphs);
  const lsb = new Int16Array(numGlyphs);
  for (let g = 0; g < numGlyphs; g++) {
    if (g < numberOfHMetrics) {
      advance[g] = hmtx.getUint16(g * 4);
      lsb[g] = hmtx.getInt16(g * 4 + 2);
    } else {
      advance[g] = advance[numberOfHMetrics - 1]!;
      lsb[g] = hmtx.getInt16(numberOfHMetrics * 4 + (g - numberOfHMetrics) * 2);
    }
  }
  return { numGlyphs, table, loca, advance, lsb };
}

/** A simple glyph with its hinting instructions removed. */
function simpleWithoutHints(gid: number, data: Uint8Array, contours: number): Uint8Array {
  const at = 10 + 2 * contours;
  if (at + 2 > data.length) throw new Error(`subset: glyph ${gid} is afgekapt`);
  const length = (data[at]! << 8) | data[at + 1]!;
  if (length === 0) return data;
  if (at + 2 + length > data.length) throw new Error(`subset: glyph ${gid} is afgekapt`);
  const out = new Uint8Array(data.length - length);
  out.set(data.subarray(0, at + 2));
  out[at] = 0;
  out[at + 1] = 0;
  out.set(data.subarray(at + 2 + length), at + 2);
  return out;
}

/** A composite glyph pointing at its components' new ids, without hinting instructions. */
function compositeWithoutHints(gid: number, data: Uint8Array, numGlyphs: number, newId: (component: number) => number): Uint8Array {
  const out = copy(data);
  const dv = view(out);
  let at = 10;
  let flags: number;
  let last = at;
  do {
    if (at + 4 > out.length) throw new Error(`subset: samengestelde glyph ${gid} is afgekapt`);
    last = at;
    flags = dv.getUint16(at);
    const component = dv.getUint16(at + 2);
    if (component >= numGlyphs) throw new Error(`subset: glyph ${gid} verwijst naar onbestaande glyph ${component}`);
    dv.setUint16(at + 2, newId(component));
    at += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
    if (flags & WE_HAVE_A_SCALE) at += 2;
    else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) at += 4;
    else if (flags & WE_HAVE_A_TWO_BY_TWO) at += 8;
  } while (flags & MORE_COMPONENTS);
  if (at > out.length) throw new Error(`subset: samengestelde glyph ${gid} is afgekapt`);
  dv.setUint16(last, flags & ~WE_HAVE_INSTRUCTIONS);
  return out.subarray(0, at);
}

// Composite glyph flags (OpenType spec, "glyf" table).
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;
const WE_HAVE_INSTRUCTIONS = 0x0100;

/**
 * Writes a TrueType font holding `glyphs` (original glyph ids; glyphs[0] must be 0, .notdef) as
 * glyphs 0…n-1 in that order, followed by any components that composite glyphs refer to. A PDF
 * that maps CID i to glyph i (CIDToGIDMap /Identity) then draws glyph glyphs[i] for CID i.
 */
export function subsetTrueType(font: TrueTypeTables, glyphs: readonly number[], extra: (order: readonly number[]) => [string, Uint8Array][] = () => []): Uint8Array {
  if (glyphs[0] !== 0) throw new Error('subset: glyph 0 (.notdef) moet eerst komen');
  const glyf = required(font.table as Map<string, Uint8Array>, 'glyf');
  const order = [...glyphs];
  const index = new Map<number, number>();
  order.forEach((g, i) => index.set(g, i));
  const parts: Uint8Array[] = [];
  for (let i = 0; i < order.length; i++) {
    const gid = order[i]!;
    if (!(gid >= 0 && gid < font.numGlyphs)) throw new Error(`subset: glyph ${gid} bestaat niet`);
    const data = glyf.subarray(font.loca[gid]!, font.loca[gid + 1]!);
    if (data.length < 10) {
      parts.push(data); // an empty glyph (space)
      continue;
    }
    const contours = ((data[0]! << 24) >> 16) | data[1]!;
    parts.push(contours >= 0 ? simpleWithoutHints(gid, data, contours) : compositeWithoutHints(gid, data, font.numGlyphs, (component) => {
      let next = index.get(component);
      if (next === undefined) {
        next = order.length;
        order.push(component);
        index.set(component, next);
      }
      return next;
    }));
  }
  const n = order.length;
  if (n > 0xffff) throw new Error('subset: te veel glyphs');

  // glyf + loca (long offsets, glyphs 4-byte aligned)
  let glyfSize = 0;
  for (const p of parts) glyfSize += (p.length + 3) & ~3;
  const newGlyf = new Uint8Array(glyfSize);
  const newLoca = new Uint8Array((n + 1) * 4);
  const locaView = view(newLoca);
  let offset = 0;
  parts.forEach((p, i) => {
    locaView.setUint32(i * 4, offset);
    newGlyf.set(p, offset);
    offset += (p.length + 3) & ~3;
  });
  locaView.setUint32(n * 4, offset);

  // hmtx: a full metric for every glyph
  const newHmtx = new Uint8Array(n * 4);
  const hmtxView = view(newHmtx);
  order.forEach((g, i) => {
    hmtxView.setUint16(i * 4, font.advance[g]!);
    hmtxView.setInt16(i * 4 + 2, font.lsb[g]!);
  });

  const head = copy(required(font.table as Map<string, Uint8Array>, 'head').subarray(0, 54));
  view(head).setUint32(8, 0); // checkSumAdjustment, set below
  view(head).setInt16(50, 1); // indexToLocFormat: long
  const hhea = copy(required(font.table as Map<string, Uint8Array>, 'hhea').subarray(0, 36));
  view(hhea).setUint16(34, n);
  const maxp = copy(required(font.table as Map<string, Uint8Array>, 'maxp'));
  view(maxp).setUint16(4, n);

  const tables: [string, Uint8Array][] = [
    ['glyf', newGlyf],
    ['head', head],
    ['hhea', hhea],
    ['hmtx', newHmtx],
    ['loca', newLoca],
    ['maxp', maxp],
    ...extra(order),
  ];
  tables.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return writeFont(tables);
}

function checksum(data: Uint8Array): number {
  let sum = 0;
  const whole = data.length & ~3;
  const dv = view(data);
  for (let i = 0; i < whole; i += 4) sum = (sum + dv.getUint32(i)) >>> 0;
  if (whole < data.length) {
    let last = 0;
    for (let i = whole; i < whole + 4; i++) last = (last << 8) | (i < data.length ? data[i]! : 0);
    sum = (sum + (last >>> 0)) >>> 0;
  }
  return sum;
}

function writeFont(tables: [string, Uint8Array][]): Uint8Array {
  const numTables = tables.length;
  let size = 12 + 16 * numTables;
  for (const [, t] of tables) size += (t.length + 3) & ~3;
  const out = new Uint8Array(size);
  const dv = view(out);
  const entrySelector = Math.floor(Math.log2(numTables));
  const searchRange = 2 ** entrySelector * 16;
  dv.setUint32(0, 0x00010000);
  dv.setUint16(4, numTables);
  dv.setUint16(6, searchRange);
  dv.setUint16(8, entrySelector);
  dv.setUint16(10, numTables * 16 - searchRange);
  let offset = 12 + 16 * numTables;
  let headOffset = -1;
  tables.forEach(([tag, t], i) => {
    const at = 12 + 16 * i;
    for (let c = 0; c < 4; c++) out[at + c] = tag.charCodeAt(c);
    dv.setUint32(at + 4, checksum(t));
    dv.setUint32(at + 8, offset);
    dv.setUint32(at + 12, t.length);
    out.set(t, offset);
    if (tag === 'head') headOffset = offset;
    offset += (t.length + 3) & ~3;
  });
  if (headOffset >= 0) dv.setUint32(headOffset + 8, (0xb1b0afba - checksum(out)) >>> 0);
  return out;
}

/** What a font says about itself, read from its head, hhea, post, OS/2 and name tables. */
export interface FontInfo {
  postscriptName: string;
  unitsPerEm: number;
  ascent: number;
  descent: number;
  bbox: [number, number, number, number];
  italicAngle: number;
  /** OS/2 sCapHeight; null when the table is too old to have it. */
  capHeight: number | null;
}

export function readFontInfo(font: TrueTypeTables): FontInfo {
  const t = font.table as Map<string, Uint8Array>;
  const head = view(required(t, 'head'));
  const hhea = view(required(t, 'hhea'));
  const post = t.get('post');
  const os2 = t.get('OS/2');
  const capHeight = os2 && os2.length >= 90 && view(os2).getUint16(0) >= 2 ? view(os2).getInt16(88) : null;
  return {
    postscriptName: postscriptName(t.get('name')),
    unitsPerEm: head.getUint16(18),
    ascent: hhea.getInt16(4),
    descent: hhea.getInt16(6),
    bbox: [head.getInt16(36), head.getInt16(38), head.getInt16(40), head.getInt16(42)],
    italicAngle: post && post.length >= 8 ? view(post).getInt32(4) / 65536 : 0,
    capHeight,
  };
}

/** Name ID 6, from a Windows (UTF-16BE) or Macintosh (Roman, ASCII here) record. */
function postscriptName(name: Uint8Array | undefined): string {
  if (!name || name.length < 6) return '';
  const dv = view(name);
  const count = dv.getUint16(2);
  const strings = dv.getUint16(4);
  let mac = '';
  for (let i = 0; i < count && 6 + 12 * i + 12 <= name.length; i++) {
    const at = 6 + 12 * i;
    const [platform, , , nameId, length, offset] = [0, 2, 4, 6, 8, 10].map((o) => dv.getUint16(at + o)) as [number, number, number, number, number, number];
    if (nameId !== 6 || strings + offset + length > name.length) continue;
    const bytes = name.subarray(strings + offset, strings + offset + length);
    if (platform === 3 || platform === 0) {
      let s = '';
      for (let j = 0; j + 1 < bytes.length; j += 2) s += String.fromCharCode((bytes[j]! << 8) | bytes[j + 1]!);
      return s;
    }
    if (platform === 1 && !mac) mac = String.fromCharCode(...bytes);
  }
  return mac;
}

/**
 * The code point → glyph id lookup of the font's Unicode cmap: format 12 (full Unicode) when the
 * font has one, else format 4 (BMP). Returns 0 for a code point the font does not map.
 */
export function readCmap(font: TrueTypeTables): (codePoint: number) => number {
  const cmap = required(font.table as Map<string, Uint8Array>, 'cmap');
  const dv = view(cmap);
  const n = dv.getUint16(2);
  const subtables: { platform: number; encoding: number; offset: number; format: number }[] = [];
  for (let i = 0; i < n; i++) {
    const offset = dv.getUint32(4 + 8 * i + 4);
    if (offset + 2 > cmap.length) continue;
    subtables.push({ platform: dv.getUint16(4 + 8 * i), encoding: dv.getUint16(4 + 8 * i + 2), offset, format: dv.getUint16(offset) });
  }
  const unicode = (s: (typeof subtables)[number]) => s.platform === 0 || (s.platform === 3 && (s.encoding === 1 || s.encoding === 10));
  const full = subtables.find((s) => unicode(s) && s.format === 12);
  if (full) return format12(dv, full.offset);
  const bmp = subtables.find((s) => unicode(s) && s.format === 4);
  if (bmp) return format4(dv, bmp.offset);
  throw new Error('lettertype: geen Unicode-cmap (formaat 4 of 12) gevonden');
}

function format4(dv: DataView, at: number): (cp: number) => number {
  const segments = dv.getUint16(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const ranges = deltas + 2 * segments;
  return (cp) => {
    if (cp > 0xffff) return 0;
    let lo = 0;
    let hi = segments - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (dv.getUint16(ends + 2 * mid) < cp) lo = mid + 1;
      else hi = mid;
    }
    const start = dv.getUint16(starts + 2 * lo);
    if (cp < start || cp > dv.getUint16(ends + 2 * lo)) return 0;
    const delta = dv.getUint16(deltas + 2 * lo);
    const rangeOffset = dv.getUint16(ranges + 2 * lo);
    if (rangeOffset === 0) return (cp + delta) & 0xffff;
    const where = ranges + 2 * lo + rangeOffset + 2 * (cp - start);
    if (where + 2 > dv.byteLength) return 0;
    const gid = dv.getUint16(where);
    return gid === 0 ? 0 : (gid + delta) & 0xffff;
  };
}

function format12(dv: DataView, at: number): (cp: number) => number {
  const groups = dv.getUint32(at + 12);
  const first = at + 16;
  return (cp) => {
    let lo = 0;
    let hi = groups - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const g = first + 12 * mid;
      if (cp < dv.getUint32(g)) hi = mid - 1;
      else if (cp > dv.getUint32(g + 4)) lo = mid + 1;
      else return dv.getUint32(g + 8) + (cp - dv.getUint32(g));
    }
    return 0;
  };
}

/** A format 4 cmap table (platform 3, encoding 1) for BMP code points → glyph ids, one segment per run. */
export function writeCmap(map: ReadonlyMap<number, number>): Uint8Array {
  const cps = [...map.keys()].filter((cp) => cp <= 0xfffe).sort((a, b) => a - b);
  // Runs of consecutive code points with consecutive glyph ids share one segment (idDelta).
  const segs: [number, number, number][] = [];
  for (const cp of cps) {
    const gid = map.get(cp)!;
    const last = segs[segs.length - 1];
    if (last && last[1] === cp - 1 && (last[2] + cp) % 65536 === gid) last[1] = cp;
    else segs.push([cp, cp, (gid - cp + 65536) % 65536]);
  }
  segs.push([0xffff, 0xffff, 1]);
  const n = segs.length;
  const length = 16 + 8 * n;
  const out = new Uint8Array(12 + length);
  const dv = view(out);
  dv.setUint16(2, 1); // one subtable
  dv.setUint16(4, 3);
  dv.setUint16(6, 1);
  dv.setUint32(8, 12);
  const at = 12;
  dv.setUint16(at, 4);
  dv.setUint16(at + 2, length);
  dv.setUint16(at + 6, 2 * n);
  const entrySelector = Math.floor(Math.log2(n));
  dv.setUint16(at + 8, 2 * 2 ** entrySelector);
  dv.setUint16(at + 10, entrySelector);
  dv.setUint16(at + 12, 2 * n - 2 * 2 ** entrySelector);
  segs.forEach(([start, end, delta], i) => {
    dv.setUint16(at + 14 + 2 * i, end);
    dv.setUint16(at + 16 + 2 * n + 2 * i, start);
    dv.setUint16(at + 16 + 4 * n + 2 * i, delta);
  });
  return out;
}
