import type { JurisdictionProfile } from './types.ts';

export const NL: JurisdictionProfile = {
  id: 'nl',
  name: 'Nederland',
  locale: 'nl-NL',
  ownWords: ['mkb', 'betalingskenmerk', 'automatische incasso', 'incassokosten', 'handelsrente', 'incassobureau', 'veertiendagenbrief', 'kvk-nummer', 'u heeft'],
};
