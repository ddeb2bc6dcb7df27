/**
 * Interest and costs in letters, per case (issue 13 items 2 and 5): no total that silently leaves
 * the interest out, no single rate named for a span that had several, a Belgian consumer's
 * interest only after the first reminder's term, Dutch yearly compounding worded as such, and a
 * Dutch consumer charged the incassokosten (with btw) the veertiendagenbrief announced.
 */
import { describe, expect, it } from 'vitest';
import { interestPerInvoice, type CustomerGroup } from '../../src/bulk/group.ts';
import type { FillData } from '../../src/content/schema.ts';
import { computeInterest } from '../../src/legal/interest.ts';
import { earliestNextStep } from '../../src/legal/terms.ts';
import { compute, statutoryInterest } from '../../src/model/compute.ts';
import { fill } from '../../src/model/fill.ts';
import { renderText } from '../../src/render/text/index.ts';
import { usedPaths } from '../../src/site/lib/form-fields.ts';
import { testTemplate } from '../helpers/template.ts';

const LETTER = testTemplate({
  id: 'test-kosten',
  kind: 'brief',
  body: [
    'Nalatigheidsinteresten aan {{kosten.interestvoet}} per jaar: {{bedrag kosten.interest}}.',
    '',
    'Totaal: {{bedrag berekend.totaalTeBetalen}}.',
    '',
    'Incassokosten aangekondigd: {{bedrag berekend.incassokostenTotaal}}.',
    '',
    '::interestoverzicht Zo is de interest berekend:',
    '',
    '::betaalgegevens met-kosten',
  ].join('\n'),
});

const SENDER = { naam: 'Bakkerij De Gouden Korst', iban: 'BE68539007547034' };
type Case = { jurisdictie: 'be' | 'nl'; klanttype: 'onderneming' | 'consument' };
const data = (c: Case, vervaldatum: string, verzending: string, extra: Partial<FillData> = {}): FillData => ({
  dossier: c,
  afzender: SENDER,
  factuur: { nummer: 'F-1', vervaldatum, openstaand: 100_000 },
  ...extra,
  data: { verzending, ...extra.data },
});
const BE_B2B: Case = { jurisdictie: 'be', klanttype: 'onderneming' };
const BE_B2C: Case = { jurisdictie: 'be', klanttype: 'consument' };
const NL_B2B: Case = { jurisdictie: 'nl', klanttype: 'onderneming' };
const NL_B2C: Case = { jurisdictie: 'nl', klanttype: 'consument' };
/** The plain-text letter with its line wrapping undone. */
const text = (d: FillData) => renderText(fill(LETTER, d)).replace(/\s+/g, ' ');

