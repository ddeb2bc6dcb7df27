import { describe, expect, it } from 'vitest';
import { BE_COMMERCIAL_RATES, BE_LEGAL_RATES, NL_COMMERCIAL_RATES, NL_LEGAL_RATES, RATE_TABLES, addDays, ratePeriodOn, rateTable } from '../../../src/legal/index.ts';
import type { RatePeriod, RateTable, RateTableId } from '../../../src/legal/index.ts';
import { firstTable, parseConfidence, parseRate, section } from './facts.ts';

/** Expected status from legal.md's own wording: unknown when there is no value, verified only for High / Medium-High. */
function expectedStatus(rate: number | null, confidence: string): string {
  if (rate === null) return 'unknown';
  return confidence === 'high' || confidence === 'medium-high' ? 'verified' : 'unverified';
}

describe('BE commercial rate per semester = legal.md §1.2', () => {
  const rows = firstTable(section('### 1.2'));

  it('has one period per table row, in order', () => {
    expect(rows.length).toBe(16);
    expect(BE_COMMERCIAL_RATES.periods.map((p) => p.label)).toEqual(rows.map((r) => r[0]));
  });

  it.each(rows.map((r) => [r[0] ?? '', r] as const))('%s', (label, row) => {
    const p = BE_COMMERCIAL_RATES.periods.find((x) => x.label === label) as RatePeriod;
    const [year, half] = label.split(' H');
    expect(p.validFrom).toBe(half === '1' ? `${year}-01-01` : `${year}-07-01`);
    expect(p.validTo).toBe(half === '1' ? `${year}-06-30` : `${year}-12-31`);
    const rate = parseRate(row[1] ?? '');
    expect(p.ratePercent).toBe(rate);
    const confidence = parseConfidence(row[3] ?? '');
    expect(p.confidence).toBe(confidence);
    expect(p.status).toBe(expectedStatus(rate, confidence));
    expect(p.sources.length).toBeGreaterThan(0);
  });
});

describe('BE legal rate per year = legal.md §2.6', () => {
  const rows = firstTable(section('### 2.6'));
  it('has one period per row', () => {
    expect(BE_LEGAL_RATES.periods.map((p) => p.label)).toEqual(rows.map((r) => r[0]));
  });
  it.each(rows.map((r) => [r[0] ?? '', r] as const))('%s', (year, row) => {
    const p = BE_LEGAL_RATES.periods.find((x) => x.label === year) as RatePeriod;
    expect([p.validFrom, p.validTo]).toEqual([`${year}-01-01`, `${year}-12-31`]);
    const rate = parseRate(row[1] ?? '');
    expect(p.ratePercent).toBe(rate);
    const confidence = parseConfidence(row[3] ?? '');
    expect(p.confidence).toBe(confidence);
    expect(p.status).toBe(expectedStatus(rate, confidence));
  });
});

describe('NL handelsrente and wettelijke rente = legal.md §4.1', () => {
  const rows = firstTable(section('### 4.1'));
  it('has one period per row in both tables', () => {
    expect(NL_COMMERCIAL_RATES.periods.map((p) => p.validFrom)).toEqual(rows.map((r) => r[0]));
    expect(NL_LEGAL_RATES.periods.map((p) => p.validFrom)).toEqual(rows.map((r) => r[0]));
  });
  it.each(rows.map((r) => [r[0] ?? '', r] as const))('%s', (from, row) => {
    const c = NL_COMMERCIAL_RATES.periods.find((x) => x.validFrom === from) as RatePeriod;
    const l = NL_LEGAL_RATES.periods.find((x) => x.validFrom === from) as RatePeriod;
    expect(c.ratePercent).toBe(parseRate(row[1] ?? ''));
    expect(l.ratePercent).toBe(parseRate(row[2] ?? ''));
    const confidence = parseConfidence(row[4] ?? '');
    for (const p of [c, l]) {
      expect(p.confidence).toBe(confidence);
      expect(p.status).toBe(expectedStatus(p.ratePercent, confidence));
      // Each NL period runs until the day before the next one.
      const next = rows[rows.indexOf(row) + 1]?.[0];
      if (next) expect(p.validTo).toBe(addDays(next, -1));
    }
  });
});

