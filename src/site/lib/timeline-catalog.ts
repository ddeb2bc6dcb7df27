/**
 * The timeline's template catalog for one legal case: steps name base templates, and each base id
 * maps to the text written for the plan's country and kind of customer. Pure, browser-safe.
 */
import type { LegalCase } from '../../jurisdiction/ids.ts';
import type { Plan, PlanSettings } from '../../timeline/plan.ts';
import type { CatalogTemplate } from './timeline-types.ts';

/** "be-onderneming", "nl-consument": the case a plan's settings name. */
export const legalCaseOf = (s: Pick<PlanSettings, 'jurisdiction' | 'customerType'>): LegalCase => `${s.jurisdiction}-${s.customerType === 'consumer' ? 'consument' : 'onderneming'}`;

/**
 * Refills `catalog` in place (every reader keeps its reference) with, per base template, the text
 * for `legalCase`: the base itself or its variant, filed under the base id. A base without a text
 * for the case is left out.
 */
export function fillCatalog(catalog: Map<string, CatalogTemplate>, templates: readonly CatalogTemplate[], legalCase: LegalCase): void {
  catalog.clear();
  for (const base of templates.filter((t) => t.variantOf === null)) {
    const text = templates.find((t) => (t.id === base.id || t.variantOf === base.id) && t.cases.includes(legalCase));
    if (text) catalog.set(base.id, { ...text, id: base.id, file: text.id });
  }
}

/** The pack form's fields the plan's templates ask for. */
export const neededFields = (plan: Pick<Plan, 'steps'>, catalog: ReadonlyMap<string, CatalogTemplate>): Set<string> =>
  new Set(plan.steps.flatMap((s) => catalog.get(s.template)?.fields ?? []));
