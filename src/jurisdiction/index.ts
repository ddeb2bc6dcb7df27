/**
 * The jurisdiction profiles. Adding a country: its id in ids.ts, one profile file here (and its
 * legal rules in src/legal and its locale in src/locale), then content valid for it.
 */
import { locale, type Locale } from '../locale/index.ts';
import { BE } from './be.ts';
import { parseCustomerType, parseJurisdiction, UnknownCaseError, type CustomerType, type Jurisdiction, type LegalCase } from './ids.ts';
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
  legalCase: LegalCase;
  locale: Locale;
}

/** `localeId`: a template's own `taal:`; otherwise the locale follows the country (be → nl-BE, nl → nl-NL). */
export function renderContext(jurisdiction: unknown, customerType: unknown, localeId?: string): RenderContext {
  const j = parseJurisdiction(jurisdiction);
  const c = parseCustomerType(customerType);
  return { jurisdiction: j, customerType: c, legalCase: `${j}-${c}`, locale: locale(localeId ?? JURISDICTIONS[j].locale) };
}

/** "nl-consument" → its parts; an unknown case is an error in Dutch. */
export function parseCase(value: unknown): { jurisdiction: Jurisdiction; customerType: CustomerType } {
  const [j, c, ...rest] = String(value).split('-');
  if (rest.length) throw new UnknownCaseError(`onbekend geval ${JSON.stringify(value)}`);
  return { jurisdiction: parseJurisdiction(j), customerType: parseCustomerType(c) };
}

export const caseOf = (c: Pick<RenderContext, 'jurisdiction' | 'customerType'>): LegalCase => `${c.jurisdiction}-${c.customerType}`;

export * from './ids.ts';
export type { JurisdictionProfile } from './types.ts';
