/**
 * One font as used by one document: which glyphs it draws (CIDs handed out in order of first
 * use), the text encoding for content streams, and at the end the PDF objects for a subset
 * Type0/CIDFontType2 font with a ToUnicode map, so text stays selectable and extractable.
 */
import type { FontFace } from './fonts.ts';
import { subsetTrueType } from './truetype.ts';
import { num, ref, type PdfWriter } from './writer.ts';

const HEX: string[] = [];

export interface EmbeddedFiles {
  readonly fontFileLength: number;
  /** Compressed (FlateDecode). */
  readonly fontFile: Uint8Array;
  readonly toUnicode: Uint8Array;
}

/** Compressed subset streams per face, by character set; never written to once made. */
const filesCache = new WeakMap<FontFace, Map<string, EmbeddedFiles>>();
const FILES_CACHE_LIMIT = 16;
const hex4 = (n: number) => (HEX[n] ??= n.toString(16).padStart(4, '0'));

/** A byte of a literal string: "(", ")" and "\\" escaped, CR escaped so that no reader turns it into LF (PDF 32000-1 §7.3.4.2). */
const literalByte = (b: number) => (b === 0x28 || b === 0x29 || b === 0x5c ? `\\${String.fromCharCode(b)}` : b === 0x0d ? '\\r' : String.fromCharCode(b));
const CID_BYTES: string[] = [];
/** A CID as two bytes of a literal string. */
const cidBytes = (cid: number) => (CID_BYTES[cid] ??= literalByte(cid >> 8) + literalByte(cid & 0xff));

export class DocFont {
  readonly face: FontFace;
  /** Original glyph id per CID; CID 0 is .notdef. */
  private readonly glyphs: number[] = [0];
  /** The text each CID stands for (first code point seen), for ToUnicode. */
  private readonly text: string[] = [''];
  /** CID per original glyph id; 0 until used. */
  private readonly cid: Int32Array;

  constructor(face: FontFace) {
    this.face = face;
    this.cid = new Int32Array(face.tables.numGlyphs);
  }

  /**
   * The CIDs of cleaned text (every character has a glyph) as a PDF literal string, "(...)", two
   * bytes per CID: characters 0-255 that the caller writes as Latin-1 bytes. Half the bytes of a
   * hex string, so the content stream deflates in about two thirds of the time.
   */
  encode(text: string): string {
    let out = '(';
    for (let i = 0; i < text.length; i++) {
      // A code point, surrogate pairs joined (a lone surrogate stays itself, as before).
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) i++;
      // Text is cleaned before layout; should a character without a glyph slip through, draw "?".
      const gid = this.face.glyph(cp) || this.face.glyph(0x3f);
      let cid = this.cid[gid]!;
      if (cid === 0) {
        cid = this.glyphs.length;
        this.glyphs.push(gid);
        this.text.push(String.fromCodePoint(cp));
        this.cid[gid] = cid;
      }
      out += cidBytes(cid);
    }
    return `${out})`;
  }

  get used(): boolean {
    return this.glyphs.length > 1;
  }

  /**
   * The subset font file (its uncompressed length and its bytes through `compress`) and the
   * compressed ToUnicode map; call after all text is encoded. Kept per face for the last few
   * character sets: letters from one template draw the same characters in the same order, so
   * the next one reuses the streams instead of subsetting and deflating them again (that was
   * about a third of a letter's time).
   */
  files(compress: (data: Uint8Array) => Uint8Array): EmbeddedFiles {
    // The characters in CID order fix the glyphs too (glyph per code point, or "?" for none).
    const key = this.text.join('');
    let cache = filesCache.get(this.face);
    if (!cache) filesCache.set(this.face, (cache = new Map()));
    let files = cache.get(key);
    if (!files) {
      const fontFile = subsetTrueType(this.face.tables, this.glyphs);
      files = { fontFileLength: fontFile.length, fontFile: compress(fontFile), toUnicode: compress(new TextEncoder().encode(toUnicodeCMap(this.text))) };
      if (cache.size >= FILES_CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    } else cache.delete(key); // most recently used last
    cache.set(key, files);
    return files;
  }

  /** Writes the font objects; returns the object number of the Type0 font. */
  embed(pdf: PdfWriter, files: EmbeddedFiles): number {
    const face = this.face;
    const name = `/${subsetTag(this.text)}+${face.postscriptName}`;
    const scale = 1000 / face.unitsPerEm;
    let widths = '';
    for (let i = 1; i < this.glyphs.length; i++) widths += `${i > 1 ? ' ' : ''}${num(face.tables.advance[this.glyphs[i]!]! * scale)}`;
    const fontFile = pdf.stream(`/Filter /FlateDecode /Length1 ${files.fontFileLength}`, files.fontFile);
    const [x0, y0, x1, y1] = face.bbox.map((v) => num(v * scale));
    const descriptor = pdf.object(
      `<< /Type /FontDescriptor /FontName ${name} /Flags 4 /FontBBox [${x0} ${y0} ${x1} ${y1}] /ItalicAngle ${num(face.italicAngle)} /Ascent ${num(face.ascent * scale)} /Descent ${num(face.descent * scale)} /CapHeight ${num(face.capHeight * scale)} /StemV 80 /FontFile2 ${ref(fontFile)} >>`,
    );
    const cidFont = pdf.object(
      `<< /Type /Font /Subtype /CIDFontType2 /BaseFont ${name} /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ${ref(descriptor)} /DW 1000 /W [${widths ? `1 [${widths}]` : ''}] /CIDToGIDMap /Identity >>`,
    );
    const toUnicode = pdf.stream('/Filter /FlateDecode', files.toUnicode);
    return pdf.object(`<< /Type /Font /Subtype /Type0 /BaseFont ${name} /Encoding /Identity-H /DescendantFonts [${ref(cidFont)}] /ToUnicode ${ref(toUnicode)} >>`);
  }
}

