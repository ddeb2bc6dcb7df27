/**
 * Body blocks -> docx paragraphs and tables. Every element names a style from styles.ts; the
 * only direct properties are structural (column widths, header-row repeat, cell spans).
 */
import { Paragraph, Table, TableCell, TableLayoutType, TableRow, WidthType, type FileChild } from 'docx';
import type { FilledBlock, Run } from '../../model/types.ts';
import { PAGE } from '../envelope.ts';
import { label, toRuns } from './runs.ts';
import { S } from './styles.ts';

const MM = 56.6929; // twips per millimetre
export const mm = (value: number) => Math.round(value * MM);
export const CONTENT_WIDTH = mm(PAGE.width - PAGE.left - PAGE.right);

export const para = (style: string, runs: readonly Run[]) => new Paragraph({ style, children: toRuns(runs) });

function cell(style: string, runs: readonly Run[], width: number, columnSpan?: number): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    ...(columnSpan ? { columnSpan } : {}),
    children: [para(style, runs)],
  });
}

/** A fixed-layout table of the full text width: long values wrap inside their cell. */
function table(style: string, widthsMm: readonly number[], rows: TableRow[], look: { firstRow: boolean; lastRow: boolean }): Table {
  return new Table({
    style,
    layout: TableLayoutType.FIXED,
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: widthsMm.map(mm),
    tableLook: { ...look, firstColumn: false, lastColumn: false, noHBand: true, noVBand: true },
    rows,
  });
}

const INVOICE_WIDTHS = [31, 33, 33, 34, 34] as const;
const AMOUNT_FROM = 3; // Bedrag and Openstaand are right-aligned

function invoiceTable(block: Extract<FilledBlock, { type: 'invoiceTable' }>): Table {
  const w = INVOICE_WIDTHS.map(mm);
  const width = (i: number) => w[i] ?? 0;
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: block.columns.map((c, i) => cell(i >= AMOUNT_FROM ? S.tableAmount : S.tableHeader, [{ text: c, strong: i >= AMOUNT_FROM }], width(i))),
  });
  const rows = block.rows.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children: [r.nummer, r.datum, r.vervaldatum, r.bedrag, r.openstaand].map((runs, i) => cell(i >= AMOUNT_FROM ? S.tableAmount : S.tableText, runs, width(i))),
      }),
  );
  const total = new TableRow({
    cantSplit: true,
    children: [
      cell(S.tableTotal, [label(block.totalLabel)], w.slice(0, 4).reduce((a, b) => a + b, 0), 4),
      cell(S.tableTotalAmount, block.total, width(4)),
    ],
  });
  return table(S.invoiceTable, INVOICE_WIDTHS, [header, ...rows, total], { firstRow: true, lastRow: true });
}

const DETAIL_WIDTHS = [60, 105] as const;

function paymentDetails(block: Extract<FilledBlock, { type: 'paymentDetails' }>): Table {
  const [lw, vw] = DETAIL_WIDTHS.map(mm) as [number, number];
  const rows = block.lines.map((line) => new TableRow({ cantSplit: true, children: [cell(S.label, [label(line.label)], lw), cell(S.value, line.value, vw)] }));
  return table(S.detailsTable, DETAIL_WIDTHS, rows, { firstRow: false, lastRow: false });
}

/** The button of the HTML email becomes its label and the written-out link. */
function paymentLink(block: Extract<FilledBlock, { type: 'paymentButton' }>): Paragraph {
  const target: Run = block.href ? { text: block.href, href: block.href } : { text: `[${block.hrefMissing ?? 'betaling.link'}]`, missing: block.hrefMissing ?? 'betaling.link' };
  return para(S.button, [...block.label.map((r) => ({ ...r, strong: true })), label(': '), target]);
}

/** Word has no space before a table and glues two tables together: a tiny styled paragraph. */
const spacer = () => new Paragraph({ style: S.spacer });

/** Renders the body; the paragraph right before a signature is the closing greeting. */
export function renderBlocks(blocks: readonly FilledBlock[]): FileChild[] {
  return blocks.flatMap((block, i) => renderBlock(block, blocks[i + 1]?.type === 'signature'));
}

function renderBlock(block: FilledBlock, beforeSignature: boolean): FileChild[] {
  switch (block.type) {
    case 'heading':
      return [para(block.level === 2 ? S.heading2 : S.heading3, block.runs)];
    case 'paragraph':
      return [para(beforeSignature ? S.closing : S.body, block.runs)];
    case 'list':
      return block.items.map((item) => para(S.listBullet, item));
    case 'invoiceTable':
      return [spacer(), invoiceTable(block), spacer()];
    case 'paymentDetails':
      return [spacer(), paymentDetails(block), spacer()];
    case 'paymentButton':
      return [paymentLink(block)];
    case 'deadline':
      return [para(S.deadline, block.runs)];
    case 'signature':
      return block.lines.map((line, i) => para(i === 0 ? S.signatureName : S.signature, line));
  }
}
