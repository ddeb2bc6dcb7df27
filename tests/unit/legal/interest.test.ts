import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, computeInterest, interestKindsFor, interestStartDate, simpleInterestCents } from '../../../src/legal/index.ts';
import type { InterestInput, InterestLine, Jurisdiction, CustomerType, InterestKind } from '../../../src/legal/index.ts';

const beB2b = (principalCents: number, from: string, to: string): InterestInput => ({ principalCents, from, to, jurisdiction: 'be', customerType: 'business', kind: 'commercial' });
const summary = (lines: readonly InterestLine[]) =>
  lines.map((l) => (l.unknown ? [l.periodStart, l.periodEnd, l.days, 'unknown', l.reason] : [l.periodStart, l.periodEnd, l.days, l.ratePercent, l.amountCents]));

describe('simpleInterestCents: exact integer arithmetic, half up to the cent', () => {
  it('rounds an exact half up and anything below it down', () => {
    // 1825 ct × 10 % × 1 / 365 = 0.5 ct exactly.
    expect(simpleInterestCents(1825, 10, 1)).toBe(1);
    expect(simpleInterestCents(1824, 10, 1)).toBe(0);
    // 1460 ct × 12.5 % × 1 / 365 = 0.5 ct exactly.
    expect(simpleInterestCents(1460, 12.5, 1)).toBe(1);
    expect(simpleInterestCents(1459, 12.5, 1)).toBe(0);
  });
  it('handles two-decimal rates without floating-point drift', () => {
    // 10,000.00 × 11.15 % × 365/365 = 1,115.00 exactly.
    expect(simpleInterestCents(1_000_000, 11.15, 365)).toBe(111_500);
    expect(simpleInterestCents(1_000_000, 12.25, 365)).toBe(122_500);
    expect(simpleInterestCents(1_000_000, 10.15, 365)).toBe(101_500);
  });
  it('stays exact for very large principals', () => {
    // 1,000,000,000.00 EUR at 8 % for 365 days = 80,000,000.00 EUR.
    expect(simpleInterestCents(100_000_000_000, 8, 365)).toBe(8_000_000_000);
  });
  it('rejects bad input', () => {
    expect(() => simpleInterestCents(-1, 8, 1)).toThrow(RangeError);
    expect(() => simpleInterestCents(1.5, 8, 1)).toThrow(RangeError);
    expect(() => simpleInterestCents(100, 8.123, 1)).toThrow(RangeError);
    expect(() => simpleInterestCents(100, 8, -1)).toThrow(RangeError);
  });
});

