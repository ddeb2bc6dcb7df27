/**
 * From the reconciliation into bulk mode: only the invoices still open, with what is still open,
 * go through bulk mode's own CSV reading, grouping and planning; the lists for a spreadsheet are
 * escaped and formula-safe.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { groupInvoices } from '../../src/bulk/group.ts';
import { prepareBulk } from '../../src/bulk/prepare.ts';
import { readFiles } from '../../src/reconcile/files.ts';
import { reconcile } from '../../src/reconcile/match.ts';
import { bulkCsv, openInvoiceRecords, openItemsCsv, unmatchedPaymentsCsv } from '../../src/reconcile/reminders.ts';
import type { Invoice, Payment } from '../../src/reconcile/types.ts';
import { workflow } from '../fixtures/bulk/setup.ts';

const dir = join(import.meta.dirname, '..', 'fixtures', 'reconcile', 'files');
const read = readFiles(readdirSync(dir).sort().map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(dir, name))) })));
const rec = reconcile(read.invoices, read.payments);
const TODAY = '2026-12-01';
const rows = (csv: string) => Papa.parse<string[]>(csv.replace(/^\ufeff/, ''), { delimiter: ';', skipEmptyLines: true }).data;

describe('open invoices into bulk mode', () => {
  const open = openInvoiceRecords(rec);

  it('keeps only what is still open, with the open amount, the customer and the payment reference', () => {
    expect(open.records.map((r) => [r.nummer, r.openstaand, r.klantnummer, r.mededeling])).toEqual([
      ['F2026-0102', 30500, '0456789012', '+++202/6010/20009+++'],
      ['F2026-0103', 217800, '0567890123', '+++202/6010/30012+++'],
      ['F2026-0108', 9900, '0678901234', undefined],
    ]);
    expect(open.records[0]).toMatchObject({ naam: 'Schrijnwerkerij Peeters BV', emails: ['boekhouding@peeters.example'], straat: 'Kerkstraat 12', postcode: '2800', gemeente: 'Mechelen', land: 'be', klanttype: 'onderneming', vervaldatum: '2026-11-04' });
    expect([...open.pdfs.keys()]).toEqual(['F2026-0102', 'F2026-0103']);
  });

  it('goes through bulk mode’s own CSV reading, grouping and planning with the same result', () => {
    const viaCsv = prepareBulk(bulkCsv(open.records), { today: TODAY, workflow: workflow('standaard') });
    expect(viaCsv.mappingProblems).toEqual([]);
    expect(viaCsv.validation.skipped).toEqual([]);
    expect(viaCsv.validation.invoices.map((r) => [r.nummer, r.openstaand, r.mededeling, r.klantnummer])).toEqual(open.records.map((r) => [r.nummer, r.openstaand, r.mededeling, r.klantnummer]));
    const direct = groupInvoices(open.records, { today: TODAY });
    expect(viaCsv.groups.map((g) => [g.klant.naam, g.totalOpen, g.invoices.map((i) => i.nummer)])).toEqual(direct.map((g) => [g.klant.naam, g.totalOpen, g.invoices.map((i) => i.nummer)]));
    expect(viaCsv.customers).toHaveLength(3);
  });

  it('takes a default term for an invoice without a due date and skips one without any date', () => {
    const base = read.invoices.find((i) => i.nummer === 'F2026-0108')!;
    const noDue: Invoice = { ...base, id: 'a', nummer: 'A-1' };
    delete noDue.vervaldatum;
    const noDates: Invoice = { ...noDue, id: 'b', nummer: 'B-1' };
    delete noDates.datum;
    const r = openInvoiceRecords(reconcile([noDue, noDates], []), { defaultTermDays: 14 });
    expect(r.records.map((x) => [x.nummer, x.vervaldatum])).toEqual([['A-1', '2026-10-26']]);
    expect(r.skipped).toEqual([{ nummer: 'B-1', reden: 'geen vervaldatum en geen factuurdatum' }]);
  });
});

describe('lists for a spreadsheet', () => {
  it('lists open items with what was paid and why', () => {
    const table = rows(openItemsCsv(rec));
    expect(table[0]).toEqual(['Factuurnummer', 'Klant', 'Klantnummer', 'Factuurdatum', 'Vervaldatum', 'Valuta', 'Factuurbedrag', 'Betaald', 'Gecrediteerd', 'Openstaand', 'Status', 'Gekoppeld op basis van']);
    expect(table.slice(1).map((r) => [r[0], r[7], r[8], r[9], r[10]])).toEqual([
      ['F2026-0102', '300,00', '0,00', '305,00', 'deels betaald'],
      ['F2026-0103', '0,00', '242,00', '2178,00', 'deels betaald'],
      ['F2026-0108', '0,00', '0,00', '99,00', 'open'],
    ]);
  });

  it('lists payments without an invoice, and neutralises a name that a spreadsheet would run as a formula', () => {
    const evil: Payment = { id: 'x', rekening: 'BE68539007547034', datum: '2026-11-30', bedrag: 1234, richting: 'in', valuta: 'EUR', tegenpartij: '=HYPERLINK("http://x.example","klik")', mededeling: '@SUM(A1)', bestand: 'y.cod' };
    const table = rows(unmatchedPaymentsCsv(reconcile(read.invoices, [...read.payments, evil])));
    expect(table.slice(1).map((r) => [r[3], r[7], r[8]])).toEqual([
      ['JANSSENS AN', '50,00', 'waarborg sleutel'],
      ['ONBEKENDE KLANT', '10,00', '987654312345 (gestructureerde mededeling met een fout controlegetal)'],
      ['Particulier Smets', '75,00', 'voorschot'],
      ['\'=HYPERLINK("http://x.example","klik")', '12,34', "'@SUM(A1)"],
    ]);
  });
});
