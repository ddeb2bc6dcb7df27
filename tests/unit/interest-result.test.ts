/**
 * What the calculator page (/rekenhulp/) shows, read as text (site/lib/interest-result.ts): which
 * figure lands in which row, which words follow the country, and when each field speaks up.
 * Amounts are worked out by hand: simple interest, days / 365, rounded per period to the cent.
 */
import { describe, expect, it } from 'vitest';
import { annexDocument } from '../../src/render/pdf/annex.ts';
import { calculate, parseForm, type FieldName, type RawForm } from '../../src/site/lib/interest-calc.ts';
import {
  breakdownRows,
  breakdownTable,
  closingNotes,
  costLines,
  disclaimerForAnnex,
  firstInvalid,
  inputRows,
  introParts,
  pendingSummary,
  rateFields,
  ruleShown,
  singleKindText,
  totalRows,
  unknownWarning,
  visibleErrors,
  whyNotCounted,
} from '../../src/site/lib/interest-result.ts';

const TODAY = '2026-12-07';
const form = (over: Partial<RawForm>): RawForm => ({ bedrag: '1.000', vervaldag: '2026-01-31', betaaldag: '2026-04-30', land: 'be', klant: 'onderneming', soort: '', referentie: '', ...over });
function calc(over: Partial<RawForm> = {}) {
  const parsed = parseForm(form(over), TODAY);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return calculate(parsed.input);
}
const intro = (c: ReturnType<typeof calc>) => Object.values(introParts(c)).join('');

describe('a Belgian business debt with every rate known', () => {
  // 1 February - 30 April 2026 = 89 days at 10,5 % (1st semester 2026): 1.000 x 10,5 % x 89 / 365 = 25,603 -> 25,60.
  const c = calc();

  it('shows one row per period with its days, rate, base and interest in their own columns', () => {
    expect(breakdownTable(c).columns).toEqual(['Periode', 'Dagen', 'Interestvoet', 'Berekend over', 'Interest', 'Bron']);
    const [row, ...rest] = breakdownRows(c);
    expect(rest).toEqual([]);
    expect(row).toMatchObject({ period: '1 februari 2026 – 30 april 2026', name: '1e semester 2026', days: '89', base: '€ 1.000,00', amount: '€ 25,60' });
    expect(row!.rate?.text).toBe('10,5 %');
    expect(row!.sources.length).toBeGreaterThan(0);
    expect(breakdownTable(c)).toMatchObject({ days: '89', total: '€ 25,60' });
  });

  it('adds the EUR 40 the law sets and gives both totals', () => {
    expect(totalRows(c)).toEqual([
      { label: 'Openstaand bedrag (hoofdsom)', value: '€ 1.000,00' },
      { label: 'Interest', value: '€ 25,60' },
      { label: 'Forfaitaire schadevergoeding (vast bedrag)', value: '€ 40,00' },
      { label: 'Interest en kosten samen', value: '€ 65,60', total: 'extra' },
      { label: 'Totaal met de hoofdsom', value: '€ 1.065,60', total: 'all' },
    ]);
    expect(costLines(c)).toMatchObject([{ id: 'be-b2b-forfait', label: 'Forfaitaire schadevergoeding', amount: '€ 40,00', nature: ' (vast bedrag)' }]);
  });

  it('says from when, until when and how it was computed, and has nothing to add below the totals', () => {
    expect(introParts(c)).toEqual({
      before: 'Interest vanaf 1 februari 2026, de dag na de vervaldag, tot en met 30 april 2026, de betaaldatum: ',
      days: '89 dagen',
      after: '. Berekend als: nalatigheidsinteresten (wet van 2 augustus 2002).',
    });
    expect(unknownWarning(c)).toBeNull();
    expect(closingNotes(c)).toEqual({ noTotal: null, typed: '', notYet: null, leftOut: null });
  });

  it('prints the data it was computed from, the reference only when there is one', () => {
    expect(inputRows(c)).toEqual([
      ['Openstaand bedrag', '€ 1.000,00'],
      ['Vervaldag', '31 januari 2026'],
      ['Interest vanaf', '1 februari 2026 (de dag na de vervaldag)'],
      ['Tot en met', '30 april 2026 (de betaaldatum)'],
      ['Recht', 'België'],
      ['Klant', 'een onderneming (B2B)'],
      ['Soort interest', 'Nalatigheidsinteresten (wet van 2 augustus 2002)'],
    ]);
    expect(inputRows(calc({ referentie: '  F-2026  0777 ' })).at(-1)).toEqual(['Referentie', 'F-2026 0777']);
  });

  it('an empty payment date counts until today, and says so', () => {
    const today = calc({ betaaldag: '', vervaldag: '2026-11-30' });
    expect(inputRows(today)).toContainEqual(['Tot en met', '7 december 2026 (vandaag)']);
    expect(introParts(today).before).toContain('tot en met vandaag, 7 december 2026: ');
  });

  it('one day is "1 dag"', () => {
    expect(introParts(calc({ betaaldag: '2026-02-01' })).days).toBe('1 dag');
  });
});

