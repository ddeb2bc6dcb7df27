/**
 * FilledDocument → pages (display list). Letters get the letter frame with the address in the
 * envelope window; emails print as a simple document with their subject; phone scripts as a
 * clean script without a letter frame. Every kind gets a running head from page 2 and a
 * "Pagina x/y" footer.
 */
import QRCode from 'qrcode';
import { epcPayloadForDocument } from '../../model/epc.ts';
import type { LocaleLabels } from '../../locale/index.ts';
import type { FilledBlock, FilledDocument, Run } from '../../model/types.ts';
import { ENVELOPES, FOLD_MARKS, HOLE_MARK, type AddressWindow, type EnvelopePreset } from '../envelope.ts';
import {
  A4,
  COLOR,
  Flow,
  PdfLayoutError,
  fitColumnWidths,
  fitOneLine,
  mm,
  placeBox,
  placeLine,
  placeLines,
  placeTable,
  type Geometry,
  type Line,
  type Page,
  type TextLayout,
  type TextStyle,
} from './layout.ts';

export const MARGIN = { left: mm(25), right: mm(20) } as const;
export const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
export const GEOMETRY: Geometry = { top: mm(25), bottom: mm(272) };

export const STYLE = {
  body: { size: 10, lh: 13.5 },
  h2: { size: 12.5, lh: 16, bold: true },
  h3: { size: 11, lh: 14.5, bold: true },
  small: { size: 8.5, lh: 11, color: COLOR.muted },
  label: { size: 9, lh: 12.5, color: COLOR.muted },
  tableHead: { size: 8.5, lh: 11, bold: true },
  table: { size: 9, lh: 12 },
  address: { size: 10, lh: 12.5 },
  letterhead: { size: 13, lh: 16, bold: true },
  subject: { size: 11, lh: 14.5, bold: true },
  title: { size: 15, lh: 19, bold: true },
  caption: { size: 7.5, lh: 9.5, color: COLOR.muted },
  running: { size: 8, lh: 10, color: COLOR.muted },
} satisfies Record<string, TextStyle>;

const PARAGRAPH_GAP = 6;
const text = (t: string, strong = false): Run => (strong ? { text: t, strong } : { text: t });
export const plain = (runs: readonly Run[]) => runs.map((r) => r.text).join('');
const hasText = (runs: readonly Run[]) => runs.some((r) => r.text.trim() !== '');

/** The sender's name when it is filled in (not a placeholder). */
export function senderName(doc: FilledDocument): string | null {
  const runs = doc.letter.sender[0] ?? [];
  return runs.length && !runs.some((r) => r.missing) && hasText(runs) ? plain(runs).trim() : null;
}

function blockHasContent(b: FilledBlock): boolean {
  switch (b.type) {
    case 'heading':
    case 'paragraph':
    case 'deadline':
      return hasText(b.runs);
    case 'list':
      return b.items.some(hasText);
    case 'invoiceTable':
    case 'paymentDetails':
    case 'signature':
      return true;
    case 'paymentButton':
      return hasText(b.label) || Boolean(b.href || b.hrefMissing);
  }
}

/** Lays out the whole document. */
export function layoutDocument(doc: FilledDocument, layout: TextLayout, envelope: EnvelopePreset): Page[] {
  if (!doc.blocks.some(blockHasContent)) throw new PdfLayoutError(doc.id, 'de tekst is leeg: er is niets om af te drukken');
  const flow = new Flow(GEOMETRY);
  if (doc.kind === 'brief') letterFrame(flow, layout, doc, ENVELOPES[envelope]);
  else if (doc.kind === 'email') emailFrame(flow, layout, doc);
  else scriptFrame(flow, layout, doc);
  const blocks = doc.blocks;
  blocks.forEach((block, i) => placeBlock(flow, layout, doc, block, blocks[i + 1]));
  decorate(flow.pages, layout, doc);
  return flow.pages;
}

// ------------------------------------------------------------------ frames

