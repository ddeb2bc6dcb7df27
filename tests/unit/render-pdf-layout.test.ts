/**
 * The PDF layout engine (src/render/pdf/layout.ts) on its own display list, with the real DejaVu
 * metrics: what a reader would see go wrong. Lines stay inside their width and never overlap,
 * nothing is lost or reordered when a line breaks, right-aligned text ends on the right edge,
 * boxes and tables cover exactly what they hold and break over pages with their header. Fast (no
 * PDF is written), so the mutation run of the `pdf` module judges layout.ts mostly from here.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Run } from '../../src/model/types.ts';
import { fontFace } from '../../src/render/pdf/fonts.ts';
import {
  COLOR,
  Flow,
  mm,
  PdfLayoutError,
  TextLayout,
  baselineOffset,
  fitColumnWidths,
  fitOneLine,
  placeBox,
  placeLine,
  placeLines,
  placeTable,
  type Line,
  type Op,
  type Row,
  type TableSpec,
  type TextStyle,
} from '../../src/render/pdf/layout.ts';

const fontDir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const regular = fontFace(new Uint8Array(readFileSync(join(fontDir, 'DejaVuSans.ttf'))));
const bold = fontFace(new Uint8Array(readFileSync(join(fontDir, 'DejaVuSans-Bold.ttf'))));
const layout = new TextLayout({ regular, bold }, 'test-sjabloon');
const style: TextStyle = { size: 10, lh: 13 };
const w = (s: string, font: 'regular' | 'bold' = 'regular', size = 10) => layout.measure(s, font, size);
const lineText = (l: Line) => l.spans.map((s) => s.text).join('');
const texts = (lines: Line[]) => lines.map(lineText);
const close = (a: number, b: number) => expect(Math.abs(a - b), `${a} ≈ ${b}`).toBeLessThan(1e-6);
type TextOp = Extract<Op, { t: 'text' }>;
type RectOp = Extract<Op, { t: 'rect' }>;
const textOps = (ops: Op[]) => ops.filter((o): o is TextOp => o.t === 'text');
const rects = (ops: Op[]) => ops.filter((o): o is RectOp => o.t === 'rect');
/** Ascent and descent in points at `size`: the glyph box around a baseline. */
const ascent = (size: number) => (regular.ascent * size) / regular.unitsPerEm;
const descent = (size: number) => (-regular.descent * size) / regular.unitsPerEm;
const GEO = { top: 100, bottom: 300 };

// ------------------------------------------------------------------ measuring and wrapping

describe('measure', () => {
  it('converts millimetres to points (72 per inch)', () => {
    close(mm(25.4), 72);
    expect(mm(210)).toBeCloseTo(595.28, 2);
  });

  it('scales the font’s advance widths by the size, per face', () => {
    close(w('abc', 'regular', 20), 2 * w('abc', 'regular', 10));
    close(w('abc'), (regular.width('abc') * 10) / regular.unitsPerEm);
    expect(w('abc', 'bold')).toBeGreaterThan(w('abc'));
  });
});

describe('wrap', () => {
  it('puts text that fits exactly on one line, and breaks it when the width is a hair less', () => {
    const t = 'aaa bbb ccc';
    expect(texts(layout.wrap([{ text: t }], style, w(t)))).toEqual([t]);
    expect(texts(layout.wrap([{ text: t }], style, w(t) - 0.01))).toEqual(['aaa bbb', 'ccc']);
    expect(texts(layout.wrap([{ text: 'aaa bbb cc' }], style, w('aaa bbb') - 0.01))).toEqual(['aaa', 'bbb cc']);
    // Rounding: a thousandth of a point too narrow still fits.
    const width = w(t) - 0.001;
    expect(width + 0.001).toBe(w(t));
    expect(texts(layout.wrap([{ text: t }], style, width))).toEqual([t]);
  });

  it('keeps every line within the width, in order, losing no word', () => {
    const words = 'Volgens onze boekhouding staat factuur 2026-0153 van 1 oktober nog open, en dat al een tijd.';
    for (const width of [w('boekhouding,') + 1, 90, 140, 200]) {
      const lines = layout.wrap([{ text: words }], style, width);
      for (const l of lines) expect(l.width).toBeLessThanOrEqual(width + 0.001);
      expect(texts(lines).join(' ')).toBe(words);
      // Greedy: the first word of a line did not fit on the line before.
      for (let i = 1; i < lines.length; i++) expect(lines[i - 1]!.width + w(' ') + w(lineText(lines[i]!).split(' ')[0]!)).toBeGreaterThan(width);
    }
  });

  it('squashes runs of spaces, drops them at line starts and ends, and measures what it keeps', () => {
    const [line] = layout.wrap([{ text: '   a    b   ' }], style, 500);
    expect(lineText(line!)).toBe('a b');
    close(line!.width, w('a b'));
    expect(line!.spans[0]!.x).toBe(0);
    const lines = layout.wrap([{ text: 'aaa     bbb' }], style, w('aaa') + 1);
    expect(texts(lines)).toEqual(['aaa', 'bbb']);
    close(lines[1]!.width, w('bbb'));
    expect(layout.wrap([{ text: '   ' }], style, 100)).toEqual([]);
  });

  it('turns runs into spans with the right face, x offset, highlight and safe links', () => {
    const runs: Run[] = [
      { text: 'Betaal ' },
      { text: '€ 12,50', strong: true },
      { text: ' via ' },
      { text: 'https://betaal.example/1', href: 'https://betaal.example/1' },
      { text: ' of ' },
      { text: '[factuur.nummer]', missing: 'factuur.nummer' },
      { text: ' x', href: 'javascript:alert(1)' },
      { text: ' y', href: 'http://onveilig.example' },
      { text: ' z', href: 'mailto:boekhouding@example.be' },
      { text: ' q', href: 'javascript:https://x.example' },
    ];
    const [line] = layout.wrap(runs, style, 2000);
    const spans = line!.spans;
    expect(spans.map((s) => [s.text, s.font, s.missing, s.href])).toEqual([
      ['Betaal ', 'regular', false, undefined],
      ['€ 12,50', 'bold', false, undefined],
      [' via ', 'regular', false, undefined],
      ['https://betaal.example/1', 'regular', false, 'https://betaal.example/1'],
      [' of ', 'regular', false, undefined],
      ['[factuur.nummer]', 'regular', true, undefined],
      [' x y', 'regular', false, undefined],
      [' z', 'regular', false, 'mailto:boekhouding@example.be'],
      [' q', 'regular', false, undefined],
    ]);
    let x = 0;
    for (const s of spans) {
      close(s.x, x);
      close(s.width, w(s.text, s.font));
      x += s.width;
    }
    close(line!.width, x);
    const allBold = layout.wrap([{ text: 'kop ' }, { text: 'tekst' }], { ...style, bold: true }, 500)[0]!;
    expect(allBold.spans.map((s) => s.font)).toEqual(['bold']);
  });

  it('never breaks between runs glued into one word ("€ 12" in bold and the full stop after it)', () => {
    const lines = layout.wrap([{ text: 'Totaal ' }, { text: '€ 12', strong: true }, { text: '.' }], style, w('Totaal € 1'));
    expect(texts(lines)).toEqual(['Totaal €', '12.']);
    expect(lines[1]!.spans.map((s) => s.font)).toEqual(['bold', 'regular']);
    close(lines[1]!.spans[1]!.x, w('12', 'bold'));
  });

  it('cleans what the font cannot draw before measuring', () => {
    const [line] = layout.wrap([{ text: 'a\tb\u00adc🧾' }], style, 500);
    expect(lineText(line!)).toBe('a bc?');
    close(line!.width, w('a bc?'));
    expect(layout.clean('a🧾', 'bold')).toBe('a?');
  });
});

