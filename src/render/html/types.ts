/** The compiled email: plain JSON data, built once at build time and shipped to the browser. */
import type { FormatHelper, Jurisdiction } from '../../content/schema.ts';
import type { Block, TemplateDoc } from '../../model/types.ts';

export interface CompiledSlot {
  path: string;
  helper?: FormatHelper;
}

/** One compiled layout: the HTML for one jurisdiction's wording (labels differ between BE and NL). */
export interface CompiledVariant {
  /** Plain-text subject with P tokens. */
  subject: string;
  /** Plain-text preheader with P tokens. */
  preheader: string;
  /** The MJML output with slot tokens and block tokens (see tokens.ts). */
  html: string;
  /** Template blocks whose shape depends on the data (invoice table, installment plan, interest
   * breakdown): fill() renders them when filling; TJBLOCKnnn marks where each goes. */
  blocks: Block[];
  /** What each slot index holds. */
  slots: CompiledSlot[];
}

/** The template's own fields that fill() may look at, kept so fill time sees the same document. */
export type CompiledMeta = Omit<TemplateDoc, 'subject' | 'preheader' | 'blocks'>;

export interface CompiledEmail {
  /** Bumped when the token scheme changes, so a stale cached copy is refused rather than misread. */
  format: 'tijdig-email/5';
  meta: CompiledMeta;
  /** Passed to fill() as its jurisdiction option (used when neither the template nor the data says). */
  fallback: Jurisdiction;
  /** Distinct layouts; `byJurisdiction` points into this list (one entry when both read the same). */
  variants: CompiledVariant[];
  byJurisdiction: Record<Jurisdiction, number>;
}