describe('hand-copied values from legal.md (kept even if the parser breaks)', () => {
  const rate = (id: RateTableId, d: string) => ratePeriodOn(RATE_TABLES.find((t) => t.id === id) as RateTable, d)?.ratePercent;
  it.each([
    ['be-commercial', '2019-03-01', 8],
    ['be-commercial', '2022-12-31', 8],
    ['be-commercial', '2023-01-01', 10.5],
    ['be-commercial', '2023-07-01', 12],
    ['be-commercial', '2024-12-31', 12.5],
    ['be-commercial', '2025-01-01', 11.5],
    ['be-commercial', '2025-07-01', 10.5],
    ['be-commercial', '2026-06-30', 10.5],
    ['be-legal', '2020-05-05', 1.75],
    ['be-legal', '2022-01-01', 1.5],
    ['be-legal', '2023-12-31', 5.25],
    ['be-legal', '2024-01-01', 5.75],
    ['be-legal', '2026-01-01', 4.5],
    ['nl-commercial', '2023-01-01', 10.5],
    ['nl-commercial', '2024-07-01', 12.25],
    ['nl-commercial', '2025-01-01', 11.15],
    ['nl-commercial', '2026-06-30', 10.15],
    ['nl-legal', '2023-07-01', 6],
    ['nl-legal', '2024-12-31', 7],
    ['nl-legal', '2026-01-01', 4],
  ] as const)('%s on %s: %s percent', (table, date, expected) => {
    expect(rate(table, date)).toBe(expected);
  });

  it('marks the future periods as unknown, with no rate', () => {
    for (const t of [BE_COMMERCIAL_RATES, NL_COMMERCIAL_RATES, NL_LEGAL_RATES]) {
      const p = ratePeriodOn(t, '2026-07-01');
      expect(p?.status).toBe('unknown');
      expect(p?.ratePercent).toBeNull();
    }
    expect(ratePeriodOn(BE_COMMERCIAL_RATES, '2027-01-01')).toBeUndefined();
    expect(ratePeriodOn(BE_LEGAL_RATES, '2027-01-01')).toBeUndefined();
    expect(ratePeriodOn(BE_LEGAL_RATES, '2018-12-31')).toBeUndefined();
  });

  it('flags what legal.md §7 lists as not verified', () => {
    expect(ratePeriodOn(BE_COMMERCIAL_RATES, '2026-01-01')?.status).toBe('unverified'); // §7.2
    expect(ratePeriodOn(NL_LEGAL_RATES, '2025-07-01')?.status).toBe('unverified'); // §7.3
    expect(ratePeriodOn(NL_LEGAL_RATES, '2026-01-01')?.status).toBe('unverified'); // §7.3
    expect(ratePeriodOn(NL_COMMERCIAL_RATES, '2026-01-01')?.status).toBe('unverified'); // §7.3
    expect(ratePeriodOn(BE_COMMERCIAL_RATES, '2019-07-01')?.note).toMatch(/8\.5/); // the conflict is recorded
  });
});

describe('table shape', () => {
  it.each(RATE_TABLES.map((t) => [t.id, t] as const))('%s: contiguous periods from 2019-01-01, no gaps or overlaps', (_id, t) => {
    expect(t.periods[0]?.validFrom).toBe('2019-01-01');
    t.periods.forEach((p, i) => {
      expect(p.validFrom <= p.validTo).toBe(true);
      const next = t.periods[i + 1];
      if (next) expect(next.validFrom).toBe(addDays(p.validTo, 1));
    });
  });

  it('finds tables by jurisdiction and kind, and compounds only in NL', () => {
    expect(rateTable('be', 'commercial')).toBe(BE_COMMERCIAL_RATES);
    expect(rateTable('nl', 'legal')).toBe(NL_LEGAL_RATES);
    expect(RATE_TABLES.map((t) => [t.id, t.compounding])).toEqual([
      ['be-commercial', 'none'],
      ['be-legal', 'none'],
      ['nl-commercial', 'yearly'],
      ['nl-legal', 'yearly'],
    ]);
  });

  it('is frozen', () => {
    expect(Object.isFrozen(BE_COMMERCIAL_RATES.periods)).toBe(true);
    expect(Object.isFrozen(BE_COMMERCIAL_RATES.periods[0])).toBe(true);
  });
});
