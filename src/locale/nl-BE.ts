/** Dutch as written in Flanders: kmo, btw, nalatigheidsinteresten, gestructureerde mededeling. */
import { COMMON_NL, INTEREST_COMMON, MONTHS_NL, rateSequence } from './nl.ts';
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
      severalRates: (parts) => `de interestvoet die per periode gold (${rateSequence(parts)})`,
      notComputedRate: '[interest niet berekend: de interestvoet van een periode is nog niet bekend; vul het bedrag zelf in]',
      notComputedFirstReminder: '[interest niet te berekenen zonder de datum van de eerste herinnering: bij een consument loopt ze pas na de termijn daarvan]',
    },
  },
};