describe('computeInterest, hand-worked cases', () => {
  it('BE B2B across a rate change (8 % → 10.5 % on 1 Jan 2023)', () => {
    // Due 2022-12-20, paid 2023-01-20: interest from 21 Dec up to and including 20 Jan.
    const r = computeInterest(beB2b(100_000, interestStartDate('2022-12-20'), '2023-01-20'));
    // 1000 × 8 % × 11/365 = 2.4110 → 2.41; 1000 × 10.5 % × 20/365 = 5.7534 → 5.75.
    expect(summary(r.breakdown)).toEqual([
      ['2022-12-21', '2022-12-31', 11, 8, 241],
      ['2023-01-01', '2023-01-20', 20, 10.5, 575],
    ]);
    expect(r.totalCents).toBe(816);
    expect(r.days).toBe(31);
    expect(r.dayCount).toBe('actual/365');
    expect(r.rounding).toBe('half-up-per-line');
    expect(r.compounding).toBe('none');
    const first = r.breakdown[0];
    expect(first && !first.unknown && first.source.url).toMatch(/^https?:/);
  });

  it('leap year: February 2024 has 29 days, and the divisor stays 365', () => {
    // 1 Feb – 31 Mar 2024 = 29 + 31 = 60 days; 1000 × 12.5 % × 60/365 = 20.5479 → 20.55.
    expect(computeInterest(beB2b(100_000, '2024-02-01', '2024-03-31')).totalCents).toBe(2055);
    // The whole of 2024 is 366 days, so a year's interest is a little more than 12.5 %:
    // 182/365 → 62.3288 → 62.33 and 184/365 → 63.0137 → 63.01.
    const year = computeInterest(beB2b(100_000, '2024-01-01', '2024-12-31'));
    expect(summary(year.breakdown)).toEqual([
      ['2024-01-01', '2024-06-30', 182, 12.5, 6233],
      ['2024-07-01', '2024-12-31', 184, 12.5, 6301],
    ]);
    expect(year.totalCents).toBe(12_534);
    expect(year.days).toBe(366);
  });

  it('rounds each line half up: 14.60 EUR for one day at 12.5 % is exactly half a cent', () => {
    expect(computeInterest(beB2b(1460, '2024-01-10', '2024-01-10')).totalCents).toBe(1);
    expect(computeInterest(beB2b(1459, '2024-01-10', '2024-01-10')).totalCents).toBe(0);
  });

  it('BE legal rate splits per calendar year (5.25 % → 5.75 %)', () => {
    const r = computeInterest({ principalCents: 100_000, from: '2023-12-01', to: '2024-01-31', jurisdiction: 'be', customerType: 'consumer', kind: 'legal' });
    // 31 days × 5.25 % → 4.4589 → 4.46; 31 days × 5.75 % → 4.8836 → 4.88.
    expect(summary(r.breakdown)).toEqual([
      ['2023-12-01', '2023-12-31', 31, 5.25, 446],
      ['2024-01-01', '2024-01-31', 31, 5.75, 488],
    ]);
    expect(r.totalCents).toBe(934);
    // 2024 rests on a single source: the line and a note say so.
    expect(r.breakdown[1]?.unknown === false && r.breakdown[1].status).toBe('unverified');
    expect(r.notes.map((n) => n.id)).toContain('voorlopige-rentevoet');
  });

  it('NL compounds yearly: year 1 interest is added to the principal', () => {
    const r = computeInterest({ principalCents: 1_000_000, from: '2023-01-01', to: '2024-12-31', jurisdiction: 'nl', customerType: 'business', kind: 'commercial' });
    // Year 1 on 10,000.00: 181 d × 10.5 % → 520.6849 → 520.68 (52068 ct is 520.68 EUR);
    //   184 d × 12 % → 604.9315 → 604.93. Year total 1,125.61.
    // Year 2 on 11,125.61: 182 d × 12.5 % → 693.4456 → 693.45; 184 d × 12.25 % → 687.0445 → 687.04.
    expect(r.breakdown.map((l) => (l.unknown ? null : [l.periodStart, l.baseCents, l.ratePercent, l.amountCents]))).toEqual([
      ['2023-01-01', 1_000_000, 10.5, 52_068],
      ['2023-07-01', 1_000_000, 12, 60_493],
      ['2024-01-01', 1_112_561, 12.5, 69_345],
      ['2024-07-01', 1_112_561, 12.25, 68_704],
    ]);
    expect(r.totalCents).toBe(250_610);
    expect(r.compounding).toBe('yearly');
  });

  it('NL compounding year starts on the anniversary of `from`, not on 1 January', () => {
    const r = computeInterest({ principalCents: 100_000, from: '2023-03-15', to: '2024-06-30', jurisdiction: 'nl', customerType: 'business', kind: 'commercial' });
    const starts = r.breakdown.map((l) => l.periodStart);
    expect(starts).toEqual(['2023-03-15', '2023-07-01', '2024-01-01', '2024-03-15']);
    const yearOne = r.breakdown.slice(0, 3).reduce((s, l) => s + (l.unknown ? NaN : l.amountCents), 0);
    const last = r.breakdown[3];
    expect(last?.unknown === false && last.baseCents).toBe(100_000 + yearOne);
  });

  it('returns an unknown period instead of guessing a future rate', () => {
    const r = computeInterest(beB2b(100_000, '2026-06-01', '2027-01-31'));
    expect(summary(r.breakdown)).toEqual([
      ['2026-06-01', '2026-06-30', 30, 10.5, 863],
      ['2026-07-01', '2026-12-31', 184, 'unknown', 'rate-not-yet-known'],
      ['2027-01-01', '2027-01-31', 31, 'unknown', 'no-rate-in-table'],
    ]);
    expect(r.totalCents).toBeNull();
    expect(r.knownTotalCents).toBe(863);
    expect(r.unknownPeriods).toEqual([
      { periodStart: '2026-07-01', periodEnd: '2026-12-31', reason: 'rate-not-yet-known' },
      { periodStart: '2027-01-01', periodEnd: '2027-01-31', reason: 'no-rate-in-table' },
    ]);
    const u = r.breakdown[1];
    expect(u?.unknown && u.explanation).toMatch(/2026 H2/);
  });

  it('returns an unknown period before the table starts', () => {
    const r = computeInterest(beB2b(100_000, '2018-12-20', '2019-01-10'));
    expect(summary(r.breakdown)).toEqual([
      ['2018-12-20', '2018-12-31', 12, 'unknown', 'no-rate-in-table'],
      ['2019-01-01', '2019-01-10', 10, 8, 219],
    ]);
    expect(r.totalCents).toBeNull();
  });

  it('NL: unknown periods stay unknown across compounding years', () => {
    const r = computeInterest({ principalCents: 100_000, from: '2026-06-01', to: '2027-07-31', jurisdiction: 'nl', customerType: 'consumer', kind: 'legal' });
    // Lines split at the rate grid (1 Jul, 1 Jan, 1 Jul) and at the compounding anniversary (1 Jun 2027).
    expect(r.breakdown.map((l) => [l.periodStart, l.unknown ? l.reason : 'known'])).toEqual([
      ['2026-06-01', 'known'],
      ['2026-07-01', 'rate-not-yet-known'],
      ['2027-01-01', 'no-rate-in-table'],
      ['2027-06-01', 'no-rate-in-table'],
      ['2027-07-01', 'no-rate-in-table'],
    ]);
    expect(r.totalCents).toBeNull();
    const withBase = computeInterest({ principalCents: 100_000, from: '2025-06-01', to: '2026-06-30', jurisdiction: 'nl', customerType: 'consumer', kind: 'legal' });
    expect(withBase.totalCents).not.toBeNull();
  });

  it('no days when paid on the due date', () => {
    const r = computeInterest(beB2b(100_000, interestStartDate('2025-03-31'), '2025-03-31'));
    expect(r.breakdown).toEqual([]);
    expect(r.totalCents).toBe(0);
    expect(r.days).toBe(0);
  });

  it('rejects impossible input', () => {
    expect(() => computeInterest(beB2b(100, '2025-03-10', '2025-03-08'))).toThrow(RangeError);
    expect(() => computeInterest(beB2b(-1, '2025-03-10', '2025-03-12'))).toThrow(RangeError);
    expect(() => computeInterest(beB2b(10.5, '2025-03-10', '2025-03-12'))).toThrow(RangeError);
    expect(() => computeInterest(beB2b(100, '2025-02-30', '2025-03-12'))).toThrow(RangeError);
    expect(() => computeInterest({ principalCents: 100, from: '2025-01-01', to: '2025-02-01', jurisdiction: 'nl', customerType: 'consumer', kind: 'commercial' })).toThrow(/handelsrente/);
  });
});

