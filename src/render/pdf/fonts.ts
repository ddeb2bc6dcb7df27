/**
 * Font faces shared by every document: parsed once per font file, then reused.
 *
 * The known cost of pdf-lib + fontkit was parsing the font for every document.
 * Here the font is read once per byte array and memoised (by identity, and by content for callers
 * that read the same file again), together with everything else that belongs to the font rather
 * than to a document: the raw tables for subsetting, the code point → glyph map, the glyph
 * advances and a cache of measured words. The tables are read by truetype.ts, not fontkit: the
 * browser then loads about 100 KiB (gzip) less for its first PDF.
 *
 * Characters the font cannot draw never reach the PDF: `clean()` replaces a character (a whole
 * grapheme cluster, so an emoji with its modifiers and joiners) the font has no glyph for with
 * "?", drops invisible controls it has no glyph for (zero-width and bidi controls DejaVu does
 * have are kept, zero-width, so the text stays literal) and turns line breaks and tabs into spaces.
 */
import { readCmap, readFontInfo, readTrueType, type TrueTypeTables } from './truetype.ts';

export interface FontFace {
  readonly bytes: Uint8Array;
  readonly postscriptName: string;
  readonly unitsPerEm: number;
  /** hhea ascender and descender, font units (descent is negative). */
  readonly ascent: number;
  readonly descent: number;
  readonly bbox: readonly [number, number, number, number];
  readonly italicAngle: number;
  readonly capHeight: number;
  readonly tables: TrueTypeTables;
  /** Glyph id for a code point; 0 when the font has none. */
  glyph(codePoint: number): number;
  /** Text the font can draw completely (see the module comment). */
  clean(text: string): string;
  /** The characters (grapheme clusters) of `text` that clean() would print as "?". */
  unsupported(text: string): string[];
  /** Advance width of cleaned text in font units, cached per string. */
  width(text: string): number;
}

/** Words measured per font; cleared when it grows past this many entries (unbounded input). */
const WIDTH_CACHE_LIMIT = 50_000;
/** Longer strings (a pasted 10 kB value) are measured but not kept. */
const CACHED_WORD_LENGTH = 64;
const MAX_FACES_BY_CONTENT = 8;

const graphemes = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('nl', { granularity: 'grapheme' }) : null;
const IGNORABLE = /[\p{Default_Ignorable_Code_Point}\p{Cc}]/u;
const BREAKING_SPACE = /[\t\n\v\f\r\u0085\u2028\u2029]/;

class Face implements FontFace {
  readonly bytes: Uint8Array;
  readonly postscriptName: string;
  readonly unitsPerEm: number;
  readonly ascent: number;
  readonly descent: number;
  readonly bbox: readonly [number, number, number, number];
  readonly italicAngle: number;
  readonly capHeight: number;
  readonly tables: TrueTypeTables;
  private readonly cmap: (codePoint: number) => number;
  private readonly bmp = new Int32Array(0x10000).fill(-1);
  private readonly astral = new Map<number, number>();
  private readonly widths = new Map<string, number>();

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
    this.tables = readTrueType(bytes);
    this.cmap = readCmap(this.tables);
    const info = readFontInfo(this.tables);
    this.postscriptName = (info.postscriptName || 'Font').replace(/[^\x21-\x7e]|[()<>[\]{}/%#]/g, '');
    this.unitsPerEm = info.unitsPerEm;
    this.ascent = info.ascent;
    this.descent = info.descent;
    this.bbox = info.bbox;
    this.italicAngle = info.italicAngle;
    this.capHeight = info.capHeight || info.ascent;
  }

  glyph(cp: number): number {
    if (cp < 0x10000) {
      const known = this.bmp[cp]!;
      if (known >= 0) return known;
    } else {
      const known = this.astral.get(cp);
      if (known !== undefined) return known;
    }
    // Surrogate code units on their own are not characters: no glyph, whatever the cmap says.
    const id = cp >= 0xd800 && cp <= 0xdfff ? 0 : this.cmap(cp);
    const gid = id > 0 && id < this.tables.numGlyphs ? id : 0;
    if (cp < 0x10000) this.bmp[cp] = gid;
    else this.astral.set(cp, gid);
    return gid;
  }

  clean(text: string): string {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x20 || (c >= 0x7f && c < 0xa0) || c === 0xad || (c >= 0xd800 && c <= 0xdfff) || this.glyph(c) === 0) return this.cleanSlow(text);
    }
    return text;
  }

  unsupported(text: string): string[] {
    if (this.clean(text) === text) return [];
    const clusters = graphemes ? Array.from(graphemes.segment(text), (g) => g.segment) : Array.from(text);
    return clusters.filter((cluster) => this.cleanSlow(cluster) === '?' && cluster !== '?');
  }

  private cleanSlow(text: string): string {
    const clusters = graphemes ? Array.from(graphemes.segment(text), (s) => s.segment) : Array.from(text);
    let out = '';
    for (const cluster of clusters) {
      let kept = '';
      let unsupported = false;
      for (const ch of cluster) {
        const cp = ch.codePointAt(0)!;
        if (BREAKING_SPACE.test(ch)) kept += ' ';
        else if (cp === 0xad || (IGNORABLE.test(ch) && (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || this.glyph(cp) === 0))) continue;
        else if (this.glyph(cp) === 0) unsupported = true;
        else kept += ch;
      }
      out += unsupported ? '?' : kept;
    }
    return out;
  }

  width(text: string): number {
    let w = this.widths.get(text);
    if (w === undefined) {
      w = 0;
      const adv = this.tables.advance;
      for (let i = 0; i < text.length; i++) {
        // A code point, surrogate pairs joined (a lone surrogate stays itself, as before).
        const cp = text.codePointAt(i)!;
        if (cp > 0xffff) i++;
        w += adv[this.glyph(cp)]!;
      }
      if (text.length <= CACHED_WORD_LENGTH) {
        if (this.widths.size >= WIDTH_CACHE_LIMIT) this.widths.clear();
        this.widths.set(text, w);
      }
    }
    return w;
  }
}

const byIdentity = new WeakMap<Uint8Array, Face>();
const byContent: Face[] = [];

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The shared face for a font file. Keyed by the array's identity (the usual case: the caller
 * loads the fonts once) and, failing that, by content, so a caller that reads the file again
 * for every document still parses it only once.
 */
export function fontFace(bytes: Uint8Array): FontFace {
  let face = byIdentity.get(bytes);
  if (face) return face;
  face = byContent.find((f) => sameBytes(f.bytes, bytes));
  if (!face) {
    face = new Face(bytes);
    byContent.push(face);
    if (byContent.length > MAX_FACES_BY_CONTENT) byContent.shift();
  }
  byIdentity.set(bytes, face);
  return face;
}
