/**
 * From payment behaviour to a playbook per customer on the reconcile page: the segmentation
 * guide's suggestion (segment-calculator.ts) from the indicators a statement can show, or the
 * user's own choice over it. Bulk mode gets the playbook per customer in the hand-over CSV. Pure.
 */
import type { CustomerBehaviour } from '../../reconcile/behaviour.ts';
import { suggest, type CalcModel, type Suggestion } from './segment-calculator.ts';

/** The guide's indicators, by the words of their labels. */
function keysOf(model: CalcModel) {
  const key = (label: string) => model.indicators.find((i) => i.label.toLowerCase().includes(label))?.key;
  return { days: key('dagen te laat t.o.v.'), late: key('meer dan 15 dagen te laat'), years: key('klantrelatie'), amount: key('factuurbedrag') };
}

/** The suggested segment with its reasons; null before any invoice is past its due date. */
export function suggestionFor(c: CustomerBehaviour, model: CalcModel): Suggestion | null {
  if (c.gemiddeldDagenTeLaat === null) return null;
  const keys = keysOf(model);
  const values: Record<string, number | undefined> = {};
  if (keys.days) values[keys.days] = c.gemiddeldDagenTeLaat;
  if (keys.late && c.aandeelMeerDan15 !== null) values[keys.late] = c.aandeelMeerDan15;
  if (keys.years) values[keys.years] = c.jarenKlant;
  if (keys.amount) values[keys.amount] = c.gemiddeldBedragProcent;
  return suggest(model, values);
}

/**
 * The playbook per customer (klantSleutel → playbook id): the user's choice of segment, else the
 * suggestion. A customer with neither is left out, so bulk mode uses the playbook chosen there.
 */
export function playbooksPerCustomer(list: readonly CustomerBehaviour[], model: CalcModel, choices: ReadonlyMap<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of list) {
    const segment = choices.get(c.klantSleutel) || suggestionFor(c, model)?.segment;
    const playbook = model.segments.find((s) => s.id === segment)?.playbook;
    if (playbook) out[c.klantSleutel] = playbook;
  }
  return out;
}
