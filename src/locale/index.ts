/**
 * The locales by id. The registry's keys are the LocaleId type's values; a lookup of an unknown
 * id is an error in Dutch, never a silent fallback to another variant.
 */
import { NL_BE } from './nl-BE.ts';
import { NL_NL } from './nl-NL.ts';
import type { Locale, LocaleId } from './types.ts';

export const LOCALES: Readonly<Record<LocaleId, Locale>> = { 'nl-BE': NL_BE, 'nl-NL': NL_NL };

export function locale(id: string): Locale {
  const found = (LOCALES as Record<string, Locale | undefined>)[id];
  if (!found) throw new RangeError(`onbekende taalvariant "${id}": kies ${Object.keys(LOCALES).join(' of ')}`);
  return found;
}

export type { ByCustomer, Locale, LocaleId, LocaleLabels, PaymentLabels } from './types.ts';
export { forCustomer } from './types.ts';
export { LOCALE_IDS } from './ids.ts';
