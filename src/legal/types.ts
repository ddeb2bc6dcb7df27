/**
 * Shared vocabulary of the legal-rules module. Pure types: nothing here runs, so every other legal
 * file (and the browser bundle) can import it freely.
 */

/** A calendar date as 'YYYY-MM-DD'. Always read as a UTC calendar day, never as a local instant. */
export type IsoDate = string;

/** Same literals as the content schema (`src/content/schema.ts`), so values pass through unchanged. */
export type Jurisdiction = 'be' | 'nl';

/** Who owes the money: another undertaking (B2B) or a consumer (B2C). */
export type CustomerType = 'business' | 'consumer';

/**
 * How far a fact can be trusted (docs/legal-facts.md, top):
 * - `verified`: an official text; for rules other than rates also several independent sources that agree.
 * - `unverified`: a value exists but rests on weak or few sources, or sources disagree.
 * - `unknown`: no value was found. Code must not guess one.
 */
export type Status = 'verified' | 'unverified' | 'unknown';

/** Confidence of the source trail, as docs/legal-facts.md prints it after the status. */
export type Confidence = 'high' | 'medium-high' | 'medium' | 'low-medium' | 'low' | 'n/a';

/** Where a fact comes from. `url` is null when we know the source only by name. */
export interface Source {
  readonly title: string;
  readonly url: string | null;
  /** Section of docs/legal-facts.md that records the fact, e.g. "legal-facts.md §1.2". */
  readonly ref: string;
  /** An official publication (Staatsblad, FOD, wetten.overheid.nl, Rijksoverheid, ECB), not a secondary report. */
  readonly official?: boolean;
  /** Language of the page: a Dutch letter only ever shows a Dutch-language source. */
  readonly language?: 'nl' | 'fr' | 'en' | 'de';
}

/** One legal fact with its provenance and the period in which it holds (both ends inclusive). */
export interface Fact<T> {
  readonly value: T;
  /** First day the rule applies; null when no start date is recorded. */
  readonly validFrom: IsoDate | null;
  /** Last day the rule applies; null while it is still in force. */
  readonly validTo: IsoDate | null;
  readonly status: Status;
  readonly confidence: Confidence;
  readonly sources: readonly Source[];
  /** Short English note for maintainers (conflicts, caveats). User-facing text lives in explain.ts. */
  readonly note?: string;
}

/** A short remark attached to a computation result (an assumption or an applicability warning). */
export interface LegalNote {
  readonly id: string;
  /** Plain Dutch, ready to print. */
  readonly text: string;
  readonly status: Status;
  readonly sources: readonly Source[];
}
