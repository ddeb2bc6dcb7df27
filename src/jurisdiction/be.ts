import type { JurisdictionProfile } from './types.ts';

export const BE: JurisdictionProfile = {
  id: 'be',
  name: 'België',
  locale: 'nl-BE',
  vatStandardPercent: {
    value: 21,
    source: { title: 'Belgium.be: basistarieven van de btw (normaal tarief 21 %)', url: 'https://www.belgium.be/nl/belastingen/btw/tarieven', ref: 'docs/content-format.md §Berekende waarden' },
  },
};