describe('hard breaks of a token wider than the line', () => {
  it('fills each line as far as it goes when there is no separator, and continues the line after it', () => {
    const token = 'x'.repeat(100);
    const width = w('x'.repeat(30)) + 0.5;
    const lines = layout.wrap([{ text: `${token} yy zz` }], style, width);
    expect(texts(lines)).toEqual(['x'.repeat(30), 'x'.repeat(30), 'x'.repeat(30), `${'x'.repeat(10)} yy zz`]);
    for (const l of lines) expect(l.width).toBeLessThanOrEqual(width + 0.001);
    // One span per line: the pieces of one run are one text.
    expect(lines.map((l) => l.spans.length)).toEqual([1, 1, 1, 1]);
    close(lines[3]!.width, w(`${'x'.repeat(10)} yy zz`));
  });

  it('fills a line to its exact width, and counts the last piece’s width for the words after it', () => {
    const x30 = 'x'.repeat(30);
    expect(texts(layout.wrap([{ text: 'x'.repeat(60) }], style, w(x30)))).toEqual([x30, x30]);
    // 59 x: the second line holds 29, so " yy" no longer fits beside them.
    const lines = layout.wrap([{ text: `${'x'.repeat(59)} yy` }], style, w(x30) + 0.5);
    expect(texts(lines)).toEqual([x30, 'x'.repeat(29), 'yy']);
    close(lines[1]!.width, w('x'.repeat(29)));
  });

  it('keeps the last piece whole when it fits, even with a separator in it', () => {
    const token = `${'a'.repeat(25)}/${'b'.repeat(20)}/cc`;
    expect(texts(layout.wrap([{ text: token }], style, w('a'.repeat(30))))).toEqual([`${'a'.repeat(25)}/`, `${'b'.repeat(20)}/cc`]);
  });

  it('moves to a new line before a token that does not fit beside the words before it', () => {
    const lines = layout.wrap([{ text: `aa ${'x'.repeat(40)}` }], style, w('x'.repeat(30)));
    expect(lines[0] && lineText(lines[0])).toBe('aa');
    expect(texts(lines).slice(1).join('')).toBe('x'.repeat(40));
  });

  it('breaks after a separator only when that keeps at least 60 % of the line', () => {
    const width = w('a'.repeat(20));
    // "/" after 15 of 20 characters: 75 % of the line, so the break goes there.
    const late = `${'a'.repeat(15)}/${'b'.repeat(30)}`;
    expect(texts(layout.wrap([{ text: late }], style, width))[0]).toBe(`${'a'.repeat(15)}/`);
    // "/" after 5 characters: 25 %, so the line is filled instead.
    const early = `${'a'.repeat(5)}/${'b'.repeat(40)}`;
    const lines = layout.wrap([{ text: early }], style, width);
    expect(lineText(lines[0]!).length).toBeGreaterThan(15);
    expect(texts(lines).join('')).toBe(early);
    // Only the last separator before the cut counts.
    const two = `${'a'.repeat(14)}-a/${'b'.repeat(40)}`;
    expect(texts(layout.wrap([{ text: two }], style, width))[0]).toBe(`${'a'.repeat(14)}-a/`);
  });

  it('breaks a field name after its group, however short that is', () => {
    const name = '[factuur.vervaldatumvanhetdocument]';
    const lines = layout.wrap([{ text: name, missing: 'x' }], style, w('[factuur.vervaldatumvanhetdocument'));
    expect(texts(lines)).toEqual(['[factuur.', 'vervaldatumvanhetdocument]']);
    expect(lines.every((l) => l.spans[0]!.missing)).toBe(true);
    // A piece that starts with the group's dot does not break right after it.
    const dotFirst = layout.wrap([{ text: `[abcdefghij.${'k'.repeat(40)}]`, missing: 'x' }], style, w('[abcdefghij') + 0.1);
    expect(lineText(dotFirst[0]!)).toBe('[abcdefghij');
    expect(lineText(dotFirst[1]!).startsWith('.kkk')).toBe(true);
    // Other separators in a field name follow the 60 % rule.
    const dashed = layout.wrap([{ text: '[ab-cdefghijklmnopqrstuvwxyz]', missing: 'x' }], style, w('[ab-cdefghijklm'));
    expect(lineText(dashed[0]!)).toBe('[ab-cdefghijklm');
    // The same text as a value (not a field name) fills the line.
    const plainLines = layout.wrap([{ text: '[abc.defghijklmnopqrstuvwxyzabcdef]' }], style, w('[abc.defghijklmnop'));
    expect(lineText(plainLines[0]!).length).toBeGreaterThan(10);
  });

  it('keeps a combining mark with its letter', () => {
    const accented = 'e\u0301'.repeat(40);
    const width = w('e\u0301'.repeat(10)) - 0.1;
    const lines = layout.wrap([{ text: accented }], style, width);
    for (const l of lines) {
      expect(lineText(l)).not.toMatch(/^\p{M}/u);
      expect(l.width).toBeLessThanOrEqual(width + 0.001);
    }
    expect(texts(lines).join('')).toBe(accented);
    // A break after a separator that a mark sits on moves back before the separator.
    const marked = `${'a'.repeat(25)}-\u0301${'b'.repeat(30)}`;
    const cut = layout.wrap([{ text: marked }], style, w('a'.repeat(30)));
    expect(texts(cut)[0]).toBe('a'.repeat(25));
    expect(texts(cut)[1]!.startsWith('-\u0301b')).toBe(true);
    expect(texts(cut).join('')).toBe(marked);
  });

  it('keeps each run’s face and link across its pieces', () => {
    const url = 'https://example.com/abcdefghijklmnopqrstuvwxyz0123456789';
    const lines = layout.wrap([{ text: 'ab', strong: true }, { text: url, href: url }], style, w('https://example.com/abcd'));
    expect(lines[0]!.spans.map((s) => [s.text, s.font, s.href])).toEqual([
      ['ab', 'bold', undefined],
      [lineText(lines[0]!).slice(2), 'regular', url],
    ]);
    expect(texts(lines).join('')).toBe(`ab${url}`);
    close(lines[0]!.spans[1]!.x, w('ab', 'bold'));
  });

  it('throws an error naming the template and the width when not even one character fits', () => {
    expect(() => layout.wrap([{ text: 'W' }], style, 2)).toThrow(PdfLayoutError);
    expect(() => layout.wrap([{ text: 'W' }], style, 2)).toThrow('PDF voor sjabloon "test-sjabloon": "W" is breder dan de beschikbare 2.0 pt');
    const error = (() => {
      try {
        layout.wrap([{ text: 'W' }], style, 2);
      } catch (e) {
        return e as PdfLayoutError;
      }
    })();
    expect(error?.name).toBe('PdfLayoutError');
    expect(error?.templateId).toBe('test-sjabloon');
  });
});

