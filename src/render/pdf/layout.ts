/**
 * Measure, wrap and paginate. Pure: produces a display list per page (top-left coordinates in
 * points) that paint.ts turns into PDF operators, so layout can be tested without a PDF.
 *
 * Wrapping measures each word once (the face caches widths across documents), breaks at spaces,
 * and hard-breaks a token wider than the line (a URL, a 10 kB value) — after "/", "-", "." and
 * the like when that keeps most of the line, otherwise between characters — so a value can make
 * a document longer but never makes it overflow or fail.
 */
import type { Run } from '../../model/types.ts';
import type { FontFace } from './fonts.ts';

export type FontKey = 'regular' | 'bold';
export type Rgb = readonly [number, number, number];

export interface Fonts {
  regular: FontFace;
  bold: FontFace;
}

/** Thrown when template content cannot be laid out; names the template. */
export class PdfLayoutError extends Error {
  readonly templateId: string;
  constructor(templateId: string, message: string) {
    super(`PDF voor sjabloon "${templateId}": ${message}`);
    this.name = 'PdfLayoutError';
    this.templateId = templateId;
  }
}

// ------------------------------------------------------------------ display list

export type Op =
  | { t: 'text'; x: number; y: number; font: FontKey; size: number; color: Rgb; text: string }
  | { t: 'rect'; x: number; y: number; w: number; h: number; fill?: Rgb; stroke?: Rgb; lw?: number }
  | { t: 'line'; x1: number; y1: number; x2: number; y2: number; lw: number; color: Rgb }
  | { t: 'qr'; x: number; y: number; module: number; size: number; dark: (row: number, col: number) => boolean };

export interface Link {
  x: number;
  y: number;
  w: number;
  h: number;
  uri: string;
}

export interface Page {
  /** Painted first: highlights, boxes, table shading. */
  bg: Op[];
  fg: Op[];
  links: Link[];
}

export const mm = (v: number) => (v * 72) / 25.4;
export const A4 = { width: 595.28, height: 841.89 } as const;

export const COLOR = {
  text: [0.1, 0.1, 0.1] as Rgb,
  muted: [0.38, 0.38, 0.4] as Rgb,
  rule: [0.72, 0.73, 0.76] as Rgb,
  /** Behind an unfilled placeholder. */
  highlight: [1, 0.9, 0.3] as Rgb,
  shade: [0.92, 0.93, 0.95] as Rgb,
  box: [0.94, 0.96, 0.99] as Rgb,
  accent: [0.16, 0.29, 0.52] as Rgb,
  /** Marks what must not be sent as it is (the pack's example letters). */
  warning: [0.7, 0.1, 0.1] as Rgb,
  black: [0, 0, 0] as Rgb,
  white: [1, 1, 1] as Rgb,
};

// ------------------------------------------------------------------ wrapping

export interface Span {
  text: string;
  font: FontKey;
  x: number;
  width: number;
  missing: boolean;
  href: string | undefined;
}

export interface Line {
  spans: Span[];
  width: number;
}

interface Token {
  text: string;
  font: FontKey;
  width: number;
  space: boolean;
  missing: boolean;
  href: string | undefined;
}

export interface TextStyle {
  size: number;
  /** Line height in points. */
  lh: number;
  /** Forces bold for every run (headings, labels). */
  bold?: boolean;
  color?: Rgb;
}

/** "[factuur.vervaldatum]" → ["[factuur.", "vervaldatum]"]: where a field name that does not fit may wrap. */
const fieldNameParts = (text: string) => text.split(/(?<=\.)(?=\p{L})/u);

/** Characters after which an over-long token may be broken "sensibly". */
const SOFT_BREAK_AFTER = new Set(['/', '-', '.', '?', '&', '=', '_', '@', ',', ';', ':', '+', '#', '|', '\\']);
const COMBINING = /\p{M}/u;

export class TextLayout {
  readonly fonts: Fonts;
  readonly templateId: string;
  constructor(fonts: Fonts, templateId: string) {
    this.fonts = fonts;
    this.templateId = templateId;
  }

