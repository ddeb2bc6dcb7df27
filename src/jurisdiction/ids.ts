/**
 * The two axes every letter depends on: the country whose law applies and the kind of customer.
 * The ids live here, below the legal rules and the content schemas that both use them; the
 * profile registry (index.ts) must have one profile per id, or it does not compile.
 */
export const JURISDICTION_IDS = ['be', 'nl'] as const;
export type Jurisdiction = (typeof JURISDICTION_IDS)[number];

/** As the fill data and content write it. */
export const CUSTOMER_TYPES = ['onderneming', 'consument'] as const;
export type CustomerType = (typeof CUSTOMER_TYPES)[number];

/** One legal case: "be-onderneming", "nl-consument" … */
export type LegalCase = `${Jurisdiction}-${CustomerType}`;
export const LEGAL_CASES: readonly LegalCase[] = JURISDICTION_IDS.flatMap((j) => CUSTOMER_TYPES.map((c) => `${j}-${c}` as const));

/** Thrown for a country or customer type the kit does not know: never coerced into another one. */
export class UnknownCaseError extends RangeError {
  override readonly name = 'UnknownCaseError';
}

export function parseJurisdiction(value: unknown): Jurisdiction {
  if ((JURISDICTION_IDS as readonly unknown[]).includes(value)) return value as Jurisdiction;
  throw new UnknownCaseError(`onbekend land ${JSON.stringify(value)}: kies ${JURISDICTION_IDS.map((j) => `"${j}"`).join(' of ')} (België of Nederland)`);
}

export function parseCustomerType(value: unknown): CustomerType {
  if ((CUSTOMER_TYPES as readonly unknown[]).includes(value)) return value as CustomerType;
  throw new UnknownCaseError(`onbekende soort klant ${JSON.stringify(value)}: kies "onderneming" of "consument"`);
}
