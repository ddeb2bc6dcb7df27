/**
 * The data behind the pack's filled example letters: the form's own examples (one fictitious
 * bakery and customer) made to fit the case (src/content/sample.ts), due on the pack's sample due date (in a period whose interest rate is
 * published) and dated as the step would be sent, with interest and costs computed by the legal
 * rules rather than typed, so each example shows what the letter really prints.
 */
import { sampleFillData, type FillData } from '../content/schema.ts';
import { sampleFillDataFor } from '../content/sample.ts';
import { addDays, beConsumerDamagesCapCents } from '../legal/index.ts';
import type { LegalCase } from '../jurisdiction/ids.ts';
import { SAMPLE_DUE_DATE } from './layout.ts';

/** Days the customer gets to pay after an example letter, when the letter names a new term. */
const EXAMPLE_TERM_DAYS = 14;
/** Days after the due date the example's first (free) reminder went out, as in the standard playbook. */
const EXAMPLE_FIRST_REMINDER_DAYS = 5;
/** Days between the example invoice and its due date. */
const EXAMPLE_INVOICE_TERM_DAYS = 30;

export const EXAMPLE_BANNER = 'VOORBEELD met verzonnen gegevens: niet versturen';

/**
 * `legalCase`: the case the example is for. A Belgian consumer owes fixed damages only under a
 * contract clause, so nothing computes them; the example assumes a clause at the legal maximum
 * (art. XIX.4 WER) so its letter shows an amount, as the user's own letter would.
 */
export function exampleFillData(offset: number | null, legalCase?: LegalCase): FillData {
  // Typed costs are dropped: the legal rules of the case compute interest, rate and costs.
  const { kosten: _typedCosts, ...sample } = legalCase ? sampleFillDataFor(legalCase) : sampleFillData();
  const due = SAMPLE_DUE_DATE;
  const sentDays = Math.max(offset ?? EXAMPLE_TERM_DAYS, 1);
  const sent = addDays(due, sentDays);
  return {
    ...sample,
    ...(legalCase === 'be-consument' ? { kosten: { forfait: beConsumerDamagesCapCents(sample.factuur?.openstaand ?? 0) } } : {}),
    factuur: { ...sample.factuur, datum: addDays(due, -EXAMPLE_INVOICE_TERM_DAYS), vervaldatum: due },
    // A Belgian consumer owes interest only after the first reminder's term, so its date is given.
    data: { ...sample.data, eersteHerinnering: addDays(due, Math.min(EXAMPLE_FIRST_REMINDER_DAYS, sentDays)), verzending: sent, nieuweTermijn: addDays(sent, EXAMPLE_TERM_DAYS) },
  };
}
