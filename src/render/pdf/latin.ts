/**
 * The browser's first PDF fetches a Latin subset of the fonts, made at build time: the letters
 * Dutch, French, German and most European names need (Latin-1, Latin Extended-A, the Romanian
 * comma letters), punctuation, currency signs (€) and a few arrows and math signs the texts use.
 * Both weights come to about a tenth of the full fonts.
 *
 * A document with any character outside these ranges is drawn with the full fonts instead
 * (`latinCovers`; the subset itself is made by latin-subset.ts), so the subset never turns a character into "?" that the full font can draw:
 * inside the ranges the subset maps exactly what the full font maps, and the PDF bytes are the same.
 */
// Imports nothing: the page scripts that pick the fonts load this file, not the renderer.

/** Inclusive code point ranges the Latin subset covers. */
export const LATIN_RANGES: readonly (readonly [number, number])[] = [
  [0x0020, 0x007e],
  [0x00a0, 0x017f], // Latin-1 Supplement, Latin Extended-A
  [0x0218, 0x021b], // Ș ș Ț ț
  [0x02c6, 0x02c7],
  [0x02d8, 0x02dd],
  [0x2000, 0x206f], // General Punctuation (dashes, quotes, …, •, zero-width and bidi controls)
  [0x20a0, 0x20bf], // currency signs
  [0x2100, 0x2122], // ℅ № ™
  [0x2190, 0x2199], // arrows
  [0x2212, 0x2212],
  [0x2248, 0x2248],
  [0x2260, 0x2265],
  [0xfb01, 0xfb02], // ﬁ ﬂ
  [0xfffd, 0xfffd],
];

function inLatin(cp: number): boolean {
  // Controls never need a glyph: the renderer turns line breaks into spaces and drops the rest.
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return true;
  for (const [from, to] of LATIN_RANGES) if (cp >= from && cp <= to) return true;
  return false;
}

/** True when every character of every text is inside the Latin subset, so its fonts draw the document exactly as the full ones. */
export function latinCovers(texts: Iterable<string>): boolean {
  for (const text of texts) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x7f) continue; // the common case, fast
      if (!inLatin(text.codePointAt(i)!)) return false;
    }
  }
  return true;
}
