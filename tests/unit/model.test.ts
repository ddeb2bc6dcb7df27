import { describe, expect, it } from 'vitest';
import { FillData, PLACEHOLDER_FIELDS, sampleFillData } from '../../src/content/schema.ts';
import { compute } from '../../src/model/compute.ts';
import { fill, FRAME_PARSE_ISSUES } from '../../src/model/fill.ts';
import { formatDateLong, formatMoney } from '../../src/model/format.ts';
import { parseBody, type ParseIssue } from '../../src/model/parse.ts';
import { isValidIban, makeStructuredCommunication, parseStructuredCommunication } from '../../src/model/payment-ids.ts';
import type { FilledDocument, Run, TemplateDoc } from '../../src/model/types.ts';

const body = `Beste {{klant.contactpersoon}},

Wij ontvingen **{{bedrag factuur.openstaand}}** nog niet.

::factuurtabel
::betaalgegevens met-kosten
::betaalknop Nu betalen
::termijn Betaal uiterlijk op {{datum data.nieuweTermijn}}.
::handtekening`;

function doc(): TemplateDoc {
  const issues: ParseIssue[] = [];
  const blocks = parseBody(body, issues);
  expect(issues).toEqual([]);
  return { id: 't', kind: 'brief', title: 'T', purpose: 'herinnering', tone: 'vriendelijk', segment: 'vip', registered: false, subject: [], preheader: [], blocks };
}

const allRuns = (f: FilledDocument): Run[] => [
  ...f.subject,
  ...f.letter.sender.flat(),
  ...f.letter.recipient.flat(),
  ...f.blocks.flatMap((b) => ('runs' in b ? b.runs : b.type === 'list' ? b.items.flat() : b.type === 'invoiceTable' ? b.rows.flatMap((r) => Object.values(r).flat()) : b.type === 'paymentDetails' ? b.lines.flatMap((l) => l.value) : b.type === 'signature' ? b.lines.flat() : b.type === 'paymentButton' ? b.label : [])),
];
const textOf = (f: FilledDocument) => allRuns(f).map((r) => r.text).join('');

describe('document model', () => {
  it('the letter frame parses without issues', () => expect(FRAME_PARSE_ISSUES).toEqual([]));

  it('fills every placeholder from complete sample data, leaving nothing marked', () => {
    const filled = fill(doc(), sampleFillData());
    expect(allRuns(filled).filter((r) => r.missing)).toEqual([]);
    expect(textOf(filled)).toContain('€ 1.240,50');
    expect(textOf(filled)).toContain('7 december 2026');
    expect(filled.epc).toMatchObject({ iban: 'BE71096123456769', amountCents: 129_300, structured: true, reference: '090933755493' });
  });

  it('keeps an unfilled placeholder visible and marked', () => {
    const filled = fill(doc(), {});
    const greeting = filled.blocks[0];
    expect(greeting?.type === 'paragraph' && greeting.runs[1]).toEqual({ text: '[klant.contactpersoon]', missing: 'klant.contactpersoon' });
    expect(filled.epc).toBeNull();
  });

  it.each([
    '<script>alert(1)</script>',
    '{{afzender.naam}}',
    '**vet**',
    ']]>',
    '\u202Eomgekeerd',
    'x'.repeat(10_000),
  ])('keeps the hostile value %# literal', (value) => {
    const filled = fill(doc(), { klant: { contactpersoon: value } });
    const greeting = filled.blocks[0];
    expect(greeting?.type === 'paragraph' && greeting.runs).toEqual([{ text: 'Beste ' }, { text: value }, { text: ',' }]);
  });

  it('computes days late and totals in one place', () => {
    const data = FillData.parse({
      factuur: { vervaldatum: '2026-10-31', openstaand: 10_000 },
      data: { verzending: '2026-11-23' },
      kosten: { interest: 250, forfait: 4_000 },
    });
    expect(compute(data)).toEqual({ 'berekend.dagenTeLaat': 23, 'berekend.totaalOpen': 10_000, 'berekend.totaalTeBetalen': 14_250 });
    expect(compute(FillData.parse({ facturen: [{ nummer: 'A', openstaand: 100 }, { nummer: 'B', bedrag: 250 }] }))['berekend.totaalOpen']).toBe(350);
  });

  it('lists one table row per open invoice', () => {
    const filled = fill(doc(), { facturen: [{ nummer: 'A-1', bedrag: 100 }, { nummer: 'A-2', bedrag: 200 }] });
    const table = filled.blocks.find((b) => b.type === 'invoiceTable');
    expect(table?.type === 'invoiceTable' && table.rows.map((r) => r.nummer[0]?.text)).toEqual(['A-1', 'A-2']);
    expect(table?.type === 'invoiceTable' && table.total[0]?.text).toBe('€ 3,00');
  });

  it('uses Dutch labels when the jurisdiction is the Netherlands', () => {
    const filled = fill(doc(), {}, { jurisdiction: 'nl' });
    const details = filled.blocks.find((b) => b.type === 'paymentDetails');
    expect(details?.type === 'paymentDetails' && details.lines.map((l) => l.label)).toContain('Betalingskenmerk');
  });

  it('sample data covers every placeholder field', () => {
    const sample = sampleFillData() as Record<string, Record<string, unknown>>;
    for (const f of PLACEHOLDER_FIELDS.filter((f) => f.group !== 'berekend')) {
      const [group, name] = f.path.split('.') as [string, string];
      expect(sample[group]?.[name], f.path).toBeDefined();
    }
  });
});