describe('content widths (for table columns)', () => {
  it('minimum: the widest word, where words glue across runs and field names split after their group', () => {
    close(layout.minContentWidth([{ text: 'aa bbbb c' }], style), w('bbbb'));
    close(layout.minContentWidth([{ text: 'x ab' }, { text: 'cd', strong: true }, { text: ' y' }], style), w('ab') + w('cd', 'bold'));
    close(layout.minContentWidth([{ text: '[factuur.vervaldatum]', missing: 'factuur.vervaldatum' }], style), w('vervaldatum]'));
    close(layout.minContentWidth([{ text: '[klantnummer.x]', missing: 'klantnummer.x' }], style), w('[klantnummer.'));
    // A value that looks like a field name is one word.
    close(layout.minContentWidth([{ text: '[factuur.vervaldatum]' }], style), w('[factuur.vervaldatum]'));
    close(layout.minContentWidth([{ text: 'a' }, { text: '[factuur.x]', missing: 'factuur.x' }], style), w('a[factuur.'));
    expect(layout.minContentWidth([], style)).toBe(0);
  });

  it('maximum: everything on one line', () => {
    close(layout.maxContentWidth([{ text: 'a    b' }], style), w('a b'));
    close(layout.maxContentWidth([{ text: 'aa bbbb' }, { text: ' c', strong: true }], style), w('aa bbbb') + w(' c', 'bold'));
  });
});

describe('fitOneLine (running heads)', () => {
  it('keeps a line that fits, squashing its whitespace', () => {
    expect(fitOneLine(layout, '  Bakkerij\n De   Korst ', 'regular', 8, 500)).toBe('Bakkerij De Korst');
    const exact = 'Bakkerij De Korst';
    expect(fitOneLine(layout, exact, 'regular', 8, w(exact, 'regular', 8))).toBe(exact);
  });

  it('cuts a long line visibly, within the width, on a word when that keeps most of it', () => {
    const long = 'Herinnering factuur 2026-0153 en 2026-0154 voor de levering van brood';
    for (const width of [60, 100, 150]) {
      const cut = fitOneLine(layout, long, 'regular', 8, width);
      expect(cut.endsWith(' …')).toBe(true);
      expect(w(cut, 'regular', 8)).toBeLessThanOrEqual(width);
      expect(long.startsWith(cut.slice(0, -2))).toBe(true);
    }
    for (let width = 30; width < 200; width += 0.37) expect(w(fitOneLine(layout, `ab ${'x'.repeat(80)}`, 'regular', 8, width), 'regular', 8)).toBeLessThanOrEqual(width);
    // Room for "Herinnering factuur 20": cut back to the last whole word.
    expect(fitOneLine(layout, long, 'regular', 8, w('Herinnering factuur 20 …', 'regular', 8))).toBe('Herinnering factuur …');
    // One long word: cut inside it rather than lose it all.
    const word = 'x'.repeat(200);
    const cut = fitOneLine(layout, `ab ${word}`, 'regular', 8, 100);
    expect(cut).toMatch(/^ab x+ …$/);
    expect(cut.length).toBeGreaterThan(20);
    // The room ends just before a space: the whole word stays.
    expect(fitOneLine(layout, 'aaaaaa bb cc', 'regular', 8, w('aaaaaa bb …', 'regular', 8))).toBe('aaaaaa bb …');
    // A cut word whose line is at most half kept words stays cut.
    expect(fitOneLine(layout, 'aaaa bbbxxxx', 'regular', 8, w('aaaa bbb …', 'regular', 8))).toBe('aaaa bbb …');
    // The line ends on a whole word exactly where the room ends.
    expect(fitOneLine(layout, 'aaaa bbbb cccc', 'regular', 8, w('aaaa bbbb …', 'regular', 8))).toBe('aaaa bbbb …');
  });
});

// ------------------------------------------------------------------ flow

