/**
 * Which text a template page shows: the country and customer type chosen in the form pick the
 * legal case, and the case picks the base text or one of its variants. Small and without the fill
 * engine, so the page can name the case before the engine has loaded.
 */
import type { FillData } from '../../content/schema.ts';
import type { LegalCase } from '../../jurisdiction/ids.ts';
import { caseInWords } from '../../model/variants.ts';
import type { TemplateDoc } from '../../model/types.ts';
import type { WorkbenchData } from './workbench-types.ts';

/** The chosen country and customer type as a case; Belgium and business when the form says nothing else. */
export function chosenCase(data: FillData): LegalCase {
  return `${data.dossier?.jurisdictie === 'nl' ? 'nl' : 'be'}-${data.dossier?.klanttype === 'consument' ? 'consument' : 'onderneming'}`;
}

/** The text the page has for a case, or null when the template has none for it. */
export function textFor(model: Pick<WorkbenchData, 'cases' | 'family'>, legalCase: LegalCase): TemplateDoc | null {
  const index = model.cases[legalCase];
  return index === undefined || index < 0 ? null : (model.family[index] ?? null);
}

export interface CaseNote {
  text: string;
  /** 'ok': a text is shown; 'none': the template has no text for the case. */
  state: 'ok' | 'none';
  /** The id of the text shown. */
  template?: string;
}

/** The sentence above the previews: which text they show, or that there is none and which cases have one. */
export function caseNote(model: Pick<WorkbenchData, 'cases' | 'family'>, legalCase: LegalCase): CaseNote {
  const doc = textFor(model, legalCase);
  if (!doc) {
    const available = (Object.keys(model.cases) as LegalCase[]).filter((c) => model.cases[c]! >= 0).map(caseInWords);
    return {
      text: `Dit sjabloon bestaat niet voor ${caseInWords(legalCase)}: de wet of de woorden verschillen. Het bestaat voor ${available.join(', ')}. Kies een ander land of een andere soort klant, of een ander sjabloon.`,
      state: 'none',
    };
  }
  const variant = doc.id === model.family[0]!.id ? '' : ` (variant "${doc.title}")`;
  return { text: `U ziet de tekst voor ${caseInWords(legalCase)}${variant}.`, state: 'ok', template: doc.id };
}
