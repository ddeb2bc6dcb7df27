/** src/bulk/group.ts and plan.ts: invoices per customer, one FillData each, and the step due today. */
import { describe, expect, it } from 'vitest';
import { guessMapping } from '../../src/bulk/columns.ts';
import { customerFillData, groupInvoices, interestPerInvoice, normalizeCustomerNumber } from '../../src/bulk/group.ts';
import { normalizeName } from '../../src/lib/normalize-name.ts';
import { parseCsv } from '../../src/bulk/parse.ts';
import { legalStepWarning, nextAction, parseSentCell, paymentTerm, pickStep, planCustomers, planSummary, type PlannedCustomer, type SentState } from '../../src/bulk/plan.ts';
import { prepareBulk } from '../../src/bulk/prepare.ts';
import { validateRows, type InvoiceRecord } from '../../src/bulk/validate.ts';
import { FillData } from '../../src/content/schema.ts';
import { earliestNextStep } from '../../src/legal/terms.ts';
import { compute, statutoryInterest } from '../../src/model/compute.ts';
import { parseStructuredCommunication } from '../../src/model/payment-ids.ts';
import { fixture, SENDER, TODAY, workflow } from '../fixtures/bulk/setup.ts';

const records = (name: string) => {
  const parsed = parseCsv(fixture(name));
  const { mapping } = guessMapping(parsed.headers, parsed.rows.map((r) => r.cells));
  return { parsed, mapping, invoices: validateRows(parsed, mapping).invoices };
};
const inv = (over: Partial<InvoiceRecord> & Pick<InvoiceRecord, 'row' | 'nummer'>): InvoiceRecord => ({ vervaldatum: '2026-05-01', openstaand: 1000, naam: 'Klant', emails: [], ...over });

