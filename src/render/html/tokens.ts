/**
 * Slot tokens: the compiled email is HTML with ASCII markers where values go. They are plain
 * letters and digits so MJML passes them through untouched in text and in attributes alike.
 */

/**
 * How a value is written where its token stands:
 * H: HTML text, a missing value gets the highlighted marker.
 * T: HTML text or attribute without markup (title, preheader, aria-label).
 * A: an href attribute (https only, else '#').
 * P: plain text (the subject and preheader strings returned to the caller).
 * S, E: start and end of a part kept only when the value is a usable link (the payment button:
 *   without a link it is left out, never a button to '#' labelled with a field name).
 */
export type SlotContext = 'H' | 'T' | 'A' | 'P' | 'S' | 'E';

/** Fixed digit counts so no token is a prefix of another ("TJSLOT0001H" vs "TJSLOT0011H"). */
export const slotToken = (index: number, context: SlotContext): string => `TJSLOT${String(index).padStart(4, '0')}${context}`;
/** A block whose shape depends on the data (invoice rows, installments): rendered when filling. */
export const blockToken = (index: number): string => `TJBLOCK${String(index).padStart(3, '0')}`;

/** Matches every token kind in one pass, so a substituted value is never scanned again. A fresh
 * RegExp per call because a shared /g object carries lastIndex between uses. */
export const tokenPattern = (): RegExp => /TJSLOT(\d{4})([HTAPSE])|TJBLOCK(\d{3})/g;

/** A part between the S and E tokens of one slot; its inner text is group 2. */
export const linkRegionPattern = (): RegExp => /TJSLOT(\d{4})S([\s\S]*?)TJSLOT\1E/g;

/** True when static template text would be mistaken for a token. */
export const looksLikeToken = (text: string): boolean => /TJ(?:SLOT|BLOCK)/.test(text);
