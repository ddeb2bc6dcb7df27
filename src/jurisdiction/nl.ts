import type { JurisdictionProfile } from './types.ts';

export const NL: JurisdictionProfile = {
  id: 'nl',
  name: 'Nederland',
  locale: 'nl-NL',
  vatStandardPercent: {
    value: 21,
    source: { title: 'Wet op de omzetbelasting 1968, art. 9 lid 1 (algemeen tarief 21 %)', url: 'https://wetten.overheid.nl/BWBR0002629/', ref: 'docs/content-format.md §Berekende waarden' },
  },
};
