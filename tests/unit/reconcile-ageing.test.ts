/** Ageing overview (buckets, totals, DSO, CSV) and payment behaviour per customer from matched data. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { ageing, ageingCsv, bucketOf } from '../../src/reconcile/ageing.ts';
import { customerBehaviour } from '../../src/reconcile/behaviour.ts';
import { readFiles } from '../../src/reconcile/files.ts';
import { reconcile } from '../../src/reconcile/match.ts';
import type { Invoice, Payment } from '../../src/reconcile/types.ts';

const dir = join(import.meta.dirname, '..', 'fixtures', 'reconcile', 'files');
const read = readFiles(readdirSync(dir).sort().map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(dir, name))) })));
const rec = reconcile(read.invoices, read.payments);

describe('ageing', () => {
  it('puts days past due in the five buckets, edges included', () => {
    expect([-3, 0, 1, 30, 31, 60, 61, 90, 91, 400].map(bucketOf)).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4]);
  });

  it('sums the open amounts per customer and in total, and computes DSO over the last 90 days', () => {
    const a = ageing(rec, '2026-12-10');
    expect(a.rows.map((r) => [r.naam, r.buckets, r.totaal])).toEqual([
      // Due 5 and 4 November: 35 and 36 days late; F2026-0108 due 11 November: 29 days.
      ['Drukkerij Claes NV', [0, 0, 217800, 0, 0], 217800],
      ['Schrijnwerkerij Peeters BV', [0, 0, 30500, 0, 0], 30500],
      ['Tuinaanleg Maes', [0, 9900, 0, 0, 0], 9900],
    ]);
    expect(a.total).toMatchObject({ totaal: 258200, facturen: 3 });
    // Invoiced 2026-10-01…10-12: 1210+605+2420+363+847+150+500+99 = 6194, minus the credit note 242 = 5952.
    expect(a.dso).toBe(Math.round((2582 / 5952) * 90));
    const later = ageing(rec, '2027-02-10');
    expect(later.total.buckets).toEqual([0, 0, 0, 0, 258200]);
    expect(later.dso).toBeNull();
  });

  it('writes a CSV with one row per customer and a total row', () => {
    const rows = Papa.parse<string[]>(ageingCsv(ageing(rec, '2026-12-10')).replace(/^\ufeff/, ''), { delimiter: ';', skipEmptyLines: true }).data;
    expect(rows[0]).toEqual(['Klant', 'Facturen', 'Nog niet vervallen', '1–30 dagen', '31–60 dagen', '61–90 dagen', 'Meer dan 90 dagen', 'Totaal open']);
    expect(rows.at(-1)).toEqual(['Totaal', '3', '0,00', '99,00', '2483,00', '0,00', '0,00', '2582,00']);
  });
});

describe('payment behaviour per customer', () => {
  const inv = (nummer: string, vervaldatum: string, euros: number, klant = 'A'): Invoice => ({ id: nummer, soort: 'factuur', nummer, datum: '2025-01-01', vervaldatum, klant: { naam: `Klant ${klant}` }, klantSleutel: klant, bedrag: euros * 100, valuta: 'EUR', crediteert: [], bestand: 'x', opmerkingen: [] });
  const pay = (id: string, datum: string, euros: number, mededeling: string): Payment => ({ id, rekening: 'X', datum, bedrag: euros * 100, richting: 'in', valuta: 'EUR', mededeling, bestand: 'y' });

  it('counts days late from the due date to the payment, and open overdue invoices with their days so far', () => {
    const r = reconcile(
      [inv('A-0001', '2026-10-01', 100), inv('A-0002', '2026-10-01', 100), inv('A-0003', '2026-11-01', 100), inv('B-0001', '2026-10-01', 300, 'B')],
      [pay('1', '2026-09-28', 100, 'A-0001'), pay('2', '2026-10-21', 100, 'A-0002'), pay('3', '2026-10-05', 300, 'B-0001')],
    );
    const [b, a] = customerBehaviour(r, '2026-11-11').sort((x, y) => x.naam.localeCompare(y.naam)).reverse();
    // A: 0 days, 20 days, and 10 days so far on the open one.
    expect(a).toMatchObject({ naam: 'Klant A', facturen: 3, betaald: 2, openstaand: 10000, gemiddeldDagenTeLaat: 10, aandeelMeerDan15: 33, gemiddeldBedragProcent: 67 });
    expect(b).toMatchObject({ naam: 'Klant B', gemiddeldDagenTeLaat: 4, aandeelMeerDan15: 0, gemiddeldBedragProcent: 200, jarenKlant: 1.9 });
  });
});
