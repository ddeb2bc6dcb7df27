/**
 * The renderer's own PDF file writer (render/pdf/writer.ts, in place of pdf-lib): qpdf finds the
 * file sound (cross-reference offsets, stream lengths), and strings survive what users type.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PdfWriter, asciiString, dateString, num, ref, textString } from '../../src/render/pdf/writer.ts';

const work = mkdtempSync(join(tmpdir(), 'tijdig-writer-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function qpdfJson(bytes: Uint8Array): Record<string, { value: Record<string, unknown> }> {
  const file = join(work, 'w.pdf');
  writeFileSync(file, bytes);
  execFileSync('qpdf', ['--check', file]); // throws on errors (exit 2) and warnings (exit 3)
  return (JSON.parse(execFileSync('qpdf', ['--json=2', '--json-key=qpdf', file], { encoding: 'utf8' })) as { qpdf: [unknown, Record<string, { value: Record<string, unknown> }>] }).qpdf[1];
}

describe('PdfWriter', () => {
  it('writes a file qpdf checks clean, with binary streams and metadata as typed', () => {
    const pdf = new PdfWriter();
    const catalog = pdf.ref();
    const pages = pdf.ref();
    const binary = new Uint8Array(256).map((_, i) => i); // every byte value, "endstream" or not
    const extra = pdf.stream('/Subtype /Test', binary);
    const content = pdf.stream('', new TextEncoder().encode('0 0 1 rg 10 10 100 100 re f'));
    const page = pdf.object(`<< /Type /Page /Parent ${ref(pages)} /MediaBox [0 0 ${num(595.28)} ${num(841.89)}] /Contents ${ref(content)} /Extra ${ref(extra)} >>`);
    pdf.object(`<< /Type /Pages /Kids [${ref(page)}] /Count 1 >>`, pages);
    pdf.object(`<< /Type /Catalog /Pages ${ref(pages)} /Lang ${asciiString('nl (BE) \\')} >>`, catalog);
    const title = 'Zoë (“test”) \\ 😀 ) <';
    const info = pdf.object(`<< /Title ${textString(title)} /CreationDate ${dateString(new Date('2026-03-04T05:06:07Z'))} >>`);
    const objects = qpdfJson(pdf.finish(catalog, info));
    const infoKey = objects['trailer']!.value['/Info'] as string;
    expect(objects[`obj:${infoKey}`]!.value['/Title']).toBe(`u:${title}`);
    expect(objects[`obj:${infoKey}`]!.value['/CreationDate']).toBe('u:D:20260304050607Z');
    const rootKey = objects['trailer']!.value['/Root'] as string;
    expect(objects[`obj:${rootKey}`]!.value['/Lang']).toBe('u:nl (BE) \\');
  });

  it('refuses to finish while a reserved object was never written', () => {
    const pdf = new PdfWriter();
    const catalog = pdf.ref();
    const info = pdf.object('<< >>');
    expect(() => pdf.finish(catalog, info)).toThrow(/object 1/);
  });

  it('writes numbers without exponents or negative zero', () => {
    expect([num(-0.0001), num(1e-7), num(2.34567), num(-3), num(1000 / 2048 * 1901)]).toEqual(['0', '0', '2.346', '-3', '928.223']);
  });
});
