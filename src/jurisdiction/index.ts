/**
 * The jurisdiction profiles. Adding a country: its id in ids.ts, one profile file here (and its
 * legal rules in src/legal and its locale in src/locale), then content valid for it.
 */
import { locale, type Locale } from '../locale/index.ts';
import { BE } from './be.ts';
import { parseCustomerType, parseJurisdiction, type CustomerType, type Jurisdiction, type LegalCase } from './ids.ts';
import { NL } from './nl.ts';
import type { JurisdictionProfile } from './types.ts';

export const JURISDICTIONS: Readonly<Record<Jurisdiction, JurisdictionProfile>> = { be: BE, nl: NL };

export function profile(id: Jurisdiction): JurisdictionProfile {
  return JURISDICTIONS[parseJurisdiction(id)];
}

/** Who writes to whom, under which law, in which Dutch: resolved once per fill, read by every renderer. */
export interface RenderContext {
  jurisdiction: Jurisdiction;
  customerType: CustomerType;
  locale: Locale;
}

export function renderContext(jurisdiction: unknown, customerType: unknown): RenderContext {
  const j = parseJurisdiction(jurisdiction);
  return { jurisdiction: j, customerType: parseCustomerType(customerType), locale: locale(JURISDICTIONS[j].locale) };
}

export const caseOf = (c: Pick<RenderContext, 'jurisdiction' | 'customerType'>): LegalCase => `${c.jurisdiction}-${c.customerType}`;

export * from './ids.ts';
export type { JurisdictionProfile } from './types.ts';
