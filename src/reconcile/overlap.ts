/**
 * Overlapping statements count once, whatever their format. A bank gives the same day as CODA and
 * as camt.053, with different references in each, so a movement is also recognised by what it is:
 * account, value date, direction, amount and its reference (the structured communication, else the
 * counterparty's account, else the start of the free text). Equal movements are counted as a
 * multiset per file: a file holding the same payment twice (two customers paying the same amount
 * with the same reference) keeps both, and a later file covering that day adds nothing again.
 */
import type { Payment } from './types.ts';
import { nameKey } from './values.ts';

/** What a movement is, independent of the file format and of the bank's references. */
export function movementKey(p: Payment): string {
  const ref = p.ogm
    ? `ogm:${p.ogm}`
    : p.ongeldigeOgm
      ? `ogm?:${p.ongeldigeOgm.replace(/\D/g, '')}`
      : p.tegenrekening
        ? `rek:${p.tegenrekening}`
        : // CODA cuts the text in fixed-width pieces and camt keeps it whole: compare letters and digits only.
          `tekst:${p.mededeling.toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 24)}|${nameKey(p.tegenpartij ?? '').replace(/ /g, '').slice(0, 16)}`;
  return `${p.rekening}|${p.valuta}|${p.valutadatum ?? p.datum}|${p.richting}${p.bedrag}|${ref}`;
}

export interface OverlapFilter {
  /** The payments of one more file: those not seen in an earlier file, and how many were. */
  add(payments: readonly Payment[]): { kept: Payment[]; dubbel: number };
}

/** A filter that already knows the payments read before (each with its file, `bestand`). */
export function overlapFilter(earlier: readonly Payment[] = []): OverlapFilter {
  const ids = new Set<string>();
  /** Per movement key: the most times one file held it. */
  const most = new Map<string, number>();
  const remember = (payments: readonly Payment[], keys: readonly string[]) => {
    const counts = new Map<string, number>();
    for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
    for (const p of payments) ids.add(p.id);
    for (const [k, n] of counts) if ((most.get(k) ?? 0) < n) most.set(k, n);
  };
  const files = new Map<string, Payment[]>();
  for (const p of earlier) {
    const list = files.get(p.bestand);
    if (list) list.push(p);
    else files.set(p.bestand, [p]);
  }
  for (const list of files.values()) remember(list, list.map(movementKey));

  return {
    add(payments) {
      const used = new Map<string, number>();
      const kept: Payment[] = [];
      let dubbel = 0;
      const seenHere = new Set<string>();
      const keys = payments.map(movementKey);
      payments.forEach((p, i) => {
        const k = keys[i]!;
        const left = (most.get(k) ?? 0) - (used.get(k) ?? 0);
        // The same bank reference, or a movement an earlier file holds as often as this one.
        if (ids.has(p.id) || seenHere.has(p.id) || left > 0) {
          if (left > 0) used.set(k, (used.get(k) ?? 0) + 1);
          dubbel++;
          return;
        }
        seenHere.add(p.id);
        kept.push(p);
      });
      remember(payments, keys);
      return { kept, dubbel };
    },
  };
}
