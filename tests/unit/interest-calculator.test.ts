/**
 * The calculator page's form and calculation (site/lib/interest-calc.ts, model/interest-calc.ts):
 * a rate we do not know can be typed per period, and a Belgian consumer's interest waits for the
 * term of the free first reminder. Amounts are worked out by hand: simple interest, days / 365.
 */
import { describe, expect, it } from 'vitest';
import { interestFrom } from '../../src/model/compute.ts';
import { calculate, parseForm, summarySentence, type RawForm } from '../../src/site/lib/interest-calc.ts';

const TODAY = '2026-12-07';
const form = (over: Partial<RawForm>): RawForm => ({ bedrag: '1.000', vervaldag: '2026-06-15', betaaldag: '2026-07-31', land: 'be', klant: 'onderneming', soort: '', referentie: '', ...over });
function calc(over: Partial<RawForm>) {
  const parsed = parseForm(form(over), TODAY);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return calculate(parsed.input);
}

describe('a period whose rate is unknown', () => {
  it('has no total, says which period is missing and offers a field with the legal formula', () => {
    // BE 2026 H2 is 'unknown' in src/legal: 16-30 June is computed, July is not.
    const c = calc({});
    expect(c.interest.totalCents).toBeNull();
    expect(c.totalCents).toBeNull();
    expect(c.missingRates).toEqual([{ periodStart: '2026-07-01', name: '2e semester 2026', help: expect.stringContaining('kennen wij nog niet') as string, typed: null }]);
    expect(c.missingRates[0]!.help).toContain('plus 8 procentpunt');
    expect(summarySentence(c)).toContain('geen totaal, want de interest voor het 2e semester 2026 ontbreekt');
  });

  it('counts a typed rate in the total and says it was typed', () => {
    // 16-30 June: 1.000 x 10,5 % x 15 / 365 = 4,315 -> 4,32; July: 1.000 x 3 % x 31 / 365 = 2,548 -> 2,55.
    const c = calc({ voeten: { '2026-07-01': '3' } });
    expect(c.interest.totalCents).toBe(687);
    expect(c.totalCents).toBe(100_000 + 687 + 4_000);
    expect(c.missingRates.map((m) => m.typed)).toEqual([3]);
    expect(summarySentence(c)).toContain('De interestvoet voor het 2e semester 2026 (3 %) is zelf ingevuld');
  });

  it('the Dutch rate from 1 July 2026 too, in Dutch usage', () => {
    const c = calc({ land: 'nl', klant: 'consument', betaaldag: '2026-08-30' });
    expect(c.missingRates.map((m) => [m.periodStart, m.name, m.typed])).toEqual([['2026-07-01', '2e halfjaar 2026', null]]);
    expect(c.missingRates[0]!.help).toMatch(/^De rentevoet voor het tweede halfjaar van 2026/);
    expect(summarySentence(c)).toContain('de rente voor het 2e halfjaar 2026 ontbreekt');
  });

  it('a typed rate that is no percentage gets a Dutch error on its own field; an empty one is no error', () => {
    expect(parseForm(form({ voeten: { '2026-07-01': 'abc' } }), TODAY)).toEqual({ ok: false, errors: { 'voet-2026-07-01': 'Schrijf een percentage als getal, bijvoorbeeld 10,5.' } });
    expect(parseForm(form({ voeten: { '2026-07-01': '3,333' } }), TODAY)).toMatchObject({ ok: false, errors: { 'voet-2026-07-01': expect.stringContaining('twee cijfers na de komma') as string } });
    expect(parseForm(form({ voeten: { '2026-07-01': '101' } }), TODAY)).toMatchObject({ ok: false, errors: { 'voet-2026-07-01': expect.stringContaining('tussen 0 en 100') as string } });
    expect(parseForm(form({ voeten: { '2026-07-01': ' ' } }), TODAY).ok).toBe(true);
  });
});

describe('a Belgian consumer', () => {
  const consumer = { klant: 'consument', vervaldag: '2026-01-31', betaaldag: '2026-04-30' };

  it('asks for the first reminder date, and only for a Belgian consumer', () => {
    expect(parseForm(form(consumer), TODAY)).toMatchObject({ ok: false, errors: { eersteHerinnering: expect.stringContaining('eerste (gratis) herinnering') as string } });
    expect(parseForm(form({ ...consumer, land: 'nl' }), TODAY).ok).toBe(true);
    expect(parseForm(form({ vervaldag: '2026-01-31', betaaldag: '2026-04-30' }), TODAY).ok).toBe(true);
  });

  it('interest starts the day after the reminder term, by the rule the letters use', () => {
    // Sent Friday 20 February 2026: the term ends 10 March, interest runs 11 March - 30 April = 51 days
    // at the wettelijke interestvoet 2026 of 4,5 %: 1.000 x 4,5 % x 51 / 365 = 6,287 -> 6,29.
    const c = calc({ ...consumer, eersteHerinnering: '2026-02-20' });
    expect([c.from, c.fromRule, c.interest.days, c.interest.totalCents]).toEqual(['2026-03-11', 'after-first-reminder', 51, 629]);
    expect(c.from).toBe(interestFrom({ factuur: { vervaldatum: '2026-01-31' }, dossier: { jurisdictie: 'be', klanttype: 'consument' }, data: { eersteHerinnering: '2026-02-20' } } as never));
  });

  it('a reminder whose term ended before the due date leaves the start at the day after the due date', () => {
    const c = calc({ ...consumer, eersteHerinnering: '2026-01-10' });
    expect([c.from, c.fromRule, c.interest.days]).toEqual(['2026-02-01', 'after-due', 89]);
  });

  it('a term still running on the payment date means no interest yet, said in words', () => {
    const c = calc({ ...consumer, eersteHerinnering: '2026-04-25' });
    expect([c.notYetRunning, c.interest.days, c.interest.totalCents]).toEqual([true, 0, 0]);
    expect(summarySentence(c)).toMatch(/^De interest loopt pas vanaf 13 mei 2026, de dag na de termijn van de eerste herinnering van 25 april 2026/);
  });
});
