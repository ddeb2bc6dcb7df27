/**
 * The template page's fill engine: the form's data filled into the text for its case, with the
 * pack's own fill() and renderers, as everything the previews and downloads need. The page loads
 * it with import() when the user starts on the form (or details were remembered), so its first
 * paint ships none of the fill, legal and rendering code; until then the previews built at build
 * time, for the untouched form, are what the user sees.
 */
import type { FillData, Jurisdiction } from '../../content/schema.ts';
import { fill } from '../../model/fill.ts';
import { fillEmail } from '../../render/html/fill.ts';
import { renderText } from '../../render/text/index.ts';
import { printPreviewHtml } from './print-preview.ts';
import { chosenCase, textFor } from './workbench-case.ts';
import type { WorkbenchData, WorkbenchState } from './workbench-types.ts';

/** The state for the data's case, or null when this template has no text for it. */
export function computeState(model: Pick<WorkbenchData, 'cases' | 'family' | 'familyCompiled'>, data: FillData): WorkbenchState | null {
  const legalCase = chosenCase(data);
  const doc = textFor(model, legalCase);
  if (!doc) return null;
  const jurisdiction: Jurisdiction = legalCase.startsWith('nl-') ? 'nl' : 'be';
  const filled = fill(doc, data, { jurisdiction });
  const compiled = model.familyCompiled[model.family.indexOf(doc)];
  const email = compiled ? fillEmail(compiled, data, filled) : null;
  return { data, jurisdiction, legalCase, doc, filled, email, text: renderText(filled), print: printPreviewHtml(filled) };
}