function letterFrame(flow: Flow, layout: TextLayout, doc: FilledDocument, win: AddressWindow): void {
  const page = flow.current;
  for (const at of FOLD_MARKS) page.fg.push({ t: 'line', x1: mm(4), y1: mm(at), x2: mm(8), y2: mm(at), lw: 0.4, color: COLOR.rule });
  page.fg.push({ t: 'line', x1: mm(4), y1: mm(HOLE_MARK), x2: mm(10), y2: mm(HOLE_MARK), lw: 0.4, color: COLOR.rule });

  const [name = [], ...details] = doc.letter.sender;
  const head = flow.fork(mm(16));
  placeLines(head, layout, layout.wrap(name, STYLE.letterhead, CONTENT_WIDTH), { x: MARGIN.left, width: CONTENT_WIDTH, style: STYLE.letterhead });

  const windowRight = win.x > 105;
  const column = windowRight
    ? { x: MARGIN.left, width: mm(win.x - 25 - 10), top: head.y + 2 }
    : { x: mm(win.x + win.width + 20), width: A4.width - MARGIN.right - mm(win.x + win.width + 20), top: Math.max(head.y + 2, mm(win.top)) };
  const sender = head.fork(column.top);
  for (const line of details) placeLines(sender, layout, layout.wrap(line, STYLE.small, column.width), { x: column.x, width: column.width, style: STYLE.small });

  // The window: never above the letterhead, whatever its length.
  const windowTop = Math.max(mm(win.top), head.page === 0 ? head.y + 4 : mm(win.top));
  const addressTop = windowTop + mm(win.noteHeight);
  if (doc.registered && win.noteHeight > 0) {
    const note = flow.fork(addressTop - STYLE.subject.lh - 2);
    placeLines(note, layout, layout.wrap([text(doc.labels.registered, true)], { ...STYLE.subject, size: 9.5 }, mm(win.width)), { x: mm(win.x), width: mm(win.width), style: { ...STYLE.subject, size: 9.5 } });
  }
  const recipient = head.page === 0 ? flow.fork(addressTop) : head.fork(head.y);
  for (const line of doc.letter.recipient) {
    placeLines(recipient, layout, layout.wrap(line, STYLE.address, mm(win.width)), { x: mm(win.x), width: mm(win.width), style: STYLE.address });
  }
  const windowBottom = flow.fork(addressTop + mm(win.addressHeight));
  flow.moveAfter(head, sender, recipient, windowBottom);
  flow.y += mm(8);

  placeLines(flow, layout, layout.wrap(doc.letter.placeAndDate, STYLE.body, CONTENT_WIDTH), { x: MARGIN.left, width: CONTENT_WIDTH, style: STYLE.body, align: 'right' });
  flow.y += 4;
  placeLines(flow, layout, layout.wrap(doc.letter.reference, STYLE.label, CONTENT_WIDTH), { x: MARGIN.left, width: CONTENT_WIDTH, style: STYLE.label });
  flow.y += 8;
  if (doc.registered && win.noteHeight === 0) {
    placeLines(flow, layout, layout.wrap([text(doc.labels.registered)], STYLE.subject, CONTENT_WIDTH), { x: MARGIN.left, width: CONTENT_WIDTH, style: STYLE.subject });
    flow.y += 2;
  }
  placeLines(flow, layout, layout.wrap([text(`${doc.labels.subject}: `), ...doc.subject], STYLE.subject, CONTENT_WIDTH), { x: MARGIN.left, width: CONTENT_WIDTH, style: STYLE.subject });
  flow.y += mm(5);
}

function emailFrame(flow: Flow, layout: TextLayout, doc: FilledDocument): void {
  flow.y = mm(18);
  placeLines(flow, layout, layout.wrap([text(`${doc.labels.email} · ${doc.title}`)], STYLE.small, CONTENT_WIDTH), { x: MARGIN.left, width: CONTENT_WIDTH, style: STYLE.small });
  flow.y += 4;
  placeLines(flow, layout, layout.wrap([text(`${doc.labels.emailSubject}: `), ...doc.subject], STYLE.subject, CONTENT_WIDTH), { x: MARGIN.left, width: CONTENT_WIDTH, style: STYLE.subject });
  rule(flow);
}

function scriptFrame(flow: Flow, layout: TextLayout, doc: FilledDocument): void {
  flow.y = mm(18);
  placeLines(flow, layout, layout.wrap([text(doc.labels.phoneScript)], STYLE.small, CONTENT_WIDTH), { x: MARGIN.left, width: CONTENT_WIDTH, style: STYLE.small });
  placeLines(flow, layout, layout.wrap([text(doc.title)], STYLE.title, CONTENT_WIDTH), { x: MARGIN.left, width: CONTENT_WIDTH, style: STYLE.title });
  if (hasText(doc.subject)) placeLines(flow, layout, layout.wrap([text(`${doc.labels.subject}: `), ...doc.subject], STYLE.body, CONTENT_WIDTH), { x: MARGIN.left, width: CONTENT_WIDTH, style: STYLE.body });
  rule(flow);
}

