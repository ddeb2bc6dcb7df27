/**
 * Does the payer's name on a statement belong to the customer on the invoice? Banks write names in
 * capitals, cut them at 35 characters, turn "Jan Peeters" into "PEETERS J." and add "MEVR" or
 * "BV"; invoices write the full registered name. Compared: words without accents, legal forms
 * and titles, in any order; a particle is glued to its name ("Van Damme" = "Vandamme") and may be
 * left out ("De Smet" = "Smet"); an initial matches a word with that first letter and a word cut
 * short matches the word it starts. Pure.
 */
import { normalizeName } from '../lib/normalize-name.ts';

export type NameMatch = 'gelijk' | 'volledig' | 'deels' | 'geen';

/** Words that say nothing about who it is: legal forms, titles, bank additions. */
const NOISE = new Set(
  [
    'nv bv bvba srl sprl sa cv cvba cvoa vof commv vzw asbl ltd gmbh sarl eenmanszaak bvbva',
    'mevr mevrouw dhr heer mr mrs ms mme mlle fam familie en et and firma ets etablissements handelszaak',
  ]
    .join(' ')
    .split(' '),
);
/** Particles of a family name: written apart, together or not at all. */
const PARTICLE = /^(?:van|von|vd|de|der|den|het|ter|ten|la|le|du|d)$/;
const bare = (w: string) => w.replace(/^(?:van|von|vd|de|der|den|het|ter|ten|la|le|du)+(?=[a-z]{3})/, '');

/** Significant words of a name, in order; single letters are kept as initials. */
export function nameWords(name: string | undefined): string[] {
  if (!name) return [];
  // "B.V." and "N.V." become "b v" / "n v": glue single letters of a legal form back first.
  const plain = normalizeName(name).replace(/\b([bn]) v\b/g, '$1v').replace(/\bcomm v\b/g, 'commv');
  const words: string[] = [];
  let particles = '';
  for (const w of plain.split(' ')) {
    if (!w || NOISE.has(w)) continue;
    if (PARTICLE.test(w)) particles += w;
    else {
      words.push(particles + w);
      particles = '';
    }
  }
  return words;
}

/** `a` matches `b` as a whole word, as a word cut short (4+ letters), or as its initial. */
function wordFits(a: string, b: string): 'woord' | 'initiaal' | null {
  if (a === b || bare(a) === bare(b)) return 'woord';
  if (a.length === 1) return b.startsWith(a) ? 'initiaal' : null;
  if (b.length === 1) return a.startsWith(b) ? 'initiaal' : null;
  if (Math.min(a.length, b.length) >= 4 && (a.startsWith(b) || b.startsWith(a))) return 'woord';
  return null;
}

/**
 * 'gelijk': the same words (in any order); 'volledig': every word of the shorter name is in the
 * longer one (initials and cut words allowed), with at least one whole word; 'deels': a word of 4+
 * letters in common, not all; 'geen' otherwise. `wordsOf` may be a cached nameWords.
 */
export function nameMatch(payer: string | undefined, customer: string | undefined, wordsOf: (name: string | undefined) => string[] = nameWords): NameMatch {
  const a = wordsOf(payer);
  const b = wordsOf(customer);
  if (!a.length || !b.length) return 'geen';
  const sorted = (w: string[]) => [...w].sort().join(' ');
  if (sorted(a) === sorted(b) || sorted(a.map(bare)) === sorted(b.map(bare)) || a.join('') === b.join('')) return 'gelijk';
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const used = new Set<number>();
  let words = 0;
  let fitted = 0;
  // Whole words first, so an initial does not take the word a full one needs.
  const order = [...short.keys()].sort((i, j) => (short[i]!.length === 1 ? 1 : 0) - (short[j]!.length === 1 ? 1 : 0));
  for (const i of order) {
    const w = short[i]!;
    const j = long.findIndex((x, k) => !used.has(k) && wordFits(w, x) !== null);
    if (j < 0) continue;
    used.add(j);
    fitted++;
    if (wordFits(w, long[j]!) === 'woord' && w.length > 1) words++;
  }
  if (fitted === short.length && words > 0) return 'volledig';
  const distinctive = short.some((w) => w.length >= 4 && long.includes(w));
  return distinctive ? 'deels' : 'geen';
}