/**
 * Six capital letters that identify this subset (PDF 32000 §9.6.4), derived from its characters
 * in CID order, not from glyph ids: the browser's Latin font numbers its glyphs differently from
 * the full font, and the same letter must give the same bytes from both.
 */
export function subsetTag(text: readonly string[]): string {
  let h = 0x811c9dc5;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    h = Math.imul(h ^ (c & 0xff), 0x01000193);
    h = Math.imul(h ^ ((c >>> 8) & 0xff), 0x01000193);
    h = Math.imul(h ^ (c >>> 16), 0x01000193);
  }
  let tag = '';
  h >>>= 0;
  for (let i = 0; i < 6; i++) {
    tag += String.fromCharCode(65 + (h % 26));
    h = Math.floor(h / 26) + i * 7919;
  }
  return tag;
}

function utf16Hex(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += hex4(text.charCodeAt(i));
  return out;
}

/** A ToUnicode CMap mapping each CID back to its character(s). */
export function toUnicodeCMap(text: readonly string[]): string {
  const lines = [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <ffff>',
    'endcodespacerange',
  ];
  for (let start = 1; start < text.length; start += 100) {
    const end = Math.min(text.length, start + 100);
    lines.push(`${end - start} beginbfchar`);
    for (let cid = start; cid < end; cid++) lines.push(`<${hex4(cid)}> <${utf16Hex(text[cid]!)}>`);
    lines.push('endbfchar');
  }
  lines.push('endcmap', 'CMapName currentdict /CIDInit /ProcSet findresource /defineresource pop', 'end', 'end');
  return lines.join('\n');
}

/** A URI as a PDF byte string: ASCII only, anything else percent-encoded, written as hex. */
export function uriString(uri: string): string {
  const wellFormed = uri.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  const ascii = wellFormed.replace(/[^\x21-\x7e]/gu, (c) => encodeURIComponent(c));
  let hex = '';
  for (let i = 0; i < ascii.length; i++) hex += ascii.charCodeAt(i).toString(16).padStart(2, '0');
  return `<${hex}>`;
}
