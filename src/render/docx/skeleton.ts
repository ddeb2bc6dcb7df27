/**
 * A letter's skeleton: the same document with every value text replaced by a numbered marker.
 * Letters that differ only in their values (names, amounts, dates, links) share a skeleton, so
 * docx lays out one of them and the others reuse its XML with their own values put in
 * (template.ts). Labels, headings and everything that decides structure (line breaks, bold,
 * missing fields, links, rows) stay in the skeleton and in its key.
 */
import type { FilledBlock, FilledDocument, Run } from '../../model/types.ts';
import { mapBlock, type BlockHandlers } from '../../model/walk.ts';
import { isLink, SAFE_LINK } from './runs.ts';

/** Private-use characters marking slots; a letter that already holds one is laid out by docx itself. */
export const TEXT_MARK = /\uE000(\d+)\uE001/;
export const LINK_MARK = /https:\/\/\uE002(\d+)\uE003/;
export const DATE_MARK = '\uE004';
const ANY_MARK = /[\uE000-\uE004]/;
/** A surrogate at a run's edge could pair with its neighbour's when runs are joined (the subject in core.xml). */
const EDGE_SURROGATE = /^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/;
const LINE_BREAK = /\r\n|\r|\n/g;

export interface Skeleton {
  doc: FilledDocument;
  /** Everything the renderer reads from the document, with the values left out. */
  key: string;
  /** Values per text marker: one line of a run's text. */
  texts: string[];
  /** Values per link marker: a link's address. */
  links: string[];
}

class Unmarkable extends Error {}

function skeletonMaker() {
  const texts: string[] = [];
  const links: string[] = [];
  const slot = (line: string) => `\uE000${texts.push(line) - 1}\uE001`;
  const text = (value: string): string => {
    if (ANY_MARK.test(value) || EDGE_SURROGATE.test(value)) throw new Unmarkable();
    let out = '';
    let last = 0;
    for (const m of value.matchAll(LINE_BREAK)) {
      out += slot(value.slice(last, m.index)) + m[0];
      last = m.index + m[0].length;
    }
    return out + slot(value.slice(last));
  };
  // docx splits a link at '#' into target and anchor, so such links keep their own skeleton.
  const link = (href: string): string => {
    if (ANY_MARK.test(href) || /[#\r\n]/.test(href)) throw new Unmarkable();
    return `https://\uE002${links.push(href) - 1}\uE003`;
  };
  const run = (r: Run): Run => {
    const { href, ...rest } = r;
    if (href === undefined) return { ...rest, text: text(r.text) };
    return { ...rest, text: text(r.text), href: isLink(r) ? link(href) : 'niet-gelinkt:' };
  };
  const runs = (rs: readonly Run[]) => rs.map(run);
  const lines = (ls: readonly Run[][]) => ls.map(runs);
  const blocks: BlockHandlers<FilledBlock, FilledBlock> = {
    heading: (b) => ({ ...b, runs: runs(b.runs) }),
    paragraph: (b) => ({ ...b, runs: runs(b.runs) }),
    list: (b) => ({ ...b, items: lines(b.items) }),
    invoiceTable: (b) => ({
      ...b,
      rows: b.rows.map((r) => ({ nummer: runs(r.nummer), datum: runs(r.datum), vervaldatum: runs(r.vervaldatum), bedrag: runs(r.bedrag), openstaand: runs(r.openstaand) })),
      total: runs(b.total),
    }),
    paymentDetails: (b) => ({ ...b, lines: b.lines.map((l) => ({ ...l, value: runs(l.value) })) }),
    // The address is both the link and its text; one that is no link stays in the skeleton as it is.
    paymentButton: (b) => ({ ...b, label: runs(b.label), ...(b.href && SAFE_LINK.test(b.href) ? { href: link(b.href) } : {}) }),
    deadline: (b) => ({ ...b, runs: runs(b.runs) }),
    signature: (b) => ({ ...b, lines: lines(b.lines) }),
  };
  return { texts, links, runs, lines, block: (b: FilledBlock) => mapBlock(b, blocks) };
}

/** The skeleton of a document for an address window, or undefined when a value cannot be marked. */
export function skeletonOf(doc: FilledDocument, window: unknown): Skeleton | undefined {
  const m = skeletonMaker();
  try {
    const letter = { sender: m.lines(doc.letter.sender), recipient: m.lines(doc.letter.recipient), placeAndDate: m.runs(doc.letter.placeAndDate), reference: m.runs(doc.letter.reference) };
    const skeleton: FilledDocument = { ...doc, subject: m.runs(doc.subject), preheader: m.runs(doc.preheader), letter, blocks: doc.blocks.map(m.block) };
    // Only what buildDocx reads: a field added there must be added here too.
    const { kind, jurisdiction, title, id, registered, labels, subject, preheader, blocks } = skeleton;
    const key = JSON.stringify([window, kind, jurisdiction, title, id, registered, labels.registered, labels.subject, subject, preheader, letter, blocks]);
    return { doc: skeleton, key, texts: m.texts, links: m.links };
  } catch (error) {
    if (error instanceof Unmarkable) return undefined;
    throw error;
  }
}
