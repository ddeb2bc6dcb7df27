/**
 * Interest (src/legal/interest.ts) at its edges: a rate that changes inside a semester, a Dutch
 * calculation that ends on the day a new compounding year starts, a rate typed for a period past
 * the table, the exact notes each kind of debtor gets, the Dutch labels and errors. Figures come
 * from the rate tables of src/legal (legal-facts.md §1.1, §1.2, §3.1, §3.2); amounts are worked by
 * hand as principal × rate × days / 365, rounded half up to the cent.
 */
import { describe, expect, it } from 'vitest';
import {
  BE_B2B,
  BE_B2C,
  BE_COMMERCIAL_RATES,
  BE_LEGAL_RATES,
  NL_COMMERCIAL_RATES,
  NL,
  NL_LEGAL_RATES,
  computeInterest,
  interestKindsFor,
  lettersSources,
  missingRateHelp,
  ratePeriodStart,
  simpleInterestCents,
  singleRatePercent,
} from '../../../src/legal/index.ts';
import type { CustomerType, InterestInput, InterestKind, InterestLine, Jurisdiction, RateTable } from '../../../src/legal/index.ts';
import { interestLines } from '../../../src/legal/interest.ts';

const run = (jurisdiction: Jurisdiction, customerType: CustomerType, kind: InterestKind, from: string, to: string, extra: Partial<InterestInput> = {}) =>
  computeInterest({ principalCents: 100_000, from, to, jurisdiction, customerType, kind, ...extra });
const lines = (ls: readonly InterestLine[]) => ls.map((l) => (l.unknown ? [l.periodStart, l.periodEnd, l.reason] : [l.periodStart, l.periodEnd, l.baseCents, l.ratePercent, l.amountCents]));

describe('simpleInterestCents', () => {
  it('a rate of 0 % or zero days gives nothing, without an error', () => {
    expect(simpleInterestCents(100_000, 0, 30)).toBe(0);
    expect(simpleInterestCents(100_000, 8, 0)).toBe(0);
  });

  it('names what is wrong, in Dutch', () => {
    expect(() => simpleInterestCents(100_000, 8, 1.5)).toThrow('Aantal dagen moet een geheel getal ≥ 0 zijn, niet 1.5.');
    expect(() => simpleInterestCents(100_000, 8, -1)).toThrow('Aantal dagen moet een geheel getal ≥ 0 zijn, niet -1.');
    expect(() => simpleInterestCents(100_000, 8.123, 1)).toThrow('Rentevoet 8.123 % heeft meer dan twee decimalen of is ongeldig.');
    expect(() => simpleInterestCents(100_000, -0.5, 1)).toThrow(/Rentevoet -0\.5 %/);
    expect(() => simpleInterestCents(100_000, Number.NaN, 1)).toThrow(/Rentevoet NaN %/);
    expect(() => simpleInterestCents(100_000, Number.POSITIVE_INFINITY, 1)).toThrow(/Rentevoet Infinity %/);
    expect(() => simpleInterestCents(-5, 8, 1)).toThrow('baseCents moet een geheel aantal eurocent ≥ 0 zijn, niet -5.');
  });
});

