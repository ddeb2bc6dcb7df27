/** Dutch as written in Flanders: kmo, btw, nalatigheidsinteresten, gestructureerde mededeling. */
import { COMMON_NL, MONTHS_NL } from './nl.ts';
import type { Locale } from './types.ts';

export const NL_BE: Locale = {
  id: 'nl-BE',
  lang: 'nl',
  months: MONTHS_NL,
  labels: {
    ...COMMON_NL,
    payment: { ...COMMON_NL.payment, interest: 'Nalatigheidsinteresten', compensation: 'Forfaitaire schadevergoeding', reference: 'Gestructureerde mededeling' },
  },
};