describe('groupInvoices', () => {
  const exact = groupInvoices(records('exact-online-openstaande-posten.csv').invoices, { today: TODAY, jurisdiction: 'be' });
  const byName = (name: string) => exact.find((g) => g.klant.naam === name)!;

  it('groups by customer number, sorted by name, invoices oldest due date first', () => {
    expect(exact.map((g) => g.klant.naam)).toEqual(['Bakkerij Van Damme', 'Brasserie Het Pleintje bv', 'Eetcafé De Gracht', 'Hotel Ter Duinen nv', 'Koffiebar Mokka', 'Traiteur Lemaire']);
    const brasserie = byName('Brasserie Het Pleintje bv');
    expect(brasserie.key).toBe('nr:10023');
    expect(brasserie.invoices.map((i) => i.nummer)).toEqual(['26100041', '26100057', '26100063']);
    expect(brasserie.oldestDue).toBe('2026-04-16');
    expect(brasserie.daysLate).toBe(60);
    expect(brasserie.totalOpen).toBe(124050 + 86000 + 41235);
    expect(brasserie.klant).toEqual({ naam: 'Brasserie Het Pleintje bv', straat: 'Marktplein 3', postcode: '9300', gemeente: 'Aalst', email: 'jan@hetpleintje.be', klantnummer: '10023' });
  });

  it('leaves invoices that are not due yet out of a reminder about overdue ones, unless asked', () => {
    const gracht = byName('Eetcafé De Gracht');
    expect(gracht.invoices.map((i) => i.nummer)).toEqual(['26100101']);
    expect(gracht.notYetDue.map((i) => i.nummer)).toEqual(['26100095']);
    expect(gracht.jurisdictie).toBe('nl');
    const all = groupInvoices(records('exact-online-openstaande-posten.csv').invoices, { today: TODAY, includeNotYetDue: true });
    expect(all.find((g) => g.key === 'nr:10052')!.invoices).toHaveLength(2);
    // A customer with only invoices not due yet keeps them (for a step before the due date).
    expect(byName('Koffiebar Mokka')).toMatchObject({ daysLate: -1, notYetDue: [] });
  });

  it('without customer numbers: by normalised name and e-mail; rows without an address join the one address', () => {
    const groups = groupInvoices(
      [
        inv({ row: 2, nummer: 'A1', naam: 'Café Zonneschijn', emails: ['info@zon.be'] }),
        inv({ row: 3, nummer: 'A2', naam: 'CAFE ZONNESCHIJN', emails: [] }),
        inv({ row: 4, nummer: 'A3', naam: 'Café  Zonneschijn.', emails: ['info@zon.be'] }),
        inv({ row: 5, nummer: 'B1', naam: 'Garage Peeters', emails: ['a@peeters.be'] }),
        inv({ row: 6, nummer: 'B2', naam: 'Garage Peeters', emails: ['b@peeters.be'] }),
        inv({ row: 7, nummer: 'C1', naam: 'Studio Noord', klantnummer: '00042' }),
        inv({ row: 8, nummer: 'C2', naam: 'Studio Noord' }),
        inv({ row: 9, nummer: 'C3', naam: 'Studio noord', klantnummer: '42' }),
      ],
      { today: TODAY },
    );
    expect(groups.map((g) => [g.key, g.invoices.map((i) => i.nummer).join(',')])).toEqual([
      ['naam:cafe zonneschijn|info@zon.be', 'A1,A2,A3'],
      ['naam:garage peeters|a@peeters.be', 'B1'],
      ['naam:garage peeters|b@peeters.be', 'B2'],
      ['nr:42', 'C1,C2,C3'],
    ]);
    expect(normalizeName(' Café  Zonneschijn. ')).toBe('cafe zonneschijn');
    expect(normalizeCustomerNumber('k 0427')).toBe('K0427');
  });

  it('warns when rows of one customer disagree, and takes the value most rows agree on', () => {
    const [g] = groupInvoices(
      [
        inv({ row: 2, nummer: '1', klantnummer: 'K1', naam: 'Bakkerij Jansen', straat: 'Markt 1', postcode: '9000', gemeente: 'Gent' }),
        inv({ row: 3, nummer: '2', klantnummer: 'K1', naam: 'Bakkerij Jansen', straat: 'Markt 1', postcode: '9000', gemeente: 'Gent' }),
        inv({ row: 4, nummer: '3', klantnummer: 'K1', naam: 'Bakkerij Janssen', straat: 'Kouter 2', postcode: '9000', gemeente: 'Gent', emails: ['x@y.be', 'z@y.be'] }),
      ],
      { today: TODAY },
    );
    expect(g!.klant.naam).toBe('Bakkerij Jansen');
    expect(g!.klant.straat).toBe('Markt 1');
    expect(g!.emails).toEqual(['x@y.be', 'z@y.be']);
    expect(g!.notes.map((n) => `${n.row} ${n.message} (${n.value})`)).toEqual([
      '4 een andere naam dan op de andere rijen van deze klant; gebruikt: Bakkerij Jansen (Bakkerij Janssen)',
      '4 een ander adres dan op de andere rijen van deze klant; gebruikt: Markt 1, 9000 Gent (Kouter 2, 9000 Gent)',
    ]);
  });

  it('flags one invoice number used for two customers, on both', () => {
    const groups = groupInvoices(
      [
        inv({ row: 2, nummer: '2026-017', klantnummer: 'K1', naam: 'Bakkerij Jansen' }),
        inv({ row: 3, nummer: '2026-018', klantnummer: 'K1', naam: 'Bakkerij Jansen' }),
        inv({ row: 4, nummer: '2026-017', klantnummer: 'K2', naam: 'Garage Peeters' }),
      ],
      { today: TODAY },
    );
    expect(groups.map((g) => g.notes.map((n) => `${n.row} ${n.field} ${n.message}`))).toEqual([
      ['2 factuurnummer factuurnummer 2026-017 staat ook bij Garage Peeters; kijk na welke klant deze factuur echt kreeg'],
      ['4 factuurnummer factuurnummer 2026-017 staat ook bij Bakkerij Jansen; kijk na welke klant deze factuur echt kreeg'],
    ]);
  });

  it('payment reference: from the file when shared, else a valid Belgian one, else invoice numbers (NL)', () => {
    const billit = groupInvoices(records('billit-yuki-verkoopfacturen.csv').invoices, { today: TODAY });
    const dupre = billit.find((g) => g.klant.klantnummer === 'K-0512')!;
    expect(dupre).toMatchObject({ mededeling: '+++002/0260/06361+++', mededelingBron: 'bestand' });
    const zwaan = billit.find((g) => g.klant.klantnummer === 'K-0427')!;
    expect(zwaan.mededelingBron).toBe('klantnummer');
    expect(parseStructuredCommunication(zwaan.mededeling!)).not.toBeNull();
    const peeters = billit.find((g) => g.klant.klantnummer === 'K-0598')!;
    expect(peeters.mededelingBron).toBe('factuurnummer');
    expect(parseStructuredCommunication(peeters.mededeling!)).not.toBeNull();
    const mb = groupInvoices(records('moneybird-facturen.csv').invoices, { today: TODAY, jurisdiction: 'nl' });
    expect(mb.find((g) => g.klant.klantnummer === '1')).toMatchObject({ mededeling: 'Facturen 2026-0153, 2026-0160', mededelingBron: 'facturen' });
    const fileOnly = groupInvoices(records('billit-yuki-verkoopfacturen.csv').invoices, { today: TODAY, mededeling: 'alleen-bestand' });
    expect(fileOnly.find((g) => g.klant.klantnummer === 'K-0427')!.mededeling).toBeUndefined();
  });
});

