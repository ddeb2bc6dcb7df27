/**
 * FilledDocument -> plain text (browser-safe). Same content as the HTML email: 72 columns, links
 * written out, tables as aligned columns, and "[pad]" where a value is missing (fill() already put
 * that text in the run). Letters get their frame; phone scripts their title.
 */
import type { FilledBlock, FilledDocument, InvoiceRow, Run } from '../../model/types.ts';
import { mapBlock, type BlockHandlers } from '../../model/walk.ts';
import { isolateBidi, padEnd, padStart, squash, width, wrap, WIDTH } from './wrap.ts';

const plain = (runs: Run[]): string => squash(runs.map((r) => isolateBidi(r.text)).join(''));

function underline(text: string, char: string): string[] {
  const lines = wrap(text);
  return [...lines, char.repeat(Math.min(WIDTH, Math.max(...lines.map(width))))];
}

/** "label  value" pairs with the values in one column; a value wraps under itself. */
function keyValues(pairs: { label: string; value: string }[], numericRight = false): string[] {
  const labelWidth = Math.max(...pairs.map((p) => width(p.label))) + 2;
  // Very long labels would leave no room: then the value goes below, indented.
  if (labelWidth > WIDTH / 2) return pairs.flatMap((p) => [...wrap(p.label), ...wrap(p.value, '    ')]);
  const valueWidth = Math.max(...pairs.map((p) => width(p.value)));
  const aligned = numericRight && labelWidth + valueWidth <= WIDTH;
  return pairs.flatMap((p) =>
    aligned ? [padEnd(p.label, labelWidth) + padStart(p.value, valueWidth)] : wrap(p.value, padEnd(p.label, labelWidth), ' '.repeat(labelWidth)),
  );
}

const COLUMNS: readonly (keyof InvoiceRow)[] = ['nummer', 'datum', 'vervaldatum', 'bedrag', 'openstaand'];
/** Amount columns are right-aligned, like in the HTML table. */
const NUMERIC = new Set<keyof InvoiceRow>(['bedrag', 'openstaand']);
const GAP = '  ';

function invoiceTable(block: Extract<FilledBlock, { type: 'invoiceTable' }>): string[] {
  const rows = block.rows.map((row) => COLUMNS.map((key) => plain(row[key])));
  const total = plain(block.total);
  const widths = block.columns.map((head, i) => Math.max(width(head), ...rows.map((r) => width(r[i] ?? ''))));
  const last = widths.length - 1;
  widths[last] = Math.max(widths[last] ?? 0, width(total));
  const tableWidth = widths.reduce((a, b) => a + b, 0) + GAP.length * last;
  if (tableWidth <= WIDTH) {
    const line = (cells: string[]) => cells.map((c, i) => (NUMERIC.has(COLUMNS[i]!) ? padStart(c, widths[i]!) : padEnd(c, widths[i]!))).join(GAP).trimEnd();
    const rule = widths.map((w) => '-'.repeat(w)).join(GAP);
    const totalLine = padEnd(block.totalLabel, tableWidth - widths[last]!) + padStart(total, widths[last]!);
    return [line([...block.columns]), rule, ...rows.map(line), rule, totalLine];
  }
  // Too wide for 72 columns (long values, or the blank pack's "[factuur.vervaldatum]" markers):
  // one aligned block per invoice instead of squeezing columns.
  const blocks = rows.map((r) => keyValues(block.columns.map((label, i) => ({ label, value: r[i] ?? '' }))));
  return [...blocks.flatMap((b) => [...b, '']), ...keyValues([{ label: block.totalLabel, value: total }])];
}

/** One handler per block type: a new block type does not compile until it is written here. */
const TEXT: BlockHandlers<FilledBlock, string[]> = {
  heading: (b) => (b.level === 2 ? underline(plain(b.runs), '-') : wrap(plain(b.runs))),
  paragraph: (b) => wrap(plain(b.runs)),
  list: (b) => b.items.flatMap((item) => wrap(plain(item), '* ', '  ')),
  // A bar in front sets the deadline apart without looking like a quoted reply ("> ").
  deadline: (b) => wrap(plain(b.runs), '| ', '| '),
  signature: (b) => b.lines.flatMap((line) => wrap(plain(line))),
  invoiceTable,
  paymentDetails: (b) => keyValues(b.lines.map((l) => ({ label: `${l.label}:`, value: plain(l.value) }))),
  paymentButton: (b) => wrap(`${plain(b.label)}: ${b.href ?? `[${b.hrefMissing ?? 'betaling.link'}]`}`),
};

const block = (b: FilledBlock): string[] => mapBlock(b, TEXT);

function letterFrame(doc: FilledDocument): string[][] {
  const lines = (rows: Run[][]) => rows.flatMap((r) => wrap(plain(r)));
  return [
    ...(doc.registered ? [[doc.labels.registered]] : []),
    lines(doc.letter.sender),
    lines(doc.letter.recipient),
    wrap(plain(doc.letter.placeAndDate)),
    wrap(plain(doc.letter.reference)),
    wrap(`${doc.labels.subject}: ${plain(doc.subject)}`),
  ];
}

export function renderText(filled: FilledDocument): string {
  const sections: string[][] = [];
  if (filled.kind === 'brief') sections.push(...letterFrame(filled));
  if (filled.kind === 'belscript') sections.push(underline(filled.title, '='));
  sections.push(...filled.blocks.map(block));
  return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}
