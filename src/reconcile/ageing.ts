/**
 * What is owed and how old it is (ouderdomsanalyse): the open amount per customer in five
 * buckets by days past the due date, the total, and days sales outstanding (DSO) over a recent
 * period: open receivables / invoiced in the period × days of the period. Euro only; invoices in
 * another currency are counted apart. Pure.
 */
import { toCsv, type CsvFlavour } from '../export/csv.ts';
import { daysBetween } from '../model/format.ts';
import type { Reconciliation } from './match.ts';
import { AGEING_BUCKETS } from './labels.ts';
import { addDaysIso } from './values.ts';

export { AGEING_BUCKETS };

export interface AgeingRow {
  klantSleutel: string;
  naam: string;
  /** Cents per bucket, in the order of AGEING_BUCKETS. */
  buckets: number[];
  totaal: number;
  facturen: number;
}

export interface Ageing {
  today: string;
  /** Biggest total first. */
  rows: AgeingRow[];
  total: AgeingRow;
  /** Days sales outstanding, rounded to a day; null without invoices in the period. */
  dso: number | null;
  dsoDays: number;
  /** Open invoices in another currency than euro, left out of the figures. */
  otherCurrency: number;
  /** Open invoices without a due date, aged from the invoice date plus this default term. */
  assumedDue: number;
}

/** Bucket index for days past the due date (0 or less: not yet due). */
export function bucketOf(daysLate: number): number {
  if (daysLate <= 0) return 0;
  if (daysLate <= 30) return 1;
  if (daysLate <= 60) return 2;
  if (daysLate <= 90) return 3;
  return 4;
}

export function ageing(rec: Reconciliation, today: string, options: { dsoDays?: number; defaultTermDays?: number } = {}): Ageing {
  const dsoDays = options.dsoDays ?? 90;
  const rows = new Map<string, AgeingRow>();
  const total: AgeingRow = { klantSleutel: '', naam: 'Totaal', buckets: [0, 0, 0, 0, 0], totaal: 0, facturen: 0 };
  let otherCurrency = 0;
  let assumedDue = 0;
  for (const s of rec.invoices) {
    if (s.openstaand <= 0) continue;
    const inv = s.invoice;
    if (inv.valuta !== 'EUR') {
      otherCurrency++;
      continue;
    }
    let due = inv.vervaldatum;
    if (!due) {
      assumedDue++;
      due = addDaysIso(inv.datum ?? today, options.defaultTermDays ?? 30);
    }
    const b = bucketOf(daysBetween(due, today));
    let row = rows.get(inv.klantSleutel);
    if (!row) rows.set(inv.klantSleutel, (row = { klantSleutel: inv.klantSleutel, naam: inv.klant.naam, buckets: [0, 0, 0, 0, 0], totaal: 0, facturen: 0 }));
    for (const r of [row, total]) {
      r.buckets[b]! += s.openstaand;
      r.totaal += s.openstaand;
      r.facturen++;
    }
  }
  const from = addDaysIso(today, -dsoDays);
  const inPeriod = (d: string | undefined) => !!d && d > from && d <= today;
  const invoiced =
    rec.invoices.filter((s) => s.invoice.valuta === 'EUR' && inPeriod(s.invoice.datum)).reduce((sum, s) => sum + s.invoice.bedrag, 0) -
    rec.creditNotes.filter((c) => c.invoice.valuta === 'EUR' && inPeriod(c.invoice.datum)).reduce((sum, c) => sum + c.invoice.bedrag, 0);
  const dso = invoiced > 0 ? Math.round((total.totaal / invoiced) * dsoDays) : null;
  return { today, rows: [...rows.values()].sort((a, b) => b.totaal - a.totaal || a.naam.localeCompare(b.naam, 'nl')), total, dso, dsoDays, otherCurrency, assumedDue };
}

export function ageingCsv(a: Ageing, flavour: CsvFlavour = 'excel-nl'): string {
  const amount = (c: number) => (flavour === 'excel-nl' ? (c / 100).toFixed(2).replace('.', ',') : (c / 100).toFixed(2));
  const head = ['Klant', 'Facturen', ...AGEING_BUCKETS, 'Totaal open'];
  const line = (r: AgeingRow) => [r.naam, String(r.facturen), ...r.buckets.map(amount), amount(r.totaal)];
  return toCsv([head, ...a.rows.map(line), line(a.total)], flavour);
}