function rule(flow: Flow): void {
  flow.y += 5;
  flow.current.fg.push({ t: 'line', x1: MARGIN.left, y1: flow.y, x2: MARGIN.left + CONTENT_WIDTH, y2: flow.y, lw: 0.5, color: COLOR.rule });
  flow.y += mm(6);
}

// ------------------------------------------------------------------ blocks

function placeBlock(flow: Flow, layout: TextLayout, doc: FilledDocument, block: FilledBlock, next: FilledBlock | undefined): void {
  const x = MARGIN.left;
  const width = CONTENT_WIDTH;
  switch (block.type) {
    case 'heading': {
      const style = block.level === 2 ? STYLE.h2 : STYLE.h3;
      const lines = layout.wrap(block.runs, style, width);
      flow.y += flow.atPageTop ? 0 : 6;
      // Keep a heading with the first two lines of what follows.
      flow.keep(lines.length * style.lh + 3 + (next ? 2 * STYLE.body.lh : 0));
      placeLines(flow, layout, lines, { x, width, style });
      flow.y += 3;
      return;
    }
    case 'paragraph': {
      const lines = layout.wrap(block.runs, STYLE.body, width);
      // A short closing line ("Met vriendelijke groeten,") stays with the signature under it.
      if (next?.type === 'signature' && lines.length <= 3) flow.keep(lines.length * STYLE.body.lh + PARAGRAPH_GAP + signature(layout, doc, next).height);
      placeLines(flow, layout, lines, { x, width, style: STYLE.body });
      flow.y += PARAGRAPH_GAP;
      return;
    }
    case 'list': {
      const indent = mm(6);
      const bullet = layout.wrap([text('•')], STYLE.body, indent)[0];
      for (const item of block.items) {
        const lines = layout.wrap(item, STYLE.body, width - indent);
        flow.keep(Math.min(2, lines.length) * STYLE.body.lh);
        lines.forEach((line, i) => {
          flow.ensure(STYLE.body.lh);
          if (i === 0 && bullet) {
            const y = flow.y;
            placeLine(flow, layout, bullet, { x: x + mm(1.5), width: indent, style: STYLE.body });
            flow.y = y;
          }
          placeLine(flow, layout, line, { x: x + indent, width: width - indent, style: STYLE.body });
        });
        flow.y += 2;
      }
      flow.y += PARAGRAPH_GAP - 2;
      return;
    }
    case 'invoiceTable': {
      const padX = 4;
      const head = block.columns.map((c) => [text(c)]);
      const body = block.rows.map((r) => [r.nummer, r.datum, r.vervaldatum, r.bedrag, r.openstaand]);
      const totalStyle = { ...STYLE.table, bold: true };
      // Each column as wide as its content asks (never breaking a word), the total in the last one.
      const cellsOf = (i: number): [Run[], TextStyle][] => [[head[i]!, STYLE.tableHead], ...body.map((r): [Run[], TextStyle] => [r[i]!, STYLE.table]), ...(i === 4 ? [[block.total, totalStyle] as [Run[], TextStyle]] : [])];
      const measureColumn = (i: number, how: 'minContentWidth' | 'maxContentWidth') => Math.max(...cellsOf(i).map(([runs, style]) => layout[how](runs, style))) + 2 * padX + 0.5;
      const widths = fitColumnWidths(head.map((_, i) => measureColumn(i, 'minContentWidth')), head.map((_, i) => measureColumn(i, 'maxContentWidth')), width);
      const columns = widths.map((w, i) => ({ width: w, align: i >= 3 ? ('right' as const) : ('left' as const) }));
      const thin = { lw: 0.4, color: COLOR.rule };
      placeTable(flow, layout, {
        x,
        columns,
        padX,
        padY: 3,
        header: { cells: head.map((runs, i) => ({ runs, from: i, to: i })), style: STYLE.tableHead, fill: COLOR.shade, rule: thin },
        rows: [
          ...body.map((cells) => ({ cells: cells.map((runs, i) => ({ runs, from: i, to: i })), style: STYLE.table, rule: thin })),
          { cells: [{ runs: [text(block.totalLabel)], from: 0, to: 3 }, { runs: block.total, from: 4, to: 4 }], style: totalStyle, rule: { lw: 0.8, color: COLOR.text } },
        ],
      });
      flow.y += PARAGRAPH_GAP + 2;
      return;
    }
    case 'paymentDetails':
      paymentDetails(flow, layout, doc, block.lines);
      flow.y += PARAGRAPH_GAP + 2;
      return;
    case 'paymentButton': {
      const link: Run = block.href ? { text: block.href, href: block.href } : block.hrefMissing ? { text: `[${block.hrefMissing}]`, missing: block.hrefMissing } : text('');
      const label = block.label.map((r) => ({ ...r, strong: true }));
      placeLines(flow, layout, layout.wrap([...label, text(': '), link], STYLE.body, width), { x, width, style: STYLE.body });
      flow.y += PARAGRAPH_GAP;
      return;
    }
    case 'deadline': {
      const pad = 8;
      const lines = layout.wrap(block.runs, STYLE.body, width - 2 * pad - 4);
      flow.keep(lines.length * STYLE.body.lh + 2 * pad);
      placeBox(flow, { x, width, pad, fill: COLOR.box, accent: COLOR.accent }, () => {
        placeLines(flow, layout, lines, { x: x + pad + 4, width: width - 2 * pad - 4, style: STYLE.body });
      });
      flow.y += PARAGRAPH_GAP + 2;
      return;
    }
    case 'signature': {
      const { gap, lines, height } = signature(layout, doc, block);
      flow.keep(height);
      flow.y += gap;
      placeLines(flow, layout, lines, { x, width, style: STYLE.body });
      flow.y += PARAGRAPH_GAP;
      return;
    }
  }
}