  /** Width in points of cleaned text. */
  measure(text: string, font: FontKey, size: number): number {
    const face = this.fonts[font];
    return (face.width(text) * size) / face.unitsPerEm;
  }

  clean(text: string, font: FontKey): string {
    return this.fonts[font].clean(text);
  }

  private tokens(runs: readonly Run[], style: TextStyle): Token[] {
    const out: Token[] = [];
    for (const run of runs) {
      const font: FontKey = style.bold || run.strong ? 'bold' : 'regular';
      const text = this.clean(run.text, font);
      const missing = run.missing !== undefined;
      const href = run.href && /^(https:\/\/|mailto:)/.test(run.href) ? run.href : undefined;
      // Words and runs of spaces (one space token each), scanned by hand: no regex and no array
      // of parts for every run.
      for (let i = 0; i < text.length; ) {
        const space = text.charCodeAt(i) === 32;
        let j = i + 1;
        while (j < text.length && (text.charCodeAt(j) === 32) === space) j++;
        const t = space ? ' ' : text.slice(i, j);
        out.push({ text: t, font, width: this.measure(t, font, style.size), space, missing, href });
        i = j;
      }
    }
    return out;
  }

  /** Wraps runs into lines no wider than `width` points. */
  wrap(runs: readonly Run[], style: TextStyle, width: number): Line[] {
    const tokens = this.tokens(runs, style);
    const lines: Token[][] = [];
    let line: Token[] = [];
    let lineWidth = 0;
    let pendingSpace: Token | null = null;
    const flush = () => {
      lines.push(line);
      line = [];
      lineWidth = 0;
    };
    let i = 0;
    while (i < tokens.length) {
      const token = tokens[i]!;
      if (token.space) {
        if (line.length) pendingSpace ??= token;
        i++;
        continue;
      }
      // A word: consecutive non-space tokens (runs glued together, e.g. "**€ 12**.").
      const word: Token[] = [];
      let wordWidth = 0;
      while (i < tokens.length && !tokens[i]!.space) {
        word.push(tokens[i]!);
        wordWidth += tokens[i]!.width;
        i++;
      }
      const spaceWidth = line.length && pendingSpace ? pendingSpace.width : 0;
      if (lineWidth + spaceWidth + wordWidth <= width + 0.001) {
        if (line.length && pendingSpace) line.push(pendingSpace);
        line.push(...word);
        lineWidth += spaceWidth + wordWidth;
      } else {
        if (line.length) flush();
        if (wordWidth <= width + 0.001) {
          line.push(...word);
          lineWidth = wordWidth;
        } else {
          const pieces = this.hardBreak(word, style.size, width);
          for (let p = 0; p < pieces.length - 1; p++) {
            line = pieces[p]!.tokens;
            flush();
          }
          const last = pieces[pieces.length - 1]!;
          line = last.tokens;
          lineWidth = last.width;
        }
      }
      pendingSpace = null;
    }
    if (line.length) flush();
    return lines.map((l) => toLine(l));
  }

  /**
   * The narrowest width that wraps `runs` without breaking inside a word: the widest word, where a
   * word ends at a space or at a field name's group ("[factuur." / "vervaldatum]").
   */
  minContentWidth(runs: readonly Run[], style: TextStyle): number {
    let widest = 0;
    let word = 0;
    for (const token of this.tokens(runs, style)) {
      if (token.space) {
        word = 0;
        continue;
      }
      const parts = token.missing ? fieldNameParts(token.text) : [token.text];
      parts.forEach((part, k) => {
        if (k > 0) word = 0;
        word += parts.length > 1 ? this.measure(part, token.font, style.size) : token.width;
        widest = Math.max(widest, word);
      });
    }
    return widest;
  }

  /** Width of `runs` on one line. */
  maxContentWidth(runs: readonly Run[], style: TextStyle): number {
    return this.tokens(runs, style).reduce((w, t) => w + t.width, 0);
  }

