/**
 * Text in content streams is written as literal strings of two-byte CIDs (embed.ts). Some CIDs
 * have a byte that must be escaped there: 0x28 "(", 0x29 ")", 0x5C "\" and 0x0D (a reader turns
 * a bare CR into LF). A document that uses more than 300 different characters hands out all of
 * them, and two-byte CIDs above 255; every character must come back from pdftotext and qpdf
 * must find the file clean.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { DocFont } from '../../src/render/pdf/embed.ts';
import { fontFace } from '../../src/render/pdf/fonts.ts';
import { A4 } from '../../src/render/pdf/layout.ts';
import { paint } from '../../src/render/pdf/paint.ts';

const fontDir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const regular = fontFace(new Uint8Array(readFileSync(join(fontDir, 'DejaVuSans.ttf'))));
const bold = fontFace(new Uint8Array(readFileSync(join(fontDir, 'DejaVuSans-Bold.ttf'))));
const work = mkdtempSync(join(tmpdir(), 'tijdig-pdf-strings-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// 320 different characters DejaVu Sans draws (Latin, Greek, Cyrillic), 40 to a line.
const chars = [...Array.from({ length: 0x24f - 0x21 }, (_, i) => String.fromCodePoint(0x21 + i)), ...Array.from({ length: 0x3c9 - 0x391 }, (_, i) => String.fromCodePoint(0x391 + i)), ...Array.from({ length: 0x44f - 0x410 }, (_, i) => String.fromCodePoint(0x410 + i))]
  .filter((c) => !/\s/.test(c) && regular.glyph(c.codePointAt(0)!) !== 0 && regular.clean(c) === c)
  .slice(0, 320);
const lines = Array.from({ length: Math.ceil(chars.length / 40) }, (_, i) => chars.slice(40 * i, 40 * i + 40).join(''));

describe('text strings in content streams', () => {
  it('escape the CID bytes "(", ")", "\\" and CR, and write CID n as its two bytes', () => {
    const font = new DocFont(regular);
    // CIDs are handed out in order of first use: CID 13 is the 13th character, and so on.
    const distinct = chars.slice(0, 0x129);
    const encoded = distinct.map((c) => font.encode(c));
    expect(encoded[0x0d - 1]).toBe('(\x00\\r)');
    expect(encoded[0x28 - 1]).toBe('(\x00\\()');
    expect(encoded[0x29 - 1]).toBe('(\x00\\))');
    expect(encoded[0x5c - 1]).toBe('(\x00\\\\)');
    expect(encoded[0x41 - 1]).toBe('(\x00A)');
    expect(encoded[0x128 - 1]).toBe('(\x01\\()');
    expect(font.encode(distinct.slice(0, 3).join(''))).toBe('(\x00\x01\x00\x02\x00\x03)');
  });

  it('read back with pdftotext, every one of 320 characters, from a file qpdf finds clean', async () => {
    expect(chars.length).toBe(320);
    const pdf = await paint(
      [{ bg: [], fg: lines.map((line, i) => ({ t: 'text' as const, x: 30, y: 60 + 24 * i, font: 'regular' as const, size: 12, color: [0, 0, 0] as const, text: line })), links: [] }],
      { regular, bold },
      { title: 't', author: 'a', subject: 's', keywords: [], lang: 'nl', fixedDate: '2026-01-01T00:00:00Z' },
    );
    const file = join(work, 'strings.pdf');
    writeFileSync(file, pdf);
    execFileSync('qpdf', ['--check', file], { stdio: 'pipe' });
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', file, '-'], { encoding: 'utf8' });
    expect(text.split('\n').map((l) => l.trim()).filter(Boolean)).toEqual(lines);
    // The page's content stream (the last stream written) holds literal strings, no hex strings.
    const raw = Buffer.from(pdf).toString('latin1');
    const streams = [...raw.matchAll(/\/Length (\d+) >>\nstream\n/g)];
    const last = streams.at(-1)!;
    const start = last.index + last[0].length;
    const content = inflateSync(pdf.subarray(start, start + Number(last[1]))).toString('latin1');
    expect(content).toContain(') Tj');
    expect(content).not.toMatch(/<[0-9a-f]+> Tj/);
    expect(A4.height).toBeGreaterThan(60 + 24 * lines.length);
  });
});
