/**
 * The document model: the format-neutral tree a template parses into. Renderers only ever see a
 * FilledDocument, whose leaves are plain text runs — values can never become markup.
 */
import type { FormatHelper, Jurisdiction, Purpose, TemplateKind, Tone } from '../content/schema.ts';
import type { CustomerType, LegalCase } from '../jurisdiction/ids.ts';
import type { LocaleId, LocaleLabels } from '../locale/index.ts';
import type { Figures } from './compute.ts';

/** A piece of template text before filling. */
export type Inline =
  | { type: 'text'; value: string; strong?: boolean }
  | { type: 'placeholder'; path: string; helper?: FormatHelper; strong?: boolean };

export type Block =
  | { type: 'heading'; level: 2 | 3; content: Inline[] }
  | { type: 'paragraph'; content: Inline[] }
  | { type: 'list'; items: Inline[][] }
  /** The open invoice(s): number, date, due date, amount, open amount. */
  | { type: 'invoiceTable' }
  /**
   * IBAN, BIC, beneficiary, reference and the amount: the open total by default; `withCosts` adds
   * interest and compensation; `amount` asks the balance after a partial payment or one instalment.
   */
  | { type: 'paymentDetails'; withCosts: boolean; amount?: 'saldo' | 'termijn' }
  /** A real button to the payment link. */
  | { type: 'paymentButton'; label: Inline[] }
  /** A highlighted box with the deadline sentence. */
  | { type: 'deadline'; content: Inline[] }
  /** Signer, role, company, phone, email. */
  | { type: 'signature' }
  /** Instalments computed from the open balance; filled as a plain list, so every renderer has it. */
  | { type: 'installmentPlan' }
  /**
   * Statutory interest per rate period with days, rate and amount, and its source; filled as an
   * intro paragraph and a list, or as nothing when the user typed the interest amount.
   */
  | { type: 'interestBreakdown'; intro: Inline[] };

export type Directive = 'factuurtabel' | 'betaalgegevens' | 'betaalknop' | 'termijn' | 'handtekening' | 'afbetalingsplan' | 'interestoverzicht';

export interface TemplateDoc {
  id: string;
  kind: TemplateKind;
  title: string;
  purpose: Purpose;
  tone: Tone;
  segment: string;
  registered: boolean;
  /** The legal cases the text is right for (frontmatter `gevallen`); absent only on documents built in code: every case. */
  cases?: readonly LegalCase[];
  /** The base template this one is the variant of (frontmatter `variantVan`). */
  variantOf?: string;
  /** Set only when the frontmatter names it (`taal`); otherwise the country's locale applies. */
  locale?: LocaleId;
  /** Derived from `cases`: the one country they all belong to, absent when the text fits both. */
  jurisdiction?: Jurisdiction;
  subject: Inline[];
  preheader: Inline[];
  blocks: Block[];
}

/** A placeholder left open on purpose, for a later step to fill (a compiled e-mail, another tool's template). */
export interface Slot {
  path: string;
  helper?: FormatHelper;
}

/**
 * A filled run: text, or a slot. `missing` names the placeholder when no value was given: renderers
 * mark it. A slot run (made by fill()'s placeholder hook, see slotRun) has empty text.
 */
export interface Run {
  text: string;
  strong?: boolean;
  /** Set on url and email values so renderers can make them clickable. */
  href?: string;
  missing?: string;
  slot?: Slot;
}

export interface InvoiceRow {
  nummer: Run[];
  datum: Run[];
  vervaldatum: Run[];
  bedrag: Run[];
  openstaand: Run[];
}

export type FilledBlock =
  | { type: 'heading'; level: 2 | 3; runs: Run[] }
  | { type: 'paragraph'; runs: Run[] }
  | { type: 'list'; items: Run[][] }
  | { type: 'invoiceTable'; columns: readonly string[]; rows: InvoiceRow[]; totalLabel: string; total: Run[] }
  | { type: 'paymentDetails'; lines: { label: string; value: Run[] }[] }
  | { type: 'paymentButton'; label: Run[]; href?: string; hrefMissing?: string; hrefSlot?: Slot }
  | { type: 'deadline'; runs: Run[] }
  | { type: 'signature'; lines: Run[][] };

/** Data for a SEPA (EPC069-12) payment QR code; only present when every part is known. */
export interface EpcPayment {
  bic: string;
  name: string;
  iban: string;
  amountCents: number;
  /** Belgian structured communication (digits only) or Dutch payment reference. */
  reference: string;
  structured: boolean;
}

export interface FilledDocument {
  id: string;
  kind: TemplateKind;
  title: string;
  purpose: Purpose;
  tone: Tone;
  registered: boolean;
  jurisdiction: Jurisdiction;
  customerType: CustomerType;
  /** jurisdiction-customerType, e.g. "nl-consument". */
  legalCase: LegalCase;
  /** The Dutch the document is written in, and the fixed words every renderer prints from it. */
  locale: LocaleId;
  labels: LocaleLabels;
  /** The language alone ("nl"). */
  lang: string;
  subject: Run[];
  preheader: Run[];
  /** The letter frame: sender block, recipient address, place and date, reference line. */
  letter: { sender: Run[][]; recipient: Run[][]; placeAndDate: Run[]; reference: Run[] };
  blocks: FilledBlock[];
  epc: EpcPayment | null;
  /** What the fill computed once for its case (amounts, costs, interest): formats and exports read these. */
  figures: Figures;
}