  /** Splits one over-long word into pieces that each fit `width`. */
  private hardBreak(word: Token[], size: number, width: number): { tokens: Token[]; width: number }[] {
    interface Unit {
      text: string;
      w: number;
      token: number;
    }
    const units: Unit[] = [];
    word.forEach((token, t) => {
      for (const ch of token.text) units.push({ text: ch, w: this.measure(ch, token.font, size), token: t });
    });
    const pieces: { tokens: Token[]; width: number }[] = [];
    let start = 0;
    while (start < units.length) {
      let w = 0;
      let end = start;
      while (end < units.length && w + units[end]!.w <= width + 0.001) w += units[end++]!.w;
      if (end === units.length) {
        pieces.push(this.piece(word, units.slice(start, end)));
        break;
      }
      if (end === start) throw new PdfLayoutError(this.templateId, `"${units[start]!.text}" is breder dan de beschikbare ${width.toFixed(1)} pt`);
      // Prefer a break after a separator when that keeps at least 60 % of the line; a field
      // name always wraps after its group ("[factuur." / "vervaldatum]") when it can.
      let cut = end;
      for (let k = end - 1, kw = w; k > start; k--) {
        if (SOFT_BREAK_AFTER.has(units[k]!.text)) {
          if (kw >= width * 0.6 || (word[units[k]!.token]!.missing && units[k]!.text === '.')) cut = k + 1;
          break;
        }
        kw -= units[k]!.w;
      }
      // Never start a line with a combining mark: keep it with its base character.
      while (cut > start + 1 && COMBINING.test(units[cut]?.text ?? '')) cut--;
      pieces.push(this.piece(word, units.slice(start, cut)));
      start = cut;
    }
    return pieces;
  }

  private piece(word: Token[], units: { text: string; w: number; token: number }[]): { tokens: Token[]; width: number } {
    const tokens: Token[] = [];
    let width = 0;
    let source = -1;
    for (const u of units) {
      const last = tokens[tokens.length - 1];
      if (last && u.token === source) {
        last.text += u.text;
        last.width += u.w;
      } else {
        tokens.push({ ...word[u.token]!, text: u.text, width: u.w });
        source = u.token;
      }
      width += u.w;
    }
    return { tokens, width };
  }
}

/** Merges neighbouring tokens of the same look into spans with x offsets. */
function toLine(tokens: Token[]): Line {
  while (tokens.length && tokens[tokens.length - 1]!.space) tokens.pop();
  const spans: Span[] = [];
  let x = 0;
  for (const t of tokens) {
    const last = spans[spans.length - 1];
    if (last && last.font === t.font && last.missing === t.missing && last.href === t.href) {
      last.text += t.text;
      last.width += t.width;
    } else {
      spans.push({ text: t.text, font: t.font, x, width: t.width, missing: t.missing, href: t.href });
    }
    x += t.width;
  }
  return { spans, width: x };
}

/** Cuts text to one line of `width` points, ending in "…" when cut (running heads only). */
export function fitOneLine(layout: TextLayout, text: string, font: FontKey, size: number, width: number): string {
  const clean = layout.clean(text.replace(/\s+/g, ' ').trim(), font);
  if (layout.measure(clean, font, size) <= width) return clean;
  const ellipsis = layout.clean('…', font);
  let out = '';
  // The space before the ellipsis counts too, or a cut line could end past the width.
  let w = layout.measure(` ${ellipsis}`, font, size);
  for (const ch of clean) {
    const cw = layout.measure(ch, font, size);
    if (w + cw > width) break;
    out += ch;
    w += cw;
  }
  // End on a whole word ("factuur …", not "factuur [fac…") when that keeps most of the line.
  const space = out.lastIndexOf(' ');
  if (clean[out.length] !== ' ' && space > out.length / 2) out = out.slice(0, space);
  return `${out.trimEnd()} ${ellipsis}`;
}

// ------------------------------------------------------------------ pagination

export interface Geometry {
  /** Where body text starts on a continuation page. */
  top: number;
  /** Lowest y body text may reach. */
  bottom: number;
}