/** Signer, role and company, the first in bold; a letter leaves room above for a handwritten signature. */
function signature(layout: TextLayout, doc: FilledDocument, block: Extract<FilledBlock, { type: 'signature' }>): { gap: number; lines: Line[]; height: number } {
  const gap = doc.kind === 'brief' ? mm(14) : 4;
  const lines = block.lines.flatMap((runs, i) => layout.wrap(i === 0 ? runs.map((r) => ({ ...r, strong: true })) : runs, STYLE.body, CONTENT_WIDTH));
  return { gap, lines, height: gap + lines.length * STYLE.body.lh };
}

const qrCache = new Map<string, QRCode.QRCode>();

/**
 * The QR matrix for an EPC payload: byte mode (UTF-8, as EPC069-12 character set 1 says) at
 * error correction level M, the guideline's level. Pure, so the last few are kept.
 */
export function qrCode(payload: string): QRCode.QRCode {
  let qr = qrCache.get(payload);
  if (!qr) {
    qr = QRCode.create([{ data: new TextEncoder().encode(payload), mode: 'byte' }], { errorCorrectionLevel: 'M' });
    if (qrCache.size >= 32) qrCache.delete(qrCache.keys().next().value!);
    qrCache.set(payload, qr);
  }
  return qr;
}

/** Payment details as label/value rows in a bordered box, with the SEPA QR code at the right. */
function paymentDetails(flow: Flow, layout: TextLayout, doc: FilledDocument, rows: { label: string; value: Run[] }[]): void {
  const x = MARGIN.left;
  const width = CONTENT_WIDTH;
  const pad = 9;
  const payload = doc.epc ? epcPayloadForDocument(doc.epc) : null;
  const qr = payload ? qrCode(payload) : null;
  const qrSide = mm(34);
  const gap = mm(6);
  const labelWidth = mm(46);
  const valueWidth = width - 2 * pad - labelWidth - (qr ? qrSide + gap : 0);
  const laid = rows.map((r) => {
    const label = layout.wrap([text(r.label)], STYLE.label, labelWidth - 6);
    const value = layout.wrap(r.value, STYLE.body, valueWidth);
    return { label, value, height: Math.max(label.length * STYLE.label.lh, value.length * STYLE.body.lh) + 2 };
  });
  const caption = layout.wrap([text(doc.labels.qrCaption)], STYLE.caption, qrSide);
  const qrHeight = qr ? qrSide + 2 + caption.length * STYLE.caption.lh : 0;
  const rowsHeight = laid.reduce((s, r) => s + r.height, 0);
  flow.keep(Math.max(rowsHeight, qrHeight) + 2 * pad);
  if (qr) flow.ensure(qrHeight + 2 * pad);
  placeBox(flow, { x, width, pad, stroke: COLOR.rule }, () => {
    const top = flow.y;
    const page = flow.page;
    if (qr) {
      const n = qr.modules.size;
      const module = qrSide / (n + 8);
      const qx = x + width - pad - qrSide;
      flow.current.fg.push({ t: 'qr', x: qx + 4 * module, y: top + 4 * module, module, size: n, dark: (r, c) => Boolean(qr.modules.get(r, c)) });
      const below = flow.fork(top + qrSide + 2);
      placeLines(below, layout, caption, { x: qx, width: qrSide, style: STYLE.caption, align: 'center' });
    }
    for (const row of laid) {
      // The whole row when it fits on a page; else at least its label and a first value line.
      flow.ensure(flow.fitsOnEmptyPage(row.height) ? row.height : Math.max(row.label.length * STYLE.label.lh, STYLE.body.lh));
      const rowTop = flow.y;
      const rowPage = flow.page;
      placeLines(flow, layout, row.label, { x: x + pad, width: labelWidth - 6, style: STYLE.label });
      const afterLabel = { page: flow.page, y: flow.y };
      flow.page = rowPage;
      flow.y = rowTop;
      placeLines(flow, layout, row.value, { x: x + pad + labelWidth, width: valueWidth, style: STYLE.body });
      if (afterLabel.page === flow.page) flow.y = Math.max(flow.y, afterLabel.y);
      flow.y += 2;
    }
    if (qr && flow.page === page) flow.y = Math.max(flow.y, top + qrHeight);
  });
}