describe('customerFillData', () => {
  const groups = groupInvoices(records('exact-online-openstaande-posten.csv').invoices, { today: TODAY, jurisdiction: 'be' });
  const brasserie = groups.find((g) => g.key === 'nr:10023')!;

  it('builds valid fill data: every invoice in facturen, the oldest as factuur, today as sending date', () => {
    const data = customerFillData(brasserie, SENDER, TODAY, '2026-06-30');
    expect(FillData.safeParse(data).success).toBe(true);
    expect(data.facturen!.map((f) => f.nummer)).toEqual(['26100041', '26100057', '26100063']);
    expect(data.factuur).toEqual({ nummer: '26100041', datum: '2026-03-17', vervaldatum: '2026-04-16', bedrag: 124050, openstaand: 124050 });
    expect(data.data).toEqual({ verzending: TODAY, nieuweTermijn: '2026-06-30' });
    expect(data.dossier).toEqual({ jurisdictie: 'be', klanttype: 'onderneming' });
    expect(data.afzender?.naam).toBe('Bakkerij De Gouden Korst bv');
    expect(compute(data)['berekend.totaalOpen']).toBe(251285);
    expect(compute(data)['berekend.dagenTeLaat']).toBe(60);
  });

  it('counts statutory interest per invoice from its own due date (less than on the whole total from the oldest)', () => {
    const per = interestPerInvoice(brasserie, TODAY)!;
    const expected = brasserie.invoices.reduce((sum, i) => sum + (statutoryInterest({ dossier: { jurisdictie: 'be' }, factuur: { vervaldatum: i.vervaldatum }, data: { verzending: TODAY } }, i.openstaand)?.totalCents ?? 0), 0);
    expect(per.interest).toBe(expected);
    const whole = statutoryInterest({ dossier: { jurisdictie: 'be' }, factuur: { vervaldatum: brasserie.oldestDue }, data: { verzending: TODAY } }, brasserie.totalOpen)!.totalCents!;
    expect(per.interest).toBeLessThan(whole);
    expect(per.interestvoet).toBeGreaterThan(0);
    expect(customerFillData(brasserie, SENDER, TODAY).kosten?.interest).toBe(per.interest);
    // One due date: fill() computes it as usual.
    expect(interestPerInvoice(groups.find((g) => g.key === 'nr:10044')!, TODAY)).toBeNull();
  });

  it('uses the sender\'s general payment link when the row has none', () => {
    expect(customerFillData(brasserie, { ...SENDER, betaallink: 'https://betalen.goudenkorst.be' }, TODAY).betaling?.link).toBe('https://betalen.goudenkorst.be');
    expect(customerFillData(brasserie, { ...SENDER, betaallink: 'javascript:alert(1)' }, TODAY).betaling?.link).toBeUndefined();
  });
});