describe('computeInterest input', () => {
  it('an end date the day before the start is no days; two days before is an error', () => {
    expect(run('be', 'business', 'commercial', '2025-03-10', '2025-03-09')).toMatchObject({ breakdown: [], totalCents: 0, days: 0 });
    expect(() => run('be', 'business', 'commercial', '2025-03-10', '2025-03-08')).toThrow('Einddatum 2025-03-08 ligt vóór begindatum 2025-03-10.');
  });

  it('names the principal when it is not whole cents', () => {
    expect(() => run('be', 'business', 'commercial', '2025-03-10', '2025-03-12', { principalCents: 10.5 })).toThrow('principalCents moet een geheel aantal eurocent ≥ 0 zijn, niet 10.5.');
  });

  it('a typed rate of 0 % or 100 % is accepted; above 100 % or not a number is refused', () => {
    // BE 2026 H2 has no published rate: one day on 1,000.00 at 100 % = 2.7397 → 2.74.
    const at = (rate: number) => run('be', 'business', 'commercial', '2026-07-01', '2026-07-01', { userRates: { '2026-07-01': rate } });
    expect(at(100).totalCents).toBe(274);
    expect(at(0).totalCents).toBe(0);
    expect(() => at(100.5)).toThrow('De ingevulde rentevoet voor de periode vanaf 2026-07-01 moet tussen 0 en 100 % liggen, niet 100.5.');
    expect(() => at(Number.POSITIVE_INFINITY)).toThrow(/tussen 0 en 100 %/);
  });

  it('Dutch consumers get no handelsrente, with the reason in Dutch', () => {
    expect(() => run('nl', 'consumer', 'commercial', '2025-01-01', '2025-02-01')).toThrow(
      'De wettelijke handelsrente geldt alleen voor handelsovereenkomsten, niet voor consumenten. Gebruik de wettelijke rente.',
    );
  });

  it('reports which table it used', () => {
    expect(run('be', 'business', 'commercial', '2025-01-01', '2025-01-02').table).toBe('be-commercial');
    expect(run('be', 'consumer', 'legal', '2025-01-01', '2025-01-02').table).toBe('be-legal');
    expect(run('nl', 'business', 'commercial', '2025-01-01', '2025-01-02').table).toBe('nl-commercial');
    expect(run('nl', 'consumer', 'legal', '2025-01-01', '2025-01-02').table).toBe('nl-legal');
  });
});

describe('where lines split', () => {
  const custom = (periods: RateTable['periods']): RateTable => ({ ...NL_COMMERCIAL_RATES, compounding: 'none', periods });
  const src = NL_COMMERCIAL_RATES.sources;

  it('a rate that starts inside a semester splits the line on its first day', () => {
    // Only 15 Mar – 30 Jun 2030 known, at 12 %: 1 – 14 Mar unknown; 15 – 31 Mar = 17 days → 1000 × 12 % × 17/365 = 5.589 → 5.59.
    const table = custom([{ label: 'X', validFrom: '2030-03-15', validTo: '2030-06-30', ratePercent: 12, status: 'verified', confidence: 'high', sources: src }]);
    expect(lines(interestLines(table, 100_000, '2030-03-01', '2030-03-31'))).toEqual([
      ['2030-03-01', '2030-03-14', 'no-rate-in-table'],
      ['2030-03-15', '2030-03-31', 100_000, 12, 559],
    ]);
  });

  it('a rate that ends inside a semester splits the line on the day after', () => {
    // 1 – 14 Mar 2030 at 10 %: 1000 × 10 % × 14/365 = 3.8356 → 3.84; then nothing is known.
    const table = custom([{ label: 'Y', validFrom: '2030-01-01', validTo: '2030-03-14', ratePercent: 10, status: 'verified', confidence: 'high', sources: src }]);
    expect(lines(interestLines(table, 100_000, '2030-03-01', '2030-03-31'))).toEqual([
      ['2030-03-01', '2030-03-14', 100_000, 10, 384],
      ['2030-03-15', '2030-03-31', 'no-rate-in-table'],
    ]);
  });

  it('NL: a calculation that ends on the anniversary counts that day on the new base', () => {
    // 2022 at 8 %: 181 d → 39.6712 → 39.67; 184 d → 40.3288 → 40.33; year total 80.00.
    // 1 Jan 2023 on 1,080.00 at 10.5 %: 0.3107 → 0.31.
    const r = run('nl', 'business', 'commercial', '2022-01-01', '2023-01-01');
    expect(lines(r.breakdown)).toEqual([
      ['2022-01-01', '2022-06-30', 100_000, 8, 3967],
      ['2022-07-01', '2022-12-31', 100_000, 8, 4033],
      ['2023-01-01', '2023-01-01', 108_000, 10.5, 31],
    ]);
    expect(r.totalCents).toBe(8031);
    // One day earlier no second year begins.
    expect(run('nl', 'business', 'commercial', '2022-01-01', '2022-12-31').breakdown.every((l) => !l.unknown && l.baseCents === 100_000)).toBe(true);
  });

  it('BE: no compounding, every line on the principal even after a year', () => {
    const r = run('be', 'business', 'commercial', '2022-01-01', '2023-01-01');
    expect(r.breakdown.map((l) => !l.unknown && l.baseCents)).toEqual([100_000, 100_000, 100_000]);
    expect(r.compounding).toBe('none');
  });
});