// ------------------------------------------------------------------ running heads

/** Running head from page 2, "Pagina x/y" footer on every page. */
export function decorateWith(pages: Page[], layout: TextLayout, left: string, right: string, labels: Pick<LocaleLabels, 'page'>): void {
  const n = pages.length;
  const half = CONTENT_WIDTH / 2 - 6;
  pages.forEach((page, i) => {
    if (i > 0) {
      const l = fitOneLine(layout, left, 'regular', STYLE.running.size, half);
      const r = fitOneLine(layout, right, 'regular', STYLE.running.size, half);
      const y = mm(13);
      page.fg.push({ t: 'text', x: MARGIN.left, y, font: 'regular', size: STYLE.running.size, color: COLOR.muted, text: l });
      page.fg.push({ t: 'text', x: MARGIN.left + CONTENT_WIDTH - layout.measure(r, 'regular', STYLE.running.size), y, font: 'regular', size: STYLE.running.size, color: COLOR.muted, text: r });
      page.fg.push({ t: 'line', x1: MARGIN.left, y1: mm(16.5), x2: MARGIN.left + CONTENT_WIDTH, y2: mm(16.5), lw: 0.4, color: COLOR.rule });
    }
    const footer = layout.clean(labels.page(i + 1, n), 'regular');
    page.fg.push({ t: 'text', x: MARGIN.left + CONTENT_WIDTH - layout.measure(footer, 'regular', STYLE.running.size), y: mm(285), font: 'regular', size: STYLE.running.size, color: COLOR.muted, text: footer });
  });
}

/** A banner in the top margin of every page, in the accent colour, framed so it cannot be missed. */
export function addBanner(pages: Page[], layout: TextLayout, banner: string): void {
  const size = 9;
  const label = fitOneLine(layout, banner, 'bold', size, CONTENT_WIDTH - 12);
  const width = layout.measure(label, 'bold', size) + 12;
  for (const page of pages) {
    page.fg.push({ t: 'rect', x: MARGIN.left, y: mm(4), w: width, h: mm(6), stroke: COLOR.warning, lw: 0.8 });
    page.fg.push({ t: 'text', x: MARGIN.left + 6, y: mm(4) + mm(6) / 2 + size * 0.35, font: 'bold', size, color: COLOR.warning, text: label });
  }
}

function decorate(pages: Page[], layout: TextLayout, doc: FilledDocument): void {
  // Who writes and about what, as on page 1 (a blank template shows its fields); a phone script has no subject.
  const subject = plain(doc.subject).trim();
  const left = plain(doc.letter.sender[0] ?? []).trim() || doc.title;
  const right = doc.kind === 'belscript' || !subject ? doc.title : subject;
  decorateWith(pages, layout, left, right, doc.labels);
}