describe('pickStep and planCustomers', () => {
  // The seed playbook with its legal step at D+54 (the seed has it at D+65, after the notice's term):
  // the day counts below are written for these offsets.
  const seedStandaard = workflow('standaard');
  const standaard = { ...seedStandaard, stappen: seedStandaard.stappen.map((s, i, all) => (i === all.length - 1 ? { ...s, offset: 54 } : s)) }; // offsets -3, 5, 15, 20, 30, 40, 54

  it('picks the largest offset not later than the days late', () => {
    expect(standaard.stappen.map((s) => s.offset)).toEqual([-3, 5, 15, 20, 30, 40, 54]);
    const cases: [number, number | null][] = [[-10, null], [-4, null], [-3, 0], [0, 0], [4, 0], [5, 1], [14, 1], [15, 2], [29, 3], [30, 4], [53, 5], [54, 6], [400, 6]];
    for (const [late, index] of cases) expect([late, pickStep(standaard, late)]).toEqual([late, index]);
  });

  const prepared = prepareBulk(fixture('exact-online-openstaande-posten.csv'), { today: TODAY, workflow: standaard, jurisdiction: 'be' });
  const onSchedule = prepareBulk(fixture('exact-online-openstaande-posten.csv'), { today: TODAY, workflow: standaard, jurisdiction: 'be', sent: 'volgens-schema' });
  const plan = (name: string) => prepared.customers.find((c) => c.group.klant.naam === name)!;
  const table = (customers: readonly PlannedCustomer[]) => customers.map((c) => [c.group.klant.naam, c.status, c.step?.offset ?? null, c.channel, c.template]);

  it('without knowing what was sent, every customer starts at the first step: never a lawyer letter as a first message', () => {
    expect(table(prepared.customers)).toEqual([
      ['Bakkerij Van Damme', 'klaar', 5, 'email', 'standaard-d5-eerste-herinnering'],
      ['Brasserie Het Pleintje bv', 'klaar', 5, 'email', 'standaard-d5-eerste-herinnering'],
      ['Eetcafé De Gracht', 'klaar', 5, 'email', 'standaard-d5-eerste-herinnering'],
      ['Hotel Ter Duinen nv', 'klaar', 5, 'email', 'standaard-d5-eerste-herinnering'],
      ['Koffiebar Mokka', 'klaar', -3, 'email', 'standaard-dmin3-herinnering-voor-vervaldag'],
      // No e-mail address for the first reminder by e-mail: skipped, with the reason.
      ['Traiteur Lemaire', 'overgeslagen', 5, 'email', 'standaard-d5-eerste-herinnering'],
    ]);
    expect(prepared.customers.some((c) => c.legal || c.channel === 'juridisch' || c.channel === 'aangetekende-brief')).toBe(false);
    expect(legalStepWarning(prepared.customers)).toBeNull();
    // The customers who would have been further along by the calendar are told why.
    expect(plan('Brasserie Het Pleintje bv').reasons).toEqual(['niet bekend welke herinnering al verstuurd is: deze klant begint bij de eerste stap']);
    expect(plan('Hotel Ter Duinen nv').reasons).toEqual([]);
    expect(planSummary(prepared.customers)).toEqual({ klaar: 5, wachten: 0, overgeslagen: 1, perKanaal: { email: 5 } });
  });

  it('"volgens schema": the step whose offset was reached, and a warning before the legal ones', () => {
    expect(table(onSchedule.customers)).toEqual([
      ['Bakkerij Van Damme', 'klaar', 15, 'email', 'standaard-d15-tweede-herinnering'],
      ['Brasserie Het Pleintje bv', 'klaar', 54, 'juridisch', 'standaard-d54-overdracht-aan-advocaat'],
      ['Eetcafé De Gracht', 'klaar', 54, 'juridisch', 'standaard-d54-overdracht-aan-advocaat'],
      ['Hotel Ter Duinen nv', 'klaar', 5, 'email', 'standaard-d5-eerste-herinnering'],
      ['Koffiebar Mokka', 'klaar', -3, 'email', 'standaard-dmin3-herinnering-voor-vervaldag'],
      ['Traiteur Lemaire', 'klaar', 54, 'juridisch', 'standaard-d54-overdracht-aan-advocaat'],
    ]);
    expect(onSchedule.customers.filter((c) => c.legal).map((c) => c.group.klant.naam)).toEqual(['Brasserie Het Pleintje bv', 'Eetcafé De Gracht', 'Traiteur Lemaire']);
    expect(legalStepWarning(onSchedule.customers)).toBe(
      "3 klanten krijgen vandaag een juridische stap: D+54 · Overdracht aan advocaat of gerechtsdeurwaarder (juridische stap). Zo'n brief verwijst naar de vorige herinneringen; maak hem alleen als die echt verstuurd zijn.",
    );
  });

  it('escalates one step per run from the last step sent, and only once that step is due', () => {
    const groups = prepared.groups;
    const brasserie = groups.find((g) => g.klant.naam === 'Brasserie Het Pleintje bv')!; // 60 days late
    const hotel = groups.find((g) => g.klant.naam === 'Hotel Ter Duinen nv')!; // 11 days late
    const run = (sent: SentState) => planCustomers([brasserie, hotel], { workflow: standaard, today: TODAY, sent }).map((c) => [c.status, c.step?.offset ?? null]);
    expect(run('geen')).toEqual([['klaar', 5], ['klaar', 5]]);
    expect(run(1)).toEqual([['klaar', 15], ['wachten', null]]); // D+5 sent: the hotel's D+15 is not due yet
    expect(run(4)).toEqual([['klaar', 40], ['wachten', null]]); // D+30 sent: the registered formal notice
    expect(run(5)).toEqual([['klaar', 54], ['wachten', null]]); // only after the formal notice: the lawyer
    const waiting = planCustomers([hotel], { workflow: standaard, today: TODAY, sent: 1 })[0]!;
    expect(waiting.reasons).toEqual(['de volgende stap (D+15) is pas op 2026-06-19 aan de beurt']);
    expect(waiting.next).toMatchObject({ stepIndex: 2, date: '2026-06-19' });
    const done = planCustomers([brasserie], { workflow: standaard, today: TODAY, sent: 6 })[0]!;
    expect(done).toMatchObject({ status: 'wachten', step: null, reasons: ['alle stappen van dit draaiboek zijn al verstuurd'] });
    expect(done.next).toMatchObject({ stepIndex: null, label: 'Opvolgen na de laatste stap' });
  });

  it('reads the last reminder sent per invoice from the file; a customer counts as far as its least advanced invoice', () => {
    const csv = [
      'Factuurnummer;Klant;E-mail;Straat;Postcode;Gemeente;Vervaldatum;Openstaand;Laatste herinnering',
      'F1;Bakkerij Eén;a@een.be;Markt 1;9000;Gent;2026-04-16;100,00;D+30',
      'F2;Bakkerij Twee;b@twee.be;Markt 2;9000;Gent;2026-04-16;100,00;2',
      'F3;Bakkerij Twee;b@twee.be;Markt 2;9000;Gent;2026-04-20;100,00;3',
      'F4;Bakkerij Drie;c@drie.be;Markt 3;9000;Gent;2026-04-16;100,00;',
      'F5;Bakkerij Vier;d@vier.be;Markt 4;9000;Gent;2026-04-16;100,00;Ingebrekestelling per aangetekende brief',
      'F6;Bakkerij Vijf;e@vijf.be;Markt 5;9000;Gent;2026-04-16;100,00;iets anders',
    ].join('\n');
    const fromFile = prepareBulk(new TextEncoder().encode(csv), { today: TODAY, workflow: standaard, jurisdiction: 'be' });
    expect(fromFile.mapping.columns.laatsteStap).toEqual(['Laatste herinnering']);
    expect(fromFile.customers.map((c) => [c.group.klant.naam, c.sentFrom, c.step?.offset ?? null])).toEqual([
      ['Bakkerij Drie', 'bestand', 5], // blank: nothing sent yet
      ['Bakkerij Eén', 'bestand', 40], // D+30 sent: the formal notice
      ['Bakkerij Twee', 'bestand', 15], // two and three reminders: the least, two (D-3, D+5), so D+15
      ['Bakkerij Vier', 'bestand', 54], // the formal notice by its title: the lawyer
      ['Bakkerij Vijf', 'onbekend', 5], // not a step: warned, and from the start
    ]);
    const vijf = fromFile.customers.find((c) => c.group.klant.naam === 'Bakkerij Vijf')!;
    expect(vijf.issues.map((i) => `${i.field} ${i.severity} ${i.message}`)).toEqual(['laatsteStap waarschuwing "iets anders" noemt geen stap van dit draaiboek; de klant begint bij de eerste stap']);
  });

  it('parses what accounting tools write in a "last reminder" cell', () => {
    const cases: [string, number | 'geen' | null][] = [['', 'geen'], ['0', 'geen'], ['Geen', 'geen'], ['1', 0], ['2e herinnering', 1], ['Level 3', 2], ['D+15', 2], ['d-3', 0], ['D+16', null], ['99', 6], ['standaard-d40-ingebrekestelling', 5], ['blabla', null]];
    for (const [raw, expected] of cases) expect([raw, parseSentCell(standaard, raw)]).toEqual([raw, expected]);
  });

  it('gives a payment term counted by the legal module, and plans the next step after it', () => {
    const hotel = plan('Hotel Ter Duinen nv'); // D+11, step D+5 by e-mail, next D+15 = 19 June
    const term = earliestNextStep({ sentOn: TODAY, channel: 'email', jurisdiction: 'be', termDays: 14 });
    expect(hotel.nieuweTermijn).toBe(term.termEnd);
    expect(paymentTerm('email', 'be', TODAY)!.termEnd).toBe(term.termEnd);
    expect(paymentTerm('email', 'be', TODAY, 0)).toBeNull();
    expect(paymentTerm('email', 'be', TODAY, Number.NaN)!.termEnd).toBe(term.termEnd);
    // Scheduled 19 June, gap of 10 days from today: 25 June; but the e-mail gives a term to 29 June.
    expect(hotel.next).toMatchObject({ stepIndex: 2, date: term.earliestNextStep, label: 'D+15 · Tweede herinnering met vermelding van de nalatigheidskosten (e-mail)' });
    expect(term.earliestNextStep > '2026-06-25').toBe(true);
    // Without a term (0 days) the workflow's own gap decides.
    expect(nextAction(standaard, hotel.group, 1, TODAY, 14, 0)!.date).toBe('2026-06-25');
    // After the last step: a follow-up check two weeks later.
    expect(onSchedule.customers.find((c) => c.group.klant.naam === 'Traiteur Lemaire')!.next).toEqual({ stepIndex: null, step: null, date: '2026-06-29', label: 'Opvolgen na de laatste stap' });
  });

  it('waits before the first step, with its date', () => {
    const billit = prepareBulk(fixture('billit-yuki-verkoopfacturen.csv'), { today: TODAY, workflow: standaard });
    const frituur = billit.customers.find((c) => c.group.klant.klantnummer === 'K-0603')!;
    expect(frituur).toMatchObject({ status: 'wachten', step: null, reasons: ['nog geen stap: vervalt over 16 dagen'] });
    expect(frituur.next).toMatchObject({ stepIndex: 0, date: '2026-06-28' });
  });

  it('uses a step the user picks for everybody, or per customer, or skips a customer', () => {
    const groups = prepared.groups;
    const chosen = planCustomers(groups, { workflow: standaard, today: TODAY, choice: 1, overrides: { 'nr:10071': 'overslaan', 'nr:10067': 3 } });
    expect(chosen.map((c) => [c.group.key, c.status, c.stepIndex, c.chosen])).toEqual([
      ['nr:10044', 'klaar', 1, 'voor iedereen'],
      ['nr:10023', 'klaar', 1, 'voor iedereen'],
      ['nr:10052', 'klaar', 1, 'voor iedereen'],
      ['nr:10031', 'klaar', 1, 'voor iedereen'],
      ['nr:10071', 'overgeslagen', null, null],
      ['nr:10067', 'klaar', 3, 'per klant'],
    ]);
    expect(chosen[4]!.reasons).toEqual(['u hebt deze klant overgeslagen']);
    expect(chosen[5]!.channel).toBe('telefoon');
  });

  it('skips an e-mail step without an address, with the reason on the e-mail cells', () => {
    const broken = prepareBulk(fixture('kapot.csv'), { today: TODAY, workflow: standaard });
    const skipped = broken.customers.filter((c) => c.status === 'overgeslagen');
    expect(skipped.map((c) => c.group.klant.naam)).toEqual(['Fout Adres bv', 'Zonder Mail bv']);
    expect(skipped[1]!.reasons).toEqual(['geen (geldig) e-mailadres voor een e-mailstap']);
    expect(skipped[1]!.issues).toEqual([
      { row: 12, field: 'email', column: 'E-mail', columnIndex: broken.parsed.headers.indexOf('E-mail'), value: '', severity: 'fout', message: 'een e-mailadres is nodig: deze klant krijgt vandaag een e-mail' },
    ]);
  });

  it('says in plain Dutch why a customer waits', () => {
    const wait = (vervaldatum: string) => planCustomers(groupInvoices([inv({ row: 2, nummer: '1', vervaldatum })], { today: TODAY }), { workflow: workflow('vip'), today: TODAY })[0]!.reasons[0];
    expect(workflow('vip').stappen[0]!.offset).toBeGreaterThan(1);
    expect([wait('2026-06-16'), wait('2026-06-15'), wait('2026-06-14'), wait('2026-06-13')]).toEqual([
      'nog geen stap: vervalt over 1 dag',
      'nog geen stap: vervalt vandaag',
      'nog geen stap: 1 dag na de vervaldatum',
      'nog geen stap: 2 dagen na de vervaldatum',
    ]);
  });

  it('warns about a letter without a full address and a call without a phone number', () => {
    const groups = groupInvoices([inv({ row: 2, nummer: '1', naam: 'Zonder Adres', vervaldatum: '2026-04-01' })], { today: TODAY });
    const [letter] = planCustomers(groups, { workflow: standaard, today: TODAY, choice: 5 });
    expect(letter!.status).toBe('klaar');
    expect(letter!.issues.map((i) => i.message)).toEqual(['adres onvolledig voor een brief (straat, postcode, gemeente ontbreekt); vul het aan op de brief']);
    const [call] = planCustomers(groups, { workflow: standaard, today: TODAY, choice: 3 });
    expect(call!.issues.map((i) => `${i.severity} ${i.message}`)).toEqual(['waarschuwing geen telefoonnummer voor een belstap']);
  });
});