describe('a period whose rate is unknown', () => {
  // 16-30 June 2026 is known (10,5 %: 1.000 x 10,5 % x 15 / 365 = 4,32); July is the 2nd semester 2026, not yet known.
  const c = calc({ vervaldag: '2026-06-15', betaaldag: '2026-07-31' });

  it('leaves that row without rate, base or amount and the table without a total', () => {
    const rows = breakdownRows(c);
    expect(rows.map((r) => [r.period, r.rate?.text ?? null, r.base, r.amount])).toEqual([
      ['16 juni 2026 – 30 juni 2026', '10,5 %', '€ 1.000,00', '€ 4,32'],
      ['1 juli 2026 – 31 juli 2026', null, '–', 'onbekend'],
    ]);
    expect(rows[1]!.sources).toEqual([]);
    expect(breakdownTable(c).total).toBe('onbekend');
  });

  it('gives no sum of interest and costs, and says which period is missing', () => {
    expect(totalRows(c).map((r) => [r.label, r.value])).toEqual([
      ['Openstaand bedrag (hoofdsom)', '€ 1.000,00'],
      ['Interest', 'onbekend'],
      ['Forfaitaire schadevergoeding (vast bedrag)', '€ 40,00'],
    ]);
    expect(totalRows(c).some((r) => r.total)).toBe(false);
    expect(closingNotes(c).noTotal).toBe('de interest voor het 2e semester 2026 ontbreekt, want de interestvoet is niet bekend. Vul hem in bij de gegevens om mee te rekenen.');
  });

  it('warns above the table, per period, in Belgian words', () => {
    expect(unknownWarning(c)).toEqual({
      heading: 'Geen totaal: voor één periode is de interestvoet onbekend.',
      lines: ['De interestvoet voor het 2e semester 2026 is nog niet bekend, dus 1 juli 2026 tot en met 31 juli 2026 is niet berekend.'],
      advice: 'We vullen nooit een interestvoet in die we niet kennen. Zoek de interestvoet voor die periode op bij een officiële bron voor u hem aanrekent, en vul hem in bij de gegevens hierboven: dan rekenen we hem mee.',
    });
  });

  it('a typed rate fills the row, is marked as typed and brings the totals back', () => {
    // July at 3 %: 1.000 x 3 % x 31 / 365 = 2,548 -> 2,55; interest 4,32 + 2,55 = 6,87.
    const typed = calc({ vervaldag: '2026-06-15', betaaldag: '2026-07-31', voeten: { '2026-07-01': '3' } });
    const july = breakdownRows(typed)[1]!;
    expect([july.rate, july.amount]).toEqual([{ text: '3 %', note: 'typed' }, '€ 2,55']);
    expect(breakdownRows(typed)[0]!.rate?.note).not.toBe('typed');
    expect(totalRows(typed).filter((r) => r.total)).toEqual([
      { label: 'Interest en kosten samen', value: '€ 46,87', total: 'extra' },
      { label: 'Totaal met de hoofdsom', value: '€ 1.046,87', total: 'all' },
    ]);
    expect(closingNotes(typed)).toMatchObject({ noTotal: null, typed: 'De interestvoet voor het 2e semester 2026 (3 %) is zelf ingevuld, niet uit onze tabel.' });
    expect(unknownWarning(typed)).toBeNull();
  });

  it('offers one field per unknown period, labelled in the words of the country', () => {
    const { key, fields } = rateFields(c.missingRates, 'be');
    expect(key).toBe('be:2026-07-01');
    expect(fields).toEqual([{ id: 'interest-voet-2026-07-01', period: '2026-07-01', label: 'Interestvoet voor het 2e semester 2026 (% per jaar)', help: c.missingRates[0]!.help }]);
    expect(rateFields(c.missingRates, 'nl').fields[0]!.label).toMatch(/^Rentevoet voor /);
    expect(rateFields([], 'nl')).toEqual({ key: 'nl:', fields: [] });
  });
});