describe('flow', () => {
  it('fits what ends on the bottom line, less the inset, and not a point more', () => {
    const flow = new Flow(GEO);
    expect(flow.y).toBe(100);
    expect(flow.fits(200)).toBe(true);
    expect(flow.fits(200.5)).toBe(false);
    expect(flow.fits(200.01)).toBe(true); // rounding
    expect(flow.fitsOnEmptyPage(200.01)).toBe(true);
    expect(flow.pages).toEqual([{ bg: [], fg: [], links: [] }]);
    flow.inset = 20;
    expect(flow.bottom).toBe(280);
    expect(flow.fits(180)).toBe(true);
    expect(flow.fits(181)).toBe(false);
    expect(flow.fitsOnEmptyPage(180)).toBe(true);
    expect(flow.fitsOnEmptyPage(181)).toBe(false);
    flow.y = 250;
    expect(flow.fitsOnEmptyPage(180)).toBe(true);
  });

  it('ensure() moves on only when needed and never leaves a page empty', () => {
    const flow = new Flow(GEO);
    flow.ensure(500); // taller than a page, at the top: stays
    expect([flow.page, flow.y]).toEqual([0, 100]);
    flow.y = 250;
    flow.ensure(50);
    expect([flow.page, flow.y]).toEqual([0, 250]);
    flow.ensure(51);
    expect([flow.page, flow.y, flow.pages.length]).toEqual([1, 100, 2]);
    expect(flow.pages[1]).toEqual({ bg: [], fg: [], links: [] });
    expect(flow.atPageTop).toBe(true);
    flow.y = 100.01;
    expect(flow.atPageTop).toBe(true);
    flow.y = 101;
    expect(flow.atPageTop).toBe(false);
  });

  it('keep() moves a unit to the next page only when it fits there whole', () => {
    const flow = new Flow(GEO, undefined, 0, 250);
    flow.keep(250); // fits on no page: stays where it is
    expect(flow.page).toBe(0);
    flow.keep(50);
    expect(flow.page).toBe(0);
    flow.keep(60);
    expect([flow.page, flow.y]).toEqual([1, 100]);
  });

  it('calls break hooks before and after each break, only while they are set', () => {
    const flow = new Flow(GEO);
    const log: string[] = [];
    const result = flow.withHook({ before: () => log.push(`before ${flow.page}`), after: () => log.push(`after ${flow.page} ${flow.y}`) }, () => {
      flow.breakPage();
      flow.withHook({ after: () => log.push('inner') }, () => flow.breakPage());
      flow.breakPage();
      return 'done';
    });
    expect(result).toBe('done');
    expect(log).toEqual(['before 0', 'after 1 100', 'before 1', 'after 2 100', 'inner', 'before 2', 'after 3 100']);
    flow.breakPage();
    expect(log).toHaveLength(7);
    flow.withHook({ before: () => log.push('only before') }, () => flow.breakPage());
    expect(log.at(-1)).toBe('only before');
    log.pop();
    expect(() => flow.withHook({ after: () => log.push('x') }, () => { throw new Error('stop'); })).toThrow('stop');
    flow.breakPage();
    expect(log).toHaveLength(7);
  });

  it('forks share the pages and the flow moves after the one furthest down', () => {
    const flow = new Flow(GEO, undefined, 0, 150);
    const a = flow.fork(120);
    const b = flow.fork(200);
    expect(a.pages).toBe(flow.pages);
    expect(a.geo).toBe(GEO);
    flow.moveAfter(a, b);
    expect([flow.page, flow.y]).toEqual([0, 200]);
    flow.moveAfter(a);
    expect([flow.page, flow.y]).toEqual([0, 200]);
    b.breakPage();
    b.y = 130;
    flow.moveAfter(a, b);
    expect([flow.page, flow.y, flow.pages.length]).toEqual([1, 130, 2]);
    // Page 2 starts at the geometry's top: a cursor back there is at the page top.
    flow.y = 100;
    expect(flow.atPageTop).toBe(true);
    const later = flow.fork(140);
    flow.moveAfter(later);
    expect(flow.y).toBe(140);
    // Never back to an earlier page or up the page.
    const back = flow.fork(290);
    back.page = 0;
    flow.moveAfter(back);
    expect([flow.page, flow.y]).toEqual([1, 140]);
    // Page 1's top is where the flow began (under a letter head), later pages' the geometry's.
    const first = new Flow(GEO, undefined, 0, 40);
    first.moveAfter(first.fork(60));
    first.y = 40;
    expect(first.atPageTop).toBe(true);
    first.y = 60;
    expect(first.atPageTop).toBe(false);
    const other = first.fork(60);
    other.breakPage();
    first.moveAfter(other);
    expect(first.atPageTop).toBe(true);
  });
});

// ------------------------------------------------------------------ placing lines