describe('formatting and payment identifiers', () => {
  it('formats money and dates the Belgian/Dutch way', () => {
    expect(formatMoney(123_456_789)).toBe('€ 1.234.567,89');
    expect(formatMoney(5)).toBe('€ 0,05');
    expect(formatDateLong('2024-02-29')).toBe('29 februari 2024');
  });

  it('validates IBANs with the mod-97 check', () => {
    expect(isValidIban('BE71 0961 2345 6769')).toBe(true);
    expect(isValidIban('NL91ABNA0417164300')).toBe(true);
    expect(isValidIban('BE71 0961 2345 6768')).toBe(false);
  });

  it('builds and checks Belgian structured communications (mod 97, 0 becomes 97)', () => {
    // 0909337554 mod 97 = 93 -> check digits "93"
    expect(makeStructuredCommunication('0909337554')).toBe('+++090/9337/55493+++');
    // 0000000097 mod 97 = 0 -> check digits "97"
    expect(makeStructuredCommunication(97)).toBe('+++000/0000/09797+++');
    expect(parseStructuredCommunication('+++090/9337/55493+++')).toBe('090933755493');
    expect(parseStructuredCommunication('+++090/9337/55494+++')).toBeNull();
  });
});

describe('payment plans and partial payments', () => {
  it('splits the balance into instalments that add up to the cent, a month apart', async () => {
    const { installmentPlan, addMonths } = await import('../../src/model/compute.ts');
    const plan = installmentPlan(100_000, 3, '2027-01-31');
    expect(plan.map((t) => t.amountCents)).toEqual([33_333, 33_333, 33_334]);
    expect(plan.map((t) => t.date)).toEqual(['2027-01-31', '2027-02-28', '2027-03-31']);
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
  });

  it('fills ::afbetalingsplan from the balance left after a partial payment', () => {
    const issues: ParseIssue[] = [];
    const blocks = parseBody('::afbetalingsplan', issues);
    const planDoc: TemplateDoc = { ...doc(), blocks };
    const filled = fill(planDoc, { factuur: { openstaand: 90_000 }, betaling: { ontvangen: 30_000 }, afspraak: { aantalTermijnen: 2, eersteTermijn: '2026-12-15' } });
    const list = filled.blocks[0];
    expect(list?.type === 'list' && list.items.map((i) => i.map((r) => r.text).join(''))).toEqual([
      'Termijn 1: € 300,00 uiterlijk op 15 december 2026',
      'Termijn 2: € 300,00 uiterlijk op 15 januari 2027',
    ]);
  });
});

