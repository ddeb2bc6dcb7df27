/**
 * Payment behaviour per customer from matched invoices and payments: the indicators of the
 * segmentation guide that a statement can show. An invoice counts as paid on the date of its
 * last payment; a still-open invoice past its due date counts with its days late so far. What a
 * statement cannot show (reminders sent, disputes, broken promises) stays unknown. Pure.
 */
import { daysBetween } from '../model/format.ts';
import type { Reconciliation } from './match.ts';

export interface CustomerBehaviour {
  klantSleutel: string;
  naam: string;
  facturen: number;
  betaald: number;
  openstaand: number;
  /** Average days after the due date, 0 for on time; null without an invoice past its due date. */
  gemiddeldDagenTeLaat: number | null;
  /** Percent of invoices paid (or still open) more than 15 days after the due date. */
  aandeelMeerDan15: number | null;
  /** Average invoice amount as a percentage of the average invoice of all customers. */
  gemiddeldBedragProcent: number;
  /** Years since the oldest invoice in the files. */
  jarenKlant: number;
}

export function customerBehaviour(rec: Reconciliation, today: string): CustomerBehaviour[] {
  const paymentDate = new Map(rec.payments.map((p) => [p.payment.id, p.payment.valutadatum ?? p.payment.datum]));
  const all = rec.invoices.filter((s) => s.invoice.valuta === 'EUR');
  const average = all.length ? all.reduce((s, i) => s + i.invoice.bedrag, 0) / all.length : 0;
  const groups = new Map<string, typeof all>();
  for (const s of all) groups.set(s.invoice.klantSleutel, [...(groups.get(s.invoice.klantSleutel) ?? []), s]);
  return [...groups.values()].map((list) => {
    const late: number[] = [];
    for (const s of list) {
      const due = s.invoice.vervaldatum;
      if (!due) continue;
      if (s.status === 'betaald') {
        const dates = s.allocations.map((a) => (a.paymentId ? paymentDate.get(a.paymentId) : undefined)).filter((d): d is string => !!d).sort();
        const paid = dates.at(-1);
        // Settled by a credit note alone: no payment date, no lateness to count.
        if (paid) late.push(Math.max(0, daysBetween(due, paid)));
      } else if (due < today) late.push(daysBetween(due, today));
    }
    const first = list.map((s) => s.invoice.datum).filter((d): d is string => !!d).sort()[0];
    const amount = list.reduce((s, i) => s + i.invoice.bedrag, 0) / list.length;
    return {
      klantSleutel: list[0]!.invoice.klantSleutel,
      naam: list[0]!.invoice.klant.naam,
      facturen: list.length,
      betaald: list.filter((s) => s.status === 'betaald').length,
      openstaand: list.reduce((s, i) => s + i.openstaand, 0),
      gemiddeldDagenTeLaat: late.length ? Math.round((late.reduce((a, b) => a + b, 0) / late.length) * 10) / 10 : null,
      aandeelMeerDan15: late.length ? Math.round((late.filter((d) => d > 15).length / late.length) * 100) : null,
      gemiddeldBedragProcent: average ? Math.round((amount / average) * 100) : 100,
      jarenKlant: first ? Math.round((daysBetween(first, today) / 365.25) * 10) / 10 : 0,
    };
  }).sort((a, b) => b.openstaand - a.openstaand || a.naam.localeCompare(b.naam, 'nl'));
}
