/**
 * The data behind the pack's filled example letters: the form's own examples (one fictitious
 * bakery and customer), due on the pack's sample due date (in a period whose interest rate is
 * published) and dated as the step would be sent, with interest and costs computed by the legal
 * rules rather than typed, so each example shows what the letter really prints.
 */
import { sampleFillData, type FillData } from '../content/schema.ts';
import { addDays, beConsumerDamagesCapCents } from '../legal/index.ts';
import type { LegalCase } from '../jurisdiction/ids.ts';
import { SAMPLE_DUE_DATE } from './layout.ts';

/** Days the customer gets to pay after an example letter, when the letter names a new term. */
const EXAMPLE_TERM_DAYS = 14;
/** Days between the example invoice and its due date. */
const EXAMPLE_INVOICE_TERM_DAYS = 30;

export const EXAMPLE_BANNER = 'VOORBEELD met verzonnen gegevens: niet versturen';

/**
 * `legalCase`: the case the example is for. A Belgian consumer owes fixed damages only under a
 * contract clause, so nothing computes them; the example assumes a clause at the legal maximum
 * (art. XIX.4 WER) so its letter shows an amount, as the user's own letter would.
 */
export function exampleFillData(offset: number | null, legalCase?: LegalCase): FillData {
  const { kosten: _typedCosts, ...sample } = sampleFillData();
  const due = SAMPLE_DUE_DATE;
  const sent = addDays(due, Math.max(offset ?? EXAMPLE_TERM_DAYS, 1));
  const [jurisdictie, klanttype] = (legalCase?.split('-') ?? []) as ['be' | 'nl' | undefined, 'onderneming' | 'consument' | undefined];
  const caseData: Partial<FillData> =
    jurisdictie && klanttype
      ? { dossier: { jurisdictie, klanttype }, ...(legalCase === 'be-consument' ? { kosten: { forfait: beConsumerDamagesCapCents(sample.factuur?.openstaand ?? 0) } } : {}) }
      : {};
  return {
    ...sample,
    ...caseData,
    factuur: { ...sample.factuur, datum: addDays(due, -EXAMPLE_INVOICE_TERM_DAYS), vervaldatum: due },
    data: { ...sample.data, verzending: sent, nieuweTermijn: addDays(sent, EXAMPLE_TERM_DAYS) },
  };
}
