/**
 * fill() read for meaning (src/model/fill.ts): which value lands in which placeholder, row and
 * line; how each kind of field is written (amounts, dates, percentages, IBAN, links); what stays
 * marked as missing and why; which case, locale and words a document gets; and when a QR payment
 * is offered. Figures are worked out by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import { sampleFillData, type FillData } from '../../src/content/schema.ts';
import { fill, fillCase, formatValue, missingRun } from '../../src/model/fill.ts';
import { parseBody, parseInline, type ParseIssue } from '../../src/model/parse.ts';
import type { FilledBlock, FilledDocument, Run, TemplateDoc } from '../../src/model/types.ts';

function blocks(body: string): TemplateDoc['blocks'] {
  const issues: ParseIssue[] = [];
  const parsed = parseBody(body, issues);
  expect(issues).toEqual([]);
  return parsed;
}
function doc(body: string, over: Partial<TemplateDoc> = {}): TemplateDoc {
  return { id: 'test', kind: 'brief', title: 'Interne titel', purpose: 'herinnering', tone: 'vriendelijk', segment: 'standaard', registered: false, subject: [], preheader: [], blocks: blocks(body), ...over };
}
const text = (runs: readonly Run[]) => runs.map((r) => r.text).join('');
const only = (f: FilledDocument): FilledBlock => {
  expect(f.blocks).toHaveLength(1);
  return f.blocks[0]!;
};
const paragraph = (f: FilledDocument): Run[] => {
  const b = only(f);
  if (b.type !== 'paragraph') throw new Error(`expected a paragraph, got ${b.type}`);
  return b.runs;
};
const listLines = (b: FilledBlock | undefined): string[] => {
  if (b?.type !== 'list') throw new Error(`expected a list, got ${b?.type}`);
  return b.items.map(text);
};
const lines = (body: string, data: FillData, over: Partial<TemplateDoc> = {}): [string, string][] => {
  const b = only(fill(doc(body, over), data));
  if (b.type !== 'paymentDetails') throw new Error('no payment details');
  return b.lines.map((l) => [l.label, text(l.value)]);
};

describe('values by their kind of field', () => {
  it('writes an amount in cents as euros with a decimal comma and thousands dots', () => {
    const f = fill(doc('{{factuur.openstaand}} en {{factuur.bedrag}}'), { factuur: { openstaand: 123_456_789, bedrag: 5 } });
    expect(paragraph(f)).toEqual([{ text: '€ 1.234.567,89' }, { text: ' en ' }, { text: '€ 0,05' }]);
  });

  it('writes a date in words and a percentage with a comma', () => {
    const f = fill(doc('{{factuur.vervaldatum}} / {{kosten.interestvoet}}'), { factuur: { vervaldatum: '2026-02-28' }, kosten: { interestvoet: 10.75 } });
    expect(text(paragraph(f))).toBe('28 februari 2026 / 10,75 %');
  });

  it('groups a valid IBAN by four and leaves an invalid one as typed', () => {
    expect(formatValue('afzender.iban', 'be71096123456769')).toEqual({ text: 'BE71 0961 2345 6769' });
    expect(formatValue('afzender.iban', 'BE71 0961 2345 6768')).toEqual({ text: 'BE71 0961 2345 6768' });
  });

  it('links an https address and an e-mail address, but never another scheme or a malformed address', () => {
    expect(formatValue('betaling.link', 'https://pay.example/1')).toEqual({ text: 'https://pay.example/1', href: 'https://pay.example/1' });
    expect(formatValue('betaling.link', 'javascript:alert(1)')).toEqual({ text: 'javascript:alert(1)' });
    expect(formatValue('betaling.link', 'http://pay.example/1')).toEqual({ text: 'http://pay.example/1' });
    expect(formatValue('afzender.email', 'jan@example.be')).toEqual({ text: 'jan@example.be', href: 'mailto:jan@example.be' });
    for (const bad of ['jan@', 'jan example@x.be', 'a@b@c', '<jan@x.be>', '"jan"@x.be']) expect(formatValue('afzender.email', bad)).toEqual({ text: bad });
  });

  it('only an address that starts with https:// is linked', () => {
    expect(formatValue('betaling.link', 'javascript:void(0)//https://pay.example')).toEqual({ text: 'javascript:void(0)//https://pay.example' });
    expect(formatValue('afzender.website', 'https://www.example.be')).toEqual({ text: 'https://www.example.be', href: 'https://www.example.be' });
  });

  it('a field the table does not know is written as text', () => {
    expect(formatValue('eigen.veld', 'Zie bijlage')).toEqual({ text: 'Zie bijlage' });
    expect(formatValue('eigen.veld', 1_250)).toEqual({ text: '1250' });
  });

  it('an amount or percentage that is no number, or an empty value, is no value', () => {
    expect(formatValue('factuur.openstaand', '100')).toBeUndefined();
    expect(formatValue('kosten.interestvoet', '8')).toBeUndefined();
    expect(formatValue('klant.naam', '')).toBeUndefined();
    expect(formatValue('klant.naam', null)).toBeUndefined();
    expect(formatValue('klant.naam', undefined)).toBeUndefined();
    // Zero is a value: "€ 0,00", not a gap.
    expect(formatValue('betaling.ontvangen', 0)).toEqual({ text: '€ 0,00' });
    expect(formatValue('klant.naam', 0)).toEqual({ text: '0' });
  });

  it('a text field keeps the value as typed, markup and template syntax included', () => {
    const f = fill(doc('Beste {{klant.naam}}'), { klant: { naam: '<b>{{afzender.iban}}</b> **x**' } });
    expect(paragraph(f)).toEqual([{ text: 'Beste ' }, { text: '<b>{{afzender.iban}}</b> **x**' }]);
  });
});

describe('placeholders in running text', () => {
  it('keeps bold text and bold values bold, and nothing else', () => {
    const f = fill(doc('**Let op:** u betaalt **{{factuur.openstaand}}** aan {{afzender.naam}}'), { factuur: { openstaand: 1_000 }, afzender: { naam: 'Bakkerij' } });
    expect(paragraph(f)).toEqual([{ text: 'Let op:', strong: true }, { text: ' u betaalt ' }, { text: '€ 10,00', strong: true }, { text: ' aan ' }, { text: 'Bakkerij' }]);
  });

  it('marks a missing value with its field name, bold where the template asked bold', () => {
    const f = fill(doc('**{{factuur.openstaand}}** voor {{factuur.nummer}}'), {});
    expect(paragraph(f)).toEqual([
      { text: '[factuur.openstaand]', missing: 'factuur.openstaand', strong: true },
      { text: ' voor ' },
      { text: '[factuur.nummer]', missing: 'factuur.nummer' },
    ]);
    expect(missingRun('x.y')).toEqual({ text: '[x.y]', missing: 'x.y' });
    expect(missingRun('x.y', true)).toEqual({ text: '[x.y]', missing: 'x.y', strong: true });
  });

  it('links a value in running text', () => {
    const f = fill(doc('Betaal via {{betaling.link}} of mail {{afzender.email}}'), { betaling: { link: 'https://pay.example/9' }, afzender: { email: 'a@b.be' } });
    expect(paragraph(f)).toEqual([{ text: 'Betaal via ' }, { text: 'https://pay.example/9', href: 'https://pay.example/9' }, { text: ' of mail ' }, { text: 'a@b.be', href: 'mailto:a@b.be' }]);
  });

  it('greets the customer by name only when the contact person is empty', () => {
    const hello = (klant: FillData['klant']) => text(paragraph(fill(doc('Beste {{klant.contactpersoon}},'), { klant })));
    expect(hello({ naam: 'Het Pleintje', contactpersoon: 'Jan' })).toBe('Beste Jan,');
    expect(hello({ naam: 'Het Pleintje', contactpersoon: '' })).toBe('Beste Het Pleintje,');
    expect(hello({ naam: 'Het Pleintje' })).toBe('Beste Het Pleintje,');
    expect(hello({})).toBe('Beste [klant.contactpersoon],');
    // Only the contact person has a stand-in: an empty name stays marked.
    expect(text(paragraph(fill(doc('{{klant.naam}}'), { klant: { contactpersoon: 'Jan' } })))).toBe('[klant.naam]');
  });

  it('reads computed values before typed ones of the same name', () => {
    // berekend.totaalOpen is the sum of the open invoices: 100 + 250 = 350 cents.
    const f = fill(doc('{{berekend.totaalOpen}}'), { facturen: [{ nummer: 'A', openstaand: 100 }, { nummer: 'B', bedrag: 250 }] });
    expect(text(paragraph(f))).toBe('€ 3,50');
  });

  it('an unknown group or field is marked, not an error', () => {
    expect(paragraph(fill(doc('{{onbekend.veld}}'), {}))).toEqual([{ text: '[onbekend.veld]', missing: 'onbekend.veld' }]);
  });

  it('fills headings, lists and the deadline box too', () => {
    const f = fill(doc('## Factuur {{factuur.nummer}}\n\n- voor {{klant.naam}}\n- op {{factuur.datum}}\n\n::termijn Betaal uiterlijk op {{datum data.nieuweTermijn}}.'), { factuur: { nummer: 'F-7', datum: '2026-10-01' }, klant: { naam: 'X' }, data: { nieuweTermijn: '2026-12-07' } });
    expect(f.blocks.map((b) => b.type)).toEqual(['heading', 'list', 'deadline']);
    const [heading, list, deadline] = f.blocks;
    expect(heading?.type === 'heading' && [heading.level, text(heading.runs)]).toEqual([2, 'Factuur F-7']);
    expect(listLines(list)).toEqual(['voor X', 'op 1 oktober 2026']);
    expect(deadline?.type === 'deadline' && text(deadline.runs)).toBe('Betaal uiterlijk op 7 december 2026.');
  });

  it('fills the subject and preheader', () => {
    const f = fill(doc('x', { subject: parseInline('Factuur {{factuur.nummer}}', 't', []), preheader: parseInline('Nog {{factuur.openstaand}}', 't', []) }), { factuur: { nummer: 'F-1', openstaand: 99 } });
    expect([text(f.subject), text(f.preheader)]).toEqual(['Factuur F-1', 'Nog € 0,99']);
  });
});

describe('the invoice table', () => {
  it('puts each invoice value in its own column: number, date, due date, amount, open amount', () => {
    const f = fill(doc('::factuurtabel'), {
      facturen: [
        { nummer: 'A-1', datum: '2026-09-01', vervaldatum: '2026-10-01', bedrag: 10_000, openstaand: 4_000 },
        { nummer: 'A-2', datum: '2026-09-15', vervaldatum: '2026-10-15', bedrag: 20_000 },
      ],
    });
    const table = only(f);
    if (table.type !== 'invoiceTable') throw new Error(table.type);
    expect(table.columns).toEqual(['Factuur', 'Factuurdatum', 'Vervaldag', 'Bedrag', 'Openstaand']);
    expect(table.rows.map((r) => [text(r.nummer), text(r.datum), text(r.vervaldatum), text(r.bedrag), text(r.openstaand)])).toEqual([
      ['A-1', '1 september 2026', '1 oktober 2026', '€ 100,00', '€ 40,00'],
      // No open amount: the whole amount is open.
      ['A-2', '15 september 2026', '15 oktober 2026', '€ 200,00', '€ 200,00'],
    ]);
    // 40,00 + 200,00 open.
    expect([table.totalLabel, text(table.total)]).toEqual(['Totaal openstaand', '€ 240,00']);
  });

  it('one invoice from the single invoice fields, and one marked row when there is none', () => {
    const single = only(fill(doc('::factuurtabel'), { factuur: { nummer: 'F-9', vervaldatum: '2026-10-31', openstaand: 12_345 } }));
    expect(single.type === 'invoiceTable' && single.rows.map((r) => [text(r.nummer), text(r.vervaldatum), text(r.openstaand)])).toEqual([['F-9', '31 oktober 2026', '€ 123,45']]);
    const empty = only(fill(doc('::factuurtabel'), {}));
    if (empty.type !== 'invoiceTable') throw new Error(empty.type);
    expect(empty.rows).toHaveLength(1);
    expect(Object.values(empty.rows[0]!).map((runs) => runs[0]?.missing)).toEqual(['factuur.nummer', 'factuur.datum', 'factuur.vervaldatum', 'factuur.bedrag', 'factuur.openstaand']);
    expect(empty.total[0]?.missing).toBe('berekend.totaalOpen');
  });

  it('an empty invoice number is marked, not printed blank', () => {
    const table = only(fill(doc('::factuurtabel'), { facturen: [{ nummer: '', openstaand: 100 }] }));
    expect(table.type === 'invoiceTable' && table.rows[0]!.nummer).toEqual([{ text: '[factuur.nummer]', missing: 'factuur.nummer' }]);
  });

  it('the Dutch table says "Vervaldatum"', () => {
    const table = only(fill(doc('::factuurtabel'), { dossier: { jurisdictie: 'nl' } }));
    expect(table.type === 'invoiceTable' && table.columns[2]).toBe('Vervaldatum');
  });
});

describe('payment details', () => {
  const base: FillData = {
    afzender: { naam: 'Bakkerij De Korst', iban: 'BE71096123456769', bic: 'GKCCBEBB' },
    betaling: { mededeling: '+++090/9337/55493+++' },
    factuur: { openstaand: 100_000 },
    kosten: { interest: 1_250, forfait: 4_000 },
  };

  it('the open amount, then IBAN, BIC, beneficiary and reference, each on its own line', () => {
    expect(lines('::betaalgegevens', base)).toEqual([
      ['Te betalen', '€ 1.000,00'],
      ['Rekeningnummer (IBAN)', 'BE71 0961 2345 6769'],
      ['BIC', 'GKCCBEBB'],
      ['Begunstigde', 'Bakkerij De Korst'],
      ['Gestructureerde mededeling', '+++090/9337/55493+++'],
    ]);
  });

  it('with costs: open amount, interest and compensation above the total to pay', () => {
    // 1.000,00 + 12,50 + 40,00 = 1.052,50
    expect(lines('::betaalgegevens met-kosten', base).slice(0, 4)).toEqual([
      ['Openstaand', '€ 1.000,00'],
      ['Nalatigheidsinteresten', '€ 12,50'],
      ['Forfaitaire schadevergoeding', '€ 40,00'],
      ['Te betalen', '€ 1.052,50'],
    ]);
  });

  it('after a partial payment: what was received, then the balance', () => {
    // 1.000,00 - 300,00 = 700,00
    expect(lines('::betaalgegevens saldo', { ...base, betaling: { ...base.betaling, ontvangen: 30_000 } }).slice(0, 2)).toEqual([
      ['Reeds ontvangen', '€ 300,00'],
      ['Te betalen', '€ 700,00'],
    ]);
  });

  it('per instalment: the amount of one term', () => {
    // 1.000,00 in 4 terms = 250,00
    expect(lines('::betaalgegevens termijn', { ...base, afspraak: { aantalTermijnen: 4 } })[0]).toEqual(['Te betalen per termijn', '€ 250,00']);
  });

  it('Dutch words for the Netherlands', () => {
    const nl = lines('::betaalgegevens met-kosten', { ...base, dossier: { jurisdictie: 'nl' }, betaling: { mededeling: 'F-2026-0153' } });
    expect(nl.map((l) => l[0])).toEqual(['Openstaand', 'Wettelijke handelsrente', 'Incassokosten', 'Te betalen', 'Rekeningnummer (IBAN)', 'BIC', 'Begunstigde', 'Betalingskenmerk']);
    expect(nl.at(-1)).toEqual(['Betalingskenmerk', 'F-2026-0153']);
    // A Dutch consumer owes the wettelijke rente (art. 6:119 BW), not the handelsrente.
    const consumer = lines('::betaalgegevens met-kosten', { ...base, dossier: { jurisdictie: 'nl', klanttype: 'consument' } });
    expect(consumer[1]![0]).toBe('Wettelijke rente');
  });

  it('a total that would leave out an unknown part says so and stays marked', () => {
    // BE business, 2nd semester 2026: the rate is not known, so interest and the total cannot be given.
    const f = fill(doc('::betaalgegevens met-kosten'), { factuur: { vervaldatum: '2026-10-31', openstaand: 100_000 }, data: { verzending: '2026-11-23' }, dossier: { jurisdictie: 'be', klanttype: 'onderneming' } });
    const b = only(f);
    if (b.type !== 'paymentDetails') throw new Error(b.type);
    const byLabel = Object.fromEntries(b.lines.map((l) => [l.label, l.value]));
    expect(byLabel['Nalatigheidsinteresten']).toEqual([{ text: '[interest niet berekend: de interestvoet van een periode is nog niet bekend; vul het bedrag zelf in]', missing: 'kosten.interest' }]);
    expect(byLabel['Te betalen']).toEqual([{ text: '[totaal nog niet bekend: vul eerst de ontbrekende bedragen in]', missing: 'berekend.totaalTeBetalen' }]);
    expect(text(byLabel['Forfaitaire schadevergoeding']!)).toBe('€ 40,00');
  });

  it('a bold placeholder keeps the explanation bold and marked', () => {
    const f = fill(doc('**{{berekend.totaalTeBetalen}}**'), { factuur: { vervaldatum: '2026-10-31', openstaand: 100_000 }, data: { verzending: '2026-11-23' }, dossier: { jurisdictie: 'be', klanttype: 'onderneming' } });
    expect(paragraph(f)).toEqual([{ text: '[totaal nog niet bekend: vul eerst de ontbrekende bedragen in]', missing: 'berekend.totaalTeBetalen', strong: true }]);
  });
});

describe('the payment button', () => {
  const button = (data: FillData, placeholder?: (ref: { path: string }) => Run) => {
    const b = only(fill(doc('::betaalknop Betaal {{factuur.nummer}}'), data, placeholder ? { placeholder } : {}));
    if (b.type !== 'paymentButton') throw new Error(b.type);
    return b;
  };

  it('links to the payment link, with its label filled', () => {
    expect(button({ betaling: { link: 'https://pay.example/1' }, factuur: { nummer: 'F-1' } })).toEqual({ type: 'paymentButton', label: [{ text: 'Betaal ' }, { text: 'F-1' }], href: 'https://pay.example/1' });
  });

  it('without a usable link the button has no address and says which field is missing', () => {
    expect(button({ factuur: { nummer: 'F-1' } })).toEqual({ type: 'paymentButton', label: [{ text: 'Betaal ' }, { text: 'F-1' }], hrefMissing: 'betaling.link' });
    // Not https: never a link, and the button is marked as missing its address.
    const http = button({ betaling: { link: 'http://pay.example/1' } });
    expect(http.href).toBeUndefined();
    expect(http.hrefMissing).toBe('betaling.link');
  });

  it('with a placeholder hook: a slot stays a slot, a plain text becomes the address', () => {
    expect(button({}, (ref) => ({ text: '', slot: { path: ref.path } })).hrefSlot).toEqual({ path: 'betaling.link' });
    expect(button({}, (ref) => ({ text: `{{${ref.path}}}` })).href).toBe('{{betaling.link}}');
    expect(button({}, (ref) => ({ text: `[${ref.path}]`, missing: ref.path })).hrefMissing).toBe('betaling.link');
  });
});

describe('the letter frame', () => {
  const data = sampleFillData();

  it('sender block, recipient, place and date, reference and signature from the right fields', () => {
    const f = fill(doc('::handtekening'), data);
    expect(f.letter.sender.map(text)).toEqual(['Bakkerij De Gouden Korst bv', 'Kerkstraat 12', '9000 Gent', '0123.456.749', 'Btw BE0123456749', '09 123 45 67 · boekhouding@goudenkorst.be']);
    expect(f.letter.sender[0]).toEqual([{ text: 'Bakkerij De Gouden Korst bv', strong: true }]);
    expect(f.letter.recipient.map(text)).toEqual(['Brasserie Het Pleintje', 't.a.v. Jan Claes', 'Marktplein 3', '9300 Aalst']);
    expect(text(f.letter.placeAndDate)).toBe('Gent, 23 november 2026');
    expect(text(f.letter.reference)).toBe('Uw klantnummer: K-0427 · Onze factuur: 2026-0153');
    const signature = only(f);
    expect(signature.type === 'signature' && signature.lines.map(text)).toEqual(['Sofie Peeters', 'Zaakvoerder', 'Bakkerij De Gouden Korst bv']);
  });

  it('the e-mail address in the sender block is a link', () => {
    const f = fill(doc('x'), data);
    expect(f.letter.sender[5]).toContainEqual({ text: 'boekhouding@goudenkorst.be', href: 'mailto:boekhouding@goudenkorst.be' });
  });

  it('"t.a.v." stays while the name is unknown, and goes when only the name is known', () => {
    expect(fill(doc('x'), { klant: { contactpersoon: 'Jan' } }).letter.recipient.map(text)).toEqual(['[klant.naam]', 't.a.v. Jan', '[klant.straat]', '[klant.postcode] [klant.gemeente]']);
    expect(fill(doc('x'), { klant: { naam: 'NV X' } }).letter.recipient.map(text)).toEqual(['NV X', '[klant.straat]', '[klant.postcode] [klant.gemeente]']);
  });

  it('carries the document fields through', () => {
    const f = fill(doc('x', { id: 'std-d15', kind: 'email', title: 'Tweede herinnering', purpose: 'ingebrekestelling', tone: 'formeel', registered: true }), {});
    expect([f.id, f.kind, f.title, f.purpose, f.tone, f.registered, f.lang]).toEqual(['std-d15', 'email', 'Tweede herinnering', 'ingebrekestelling', 'formeel', true, 'nl']);
  });
});

describe('the case a document is filled for', () => {
  it('a template written for one country keeps it, whatever the data says', () => {
    expect(fillCase({ jurisdiction: 'nl', cases: ['nl-onderneming', 'nl-consument'] }, { dossier: { jurisdictie: 'be' } }, { jurisdiction: 'be' }).jurisdiction).toBe('nl');
  });

  it('otherwise the data decides, then the options, then Belgium', () => {
    expect(fillCase({}, { dossier: { jurisdictie: 'nl' } }, { jurisdiction: 'be' }).jurisdiction).toBe('nl');
    expect(fillCase({}, {}, { jurisdiction: 'nl' }).jurisdiction).toBe('nl');
    expect(fillCase({}, {}).jurisdiction).toBe('be');
  });

  it('the customer type: the data, the options, the template\'s only type for that country, else a business', () => {
    expect(fillCase({}, { dossier: { klanttype: 'consument' } }, { customerType: 'onderneming' }).customerType).toBe('consument');
    expect(fillCase({}, {}, { customerType: 'consument' }).customerType).toBe('consument');
    expect(fillCase({ cases: ['be-consument', 'nl-onderneming'] }, {}).customerType).toBe('consument');
    expect(fillCase({ cases: ['be-consument', 'nl-onderneming'] }, {}, { jurisdiction: 'nl' }).customerType).toBe('onderneming');
    expect(fillCase({ cases: ['be-consument', 'be-onderneming'] }, {}).customerType).toBe('onderneming');
    expect(fillCase({}, {}).customerType).toBe('onderneming');
  });

  it('the filled document names its case, locale and words', () => {
    const be = fill(doc('x'), { dossier: { jurisdictie: 'be', klanttype: 'consument' } });
    expect([be.jurisdiction, be.customerType, be.legalCase, be.locale, be.labels.payment.reference]).toEqual(['be', 'consument', 'be-consument', 'nl-BE', 'Gestructureerde mededeling']);
    const nl = fill(doc('x'), {}, { jurisdiction: 'nl' });
    expect([nl.jurisdiction, nl.customerType, nl.legalCase, nl.locale, nl.labels.payment.reference]).toEqual(['nl', 'onderneming', 'nl-onderneming', 'nl-NL', 'Betalingskenmerk']);
  });

  it('a template that names its locale keeps it', () => {
    expect(fill(doc('x', { locale: 'nl-NL' }), { dossier: { jurisdictie: 'be' } }).locale).toBe('nl-NL');
  });

  it('an unknown country is an error in Dutch, never quietly Belgium', () => {
    expect(() => fill(doc('x'), { dossier: { jurisdictie: 'fr' } } as never)).toThrow(/onbekend/i);
  });

  it('computed figures follow the template\'s country: a Dutch letter for a business gets the Dutch EUR 40 minimum', () => {
    // NL business: compensation is the scale or at least EUR 40; 15 % of 200,00 = 30,00, so 40,00.
    const f = fill(doc('{{kosten.forfait}}', { jurisdiction: 'nl', cases: ['nl-onderneming'] }), { factuur: { openstaand: 20_000, vervaldatum: '2026-01-31' }, data: { verzending: '2026-03-02' }, dossier: { jurisdictie: 'be', klanttype: 'onderneming' } });
    expect(f.jurisdiction).toBe('nl');
    expect(text(paragraph(f))).toBe('€ 40,00');
  });
});

describe('::interestoverzicht', () => {
  const be = { factuur: { vervaldatum: '2025-11-30', openstaand: 100_000 }, data: { verzending: '2026-01-31' }, dossier: { jurisdictie: 'be', klanttype: 'onderneming' } } as const;

  it('leaves itself out when the user typed the interest amount', () => {
    const f = fill(doc('::interestoverzicht'), { ...be, kosten: { interest: 1_234 } });
    expect(f.blocks).toEqual([]);
  });

  it('an intro line becomes a paragraph above the list', () => {
    const f = fill(doc('::interestoverzicht Zo rekenden wij voor {{factuur.nummer}}:'), { ...be, factuur: { ...be.factuur, nummer: 'F-3' } });
    expect(f.blocks.map((b) => b.type)).toEqual(['paragraph', 'list']);
    expect(f.blocks[0]?.type === 'paragraph' && text(f.blocks[0].runs)).toBe('Zo rekenden wij voor F-3:');
  });

  it('each period as days, rate, base and amount in bold, then the method and its source', () => {
    const list = fill(doc('::interestoverzicht'), be).blocks[0];
    if (list?.type !== 'list') throw new Error('no list');
    // 1-31 January 2026: 31 days at 10,5 % on 1.000,00 = 1.000 x 10,5 % x 31 / 365 = 8,918 -> 8,92.
    expect(list.items[1]).toEqual([{ text: '1 januari 2026 – 31 januari 2026: 31 dagen aan 10,5 % op € 1.000,00 = ' }, { text: '€ 8,92', strong: true }]);
    expect(text(list.items.at(-1)!)).toMatch(/^Berekening: enkelvoudige interest, werkelijke dagen \/ 365, per periode afgerond op de cent\. Bron: \p{L}[^;]{9,}\.$/u);
  });

  it('in Dutch usage for the Netherlands: "tegen" a rate, "over" the base', () => {
    const list = fill(doc('::interestoverzicht'), { ...be, dossier: { jurisdictie: 'nl', klanttype: 'onderneming' } }).blocks[0];
    expect(listLines(list)[0]).toMatch(/^1 december 2025 – 31 december 2025: 31 dagen tegen [\d,]+ % over € 1\.000,00 = € [\d,]+$/);
    expect(listLines(list).at(-1)).toMatch(/^Berekening: werkelijke dagen \/ 365/);
  });

  it('a period with an unknown rate is marked, not computed, and names no source', () => {
    const list = fill(doc('::interestoverzicht'), { ...be, factuur: { ...be.factuur, vervaldatum: '2026-06-15' }, data: { verzending: '2026-07-31' } }).blocks[0];
    if (list?.type !== 'list') throw new Error('no list');
    expect(list.items[1]).toEqual([{ text: '1 juli 2026 – 31 juli 2026: 31 dagen: ' }, { text: 'interestvoet nog niet bekend', missing: 'kosten.interestvoet' }]);
    // The method line names the source of the known period only: the same line as for that period alone.
    const known = fill(doc('::interestoverzicht'), { ...be, factuur: { ...be.factuur, vervaldatum: '2026-01-31' }, data: { verzending: '2026-04-30' } }).blocks[0];
    expect(listLines(list).at(-1)).toBe(listLines(known).at(-1));
  });

  it('two periods with different sources name both, joined by a semicolon', () => {
    // 1st semester 2023 (its Staatsblad notice) and 2nd semester 2023 (another source).
    const twoPeriods = fill(doc('::interestoverzicht'), { ...be, factuur: { ...be.factuur, vervaldatum: '2022-12-31' }, data: { verzending: '2023-07-31' } }).blocks[0];
    const first = fill(doc('::interestoverzicht'), { ...be, factuur: { ...be.factuur, vervaldatum: '2022-12-31' }, data: { verzending: '2023-06-30' } }).blocks[0];
    const second = fill(doc('::interestoverzicht'), { ...be, factuur: { ...be.factuur, vervaldatum: '2023-06-30' }, data: { verzending: '2023-07-31' } }).blocks[0];
    const source = (b: FilledBlock | undefined) => listLines(b).at(-1)!.replace(/^.*? Bron: /, '').replace(/\.$/, '');
    expect(source(first)).not.toBe(source(second));
    expect(source(twoPeriods)).toBe(`${source(first)}; ${source(second)}`);
  });

  it('without the dates it shows the pending sentence with the fields still needed', () => {
    const list = fill(doc('::interestoverzicht'), { factuur: { openstaand: 100_000 } }).blocks[0];
    expect(listLines(list)).toEqual(['Nalatigheidsinteresten vanaf de dag na de vervaldag ([factuur.vervaldatum]) tot de datum van deze brief ([data.verzending]) op € 1.000,00: [kosten.interest]']);
  });

  it('a Belgian consumer without the first reminder date: says so, marked on that field', () => {
    const list = fill(doc('::interestoverzicht'), { ...be, dossier: { jurisdictie: 'be', klanttype: 'consument' } }).blocks[0];
    if (list?.type !== 'list') throw new Error('no list');
    expect(list.items).toEqual([[{ text: '[interest niet te berekenen zonder de datum van de eerste herinnering: bij een consument loopt ze pas na de termijn daarvan]', missing: 'data.eersteHerinnering' }]]);
  });

  it('the same consumer gap in running text is marked on the interest', () => {
    const f = fill(doc('{{kosten.interest}}'), { ...be, dossier: { jurisdictie: 'be', klanttype: 'consument' } });
    expect(paragraph(f)).toEqual([{ text: '[interest niet te berekenen zonder de datum van de eerste herinnering: bij een consument loopt ze pas na de termijn daarvan]', missing: 'kosten.interest' }]);
  });
});

describe('the rate in running text', () => {
  const base = { factuur: { openstaand: 100_000 }, dossier: { jurisdictie: 'be', klanttype: 'onderneming' } } as const;

  it('names each rate with the last day it applied, joining periods that had the same rate', () => {
    // June 2025 at 11,5 % (1st semester 2025), then July 2025 - January 2026 at 10,5 % (2nd semester 2025 and 1st semester 2026 alike).
    const f = fill(doc('{{kosten.interestvoet}}'), { ...base, factuur: { ...base.factuur, vervaldatum: '2025-05-31' }, data: { verzending: '2026-01-31' } });
    expect(paragraph(f)).toEqual([{ text: 'de interestvoet die per periode gold (11,5 % tot en met 30 juni 2025, daarna 10,5 %)' }]);
  });

  it('two periods at the same rate read as that one rate', () => {
    const f = fill(doc('{{kosten.interestvoet}}'), { ...base, factuur: { ...base.factuur, vervaldatum: '2025-11-30' }, data: { verzending: '2026-01-31' } });
    expect(paragraph(f)).toEqual([{ text: '10,5 %' }]);
  });

  it('one known rate over the whole time: the rate itself', () => {
    // 1 February - 30 April 2026: one semester, 10,5 %.
    const f = fill(doc('{{kosten.interestvoet}}'), { ...base, factuur: { ...base.factuur, vervaldatum: '2026-01-31' }, data: { verzending: '2026-04-30' } });
    expect(paragraph(f)).toEqual([{ text: '10,5 %' }]);
  });

  it('an unknown period keeps the rate marked', () => {
    const f = fill(doc('{{kosten.interestvoet}}'), { ...base, factuur: { ...base.factuur, vervaldatum: '2026-06-15' }, data: { verzending: '2026-07-31' } });
    expect(paragraph(f)).toEqual([{ text: 'de interestvoet die per periode gold (10,5 % tot en met 30 juni 2026, daarna interestvoet nog niet bekend)', missing: 'kosten.interestvoet' }]);
  });

  it('a rate that changed three times: each change once, in order', () => {
    // 10,5 % (1st semester 2023), 12 % (2nd semester 2023), then 12,5 % for both semesters of 2024.
    const f = fill(doc('{{kosten.interestvoet}}'), { ...base, factuur: { ...base.factuur, vervaldatum: '2022-12-31' }, data: { verzending: '2024-12-31' } });
    expect(paragraph(f)).toEqual([{ text: 'de interestvoet die per periode gold (10,5 % tot en met 30 juni 2023, 12 % tot en met 31 december 2023, daarna 12,5 %)' }]);
  });

  it('only an unknown period: says the rate is not known yet, marked', () => {
    const f = fill(doc('{{kosten.interestvoet}}'), { ...base, factuur: { ...base.factuur, vervaldatum: '2026-06-30' }, data: { verzending: '2026-07-31' } });
    expect(paragraph(f)).toEqual([{ text: 'interestvoet nog niet bekend', missing: 'kosten.interestvoet' }]);
  });

  it('with a typed interest amount no rate is worded: the rate stays a plain gap', () => {
    const f = fill(doc('{{kosten.interestvoet}} / {{kosten.interest}}'), { ...base, factuur: { ...base.factuur, vervaldatum: '2025-05-31' }, data: { verzending: '2026-01-31' }, kosten: { interest: 500 } });
    expect(paragraph(f)).toEqual([{ text: '[kosten.interestvoet]', missing: 'kosten.interestvoet' }, { text: ' / ' }, { text: '€ 5,00' }]);
  });

  it('without any amount the total is a plain gap, with no explanation', () => {
    const f = fill(doc('{{berekend.totaalTeBetalen}}'), { dossier: { jurisdictie: 'be' }, data: { verzending: '2026-01-31' } });
    expect(paragraph(f)).toEqual([{ text: '[berekend.totaalTeBetalen]', missing: 'berekend.totaalTeBetalen' }]);
  });

  it('a typed rate wins', () => {
    const f = fill(doc('{{kosten.interestvoet}}'), { ...base, factuur: { ...base.factuur, vervaldatum: '2026-06-15' }, data: { verzending: '2026-07-31' }, kosten: { interestvoet: 12 } });
    expect(paragraph(f)).toEqual([{ text: '12 %' }]);
  });
});

describe('dates that depend on the channel', () => {
  it('an e-mail is paid 14 days after the day it arrives; a letter arrives later, so its date is later', () => {
    // Sent Friday 20 November 2026: the e-mail arrives that day, the 14 days run 21 November - 4 December.
    const data: FillData = { dossier: { jurisdictie: 'be', klanttype: 'onderneming' }, data: { verzending: '2026-11-20' } };
    const email = text(paragraph(fill(doc('{{berekend.betaalUiterlijk}}', { kind: 'email' }), data)));
    const letter = text(paragraph(fill(doc('{{berekend.betaalUiterlijk}}', { kind: 'brief' }), data)));
    expect(email).toBe('4 december 2026');
    expect(letter).toBe('8 december 2026');
  });
});

describe('::afbetalingsplan', () => {
  it('without a number of terms, one line with both fields marked', () => {
    const list = only(fill(doc('::afbetalingsplan'), { factuur: { openstaand: 90_000 } }));
    if (list.type !== 'list') throw new Error(list.type);
    expect(list.items).toEqual([
      [
        { text: 'Afbetalingsplan: ' },
        { text: '[afspraak.aantalTermijnen]', missing: 'afspraak.aantalTermijnen' },
        { text: ' termijnen vanaf ' },
        { text: '[afspraak.eersteTermijn]', missing: 'afspraak.eersteTermijn' },
      ],
    ]);
  });

  it('a number of terms without any amount: still the marked line, no plan of zeros', () => {
    const list = only(fill(doc('::afbetalingsplan'), { afspraak: { aantalTermijnen: 3, eersteTermijn: '2027-01-31' } }));
    expect(listLines(list)).toEqual(['Afbetalingsplan: [afspraak.aantalTermijnen] termijnen vanaf [afspraak.eersteTermijn]']);
  });

  it('terms that add up to the cent, in bold, each with its date; without a first date the dates stay marked', () => {
    // 1.000,00 in 3: 333,33 + 333,33 + 333,34.
    const dated = only(fill(doc('::afbetalingsplan'), { factuur: { openstaand: 100_000 }, afspraak: { aantalTermijnen: 3, eersteTermijn: '2027-01-31' } }));
    expect(listLines(dated)).toEqual(['Termijn 1: € 333,33 uiterlijk op 31 januari 2027', 'Termijn 2: € 333,33 uiterlijk op 28 februari 2027', 'Termijn 3: € 333,34 uiterlijk op 31 maart 2027']);
    expect(dated.type === 'list' && dated.items[0]![1]).toEqual({ text: '€ 333,33', strong: true });
    const undated = only(fill(doc('::afbetalingsplan'), { factuur: { openstaand: 100_000 }, afspraak: { aantalTermijnen: 2 } }));
    expect(undated.type === 'list' && undated.items.map((i) => i.at(-1))).toEqual([
      { text: '[afspraak.eersteTermijn]', missing: 'afspraak.eersteTermijn' },
      { text: '[afspraak.eersteTermijn]', missing: 'afspraak.eersteTermijn' },
    ]);
  });
});

describe('the QR payment (EPC)', () => {
  const data: FillData = { afzender: { naam: 'Bakkerij', iban: 'be71 0961 2345 6769', bic: 'GKCCBEBB' }, factuur: { openstaand: 12_345 }, betaling: { mededeling: '+++090/9337/55493+++' } };

  it('asks the open amount, to the normalised IBAN, with the structured communication as digits', () => {
    expect(fill(doc('::betaalgegevens'), data).epc).toEqual({ bic: 'GKCCBEBB', name: 'Bakkerij', iban: 'BE71096123456769', amountCents: 12_345, reference: '090933755493', structured: true });
  });

  it('a free reference goes as typed, not structured; no BIC is an empty BIC', () => {
    const epc = fill(doc('::betaalgegevens'), { ...data, afzender: { naam: 'Bakkerij', iban: 'BE71096123456769' }, betaling: { mededeling: 'Factuur F-1' } }).epc;
    expect(epc).toMatchObject({ bic: '', reference: 'Factuur F-1', structured: false });
    expect(fill(doc('::betaalgegevens'), { ...data, betaling: {} }).epc).toMatchObject({ reference: '', structured: false });
    const { betaling: _, ...withoutPayment } = data;
    expect(fill(doc('::betaalgegevens'), withoutPayment).epc).toMatchObject({ reference: '', structured: false });
  });

  it('asks the same amount as the payment details: with costs, the balance or one term', () => {
    const costs = { ...data, kosten: { interest: 655, forfait: 4_000 } };
    // 123,45 + 6,55 + 40,00 = 170,00
    expect(fill(doc('::betaalgegevens met-kosten'), costs).epc?.amountCents).toBe(17_000);
    expect(fill(doc('::betaalgegevens saldo'), { ...data, betaling: { ...data.betaling, ontvangen: 2_345 } }).epc?.amountCents).toBe(10_000);
    expect(fill(doc('::betaalgegevens termijn'), { ...data, factuur: { openstaand: 90_000 }, afspraak: { aantalTermijnen: 3 } }).epc?.amountCents).toBe(30_000);
    // A button alone asks the open amount.
    expect(fill(doc('::betaalknop Betaal'), costs).epc?.amountCents).toBe(12_345);
  });

  it('none when the document asks no payment, or a part is missing or wrong', () => {
    expect(fill(doc('Bedankt voor uw betaling.'), data).epc).toBeNull();
    expect(fill(doc('::factuurtabel'), data).epc).toBeNull();
    expect(fill(doc('::betaalgegevens'), { ...data, afzender: { ...data.afzender, iban: 'BE71096123456768' } }).epc).toBeNull();
    expect(fill(doc('::betaalgegevens'), { ...data, afzender: { naam: 'Bakkerij' } }).epc).toBeNull();
    expect(fill(doc('::betaalgegevens'), { ...data, afzender: { iban: 'BE71096123456769' } }).epc).toBeNull();
    expect(fill(doc('::betaalgegevens'), { ...data, factuur: {} }).epc).toBeNull();
    expect(fill(doc('::betaalgegevens'), { ...data, factuur: { openstaand: 0 } }).epc).toBeNull();
    // Costs not computable (BE business, unknown rate): no total, so no QR for it.
    expect(fill(doc('::betaalgegevens met-kosten'), { ...data, factuur: { openstaand: 12_345, vervaldatum: '2026-10-31' }, data: { verzending: '2026-11-23' } }).epc).toBeNull();
  });
});

describe('the placeholder hook (compile once, fill later)', () => {
  const slot = (ref: { path: string; helper?: string }): Run => ({ text: '', slot: { path: ref.path, ...(ref.helper ? { helper: ref.helper as never } : {}) } });

  it('every value becomes a slot, the table is one row of slots and nothing is computed', () => {
    const f = fill(doc('{{bedrag factuur.openstaand}}\n\n::factuurtabel\n::afbetalingsplan\n::interestoverzicht'), { ...sampleFillData(), kosten: {} }, { placeholder: slot });
    const [para, table, plan, overview] = f.blocks;
    expect(para?.type === 'paragraph' && para.runs).toEqual([{ text: '', slot: { path: 'factuur.openstaand', helper: 'bedrag' } }]);
    if (table?.type !== 'invoiceTable') throw new Error('no table');
    expect(table.rows).toEqual([{ nummer: [slot({ path: 'factuur.nummer' })], datum: [slot({ path: 'factuur.datum' })], vervaldatum: [slot({ path: 'factuur.vervaldatum' })], bedrag: [slot({ path: 'factuur.bedrag' })], openstaand: [slot({ path: 'factuur.openstaand' })] }]);
    expect(table.total).toEqual([slot({ path: 'berekend.totaalOpen', helper: 'bedrag' })]);
    expect(listLines(plan)).toEqual(['Afbetalingsplan: [afspraak.aantalTermijnen] termijnen vanaf [afspraak.eersteTermijn]']);
    // The interest is left to the later step: the pending sentence with its values as slots.
    expect(overview?.type === 'list' && overview.items[0]!.filter((r) => r.slot).map((r) => r.slot!.path)).toEqual(['factuur.vervaldatum', 'data.verzending', 'berekend.totaalOpen', 'kosten.interest']);
    expect(f.epc).toBeNull();
  });

  it('a Belgian consumer without the first reminder: the later step still gets the interest slots', () => {
    const f = fill(doc('::interestoverzicht'), { factuur: { vervaldatum: '2025-11-30', openstaand: 100_000 }, data: { verzending: '2026-01-31' }, dossier: { jurisdictie: 'be', klanttype: 'consument' } }, { placeholder: slot });
    const list = only(f);
    expect(list.type === 'list' && list.items[0]!.filter((r) => r.slot).map((r) => r.slot!.path)).toEqual(['factuur.vervaldatum', 'data.verzending', 'berekend.totaalOpen', 'kosten.interest']);
  });
});