interface BreakHook {
  before?: () => void;
  after?: () => void;
}

/** A cursor over the pages: y grows downwards; `ensure()` moves to a new page when needed. */
export class Flow {
  readonly pages: Page[];
  readonly geo: Geometry;
  page: number;
  y: number;
  /** Extra space kept free at the bottom (a box's padding). */
  inset = 0;
  private pageTop: number;
  private readonly hooks: BreakHook[] = [];

  constructor(geo: Geometry, pages: Page[] = [{ bg: [], fg: [], links: [] }], page = 0, y = geo.top) {
    this.geo = geo;
    this.pages = pages;
    this.page = page;
    this.y = y;
    this.pageTop = y;
  }

  get current(): Page {
    return this.pages[this.page]!;
  }

  get bottom(): number {
    return this.geo.bottom - this.inset;
  }

  /** Room for `h` points on this page? */
  fits(h: number): boolean {
    return this.y + h <= this.bottom + 0.01;
  }

  /** Would `h` fit on an empty continuation page? */
  fitsOnEmptyPage(h: number): boolean {
    return this.geo.top + h <= this.bottom + 0.01;
  }

  get atPageTop(): boolean {
    return this.y <= this.pageTop + 0.01;
  }

  ensure(h: number): void {
    if (!this.fits(h) && !this.atPageTop) this.breakPage();
  }

  /** Keeps a unit of height `h` together when it fits on one page. */
  keep(h: number): void {
    if (!this.fits(h) && this.fitsOnEmptyPage(h)) this.breakPage();
  }

  breakPage(): void {
    for (const h of this.hooks) h.before?.();
    this.page++;
    while (this.pages.length <= this.page) this.pages.push({ bg: [], fg: [], links: [] });
    this.y = this.geo.top;
    this.pageTop = this.y;
    for (const h of this.hooks) h.after?.();
  }

  /** Runs `fn` with a hook that fires around every page break it causes. */
  withHook<T>(hook: BreakHook, fn: () => T): T {
    this.hooks.push(hook);
    try {
      return fn();
    } finally {
      this.hooks.splice(this.hooks.indexOf(hook), 1);
    }
  }

  /** An independent cursor over the same pages (a side column). */
  fork(y: number): Flow {
    return new Flow(this.geo, this.pages, this.page, y);
  }

  /** Moves to whichever of the cursors is furthest down the document. */
  moveAfter(...others: Flow[]): void {
    for (const o of others) {
      if (o.page > this.page || (o.page === this.page && o.y > this.y)) {
        this.page = o.page;
        this.y = o.y;
        this.pageTop = o.page === 0 ? this.pageTop : this.geo.top;
      }
    }
  }
}

export interface PlaceOptions {
  x: number;
  width: number;
  style: TextStyle;
  align?: 'left' | 'right' | 'center';
}

/** Vertical position of the baseline inside a line box, from the regular face's metrics. */
export function baselineOffset(layout: TextLayout, style: TextStyle): number {
  const face = layout.fonts.regular;
  const ascent = (face.ascent * style.size) / face.unitsPerEm;
  const descent = (-face.descent * style.size) / face.unitsPerEm;
  return (style.lh - ascent - descent) / 2 + ascent;
}

/** Places one wrapped line at the flow's y (no page check) and advances the flow. */
export function placeLine(flow: Flow, layout: TextLayout, line: Line, o: PlaceOptions): void {
  const { style } = o;
  const face = layout.fonts.regular;
  const ascent = (face.ascent * style.size) / face.unitsPerEm;
  const descent = (-face.descent * style.size) / face.unitsPerEm;
  const base = flow.y + baselineOffset(layout, style);
  const dx = o.align === 'right' ? o.width - line.width : o.align === 'center' ? (o.width - line.width) / 2 : 0;
  const page = flow.current;
  for (const span of line.spans) {
    const x = o.x + dx + span.x;
    if (span.missing) page.bg.push({ t: 'rect', x: x - 1, y: base - ascent - 0.6, w: span.width + 2, h: ascent + descent + 1.2, fill: COLOR.highlight });
    if (span.href) page.links.push({ x, y: base - ascent, w: span.width, h: ascent + descent, uri: span.href });
    page.fg.push({ t: 'text', x, y: base, font: span.font, size: style.size, color: style.color ?? COLOR.text, text: span.text });
  }
  flow.y += style.lh;
}

