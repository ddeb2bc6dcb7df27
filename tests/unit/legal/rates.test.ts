import { describe, expect, it } from 'vitest';
import { BE_COMMERCIAL_RATES, BE_LEGAL_RATES, NL_COMMERCIAL_RATES, NL_LEGAL_RATES, RATE_TABLES, SOURCES, addDays, ratePeriodOn, rateTable } from '../../../src/legal/index.ts';
import type { RatePeriod, RateTable, RateTableId } from '../../../src/legal/index.ts';
import { rateRows } from './facts.ts';
import type { DocRate } from './facts.ts';

const keyOf = new Map<unknown, string>(Object.entries(SOURCES).map(([k, v]) => [v, k]));

/** One period of the code agrees with one row of docs/legal-facts.md in every field. */
function agrees(p: RatePeriod, row: DocRate): void {
  expect([p.label, p.validFrom, p.validTo]).toEqual([row.label, row.from, row.to]);
  expect(p.ratePercent).toBe(row.rate);
  expect([p.status, p.confidence]).toEqual([row.status, row.confidence]);
  expect(p.sources.map((s) => keyOf.get(s))).toEqual(row.sources);
  expect(p.sources.length).toBeGreaterThan(0);
  // A rate nobody published is unknown, and an unknown rate has no value.
  expect(p.ratePercent === null).toBe(p.status === 'unknown');
}

describe.each([
  ['BE commercial rate per semester', '### 1.2', BE_COMMERCIAL_RATES, 'H'],
  ['BE wettelijke interestvoet per year', '### 2.6', BE_LEGAL_RATES, 'Y'],
  ['NL wettelijke handelsrente per half year', '### 3.2', NL_COMMERCIAL_RATES, 'D'],
  ['NL wettelijke rente per half year', '### 3.3', NL_LEGAL_RATES, 'D'],
] as const)('%s = docs/legal-facts.md %s', (_name, heading, t, labels) => {
  const rows = rateRows(heading);

  it('has one period per row, in the same order', () => {
    expect(rows.length).toBeGreaterThanOrEqual(8);
    expect(t.periods.map((p) => p.label)).toEqual(rows.map((r) => r.label));
  });

  it.each(rows.map((r) => [r.label, r] as const))('%s', (label, row) => {
    agrees(t.periods.find((x) => x.label === label) as RatePeriod, row);
    // Labels name the period: "2024 H2" = 1 July – 31 December, "2024" = the year, "2024-07-01" = its start.
    if (labels === 'H') {
      const [year, half] = label.split(' H');
      expect([row.from, row.to]).toEqual(half === '1' ? [`${year}-01-01`, `${year}-06-30`] : [`${year}-07-01`, `${year}-12-31`]);
    } else if (labels === 'Y') expect([row.from, row.to]).toEqual([`${label}-01-01`, `${label}-12-31`]);
    else expect(row.from).toBe(label);
  });
});

describe('hand-copied values (kept even if the document parser breaks)', () => {
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

  it('flags what the document lists as not verified', () => {
    expect(ratePeriodOn(BE_COMMERCIAL_RATES, '2026-01-01')?.status).toBe('unverified'); // §1.2
    expect(ratePeriodOn(NL_LEGAL_RATES, '2025-07-01')?.status).toBe('unverified'); // §3.3
    expect(ratePeriodOn(NL_LEGAL_RATES, '2026-01-01')?.status).toBe('unverified'); // §3.3
    expect(ratePeriodOn(NL_COMMERCIAL_RATES, '2026-01-01')?.status).toBe('unverified'); // §3.2
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