describe('ratePeriodStart', () => {
  it('half-year tables: 1 January up to 30 June, 1 July from then on; year tables: 1 January', () => {
    expect(ratePeriodStart(BE_COMMERCIAL_RATES, '2026-06-30')).toBe('2026-01-01');
    expect(ratePeriodStart(BE_COMMERCIAL_RATES, '2026-07-01')).toBe('2026-07-01');
    expect(ratePeriodStart(NL_LEGAL_RATES, '2026-12-31')).toBe('2026-07-01');
    expect(ratePeriodStart(BE_LEGAL_RATES, '2026-12-31')).toBe('2026-01-01');
  });
});

describe('a rate typed for a period past the table', () => {
  it('BE legal rate for 2027 (a year table): the line is labelled with the period start and marked as typed', () => {
    // 1000 × 4.5 % × 365/365 = 45.00.
    const r = run('be', 'consumer', 'legal', '2027-01-01', '2027-12-31', { userRates: { '2027-01-01': 4.5 } });
    expect(r.breakdown).toHaveLength(1);
    expect(r.breakdown[0]).toMatchObject({ unknown: false, label: '2027-01-01', ratePercent: 4.5, amountCents: 4500, origin: 'user', status: 'unverified' });
    expect(r.totalCents).toBe(4500);
  });

  it('its source says it was typed and points nowhere, in Belgian and in Dutch usage', () => {
    const be = run('be', 'business', 'commercial', '2026-07-01', '2026-07-31', { userRates: { '2026-07-01': 10 } }).breakdown[0];
    const nl = run('nl', 'business', 'commercial', '2026-07-01', '2026-07-31', { userRates: { '2026-07-01': 10 } }).breakdown[0];
    for (const line of [be, nl]) {
      expect(line?.unknown).toBe(false);
      if (line?.unknown !== false) throw new Error('line should be known');
      expect(line.source).toMatchObject({ url: null, official: false, language: 'nl', ref: 'legal-facts.md §7' });
      expect(line.sources).toEqual([line.source]);
    }
    expect(be?.unknown === false && be.source.title).toBe('Interestvoet zelf ingevuld volgens de wettelijke berekening; nog niet gevonden in het Belgisch Staatsblad');
    expect(nl?.unknown === false && nl.source.title).toBe('Rentevoet zelf ingevuld volgens de wettelijke berekening; nog niet gevonden in een officiële bekendmaking');
  });

  it('the note names the typed rate in each country’s words', () => {
    const note = (j: Jurisdiction) => run(j, 'business', 'commercial', '2026-07-01', '2026-07-31', { userRates: { '2026-07-01': 10 } }).notes.find((n) => n.id === 'zelf-ingevulde-rentevoet');
    expect(note('be')?.text).toMatch(/^Voor minstens één periode rekenen we met een interestvoet die u zelf invulde, omdat wij het officiële cijfer nog niet kennen\. De wet bepaalt het zo: de rentevoet van de Europese Centrale Bank/);
    expect(note('nl')?.text).toMatch(/^Voor minstens één periode rekenen we met een rentepercentage dat u zelf invulde, .*zonder afronding/);
    expect(note('nl')?.status).toBe('unverified');
  });
});

