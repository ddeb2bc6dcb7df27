/** What Belgian and Dutch Dutch share; each variant overrides what differs. */
import type { LocaleLabels } from './types.ts';

export const MONTHS_NL = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'] as const;

export const COMMON_NL: Omit<LocaleLabels, 'payment' | 'interest'> & { payment: Omit<LocaleLabels['payment'], 'interest' | 'compensation' | 'reference'> } = {
  subject: 'Betreft',
  emailSubject: 'Onderwerp',
  email: 'E-mail',
  phoneScript: 'Belscript',
  registered: 'AANGETEKEND',
  invoiceColumns: ['Factuur', 'Factuurdatum', 'Vervaldatum', 'Bedrag', 'Openstaand'],
  invoiceTotal: 'Totaal openstaand',
  qrCaption: 'Scan met uw bankapp om te betalen',
  page: (page, pages) => `Pagina ${page}/${pages}`,
  yourCustomerNumber: 'Uw klantnummer',
  ourInvoice: 'Onze factuur',
  payment: {
    open: 'Openstaand',
    received: 'Reeds ontvangen',
    toPay: 'Te betalen',
    toPayPerInstalment: 'Te betalen per termijn',
    iban: 'Rekeningnummer (IBAN)',
    bic: 'BIC',
    beneficiary: 'Begunstigde',
  },
  attention: 't.a.v.',
  vat: 'Btw',
  instalments: { plan: 'Afbetalingsplan', from: 'termijnen vanaf', instalment: 'Termijn', payBy: 'uiterlijk op' },
};

/** "11,5 % tot en met 30 juni 2025, daarna 10,5 %". */
export function rateSequence(parts: readonly { rate: string; until: string }[]): string {
  return parts.map((p, i) => (i === parts.length - 1 ? `daarna ${p.rate}` : `${p.rate} tot en met ${p.until}`)).join(', ');
}

/** The parts of the interest overview both variants word alike. */
export const INTEREST_COMMON = { days: 'dagen', at: 'aan', source: 'Bron', totalIncomplete: '[totaal nog niet bekend: vul eerst de ontbrekende bedragen in]' } as const;
