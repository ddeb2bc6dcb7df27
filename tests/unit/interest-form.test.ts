/**
 * The calculator form as typed (site/lib/interest-calc.ts parseForm): each wrong field gets its own
 * Dutch message and no result; what is right is read into the calculation's input exactly.
 */
import { describe, expect, it } from 'vitest';
import { customerOf, jurisdictionOf, localToday, MAX_REFERENCE, parseForm, type RawForm } from '../../src/site/lib/interest-calc.ts';

const TODAY = '2026-12-07';
const form = (over: Partial<RawForm>): RawForm => ({ bedrag: '1.234,56', vervaldag: '2026-01-31', betaaldag: '2026-04-30', land: 'be', klant: 'onderneming', soort: '', referentie: '', ...over });
const errors = (over: Partial<RawForm>) => {
  const parsed = parseForm(form(over), TODAY);
  return parsed.ok ? {} : parsed.errors;
};

describe('what is read', () => {
  it('amount in cents, both dates, the case and the first kind of interest for it', () => {
    expect(parseForm(form({ referentie: '  F-2026   0777 ' }), TODAY)).toEqual({
      ok: true,
      input: { principalCents: 123_456, dueDate: '2026-01-31', until: '2026-04-30', untilIsToday: false, jurisdiction: 'be', customerType: 'business', kind: 'commercial', reference: 'F-2026 0777', userRates: {} },
    });
  });

  it('an empty payment date is today', () => {
    expect(parseForm(form({ betaaldag: ' ' }), TODAY)).toMatchObject({ ok: true, input: { until: TODAY, untilIsToday: true } });
  });

  it('a Belgian consumer may choose the contractual rate; an unknown choice falls back to the first', () => {
    const consumer = { klant: 'consument', eersteHerinnering: '2026-02-20' };
    expect(parseForm(form({ ...consumer, soort: 'commercial' }), TODAY)).toMatchObject({ ok: true, input: { kind: 'commercial', customerType: 'consumer', firstReminder: '2026-02-20' } });
    expect(parseForm(form({ ...consumer, soort: 'iets' }), TODAY)).toMatchObject({ ok: true, input: { kind: 'legal' } });
    // A business in Belgium has one kind only: a consumer's choice does not carry over.
    expect(parseForm(form({ soort: 'legal' }), TODAY)).toMatchObject({ ok: true, input: { kind: 'commercial' } });
  });

  it('the URL words choose country and customer; anything else is Belgium and a business', () => {
    expect([jurisdictionOf('nl'), jurisdictionOf('NL'), jurisdictionOf(null), customerOf('consument'), customerOf(''), customerOf(undefined)]).toEqual(['nl', 'be', 'be', 'consumer', 'business', 'business']);
  });

  it('today is the local calendar date, zero-padded', () => {
    expect(localToday(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});

describe('each wrong field gets its own message', () => {
  it('the amount: empty, unreadable, zero, too large', () => {
    expect(errors({ bedrag: '' }).bedrag).toBe('Vul het openstaande bedrag in, bijvoorbeeld 1.234,56.');
    expect(errors({ bedrag: '12,345' }).bedrag).toBe('Schrijf het bedrag in euro, met een komma voor de centen, bijvoorbeeld 1.234,56.');
    expect(errors({ bedrag: '0,00' }).bedrag).toBe('Het bedrag moet groter zijn dan nul.');
    expect(errors({ bedrag: '1.000.000.001' }).bedrag).toBe('Dit bedrag is te groot om mee te rekenen.');
    expect(errors({ bedrag: '1.000.000.000' }).bedrag).toBeUndefined();
  });

  it('the due date: missing, or typed only in part', () => {
    expect(errors({ vervaldag: '' }).vervaldag).toBe('Vul de vervaldag van de factuur in.');
    expect(errors({ vervaldag: '', vervaldagOnvolledig: true }).vervaldag).toMatch(/\S/);
    expect(errors({ vervaldag: '', vervaldagOnvolledig: true }).vervaldag).not.toBe('Vul de vervaldag van de factuur in.');
  });

  it('a payment date on or before the due date, worded for a typed date and for today', () => {
    expect(errors({ betaaldag: '2026-01-31' }).betaaldag).toBe('De betaaldatum moet na de vervaldag liggen. Betaalde de klant op tijd, dan is er geen interest verschuldigd.');
    expect(errors({ betaaldag: '', vervaldag: '2026-12-31' }).betaaldag).toBe('Vandaag (7 december 2026) is de vervaldag nog niet voorbij. Vul een betaaldatum na de vervaldag in om vooruit te rekenen.');
    // While the due date is wrong, the payment date is not compared with it.
    expect(errors({ vervaldag: '', betaaldag: '2020-01-01' }).betaaldag).toBeUndefined();
  });

  it('a reference longer than 80 characters, counted after joining spaces', () => {
    expect(errors({ referentie: 'x'.repeat(MAX_REFERENCE + 1) }).referentie).toBe('Een referentie is hoogstens 80 tekens lang.');
    expect(errors({ referentie: `${'x'.repeat(40)}     ${'y'.repeat(39)}` }).referentie).toBeUndefined();
  });

  it('several wrong fields: every message at once, and no input', () => {
    const parsed = parseForm(form({ bedrag: 'abc', vervaldag: '', referentie: 'r'.repeat(81) }), TODAY);
    expect(parsed.ok).toBe(false);
    expect(Object.keys(parsed.ok ? {} : parsed.errors).sort()).toEqual(['bedrag', 'referentie', 'vervaldag']);
  });
});
