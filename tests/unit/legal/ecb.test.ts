/**
 * The commercial rates of Belgium (art. 5 wet van 2 augustus 2002) and the Netherlands (art. 6:120
 * lid 2 BW) are defined by law from the ECB main refinancing rate. Each published row must equal the
 * formula applied to the ECB rate of the day before its period, and cite the law and the ECB table.
 */
import { describe, expect, it } from 'vitest';
import { BE_COMMERCIAL_RATES, ECB_MRO_KNOWN_THROUGH, ECB_MRO_ROWS, NL_COMMERCIAL_RATES, SOURCES, addDays, ecbRateOn, referenceRate, statutoryCommercialRate } from '../../../src/legal/index.ts';
import type { RatePeriod } from '../../../src/legal/index.ts';
import { parseRate, section, sourceKeys, table } from './facts.ts';

const keyOf = new Map<unknown, string>(Object.entries(SOURCES).map(([k, v]) => [v, k]));
const keys = (p: { sources: readonly unknown[] }) => p.sources.map((s) => keyOf.get(s));

describe('ECB main refinancing rate = docs/legal-facts.md §1.6', () => {
  const rows = table(section('### 1.6'));

  it('has the same changes, rates and sources as the document', () => {
    expect(rows.length).toBeGreaterThanOrEqual(16);
    expect(ECB_MRO_ROWS.map(([from, rate, sources]) => [from, rate, sources.map((s) => keyOf.get(s))])).toEqual(
      rows.map(([from = '', rate = '', sources = '']) => [from, parseRate(rate), sourceKeys(sources)]),
    );
  });

  it('is in date order from 2015, ends at the last day it covers, and cites only official pages', () => {
    const dates = ECB_MRO_ROWS.map(([from]) => from);
    expect(dates[0]?.startsWith('2015')).toBe(true);
    expect([...dates].sort()).toEqual(dates);
    expect(new Set(dates).size).toBe(dates.length);
    expect(dates.at(-1)).toBe(ECB_MRO_KNOWN_THROUGH);
    for (const [, , sources] of ECB_MRO_ROWS) {
      expect(sources.length).toBeGreaterThan(0);
      for (const s of sources) expect([s.official, s.url?.startsWith('https://')]).toEqual([true, true]);
    }
    expect(SOURCES.ecbKeyRates.url).toMatch(/^https:\/\/www\.ecb\.europa\.eu\/stats\/policy_and_exchange_rates\/key_ecb_interest_rates\//);
  });

  it('gives the rate in force on a day, and nothing outside the record', () => {
    expect(ecbRateOn('2015-12-08')).toBeUndefined();
    expect(ecbRateOn('2015-12-09')?.ratePercent).toBe(0.05);
    expect(ecbRateOn('2022-07-26')?.ratePercent).toBe(0);
    expect(ecbRateOn('2022-07-27')?.ratePercent).toBe(0.5);
    expect(ecbRateOn(ECB_MRO_KNOWN_THROUGH)?.ratePercent).toBe(2.4);
    // After the last day the record covers the ECB may have changed its rate: never guessed.
    expect(ecbRateOn(addDays(ECB_MRO_KNOWN_THROUGH, 1))).toBeUndefined();
    expect(referenceRate('2023-07-01')).toMatchObject({ ratePercent: 4, since: '2023-06-21' });
  });

  it('applies the formulas: plus 8 points, rounded up to a half point in Belgium only', () => {
    // ECB 4.25 on 30 June 2024: 12.25 in the Netherlands, 12.5 in Belgium.
    expect(statutoryCommercialRate('nl', '2024-07-01')).toBe(12.25);
    expect(statutoryCommercialRate('be', '2024-07-01')).toBe(12.5);
    // ECB 3.15 on 31 December 2024: 11.15 and 11.5.
    expect(statutoryCommercialRate('nl', '2025-01-01')).toBe(11.15);
    expect(statutoryCommercialRate('be', '2025-01-01')).toBe(11.5);
    // ECB 2.50 on 31 December 2022: already a half point, so no rounding.
    expect(statutoryCommercialRate('be', '2023-01-01')).toBe(10.5);
    expect(statutoryCommercialRate('be', '2025-07-01')).toBeUndefined();
  });
});

/** Periods whose ECB rate is not on record: their figures are not checked, and their notes say so. */
const UNCHECKED = ['2025-07-01', '2026-01-01', '2026-07-01'];

describe.each([
  ['be', BE_COMMERCIAL_RATES, 'wet2aug2002'],
  ['nl', NL_COMMERCIAL_RATES, 'bw6'],
] as const)('%s commercial rate: each row against the ECB rate and the law', (jurisdiction, t, law) => {
  it('checks every period but the listed ones', () => {
    const unchecked = t.periods.filter((p) => statutoryCommercialRate(jurisdiction, p.validFrom) === undefined).map((p) => p.validFrom);
    expect(unchecked).toEqual(UNCHECKED);
  });

  it.each(t.periods.map((p) => [p.label, p] as const))('%s', (_label, p: RatePeriod) => {
    const formula = statutoryCommercialRate(jurisdiction, p.validFrom);
    if (p.status !== 'unknown') expect(keys(p)).toContain(law);
    if (formula === undefined) {
      if (p.status !== 'unknown') expect(p.note).toMatch(/formula is not checked/);
      return;
    }
    expect(p.ratePercent).toBe(formula);
    // It cites the ECB sources of the rate it was checked with, and at most one secondary source,
    // which has an address (no private calculator, no source known only by name).
    for (const s of referenceRate(p.validFrom)?.sources ?? []) expect(p.sources).toContain(s);
    const secondary = p.sources.filter((s) => !s.official);
    expect(secondary.length).toBeLessThanOrEqual(1);
    for (const s of secondary) {
      expect(s.url).toMatch(/^https:\/\//);
      expect(keyOf.get(s)).not.toBe('lawbase');
    }
  });
});
