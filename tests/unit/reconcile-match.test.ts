/**
 * Matching payments to invoices: exact, partial, over, several invoices in one payment, ambiguous,
 * none; credit notes; and the user's confirm / undo / match by hand as pure functions on a state.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFiles } from '../../src/reconcile/files.ts';
import { confirm, matchByHand, NO_DECISIONS, reconcile, textKeys, undo, type Reconciliation } from '../../src/reconcile/match.ts';
import type { Invoice, Payment } from '../../src/reconcile/types.ts';
import { OGM } from '../fixtures/reconcile/make.ts';

let n = 0;
function inv(nummer: string, euros: number, extra: Partial<Invoice> = {}): Invoice {
  return { id: `f${++n}#${nummer}`, soort: 'factuur', nummer, datum: '2026-10-01', vervaldatum: '2026-10-31', klant: { naam: 'Bakkerij Janssens' }, klantSleutel: 'nr:0111222333', bedrag: Math.round(euros * 100), valuta: 'EUR', crediteert: [], bestand: 'x.xml', opmerkingen: [], ...extra };
}
function pay(euros: number, extra: Partial<Payment> = {}): Payment {
  return { id: `p${++n}`, rekening: 'BE68539007547034', datum: '2026-11-10', bedrag: Math.round(euros * 100), richting: 'in', valuta: 'EUR', mededeling: '', bestand: 'x.cod', ...extra };
}
const statusOf = (r: Reconciliation, i: Invoice) => {
  const s = r.invoices.find((x) => x.invoice.id === i.id)!;
  return { status: s.status, openstaand: s.openstaand, redenen: s.allocations.map((a) => `${a.zekerheid}: ${a.reden}`) };
};

describe('matching', () => {
  it('matches by structured communication first, even when the text names another invoice', () => {
    const a = inv('F-1001', 100, { ogm: '202601010006' });
    const b = inv('F-1002', 100);
    const r = reconcile([a, b], [pay(100, { ogm: '202601010006', mededeling: 'F-1002' })]);
    expect(statusOf(r, a)).toEqual({ status: 'betaald', openstaand: 0, redenen: ['zeker: gestructureerde mededeling +++202/6010/10006+++ van deze factuur'] });
    expect(statusOf(r, b).status).toBe('open');
  });

  it('leaves a partly paid invoice open for the rest and keeps an overpayment on the payment', () => {
    const a = inv('F-2001', 605, { ogm: OGM.f0102 });
    const b = inv('F-2002', 100, { ogm: OGM.f0101 });
    const over = pay(120, { ogm: OGM.f0101 });
    const r = reconcile([a, b], [pay(300, { ogm: OGM.f0102 }), over]);
    expect(statusOf(r, a)).toMatchObject({ status: 'deels betaald', openstaand: 30500 });
    expect(statusOf(r, a).redenen[0]).toMatch(/deelbetaling: € 300,00 van € 605,00/);
    expect(statusOf(r, b)).toMatchObject({ status: 'betaald', openstaand: 0 });
    expect(r.payments.find((p) => p.payment.id === over.id)).toMatchObject({ toegewezen: 10000, rest: 2000 });
  });

  it('splits one payment over every invoice its text names, oldest due date first', () => {
    const a = inv('2026-0417', 50, { vervaldatum: '2026-11-15' });
    const b = inv('2026-0412', 30, { vervaldatum: '2026-11-01' });
    const r = reconcile([a, b], [pay(80, { mededeling: 'Fact. 2026-0412 + 2026-0417' })]);
    expect([statusOf(r, a).status, statusOf(r, b).status]).toEqual(['betaald', 'betaald']);
    expect(r.allocations.map((x) => [x.invoiceId, x.bedrag, x.zekerheid, x.reden])).toEqual([
      [b.id, 3000, 'hoog', 'factuurnummers 2026-0412, 2026-0417 in de mededeling (één betaling voor 2 facturen)'],
      [a.id, 5000, 'hoog', 'factuurnummers 2026-0412, 2026-0417 in de mededeling (één betaling voor 2 facturen)'],
    ]);
  });

  it('finds a Dutch payment reference with spaces and an invoice number behind a label', () => {
    const a = inv('20150483', 177.87, { betaalReferentie: '2015 0483 0000 0000' });
    const b = inv('NL-77', 10);
    const c = inv('INV-31337', 25);
    const r = reconcile([a, b, c], [pay(177.87, { mededeling: 'betalingskenmerk 2015048300000000' }), pay(25, { mededeling: 'factuurnr.INV-31337' })]);
    expect(statusOf(r, a).status).toBe('betaald');
    expect(statusOf(r, c).status).toBe('betaald');
    // "NL-77" is too short to look for in free text: no false match on "77".
    expect(textKeys('77 euro voor NL 77')).toEqual([]);
  });

  it('matches on amount and name only when exactly one open invoice fits, with low confidence', () => {
    const a = inv('F-3001', 847, { klant: { naam: 'Tuinaanleg Maes BV' }, klantSleutel: 'nr:0678901234' });
    const r = reconcile([a], [pay(847, { tegenpartij: 'TUINAANLEG MAES' })]);
    expect(statusOf(r, a)).toEqual({ status: 'betaald', openstaand: 0, redenen: ['laag: bedrag € 847,00 en naam "TUINAANLEG MAES"; geen factuurnummer in de mededeling'] });
  });

  it('does not guess between two equal candidates: both become suggestions', () => {
    const a = inv('F-4001', 50, { klant: { naam: 'Garage Wouters' } });
    const b = inv('F-4002', 50, { klant: { naam: 'Garage Wouters' } });
    const p = pay(50, { tegenpartij: 'Garage Wouters' });
    const r = reconcile([a, b], [p]);
    expect(r.allocations).toEqual([]);
    expect(r.payments[0]!.suggesties.map((s) => s.invoiceId)).toEqual([a.id, b.id]);
    expect(r.counts).toMatchObject({ open: 2, betalingenOnbekend: 1 });
  });

  it('leaves an unknown payment unmatched and matches no other currency', () => {
    const a = inv('F-5001', 80, { ogm: OGM.f0103, valuta: 'USD' });
    const r = reconcile([a], [pay(80, { ogm: OGM.f0103 }), pay(12.5, { tegenpartij: 'Iemand' }), pay(99, { richting: 'uit' })]);
    expect(r.allocations).toEqual([]);
    expect(r.counts).toEqual({ open: 1, deels: 0, betaald: 0, betalingenGekoppeld: 0, betalingenOnbekend: 2, uitgaand: 1 });
  });

  it('recognises the account a customer paid from before', () => {
    const first = inv('F-6001', 100, { ogm: OGM.f0101 });
    const second = inv('F-6002', 40, { vervaldatum: '2026-11-30' });
    const r = reconcile([first, second], [pay(100, { ogm: OGM.f0101, tegenrekening: 'BE71096123456769', tegenpartij: 'J. JANSSENS' }), pay(40, { tegenrekening: 'BE71096123456769', tegenpartij: 'Privérekening', datum: '2026-11-20' })]);
    expect(statusOf(r, second).redenen).toEqual(['middel: bedrag € 40,00 en rekening BE71096123456769, waarmee deze klant eerder betaalde']);
  });

  it('notes a payment for an invoice that is already paid as a possible double payment', () => {
    const a = inv('F-7001', 60, { ogm: OGM.f0101 });
    const r = reconcile([a], [pay(60, { ogm: OGM.f0101 }), pay(60, { mededeling: 'factuur F-7001', datum: '2026-11-12' })]);
    expect(r.payments[1]).toMatchObject({ rest: 6000, suggesties: [{ invoiceId: a.id, reden: 'de mededeling noemt factuur F-7001, die al betaald is: dubbele betaling?' }] });
  });
});

describe('credit notes', () => {
  it('reduce the invoice they name, or else the customer’s oldest open invoice', () => {
    const a = inv('F-8001', 2420, { ogm: OGM.f0103 });
    const b = inv('F-8002', 100, { vervaldatum: '2026-09-30' });
    const named = inv('C-1', 242, { soort: 'creditnota', crediteert: ['F-8001'] });
    const loose = inv('C-2', 30, { soort: 'creditnota' });
    const r = reconcile([a, b, named, loose], [pay(2178, { ogm: OGM.f0103 })]);
    expect(statusOf(r, a)).toMatchObject({ status: 'betaald', openstaand: 0 });
    expect(statusOf(r, a).redenen[0]).toBe('zeker: creditnota C-1 verwijst naar deze factuur');
    expect(statusOf(r, b)).toMatchObject({ status: 'deels betaald', openstaand: 7000, redenen: ['middel: creditnota C-2 noemt geen factuur; verrekend met de oudste open factuur van deze klant'] });
    expect(r.creditNotes.map((c) => [c.invoice.nummer, c.gebruikt, c.rest])).toEqual([['C-1', 24200, 0], ['C-2', 3000, 0]]);
  });
});

describe('confirm, undo and match by hand', () => {
  const a = inv('F-9001', 75, { klant: { naam: 'Particulier Smets' } });
  const b = inv('F-9002', 75, { klant: { naam: 'Smets Ann' }, klantSleutel: 'naam:smets ann' });
  const p = pay(75, { tegenpartij: 'Particulier Smets' });

  it('undo rejects an automatic match so it does not come back; match by hand puts the payment elsewhere', () => {
    const start = reconcile([a, b], [p]);
    const auto = start.allocations[0]!;
    expect(auto).toMatchObject({ invoiceId: a.id, status: 'automatisch' });

    let d = undo(NO_DECISIONS, auto);
    const afterUndo = reconcile([a, b], [p], d);
    expect(afterUndo.allocations).toEqual([]);
    expect(afterUndo.payments[0]!.rest).toBe(7500);

    d = matchByHand(d, p.id, b.id);
    const manual = reconcile([a, b], [p], d);
    expect(manual.allocations.map((x) => [x.invoiceId, x.status, x.reden])).toEqual([[b.id, 'handmatig', 'door u gekoppeld']]);
    expect(statusOf(manual, a).status).toBe('open');

    d = undo(d, manual.allocations[0]!);
    expect(d.manual).toEqual([]);
    expect(reconcile([a, b], [p], d).allocations).toEqual([]);
  });

  it('confirm marks an allocation as confirmed and is idempotent; the state is never mutated', () => {
    const start = reconcile([a, b], [p]);
    const d = confirm(confirm(NO_DECISIONS, start.allocations[0]!.key), start.allocations[0]!.key);
    expect(d.confirmed).toEqual([start.allocations[0]!.key]);
    expect(NO_DECISIONS).toEqual({ confirmed: [], rejected: [], manual: [] });
    expect(reconcile([a, b], [p], d).allocations[0]!.status).toBe('bevestigd');
  });

  it('a manual match with an amount takes only that amount', () => {
    const d = matchByHand(NO_DECISIONS, p.id, b.id, 2500);
    const r = reconcile([a, b], [p], d);
    expect(statusOf(r, b)).toMatchObject({ status: 'deels betaald', openstaand: 5000 });
  });
});

describe('the fixture set end to end', () => {
  const dir = join(import.meta.dirname, '..', 'fixtures', 'reconcile', 'files');
  const read = readFiles(readdirSync(dir).sort().map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(dir, name))) })));
  const r = reconcile(read.invoices, read.payments);

  it('gives each invoice the status its payments explain', () => {
    expect(r.invoices.map((s) => [s.invoice.nummer, s.status, s.openstaand, s.allocations.map((a) => a.bron).join('+')])).toEqual([
      ['F2026-0101', 'betaald', 0, 'ogm'],
      ['F2026-0102', 'deels betaald', 30500, 'ogm'],
      ['F2026-0103', 'deels betaald', 217800, 'creditnota'],
      ['F2026-0104', 'betaald', 0, 'factuurnummer'],
      ['F2026-0105', 'betaald', 0, 'bedrag-tegenpartij'],
      ['F2026-0106', 'betaald', 0, 'ogm'],
      ['NL-2026-0042', 'betaald', 0, 'factuurnummer'],
      ['F2026-0108', 'open', 9900, ''],
    ]);
  });

  it('lists what came in without an invoice', () => {
    expect(r.payments.filter((p) => p.rest > 0).map((p) => [p.payment.tegenpartij, p.rest])).toEqual([
      ['JANSSENS AN', 5000],
      ['ONBEKENDE KLANT', 1000],
      ['Particulier Smets', 7500],
    ]);
  });
});
