/**
 * Amount + counterparty: the payer's name as a bank writes it against the customer's name on the
 * invoice. Exact, partial, ambiguous and no match, with legal forms, word order, accents, initials
 * and names cut at 35 characters.
 */
import { describe, expect, it } from 'vitest';
import { reconcile } from '../../src/reconcile/match.ts';
import { nameMatch, nameWords } from '../../src/reconcile/names.ts';
import type { Invoice, Payment } from '../../src/reconcile/types.ts';

describe('nameMatch', () => {
  it.each([
    ['TUINAANLEG MAES', 'Tuinaanleg Maes BV'],
    ['MAES TUINAANLEG BVBA', 'Tuinaanleg Maes'],
    ['Bloemenhandel Visser B.V.', 'BLOEMENHANDEL VISSER'],
    ['ELECTRICITE DE BRUSSEL SA', 'Électricité de Brüssel'],
    ['MEVR SMETS ANN', 'Ann Smets'],
    ['VAN DAMME BAKKERIJ', 'Bakkerij Vandamme'],
    ['SMET FRANK', 'Frank De Smet'],
  ])('same name: %s = %s', (payer, customer) => {
    expect(nameMatch(payer, customer)).toBe('gelijk');
  });

  it.each([
    ['PEETERS J.', 'Jan Peeters'],
    ['J PEETERS', 'Peeters Jan'],
    // Cut at 35 characters by the bank.
    ['SCHRIJNWERKERIJ PEETERS EN ZONEN B', 'Schrijnwerkerij Peeters en Zonen BV'],
    ['SCHRIJNWERKERIJ PEETE', 'Schrijnwerkerij Peeters BV'],
    ['DRUKKERIJ CLAES', 'Drukkerij Claes & Co NV'],
  ])('whole name in the other: %s ~ %s', (payer, customer) => {
    expect(nameMatch(payer, customer)).toBe('volledig');
  });

  it.each([
    ['PEETERS MARC', 'Schrijnwerkerij Peeters BV'],
    ['GARAGE JANSSENS', 'Garage Wouters BVBA'],
  ])('a word in common, not the whole name: %s ~ %s', (payer, customer) => {
    expect(nameMatch(payer, customer)).toBe('deels');
  });

  it.each([
    ['Garage Wouters', 'Bakkerij Janssens'],
    // A short word inside a longer name is no match ("an" in "janssens").
    ['AN', 'Bakkerij Janssens'],
    ['J. PEETERS', 'Marc Janssens'],
    ['BV', 'Drukkerij Claes NV'],
    [undefined, 'Drukkerij Claes NV'],
  ])('no match: %s / %s', (payer, customer) => {
    expect(nameMatch(payer, customer)).toBe('geen');
  });

  it('drops legal forms and titles, glues particles to the name, keeps initials', () => {
    expect(nameWords('Mevr. A. van den Broeck - Comm.V.')).toEqual(['a', 'vandenbroeck']);
  });
});

let n = 0;
const inv = (naam: string, euros: number): Invoice => ({ id: `f${++n}`, soort: 'factuur', nummer: `F-${n}`, datum: '2026-10-01', vervaldatum: '2026-10-31', klant: { naam }, klantSleutel: `naam:${naam}`, bedrag: euros * 100, valuta: 'EUR', crediteert: [], bestand: 'x.xml', opmerkingen: [] });
const pay = (tegenpartij: string, euros: number): Payment => ({ id: `p${++n}`, rekening: 'BE68539007547034', datum: '2026-11-10', bedrag: euros * 100, richting: 'in', valuta: 'EUR', mededeling: 'betaling', tegenpartij, bestand: 'x.cod' });

describe('matching on amount and name', () => {
  it('links the one invoice of that amount whose customer the payer is, even written otherwise', () => {
    const peeters = inv('Jan Peeters', 250);
    const other = inv('Marc Janssens', 250);
    const r = reconcile([peeters, other], [pay('PEETERS J.', 250)]);
    expect(r.allocations.map((a) => [a.invoiceId, a.zekerheid, a.reden])).toEqual([[peeters.id, 'laag', 'bedrag € 250,00 en naam "PEETERS J." (komt overeen met Jan Peeters); geen factuurnummer in de mededeling']]);
  });

  it('a name that matches only in part is a suggestion, not a link', () => {
    const company = inv('Schrijnwerkerij Peeters BV', 400);
    const r = reconcile([company], [pay('PEETERS MARC', 400)]);
    expect(r.allocations).toEqual([]);
    expect(r.payments[0]!.suggesties).toEqual([{ invoiceId: company.id, reden: 'zelfde bedrag (€ 400,00); de naam "PEETERS MARC" lijkt deels op Schrijnwerkerij Peeters BV' }]);
  });

  it('two customers that both fit stay a choice for the user', () => {
    const a = inv('Peeters Jan', 90);
    const b = inv('Peeters Joris', 90);
    const r = reconcile([a, b], [pay('J. PEETERS', 90)]);
    expect(r.allocations).toEqual([]);
    expect(r.payments[0]!.suggesties.map((s) => [s.invoiceId, s.reden])).toEqual([
      [a.id, 'zelfde bedrag en klant, maar 2 facturen komen in aanmerking'],
      [b.id, 'zelfde bedrag en klant, maar 2 facturen komen in aanmerking'],
    ]);
  });

  it('no name in common: the invoice stays open and the payment is only a hint', () => {
    const a = inv('Bakkerij Janssens', 60);
    const r = reconcile([a], [pay('AN', 60)]);
    expect(r.allocations).toEqual([]);
    expect(r.payments[0]!.suggesties).toEqual([{ invoiceId: a.id, reden: 'zelfde bedrag (€ 60,00), andere of onbekende betaler' }]);
  });
});