/** Places wrapped lines, breaking pages between lines as needed. */
export function placeLines(flow: Flow, layout: TextLayout, lines: readonly Line[], o: PlaceOptions): void {
  for (const line of lines) {
    flow.ensure(o.style.lh);
    placeLine(flow, layout, line, o);
  }
}

/** Draws a background (and border) behind whatever `fn` places, split per page when it breaks. */
export function placeBox(flow: Flow, box: { x: number; width: number; pad: number; fill?: Rgb; stroke?: Rgb; accent?: Rgb }, fn: () => void): void {
  const segments: { page: number; top: number; bottom: number }[] = [];
  let open = { page: flow.page, top: flow.y };
  const close = () => segments.push({ page: open.page, top: open.top, bottom: flow.y + box.pad });
  flow.y += box.pad;
  const savedInset = flow.inset;
  flow.inset = savedInset + box.pad;
  flow.withHook(
    {
      before: close,
      after: () => {
        open = { page: flow.page, top: flow.y };
        flow.y += box.pad;
      },
    },
    fn,
  );
  flow.inset = savedInset;
  flow.y += box.pad;
  segments.push({ page: open.page, top: open.top, bottom: flow.y });
  for (const s of segments) {
    const bg = flow.pages[s.page]!.bg;
    const h = s.bottom - s.top;
    bg.push({ t: 'rect', x: box.x, y: s.top, w: box.width, h, ...(box.fill ? { fill: box.fill } : {}), ...(box.stroke ? { stroke: box.stroke, lw: 0.6 } : {}) });
    if (box.accent) bg.push({ t: 'rect', x: box.x, y: s.top, w: 2.5, h, fill: box.accent });
  }
}

// ------------------------------------------------------------------ tables

export interface Column {
  width: number;
  align: 'left' | 'right';
}

export interface Cell {
  runs: Run[];
  /** First and last column this cell spans. */
  from: number;
  to: number;
}

export interface Row {
  cells: Cell[];
  style: TextStyle;
  fill?: Rgb;
  /** Rule under the row. */
  rule?: { lw: number; color: Rgb };
  /** Keep this row on the same page as the next one. */
  keepWithNext?: boolean;
}

export interface TableSpec {
  x: number;
  columns: Column[];
  header: Row;
  rows: Row[];
  padX: number;
  padY: number;
}

interface LaidRow {
  row: Row;
  cells: { cell: Cell; x: number; width: number; align: 'left' | 'right'; lines: Line[] }[];
  lines: number;
  height: number;
}

function layRow(layout: TextLayout, spec: TableSpec, row: Row): LaidRow {
  const starts: number[] = [];
  let x = spec.x;
  for (const c of spec.columns) {
    starts.push(x);
    x += c.width;
  }
  const cells = row.cells.map((cell) => {
    const width = spec.columns.slice(cell.from, cell.to + 1).reduce((s, c) => s + c.width, 0);
    const inner = width - 2 * spec.padX;
    return { cell, x: starts[cell.from]! + spec.padX, width: inner, align: spec.columns[cell.to]!.align, lines: layout.wrap(cell.runs, row.style, inner) };
  });
  const lines = Math.max(1, ...cells.map((c) => c.lines.length));
  return { row, cells, lines, height: lines * row.style.lh + 2 * spec.padY };
}

/** Places a table; the header row is repeated at the top of every page the table continues on. */
/**
 * Column widths for `total` points from each column's narrowest and widest content, as HTML's
 * automatic table layout does: every column gets at least its widest word (so no word breaks)
 * and the rest goes to the columns whose content would still wrap, in proportion to how much more
 * they want. Only when even the words do not fit are the minimums scaled down.
 */