describe('Dutch usage for the Netherlands', () => {
  it('a consumer: "rente", the WIK scale as a legal maximum counted in the total', () => {
    // 89 days at the wettelijke rente of 4 %: 1.000 x 4 % x 89 / 365 = 9,753 -> 9,75; scale 15 % of 1.000 = 150.
    const c = calc({ land: 'nl', klant: 'consument' });
    expect(breakdownTable(c).columns).toEqual(['Periode', 'Dagen', 'Rentevoet', 'Berekend over', 'Rente', 'Bron']);
    expect(breakdownRows(c).map((r) => [r.name, r.rate?.text, r.amount])).toEqual([['1e halfjaar 2026', '4 %', '€ 9,75']]);
    expect(inputRows(c)).toContainEqual(['Soort rente', 'Wettelijke rente']);
    expect(intro(c)).toMatch(/^Rente vanaf 1 februari 2026/);
    expect(totalRows(c).at(-1)).toEqual({ label: 'Totaal met de hoofdsom', value: '€ 1.159,75', total: 'all' });
  });

  it('a business: the EUR 40 minimum counts, the scale is named and left out with its reason', () => {
    // 89 days at the wettelijke handelsrente of 10,15 %: 1.000 x 10,15 % x 89 / 365 = 24,749 -> 24,75.
    const c = calc({ land: 'nl' });
    expect(totalRows(c).map((r) => r.value)).toEqual(['€ 1.000,00', '€ 24,75', '€ 40,00', '€ 64,75', '€ 1.064,75']);
    // The labels already say "minimum" and "richtbedrag": no second word in brackets.
    expect(costLines(c).map((l) => [l.id, l.nature])).toEqual([
      ['nl-b2b-minimum', ''],
      ['nl-wik', ''],
    ]);
    expect(closingNotes(c).leftOut).toBe('Niet in het totaal: incassokosten volgens de staffel (richtbedrag) (het totaal telt het wettelijke minimum).');
  });

  it('an unknown Dutch period is advised in Dutch words', () => {
    const c = calc({ land: 'nl', vervaldag: '2026-06-15', betaaldag: '2026-07-31' });
    const warning = unknownWarning(c)!;
    expect(warning.heading).toBe('Geen totaal: voor één periode is de rentevoet onbekend.');
    expect(warning.advice).toContain('voordat u hem in rekening brengt');
    expect(warning.advice).not.toContain('aanrekent');
  });
});

describe('a Belgian consumer', () => {
  const consumer = { klant: 'consument', eersteHerinnering: '2026-02-20' };

  it('prints the first reminder and starts after its term; no cost counts without a contract clause', () => {
    // Term ends 10 March, interest 11 March - 30 April = 51 days at 4,5 %: 1.000 x 4,5 % x 51 / 365 = 6,287 -> 6,29.
    const c = calc(consumer);
    expect(inputRows(c).slice(1, 4)).toEqual([
      ['Vervaldag', '31 januari 2026'],
      ['Eerste herinnering', '20 februari 2026'],
      ['Interest vanaf', '11 maart 2026 (de dag na de termijn van de eerste herinnering van 20 februari 2026)'],
    ]);
    expect(breakdownRows(c).map((r) => [r.name, r.days, r.amount])).toEqual([['2026', '51', '€ 6,29']]);
    expect(totalRows(c).map((r) => r.label)).toEqual(['Openstaand bedrag (hoofdsom)', 'Interest', 'Interest en kosten samen', 'Totaal met de hoofdsom']);
    expect(closingNotes(c).leftOut).toBe(
      'Niet in het totaal: maximale forfaitaire schadevergoeding (schadebeding) (alleen als uw contract of algemene voorwaarden een schadebeding bevatten); kosten per volgende herinnering (per herinnering, vanaf de tweede).',
    );
  });

  it('a term still running on the payment date: no rows, zero days and a sentence saying when it starts', () => {
    const c = calc({ ...consumer, eersteHerinnering: '2026-04-25' });
    expect(breakdownRows(c)).toEqual([]);
    expect(introParts(c).days).toBe('0 dagen');
    expect(closingNotes(c).notYet).toBe('Op 30 april 2026 loopt nog geen interest: die begint pas op 13 mei 2026, de dag na de termijn van de eerste herinnering van 25 april 2026.');
  });

  it('a cost rule without a known reason says the amount is unknown', () => {
    expect(whyNotCounted('iets-anders')).toBe('het bedrag is onbekend');
  });
});

