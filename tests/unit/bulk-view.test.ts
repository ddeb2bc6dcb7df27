/**
 * The bulk page's view logic (islands/bulk-view.ts and lib/bulk-view-model.ts) on a small export
 * that holds one row of each kind: which status and words each row gets, which rows each filter
 * shows, which mapping fields are still missing, and the plan's summary line.
 */
import { describe, expect, it } from 'vitest';
import type { ColumnMapping } from '../../src/bulk/index.ts';
import { prepareBulk } from '../../src/bulk/prepare.ts';
import { capitalize, missingFields, planSummaryText, plural } from '../../src/site/islands/bulk-view.ts';
import { matchesFilter, rowPage, type RowView } from '../../src/site/lib/bulk-view-model.ts';
import { TODAY, workflow } from '../fixtures/bulk/setup.ts';

// TODAY is 15 June 2026.
const lines = [
  'Klantnummer;Klantnaam;E-mail;Straat;Postcode;Gemeente;Factuurnummer;Factuurdatum;Vervaldatum;Bedrag;Openstaand',
  // Row 2: 45 days late, everything in order.
  'K-1;Bakkerij Aerts;info@aerts.example;Dorpsstraat 1;9000;Gent;F-1;01-04-2026;01-05-2026;100,00;100,00',
  // Row 3: the same customer's invoice that is not due yet.
  'K-1;Bakkerij Aerts;info@aerts.example;Dorpsstraat 1;9000;Gent;F-2;01-06-2026;01-07-2026;50,00;50,00',
  // Row 4: one day late, too early for the first step.
  'K-2;Garage Bosmans;info@bosmans.example;Kerkstraat 2;9000;Gent;F-3;01-05-2026;14-06-2026;80,00;80,00',
  // Row 5: an e-mail step for a customer without an address.
  'K-3;Café Claes;;Markt 3;9000;Gent;F-4;01-04-2026;01-05-2026;70,00;70,00',
  // Row 6: no amount.
  'K-4;Drukkerij Dewit;info@dewit.example;Markt 4;9000;Gent;F-5;01-04-2026;01-05-2026;veel;veel',
  // Row 7: more open than invoiced: goes along, with a remark.
  'K-5;Eethuis Engels;info@engels.example;Markt 5;9000;Gent;F-6;01-04-2026;01-05-2026;60,00;90,00',
];
const prepared = prepareBulk(new TextEncoder().encode(`${lines.join('\r\n')}\r\n`), { today: TODAY, workflow: workflow('standaard'), jurisdiction: 'be' });
const statuses = (filter: 'alle' | 'meldingen' | 'overgeslagen') => rowPage(prepared, filter, 100).rows.map((r) => [r.row, r.status]);

describe('row statuses', () => {
  const rows = rowPage(prepared, 'alle', 100).rows;
  const row = (n: number): RowView => rows.find((r) => r.row === n)!;

  it('each row gets the status and words of what happens to it', () => {
    expect(rows.map((r) => [r.row, r.status, r.label])).toEqual([
      [2, 'ok', 'In orde'],
      [3, 'later', 'Nog niet vervallen: niet in de herinnering'],
      [4, 'wachten', 'Nog geen stap: 1 dag na de vervaldatum'],
      [5, 'klant-overgeslagen', expect.stringMatching(/^Klant overgeslagen: geen \(geldig\) e-mailadres voor een e-mailstap/)],
      [6, 'fout', 'Gaat niet mee'],
      [7, 'opmerking', 'Gaat mee, met een opmerking'],
    ]);
  });

  it('puts each message on the cell it is about', () => {
    // Columns: 2 = E-mail, 9 = Bedrag, 10 = Openstaand.
    expect(Object.keys(row(5).cellIssues)).toEqual(['2']);
    expect(row(5).cellIssues[2]![0]).toMatchObject({ severity: 'fout' });
    expect(row(6).cellIssues[10]![0]).toMatchObject({ severity: 'fout', message: 'ongeldig openstaand bedrag: "veel" is geen bedrag' });
    expect(row(6).cellIssues[9]![0]!.severity).toBe('waarschuwing');
    expect(row(7).cellIssues[10]![0]).toMatchObject({ severity: 'waarschuwing', message: 'het openstaande bedrag is groter dan het factuurbedrag' });
    expect(row(2).cellIssues).toEqual({});
    expect(row(2).cells[6]).toBe('F-1');
  });

  it('the filters: what goes wrong, and what needs a look', () => {
    expect(statuses('overgeslagen')).toEqual([
      [5, 'klant-overgeslagen'],
      [6, 'fout'],
    ]);
    expect(statuses('meldingen')).toEqual([
      [5, 'klant-overgeslagen'],
      [6, 'fout'],
      [7, 'opmerking'],
    ]);
    const all: RowView['status'][] = ['ok', 'opmerking', 'fout', 'klant-overgeslagen', 'wachten', 'later'];
    expect(all.filter((s) => matchesFilter(s, 'alle'))).toEqual(all);
    expect(all.filter((s) => matchesFilter(s, 'meldingen'))).toEqual(['opmerking', 'fout', 'klant-overgeslagen']);
  });

  it('a limit cuts the page but not the count', () => {
    expect(rowPage(prepared, 'alle', 2)).toMatchObject({ matching: 6, total: 6 });
    expect(rowPage(prepared, 'alle', 2).rows.map((r) => r.row)).toEqual([2, 3]);
    expect(rowPage(prepared, 'meldingen', 1)).toMatchObject({ matching: 3, total: 6 });
    expect(rowPage(prepared, 'alle', -1).rows).toEqual([]);
  });
});

