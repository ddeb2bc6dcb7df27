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

/** The parts of the interest overview both variants word alike. */
export const INTEREST_COMMON = { days: 'dagen', at: 'aan', source: 'Bron' } as const;