describe('legal figures in the fill data', () => {
  const base = { factuur: { vervaldatum: '2026-03-31', openstaand: 124_050 }, data: { verzending: '2026-05-30' } };

  it('computes Belgian B2B interest and the fixed EUR 40 when the user leaves them empty', () => {
    const filled = fill(doc(), { ...base, dossier: { jurisdictie: 'be', klanttype: 'onderneming' } });
    const details = filled.blocks.find((b) => b.type === 'paymentDetails');
    const lines = details?.type === 'paymentDetails' ? Object.fromEntries(details.lines.map((l) => [l.label, l.value.map((r) => r.text).join('')])) : {};
    // 1 April – 30 May 2026 = 60 days at 10.5 % (2026 H1): 1240.50 × 0.105 × 60 / 365 = 21.41
    expect(lines['Nalatigheidsinteresten']).toBe('€ 21,41');
    expect(lines['Forfaitaire schadevergoeding']).toBe('€ 40,00');
    expect(lines['Te betalen']).toBe('€ 1.301,91');
  });

  it('uses the WIK scale for a Dutch consumer and Dutch labels', () => {
    const filled = fill(doc(), { ...base, dossier: { jurisdictie: 'nl', klanttype: 'consument' } });
    const details = filled.blocks.find((b) => b.type === 'paymentDetails');
    const lines = details?.type === 'paymentDetails' ? Object.fromEntries(details.lines.map((l) => [l.label, l.value.map((r) => r.text).join('')])) : {};
    // 15 % of 1240.50 = 186.075, a legal maximum rounded down to the cent
    expect(lines['Incassokosten']).toBe('€ 186,07');
  });

  it('never guesses a rate that is not known yet: the interest stays marked', () => {
    const filled = fill(doc(), { factuur: { vervaldatum: '2026-10-31', openstaand: 124_050 }, data: { verzending: '2026-11-23' }, dossier: { jurisdictie: 'be', klanttype: 'onderneming' } });
    const details = filled.blocks.find((b) => b.type === 'paymentDetails');
    const interest = details?.type === 'paymentDetails' ? details.lines.find((l) => l.label === 'Nalatigheidsinteresten') : undefined;
    expect(interest?.value[0]?.missing).toBe('kosten.interest');
  });

  it('lets a typed amount win over the computed one', () => {
    const filled = fill(doc(), { ...base, dossier: { jurisdictie: 'be', klanttype: 'onderneming' }, kosten: { interest: 999 } });
    const details = filled.blocks.find((b) => b.type === 'paymentDetails');
    expect(details?.type === 'paymentDetails' && details.lines.find((l) => l.label === 'Nalatigheidsinteresten')?.value[0]?.text).toBe('€ 9,99');
  });
});

describe('::interestoverzicht', () => {
  it('prints one line per rate period, split exactly at the rate change, with the source', () => {
    const blocks = parseBody('::interestoverzicht', []);
    const filled = fill({ ...doc(), blocks }, { factuur: { vervaldatum: '2025-11-30', openstaand: 100_000 }, data: { verzending: '2026-01-31' }, dossier: { jurisdictie: 'be', klanttype: 'onderneming' } });
    const list = filled.blocks[0];
    const lines = list?.type === 'list' ? list.items.map((i) => i.map((r) => r.text).join('')) : [];
    // 1–31 Dec 2025 (31 days) and 1–31 Jan 2026 (31 days), each at its own semester rate
    expect(lines[0]).toMatch(/^1 december 2025 – 31 december 2025: 31 dagen aan [\d,]+ % op € 1\.000,00 = € [\d,]+$/);
    expect(lines[1]).toMatch(/^1 januari 2026 – 31 januari 2026: 31 dagen aan 10,5 % op € 1\.000,00 = € 8,92$/);
    expect(lines.at(-1)).toMatch(/werkelijke dagen \/ 365, per periode afgerond op de cent\. Bron: .+/);
  });
});

describe('::betaalgegevens amount options', () => {
  it('asks the balance after a partial payment, and the QR code asks the same amount', () => {
    const blocks = parseBody('::betaalgegevens saldo', []);
    const data = { ...sampleFillData(), betaling: { ...sampleFillData().betaling, ontvangen: 24_050 } };
    const filled = fill({ ...doc(), blocks }, data);
    const details = filled.blocks[0];
    const lines = details?.type === 'paymentDetails' ? Object.fromEntries(details.lines.map((l) => [l.label, l.value.map((r) => r.text).join('')])) : {};
    expect(lines['Reeds ontvangen']).toBe('€ 240,50');
    expect(lines['Te betalen']).toBe('€ 1.000,00');
    expect(filled.epc?.amountCents).toBe(100_000);
  });
});

describe('values exports rarely carry', () => {
  it('greets the company and drops "t.a.v." when no contact person is known', () => {
    const filled = fill(doc(), { klant: { naam: 'Brasserie Het Pleintje', straat: 'Marktplein 3' } });
    const greeting = filled.blocks[0];
    expect(greeting?.type === 'paragraph' && greeting.runs.map((r) => r.text).join('')).toBe('Beste Brasserie Het Pleintje,');
    expect(filled.letter.recipient.map((l) => l.map((r) => r.text).join(''))).toEqual(['Brasserie Het Pleintje', 'Marktplein 3', '[klant.postcode] [klant.gemeente]']);
  });

  it('keeps both marked in the blank pack', () => {
    const filled = fill(doc(), {});
    expect(filled.letter.recipient[1]?.map((r) => r.text).join('')).toBe('t.a.v. [klant.contactpersoon]');
  });
});
