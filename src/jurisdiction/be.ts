import type { JurisdictionProfile } from './types.ts';

export const BE: JurisdictionProfile = {
  id: 'be',
  name: 'België',
  locale: 'nl-BE',
  ownWords: ['gelieve', 'kmo', 'vervaldag', 'gestructureerde mededeling', 'zaakvoerder', 'nalatigheidsinterest', 'nalatigheidsinteresten', 'gerechtsdeurwaarder', 'u hebt', 'interestvoet', 'forfaitaire schadevergoeding', 'ondernemingsnummer', 'domiciliëring'],
};