describe('missingRateHelp', () => {
  it('names the first half of the year in Belgian and in Dutch words', () => {
    expect(missingRateHelp(BE_COMMERCIAL_RATES, '2027-01-01')).toMatch(/^De interestvoet voor het eerste semester van 2027 kennen wij nog niet\. De wet bepaalt hem zo: /);
    expect(missingRateHelp(NL_LEGAL_RATES, '2027-01-01')).toMatch(/^De rentevoet voor het eerste halfjaar van 2027 kennen wij nog niet\./);
  });

  it('says where to look, with the address only when there is one', () => {
    const text = missingRateHelp(NL_COMMERCIAL_RATES, '2026-07-01');
    expect(text).toContain(`Zoek het gepubliceerde cijfer op bij ${NL_COMMERCIAL_RATES.reference.title} (${NL_COMMERCIAL_RATES.reference.url}) en vul het in; wij rekenen het dan als zelf ingevuld.`);
    const noAddress = missingRateHelp({ ...BE_LEGAL_RATES, reference: { ...BE_LEGAL_RATES.reference, url: null } }, '2027-01-01');
    expect(noAddress).toContain(`Zoek het gepubliceerde cijfer op bij ${BE_LEGAL_RATES.reference.title} en vul het in`);
    expect(noAddress).not.toContain('(http');
  });
});