describe('a rate unknown for part of the span', () => {
  // 1 June – 30 June 2026 at 10.5 %; from 1 July 2026 the Belgian rate is not known yet.
  const d = data(BE_B2B, '2026-05-31', '2026-08-14');

  it('leaves no total that silently omits the interest, and says why', () => {
    expect(compute(d)['berekend.totaalTeBetalen']).toBeUndefined();
    const out = text(d);
    expect(out).toContain('[interest niet berekend: de interestvoet van een periode is nog niet bekend; vul het bedrag zelf in]');
    expect(out).toContain('Totaal: [totaal nog niet bekend: vul eerst de ontbrekende bedragen in].');
    // The old silent total: principal + EUR 40 without interest.
    expect(out).not.toContain('€ 1.040,00');
    // The payment block and the QR code ask no amount either.
    expect(out).toMatch(/Te betalen: \[totaal nog niet bekend/);
    expect(fill(LETTER, d).epc).toBeNull();
    // The sentence names the known rate and marks the unknown period, never 10.5 % for the whole span.
    expect(out).toContain('aan de interestvoet die per periode gold (10,5 % tot en met 30 juni 2026, daarna interestvoet nog niet bekend) per jaar');
  });

  it('totals again once the user types the interest', () => {
    const typed = data(BE_B2B, '2026-05-31', '2026-08-14', { kosten: { interest: 1_234 } });
    expect(compute(typed)['berekend.totaalTeBetalen']).toBe(100_000 + 1_234 + 4_000);
    expect(text(typed)).toContain('Totaal: € 1.052,34.');
  });
});

describe('the rate named in a sentence', () => {
  it('names the rate per period when several applied, never the last one for the whole span', () => {
    // 1 June – 30 June 2025 at 11.5 %, 1 July – 14 August 2025 at 10.5 %.
    const out = text(data(BE_B2B, '2025-05-31', '2025-08-14'));
    expect(out).toContain('aan de interestvoet die per periode gold (11,5 % tot en met 30 juni 2025, daarna 10,5 %) per jaar');
    expect(out).not.toContain('aan 10,5 % per jaar');
  });

  it('names the one rate when one applied', () => {
    expect(text(data(BE_B2B, '2025-07-31', '2025-09-15'))).toContain('aan 10,5 % per jaar');
  });
});

describe('a Belgian consumer: interest only after the first reminder term (Boek XIX WER)', () => {
  const withoutReminder = data(BE_B2C, '2026-03-02', '2026-06-15', { kosten: { forfait: 2_000 } });

  it('prints no interest figure without the first reminder date, and says so', () => {
    expect(statutoryInterest(withoutReminder, 100_000)).toBeNull();
    expect(compute(withoutReminder)['berekend.totaalTeBetalen']).toBeUndefined();
    const out = text(withoutReminder);
    expect(out).toContain('[interest niet te berekenen zonder de datum van de eerste herinnering');
    expect(out).not.toMatch(/Nalatigheidsinteresten: € /);
  });

  it('asks for the first reminder date on the form of a Belgian consumer letter with interest', () => {
    expect(usedPaths({ ...LETTER, cases: ['be-consument'] }).has('data.eersteHerinnering')).toBe(true);
    expect(usedPaths({ ...LETTER, cases: ['be-onderneming'] }).has('data.eersteHerinnering')).toBe(false);
  });

  it('counts from the day after that reminder term, not from the day after the due date', () => {
    const d = data(BE_B2C, '2026-03-02', '2026-06-15', { kosten: { forfait: 2_000 }, data: { verzending: '2026-06-15', eersteHerinnering: '2026-03-10' } });
    const result = statutoryInterest(d, 100_000)!;
    const termEnd = earliestNextStep({ sentOn: '2026-03-10', channel: 'letter', jurisdiction: 'be', termDays: 14 }).termEnd;
    // Sent Tuesday 10 March: the term starts on the third working day (13 March) and runs 14 days.
    expect(termEnd).toBe('2026-03-26');
    expect(result.breakdown[0]!.periodStart).toBe('2026-03-27');
    // 27 March – 15 June 2026: 81 days at 4.5 % on EUR 1,000 = 9.986… → EUR 9.99.
    expect(result.totalCents).toBe(999);
    const fromDue = computeInterest({ principalCents: 100_000, from: '2026-03-03', to: '2026-06-15', jurisdiction: 'be', customerType: 'consumer', kind: 'legal' });
    expect(result.totalCents!).toBeLessThan(fromDue.totalCents!);
    expect(compute(d)['berekend.totaalTeBetalen']).toBe(100_000 + 999 + 2_000);
    expect(text(d)).toContain('Totaal: € 1.029,99.');
  });
});

describe('the Netherlands: yearly compounding (art. 6:119 lid 2, 6:119a lid 3 BW)', () => {
  it('adds the first year to the principal and never calls it simple interest', () => {
    // From 1 July 2024 to 30 September 2025: the second year runs on principal + year-one interest.
    const d = data(NL_B2B, '2024-06-30', '2025-09-30');
    const result = statutoryInterest(d, 100_000)!;
    const yearOne = result.breakdown.filter((l) => l.periodStart < '2025-07-01').reduce((s, l) => s + (l.unknown ? NaN : l.amountCents), 0);
    const last = result.breakdown.at(-1)!;
    expect(last.periodStart).toBe('2025-07-01');
    expect(last.unknown === false && last.baseCents).toBe(100_000 + yearOne);
    const out = text(d);
    expect(out).not.toMatch(/enkelvoudig/i);
    expect(out).toContain('na elk vol jaar wordt de rente van dat jaar bij de hoofdsom opgeteld');
    expect(result.notes.map((n) => n.text).join(' ')).not.toMatch(/enkelvoudig/i);
  });
});

describe('a Dutch consumer after the veertiendagenbrief', () => {
  it('is charged the incassokosten with btw that the veertiendagenbrief announced', () => {
    const d = data(NL_B2C, '2026-03-31', '2026-05-15', { kosten: { btwOpIncasso: 'ja' } });
    const computed = compute(d);
    // WIK: 15 % of EUR 1,000 = EUR 150, plus 21 % btw = EUR 181.50.
    expect(computed['berekend.incassokostenTotaal']).toBe(18_150);
    const interest = statutoryInterest(d, 100_000)!.totalCents!;
    expect(computed['berekend.totaalTeBetalen']).toBe(100_000 + interest + 18_150);
    const out = text(d);
    expect(out).toContain('Incassokosten: € 181,50');
    expect(out).toContain('Incassokosten aangekondigd: € 181,50.');
  });
});

describe('bulk mode, interest per invoice', () => {
  const group = (c: Case, dues: string[]) => ({ ...c, invoices: dues.map((vervaldatum, i) => ({ nummer: `F-${i}`, vervaldatum, openstaand: 100_000 })) }) as unknown as CustomerGroup;

  it('types no interest for a Belgian consumer, whose first reminder date a CSV does not hold', () => {
    expect(interestPerInvoice(group(BE_B2C, ['2025-03-31', '2025-04-30']), '2025-06-15')).toBeNull();
  });

  it('types a rate only when one rate applied to every invoice', () => {
    // Both spans in the first half of 2025 (11.5 %): one rate.
    expect(interestPerInvoice(group(BE_B2B, ['2025-03-31', '2025-04-30']), '2025-06-15')?.interestvoet).toBe(11.5);
    // The second half of 2025 brings 10.5 %: no single rate, so the letter does not name one.
    const mixed = interestPerInvoice(group(BE_B2B, ['2025-03-31', '2025-04-30']), '2025-08-15')!;
    expect(mixed.interest).toBeGreaterThan(0);
    expect(mixed.interestvoet).toBeUndefined();
  });
});
