/**
 * The PDF renderer's own machinery: the TrueType subsetter (checked against fontkit, which did
 * not write it, and rendered next to fontkit's own subset by poppler), the shared font faces,
 * text cleaning and wrapping, and the browser bundle.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb } from 'pdf-lib';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { fontFace } from '../../src/render/pdf/fonts.ts';
import { A4, PdfLayoutError, TextLayout } from '../../src/render/pdf/layout.ts';
import { paint } from '../../src/render/pdf/paint.ts';
import { readTrueType, subsetTrueType } from '../../src/render/pdf/truetype.ts';

const fontDir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const regular = new Uint8Array(readFileSync(join(fontDir, 'DejaVuSans.ttf')));
const bold = new Uint8Array(readFileSync(join(fontDir, 'DejaVuSans-Bold.ttf')));
const work = mkdtempSync(join(tmpdir(), 'tijdig-pdf-int-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Letters with accents (often composite glyphs), symbols and other scripts. */
const SAMPLE = ['Zoë € éïüç – … ½ ΩЖ Łódź Ǆ ẞ ǻ ḗ', '1.240,50 +++090/9337/55493+++ AVWAY Té ﬁ Ĳ Œ'];

describe('TrueType subset', () => {
  const face = fontFace(regular);
  const original = fontkit.create(regular);
  const gids = [0, ...new Set([...SAMPLE.join('')].map((c) => face.glyph(c.codePointAt(0)!)))];
  const bytes = subsetTrueType(face.tables, gids);
  const subset = fontkit.create(bytes);

  it('is a font fontkit reads, with glyph i drawing original glyph gids[i] exactly', () => {
    expect(subset.numGlyphs).toBeGreaterThanOrEqual(gids.length);
    gids.forEach((gid, i) => {
      const a = original.getGlyph(gid);
      const b = subset.getGlyph(i);
      expect(b.advanceWidth, `glyph ${gid}`).toBe(a.advanceWidth);
      expect(b.path.toSVG(), `glyph ${gid}`).toBe(a.path.toSVG());
    });
  });

  it('has no hinting and only the tables a PDF font needs', () => {
    const tables = readTrueType(bytes);
    expect([...tables.table.keys()].sort()).toEqual(['glyf', 'head', 'hhea', 'hmtx', 'loca', 'maxp']);
    for (let g = 0; g < tables.numGlyphs; g++) {
      const data = tables.table.get('glyf')!.subarray(tables.loca[g]!, tables.loca[g + 1]!);
      const contours = ((data[0]! << 24) >> 16) | data[1]!;
      if (data.length && contours >= 0) expect((data[10 + 2 * contours]! << 8) | data[11 + 2 * contours]!).toBe(0);
    }
    expect(bytes.length).toBeLessThan(gids.length * 200);
  });

  it('refuses fonts it cannot subset', () => {
    expect(() => readTrueType(new Uint8Array([0x4f, 0x54, 0x54, 0x4f, 0, 0]))).toThrow(/TrueType/);
    expect(() => subsetTrueType(face.tables, [5])).toThrow(/notdef/);
    expect(() => subsetTrueType(face.tables, [0, 999_999])).toThrow(/bestaat niet/);
  });

  it('renders pixel for pixel like fontkit’s own subset (poppler)', async () => {
    const ref = await PDFDocument.create();
    ref.registerFontkit(fontkit);
    const font = await ref.embedFont(regular, { subset: true });
    const page = ref.addPage([A4.width, A4.height]);
    SAMPLE.forEach((line, i) => page.drawText(line, { x: 40, y: 700 - 30 * i, size: 16, font, color: rgb(0, 0, 0) }));
    const ours = await paint(
      [{ bg: [], fg: SAMPLE.map((line, i) => ({ t: 'text' as const, x: 40, y: A4.height - 700 + 30 * i, font: 'regular' as const, size: 16, color: [0, 0, 0] as const, text: face.clean(line) })), links: [] }],
      { regular: face, bold: fontFace(bold) },
      { title: 't', author: 'a', subject: 's', keywords: [], lang: 'nl' },
    );
    const png = (name: string, pdf: Uint8Array) => {
      writeFileSync(join(work, `${name}.pdf`), pdf);
      execFileSync('pdftoppm', ['-r', '100', '-gray', '-png', '-singlefile', join(work, `${name}.pdf`), join(work, name)]);
      return PNG.sync.read(readFileSync(join(work, `${name}.png`)));
    };
    const a = png('fontkit', await ref.save());
    const b = png('tijdig', ours);
    let ink = 0;
    let differ = 0;
    for (let i = 0; i < a.data.length; i += 4) {
      if (a.data[i]! < 128) ink++;
      if (a.data[i] !== b.data[i]) differ++;
    }
    expect(ink).toBeGreaterThan(2000);
    expect(differ).toBe(0);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(work, 'tijdig.pdf'), '-'], { encoding: 'utf8' });
    expect(text.trim().split('\n').filter(Boolean)).toEqual(SAMPLE);
  });
});

