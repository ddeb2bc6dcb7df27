/**
 * Interest that is current and honest (issue 13 item 5): rate tables reach the running period,
 * every figure a letter shows has a Dutch source, a verified rate has an official one, an unknown
 * rate never disappears from a total, a typed rate says so, and one rate is never named for a
 * span that had several.
 */
import { describe, expect, it } from 'vitest';
import {
  BE_COMMERCIAL_RATES,
  BE_LEGAL_RATES,
  EXPLANATIONS,
  FORMULA_SOURCES,
  NL_COMMERCIAL_RATES,
  NL_LEGAL_RATES,
  RATES_CHECKED_ON,
  RATE_TABLES,
  SOURCES,
  computeInterest,
  lettersSources,
  missingRateHelp,
  ratePeriodOn,
  ratePeriodStart,
  singleRatePercent,
} from '../../../src/legal/index.ts';
import type { InterestLine, RateTable } from '../../../src/legal/index.ts';

const known = (l: InterestLine) => (l.unknown ? null : l);

describe('the tables reach the running period', () => {
  it('were checked on or after the day this rule was written', () => {
    expect(RATES_CHECKED_ON >= '2026-12-07').toBe(true);
  });

  it.each(RATE_TABLES.map((t) => [t.id, t] as const))('%s has a row (known or unknown) for the period holding the check date', (_id, t) => {
    const p = ratePeriodOn(t, RATES_CHECKED_ON);
    expect(p).toBeDefined();
    expect(p?.validFrom).toBe(ratePeriodStart(t, RATES_CHECKED_ON));
  });

  it('keeps the running period unknown where no rate was published', () => {
    // 2026 H2: neither the Belgian notice nor the Dutch figures were found.
    for (const t of [BE_COMMERCIAL_RATES, NL_COMMERCIAL_RATES, NL_LEGAL_RATES]) {
      const p = ratePeriodOn(t, '2026-12-07');
      expect([p?.ratePercent, p?.status]).toEqual([null, 'unknown']);
    }
    expect(ratePeriodOn(BE_LEGAL_RATES, '2026-12-07')?.ratePercent).toBe(4.5);
  });
});

