/** Dutch as written in the Netherlands: mkb, wettelijke rente / handelsrente, incassokosten, betalingskenmerk. */
import { COMMON_NL, INTEREST_COMMON, MONTHS_NL, rateSequence } from './nl.ts';
import type { Locale } from './types.ts';

export const NL_NL: Locale = {
  id: 'nl-NL',
  lang: 'nl',
  months: MONTHS_NL,
  labels: {
    ...COMMON_NL,
    payment: { ...COMMON_NL.payment, interest: { onderneming: 'Wettelijke handelsrente', consument: 'Wettelijke rente' }, compensation: 'Incassokosten', reference: 'Betalingskenmerk' },
    interest: {
      ...INTEREST_COMMON,
      // "30 dagen tegen 4 %": Dutch usage (Flemish writes "aan 4 %").
      at: 'tegen',
      on: 'over',
      pending: 'Wettelijke rente vanaf de dag na de vervaldatum ({{datum factuur.vervaldatum}}) tot de datum van deze brief ({{datum data.verzending}}) over {{bedrag berekend.totaalOpen}}: {{bedrag kosten.interest}}',
      unknownRate: 'rentepercentage nog niet bekend',
      // After each year the interest is added to the principal: art. 6:119 lid 2 BW (wettelijke rente), 6:119a lid 3 BW (handelsrente).
      method: {
        onderneming: 'Berekening: werkelijke dagen / 365, per periode afgerond op de cent; na elk vol jaar wordt de rente van dat jaar bij de hoofdsom opgeteld (art. 6:119a lid 3 BW).',
        consument: 'Berekening: werkelijke dagen / 365, per periode afgerond op de cent; na elk vol jaar wordt de rente van dat jaar bij de hoofdsom opgeteld (art. 6:119 lid 2 BW).',
      },
      severalRates: (parts) => `het rentepercentage dat per periode gold (${rateSequence(parts)})`,
      notComputedRate: '[rente niet berekend: het rentepercentage van een periode is nog niet bekend; vul het bedrag zelf in]',
      notComputedFirstReminder: '[rente niet te berekenen zonder de datum van de eerste herinnering]',
    },
  },
};