describe('placing lines', () => {
  const one = (text: string, runs?: Run[]) => layout.wrap(runs ?? [{ text }], style, 1000)[0]!;

  it('centres the glyph box in the line box and advances by the line height', () => {
    for (const s of [style, { size: 8, lh: 20 }, { size: 14, lh: 14 }]) {
      const flow = new Flow(GEO, undefined, 0, 150);
      placeLine(flow, layout, one('Hoogte'), { x: 70, width: 300, style: s });
      const [op] = textOps(flow.current.fg);
      const top = op!.y - ascent(s.size) - 150;
      const bottom = 150 + s.lh - (op!.y + descent(s.size));
      close(top, bottom);
      close(op!.y, 150 + baselineOffset(layout, s));
      expect(flow.y).toBe(150 + s.lh);
      expect(op!.size).toBe(s.size);
    }
  });

  it('aligns left, right and centre within the given width', () => {
    const line = one('1.240,50');
    const at = (align?: 'left' | 'right' | 'center') => {
      const flow = new Flow(GEO);
      placeLine(flow, layout, line, { x: 70, width: 200, style, ...(align ? { align } : {}) });
      return textOps(flow.current.fg)[0]!.x;
    };
    close(at(), 70);
    close(at('left'), 70);
    close(at('right') + line.width, 270);
    close(at('center') - 70, 270 - (at('center') + line.width));
  });

  it('draws spans at their offsets in their face and colour, a field name on a highlight, a link over its text', () => {
    const flow = new Flow(GEO, undefined, 0, 150);
    const line = one('', [{ text: 'Zie ' }, { text: '[klant.naam]', missing: 'klant.naam' }, { text: ' en ' }, { text: 'https://x.example', href: 'https://x.example' }]);
    placeLine(flow, layout, line, { x: 70, width: 400, style: { ...style, color: COLOR.muted } });
    const ops = textOps(flow.current.fg);
    expect(ops.map((o) => [o.text, o.font])).toEqual([
      ['Zie ', 'regular'],
      ['[klant.naam]', 'regular'],
      [' en ', 'regular'],
      ['https://x.example', 'regular'],
    ]);
    ops.forEach((o, i) => close(o.x, 70 + line.spans[i]!.x));
    expect(ops.every((o) => o.color === COLOR.muted)).toBe(true);
    const base = ops[0]!.y;
    // The highlight: behind the text (background list), around the whole field name, a little larger.
    const [mark] = rects(flow.current.bg);
    expect(rects(flow.current.bg)).toHaveLength(1);
    expect(mark!.fill).toBe(COLOR.highlight);
    const field = ops[1]!;
    expect(mark!.x).toBeLessThan(field.x);
    expect(mark!.x).toBeGreaterThan(field.x - 2);
    expect(mark!.x + mark!.w).toBeGreaterThan(field.x + w('[klant.naam]'));
    expect(mark!.x + mark!.w).toBeLessThan(field.x + w('[klant.naam]') + 2);
    expect(mark!.y).toBeLessThan(base - ascent(10));
    expect(mark!.y).toBeGreaterThan(base - ascent(10) - 1);
    expect(mark!.y + mark!.h).toBeGreaterThan(base + descent(10));
    expect(mark!.y + mark!.h).toBeLessThan(base + descent(10) + 1);
    // The link: exactly the URL's glyph box.
    expect(flow.current.links).toHaveLength(1);
    const link = flow.current.links[0]!;
    expect(link.uri).toBe('https://x.example');
    close(link.x, ops[3]!.x);
    close(link.w, w('https://x.example'));
    close(link.y, base - ascent(10));
    close(link.h, ascent(10) + descent(10));
    // Default colour: body text.
    const plainFlow = new Flow(GEO);
    placeLine(plainFlow, layout, one('x'), { x: 70, width: 400, style });
    expect(textOps(plainFlow.current.fg)[0]!.color).toBe(COLOR.text);
  });

  it('stacks lines one line height apart and carries on at the top of the next page', () => {
    const lines = layout.wrap([{ text: 'woord '.repeat(400) }], style, 200);
    const flow = new Flow(GEO);
    placeLines(flow, layout, lines, { x: 70, width: 200, style });
    const perPage = Math.floor((GEO.bottom - GEO.top) / style.lh);
    expect(flow.pages.length).toBe(Math.ceil(lines.length / perPage));
    flow.pages.forEach((page, p) => {
      const ys = textOps(page.fg).map((o) => o.y);
      expect(ys.length).toBe(p < flow.pages.length - 1 ? perPage : lines.length - perPage * p);
      close(ys[0]!, GEO.top + baselineOffset(layout, style));
      ys.slice(1).forEach((y, i) => close(y - ys[i]!, style.lh));
      expect(ys.at(-1)! + descent(style.size)).toBeLessThanOrEqual(GEO.bottom);
    });
  });
});

describe('boxes', () => {
  it('cover their content with padding, behind it, with an accent stripe', () => {
    const flow = new Flow(GEO, undefined, 0, 120);
    const lines = layout.wrap([{ text: 'Betaal uiterlijk op 7 december 2026.' }], style, 300);
    placeBox(flow, { x: 70, width: 320, pad: 8, fill: COLOR.box, accent: COLOR.accent }, () => placeLines(flow, layout, lines, { x: 82, width: 300, style }));
    const [box, stripe] = rects(flow.current.bg);
    expect(box).toEqual({ t: 'rect', x: 70, y: 120, w: 320, h: 8 + style.lh + 8, fill: COLOR.box });
    expect(stripe).toEqual({ t: 'rect', x: 70, y: 120, w: 2.5, h: 8 + style.lh + 8, fill: COLOR.accent });
    close(textOps(flow.current.fg)[0]!.y, 128 + baselineOffset(layout, style));
    expect(flow.y).toBe(120 + 16 + style.lh);
    expect(flow.inset).toBe(0);
  });

  it('draw a border only when asked, with a thin line', () => {
    const flow = new Flow(GEO);
    placeBox(flow, { x: 70, width: 100, pad: 4, stroke: COLOR.rule }, () => {
      flow.y += 10;
    });
    expect(rects(flow.current.bg)).toEqual([{ t: 'rect', x: 70, y: 100, w: 100, h: 18, stroke: COLOR.rule, lw: 0.6 }]);
  });

  it('split over pages: one part per page, each closed with padding, content never in the padding', () => {
    const flow = new Flow(GEO, undefined, 0, 250);
    const lines = layout.wrap([{ text: 'woord '.repeat(60) }], style, 250);
    expect(lines.length).toBeGreaterThan(5);
    placeBox(flow, { x: 70, width: 270, pad: 8, fill: COLOR.box }, () => placeLines(flow, layout, lines, { x: 80, width: 250, style }));
    expect(flow.pages).toHaveLength(2);
    const [a, b] = flow.pages.map((p) => rects(p.bg));
    expect(a).toHaveLength(1);
    expect(b).toHaveLength(1);
    expect(a![0]!.y).toBe(250);
    // Lines on page 1 stop a padding above the bottom; the part closes a padding under the last line.
    const first = textOps(flow.pages[0]!.fg);
    const lastBottom = first.at(-1)!.y - baselineOffset(layout, style) + style.lh;
    expect(lastBottom).toBeLessThanOrEqual(GEO.bottom - 8 + 0.01);
    close(a![0]!.y + a![0]!.h, lastBottom + 8);
    expect(first).toHaveLength(Math.floor((GEO.bottom - 8 - 258) / style.lh));
    // Page 2: the part starts at the top, the text a padding below it.
    expect(b![0]!.y).toBe(GEO.top);
    const second = textOps(flow.pages[1]!.fg);
    close(second[0]!.y, GEO.top + 8 + baselineOffset(layout, style));
    close(b![0]!.y + b![0]!.h, flow.y);
    close(flow.y, GEO.top + 8 + second.length * style.lh + 8);
    expect(first.length + second.length).toBe(lines.length);
  });
});

