/**
 * The spelling rule: every word of a template or guide must be in the Dutch dictionary or in the
 * project word list. Unknown words are reported once per file, with every line they are on.
 */
import type { LintIssue } from './issues.ts';
import type { Speller } from './spell.ts';
import { wordsIn, type TextLine } from './text.ts';

const APOSTROPHES = /['’]/g;
/** Suggestions are computed for this many unknown words per file; the rest only gets the hint. */
const SUGGEST_LIMIT = 10;
const HAS_DIGIT = /\p{N}/u;

/**
 * Whether one token is spelled correctly. Handles, in this order: the token as written (the
 * dictionary knows "e-mail", "kmo's", "zo'n", "o.a."), an abbreviation with its final dot ("bv.",
 * "art."), a possessive or plural 's on a name or acronym ("IBAN's"), and then each part of a
 * hyphenated or slashed word ("btw-nummer", "maand/jaar"). Parts with digits (B2B, 14-daags,
 * 1394/20) are not words and are skipped.
 */
export function tokenOk(token: string, next: string, speller: Speller): boolean {
  let word = token.replace(/-$/, ''); // "hand- en spandiensten"
  // Quotes around a word: 'Beste' → Beste, but keep "'s" and "'t" as in "'s avonds".
  if (!/^['’][stn]$/i.test(word)) word = word.replace(/^['’]+/, '').replace(/['’]+$/, '');
  if ([...word].length < 2 || /^['’][stn]$/i.test(word)) return true; // single letters, 's, 't, 'n
  if (HAS_DIGIT.test(word) && !/[-/]/.test(word)) return true; // 2026, 1e, B2B
  if (speller.correct(word)) return true;
  if (next === '.' && speller.correct(`${word}.`)) return true;
  const base = word.replace(/['’]s$/, '');
  if (base !== word && speller.correct(base)) return true;
  const parts = word.split(/[-/]/);
  if (parts.length > 1) {
    return parts.every((part) => {
      const p = part.replace(APOSTROPHES, "'");
      return !p || HAS_DIGIT.test(p) || [...p].length < 2 || speller.correct(p) || speller.correct(p.replace(/'s$/, ''));
    });
  }
  return false;
}

/** Unknown words of one file, one issue per word with all its lines. */
export function checkSpelling(file: string, lines: readonly TextLine[], speller: Speller): { issues: LintIssue[]; words: number } {
  const unknown = new Map<string, { lines: number[]; field: string }>();
  const words = wordsIn(lines);
  for (const { word, line, field, next } of words) {
    if (tokenOk(word, next, speller)) continue;
    const clean = word.replace(/-$/, '').replace(/^['’]+|['’]+$/g, '');
    const seen = unknown.get(clean);
    if (seen) {
      if (!seen.lines.includes(line)) seen.lines.push(line);
    } else unknown.set(clean, { lines: [line], field });
  }
  // nspell needs about 0.3 s per suggestion list for Dutch: limit it to the first words of a file.
  const issues = [...unknown].map(([word, { lines: at, field }], n) => {
    const suggestions = n < SUGGEST_LIMIT && [...word].length <= 24 ? speller.suggest(word) : [];
    const where = field === 'tekst' ? `regel ${at[0]}` : `${field} (regel ${at[0]})`;
    const also = at.length > 1 ? ` (ook op regel ${at.slice(1).join(', ')})` : '';
    const fix = 'Is het woord juist (een naam of vakterm), zet het dan in content/woordenlijst.txt.';
    return {
      rule: 'spelling',
      file,
      path: where,
      message: `onbekend woord "${word}"${also}`,
      hint: suggestions.length ? `bedoelt u ${suggestions.map((s) => `"${s}"`).join(', ')}? ${fix}` : `geen suggesties. ${fix}`,
    } satisfies LintIssue;
  });
  return { issues, words: words.length };
}
