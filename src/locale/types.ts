/**
 * A locale owns every fixed word a renderer prints around the content: labels, table headers,
 * "Pagina", "Betreft", and how dates and amounts are written. One file per language variant
 * (nl-BE, nl-NL; fr-BE is one more file and its content). Pure data and functions: browser-safe.
 */
import type { LocaleId } from './ids.ts';

/** A label that differs between letters to a business and to a consumer (customer types as the content writes them). */
export type ByCustomer<T> = T | Readonly<Record<'onderneming' | 'consument', T>>;

/** The label for `customerType`, whether or not it differs per customer. */
export function forCustomer<T>(label: ByCustomer<T>, customerType: 'onderneming' | 'consument'): T {
  return typeof label === 'object' && label !== null && 'onderneming' in label ? label[customerType] : (label as T);
}

export interface PaymentLabels {
  open: string;
  /** NL: "Wettelijke handelsrente" between businesses, "Wettelijke rente" for a consumer. */
  interest: ByCustomer<string>;
  compensation: string;
  received: string;
  toPay: string;
  toPayPerInstalment: string;
  iban: string;
  bic: string;
  beneficiary: string;
  /** The payment reference: "Gestructureerde mededeling" in Belgium, "Betalingskenmerk" in the Netherlands. */
  reference: string;
}

export interface LocaleLabels {
  /** Before the subject of a letter or phone script: "Betreft". */
  subject: string;
  /** Before the subject of an e-mail printed as a document: "Onderwerp". */
  emailSubject: string;
  /** Heading of a printed e-mail and of a phone script. */
  email: string;
  phoneScript: string;
  /** On a registered letter, in the window and above the subject. */
  registered: string;
  /** Columns of the invoice table: number, invoice date, due date, amount, open amount. */
  invoiceColumns: readonly [string, string, string, string, string];
  /** Last row of the invoice table. */
  invoiceTotal: string;
  /** Under the SEPA QR code. */
  qrCaption: string;
  /** The footer of every page. */
  page: (page: number, pages: number) => string;
  /** The reference line of a letter: "Uw klantnummer: …", "Onze factuur: …". */
  yourCustomerNumber: string;
  ourInvoice: string;
  payment: PaymentLabels;
  /** Before the contact person in the address: "t.a.v.". */
  attention: string;
  /** Before the sender's btw number: "Btw". */
  vat: string;
  /** The statutory interest per rate period (::interestoverzicht). */
  interest: {
    /** The line while it cannot be worked out per period: a template text with the fields it needs. */
    pending: string;
    days: string;
    /** "… aan 10,5 % op € 1.000,00 = …" */
    at: string;
    on: string;
    unknownRate: string;
    /** How the interest was computed, with the article for this customer type. */
    method: ByCustomer<string>;
    source: string;
    /** In place of one rate when several applied: each rate with its last day, the last one "daarna". */
    severalRates: (parts: readonly { rate: string; until: string }[]) => string;
    /** In place of the interest amount when a period's rate is unknown. */
    notComputedRate: string;
    /** In place of the interest amount for a Belgian consumer without the first reminder's date. */
    notComputedFirstReminder: string;
    /** In place of a total that would leave out the interest or the compensation. */
    totalIncomplete: string;
  };
  /** The instalment plan (::afbetalingsplan). */
  instalments: { plan: string; from: string; instalment: string; payBy: string };
}

export interface Locale {
  /** BCP 47 tag, written into HTML, PDF and DOCX as the document language. */
  id: LocaleId;
  /** The language alone ("nl"), for hyphenation and spell checking. */
  lang: string;
  labels: LocaleLabels;
  months: readonly string[];
}

export type { LocaleId };
