/** Dutch as written in the Netherlands: mkb, wettelijke (handels)rente, incassokosten, betalingskenmerk. */
import { COMMON_NL, INTEREST_COMMON, MONTHS_NL } from './nl.ts';
import type { Locale } from './types.ts';

export const NL_NL: Locale = {
  id: 'nl-NL',
  lang: 'nl',
  months: MONTHS_NL,
  labels: {
    ...COMMON_NL,
    payment: { ...COMMON_NL.payment, interest: 'Wettelijke (handels)rente', compensation: 'Incassokosten', reference: 'Betalingskenmerk' },
    interest: {
      ...INTEREST_COMMON,
      on: 'over',
      pending: 'Wettelijke rente vanaf de dag na de vervaldatum ({{datum factuur.vervaldatum}}) tot de datum van deze brief ({{datum data.verzending}}) over {{bedrag berekend.totaalOpen}}: {{bedrag kosten.interest}}',
      unknownRate: 'rentepercentage nog niet bekend',
      method: 'Berekening: enkelvoudige rente, werkelijke dagen / 365, per periode afgerond op de cent.',
    },
  },
};