describe('plan details that change what a customer is told', () => {
  const seed = workflow('standaard');
  const standaard = { ...seed, stappen: seed.stappen.map((s, i, all) => (i === all.length - 1 ? { ...s, offset: 54 } : s)) };
  const one = (over: Partial<InvoiceRecord> = {}) => groupInvoices([inv({ row: 2, nummer: '1', naam: 'Klant', emails: ['k@klant.be'], straat: 'Markt 1', postcode: '9000', gemeente: 'Gent', telefoon: '09 123 45 67', ...over })], { today: TODAY });

  it('a call gives the term an e-mail gives (the date agreed starts tomorrow); a letter counts delivery days', () => {
    const email = paymentTerm('email', 'be', TODAY)!;
    expect(paymentTerm('telefoon', 'be', TODAY)).toEqual(email);
    const letter = paymentTerm('brief', 'be', TODAY)!;
    expect(letter.termEnd > email.termEnd).toBe(true);
    expect(paymentTerm('aangetekende-brief', 'be', TODAY)!.termEnd >= letter.termEnd).toBe(true);
    expect(paymentTerm('juridisch', 'be', TODAY)).toEqual(paymentTerm('aangetekende-brief', 'be', TODAY));
    // Rounded, never more than a year, never below one day.
    expect(paymentTerm('email', 'be', TODAY, 13.6)).toEqual(paymentTerm('email', 'be', TODAY, 14));
    expect(paymentTerm('email', 'be', TODAY, 5000)).toEqual(paymentTerm('email', 'be', TODAY, 365));
    expect(paymentTerm('email', 'be', TODAY, 0.4)).toBeNull();
    expect(paymentTerm('email', 'be', TODAY, -3)).toBeNull();
  });

  it('a customer planned today gets the term of its channel as nieuweTermijn', () => {
    const [call] = planCustomers(one({ vervaldatum: '2026-05-26' }), { workflow: standaard, today: TODAY, choice: 3 });
    expect(call!.channel).toBe('telefoon');
    expect(call!.nieuweTermijn).toBe(paymentTerm('telefoon', 'be', TODAY)!.termEnd);
    const [letter] = planCustomers(one({ vervaldatum: '2026-05-26' }), { workflow: standaard, today: TODAY, choice: 5 });
    expect(letter!.nieuweTermijn).toBe(paymentTerm('aangetekende-brief', 'be', TODAY)!.termEnd);
    expect(planCustomers(one(), { workflow: standaard, today: TODAY, choice: 1, termDays: 0 })[0]!.nieuweTermijn).toBeUndefined();
  });

  it('the follow-up after the last step: 14 days by default, at least 1, at most 365', () => {
    const [g] = one();
    const last = standaard.stappen.length - 1;
    expect(nextAction(standaard, g!, last, TODAY)!.date).toBe('2026-06-29');
    expect(nextAction(standaard, g!, last, TODAY, 0)!.date).toBe('2026-06-16');
    expect(nextAction(standaard, g!, last, TODAY, 1000)!.date).toBe('2027-06-15');
    expect(nextAction(standaard, g!, last, TODAY, Number.NaN)!.date).toBe('2026-06-29');
  });

  it('before the first step: the first step on its own date, never in the past', () => {
    const [soon] = one({ vervaldatum: '2026-06-20' }); // D-3 falls on 17 June
    expect(nextAction(standaard, soon!, null, TODAY)).toMatchObject({ stepIndex: 0, date: '2026-06-17' });
    const [passed] = one({ vervaldatum: '2026-06-16' }); // D-3 was 13 June: the next one is D+5
    expect(nextAction(standaard, passed!, null, TODAY)).toMatchObject({ stepIndex: 1, date: '2026-06-21' });
    const [late] = one({ vervaldatum: '2026-03-01' }); // past every step: the first one, today
    expect(nextAction(standaard, late!, null, TODAY)).toMatchObject({ stepIndex: 0, date: TODAY });
  });

  it('the next step waits for the later of: its own date, the gap since today, the term of today\'s message', () => {
    const [g] = one({ vervaldatum: '2026-05-01' }); // 45 days late
    const next = nextAction(standaard, g!, 4, TODAY, 14, 0)!; // D+30 sent today, D+40 next: gap of 10 days
    expect(next).toMatchObject({ stepIndex: 5, date: '2026-06-25' });
    const withTerm = nextAction(standaard, g!, 4, TODAY)!;
    expect(withTerm.date).toBe(paymentTerm(standaard.stappen[4]!.kanaal, 'be', TODAY)!.nextFrom);
  });

  it('skip, override and everybody-choice: automatic is still worked out for the page', () => {
    const [g] = one({ vervaldatum: '2026-05-01' });
    const skipped = planCustomers([g!], { workflow: standaard, today: TODAY, overrides: { [g!.key]: 'overslaan' } })[0]!;
    expect(skipped).toMatchObject({ status: 'overgeslagen', stepIndex: null, automatic: 1, legal: false, next: null });
    const picked = planCustomers([g!], { workflow: standaard, today: TODAY, choice: 2, overrides: { [g!.key]: 5 } })[0]!;
    expect(picked).toMatchObject({ stepIndex: 5, chosen: 'per klant', automatic: 1, legal: true, reasons: [] });
    const all = planCustomers([g!], { workflow: standaard, today: TODAY, choice: 2 })[0]!;
    expect(all).toMatchObject({ stepIndex: 2, chosen: 'voor iedereen', automatic: 1, legal: false });
    // An override to a step that does not exist falls back to the automatic one.
    expect(planCustomers([g!], { workflow: standaard, today: TODAY, overrides: { [g!.key]: 99 } })[0]!).toMatchObject({ stepIndex: 1, chosen: 'automatisch' });
  });

  it('a stated last step applies only to customers whose file says nothing', () => {
    const [g] = one({ vervaldatum: '2026-05-01' });
    expect(planCustomers([g!], { workflow: standaard, today: TODAY, sent: 2 })[0]!).toMatchObject({ stepIndex: 3, sentFrom: 'u' });
    expect(planCustomers([g!], { workflow: standaard, today: TODAY, sent: 99 })[0]!).toMatchObject({ stepIndex: 1, sentFrom: 'onbekend' });
    const fromFile = { ...g!, laatsteStap: ['D+5'] };
    expect(planCustomers([fromFile], { workflow: standaard, today: TODAY, sent: 'geen' })[0]!).toMatchObject({ stepIndex: 2, sentFrom: 'bestand' });
    const unreadable = { ...g!, laatsteStap: ['iets anders'] };
    const stated = planCustomers([unreadable], { workflow: standaard, today: TODAY, sent: 'geen' })[0]!;
    expect(stated).toMatchObject({ stepIndex: 1, sentFrom: 'u' });
    expect(stated.issues.map((i) => i.message)).toEqual(['"iets anders" noemt geen stap van dit draaiboek; uw keuze bij "Wat kregen de klanten al?" geldt']);
  });

  it('counts for the page, and the legal question in the singular', () => {
    const [g] = one({ vervaldatum: '2026-05-01' });
    const planned = planCustomers([g!], { workflow: standaard, today: TODAY, choice: 5 });
    expect(planSummary(planned)).toEqual({ klaar: 1, wachten: 0, overgeslagen: 0, perKanaal: { 'aangetekende-brief': 1 } });
    expect(legalStepWarning(planned)).toMatch(/^1 klant krijgt vandaag een juridische stap: D\+40 · /);
    const waiting = planCustomers(one({ vervaldatum: '2026-07-01' }), { workflow: standaard, today: TODAY });
    expect(planSummary(waiting)).toEqual({ klaar: 0, wachten: 1, overgeslagen: 0, perKanaal: {} });
    expect(legalStepWarning(waiting)).toBeNull();
  });

  it('a letter names exactly which part of the address is missing', () => {
    const warn = (over: Partial<InvoiceRecord>) => planCustomers(one({ vervaldatum: '2026-05-01', ...over }), { workflow: standaard, today: TODAY, choice: 5 })[0]!.issues.map((i) => `${i.field}: ${i.message}`);
    expect(warn({})).toEqual([]);
    expect(warn({ postcode: undefined })).toEqual(['postcode: adres onvolledig voor een brief (postcode ontbreekt); vul het aan op de brief']);
    expect(warn({ gemeente: undefined })).toEqual(['gemeente: adres onvolledig voor een brief (gemeente ontbreekt); vul het aan op de brief']);
    expect(warn({ straat: undefined, gemeente: undefined })).toEqual(['straat: adres onvolledig voor een brief (straat, gemeente ontbreekt); vul het aan op de brief']);
    // An e-mail step needs no address; a call needs a phone number only.
    expect(planCustomers(one({ straat: undefined }), { workflow: standaard, today: TODAY, choice: 1 })[0]!.issues).toEqual([]);
    expect(planCustomers(one({ telefoon: undefined }), { workflow: standaard, today: TODAY, choice: 3 })[0]!.issues.map((i) => i.field)).toEqual(['telefoon']);
  });

  it('nothing sent yet: before the due date the pre-due step, on and after it the first reminder once due', () => {
    const plan = (vervaldatum: string) => planCustomers(one({ vervaldatum }), { workflow: standaard, today: TODAY, sent: 'geen' })[0]!;
    expect(plan('2026-06-17')).toMatchObject({ status: 'klaar', stepIndex: 0 }); // D-2: the D-3 step
    expect(plan('2026-06-20')).toMatchObject({ status: 'wachten', stepIndex: null }); // D-5: not yet
    expect(plan('2026-06-15')).toMatchObject({ status: 'wachten', stepIndex: null, next: { stepIndex: 1, date: '2026-06-20' } }); // due today: no pre-due message, D+5 next
    expect(plan('2026-06-10')).toMatchObject({ status: 'klaar', stepIndex: 1 }); // D+5 reached
  });

  it('more ways accounting tools write "nothing sent yet" or a level', () => {
    for (const raw of ['neen', 'NVT', 'n.v.t.', 'none', '-', 'Level 0']) expect([raw, parseSentCell(standaard, raw)]).toEqual([raw, 'geen']);
    expect(parseSentCell(standaard, '1ste herinnering')).toBe(0);
    expect(parseSentCell(standaard, 'D + 40')).toBe(5);
    expect(parseSentCell(standaard, 'Tweede herinnering')).toBeNull();
  });
});
