/** Plain-text layout helpers: width by code points, greedy word wrap that never breaks a word. */
export const WIDTH = 72;

/**
 * Columns a string takes: code points ("€" and "ë" count as one; a surrogate pair is one, a lone
 * surrogate one too), minus zero-width bidi controls. One pass over the UTF-16 code units: no
 * copies (a bulk run measures every word of thousands of letters).
 */
export function width(s: string): number {
  let n = 0;
  // After a high surrogate: a low one (even with bidi controls between, which are dropped) joins it.
  let high = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x200e || c === 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) continue;
    if (high && c >= 0xdc00 && c <= 0xdfff) {
      high = false;
      continue;
    }
    high = c >= 0xd800 && c <= 0xdbff;
    n++;
  }
  return n;
}

export const padEnd = (s: string, n: number): string => s + ' '.repeat(Math.max(0, n - width(s)));
export const padStart = (s: string, n: number): string => ' '.repeat(Math.max(0, n - width(s))) + s;

/** Collapses every whitespace run (including newlines inside values) to one space. */
export const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Words, with "€" kept with the amount after it and "%" with the number before it: "€ 1.240,50", "10,5 %". */
function unbreakable(text: string): string[] {
  const words: string[] = [];
  let afterEuro = false;
  for (const word of squash(text).split(' ').filter(Boolean)) {
    if (afterEuro || (word === '%' && words.length)) words[words.length - 1] += ` ${word}`;
    else words.push(word);
    afterEuro = !afterEuro && /^-?€$/.test(word);
  }
  return words;
}

/**
 * Greedy wrap at `max` columns. `first` prefixes the first line, `rest` the others (hanging indent).
 * A word longer than the line (a URL) gets a line of its own and is left whole; an amount is never
 * split from its "€" or "%".
 */
export function wrap(text: string, first = '', rest = first, max = WIDTH): string[] {
  const words = unbreakable(text);
  const lines: string[] = [];
  let line = '';
  let prefix = first;
  // Widths kept as the line grows, instead of measuring the whole line again for every word.
  let prefixWidth = width(first);
  let lineWidth = 0;
  for (const word of words) {
    const wordWidth = width(word);
    if (line && prefixWidth + lineWidth + 1 + wordWidth > max) {
      lines.push(prefix + line);
      prefix = rest;
      prefixWidth = width(rest);
      line = word;
      lineWidth = wordWidth;
    } else {
      lineWidth = line ? lineWidth + 1 + wordWidth : wordWidth;
      line = line ? `${line} ${word}` : word;
    }
  }
  lines.push(prefix + line);
  return lines.map((l) => l.trimEnd());
}

/** Wraps a value with bidi controls in FSI…PDI so an override cannot run past it (UAX #9 X6a). */
export const isolateBidi = (value: string): string => (/[\u202A-\u202E\u2066-\u2069]/.test(value) ? `\u2068${value}\u2069` : value);
