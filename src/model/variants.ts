/**
 * Template variants: a workflow step names a base template; for each legal case it resolves to
 * the one template among {base, its variants} whose `gevallen` lists that case. Pure and
 * browser-safe, used by the content check, the pack, the timeline and the site.
 */
import { LEGAL_CASES, type LegalCase } from '../jurisdiction/ids.ts';
import type { TemplateDoc } from './types.ts';

type Doc = Pick<TemplateDoc, 'id' | 'cases' | 'variantOf'>;

/** The cases a document is right for; a document built in code without `cases` fits all. */
export const casesOf = (doc: Pick<TemplateDoc, 'cases'>): readonly LegalCase[] => doc.cases ?? LEGAL_CASES;

/** The id a workflow step uses for this template: its base, or itself. */
export const baseIdOf = (doc: Doc): string => doc.variantOf ?? doc.id;

/** The base template and its variants, base first. */
export function familyOf<T extends Doc>(templates: readonly T[], baseId: string): T[] {
  return templates.filter((t) => t.id === baseId || t.variantOf === baseId).sort((a, b) => Number(a.id !== baseId) - Number(b.id !== baseId) || a.id.localeCompare(b.id));
}

/** Every template of the family that claims the case: exactly one when the content is valid. */
export function candidatesFor<T extends Doc>(templates: readonly T[], baseId: string, legalCase: LegalCase): T[] {
  return familyOf(templates, baseId).filter((t) => casesOf(t).includes(legalCase));
}

/** The cases the family as a whole covers, in the order of LEGAL_CASES. */
export function familyCases(templates: readonly Doc[], baseId: string): LegalCase[] {
  const family = familyOf(templates, baseId);
  return LEGAL_CASES.filter((c) => family.some((t) => casesOf(t).includes(c)));
}

/** Thrown when a base template has no (or more than one) text for a case. */
export class NoVariantError extends RangeError {
  override readonly name = 'NoVariantError';
}

const CASE_WORDS: Record<LegalCase, string> = {
  'be-onderneming': 'een Belgische onderneming',
  'be-consument': 'een Belgische consument',
  'nl-onderneming': 'een Nederlandse onderneming',
  'nl-consument': 'een Nederlandse consument',
};

/** How a case reads in a sentence: "een Nederlandse consument". */
export const caseInWords = (c: LegalCase): string => CASE_WORDS[c];

/** The template to use for `baseId` in `legalCase`; a clear Dutch error when there is none. */
export function resolveVariant<T extends Doc>(templates: readonly T[], baseId: string, legalCase: LegalCase): T {
  const found = candidatesFor(templates, baseId, legalCase);
  if (found.length === 1) return found[0]!;
  if (!familyOf(templates, baseId).length) throw new NoVariantError(`sjabloon "${baseId}" bestaat niet`);
  if (!found.length) {
    const has = familyCases(templates, baseId);
    throw new NoVariantError(`sjabloon "${baseId}" heeft geen tekst voor ${caseInWords(legalCase)}; het bestaat voor: ${has.join(', ')}`);
  }
  throw new NoVariantError(`sjabloon "${baseId}" heeft ${found.length} teksten voor ${legalCase}: ${found.map((t) => t.id).join(', ')}`);
}

/** "Alleen voor ondernemingen" when a playbook declares no consumer case. */
export function businessOnly(workflow: { gevallen: readonly LegalCase[] }): boolean {
  return workflow.gevallen.every((c) => c.endsWith('-onderneming'));
}

/** Who a playbook is for, in words: "Alleen voor ondernemingen (België)", "Voor België: ondernemingen en consumenten; Nederland: ondernemingen". */
export function casesLine(workflow: { gevallen: readonly LegalCase[] }): string {
  const byCountry = new Map<string, string[]>();
  for (const c of workflow.gevallen) {
    const country = c.startsWith('be-') ? 'België' : 'Nederland';
    byCountry.set(country, [...(byCountry.get(country) ?? []), c.endsWith('-onderneming') ? 'ondernemingen' : 'consumenten']);
  }
  if (businessOnly(workflow)) return `Alleen voor ondernemingen (${[...byCountry.keys()].join(' en ')})`;
  return `Voor ${[...byCountry].map(([country, types]) => `${country}: ${types.join(' en ')}`).join('; ')}`;
}