// ------------------------------------------------------------------ tables

describe('column widths', () => {
  const sum = (a: number[]) => a.reduce((x, y) => x + y, 0);

  it('give the spare room in proportion to the content when everything fits on one line', () => {
    const widths = fitColumnWidths([10, 20, 30], [40, 60, 100], 400);
    expect(widths.map((x) => Math.round(x * 100) / 100)).toEqual([80, 120, 200]);
    // A maximum below its minimum counts as the minimum.
    expect(fitColumnWidths([50, 10], [20, 30], 160)).toEqual([100, 60]);
    expect(fitColumnWidths([10, 10], [50, 150], 200)).toEqual([50, 150]);
  });

  it('give every column its widest word and share the rest by how much more each wants', () => {
    const widths = fitColumnWidths([10, 20, 30], [110, 20, 130], 160);
    close(sum(widths), 160);
    // 100 spare of 200 wanted: each column gets half of what it wants beyond its minimum.
    expect(widths).toEqual([60, 20, 80]);
  });

  it('when even the words do not fit: columns within a fair share keep theirs, the large ones share the rest', () => {
    const widths = fitColumnWidths([20, 30, 150, 50], [20, 30, 150, 50], 200);
    close(sum(widths), 200);
    expect(widths[0]).toBe(20);
    expect(widths[1]).toBe(30);
    // 50 is the fair share (200 / 4): it stays; the one large column gets the 100 left.
    expect(widths[3]).toBe(50);
    expect(widths[2]).toBe(100);
    expect(fitColumnWidths([20, 30, 150, 60], [20, 30, 150, 60], 200)).toEqual([20, 30, 150 * 150 / 210, 60 * 150 / 210]);
    // A column exactly at the fair share keeps it.
    expect(fitColumnWidths([50, 150, 10], [50, 150, 10], 150)[0]).toBe(50);
    // All columns over the share: scaled down together.
    expect(fitColumnWidths([150, 300], [150, 300], 200)).toEqual([(150 * 200) / 450, (300 * 200) / 450]);
    // The small ones alone fill the table: scaled down together.
    expect(fitColumnWidths([60, 60, 60, 400], [60, 60, 60, 400], 150).map((x) => Math.round(x * 1000) / 1000)).toEqual([15.517, 15.517, 15.517, 103.448]);
  });
});