describe('sources of the rates', () => {
  it.each(RATE_TABLES.flatMap((t) => t.periods.map((p) => [`${t.id} ${p.label}`, t, p] as const)))('%s: verified exactly when an official publication of the figure is cited', (_name, _t, p) => {
    // The law and the ECB table are official too, but they give the formula, not the published figure.
    const official = p.sources.some((s) => s.official === true && !FORMULA_SOURCES.includes(s));
    if (p.status === 'verified') expect(official).toBe(true);
    if (p.ratePercent !== null && official) expect(p.status).toBe('verified');
    if (p.status !== 'verified') expect(p.status === 'unknown').toBe(p.ratePercent === null);
  });

  it('cites no private calculator or non-legal page that the brief calls weak', () => {
    const weak = /exago\.be|fidelium\.eu|phc-expert\.be/;
    for (const s of Object.values(SOURCES)) expect(s.url ?? '').not.toMatch(weak);
  });

  it('every source says whether it is official and its language', () => {
    for (const [id, s] of Object.entries(SOURCES)) {
      expect(typeof s.official, id).toBe('boolean');
      expect(['nl', 'fr', 'en', 'de'], id).toContain(s.language);
    }
  });

  it('each table names an official Dutch page where its rate is published', () => {
    for (const t of RATE_TABLES) {
      expect(t.reference).toMatchObject({ official: true, language: 'nl' });
      expect(t.reference.url).toMatch(/^https:\/\/[a-z.]*(belgium\.be|overheid\.nl|rijksoverheid\.nl)\//);
      expect(t.formula.length).toBeGreaterThan(40);
    }
  });

  it('a period reported only in French shows the official Dutch page in a letter, never the French one', () => {
    const y2026 = ratePeriodOn(BE_LEGAL_RATES, '2026-01-01');
    expect(y2026?.sources.every((s) => s.language === 'fr')).toBe(true);
    expect(lettersSources(y2026?.sources ?? [], BE_LEGAL_RATES)).toEqual([BE_LEGAL_RATES.reference]);
    // A commercial row reported in French shows the Dutch text of the law that defines the rate.
    const h2 = ratePeriodOn(BE_COMMERCIAL_RATES, '2024-07-01');
    expect(h2?.sources.filter((s) => !s.official).every((s) => s.language === 'fr')).toBe(true);
    expect(lettersSources(h2?.sources ?? [], BE_COMMERCIAL_RATES)).toEqual([SOURCES.wet2aug2002]);
    // Dutch sources keep their order, official ones first.
    const h1 = ratePeriodOn(BE_COMMERCIAL_RATES, '2020-07-01');
    expect(lettersSources(h1?.sources ?? [], BE_COMMERCIAL_RATES)[0]).toBe(SOURCES.fodFinancien);
  });

  it.each(RATE_TABLES.flatMap((t) => t.periods.map((p) => [`${t.id} ${p.label}`, t, p] as const)))('%s: a letter cites only official Dutch sources with an address', (_name, t, p) => {
    const shown = lettersSources(p.sources, t);
    expect(shown.length).toBeGreaterThan(0);
    for (const s of shown) expect(s, s.title).toMatchObject({ official: true, language: 'nl', url: expect.stringMatching(/^https:\/\//) });
  });
});

describe('what a calculation shows for each known rate', () => {
  const cases = RATE_TABLES.flatMap((t) =>
    t.periods
      .filter((p) => p.ratePercent !== null)
      .map((p) => [`${t.id} ${p.label}`, t, p.validFrom, p.validTo] as const),
  );
  it.each(cases)('%s: a Dutch source with a title, never an empty "Bron"', (_name, t, from, to) => {
    const r = computeInterest({ principalCents: 100_000, from, to, jurisdiction: t.jurisdiction, customerType: t.jurisdiction === 'nl' && t.kind === 'legal' ? 'consumer' : 'business', kind: t.kind });
    expect(r.breakdown.length).toBeGreaterThan(0);
    for (const line of r.breakdown) {
      const l = known(line);
      expect(l).not.toBeNull();
      expect(l?.source.language).toBe('nl');
      expect(l?.source.title.trim().length).toBeGreaterThan(10);
      expect(l?.sources.every((s) => s.language === 'nl')).toBe(true);
      expect(l?.origin).toBe('table');
    }
    for (const n of r.notes) expect(n.sources.every((s) => s.language === 'nl')).toBe(true);
  });
});

describe('an unknown rate never disappears from a total', () => {
  // 1 May 2026 to 31 August 2026, BE business: 61 days known at 10.5 %, 62 days of 2026 H2 unknown.
  const input = { principalCents: 1_000_000, from: '2026-05-01', to: '2026-08-31', jurisdiction: 'be', customerType: 'business', kind: 'commercial' } as const;

  it('gives no total, names the unknown period and keeps the known part as a lower bound', () => {
    const r = computeInterest(input);
    expect(r.totalCents).toBeNull();
    // 10,000 × 10.5 % × 61 / 365 = 175.4795 → 175.48
    expect(r.knownTotalCents).toBe(17_548);
    expect(r.unknownPeriods).toEqual([{ periodStart: '2026-07-01', periodEnd: '2026-08-31', reason: 'rate-not-yet-known' }]);
    const unknown = r.breakdown.find((l) => l.unknown);
    expect(unknown?.unknown && unknown.explanation).toMatch(/2026 H2.*nog niet bekend/);
    expect(singleRatePercent(r)).toBeNull();
  });

  it('explains the formula and where to find the figure, so the user can type it', () => {
    const be = missingRateHelp(BE_COMMERCIAL_RATES, '2026-07-01');
    expect(be).toContain('De interestvoet voor het tweede semester van 2026 kennen wij nog niet');
    expect(be).toContain('plus 8 procentpunt, naar boven afgerond op een half procent');
    expect(be).toContain(BE_COMMERCIAL_RATES.reference.url ?? '?');
    const nl = missingRateHelp(NL_COMMERCIAL_RATES, '2026-07-01');
    expect(nl).toContain('De rentevoet voor het tweede halfjaar van 2026');
    expect(nl).toContain('zonder afronding');
    expect(nl).not.toMatch(/interestvoet|semester/);
    expect(missingRateHelp(BE_LEGAL_RATES, '2027-01-01')).toContain('voor 2027 kennen wij nog niet');
  });

  it('a typed rate fills the gap, is marked as typed and gives a total', () => {
    const r = computeInterest({ ...input, userRates: { '2026-07-01': 10.5 } });
    // 10,000 × 10.5 % × 62 / 365 = 178.3562 → 178.36; total 175.48 + 178.36 = 353.84
    expect(r.totalCents).toBe(35_384);
    const typed = r.breakdown.at(-1);
    expect(typed).toMatchObject({ unknown: false, origin: 'user', status: 'unverified', ratePercent: 10.5, amountCents: 17_836, label: '2026 H2' });
    expect(typed && !typed.unknown && typed.source.title).toMatch(/zelf ingevuld/);
    const note = r.notes.find((n) => n.id === 'zelf-ingevulde-rentevoet');
    expect(note?.text).toContain('plus 8 procentpunt');
    // One rate on every day (10.5 % published, 10.5 % typed): a sentence may name it.
    expect(singleRatePercent(r)).toBe(10.5);
  });

  it('a typed rate never replaces a published one', () => {
    const r = computeInterest({ ...input, userRates: { '2026-01-01': 3, '2026-07-01': 11 } });
    expect(r.breakdown.map((l) => (l.unknown ? null : [l.ratePercent, l.origin]))).toEqual([
      [10.5, 'table'],
      [11, 'user'],
    ]);
    expect(singleRatePercent(r)).toBeNull();
  });

  it('rejects a typed rate that cannot be a yearly percentage, in Dutch', () => {
    expect(() => computeInterest({ ...input, userRates: { '2026-07-01': -1 } })).toThrow(/tussen 0 en 100 %/);
    expect(() => computeInterest({ ...input, userRates: { '2026-07-01': Number.NaN } })).toThrow(RangeError);
    expect(() => computeInterest({ ...input, userRates: { '2026-07-01': 10.555 } })).toThrow(/twee decimalen/);
  });
});

describe('one rate is never named for a span that had several', () => {
  const be = (from: string, to: string) => computeInterest({ principalCents: 500_000, from, to, jurisdiction: 'be', customerType: 'business', kind: 'commercial' });
  it.each([
    ['2025-02-01', '2025-03-31', 11.5], // inside 2025 H1
    ['2025-06-01', '2025-08-14', null], // 11.5 % then 10.5 %
    ['2025-12-01', '2026-02-28', 10.5], // 2025 H2 and 2026 H1, both 10.5 %
    ['2022-12-01', '2023-01-31', null], // 8 % then 10.5 %
  ] as const)('%s to %s → %s', (from, to, rate) => {
    expect(singleRatePercent(be(from, to))).toBe(rate);
  });

  it('NL: the same rate over two compounding years is still one rate', () => {
    const r = computeInterest({ principalCents: 100_000, from: '2019-03-01', to: '2021-02-28', jurisdiction: 'nl', customerType: 'consumer', kind: 'legal' });
    expect(singleRatePercent(r)).toBe(2);
  });
});

describe('wording of the notes per country', () => {
  const line = (t: RateTable, from: string, to: string) =>
    computeInterest({ principalCents: 100_000, from, to, jurisdiction: t.jurisdiction, customerType: t.jurisdiction === 'nl' ? 'consumer' : 'business', kind: t.kind });
  it('an unverified rate asks to check it, in Belgian and in Dutch usage', () => {
    const be = line(BE_COMMERCIAL_RATES, '2025-02-01', '2025-03-01').notes.find((n) => n.id === 'voorlopige-rentevoet');
    expect(be?.text).toMatch(/Belgisch Staatsblad.*aanrekent/);
    expect(be?.sources).toEqual([BE_COMMERCIAL_RATES.reference]);
    const nl = line(NL_LEGAL_RATES, '2025-02-01', '2025-03-01').notes.find((n) => n.id === 'voorlopige-rentevoet');
    expect(nl?.text).toMatch(/rentepercentage.*in rekening brengt/);
    expect(nl?.text).not.toMatch(/aanrekent|interestvoet/);
  });

  it('a verified rate needs no such note', () => {
    expect(line(BE_COMMERCIAL_RATES, '2023-02-01', '2023-03-01').notes.map((n) => n.id)).not.toContain('voorlopige-rentevoet');
    expect(line(NL_LEGAL_RATES, '2023-08-01', '2023-09-01').notes.map((n) => n.id)).not.toContain('voorlopige-rentevoet');
  });

  it('the Belgian legal-rate explanation names the latest known year and says it is not yet checked', () => {
    const e = EXPLANATIONS.find((x) => x.id === 'be-wettelijke-interestvoet');
    expect(e?.text).toContain('voor 2026 is dat 4,5 %');
    expect(e?.caveats[0]).toMatchObject({ status: 'unverified' });
    expect(e?.caveats[0]?.text).toContain('FOD Financiën');
  });
});
