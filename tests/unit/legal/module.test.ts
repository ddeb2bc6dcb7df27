import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as legal from '../../../src/legal/index.ts';
import { BE_B2B, BE_B2C, DISCLAIMER, EXPLANATIONS, NL, SOURCES, addDays, addYears, daysBetween, euro, explanationsFor, isIsoDate, percent, weekday } from '../../../src/legal/index.ts';
import type { Fact } from '../../../src/legal/index.ts';
import { LEGAL_MD, section } from './facts.ts';

const SRC_DIR = fileURLToPath(new URL('../../../src/legal/', import.meta.url));

describe('sources', () => {
  it.each(Object.entries(SOURCES))('%s: its URL is quoted in legal.md', (_id, s) => {
    if (s.url !== null) expect(LEGAL_MD).toContain(s.url);
    expect(s.ref).toMatch(/^legal\.md §\d/);
    expect(s.title.length).toBeGreaterThan(3);
  });
});

describe('rule facts', () => {
  const facts = Object.entries({ ...prefix('BE_B2B', BE_B2B), ...prefix('BE_B2C', BE_B2C), ...prefix('NL', NL) });
  it.each(facts)('%s has a status, a source and a sane validity period', (_name, f) => {
    expect(['verified', 'unverified', 'unknown']).toContain(f.status);
    expect(f.sources.length).toBeGreaterThan(0);
    if (f.validFrom !== null) expect(isIsoDate(f.validFrom)).toBe(true);
    if (f.validTo !== null) expect(isIsoDate(f.validTo)).toBe(true);
    if (f.status === 'unknown') expect(f.value).toBeNull();
  });

  it('flags what legal.md flags', () => {
    expect(BE_B2B.fixedCompensationPerInvoice.status).toBe('unverified'); // §7.6
    expect(BE_B2B.rateFollowsRunningSemester.status).toBe('unverified'); // §7.8
    expect(BE_B2C.interestAccrualStart.status).toBe('unknown'); // §2.5, §7.5
    expect(BE_B2C.workingDayDefinition.status).toBe('unverified'); // §7.5
    expect(NL.atwAppliesToFourteenDayLetter.status).toBe('unknown'); // §7.11
    expect(NL.wikVatIncrease.status).toBe('unverified'); // §4.3 Medium
  });

  it('hand-copied figures from legal.md', () => {
    expect(BE_B2B.defaultTermDays.value).toBe(30);
    expect(BE_B2B.maxAgreedTermDays).toMatchObject({ value: 60, validFrom: '2022-02-01' });
    expect(section('### 1.4')).toMatch(/cannot exceed 60 calendar days/);
    expect(BE_B2C.inForce.value).toBe('2023-09-01');
    expect(BE_B2C.existingContractsFrom.value).toBe('2023-12-01');
    expect(section('### 2.1')).toMatch(/In force 1 September 2023.*from 1 December 2023/s);
    expect(BE_B2C.waitDays.value).toBe(14);
    expect(BE_B2C.paperStartsOnWorkingDayAfterSending.value).toBe(3);
    expect(section('### 2.2')).toMatch(/"ingaat op de \*\*derde werkdag\*\* na verzending/);
    expect(BE_B2C.subscriptionFreeDueDatesPerYear.value).toBe(3);
    expect(BE_B2C.laterReminderMaxCents.value).toBe(750);
    expect(NL.largeToSmeMaxTermDays).toMatchObject({ value: 30, validFrom: '2022-07-01' });
    expect(NL.wik.validFrom).toBe('2012-07-01');
    expect(NL.fourteenDayLetterDays.value).toBe(14);
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
