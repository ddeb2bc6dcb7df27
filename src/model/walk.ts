/**
 * The one tree walker of the document model. `BlockHandlers` maps each block type to a function;
 * a handler map typed with it stops compiling when a block type is added until it handles the new
 * one (as mdast-util-to-hast keeps its `handlers`). Every walk over template text or filled runs
 * goes through `inlinesOf` / `runsOf` here, so no walk can skip a part another one visits.
 */
import type { Block, FilledBlock, FilledDocument, Inline, InvoiceRow, Run, TemplateDoc } from './types.ts';

export type BlockHandlers<B extends { type: string }, R> = { [K in B['type']]: (block: Extract<B, { type: K }>) => R };

/** Calls the handler for the block's type. */
export function mapBlock<B extends { type: string }, R>(block: B, handlers: BlockHandlers<B, R>): R {
  return (handlers[block.type as B['type']] as (b: B) => R)(block);
}

const TEMPLATE_INLINES: BlockHandlers<Block, Inline[][]> = {
  heading: (b) => [b.content],
  paragraph: (b) => [b.content],
  list: (b) => b.items,
  invoiceTable: () => [],
  paymentDetails: () => [],
  paymentButton: (b) => [b.label],
  deadline: (b) => [b.content],
  signature: () => [],
  installmentPlan: () => [],
  interestBreakdown: (b) => [b.intro],
};

/** Every sequence of template text in a block (placeholders included). */
export const inlinesOf = (block: Block): Inline[][] => mapBlock(block, TEMPLATE_INLINES);

/** All template text of a document: subject, preheader, then each block. */
export const templateInlines = (doc: Pick<TemplateDoc, 'subject' | 'preheader' | 'blocks'>): Inline[][] => [doc.subject, doc.preheader, ...doc.blocks.flatMap(inlinesOf)];

const rowRuns = (r: InvoiceRow): Run[][] => [r.nummer, r.datum, r.vervaldatum, r.bedrag, r.openstaand];

const FILLED_RUNS: BlockHandlers<FilledBlock, Run[][]> = {
  heading: (b) => [b.runs],
  paragraph: (b) => [b.runs],
  list: (b) => b.items,
  invoiceTable: (b) => [...b.columns.map((c) => [{ text: c }]), ...b.rows.flatMap(rowRuns), [{ text: b.totalLabel }], b.total],
  paymentDetails: (b) => b.lines.flatMap((l) => [[{ text: l.label }], l.value]),
  paymentButton: (b) => [b.label],
  deadline: (b) => [b.runs],
  signature: (b) => b.lines,
};

/** Every sequence of runs a block prints, labels included. */
export const runsOf = (block: FilledBlock): Run[][] => mapBlock(block, FILLED_RUNS);

/** Everything a filled document prints: subject, preheader, the letter frame and every block. */
export function documentRuns(doc: FilledDocument): Run[][] {
  const { sender, recipient, placeAndDate, reference } = doc.letter;
  return [doc.subject, doc.preheader, ...sender, ...recipient, placeAndDate, reference, ...doc.blocks.flatMap(runsOf)];
}