describe('the notes each debtor gets', () => {
  // Spans whose rates are all verified, so only the notes of the case itself appear.
  it.each([
    ['be', 'business', 'commercial', '2023-02-01', ['dagtelling', 'be-semesters']],
    ['be', 'business', 'legal', '2020-02-01', ['dagtelling', 'be-b2b-geen-wettelijke']],
    ['be', 'consumer', 'commercial', '2023-02-01', ['dagtelling', 'be-semesters', 'be-b2c-maximum', 'be-b2c-begin']],
    ['be', 'consumer', 'legal', '2020-02-01', ['dagtelling', 'be-wettelijk-ingebrekestelling']],
    ['nl', 'business', 'commercial', '2022-02-01', ['dagtelling', 'nl-rente-op-rente']],
    ['nl', 'business', 'legal', '2022-02-01', ['dagtelling', 'nl-rente-op-rente', 'nl-b2b-handelsrente', 'nl-verzuim']],
    ['nl', 'consumer', 'legal', '2022-02-01', ['dagtelling', 'nl-rente-op-rente', 'nl-verzuim']],
  ] as const)('%s %s %s', (j, c, k, from, ids) => {
    const r = run(j, c, k, from, from.replace('-02-01', '-03-01'));
    expect(r.breakdown.every((l) => !l.unknown && l.status === 'verified')).toBe(true);
    expect(r.notes.map((n) => n.id)).toEqual(ids);
  });

  it('an unverified rate adds the request to check it', () => {
    expect(run('be', 'business', 'commercial', '2024-02-01', '2024-03-01').notes.map((n) => n.id)).toEqual(['dagtelling', 'be-semesters', 'voorlopige-rentevoet']);
  });

  const TEXTS: Record<string, RegExp> = {
    'be-semesters': /^Per semester geldt de rentevoet van dat semester/,
    'be-b2b-geen-wettelijke': /niet de wettelijke interestvoet maar de interestvoet van de wet van 2 augustus 2002/,
    'be-b2c-maximum': /^Bij een consument is dit het maximum: .*wachttermijn van 14 dagen\.$/,
    'be-b2c-begin': /vanaf de vervaldag mag lopen, of pas na de wachttermijn van 14 dagen, is niet uitgeklaard/,
    'be-wettelijk-ingebrekestelling': /^Let op: de bronnen spreken elkaar hier tegen\..*vanaf de ingebrekestelling/,
    'nl-rente-op-rente': /^Na elk vol jaar wordt de rente van dat jaar bij de hoofdsom opgeteld \(rente op rente, art\. 6:119 lid 2 en 6:119a lid 3 BW\)\.$/,
    'nl-b2b-handelsrente': /^Bij een handelsovereenkomst geldt de wettelijke handelsrente/,
    'nl-verzuim': /^De wettelijke rente loopt vanaf het verzuim/,
  };
  it('each note says its point in Dutch and cites a Dutch source', () => {
    const all = [
      run('be', 'business', 'legal', '2020-02-01', '2020-03-01'),
      run('be', 'consumer', 'commercial', '2023-02-01', '2023-03-01'),
      run('be', 'consumer', 'legal', '2020-02-01', '2020-03-01'),
      run('nl', 'business', 'legal', '2022-02-01', '2022-03-01'),
    ].flatMap((r) => r.notes);
    for (const [id, text] of Object.entries(TEXTS)) {
      const note = all.find((n) => n.id === id);
      expect(note?.text, id).toMatch(text);
      expect(note?.sources.length, id).toBeGreaterThan(0);
      for (const s of note?.sources ?? []) expect(s.language, id).toBe('nl');
    }
  });

  it('the day-count note calls Belgian interest simple and Dutch interest compounded per year', () => {
    const text = (j: Jurisdiction, c: CustomerType, k: InterestKind) => run(j, c, k, '2023-02-01', '2023-03-01').notes.find((n) => n.id === 'dagtelling')?.text;
    expect(text('be', 'business', 'commercial')).toBe(
      'Berekend als enkelvoudige interest: werkelijk aantal dagen gedeeld door 365, ook in een schrikkeljaar. Elke regel is afgerond op de cent (half naar boven). De bronnen schrijven geen dagtelling voor.',
    );
    expect(text('nl', 'consumer', 'legal')).toMatch(/^Berekend per dag binnen elk jaar: werkelijk aantal dagen gedeeld door 365/);
  });

  it('an unknown period explains itself in Dutch', () => {
    const r = run('be', 'business', 'commercial', '2027-01-01', '2027-01-31');
    expect(r.breakdown[0]).toMatchObject({ unknown: true, explanation: 'Geen gepubliceerde rentevoet in onze tabel voor 2027-01-01 t/m 2027-01-31; deze periode is niet berekend.' });
    expect(run('be', 'business', 'commercial', '2026-07-01', '2026-07-31').breakdown[0]).toMatchObject({
      unknown: true,
      explanation: 'De rentevoet voor 2026 H2 is nog niet bekend; 2026-07-01 t/m 2026-07-31 is niet berekend.',
    });
    // NL, a year with an unknown half: the next year's base is unknown too (rente op rente).
    const src = NL_LEGAL_RATES.sources;
    const table: RateTable = {
      ...NL_LEGAL_RATES,
      periods: [
        { label: 'A', validFrom: '2030-01-01', validTo: '2030-06-30', ratePercent: null, status: 'unknown', confidence: 'n/a', sources: src },
        { label: 'B', validFrom: '2030-07-01', validTo: '2031-12-31', ratePercent: 4, status: 'verified', confidence: 'high', sources: src },
      ],
    };
    const next = interestLines(table, 100_000, '2030-01-01', '2031-01-31').at(-1);
    expect(next).toMatchObject({ unknown: true, reason: 'base-depends-on-unknown-period', explanation: 'De rente over 2031-01-01 t/m 2031-01-31 hangt af van een eerdere periode waarvan de rentevoet onbekend is (rente op rente).' });
  });
});

describe('interestKindsFor: the labels a form shows', () => {
  it('in Dutch usage for the Netherlands and Belgian usage for Belgium', () => {
    expect(interestKindsFor('nl', 'business')).toEqual([{ kind: 'commercial', label: 'Wettelijke handelsrente' }]);
    expect(interestKindsFor('nl', 'consumer')).toEqual([{ kind: 'legal', label: 'Wettelijke rente' }]);
    expect(interestKindsFor('be', 'business')).toEqual([{ kind: 'commercial', label: 'Nalatigheidsinteresten (wet van 2 augustus 2002)' }]);
    expect(interestKindsFor('be', 'consumer')).toEqual([
      { kind: 'legal', label: 'Wettelijke interestvoet (zonder contractueel schadebeding)' },
      { kind: 'commercial', label: 'Maximale contractuele nalatigheidsinterest (interestvoet van de wet van 2 augustus 2002)' },
    ]);
  });
});