describe('computeInterest notes', () => {
  const ids = (input: InterestInput) => computeInterest(input).notes.map((n) => n.id);
  it('always states the day count and flags it unverified', () => {
    const n = computeInterest(beB2b(100, '2025-01-01', '2025-01-02')).notes.find((x) => x.id === 'dagtelling');
    expect(n?.status).toBe('unverified');
    expect(n?.text).toMatch(/365/);
  });
  it('flags the BE semester split and the BE consumer open points', () => {
    expect(ids(beB2b(100, '2025-01-01', '2025-01-02'))).toContain('be-semesters');
    const consumer = computeInterest({ ...beB2b(100, '2025-01-01', '2025-01-02'), customerType: 'consumer' });
    expect(consumer.notes.map((n) => n.id)).toEqual(expect.arrayContaining(['be-b2c-maximum', 'be-b2c-begin']));
    expect(consumer.notes.find((n) => n.id === 'be-b2c-begin')?.status).toBe('unknown');
  });
  it('explains NL compounding and when the wettelijke rente starts', () => {
    expect(ids({ principalCents: 100, from: '2025-01-01', to: '2025-01-02', jurisdiction: 'nl', customerType: 'consumer', kind: 'legal' })).toEqual(
      expect.arrayContaining(['nl-rente-op-rente', 'nl-verzuim']),
    );
  });
  it('every note has Dutch text and at least one source', () => {
    for (const j of ['be', 'nl'] as const)
      for (const c of ['business', 'consumer'] as const)
        for (const { kind } of interestKindsFor(j, c)) {
          for (const n of computeInterest({ principalCents: 100_000, from: '2025-06-01', to: '2026-03-01', jurisdiction: j, customerType: c, kind }).notes) {
            expect(n.text.length).toBeGreaterThan(20);
            expect(n.sources.length).toBeGreaterThan(0);
          }
        }
  });
});