describe('the plan in one line', () => {
  it('says who gets what today, who waits and who is skipped, in Belgian digit grouping', () => {
    expect(planSummaryText(prepared.summary)).toBe('Vandaag: 2 e-mails. 1 klant wacht nog. 1 klant overgeslagen.');
    expect(planSummaryText({ klaar: 1_201, wachten: 2, overgeslagen: 3, perKanaal: { email: 1_200, 'aangetekende-brief': 1 } })).toBe('Vandaag: 1.200 e-mails, 1 aangetekende brief. 2 klanten wachten nog. 3 klanten overgeslagen.');
    expect(planSummaryText({ klaar: 0, wachten: 0, overgeslagen: 0, perKanaal: {} })).toBe('Vandaag krijgt geen enkele klant een bericht.');
    expect(planSummaryText({ klaar: 3, wachten: 0, overgeslagen: 0, perKanaal: { telefoon: 1, juridisch: 2 } })).toBe('Vandaag: 1 belscript, 2 brieven voor de juridische stap.');
  });

  it('words: one and many, and a capital at the start', () => {
    expect([plural(1, 'rij', 'rijen'), plural(0, 'rij', 'rijen'), plural(20_000, 'rij', 'rijen')]).toEqual(['1 rij', '0 rijen', '20.000 rijen']);
    expect(capitalize('ongeldige vervaldatum')).toBe('Ongeldige vervaldatum');
    expect(capitalize('')).toBe('');
  });
});

describe('the mapping form: the fields still missing', () => {
  const mapping = (columns: ColumnMapping['columns']): ColumnMapping => ({ version: 1, columns });

  it('an empty mapping misses number, amount, due date and customer', () => {
    expect([...missingFields(mapping({}), undefined)].sort()).toEqual(['factuurnummer', 'klantnaam', 'openstaand', 'vervaldatum']);
  });

  it('the invoice amount stands in for the open amount, a contact person for the name', () => {
    expect(missingFields(mapping({ factuurnummer: ['Nr'], bedrag: ['Totaal'], vervaldatum: ['Vervalt'], contactpersoon: ['Contact'] }), undefined)).toEqual(new Set());
  });

  it('the invoice date counts as a due date only with a default term', () => {
    const byDate = mapping({ factuurnummer: ['Nr'], openstaand: ['Open'], factuurdatum: ['Datum'], klantnaam: ['Klant'] });
    expect([...missingFields(byDate, undefined)]).toEqual(['vervaldatum']);
    expect(missingFields(byDate, 30)).toEqual(new Set());
  });

  it('a field mapped to no column at all is still missing', () => {
    expect(missingFields(mapping({ factuurnummer: [], openstaand: ['Open'], vervaldatum: ['V'], klantnaam: ['K'] }), undefined)).toEqual(new Set(['factuurnummer']));
  });
});
