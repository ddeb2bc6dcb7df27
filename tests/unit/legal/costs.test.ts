import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BE_B2B, BE_B2C, NL, applicableCosts, beB2bCompensationCents, beConsumerDamagesCapCents, beConsumerReminderFeeCapCents, nlCollectionCostsCents } from '../../../src/legal/index.ts';
import { eurToCents, examples, firstTable, flat, section } from './facts.ts';

const EUR = (e: number) => Math.round(e * 100);

describe('BE B2B fixed compensation', () => {
  it('is EUR 40 (legal-facts.md §1.3)', () => {
    expect(beB2bCompensationCents()).toBe(4000);
    expect(flat('### 1.3')).toMatch(/^### 1\.3 [^\n]*- \*\*EUR 40\*\*, due by law/);
  });
});

describe('BE B2C cap on the fixed compensation (art. XIX.4 WER, legal-facts.md §2.4)', () => {
  it('matches the band figures in the document table', () => {
    const rows = firstTable(section('### 2.4')).map((r) => r.join(' | '));
    expect(rows).toEqual([
      'up to EUR 150.00 | EUR 20',
      'EUR 150.01 to EUR 500.00 | EUR 30 + 10 % of (S − 150)',
      'above EUR 500.00 | EUR 65 + 5 % of (S − 500), never above EUR 2,000',
    ]);
    const c = BE_B2C.damagesCap.value;
    expect([c.flatUpToCents, c.flatCapCents, c.middleUpToCents, c.middleBaseCents, c.middlePercent, c.topBaseCents, c.topPercent, c.maxCents]).toEqual([
      15000, 2000, 50000, 3000, 10, 6500, 5, 200000,
    ]);
  });

  it('has five worked examples', () => expect(examples(section('### 2.4'), 1).length).toBe(5));
  it.each(examples(section('### 2.4'), 1))('document example: %i ct → %i ct', (amount, cap) => {
    expect(beConsumerDamagesCapCents(amount)).toBe(cap);
  });

  it('reaches EUR 2,000 exactly at EUR 39,200, as the document says', () => {
    expect(flat('### 2.4')).toMatch(/ceiling is reached at a balance of EUR 39,200/);
    expect(beConsumerDamagesCapCents(EUR(39_200))).toBe(EUR(2000));
    expect(beConsumerDamagesCapCents(EUR(39_199.99))).toBe(EUR(1999.99)); // 65 + 5 % × 38,699.99 = 1,999.9995 → down
  });

  // Worked by hand: 30 + 10 % × (S − 150) and 65 + 5 % × (S − 500), rounded down to the cent.
  it.each([
    [150, 20],
    [150.01, 30], // 30 + 0.001 → 30.00: the cap jumps from 20 to 30 at the band edge
    [500, 65], // continuous: 30 + 35
    [500.01, 65], // 65 + 0.0005 → 65.00
    [2500, 165], // 65 + 100
    [5000, 290], // 65 + 225
    [10_000, 540], // 65 + 475
    [200_000, 2000], // capped
    [1_000_000, 2000], // capped
    [0, 20],
    [151, 30.1],
    [333.33, 48.33], // 30 + 18.333 → 48.33
  ])('EUR %d → EUR %d', (amount, cap) => {
    expect(beConsumerDamagesCapCents(EUR(amount))).toBe(EUR(cap));
  });

  it('never exceeds the formula, the EUR 2,000 cap, or drops below EUR 20; never decreases', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000_000 }), fc.integer({ min: 0, max: 10_000_000 }), (s, more) => {
        const cap = beConsumerDamagesCapCents(s);
        expect(cap).toBeGreaterThanOrEqual(2000);
        expect(cap).toBeLessThanOrEqual(200_000);
        expect(Number.isInteger(cap)).toBe(true);
        const exact = s <= 15000 ? 2000 : s <= 50000 ? 3000 + (s - 15000) * 0.1 : Math.min(200_000, 6500 + (s - 50000) * 0.05);
        expect(cap).toBeLessThanOrEqual(exact + 1e-9);
        expect(exact - cap).toBeLessThan(1);
        expect(beConsumerDamagesCapCents(s + more)).toBeGreaterThanOrEqual(cap);
      }),
      { numRuns: 1000 },
    );
  });

  it('rejects non-cent input', () => {
    expect(() => beConsumerDamagesCapCents(-1)).toThrow(RangeError);
    expect(() => beConsumerDamagesCapCents(100.5)).toThrow(RangeError);
  });
});

