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
 * How far a fact can be trusted, as `/work/shared/facts/legal.md` rates it.
 * - `verified`: legal.md rates it High or Medium-High and does not list it as open in its §7.
 * - `unverified`: legal.md gives a value but flags it (Medium or lower, a conflict, or listed in §7).
 * - `unknown`: legal.md has no value. Code must not guess one.
 */
export type Status = 'verified' | 'unverified' | 'unknown';

/** The confidence label legal.md prints next to a fact, kept verbatim for audits. */
export type Confidence = 'high' | 'medium-high' | 'medium' | 'low-medium' | 'low' | 'n/a';

/** Where a fact comes from. `url` is null when legal.md names the source without an address. */
export interface Source {
  readonly title: string;
  readonly url: string | null;
  /** Section of legal.md that records the fact, e.g. "legal.md §1.2". */
  readonly ref: string;
}

/** One legal fact with its provenance and the period in which it holds (both ends inclusive). */
export interface Fact<T> {
  readonly value: T;
  /** First day the rule applies; null when legal.md records no start date. */
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
