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
export function subsetTrueType(font: TrueTypeTables, glyphs: readonly number[]): Uint8Array {
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
