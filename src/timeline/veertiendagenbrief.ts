/**
 * Which of our texts can be the veertiendagenbrief to a Dutch consumer (art. 6:96 lid 6 BW): only a
 * text that states the exact collection costs and the last day to pay, 14 days after receipt. Read
 * from the template's own placeholders, so a friendly reminder never passes for one.
 */
import type { TemplateDoc } from '../model/types.ts';
import { casesOf } from '../model/variants.ts';
import { templateInlines } from '../model/walk.ts';

/** Placeholders that print the exact collection costs (`kosten.forfait` is what `::betaalgegevens met-kosten` prints). */
export const COLLECTION_COST_PATHS: readonly string[] = ['berekend.incassokosten', 'berekend.incassokostenTotaal', 'kosten.forfait'];

/** The placeholder that prints the last day of a 14-day term counted from the day after receipt. */
export const PAY_BY_PATH = 'berekend.betaalUiterlijk';

type Text = Pick<TemplateDoc, 'subject' | 'preheader' | 'blocks' | 'cases'>;

/** The text is written for a Dutch consumer and states both the collection costs and the pay-by date. */
export function statesFourteenDayTerms(doc: Text): boolean {
  if (!casesOf(doc).includes('nl-consument')) return false;
  const paths = new Set(templateInlines(doc).flatMap((inlines) => inlines.flatMap((i) => (i.type === 'placeholder' ? [i.path] : []))));
  const costs = COLLECTION_COST_PATHS.some((p) => paths.has(p)) || doc.blocks.some((b) => b.type === 'paymentDetails' && b.withCosts);
  return costs && paths.has(PAY_BY_PATH);
}
