/** Computed fill values (days late, totals). Templates never do arithmetic: it all happens here. */
import type { FillData } from '../content/schema.ts';
import { daysBetween } from './format.ts';

export interface Computed {
  'berekend.dagenTeLaat'?: number;
  'berekend.totaalOpen'?: number;
  'berekend.totaalTeBetalen'?: number;
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
  }
  return result;
}