describe('tables', () => {
  const cell = (text: string, i: number, j = i) => ({ runs: [{ text }], from: i, to: j });
  const rule = { lw: 0.4, color: COLOR.rule };
  const spec = (rows: Row[], x = 70): TableSpec => ({
    x,
    columns: [
      { width: 100, align: 'left' },
      { width: 80, align: 'left' },
      { width: 90, align: 'right' },
    ],
    header: { cells: ['Factuur', 'Vervaldag', 'Bedrag'].map((t, i) => cell(t, i)), style: { size: 8.5, lh: 11, bold: true }, fill: COLOR.shade, rule },
    rows,
    padX: 4,
    padY: 3,
  });
  const row = (n: number, extra: Partial<Row> = {}): Row => ({ cells: [cell(`F-${n}`, 0), cell(`1-${n}-2026`, 1), cell(`€ ${n},00`, 2)], style: { size: 9, lh: 12 }, rule, ...extra });

  it('puts each cell in its column, left-aligned from the padding or right-aligned to it, in the header’s face', () => {
    const flow = new Flow(GEO);
    placeTable(flow, layout, spec([row(1), row(22)]));
    const ops = textOps(flow.current.fg);
    const find = (t: string) => ops.find((o) => o.text === t)!;
    close(find('Factuur').x, 74);
    close(find('Vervaldag').x, 174);
    close(find('Bedrag').x + w('Bedrag', 'bold', 8.5), 70 + 270 - 4);
    expect(find('Factuur').font).toBe('bold');
    expect(find('F-1').font).toBe('regular');
    close(find('F-22').x, 74);
    close(find('1-22-2026').x, 174);
    close(find('€ 22,00').x + w('€ 22,00', 'regular', 9), 336);
    close(find('€ 1,00').x + w('€ 1,00', 'regular', 9), 336);
    // Rows in order, one row height apart: header 11 + 6, rows 12 + 6.
    close(find('Factuur').y, 100 + 3 + baselineOffset(layout, { size: 8.5, lh: 11 }));
    close(find('F-1').y, 100 + 17 + 3 + baselineOffset(layout, { size: 9, lh: 12 }));
    close(find('F-22').y - find('F-1').y, 18);
    expect(flow.y).toBe(100 + 17 + 18 + 18);
  });

  it('shades the header and rules every row across the whole table', () => {
    const flow = new Flow(GEO);
    placeTable(flow, layout, spec([row(1), row(2, { fill: COLOR.box })]));
    expect(rects(flow.current.bg)).toEqual([
      { t: 'rect', x: 70, y: 100, w: 270, h: 17, fill: COLOR.shade },
      { t: 'rect', x: 70, y: 135, w: 270, h: 18, fill: COLOR.box },
    ]);
    const lines = flow.current.fg.filter((o) => o.t === 'line');
    expect(lines).toEqual([117, 135, 153].map((y) => ({ t: 'line', x1: 70, y1: y, x2: 340, y2: y, lw: 0.4, color: COLOR.rule })));
  });

  it('spans a cell over columns, aligned like its last column', () => {
    const flow = new Flow(GEO);
    placeTable(flow, layout, spec([{ cells: [cell('Totaal openstaand', 0, 1), cell('€ 3,00', 2)], style: { size: 9, lh: 12, bold: true } }]));
    const total = textOps(flow.current.fg).find((o) => o.text === 'Totaal openstaand')!;
    close(total.x, 74);
    const wide = { ...spec([{ cells: [cell('x', 0, 2)], style: { size: 9, lh: 12 } }]) };
    const f2 = new Flow(GEO);
    placeTable(f2, layout, wide);
    const x = textOps(f2.current.fg).find((o) => o.text === 'x')!;
    close(x.x + w('x', 'regular', 9), 336);
  });

  it('wraps a cell within its column and makes the row as tall as its tallest cell', () => {
    const flow = new Flow(GEO);
    placeTable(flow, layout, spec([{ cells: [cell('woord '.repeat(12).trim(), 0), cell('a', 1), cell('b', 2)], style: { size: 9, lh: 12 }, rule }, row(2)]));
    const ops = textOps(flow.current.fg);
    const body = ops.filter((o) => o.text.includes('woord'));
    expect(body.length).toBeGreaterThan(2);
    for (const o of body) expect(o.x + w(o.text, 'regular', 9)).toBeLessThanOrEqual(70 + 100 - 4 + 0.001);
    const next = ops.find((o) => o.text === 'F-2')!;
    close(next.y - body[0]!.y, body.length * 12 + 6);
  });

  it('repeats the header on every page and never splits a row that fits on a page', () => {
    const flow = new Flow(GEO, undefined, 0, 120);
    placeTable(flow, layout, spec(Array.from({ length: 30 }, (_, i) => row(i + 1))));
    expect(flow.pages.length).toBeGreaterThan(2);
    let expected = 1;
    for (const page of flow.pages) {
      const ops = textOps(page.fg);
      expect(ops[0]!.text).toBe('Factuur');
      const numbers = ops.filter((o) => o.text.startsWith('F-'));
      expect(numbers.length).toBeGreaterThan(0);
      for (const n of numbers) {
        expect(n.text).toBe(`F-${expected++}`);
        // Its amount on the same baseline.
        expect(ops.find((o) => o.text === `€ ${n.text.slice(2)},00`)!.y).toBe(n.y);
        expect(n.y + descent(9) + 3).toBeLessThanOrEqual(GEO.bottom + 0.01);
      }
      const ys = ops.filter((o) => o.x < 100).map((o) => o.y);
      ys.slice(1).forEach((y, i) => expect(y - ys[i]!).toBeGreaterThanOrEqual(12));
    }
    expect(expected).toBe(31);
  });

  it('keeps the header with the first row: both go to the next page when the row does not fit', () => {
    const flow = new Flow(GEO, undefined, 0, GEO.bottom - 30);
    placeTable(flow, layout, spec([row(1)]));
    expect(flow.pages).toHaveLength(2);
    expect(textOps(flow.pages[0]!.fg)).toEqual([]);
    expect(textOps(flow.pages[1]!.fg).map((o) => o.text)).toEqual(['Factuur', 'Vervaldag', 'Bedrag', 'F-1', '1-1-2026', '€ 1,00']);
    // Header and row fit exactly: no break.
    const exact = new Flow(GEO, undefined, 0, GEO.bottom - 35);
    placeTable(exact, layout, spec([row(1)]));
    expect(exact.pages).toHaveLength(1);
  });

  it('keeps a row marked keep-with-next on the page of the row after it', () => {
    const rows = [row(1), row(2, { keepWithNext: true }), row(3)];
    // Room for the header and two rows, not three.
    const flow = new Flow(GEO, undefined, 0, GEO.bottom - 17 - 36 - 10);
    placeTable(flow, layout, spec(rows));
    const onPage = (p: number) => textOps(flow.pages[p]!.fg).filter((o) => o.text.startsWith('F-')).map((o) => o.text);
    expect(onPage(0)).toEqual(['F-1']);
    expect(onPage(1)).toEqual(['F-2', 'F-3']);
    // Without the mark the second row stays.
    const loose = new Flow(GEO, undefined, 0, GEO.bottom - 17 - 36 - 10);
    placeTable(loose, layout, spec([row(1), row(2), row(3)]));
    expect(textOps(loose.pages[0]!.fg).filter((o) => o.text.startsWith('F-')).map((o) => o.text)).toEqual(['F-1', 'F-2']);
  });

  it('continues a row taller than a page line by line, with the header above each part', () => {
    const long = Array.from({ length: 200 }, (_, i) => `r${i}`).join(' ');
    const flow = new Flow(GEO, undefined, 0, 150);
    placeTable(flow, layout, spec([row(1), { cells: [cell('F-2', 0), cell('x', 1), cell(long, 2)], style: { size: 9, lh: 12 }, rule }, row(3)]));
    expect(flow.pages.length).toBeGreaterThanOrEqual(3);
    const parts: string[] = [];
    flow.pages.forEach((page) => {
      const ops = textOps(page.fg);
      expect(ops[0]!.text).toBe('Factuur');
      for (const o of ops) {
        expect(o.y + descent(o.size)).toBeLessThanOrEqual(GEO.bottom + 0.01);
        if (/^r\d/.test(o.text)) parts.push(o.text);
      }
      const ys = ops.filter((o) => /^r\d/.test(o.text)).map((o) => o.y);
      ys.slice(1).forEach((y, i) => close(y - ys[i]!, 12));
    });
    expect(parts.join(' ')).toBe(long);
    // Each page's part of the tall row is closed with its rule only at the row's real end.
    const rules = flow.pages.map((p) => p.fg.filter((o) => o.t === 'line').length);
    expect(rules.reduce((a, b) => a + b, 0)).toBe(flow.pages.length + 3);
    const last = textOps(flow.pages.at(-1)!.fg);
    expect(last.map((o) => o.text)).toContain('F-3');
  });
});