describe('the form', () => {
  const errors = { bedrag: 'fout bedrag', betaaldag: 'fout betaaldag', referentie: 'fout referentie' };
  const none = new Set<FieldName>();

  it('keeps quiet about untouched fields until the form is sent', () => {
    expect(Object.values(visibleErrors(errors, none, false)).filter(Boolean)).toEqual([]);
    expect(visibleErrors(errors, none, true)).toEqual({ bedrag: 'fout bedrag', vervaldag: '', betaaldag: 'fout betaaldag', eersteHerinnering: '', referentie: 'fout referentie' });
    expect(visibleErrors(errors, new Set<FieldName>(['referentie']), false)).toMatchObject({ bedrag: '', referentie: 'fout referentie' });
  });

  it('points out a payment date before the due date once the due date is filled in, not while the due date is wrong', () => {
    expect(visibleErrors(errors, new Set<FieldName>(['vervaldag']), false).betaaldag).toBe('fout betaaldag');
    expect(visibleErrors({ ...errors, vervaldag: 'fout vervaldag' }, new Set<FieldName>(['vervaldag']), false).betaaldag).toBe('');
  });

  it('focuses the first wrong field in the order of the form', () => {
    expect(firstInvalid({ referentie: 'x', betaaldag: 'y' })).toBe('betaaldag');
    expect(firstInvalid({ eersteHerinnering: 'x', referentie: 'y' })).toBe('eersteHerinnering');
    expect(firstInvalid({ 'voet-2026-07-01': 'x' })).toBeUndefined();
  });

  it('the live region counts the fields in words', () => {
    expect(pendingSummary(0)).toBe('Vul het bedrag en de vervaldag in om te rekenen.');
    expect(pendingSummary(1)).toBe('Kijk de gegevens na: één veld is niet in orde.');
    expect(pendingSummary(2)).toBe('Kijk de gegevens na: 2 velden zijn niet in orde.');
  });

  it('names the only kind of interest in a line, and nothing when there is a choice', () => {
    expect(singleKindText('be', [{ label: 'Nalatigheidsinteresten (wet van 2 augustus 2002)' }])).toBe('Soort interest: Nalatigheidsinteresten (wet van 2 augustus 2002).');
    expect(singleKindText('nl', [{ label: 'Wettelijke rente' }])).toBe('Soort rente: Wettelijke rente.');
    expect(singleKindText('be', [{ label: 'a' }, { label: 'b' }])).toBe('');
  });

  it('shows a rule for everyone or for the chosen customer only', () => {
    expect([ruleShown('all', 'consumer'), ruleShown('consumer', 'consumer'), ruleShown('business', 'consumer'), ruleShown(undefined, 'business')]).toEqual([true, true, false, false]);
  });

  it('the annex takes the notice without the country name it starts with on the page', () => {
    expect(disclaimerForAnnex('\n  België: dit is geen juridisch advies: kijk het na.  ')).toBe('dit is geen juridisch advies: kijk het na.');
    expect(disclaimerForAnnex(null)).toBe('');
  });
});

describe('a Dutch consumer debt', () => {
  it('labels the collection costs with one bracket: "(staffel, maximum)"', () => {
    const c = calc({ land: 'nl', klant: 'consument', vervaldag: '2026-01-31', betaaldag: '2026-04-30' });
    const labels = totalRows(c).map((r) => r.label);
    expect(labels).toContain('Buitengerechtelijke incassokosten (staffel, maximum)');
    for (const label of labels) expect(label, label).not.toMatch(/\)\s*\(/);
  });
});

describe('the printable annex in the words of its country', () => {
  const lines = (c: ReturnType<typeof calc>) =>
    annexDocument(c, { disclaimer: '', createdOn: TODAY })
      .blocks.flatMap((b) => (b.type === 'list' ? b.items.map((runs) => runs.map((r) => r.text).join('')) : []));

  it('Belgium: "Vervaldag", "aan" a rate "op" the base', () => {
    const all = lines(calc());
    expect(all).toContain('Vervaldag: 31 januari 2026');
    expect(all.some((l) => /dagen aan 10,5\s%\sop €\s1\.000,00 = /.test(l))).toBe(true);
  });

  it('the Netherlands: "Vervaldatum", "tegen" a rate "over" the base', () => {
    const all = lines(calc({ land: 'nl', klant: 'consument' }));
    expect(all).toContain('Vervaldatum: 31 januari 2026');
    expect(all.some((l) => /dagen tegen [\d,]+\s%\sover €\s1\.000,00 = /.test(l))).toBe(true);
    expect(all.join('\n')).not.toMatch(/Vervaldag:| aan [\d,]+\s%\sop /);
  });
});
