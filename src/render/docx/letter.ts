/**
 * The letter frame: sender block and window address as one borderless layout table with exact row
 * heights, then place and date, reference, registered mark and subject.
 *
 * Why a table and not a floating frame: it sits in the text flow, so the body always starts under
 * the address; exact row heights and column widths put the address at the same millimetre in Word
 * and LibreOffice, and users edit it like any table.
 */
import { HeightRule, Paragraph, Table, TableCell, TableLayoutType, TableRow, VerticalAlignTable, WidthType, type FileChild } from 'docx';
import type { FilledDocument, Run } from '../../model/types.ts';
import { mm, para } from './blocks.ts';
import { PAGE, type AddressWindow } from '../envelope.ts';
import { label } from './runs.ts';
import { S } from './styles.ts';

const GAP = 5; // mm between the sender block and the address zone

type Zone = 'window' | 'sender' | 'empty';

/** Splits the text width into columns around the window: [before?] window [after?]. */
function columns(w: AddressWindow): { zone: Zone; width: number }[] {
  const before = w.x - PAGE.left;
  const after = PAGE.width - PAGE.right - (w.x + w.width);
  const sides = [
    { zone: 'empty' as Zone, width: before, at: 0 },
    { zone: 'empty' as Zone, width: after, at: 2 },
  ].filter((c) => c.width > 0.5);
  const widest = sides.reduce<(typeof sides)[number] | undefined>((best, c) => (!best || c.width > best.width ? c : best), undefined);
  if (widest) widest.zone = 'sender';
  return [...sides, { zone: 'window' as Zone, width: w.width, at: 1 }].sort((a, b) => a.at - b.at).map(({ zone, width }) => ({ zone, width }));
}

const lines = (style: string, rows: readonly Run[][]) => (rows.length ? rows.map((r) => para(style, r)) : [new Paragraph({ style })]);

function frameTable(doc: FilledDocument, w: AddressWindow): Table {
  const cols = columns(w);
  const heights = [w.top - PAGE.top, ...(w.noteHeight > 0 ? [w.noteHeight] : []), w.addressHeight];
  const windowRows: Paragraph[][] = [
    [new Paragraph({ style: S.address })],
    ...(w.noteHeight > 0 ? [doc.registered ? [para(S.registered, [label(doc.labels.registered)])] : [new Paragraph({ style: S.address })]] : []),
    lines(S.address, doc.letter.recipient),
  ];
  const senderIndex = cols.findIndex((c) => c.zone === 'sender');
  const windowIndex = cols.findIndex((c) => c.zone === 'window');
  const rows = heights.map((height, r) => {
    const cells = cols.flatMap((col, c): TableCell[] => {
      const width = { size: mm(col.width), type: WidthType.DXA };
      if (col.zone === 'window') {
        const last = r === heights.length - 1;
        const align = !last && r > 0 ? VerticalAlignTable.BOTTOM : VerticalAlignTable.TOP;
        return [new TableCell({ width, verticalAlign: align, children: windowRows[r] ?? [] })];
      }
      if (r > 0) return []; // spanned from the first row
      // Keep the sender block clear of the address zone on the side it faces.
      const margins = c < windowIndex ? { right: mm(GAP), left: 0, top: 0, bottom: 0 } : { left: mm(GAP), right: 0, top: 0, bottom: 0 };
      const children = c === senderIndex ? lines(S.sender, doc.letter.sender) : [new Paragraph({ style: S.sender })];
      return [new TableCell({ width, rowSpan: heights.length, margins, children })];
    });
    return new TableRow({ height: { value: mm(height), rule: HeightRule.EXACT }, cantSplit: true, children: cells });
  });
  return new Table({
    style: S.letterFrame,
    layout: TableLayoutType.FIXED,
    width: { size: cols.reduce((sum, c) => sum + mm(c.width), 0), type: WidthType.DXA },
    columnWidths: cols.map((c) => mm(c.width)),
    rows,
  });
}

export function letterHead(doc: FilledDocument, w: AddressWindow): FileChild[] {
  const registeredInBody = doc.registered && w.noteHeight <= 0;
  return [
    frameTable(doc, w),
    para(S.placeDate, doc.letter.placeAndDate),
    para(S.reference, doc.letter.reference),
    ...(registeredInBody ? [para(S.registered, [label(doc.labels.registered)])] : []),
    para(S.subject, [label(`${doc.labels.subject}: `), ...doc.subject]),
  ];
}