describe('font faces', () => {
  it('are parsed once per font and shared, also for a copy of the same bytes', () => {
    const a = fontFace(regular);
    expect(fontFace(regular)).toBe(a);
    expect(fontFace(new Uint8Array(regular))).toBe(a);
    expect(fontFace(bold)).not.toBe(a);
  });

  it('replace what the font cannot draw and keep what it can', () => {
    const face = fontFace(regular);
    expect(face.clean('Café € 1.240,50')).toBe('Café € 1.240,50');
    expect(face.clean('a🧾b')).toBe('a?b'); // not in DejaVu
    expect(face.clean('a😀b')).toBe('a😀b'); // in DejaVu
    expect(face.clean('👨‍👩‍👧 x')).toBe('? x'); // one cluster, one "?"
    expect(face.clean('👍🏽')).toBe('?');
    expect(face.clean('a\tb\nc\r\nd')).toBe('a b c  d');
    expect(face.clean('a\u0000b\u0007c\u00adc')).toBe('abcc');
    expect(face.clean('z\u200bw\u200dj\u202ex')).toBe('z\u200bw\u200dj\u202ex'); // zero-width glyphs exist
    expect(face.clean('e\u0301')).toBe('e\u0301');
    expect(face.clean('x\ud800y')).toBe('x?y'); // a lone surrogate
  });
});

describe('wrapping', () => {
  const layout = new TextLayout({ regular: fontFace(regular), bold: fontFace(bold) }, 'test-sjabloon');
  const style = { size: 10, lh: 13 };

  it('keeps every line within the width and loses no text', () => {
    const runs = [{ text: 'Volgens onze gegevens is factuur ' }, { text: '2026-0153', strong: true }, { text: ' van 1 oktober 2026 nog niet betaald, en dat al sinds lang.' }];
    const lines = layout.wrap(runs, style, 120);
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines) expect(l.width).toBeLessThanOrEqual(120.001);
    expect(lines.map((l) => l.spans.map((s) => s.text).join('')).join(' ')).toBe(runs.map((r) => r.text).join(''));
    expect(lines.flatMap((l) => l.spans).find((s) => s.text === '2026-0153')?.font).toBe('bold');
  });

  it('hard-breaks an over-long token, after a "/" when that keeps most of the line', () => {
    const url = `https://example.com/${'abcdefgh/'.repeat(30)}`;
    const lines = layout.wrap([{ text: url, href: url }], style, 150);
    expect(lines.length).toBeGreaterThan(3);
    for (const l of lines) expect(l.width).toBeLessThanOrEqual(150.001);
    expect(lines.slice(0, -1).every((l) => l.spans.at(-1)!.text.endsWith('/'))).toBe(true);
    expect(lines.map((l) => l.spans.map((s) => s.text).join('')).join('')).toBe(url);
    expect(lines.every((l) => l.spans.every((s) => s.href === url))).toBe(true);
    const digits = '0123456789'.repeat(1024);
    const broken = layout.wrap([{ text: digits }], style, 100);
    expect(broken.map((l) => l.spans[0]!.text).join('')).toBe(digits);
  });

  it('throws an error naming the template when not even one character fits', () => {
    expect(() => layout.wrap([{ text: 'W' }], style, 2)).toThrow(PdfLayoutError);
    expect(() => layout.wrap([{ text: 'W' }], style, 2)).toThrow(/test-sjabloon/);
  });
});

describe('browser bundle', () => {
  it('bundles for the browser with no Node built-ins (qrcode resolves to its browser build)', async () => {
    const esbuild = await import('esbuild');
    const result = await esbuild.build({ entryPoints: ['src/render/pdf/index.ts'], bundle: true, platform: 'browser', format: 'esm', write: false, metafile: true, logLevel: 'silent' });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((i) => i.includes('node_modules/qrcode/lib/browser.js'))).toBe(true);
    expect(inputs.filter((i) => /^node:|qrcode\/lib\/server|pngjs|node_modules\/fs\//.test(i))).toEqual([]);
    expect(result.outputFiles[0]!.text).not.toMatch(/require\(["']node:|from ["']node:/);
  });
});