describe('what a period needs before its rate is used', () => {
  const src = NL_LEGAL_RATES.sources;
  const table = (periods: RateTable['periods'], compounding: RateTable['compounding'] = 'none'): RateTable => ({ ...NL_LEGAL_RATES, compounding, periods });

  it('a period marked unknown is not used even when a figure is noted, nor a period without a figure', () => {
    const t = table([
      { label: 'A', validFrom: '2030-01-01', validTo: '2030-06-30', ratePercent: 5, status: 'unknown', confidence: 'n/a', sources: src },
      { label: 'B', validFrom: '2030-07-01', validTo: '2030-12-31', ratePercent: null, status: 'unverified', confidence: 'low', sources: src },
    ]);
    expect(lines(interestLines(t, 100_000, '2030-06-01', '2030-07-31'))).toEqual([
      ['2030-06-01', '2030-06-30', 'rate-not-yet-known'],
      ['2030-07-01', '2030-07-31', 'rate-not-yet-known'],
    ]);
  });

  it('NL: a typed rate cannot stand in while an earlier year is unknown (its base is unknown)', () => {
    // 2030 H1 unknown and not typed; 2031 H1 unknown but typed: the 2031 base holds the unknown 2030 interest.
    const t = table(
      [
        { label: 'A', validFrom: '2030-01-01', validTo: '2030-06-30', ratePercent: null, status: 'unknown', confidence: 'n/a', sources: src },
        { label: 'B', validFrom: '2030-07-01', validTo: '2030-12-31', ratePercent: 4, status: 'verified', confidence: 'high', sources: src },
        { label: 'C', validFrom: '2031-01-01', validTo: '2031-06-30', ratePercent: null, status: 'unknown', confidence: 'n/a', sources: src },
      ],
      'yearly',
    );
    const r = interestLines(t, 100_000, '2030-01-01', '2031-01-31', { '2031-01-01': 4 });
    // (Its reason reads 'rate-not-yet-known' although the rate was typed: the base is what is missing.)
    expect(r.map((l) => (l.unknown ? 'unknown' : l.origin))).toEqual(['unknown', 'table', 'unknown']);
  });
});

describe('lines on the rate grid', () => {
  it('a calculation that ends on the first day of a semester ends with a one-day line at the new rate', () => {
    // 2023 H1 10.5 %, 2023 H2 12 %: 30 d × 10.5 % on 1000 → 8.63; 1 d × 12 % → 0.33.
    const r = run('be', 'business', 'commercial', '2023-06-01', '2023-07-01');
    expect(lines(r.breakdown)).toEqual([
      ['2023-06-01', '2023-06-30', 100_000, 10.5, 863],
      ['2023-07-01', '2023-07-01', 100_000, 12, 33],
    ]);
  });

  it('the Belgian legal rate is set per calendar year: one line for a whole year', () => {
    // 2023: 5.25 % × 365/365 on 1000 = 52.50.
    expect(lines(run('be', 'consumer', 'legal', '2023-01-01', '2023-12-31').breakdown)).toEqual([['2023-01-01', '2023-12-31', 100_000, 5.25, 5250]]);
  });

  it('past the table, each unknown rate period is its own line (per semester, or per year for the Belgian legal rate)', () => {
    expect(lines(run('be', 'business', 'commercial', '2027-01-01', '2027-12-31').breakdown)).toEqual([
      ['2027-01-01', '2027-06-30', 'no-rate-in-table'],
      ['2027-07-01', '2027-12-31', 'no-rate-in-table'],
    ]);
    expect(lines(run('be', 'consumer', 'legal', '2027-06-01', '2028-06-30').breakdown)).toEqual([
      ['2027-06-01', '2027-12-31', 'no-rate-in-table'],
      ['2028-01-01', '2028-06-30', 'no-rate-in-table'],
    ]);
  });

  it('names no single rate when no rate is known at all', () => {
    expect(singleRatePercent(run('be', 'business', 'commercial', '2027-01-01', '2027-03-31'))).toBeNull();
  });
});

