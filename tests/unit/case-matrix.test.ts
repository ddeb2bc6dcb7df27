/**
 * The case matrix: every template variant rendered for every legal case it claims, in text, PDF
 * (read back with pdftotext), Word (document.xml read back from the zip) and, for e-mails, HTML.
 * Each output must be filled for that case (no field left open), carry the mentions the law
 * requires for the case, use the case's payment words, and cite no law of another case.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { sampleFillData, type FillData } from '../../src/content/schema.ts';
import type { LegalCase } from '../../src/jurisdiction/ids.ts';
import { fill } from '../../src/model/fill.ts';
import { formatDateLong, formatMoney } from '../../src/model/format.ts';
import { compute } from '../../src/model/compute.ts';
import type { FilledDocument, TemplateDoc } from '../../src/model/types.ts';
import { casesOf } from '../../src/model/variants.ts';
import { readContent } from '../../src/pack/read-content.ts';
import { renderDocx } from '../../src/render/docx/index.ts';
import { renderEmailHtml } from '../../src/render/html/compile.ts';
import { renderPdf } from '../../src/render/pdf/index.ts';
import { renderText } from '../../src/render/text/index.ts';

const FIXED = '2026-01-01T00:00:00Z';
const fontDir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const fonts = { regular: new Uint8Array(readFileSync(join(fontDir, 'DejaVuSans.ttf'))), bold: new Uint8Array(readFileSync(join(fontDir, 'DejaVuSans-Bold.ttf'))) };
const work = mkdtempSync(join(tmpdir(), 'tijdig-matrix-'));

const loaded = readContent(process.cwd());
if (!loaded.ok) throw new Error('content does not load');
const { templates } = loaded.content;
const ROWS = templates.flatMap((doc) => casesOf(doc).map((c) => [doc.id, c] as const));

/** Sample data for a case: due 31 March 2026, sent on 20 April (so interest rates are published). */
function dataFor(c: LegalCase): FillData {
  const [jurisdictie, klanttype] = c.split('-') as ['be' | 'nl', 'onderneming' | 'consument'];
  const sample = sampleFillData();
  return { ...sample, dossier: { jurisdictie, klanttype }, factuur: { ...sample.factuur, datum: '2026-03-01', vervaldatum: '2026-03-31' }, data: { ...sample.data, verzending: '2026-04-20', nieuweTermijn: '2026-05-05' } };
}

const flat = (s: string) => s.replace(/\s+/g, ' ').replace(/­/g, '');
const entities = (s: string) => s.replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16))).replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)));

async function outputs(doc: TemplateDoc, c: LegalCase): Promise<{ filled: FilledDocument; texts: Record<string, string> }> {
  const data = dataFor(c);
  const filled = fill(doc, data);
  const base = join(work, `${doc.id}-${c}`);
  writeFileSync(`${base}.pdf`, await renderPdf(filled, { fonts, fixedDate: FIXED }));
  const pdf = execFileSync('pdftotext', ['-enc', 'UTF-8', `${base}.pdf`, '-'], { encoding: 'utf8' });
  const docx = await JSZip.loadAsync(await renderDocx(filled, { fixedDate: FIXED }));
  const word = entities((await docx.file('word/document.xml')!.async('string')).replace(/<w:tab\/>/g, ' ').replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, ''));
  // The plain-text renderer frames the deadline box with "| " at the start of its lines.
  const texts: Record<string, string> = { text: renderText(filled).replace(/^[|+][-+ ]?/gm, ''), pdf, docx: word };
  if (doc.kind === 'email') {
    const email = await renderEmailHtml(doc, data);
    texts.html = entities(`${email.subject}\n${email.html.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ')}`);
  }
  return { filled, texts };
}

const results = new Map<string, Awaited<ReturnType<typeof outputs>>>();

describe('every template variant × every case it claims, in every format', () => {
  beforeAll(async () => {
    for (const [id, c] of ROWS) results.set(`${id} ${c}`, await outputs(templates.find((t) => t.id === id)!, c));
  }, 600_000);

  it('covers all four cases', () => {
    expect(new Set(ROWS.map(([, c]) => c))).toEqual(new Set(['be-onderneming', 'be-consument', 'nl-onderneming', 'nl-consument']));
  });

  it.each(ROWS)('%s for %s: filled for the case, with its mandatory mentions and its own law', (id, c) => {
    const doc = templates.find((t) => t.id === id)!;
    const { filled, texts } = results.get(`${id} ${c}`)!;
    const data = dataFor(c);
    const computed = compute(data, doc.kind === 'email' ? 'email' : 'letter');
    expect(filled.legalCase).toBe(c);
    expect(filled.locale).toBe(c.startsWith('be-') ? 'nl-BE' : 'nl-NL');
    const uses = (path: string) => JSON.stringify(doc).includes(`"path":"${path}"`);
    for (const [format, raw] of Object.entries(texts)) {
      const text = flat(raw);
      const where = `${id} ${c} ${format}`;
      // Every field is filled from the sample data and the computed values for the case.
      expect(text.match(/\[[a-z]+\.[a-zA-Z]+\]/g) ?? [], where).toEqual([]);
      if (c !== 'be-onderneming') expect(text, where).not.toContain('2 augustus 2002');
      if (c.startsWith('nl-')) expect(text, where).not.toMatch(/\bBoek XIX\b|Wetboek van economisch recht/);
      if (doc.blocks.some((b) => b.type === 'paymentDetails') && format !== 'html') expect(text, where).toContain(filled.labels.payment.reference);
      // Belgian consumer, first reminder: what the invoice is for, the 14-day term, the damages after it, the enterprise number.
      if (c === 'be-consument' && doc.purpose === 'herinnering') {
        expect(text, where).toContain(data.factuur!.omschrijving!);
        expect(text, where).toContain(formatDateLong(computed['berekend.betaalUiterlijk']!));
        expect(text, where).toMatch(/schadevergoeding|interest/i);
        if (format !== 'html' || uses('afzender.ondernemingsnummer')) expect(text, where).toContain(data.afzender!.ondernemingsnummer!);
      }
      // A Dutch consumer letter that announces the collection costs names the exact amount and the pay-by date.
      if (c === 'nl-consument' && uses('berekend.incassokosten')) expect(text, where).toContain(formatMoney(computed['berekend.incassokosten']!));
      if (c === 'nl-consument' && uses('berekend.betaalUiterlijk')) expect(text, where).toContain(formatDateLong(computed['berekend.betaalUiterlijk']!));
    }
  });
});