describe('tables over page breaks, exactly', () => {
  const rule = { lw: 0.4, color: COLOR.rule };
  const cell = (text: string, i: number) => ({ runs: [{ text }], from: i, to: i });
  const base: Omit<TableSpec, 'rows'> = {
    x: 70,
    columns: [
      { width: 100, align: 'left' },
      { width: 90, align: 'right' },
    ],
    header: { cells: [cell('Factuur', 0), cell('Bedrag', 1)], style: { size: 8.5, lh: 11, bold: true }, rule },
    padX: 4,
    padY: 3,
  };
  const rowStyle = { size: 9, lh: 12 };
  /** A row of `n` lines in the first column, one word each: "T000", "T001" … */
  const tall = (id: string, n: number, extra: Partial<Row> = {}): Row => ({
    cells: [{ runs: [{ text: Array.from({ length: n }, (_, i) => `${id}${String(i).padStart(3, '0')}`).join(' ') }], from: 0, to: 0 }, cell('€', 1)],
    style: rowStyle,
    rule,
    ...extra,
  });
  const narrow = { ...base, columns: [{ width: 50, align: 'left' as const }, { width: 90, align: 'right' as const }] };
  /** Page of the first text op that starts with `prefix`. */
  const pageOf = (flow: Flow, text: string) => flow.pages.findIndex((p) => textOps(p.fg).some((o) => o.text === (/\d$/.test(text) ? text : `${text}000`)));
  const top = (o: TextOp) => o.y - baselineOffset(layout, rowStyle);

  it('draws an empty table as its header alone', () => {
    const flow = new Flow(GEO);
    placeTable(flow, layout, { ...base, rows: [] });
    expect(textOps(flow.current.fg).map((o) => o.text)).toEqual(['Factuur', 'Bedrag']);
    expect(flow.y).toBe(117);
  });

  it('starts a row taller than a page where the header and one line fit, and fills every page to its padding', () => {
    const flow = new Flow(GEO, undefined, 0, GEO.bottom - (17 + 12 + 6));
    placeTable(flow, layout, { ...narrow, rows: [tall('T', 40, { fill: COLOR.box }), tall('N', 1)] });
    const perPage = flow.pages.map((p) => textOps(p.fg).filter((o) => /^T\d{3}$/.test(o.text)).length);
    expect(perPage).toEqual([1, 15, 15, 9]);
    // The first line a padding under the header; on later pages right under the repeated header.
    const lines = flow.pages.map((p) => textOps(p.fg).filter((o) => /^T\d{3}$/.test(o.text)));
    close(top(lines[0]![0]!), GEO.bottom - 12 - 3);
    for (const page of lines.slice(1)) close(top(page[0]!), GEO.top + 17);
    // The row's shading: one part per page, exactly around its lines (paddings only at its ends).
    const fills = flow.pages.map((p) => rects(p.bg).filter((r) => r.fill === COLOR.box).map((r) => [r.y, r.h]));
    expect(fills).toEqual([[[GEO.bottom - 18, 15]], [[117, 180]], [[117, 180]], [[117, 111]]]);
    // Its rule only under its last part, and the next row straight after it on the same page.
    const ruleYs = flow.pages.map((p) => p.fg.filter((o) => o.t === 'line').map((o) => (o as { y1: number }).y1));
    expect(ruleYs.map((r) => r.length)).toEqual([1, 1, 1, 3]);
    close(ruleYs[3]![1]!, 117 + 9 * 12 + 3);
    expect(pageOf(flow, 'N')).toBe(3);
    close(top(textOps(flow.pages[3]!.fg).find((o) => o.text === 'N000')!), 117 + 9 * 12 + 3 + 3);
  });

  it('moves the header to the next page rather than leave it without a line under it', () => {
    const flow = new Flow(GEO);
    flow.y = GEO.bottom - (17 + 12 + 6) + 5;
    placeTable(flow, layout, { ...narrow, rows: [tall('T', 40)] });
    expect(textOps(flow.pages[0]!.fg)).toEqual([]);
    expect(textOps(flow.pages[1]!.fg)[0]!.text).toBe('Factuur');
  });

  it('begins a tall row on the next page when not one line of it fits, leaving nothing of it behind', () => {
    const flow = new Flow(GEO, undefined, 0, GEO.bottom - 17 - 18 - 10);
    placeTable(flow, layout, { ...narrow, rows: [tall('A', 1), tall('T', 40, { fill: COLOR.box })] });
    expect(pageOf(flow, 'A')).toBe(0);
    expect(rects(flow.pages[0]!.bg).filter((r) => r.fill === COLOR.box)).toEqual([]);
    expect(pageOf(flow, 'T')).toBe(1);
    close(top(textOps(flow.pages[1]!.fg).find((o) => o.text === 'T000')!), 117 + 3);
  });

  it('moves a row that fits on a page whole to the next page, never splitting it', () => {
    const flow = new Flow(GEO, undefined, 0, 150);
    const rows = Array.from({ length: 20 }, (_, i) => tall(`R${String.fromCharCode(65 + i)}`, 2));
    placeTable(flow, layout, { ...narrow, rows });
    expect(flow.pages.length).toBeGreaterThan(1);
    for (const { cells } of rows) {
      const id = cells[0]!.runs[0]!.text.slice(0, 2);
      expect(pageOf(flow, `${id}001`), id).toBe(pageOf(flow, id));
    }
  });

  it('splits a row that fits on a page only without the header, so it never runs into the bottom', () => {
    const flow = new Flow(GEO, undefined, 0, 200);
    placeTable(flow, layout, { ...narrow, rows: [tall('A', 1), tall('T', 15)] });
    for (const page of flow.pages) for (const o of textOps(page.fg)) expect(o.y - baselineOffset(layout, { size: o.size, lh: o.size === 9 ? 12 : 11 }) + 12).toBeLessThanOrEqual(GEO.bottom - 3 + 0.01);
    expect(pageOf(flow, 'T')).toBe(0);
  });

  it('keeps a row with the next one by the next row’s height, not another’s', () => {
    // After the 3-line first row 40 points are left: the kept pair (18 + 18) fits there.
    const flow = new Flow(GEO, undefined, 0, GEO.bottom - 40 - 42 - 17);
    placeTable(flow, layout, { ...narrow, rows: [tall('A', 3), tall('B', 1, { keepWithNext: true }), tall('C', 1)] });
    expect(['A', 'B', 'C'].map((t) => pageOf(flow, t))).toEqual([0, 0, 0]);
  });

  it('does not move a kept pair that would not fit on a page together anyway', () => {
    const flow = new Flow(GEO, undefined, 0, 200);
    placeTable(flow, layout, { ...narrow, rows: [tall('A', 1, { keepWithNext: true }), tall('B', 14)] });
    expect(pageOf(flow, 'A')).toBe(0);
    expect(pageOf(flow, 'B')).toBe(1);
  });
});
