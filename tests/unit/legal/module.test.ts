import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as legal from '../../../src/legal/index.ts';
import { BE_B2B, BE_B2C, DISCLAIMER, EXPLANATIONS, NL, SOURCES, addDays, addYears, daysBetween, euro, explanationsFor, isIsoDate, percent, weekday } from '../../../src/legal/index.ts';
import type { Fact } from '../../../src/legal/index.ts';
import { LEGAL_FACTS, claim, docSources, flat } from './facts.ts';

const SRC_DIR = fileURLToPath(new URL('../../../src/legal/', import.meta.url));

const keyOf = new Map<unknown, string>(Object.entries(SOURCES).map(([k, v]) => [v, k]));

describe('sources = legal-facts.md §6', () => {
  const listed = docSources();
  it('the document lists exactly the sources the code has', () => {
    expect([...listed.keys()].sort()).toEqual(Object.keys(SOURCES).sort());
  });
  it.each(Object.entries(SOURCES))('%s: same title and address, and its section exists', (id, s) => {
    expect(listed.get(id)).toEqual({ title: s.title, url: s.url, official: s.official, language: s.language });
    const m = /^legal-facts\.md §(\d+\.\d+)$/.exec(s.ref);
    expect(m).not.toBeNull();
    expect(LEGAL_FACTS).toMatch(new RegExp(`^### ${(m?.[1] ?? '').replace('.', '\\.')} `, 'm'));
  });
  it('no address names a path on this machine', () => {
    for (const s of Object.values(SOURCES)) if (s.url !== null) expect(s.url).toMatch(/^https?:\/\//);
  });
});

/** Where docs/legal-facts.md records each rule fact. A new fact fails until it is documented. */
const WHERE: Record<string, string> = {
  'BE_B2B.interestStartsDayAfterDueDate': '### 1.1',
  'BE_B2B.noticeRequired': '### 1.1',
  'BE_B2B.appliesUnlessOtherRateAgreed': '### 1.1',
  'BE_B2B.rateFollowsRunningSemester': '### 1.1',
  'BE_B2B.fixedCompensationCents': '### 1.3',
  'BE_B2B.fixedCompensationPerInvoice': '### 1.3',
  'BE_B2B.reasonableExtraCostsAllowed': '### 1.3',
  'BE_B2B.defaultTermDays': '### 1.4',
  'BE_B2B.maxAgreedTermDays': '### 1.4',
  'BE_B2C.inForce': '### 2.1',
  'BE_B2C.existingContractsFrom': '### 2.1',
  'BE_B2C.firstReminderFree': '### 2.2',
  'BE_B2C.subscriptionFreeDueDatesPerYear': '### 2.2',
  'BE_B2C.laterReminderMaxCents': '### 2.2',
  'BE_B2C.waitDays': '### 2.2',
  'BE_B2C.electronicStartsDayAfterSending': '### 2.2',
  'BE_B2C.paperStartsOnWorkingDayAfterSending': '### 2.2',
  'BE_B2C.workingDayDefinition': '### 2.2',
  'BE_B2C.durableMediumRequired': '### 2.2',
  'BE_B2C.clauseMustBeAgreedAndReciprocal': '### 2.3',
  'BE_B2C.mandatoryMentions': '### 2.3',
  'BE_B2C.damagesCap': '### 2.4',
  'BE_B2C.maxInterestIsCommercialRate': '### 2.5',
  'BE_B2C.interestAccrualStart': '### 2.5',
  'NL.commercialInterestStartsDayAfterDueDate': '### 3.1',
  'NL.yearlyCompounding': '### 3.1',
  'NL.defaultTermDays': '### 3.4',
  'NL.longTermScrutinyAboveDays': '### 3.4',
  'NL.largeToSmeMaxTermDays': '### 3.4',
  'NL.b2bMinimumCollectionCents': '### 3.5',
  'NL.wik': '### 3.5',
  'NL.wikOnPrincipalOnly': '### 3.5',
  'NL.wikMandatoryForConsumers': '### 3.5',
  'NL.wikVatIncrease': '### 3.5',
  'NL.fourteenDayLetterDays': '### 3.6',
  'NL.fourteenDayLetterMustStateCosts': '### 3.6',
  'NL.atwAppliesToFourteenDayLetter': '### 3.6',
};

describe('rule facts', () => {
  const facts = Object.entries({ ...prefix('BE_B2B', BE_B2B), ...prefix('BE_B2C', BE_B2C), ...prefix('NL', NL) });
  it.each(facts)('%s has a status, a source and a sane validity period', (_name, f) => {
    expect(['verified', 'unverified', 'unknown']).toContain(f.status);
    expect(f.sources.length).toBeGreaterThan(0);
    if (f.validFrom !== null) expect(isIsoDate(f.validFrom)).toBe(true);
    if (f.validTo !== null) expect(isIsoDate(f.validTo)).toBe(true);
    if (f.status === 'unknown') expect(f.value).toBeNull();
  });

  it('every fact has its place in the document, and nothing is listed twice', () => {
    expect(Object.keys(WHERE).sort()).toEqual(facts.map(([name]) => name).sort());
  });

  it.each(facts)('%s: the document gives the same status, confidence and sources', (name, f) => {
    const keys = f.sources.map((s) => keyOf.get(s) ?? '?');
    expect(flat(WHERE[name] ?? '## none')).toContain(claim(f.status, f.confidence, keys));
  });

  it('flags what the document flags', () => {
    expect(BE_B2B.fixedCompensationPerInvoice.status).toBe('unverified'); // §1.3
    expect(BE_B2B.rateFollowsRunningSemester.status).toBe('unverified'); // §1.1
    expect(BE_B2C.interestAccrualStart.status).toBe('unknown'); // §2.5
    expect(BE_B2C.workingDayDefinition.status).toBe('unverified'); // §2.2
    expect(NL.atwAppliesToFourteenDayLetter.status).toBe('unknown'); // §3.6
    expect(NL.wikVatIncrease.status).toBe('unverified'); // §3.5
  });

  it('hand-copied figures, also stated in the document', () => {
    expect(BE_B2B.defaultTermDays.value).toBe(30);
    expect(BE_B2B.maxAgreedTermDays).toMatchObject({ value: 60, validFrom: '2022-02-01' });
    expect(flat('### 1.4')).toMatch(/Since \*\*1 February 2022\*\* .* at most \*\*60 calendar days\*\*/);
    expect(flat('### 1.4')).toMatch(/Nothing agreed: \*\*30 calendar days\*\*/);
    expect(BE_B2C.inForce.value).toBe('2023-09-01');
    expect(BE_B2C.existingContractsFrom.value).toBe('2023-12-01');
    expect(flat('### 2.1')).toMatch(/applies from \*\*1 September 2023\*\*.*from \*\*1 December 2023\*\*/);
    expect(BE_B2C.waitDays.value).toBe(14);
    expect(BE_B2C.paperStartsOnWorkingDayAfterSending.value).toBe(3);
    expect(flat('### 2.2')).toMatch(/at least \*\*14 calendar days\*\*/);
    expect(flat('### 2.2')).toMatch(/on the \*\*third working day\*\* after a paper letter is sent/);
    expect(flat('### 2.2')).toMatch(/reminders for \*\*3\*\* missed due dates per calendar year are free/);
    expect(BE_B2C.subscriptionFreeDueDatesPerYear.value).toBe(3);
    expect(BE_B2C.laterReminderMaxCents.value).toBe(750);
    expect(NL.largeToSmeMaxTermDays).toMatchObject({ value: 30, validFrom: '2022-07-01' });
    expect(NL.wik.validFrom).toBe('2012-07-01');
    expect(NL.fourteenDayLetterDays.value).toBe(14);
    expect(flat('### 3.6')).toMatch(/gives \*\*14 days\*\* to pay, counted from the day \*\*after receipt\*\*/);
    expect(flat('### 3.4')).toMatch(/Since \*\*1 July 2022\*\* a large company paying an SME may agree at most \*\*30 days\*\*/);
    expect(flat('### 3.5')).toMatch(/in force 1 July 2012/);
  });
});

describe('explanations', () => {
  it('cover both jurisdictions and both kinds of debtor', () => {
    for (const j of ['be', 'nl'] as const)
      for (const a of ['business', 'consumer'] as const) expect(explanationsFor(j, a).length).toBeGreaterThanOrEqual(3);
    expect(new Set(EXPLANATIONS.map((e) => e.id)).size).toBe(EXPLANATIONS.length);
  });

  it.each(EXPLANATIONS.map((e) => [e.id, e] as const))('%s: short, sourced, right vocabulary', (_id, e) => {
    expect(e.sources.length).toBeGreaterThan(0);
    expect(e.text.length).toBeLessThan(900);
    const all = [e.title, e.text, ...(e.points ?? []), ...e.caveats.map((c) => c.text)].join(' ');
    expect(all).not.toMatch(/\{|\}|undefined|NaN|null/);
    if (e.jurisdiction === 'be') {
      // Belgian usage, never the Dutch terms.
      expect(all).not.toMatch(/handelsrente|incassokosten|\bmkb\b|\bu heeft\b|(?<!gerechts)deurwaarder/i);
    } else {
      expect(all).not.toMatch(/nalatigheidsinterest|\bkmo\b|gerechtsdeurwaarder|\bu hebt\b|interestvoet/i);
    }
  });

  it('use the words the brief asks for', () => {
    const be = explanationsFor('be').map((e) => e.text).join(' ');
    const nl = explanationsFor('nl').map((e) => e.text).join(' ');
    for (const w of ['nalatigheidsinteresten', 'forfaitaire schadevergoeding', 'gerechtsdeurwaarder', 'kmo']) expect(be).toContain(w);
    for (const w of ['wettelijke handelsrente', 'wettelijke rente', 'incassokosten', 'deurwaarder']) expect(nl).toContain(w);
  });

  it('print figures from the data', () => {
    const caps = EXPLANATIONS.find((e) => e.id === 'be-b2c-plafond-schadevergoeding');
    expect(caps?.points).toEqual([
      'tot en met € 150: hoogstens € 20;',
      'van € 150,01 tot en met € 500: € 30 plus 10 % van het bedrag boven € 150;',
      'boven € 500: € 65 plus 5 % van het bedrag boven € 500, met een maximum van € 2.000.',
    ]);
    const wik = EXPLANATIONS.find((e) => e.id === 'nl-incassokosten-consument');
    expect(wik?.points).toEqual(['15 % over de eerste € 2.500;', '10 % over de volgende € 2.500;', '5 % over de volgende € 5.000;', '1 % over de volgende € 190.000;', '0,5 % over het meerdere.']);
    expect(wik?.text).toContain('€ 6.775');
    expect(DISCLAIMER.be).toMatch(/geen juridisch advies/);
    expect(DISCLAIMER.nl).toMatch(/geen juridisch advies/);
  });

  it('formats euros and percentages the Belgian/Dutch way', () => {
    expect(euro(4000)).toBe('€ 40');
    expect(euro(750)).toBe('€ 7,50');
    expect(euro(677_500)).toBe('€ 6.775');
    expect(euro(100_000_001)).toBe('€ 1.000.000,01');
    expect(percent(10.15)).toBe('10,15 %');
  });
});

describe('isomorphic module', () => {
  const files = readdirSync(SRC_DIR).filter((f) => f.endsWith('.ts'));
  it.each(files)('%s imports only sibling modules and date-holidays', (file) => {
    const text = readFileSync(SRC_DIR + file, 'utf8');
    const specifiers = [...text.matchAll(/(?:import|export)[^'"]*from\s+'([^']+)'/g)].map((m) => m[1]);
    for (const s of specifiers) expect(s === 'date-holidays' || /^\.\/[a-z-]+\.ts$/.test(s ?? '')).toBe(true);
    expect(text).not.toMatch(/\bprocess\.|\bBuffer\b|\brequire\(|node:/);
  });

  it('exposes the public API from index.ts', () => {
    for (const name of ['computeInterest', 'applicableCosts', 'deliveryDate', 'termEnd', 'earliestNextStep', 'isWorkingDay', 'nextWorkingDay', 'addDays', 'publicHolidays', 'EXPLANATIONS']) {
      expect(legal).toHaveProperty(name);
    }
  });
});

describe('date arithmetic', () => {
  it('rejects impossible dates', () => {
    for (const bad of ['2025-02-29', '2025-13-01', '2025-1-01', '01-01-2025', '', '2025-04-31']) expect(isIsoDate(bad)).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(() => addDays('2025-02-29', 1)).toThrow(RangeError);
    expect(() => addDays('2025-02-28', 1.5)).toThrow(RangeError);
  });

  it('steps over leap days, month ends and DST switches', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(weekday('2026-05-14')).toBe(4);
    expect(addYears('2024-02-29', 1)).toBe('2025-03-01');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });

  it('addDays and daysBetween are inverse', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 80_000 }), fc.integer({ min: -40_000, max: 40_000 }), (o, n) => {
        const d = addDays('1950-01-01', o);
        expect(daysBetween(d, addDays(d, n))).toBe(n);
        expect(isIsoDate(addDays(d, n))).toBe(true);
      }),
    );
  });
});

function prefix(name: string, obj: Record<string, Fact<unknown>>): Record<string, Fact<unknown>> {
  return Object.fromEntries(Object.entries(obj).map(([k, v]) => [`${name}.${k}`, v]));
}
