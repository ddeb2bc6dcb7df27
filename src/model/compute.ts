/** Computed fill values (days late, totals). Templates never do arithmetic: it all happens here. */
import type { FillData } from '../content/schema.ts';
import { daysBetween } from './format.ts';

export interface Computed {
  'berekend.dagenTeLaat'?: number;
  'berekend.totaalOpen'?: number;
  'berekend.totaalTeBetalen'?: number;
  'berekend.saldo'?: number;
  'berekend.termijnbedrag'?: number;
}

export interface Installment {
  number: number;
  date?: string;
  amountCents: number;
}

/** Adds whole months to an ISO date, keeping the day where the month allows (31 Jan -> 28/29 Feb). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, lastDay));
  return first.toISOString().slice(0, 10);
}

/** Equal monthly instalments in cents; the last one absorbs the rounding so the sum is exact. */
export function installmentPlan(totalCents: number, count: number, firstDate?: string): Installment[] {
  const base = Math.floor(totalCents / count);
  return Array.from({ length: count }, (_, i) => {
    const item: Installment = { number: i + 1, amountCents: i === count - 1 ? totalCents - base * (count - 1) : base };
    if (firstDate) item.date = addMonths(firstDate, i);
    return item;
  });
}

/** The open invoices a message is about: the list when given, else the single invoice. */
export function openInvoices(data: FillData): NonNullable<FillData['facturen']> {
  if (data.facturen?.length) return data.facturen;
  return data.factuur ? [{ ...data.factuur, nummer: data.factuur.nummer ?? '' }] : [];
}

export function compute(data: FillData): Computed {
  const result: Computed = {};
  const due = data.factuur?.vervaldatum ?? data.facturen?.[0]?.vervaldatum;
  if (due && data.data?.verzending) result['berekend.dagenTeLaat'] = Math.max(0, daysBetween(due, data.data.verzending));
  const invoices = openInvoices(data);
  const amounts = invoices.map((f) => f.openstaand ?? f.bedrag);
  if (amounts.length && amounts.every((a) => a !== undefined)) {
    const open = (amounts as number[]).reduce((sum, a) => sum + a, 0);
    result['berekend.totaalOpen'] = open;
    result['berekend.totaalTeBetalen'] = open + (data.kosten?.interest ?? 0) + (data.kosten?.forfait ?? 0);
    if (data.betaling?.ontvangen !== undefined) result['berekend.saldo'] = Math.max(0, open - data.betaling.ontvangen);
    const count = data.afspraak?.aantalTermijnen;
    if (count) result['berekend.termijnbedrag'] = installmentPlan(result['berekend.saldo'] ?? open, count)[0]!.amountCents;
  }
  return result;
}
