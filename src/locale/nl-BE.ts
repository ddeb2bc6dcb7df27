/** Dutch as written in Flanders: kmo, btw, nalatigheidsinteresten, gestructureerde mededeling. */
import { COMMON_NL, INTEREST_COMMON, MONTHS_NL } from './nl.ts';
import type { Locale } from './types.ts';

export const NL_BE: Locale = {
  id: 'nl-BE',
  lang: 'nl',
  months: MONTHS_NL,
  labels: {
    ...COMMON_NL,
    // Belgium writes "vervaldag" for the due date; "vervaldatum" is Dutch usage.
    invoiceColumns: ['Factuur', 'Factuurdatum', 'Vervaldag', 'Bedrag', 'Openstaand'],
    payment: { ...COMMON_NL.payment, interest: 'Nalatigheidsinteresten', compensation: 'Forfaitaire schadevergoeding', reference: 'Gestructureerde mededeling' },
    interest: {
      ...INTEREST_COMMON,
      on: 'op',
      pending: 'Nalatigheidsinteresten vanaf de dag na de vervaldag ({{datum factuur.vervaldatum}}) tot de datum van deze brief ({{datum data.verzending}}) op {{bedrag berekend.totaalOpen}}: {{bedrag kosten.interest}}',
      unknownRate: 'interestvoet nog niet bekend',
      method: 'Berekening: enkelvoudige interest, werkelijke dagen / 365, per periode afgerond op de cent.',
    },
  },
};
