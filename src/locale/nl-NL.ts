/** Dutch as written in the Netherlands: mkb, wettelijke (handels)rente, incassokosten, betalingskenmerk. */
import { COMMON_NL, MONTHS_NL } from './nl.ts';
import type { Locale } from './types.ts';

export const NL_NL: Locale = {
  id: 'nl-NL',
  lang: 'nl',
  months: MONTHS_NL,
  labels: {
    ...COMMON_NL,
    payment: { ...COMMON_NL.payment, interest: 'Wettelijke (handels)rente', compensation: 'Incassokosten', reference: 'Betalingskenmerk' },
  },
};
