/**
 * What a user sees in the pack, read back with independent tools (poppler's pdftotext, zbarimg):
 * a filled, marked example beside every letter with a QR code a bank app can read; no internal
 * message in any file; field names that wrap only between their group and name; running heads
 * that name the sender and subject; a read-me that names every playbook and explains the PDFs.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLACEHOLDERS } from '../../src/content/schema.ts';
import { buildPack } from '../../src/pack/build.ts';
import { EXAMPLE_BANNER } from '../../src/pack/example.ts';
import { sampleFillDataFor } from '../../src/content/sample.ts';
import { formatMoney } from '../../src/model/format.ts';
import { applicableCosts, beConsumerDamagesCapCents } from '../../src/legal/index.ts';
import { readContent } from '../../src/pack/read-content.ts';

const work = mkdtempSync(join(tmpdir(), 'tijdig-pack-out-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let archive: JSZip;
const pdfText = new Map<string, string[]>();

function pages(path: string, bytes: Uint8Array): string[] {
  const file = join(work, path.replace(/\//g, '__'));
  writeFileSync(file, bytes);
  const n = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
  return Array.from({ length: n }, (_, i) => execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', String(i + 1), '-l', String(i + 1), file, '-'], { encoding: 'utf8' }));
}

beforeAll(async () => {
  await buildPack({ root: process.cwd(), outDir: work, date: new Date('2026-01-01T00:00:00Z') });
  archive = await JSZip.loadAsync(readFileSync(join(work, 'downloads', 'tijdig-alles.zip')));
  for (const f of Object.values(archive.files).filter((x) => x.name.endsWith('.pdf'))) pdfText.set(f.name, pages(f.name, await f.async('uint8array')));
}, 120_000);

const examples = () => [...pdfText.keys()].filter((p) => p.split('/').pop()!.startsWith('voorbeeld-'));

describe('filled examples', () => {
  it('sit beside every letter template, one per letter', () => {
    const letters = [...pdfText.keys()].filter((p) => /\/(\d\d_D[+-]\d+_[^/]+|situatie-[^/]+)\//.test(p) && !p.split('/').pop()!.startsWith('voorbeeld-'));
    const withExample = letters.filter((p) => pdfText.has(p.replace(/[^/]+$/, (n) => `voorbeeld-${n}`)));
    expect(examples().length).toBeGreaterThanOrEqual(7);
    expect(withExample.length).toBe(examples().length);
  });

  it.each([0, 1, 2, 3, 4, 5, 6])('example %i: marked on every page, every field filled, no internal message', (i) => {
    const path = examples()[i];
    expect(path, 'an example at this index').toBeDefined();
    const text = pdfText.get(path!)!;
    for (const page of text) expect(page.replace(/\s+/g, ' ')).toContain(EXAMPLE_BANNER);
    const all = text.join('\n');
    expect(all.match(/\[[a-z]+\.[A-Za-z]+\]/g) ?? [], path).toEqual([]);
    expect(all).toContain('Bakkerij De Gouden Korst bv');
    expect(all).not.toMatch(/Bron:\s*\./);
  });

  it('carry an EPC QR code a bank app reads: IBAN, beneficiary and the amount printed as "Te betalen"', async () => {
    let checked = 0;
    for (const path of examples()) {
      const text = pdfText.get(path)!.join('\n');
      if (!text.includes('Scan met uw bankapp')) continue;
      const file = join(work, 'qr');
      writeFileSync(`${file}.pdf`, await archive.file(path)!.async('uint8array'));
      // Only the page that carries the code: four cases make this the slowest check of the file.
      const page = String(pdfText.get(path)!.findIndex((p) => p.includes('Scan met uw bankapp')) + 1);
      execFileSync('pdftoppm', ['-r', '150', '-gray', '-png', '-f', page, '-l', page, `${file}.pdf`, file]);
      const pngs = execFileSync('sh', ['-c', `ls ${file}-*.png`], { encoding: 'utf8' }).trim().split('\n');
      const decoded = pngs.map((png) => { try { return execFileSync('zbarimg', ['-q', '--raw', png], { encoding: 'utf8' }); } catch { return ''; } }).join('');
      execFileSync('sh', ['-c', `rm -f ${file}-*.png`]);
      const lines = decoded.split('\n');
      expect(lines.slice(0, 3), path).toEqual(['BCD', '002', '1']);
      expect(lines[5], path).toBe('Bakkerij De Gouden Korst bv');
      // The sample IBAN of the case's country: a Dutch bakery is paid on a Dutch account.
      expect(lines[6], path).toBe(path.startsWith('nl-') ? 'NL02ABNA0123456789' : 'BE71096123456769');
      const printed = /Te betalen\s*\n?\s*€\s*([\d.]+,\d\d)/.exec(text)?.[1];
      expect(printed, path).toBeDefined();
      expect(lines[7], path).toBe(`EUR${printed!.replace(/\./g, '').replace(',', '.')}`);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(5);
  }, 240_000);

  // Words that belong to one country's sample data and must never show in the other's.
  const BELGIAN = ['Gent', '+++', 'BE71', 'goudenkorst.be', 'Zaakvoerder', 'Vervaldag'];
  const DUTCH = ['Utrecht', 'KvK', 'NL02 ABNA', 'goudenkorst.nl', 'Directeur', 'Vervaldatum'];
  it.each([
    // The enterprise number, not the btw number's 'BE …' form.
    ['be-onderneming', ['Gent', 'Brasserie Het Pleintje', 't.a.v. Jan Claes', '0123.456.749', 'Btw BE0123456749'], [...DUTCH, 'BE 0123.456.749']],
    ['be-consument', ['Gent', 'Els Wouters', 'Lindenlaan 8'], [...DUTCH, 'Brasserie', 't.a.v.', '€ 40,00']],
    ['nl-onderneming', ['Utrecht', 'KvK 12345678', 'NL02 ABNA 0123 4567 89', '2011 RD Haarlem', 't.a.v. Jan Bakker'], [...BELGIAN, 'Jan Claes', 'Aalst']],
    ['nl-consument', ['Utrecht', 'Anouk Visser', '2012 AB Haarlem'], [...BELGIAN, 'Brasserie', 't.a.v.', 'Aalst']],
  ] as const)('%s: the example letters use that case’s sample data and none of the other country’s', (legalCase, wanted, unwanted) => {
    const texts = examples().filter((p) => p.startsWith(`${legalCase}/`)).map((p) => [p, pdfText.get(p)!.join('\n').replace(/[ \t]+/g, ' ')] as const);
    expect(texts.length, legalCase).toBeGreaterThanOrEqual(3);
    for (const [path, text] of texts) {
      for (const word of wanted) expect(text, path).toContain(word);
      for (const word of unwanted) expect(text, path).not.toContain(word);
    }
  });

  it('charge a consumer what the law of the case allows: the XIX.4 cap in Belgium, the WIK scale in the Netherlands', () => {
    const open = sampleFillDataFor('be-consument').factuur!.openstaand!;
    const withCosts = (legalCase: string, amount: string) => examples().filter((p) => p.startsWith(`${legalCase}/`) && pdfText.get(p)!.join(' ').replace(/\s+/g, ' ').includes(amount));
    expect(withCosts('be-consument', formatMoney(beConsumerDamagesCapCents(open))).length).toBeGreaterThanOrEqual(2);
    const wik = applicableCosts({ jurisdiction: 'nl', customerType: 'consumer', outstandingCents: open }).find((c) => c.nature !== 'reference' && c.amountCents !== null)!.amountCents!;
    expect(withCosts('nl-consument', formatMoney(wik)).length).toBeGreaterThanOrEqual(2);
  });
});

describe('every file of the pack', () => {
  it('holds no internal message and no field the user cannot fill', async () => {
    const internal = [...PLACEHOLDERS.keys()].filter((p) => p.startsWith('dossier.'));
    const texts = [...pdfText.entries()].map(([p, t]) => [p, t.join('\n')] as const);
    for (const f of Object.values(archive.files).filter((x) => /\.(txt|html|eml)$/.test(x.name))) texts.push([f.name, await f.async('string')]);
    expect(texts.length).toBeGreaterThan(50);
    for (const [path, text] of texts) {
      for (const p of internal) expect(text, path).not.toContain(`[${p}]`);
      expect(text, path).not.toMatch(/Berekening van de interest:|\bundefined\b|\bNaN\b/);
      expect(text, `${path}: a link to nowhere`).not.toMatch(/href=(3D)?"#"/);
    }
  });

  it('wraps a field name only between its group and its name, never inside a word', () => {
    for (const [path, text] of pdfText) {
      // pdftotext gives one word per run of text; a broken marker shows as "[group.na" + "me]".
      const pieces = text.join('\n').match(/\[[^\]\s]*\]?/g) ?? [];
      for (const piece of pieces) {
        if (piece.endsWith(']')) expect(PLACEHOLDERS.has(piece.slice(1, -1)) || /^\[[a-z-]+\]$/.test(piece), `${path}: ${piece}`).toBe(true);
        else expect(piece, `${path}: a field name broken mid-word`).toMatch(/^\[[a-z]+\.$/);
      }
    }
  });

  it('names sender and subject in the running head of page 2, not the template title', () => {
    const loaded = readContent(process.cwd());
    if (!loaded.ok) throw new Error('content invalid');
    const titles = new Set(loaded.content.templates.filter((t) => t.kind === 'brief').map((t) => t.title));
    let seen = 0;
    for (const [path, text] of pdfText) {
      if (text.length < 2 || path.includes('00_overzicht') || !/\/(\d\d_D[+-]\d+_[^/]+|situatie-[^/]+)\//.test(path)) continue;
      const head = text[1]!.split('\n').slice(0, 4).join(' ');
      expect(head, path).toMatch(path.includes('voorbeeld-') ? /Bakkerij De Gouden Korst bv/ : /\[afzender\.naam\]/);
      for (const t of titles) expect(head.startsWith(t), path).toBe(false);
      seen++;
    }
    expect(seen).toBeGreaterThan(5);
  });

  it('never leaves a page holding only a footnote', () => {
    for (const [path, text] of pdfText) {
      const last = text.at(-1)!.replace(/Pagina \d+\/\d+/, '').split('\n').slice(text.length > 1 ? 2 : 0).join(' ');
      expect(last.split(/\s+/).filter(Boolean).length, `${path}: last page`).toBeGreaterThan(25);
    }
  });
});

describe('LEESMIJ', () => {
  it('names every playbook with its folder and says what the PDFs are', async () => {
    const text = await archive.file('LEESMIJ.txt')!.async('string');
    const loaded = readContent(process.cwd());
    if (!loaded.ok) throw new Error('content invalid');
    const oneLine = text.replace(/\r?\n\s*/g, ' ');
    for (const w of loaded.content.workflows) expect(oneLine).toContain(`${w.titel} (${w.id}/)`);
    expect(oneLine).toMatch(/voorbeeld-….pdf, dezelfde brief ingevuld met verzonnen gegevens/);
    expect(oneLine).toMatch(/invulsjabloon/);
    // Who each playbook is for, visibly: a business-only playbook says so.
    for (const w of loaded.content.workflows) {
      const only = w.gevallen.every((c) => c.endsWith('-onderneming'));
      const line = text.split(/\r?\n/).find((l) => l.startsWith(`${w.titel} (map ${w.id}/)`));
      expect(line, w.id).toBeDefined();
      if (only) expect(line).toContain('Alleen voor ondernemingen');
      else expect(line).not.toContain('Alleen voor ondernemingen');
    }
    for (const c of new Set(loaded.content.workflows.flatMap((w) => w.gevallen))) expect(text).toContain(`- ${c}/: brieven aan`);
  });
});
