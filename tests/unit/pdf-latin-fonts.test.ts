/**
 * The Latin subset fonts the browser fetches for its first PDF (render/pdf/latin.ts): every
 * character in their ranges draws the same outline as in the full font, a document they cover
 * gives the same PDF bytes as with the full fonts, and a document with any other character is
 * sent to the full fonts, which then draw it or name it.
 */
import fontkit from '@pdf-lib/fontkit';
import { describe, expect, it } from 'vitest';
import { sampleFillData } from '../../src/content/schema.ts';
import { fill } from '../../src/model/fill.ts';
import { documentRuns } from '../../src/model/walk.ts';
import { loadFonts } from '../../src/pack/build.ts';
import { readContent } from '../../src/pack/read-content.ts';
import { fontFace } from '../../src/render/pdf/fonts.ts';
import { renderPdf, unprintableCharacters } from '../../src/render/pdf/index.ts';
import { LATIN_RANGES, latinCovers } from '../../src/render/pdf/latin.ts';
import { latinSubset } from '../../src/render/pdf/latin-subset.ts';

const full = loadFonts();
const latin = { regular: latinSubset(new Uint8Array(full.regular)), bold: latinSubset(new Uint8Array(full.bold)) };
const loaded = readContent(process.cwd());
if (!loaded.ok) throw new Error('content invalid');
const { templates } = loaded.content;

describe('Latin subset fonts', () => {
  for (const weight of ['regular', 'bold'] as const) {
    it(`${weight}: maps every code point of its ranges the full font maps, to the same outline and advance`, () => {
      const a = fontkit.create(full[weight]);
      const b = fontkit.create(latin[weight]);
      expect(b.postscriptName).toBe(a.postscriptName);
      let checked = 0;
      const wrong: string[] = [];
      for (const [from, to] of LATIN_RANGES) {
        for (let cp = from; cp <= to; cp++) {
          const ga = a.glyphForCodePoint(cp);
          const gb = b.glyphForCodePoint(cp);
          if (ga.id === 0) {
            if (gb.id !== 0) wrong.push(`U+${cp.toString(16)} has a glyph only in the subset`);
            continue;
          }
          checked++;
          if (gb.advanceWidth !== ga.advanceWidth || gb.path.toSVG() !== ga.path.toSVG()) wrong.push(`U+${cp.toString(16)}`);
        }
      }
      expect(wrong).toEqual([]);
      expect(checked).toBeGreaterThan(400);
      // Outside the ranges the subset has nothing, so a document with such text must take the full font.
      expect(b.glyphForCodePoint(0x3a9).id).toBe(0); // Ω
      expect(a.glyphForCodePoint(0x3a9).id).toBeGreaterThan(0);
    });
  }

  it('give the same PDF bytes as the full fonts for a document they cover', async () => {
    const data = { ...sampleFillData(), klant: { naam: 'Brasserie Zoë & Łukasz — “chez nous” Ștefan €', contactpersoon: 'Mère Müller-Øberg' } };
    const sample = templates.filter((t, i) => t.kind === 'brief' || i % 7 === 0);
    expect(sample.length).toBeGreaterThan(5);
    for (const template of sample) {
      const doc = fill(template, data);
      expect(latinCovers(documentRuns(doc).flatMap((runs) => runs.map((r) => r.text)))).toBe(true);
      const a = await renderPdf(doc, { fonts: full, fixedDate: '2026-01-01T00:00:00Z' });
      const b = await renderPdf(doc, { fonts: latin, fixedDate: '2026-01-01T00:00:00Z' });
      expect(Buffer.from(b).equals(Buffer.from(a)), template.id).toBe(true);
    }
  });
});

describe('font tables read without fontkit (the browser no longer loads it)', () => {
  it('give the glyph of every code point and the metrics fontkit gives', () => {
    for (const bytes of [full.regular, full.bold, latin.regular]) {
      const face = fontFace(new Uint8Array(bytes));
      const font = fontkit.create(bytes);
      const wrong: number[] = [];
      for (let cp = 0; cp < 0x30000; cp++) {
        if (cp >= 0xd800 && cp <= 0xdfff) continue;
        if (face.glyph(cp) !== font.glyphForCodePoint(cp).id) wrong.push(cp);
      }
      expect(wrong.slice(0, 5)).toEqual([]);
      expect([face.postscriptName, face.unitsPerEm, face.ascent, face.descent, face.italicAngle]).toEqual([font.postscriptName, font.unitsPerEm, font.ascent, font.descent, font.italicAngle]);
      expect(face.bbox).toEqual([font.bbox.minX, font.bbox.minY, font.bbox.maxX, font.bbox.maxY]);
    }
  });
});

describe('latinCovers', () => {
  it('keeps Dutch, French, German and Central European names on the subset', () => {
    expect(latinCovers(['Zoë Ñandú Łódź Ștefan Œuvre Straße “quoted” – … € ’s-Hertogenbosch\tline\nbreak\u200b'])).toBe(true);
    expect(latinCovers([])).toBe(true);
  });

  it('sends any other character to the full fonts, which draw it or name it', () => {
    for (const text of ['Ωmega', 'Жанна', '李小龍 bv', 'Anna 🧾', 'Ǆ', '\u0301']) expect(latinCovers(['Beste', text]), text).toBe(false);
    const letter = templates.find((t) => t.kind === 'brief')!;
    const doc = fill(letter, { klant: { naam: 'Жанна 李 🧾' } });
    expect(latinCovers(documentRuns(doc).flatMap((runs) => runs.map((r) => r.text)))).toBe(false);
    expect(unprintableCharacters(doc, full)).toEqual(['李', '🧾']);
    expect(unprintableCharacters(doc, latin)).toContain('Ж'); // why the subset must not be used here
  });
});
