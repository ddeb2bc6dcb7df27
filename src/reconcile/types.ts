/** What the readers produce and the matcher consumes. Amounts are whole cents (integers). */

export type DocumentKind = 'factuur' | 'creditnota';

export interface Party {
  naam: string;
  straat?: string;
  postcode?: string;
  gemeente?: string;
  /** ISO 3166 alpha-2 as in the file (BE, NL …). */
  land?: string;
  /** Enterprise number, VAT number or KvK number as given, with its kind. */
  nummer?: string;
  nummerSoort?: 'ondernemingsnummer' | 'btw-nummer' | 'kvk-nummer' | 'ander';
  email?: string;
  telefoon?: string;
  contactpersoon?: string;
}

export interface EmbeddedFile {
  naam: string;
  mime: string;
  bytes: Uint8Array;
}

export interface Invoice {
  /** Unique within one run: file name (and path in a zip) + number. */
  id: string;
  soort: DocumentKind;
  nummer: string;
  /** YYYY-MM-DD */
  datum?: string;
  /** YYYY-MM-DD; from DueDate, PaymentDueDate or a term in days in the payment terms. */
  vervaldatum?: string;
  /** How the due date was found, for the overview ("betalingsvoorwaarden: 30 dagen"). */
  vervaldatumBron?: string;
  klant: Party;
  /** Stable key of the customer: a normalised company number, else the name. */
  klantSleutel: string;
  leverancier?: string;
  /** Amount to pay in cents, positive for invoices and for credit notes alike. */
  bedrag: number;
  valuta: string;
  /** The 12 digits of a valid Belgian structured communication, when the invoice carries one. */
  ogm?: string;
  /** The payment reference exactly as the file gives it (PaymentID / InstructionID). */
  betaalReferentie?: string;
  /** Payee IBAN (normalised), the account the customer pays to. */
  iban?: string;
  /** For a credit note: the numbers of the invoices it credits. */
  crediteert: string[];
  /** The invoice PDF inside the file, when it really is a PDF. */
  pdf?: EmbeddedFile;
  bestand: string;
  /** Remarks about what the file held (an attachment that is not a PDF, invalid check digits …). */
  opmerkingen: string[];
}

export interface Payment {
  /** Unique within one run and stable across overlapping statements: account + bank reference. */
  id: string;
  /** Account the statement is for (normalised IBAN or number). */
  rekening: string;
  /** YYYY-MM-DD booking date. */
  datum: string;
  valutadatum?: string;
  /** Cents; credits (money in) only are payments to match, debits are kept apart. */
  bedrag: number;
  richting: 'in' | 'uit';
  valuta: string;
  tegenpartij?: string;
  tegenrekening?: string;
  /** 12 digits of a valid structured communication. */
  ogm?: string;
  /** A structured reference whose check digits fail, as given. */
  ongeldigeOgm?: string;
  /** Free text (Ustrd / CODA communication), joined. */
  mededeling: string;
  bankReferentie?: string;
  bestand: string;
}

export interface FileMessage {
  bestand: string;
  /** 'fout': nothing was read from the file; 'let op': it was read, with this remark. */
  ernst: 'fout' | 'let op';
  bericht: string;
}

export interface FileSummary {
  bestand: string;
  /** What the file turned out to be. */
  soort: 'ubl-factuur' | 'ubl-creditnota' | 'coda' | 'camt.053' | 'camt.054' | 'zip' | 'onbekend';
  facturen: number;
  betalingen: number;
  /** Payments already read from an earlier (overlapping) statement. */
  dubbel: number;
}