describe('interestKindsFor', () => {
  it('offers handelsrente only to businesses in NL and both kinds for BE consumers', () => {
    expect(interestKindsFor('nl', 'business').map((k) => k.kind)).toEqual(['commercial']);
    expect(interestKindsFor('nl', 'consumer').map((k) => k.kind)).toEqual(['legal']);
    expect(interestKindsFor('be', 'business').map((k) => k.kind)).toEqual(['commercial']);
    expect(interestKindsFor('be', 'consumer').map((k) => k.kind)).toEqual(['legal', 'commercial']);
  });
});

describe('computeInterest properties', () => {
  // Ranges where every rate is known, per table.
  const known: Record<string, [string, number]> = {
    'be-commercial': ['2019-01-01', 2737], // through 2026-06-30
    'be-legal': ['2019-01-01', 2922], // through 2026-12-31
    'nl-commercial': ['2019-01-01', 2737],
    'nl-legal': ['2019-01-01', 2737],
  };
  const combos: [Jurisdiction, CustomerType, InterestKind][] = [
    ['be', 'business', 'commercial'],
    ['be', 'consumer', 'legal'],
    ['nl', 'business', 'commercial'],
    ['nl', 'consumer', 'legal'],
  ];
  const scenario = fc.record({
    combo: fc.constantFrom(...combos),
    principal: fc.integer({ min: 0, max: 1_000_000_000 }),
    start: fc.integer({ min: 0, max: 2736 }),
    length: fc.integer({ min: 0, max: 2736 }),
    extra: fc.integer({ min: 0, max: 400 }),
    more: fc.integer({ min: 0, max: 1_000_000 }),
  });
  const input = (combo: [Jurisdiction, CustomerType, InterestKind], principal: number, startOffset: number, days: number): InterestInput => {
    const [jurisdiction, customerType, kind] = combo;
    const [first, span] = known[`${jurisdiction}-${kind}`] ?? ['2019-01-01', 0];
    const from = addDays(first, Math.min(startOffset, span - 1));
    const to = addDays(from, Math.min(days, span - 1 - Math.min(startOffset, span - 1)) - 1);
    return { principalCents: principal, from, to, jurisdiction, customerType, kind };
  };

  it('interest grows (never shrinks) with time', () => {
    fc.assert(
      fc.property(scenario, ({ combo, principal, start, length, extra }) => {
        const a = computeInterest(input(combo, principal, start, length));
        const b = computeInterest(input(combo, principal, start, length + extra));
        expect(a.totalCents).not.toBeNull();
        expect(b.totalCents ?? -1).toBeGreaterThanOrEqual(a.totalCents ?? 0);
      }),
      { numRuns: 300 },
    );
  });

  it('interest grows (never shrinks) with the amount', () => {
    fc.assert(
      fc.property(scenario, ({ combo, principal, start, length, more }) => {
        const a = computeInterest(input(combo, principal, start, length));
        const b = computeInterest(input(combo, principal + more, start, length));
        expect(b.totalCents ?? -1).toBeGreaterThanOrEqual(a.totalCents ?? 0);
      }),
      { numRuns: 300 },
    );
  });

  it('lines are contiguous, cover every day once, and sum to the total', () => {
    fc.assert(
      fc.property(scenario, ({ combo, principal, start, length }) => {
        const inp = input(combo, principal, start, length);
        const r = computeInterest(inp);
        expect(r.breakdown.reduce((s, l) => s + l.days, 0)).toBe(r.days);
        r.breakdown.forEach((l, i) => {
          expect(l.days).toBeGreaterThan(0);
          if (i === 0) expect(l.periodStart).toBe(inp.from);
          const next = r.breakdown[i + 1];
          if (next) expect(next.periodStart).toBe(addDays(l.periodEnd, 1));
          else expect(l.periodEnd).toBe(inp.to);
        });
        expect(r.totalCents).toBe(r.breakdown.reduce((s, l) => s + (l.unknown ? NaN : l.amountCents), 0));
      }),
      { numRuns: 300 },
    );
  });

  it('simple (BE) interest is within half a cent per line of the exact value', () => {
    fc.assert(
      fc.property(scenario, ({ principal, start, length }) => {
        const r = computeInterest(input(['be', 'business', 'commercial'], principal, start, length));
        for (const l of r.breakdown) {
          if (l.unknown) throw new Error('unexpected unknown line');
          const exact = (principal * l.ratePercent * l.days) / (100 * 365);
          expect(Math.abs(l.amountCents - exact)).toBeLessThanOrEqual(0.5 + 1e-6 * Math.max(1, exact));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('interestLines over a table with a gap in the middle', () => {
  it('marks later compounded lines as depending on the unknown period, and never guesses', async () => {
    const { interestLines } = await import('../../../src/legal/interest.ts');
    const { NL_COMMERCIAL_RATES } = await import('../../../src/legal/index.ts');
    const src = NL_COMMERCIAL_RATES.sources;
    const table = {
      ...NL_COMMERCIAL_RATES,
      periods: [
        { label: 'A', validFrom: '2030-01-01', validTo: '2030-06-30', ratePercent: 10, status: 'verified', confidence: 'high', sources: src },
        { label: 'B', validFrom: '2030-07-01', validTo: '2030-12-31', ratePercent: null, status: 'unknown', confidence: 'n/a', sources: src },
        { label: 'C', validFrom: '2031-01-01', validTo: '2031-12-31', ratePercent: 10, status: 'verified', confidence: 'high', sources: src },
      ],
    } as const;
    const lines = interestLines(table, 100_000, '2030-01-01', '2031-12-31');
    expect(lines.map((l) => (l.unknown ? l.reason : l.amountCents))).toEqual([
      // 1000 × 10 % × 181/365 = 49.589 → 49.59
      4959,
      'rate-not-yet-known',
      // The year-2 base would include the unknown H2 2030 interest.
      'base-depends-on-unknown-period',
      'base-depends-on-unknown-period',
    ]);
    // Simple interest (no compounding) only needs the rate of its own period.
    const simple = interestLines({ ...table, compounding: 'none' }, 100_000, '2030-01-01', '2031-12-31');
    expect(simple.map((l) => (l.unknown ? l.reason : l.amountCents))).toEqual([4959, 'rate-not-yet-known', 4959, 5041]);
  });
});