describe('lettersSources: what a Dutch letter may cite', () => {
  const s = (title: string, language: 'nl' | 'fr' | 'en', official: boolean) => ({ title, url: `https://example.org/${title}`, ref: 'test', official, language });

  it('only official Dutch-language sources, in their order', () => {
    const list = [s('fr-official', 'fr', true), s('nl-blog', 'nl', false), s('nl-official-1', 'nl', true), s('nl-official-2', 'nl', true)];
    expect(lettersSources(list, BE_COMMERCIAL_RATES).map((x) => x.title)).toEqual(['nl-official-1', 'nl-official-2']);
  });

  it('without one, the official page of the table instead of a blog or a French text', () => {
    expect(lettersSources([s('nl-blog', 'nl', false), s('fr-official', 'fr', true)], NL_COMMERCIAL_RATES)).toEqual([NL_COMMERCIAL_RATES.reference]);
    expect(lettersSources([], BE_LEGAL_RATES)).toEqual([BE_LEGAL_RATES.reference]);
  });
});

describe('notes: status, and when the "check this rate" notes appear', () => {
  const notes = (r: ReturnType<typeof run>) => Object.fromEntries(r.notes.map((n) => [n.id, n.status]));

  it('each note carries the status of the fact it states', () => {
    expect(notes(run('be', 'consumer', 'legal', '2020-02-01', '2020-03-01'))).toEqual({ dagtelling: 'unverified', 'be-wettelijk-ingebrekestelling': 'unverified' });
    expect(notes(run('be', 'business', 'legal', '2020-02-01', '2020-03-01'))).toEqual({ dagtelling: 'unverified', 'be-b2b-geen-wettelijke': 'verified' });
    expect(notes(run('nl', 'business', 'legal', '2022-02-01', '2022-03-01'))).toEqual({
      dagtelling: 'unverified',
      'nl-rente-op-rente': NL.yearlyCompounding.status,
      'nl-b2b-handelsrente': 'verified',
      'nl-verzuim': 'verified',
    });
    expect(notes(run('be', 'consumer', 'commercial', '2023-02-01', '2023-03-01'))).toMatchObject({
      'be-semesters': BE_B2B.rateFollowsRunningSemester.status,
      'be-b2c-maximum': BE_B2C.maxInterestIsCommercialRate.status,
      'be-b2c-begin': BE_B2C.interestAccrualStart.status,
    });
  });

  it('one unverified rate among verified ones is enough to ask for a check', () => {
    // 2022 H2 (8 %, unverified) then 2023 H1 (10.5 %, verified).
    const r = run('be', 'business', 'commercial', '2022-12-01', '2023-01-31');
    expect(r.breakdown.map((l) => !l.unknown && l.status)).toEqual(['unverified', 'verified']);
    const note = r.notes.find((n) => n.id === 'voorlopige-rentevoet');
    expect(note).toMatchObject({ status: 'unverified', sources: [BE_COMMERCIAL_RATES.reference] });
  });

  it('a typed rate is not a table rate to check: only the typed-rate note, with the formula sources', () => {
    const r = run('be', 'business', 'commercial', '2027-01-01', '2027-03-31', { userRates: { '2027-01-01': 10 } });
    expect(r.notes.map((n) => n.id)).toEqual(['dagtelling', 'be-semesters', 'zelf-ingevulde-rentevoet']);
    const note = r.notes.at(-1);
    expect(note?.status).toBe('unverified');
    expect(note?.sources).toEqual(lettersSources([BE_COMMERCIAL_RATES.reference, ...BE_COMMERCIAL_RATES.formulaSources], BE_COMMERCIAL_RATES));
    // Unknown lines alone ask for neither.
    expect(run('be', 'business', 'commercial', '2027-01-01', '2027-03-31').notes.map((n) => n.id)).toEqual(['dagtelling', 'be-semesters']);
  });
});
