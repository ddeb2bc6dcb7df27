/** Plain-text layout helpers: width by code points, greedy word wrap that never breaks a word. */
export const WIDTH = 72;

/** Columns a string takes: code points ("€" and "ë" count as one), minus zero-width bidi controls. */
export const width = (s: string): number => [...s.replace(/[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '')].length;

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
  for (const word of words) {
    if (line && width(prefix) + width(line) + 1 + width(word) > max) {
      lines.push(prefix + line);
      prefix = rest;
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  lines.push(prefix + line);
  return lines.map((l) => l.trimEnd());
}

/** Wraps a value with bidi controls in FSI…PDI so an override cannot run past it (UAX #9 X6a). */
export const isolateBidi = (value: string): string => (/[\u202A-\u202E\u2066-\u2069]/.test(value) ? `\u2068${value}\u2069` : value);