describe('BE B2C reminder fees (legal-facts.md §2.2)', () => {
  it('first reminder free, later ones at most EUR 7.50 plus postage', () => {
    expect(flat('### 2.2')).toMatch(/Each further reminder: at most \*\*EUR 7\.50\*\* plus the postage/);
    expect(flat('### 2.2')).toMatch(/The first reminder for a missed due date is \*\*free\*\*/);
    expect(beConsumerReminderFeeCapCents(1)).toBe(0);
    expect(beConsumerReminderFeeCapCents(1, 150)).toBe(0);
    expect(beConsumerReminderFeeCapCents(2)).toBe(750);
    expect(beConsumerReminderFeeCapCents(3, 196)).toBe(946);
    expect(() => beConsumerReminderFeeCapCents(0)).toThrow(RangeError);
  });
});

describe('NL WIK scale (Stb. 2012, 141; legal-facts.md §3.5)', () => {
  it('matches the staffel table, minimum and maximum in the document', () => {
    const s35 = flat('### 3.5');
    const rows = firstTable(section('### 3.5'));
    const sizes = rows.map((r) => /EUR ([\d,]+)/.exec(r[0] ?? '')?.[1]).map((x) => (x ? eurToCents(x) : null));
    const rates = rows.map((r) => Number(/^([\d.]+) %$/.exec(r[1] ?? '')?.[1]));
    const bands = NL.wik.value.bands;
    expect(rows.length).toBe(5);
    expect(bands.map((b) => (b.toCents === null ? null : b.toCents - b.fromCents))).toEqual(sizes);
    expect(bands.map((b) => b.percent)).toEqual(rates);
    expect(s35).toMatch(/Minimum \*\*EUR 40\*\*, maximum \*\*EUR 6,775\*\*/);
    expect(NL.wik.value.maxCents).toBe(677_500);
    expect(NL.wik.value.minCents).toBe(4000);
    expect(s35).toMatch(/Between businesses: at least \*\*EUR 40\*\*, due without a reminder/);
    expect(NL.b2bMinimumCollectionCents.value).toBe(4000);
  });

  it('has eight worked examples', () => expect(examples(section('### 3.5'), 1).length).toBe(8));
  it.each(examples(section('### 3.5'), 1))('document example: %i ct → %i ct', (amount, costs) => {
    expect(nlCollectionCostsCents(amount)).toBe(costs);
  });

  // Worked by hand from the bands.
  it.each([
    [0, 40],
    [266.66, 40], // 39.999 → minimum
    [266.67, 40], // 40.0005 → 40.00
    [266.74, 40.01],
    [1000.01, 150], // 150.0015 → 150.00
    [2500, 375],
    [2500.01, 375], // 375 + 0.001
    [5000, 625], // 375 + 250
    [10_000, 875], // 625 + 250
    [200_000, 2775], // 875 + 1,900
    [999_999.99, 6774.99], // 2,775 + 0.5 % × 799,999.99 = 6,774.99995 → down
    [1_000_000, 6775], // cap reached exactly
    [5_000_000, 6775],
  ])('EUR %d → EUR %d', (amount, costs) => {
    expect(nlCollectionCostsCents(EUR(amount))).toBe(EUR(costs));
  });

  it('stays between EUR 40 and EUR 6,775 and never decreases', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000_000 }), fc.integer({ min: 0, max: 100_000_000 }), (p, more) => {
        const c = nlCollectionCostsCents(p);
        expect(c).toBeGreaterThanOrEqual(4000);
        expect(c).toBeLessThanOrEqual(677_500);
        expect(nlCollectionCostsCents(p + more)).toBeGreaterThanOrEqual(c);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('applicableCosts', () => {
  it('BE business: the fixed EUR 40, with the per-invoice caveat', () => {
    const [item, ...rest] = applicableCosts({ jurisdiction: 'be', customerType: 'business', outstandingCents: 123_456 });
    expect(rest).toEqual([]);
    expect(item).toMatchObject({ id: 'be-b2b-forfait', nature: 'fixed', amountCents: 4000, status: 'verified' });
    expect(item?.conditions.join(' ')).toMatch(/niet nagekeken/);
  });

  it('BE consumer: the cap for the balance plus the reminder fee, and nothing before Boek XIX', () => {
    const items = applicableCosts({ jurisdiction: 'be', customerType: 'consumer', outstandingCents: 100_000 });
    expect(items.map((i) => [i.id, i.nature, i.amountCents])).toEqual([
      ['be-b2c-schadebeding', 'maximum', 9000],
      ['be-b2c-herinnering', 'maximum', 750],
    ]);
    const old = applicableCosts({ jurisdiction: 'be', customerType: 'consumer', outstandingCents: 100_000, defaultDate: '2023-08-31' });
    expect(old.map((i) => [i.amountCents, i.status])).toEqual([
      [null, 'unknown'],
      [null, 'unknown'],
    ]);
    const transition = applicableCosts({ jurisdiction: 'be', customerType: 'consumer', outstandingCents: 100_000, defaultDate: '2023-10-01' });
    expect(transition[0]?.amountCents).toBe(9000);
    expect(transition[0]?.conditions[0]).toMatch(/1 december 2023/);
    expect(applicableCosts({ jurisdiction: 'be', customerType: 'consumer', outstandingCents: 100_000, defaultDate: '2023-12-01' })[0]?.conditions[0]).not.toMatch(/december/);
  });

  it('NL business: EUR 40 minimum, the scale as a reference', () => {
    const items = applicableCosts({ jurisdiction: 'nl', customerType: 'business', outstandingCents: 1_000_000 });
    expect(items.map((i) => [i.id, i.nature, i.amountCents])).toEqual([
      ['nl-b2b-minimum', 'minimum', 4000],
      ['nl-wik', 'reference', 87_500],
    ]);
  });

  it('NL consumer: the scale as a maximum, after the 14-day letter', () => {
    const [item] = applicableCosts({ jurisdiction: 'nl', customerType: 'consumer', outstandingCents: 100_000 });
    expect(item).toMatchObject({ id: 'nl-wik', nature: 'maximum', amountCents: 15_000 });
    expect(item?.conditions.join(' ')).toMatch(/veertiendagenbrief/);
  });

  it('every item carries sources and Dutch conditions', () => {
    for (const jurisdiction of ['be', 'nl'] as const)
      for (const customerType of ['business', 'consumer'] as const)
        for (const i of applicableCosts({ jurisdiction, customerType, outstandingCents: 50_000 })) {
          expect(i.sources.length).toBeGreaterThan(0);
          expect(i.conditions.length).toBeGreaterThan(0);
          expect(Object.isFrozen(i)).toBe(true);
        }
  });
});

describe('applicableCosts: what each item tells the user', () => {
  const items = (jurisdiction: 'be' | 'nl', customerType: 'business' | 'consumer', extra: { defaultDate?: string } = {}) =>
    applicableCosts({ jurisdiction, customerType, outstandingCents: 100_000, ...extra });
  /** One pattern per condition, in order: each says the legal point of its line (legal-facts.md §1.3, §2.2, §2.4, §3.5, §3.6). */
  const says = (conditions: readonly string[], patterns: RegExp[]) => {
    expect(conditions).toHaveLength(patterns.length);
    patterns.forEach((p, i) => expect(conditions[i]).toMatch(p));
  };

  it('BE business: label, conditions and the sources of both facts', () => {
    const [item] = items('be', 'business');
    expect(item?.label).toBe('Forfaitaire schadevergoeding');
    says(item?.conditions ?? [], [/^Van rechtswege verschuldigd, zonder ingebrekestelling/, /^Bovenop de nalatigheidsinteresten/, /^Per factuur: .*niet nagekeken/]);
    expect(item?.sources).toEqual(expect.arrayContaining([...BE_B2B.fixedCompensationCents.sources, ...BE_B2B.fixedCompensationPerInvoice.sources]));
    expect(new Set(item?.sources).size).toBe(item?.sources.length);
  });

  it('BE consumer: labels, conditions (agreed clause, free first reminder, 14 days) and sources', () => {
    const [cap, fee] = items('be', 'consumer');
    expect(cap?.label).toBe('Maximale forfaitaire schadevergoeding (schadebeding)');
    says(cap?.conditions ?? [], [/^Alleen als uw contract of algemene voorwaarden dit schadebeding vooraf bevatten, en wederkerig\.$/, /gratis eerste herinnering en een wachttermijn van minstens 14 kalenderdagen/, /^Vermeld het bedrag al in de eerste herinnering\.$/]);
    expect(cap?.status).toBe(BE_B2C.damagesCap.status);
    expect(cap?.sources).toEqual(expect.arrayContaining([...BE_B2C.damagesCap.sources, ...BE_B2C.clauseMustBeAgreedAndReciprocal.sources]));
    expect(fee?.label).toBe('Kosten per volgende herinnering');
    says(fee?.conditions ?? [], [/^De eerste herinnering voor een gemiste vervaldag is gratis\.$/, /hoogstens dit bedrag plus de portkosten/, /drie gemiste vervaldagen per kalenderjaar gratis/]);
    expect(fee?.status).toBe(BE_B2C.laterReminderMaxCents.status);
    expect(fee?.sources).toEqual(BE_B2C.laterReminderMaxCents.sources);
  });

  it('BE consumer before Boek XIX: says so first and gives no amount', () => {
    const [cap, fee] = items('be', 'consumer', { defaultDate: '2023-08-31' });
    expect(cap?.conditions[0]).toBe('Boek XIX WER geldt pas vanaf 1 september 2023; de regels voor een eerdere betalingsachterstand staan niet in deze module.');
    expect(cap?.conditions).toHaveLength(4);
    expect(fee?.amountCents).toBeNull();
    // From the day it applies, for every contract from 1 December 2023.
    expect(items('be', 'consumer', { defaultDate: '2023-09-01' })[0]?.conditions[0]).toBe('Voor contracten van vóór 1 september 2023 geldt Boek XIX pas voor betalingsachterstanden vanaf 1 december 2023.');
    expect(items('be', 'consumer', { defaultDate: '2023-11-30' })[0]?.amountCents).toBe(9000);
    expect(items('be', 'consumer', { defaultDate: '2023-12-01' })[0]?.conditions).toHaveLength(3);
  });

  it('NL business: the EUR 40 minimum without a reminder, and the scale as a guide', () => {
    const [minimum, scale] = items('nl', 'business');
    expect(minimum?.label).toBe('Incassokosten bij een handelsovereenkomst (minimum)');
    says(minimum?.conditions ?? [], [/^Zonder aanmaning verschuldigd vanaf de dag na de uiterste betaaldag \(art\. 6:96 lid 4 BW\)\.$/, /^Van dit minimum mag niet ten nadele van u worden afgeweken\.$/]);
    expect(minimum?.status).toBe(NL.b2bMinimumCollectionCents.status);
    expect(minimum?.sources).toEqual(NL.b2bMinimumCollectionCents.sources);
    expect(scale?.label).toBe('Incassokosten volgens de staffel (richtbedrag)');
    says(scale?.conditions ?? [], [/rechter kan hogere kosten matigen tot de staffel/, /^Berekend over de hoofdsom, zonder rente\.$/]);
    expect(scale?.sources).toEqual(expect.arrayContaining([...NL.wik.sources, ...NL.wikOnPrincipalOnly.sources]));
  });

  it('NL consumer: only after the veertiendagenbrief, with the exact amount named', () => {
    const [item] = items('nl', 'consumer');
    expect(item?.label).toBe('Buitengerechtelijke incassokosten (staffel)');
    says(item?.conditions ?? [], [/^Pas verschuldigd na een veertiendagenbrief: .*14 dagen om te betalen vanaf de dag na ontvangst\.$/, /^Noem in die brief het exacte bedrag/, /^Berekend over de hoofdsom, zonder rente\.$/, /btw/]);
    expect(item?.status).toBe(NL.wik.status);
    expect(item?.sources).toEqual(expect.arrayContaining([...NL.wik.sources, ...NL.fourteenDayLetterDays.sources, ...NL.wikOnPrincipalOnly.sources]));
    expect(new Set(item?.sources).size).toBe(item?.sources.length);
  });

  it('refuses an amount that is not whole cents, naming it', () => {
    expect(() => applicableCosts({ jurisdiction: 'nl', customerType: 'consumer', outstandingCents: -1 })).toThrow('outstandingCents moet een geheel aantal eurocent ≥ 0 zijn, niet -1.');
    expect(() => nlCollectionCostsCents(0.5)).toThrow('principalCents moet een geheel aantal eurocent ≥ 0 zijn, niet 0.5.');
    expect(() => beConsumerDamagesCapCents(-1)).toThrow(/^outstandingCents moet/);
  });

  it('reminder fees: a whole reminder number from 1, postage in whole cents', () => {
    expect(() => beConsumerReminderFeeCapCents(1.5)).toThrow('Herinneringsnummer moet ≥ 1 zijn, niet 1.5.');
    expect(() => beConsumerReminderFeeCapCents(0)).toThrow('Herinneringsnummer moet ≥ 1 zijn, niet 0.');
    expect(() => beConsumerReminderFeeCapCents(2, -1)).toThrow('postageCents moet een geheel aantal eurocent ≥ 0 zijn, niet -1.');
  });
});
