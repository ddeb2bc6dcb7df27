/**
 * The letter frame shared by every letter (sender, recipient, place and date, reference, signature,
 * the interest line still to be computed), in the words of each locale, parsed with the templates'
 * own parser. It is the one source of the frame: in the browser bundle the plugin in
 * src/site/lib/prebuilt-frame.mjs replaces this module by its result, parsed at build time, so the
 * browser ships no parser and only fills values in.
 */
import { LOCALES, type LocaleId } from '../locale/index.ts';
import { parseInline, type ParseIssue } from './parse.ts';
import type { Inline } from './types.ts';

/** The letter frame in the words of one locale. */
export interface Frame {
  /** "t.a.v. {{klant.contactpersoon}}", a recipient line only when a contact person is known. */
  attention: Inline[];
  sender: Inline[][];
  recipientName: Inline[];
  recipientAddress: Inline[][];
  placeAndDate: Inline[];
  signature: Inline[][];
  reference: Inline[];
  interestPending: Inline[];
}

const issues: ParseIssue[] = [];

function parseFrame(id: LocaleId): Frame {
  const labels = LOCALES[id].labels;
  const frame = (source: string) => parseInline(source, `briefkader ${id}`, issues);
  return {
    attention: frame(`${labels.attention} {{klant.contactpersoon}}`),
    sender: [
      frame('**{{afzender.naam}}**'),
      frame('{{afzender.straat}}'),
      frame('{{afzender.postcode}} {{afzender.gemeente}}'),
      frame('{{afzender.ondernemingsnummer}}'),
      frame(`${labels.vat} {{afzender.btwNummer}}`),
      frame('{{afzender.telefoon}} · {{afzender.email}}'),
    ],
    recipientName: frame('{{klant.naam}}'),
    recipientAddress: [frame('{{klant.straat}}'), frame('{{klant.postcode}} {{klant.gemeente}}')],
    placeAndDate: frame('{{afzender.gemeente}}, {{datum data.verzending}}'),
    signature: [frame('{{ondertekenaar.naam}}'), frame('{{ondertekenaar.functie}}'), frame('{{afzender.naam}}')],
    reference: frame(`${labels.yourCustomerNumber}: {{klant.klantnummer}} · ${labels.ourInvoice}: {{factuur.nummer}}`),
    interestPending: frame(labels.interest.pending),
  };
}

/** Every locale's frame, parsed once when the module loads. */
export const FRAMES: Readonly<Record<LocaleId, Frame>> = Object.fromEntries(Object.keys(LOCALES).map((id) => [id, parseFrame(id as LocaleId)])) as Record<LocaleId, Frame>;

/** What parsing the frames found wrong; a test and the browser build require it to be empty. */
export const FRAME_PARSE_ISSUES: readonly ParseIssue[] = issues;