export function fitColumnWidths(min: readonly number[], max: readonly number[], total: number): number[] {
  const minSum = min.reduce((a, b) => a + b, 0);
  const want = max.map((m, i) => Math.max(m, min[i]!));
  const maxSum = want.reduce((a, b) => a + b, 0);
  if (minSum > total) {
    // Columns within a fair share keep their words whole; the oversized ones share the rest. As
    // minSum > total, at least one column is over the share and the small ones take less than
    // total, so the rest is positive.
    const share = total / min.length;
    const small = min.reduce((a, m) => a + (m <= share ? m : 0), 0);
    const large = minSum - small;
    return min.map((m) => (m <= share ? m : (m * (total - small)) / large));
  }
  if (maxSum <= total) return want.map((m) => m + ((total - maxSum) * m) / maxSum);
  const share = (total - minSum) / (maxSum - minSum);
  return min.map((m, i) => m + (want[i]! - m) * share);
}

export function placeTable(flow: Flow, layout: TextLayout, spec: TableSpec): void {
  const width = spec.columns.reduce((s, c) => s + c.width, 0);
  const header = layRow(layout, spec, spec.header);
  const rows = spec.rows.map((r) => layRow(layout, spec, r));

  const drawRowPart = (r: LaidRow, from: number, to: number, first: boolean, last: boolean) => {
    const top = flow.y;
    const h = (to - from) * r.row.style.lh + (first ? spec.padY : 0) + (last ? spec.padY : 0);
    if (r.row.fill) flow.current.bg.push({ t: 'rect', x: spec.x, y: top, w: width, h, fill: r.row.fill });
    flow.y += first ? spec.padY : 0;
    const lineTop = flow.y;
    for (const c of r.cells) {
      flow.y = lineTop;
      for (let k = from; k < Math.min(to, c.lines.length); k++) placeLine(flow, layout, c.lines[k]!, { x: c.x, width: c.width, style: r.row.style, align: c.align });
    }
    flow.y = lineTop + (to - from) * r.row.style.lh + (last ? spec.padY : 0);
    if (last && r.row.rule) flow.current.fg.push({ t: 'line', x1: spec.x, y1: flow.y, x2: spec.x + width, y2: flow.y, lw: r.row.rule.lw, color: r.row.rule.color });
  };
  const drawWhole = (r: LaidRow) => drawRowPart(r, 0, r.lines, true, true);

  // Header plus the first row stay together.
  const firstH = header.height + (rows[0]?.height ?? 0);
  if (!flow.fits(firstH) && flow.fitsOnEmptyPage(firstH)) flow.breakPage();
  else flow.ensure(header.height + (rows[0]?.row.style.lh ?? 0) + 2 * spec.padY);
  drawWhole(header);

  flow.withHook({ after: () => drawWhole(header) }, () => {
    rows.forEach((r, i) => {
      const next = rows[i + 1];
      const together = r.height + (r.row.keepWithNext && next ? next.height : 0);
      if (flow.fits(r.height)) {
        if (!flow.fits(together) && flow.fitsOnEmptyPage(together + header.height)) flow.breakPage();
        drawWhole(r);
        return;
      }
      if (flow.fitsOnEmptyPage(r.height + header.height)) {
        flow.breakPage();
        drawWhole(r);
        return;
      }
      // Taller than a page: continue it line by line over as many pages as it needs.
      let k = 0;
      while (k < r.lines) {
        const first = k === 0;
        let room = Math.floor((flow.bottom - flow.y - (first ? spec.padY : 0) - spec.padY + 0.01) / r.row.style.lh);
        if (room < 1) {
          flow.breakPage();
          continue;
        }
        room = Math.min(room, r.lines - k);
        const last = k + room === r.lines;
        drawRowPart(r, k, k + room, first, last);
        k += room;
        if (!last) flow.breakPage();
      }
    });
  });
}
