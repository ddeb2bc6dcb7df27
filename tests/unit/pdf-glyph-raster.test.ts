/**
 * Every character Dutch, French or German text and names can hold (ASCII, Latin-1, Latin
 * Extended-A and the usual punctuation), regular and bold, drawn by poppler from our PDF and from
 * a PDF that embeds the whole original font with pdf-lib (no subsetter of ours involved), compared
 * pixel by pixel per character. The fonts are Node Buffers, as the pack reads them, and each face
 * first serves another document: a subsetter that writes into the shared font shows up here.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb } from 'pdf-lib';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { loadFonts } from '../../src/pack/build.ts';
import { fontFace } from '../../src/render/pdf/fonts.ts';
import { A4, type Page } from '../../src/render/pdf/layout.ts';
import { paint } from '../../src/render/pdf/paint.ts';

const work = mkdtempSync(join(tmpdir(), 'tijdig-glyphs-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i));
/** Printable ASCII, Latin-1 (without the soft hyphen and no-break space), Latin Extended-A, quotes, dashes, €. */
const CHARACTERS = [...range(0x21, 0x7e), ...range(0xa1, 0xff).filter((c) => c !== '\u00ad'), ...range(0x100, 0x17f), ...'‘’‚“”„–—…€•†‰'];
const PER_LINE = 16;
const SIZE = 18;
const CELL = 32;
const cellOf = (i: number) => ({ x: 40 + (i % PER_LINE) * CELL, y: 60 + Math.floor(i / PER_LINE) * CELL });
const PAGE_CHARS = Math.floor((A4.height - 100) / CELL) * PER_LINE;
const pages = Array.from({ length: Math.ceil(CHARACTERS.length / PAGE_CHARS) }, (_, p) => CHARACTERS.slice(p * PAGE_CHARS, (p + 1) * PAGE_CHARS));
const META = { title: 't', author: 'a', subject: 's', keywords: [], lang: 'nl', fixedDate: '2026-01-01T00:00:00.000Z' };

function raster(name: string, pdf: Uint8Array): PNG[] {
  writeFileSync(join(work, `${name}.pdf`), pdf);
  execFileSync('pdftoppm', ['-r', '96', '-gray', '-png', join(work, `${name}.pdf`), join(work, name)]);
  return pages.map((_, p) => PNG.sync.read(readFileSync(join(work, `${name}-${p + 1}.png`))));
}

/** Pixels that differ inside the cell of character i, and ink in the reference cell. */
function compareCell(a: PNG, b: PNG, i: number): { differ: number; ink: number } {
  const scale = 96 / 72;
  const { x, y } = cellOf(i);
  let differ = 0;
  let ink = 0;
  for (let py = Math.floor((y - SIZE - 4) * scale); py < Math.ceil((y + 8) * scale); py++) {
    for (let px = Math.floor((x - 4) * scale); px < Math.ceil((x + CELL - 4) * scale); px++) {
      const at = (py * a.width + px) * 4;
      if (a.data[at]! < 160) ink++;
      if (Math.abs(a.data[at]! - b.data[at]!) > 8) differ++;
    }
  }
  return { differ, ink };
}

describe.each(['regular', 'bold'] as const)('%s: every Latin character drawn from the right glyph', (weight) => {
  const fonts = loadFonts();
  const faces = { regular: fontFace(fonts.regular), bold: fontFace(fonts.bold) };

  it('matches the original font, pixel by pixel, after the face served another document', async () => {
    expect(Buffer.isBuffer(fonts[weight])).toBe(true);
    const grid = (chars: string[]): Page => ({
      bg: [],
      fg: chars.map((c, i) => ({ t: 'text' as const, ...cellOf(i), font: weight, size: SIZE, color: [0, 0, 0] as const, text: c })),
      links: [],
    });
    // Another document first, with the accented letters in another order, as the pack does.
    await paint([grid([...'ëéèïóöüçàâœĳŁ vóór één België domiciliëring'].reverse())], faces, META);
    const ours = raster(`ours-${weight}`, await paint(pages.map((chars) => grid(chars)), faces, META));

    const ref = await PDFDocument.create();
    ref.registerFontkit(fontkit);
    const font = await ref.embedFont(new Uint8Array(fonts[weight]), { subset: false });
    for (const chars of pages) {
      const page = ref.addPage([A4.width, A4.height]);
      chars.forEach((c, i) => {
        const { x, y } = cellOf(i);
        page.drawText(c, { x, y: A4.height - y, size: SIZE, font, color: rgb(0, 0, 0) });
      });
    }
    const reference = raster(`ref-${weight}`, await ref.save());

    const wrong: string[] = [];
    let inked = 0;
    pages.forEach((chars, p) =>
      chars.forEach((c, i) => {
        const { differ, ink } = compareCell(reference[p]!, ours[p]!, i);
        if (ink > 0) inked++;
        if (differ > 0) wrong.push(`${c} (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}: ${differ} px)`);
      }),
    );
    expect(wrong, `drawn differently from the original font: ${wrong.join(', ')}`).toEqual([]);
    expect(inked).toBe(CHARACTERS.length); // every character drew something: none fell back to nothing
  });
});

describe('characters the fonts lack', () => {
  it('are named before a download, never silently printed as "?"', async () => {
    const { unprintableCharacters } = await import('../../src/render/pdf/index.ts');
    const { fill } = await import('../../src/model/fill.ts');
    const { readContent } = await import('../../src/pack/read-content.ts');
    const loaded = readContent(process.cwd());
    if (!loaded.ok) throw new Error('content invalid');
    const letter = loaded.content.templates.find((t) => t.kind === 'brief')!;
    const fonts = loadFonts();
    expect(unprintableCharacters(fill(letter, { klant: { naam: 'Brasserie Zoë & Łukasz — “chez nous” €' } }), fonts)).toEqual([]);
    expect(unprintableCharacters(fill(letter, { klant: { naam: '李小龍 bv', contactpersoon: 'Anna 🧾' } }), fonts)).toEqual(['李', '小', '龍', '🧾']);
  });
});
