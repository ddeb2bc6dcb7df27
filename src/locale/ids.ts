/** The language variants the kit writes. A new one (fr-BE) is its id here plus one locale file. */
export const LOCALE_IDS = ['nl-BE', 'nl-NL'] as const;
export type LocaleId = (typeof LOCALE_IDS)[number];
