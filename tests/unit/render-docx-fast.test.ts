/**
 * The templated DOCX path (docx packs a letter's skeleton once, later letters of the same shape
 * reuse its XML) must give exactly what docx gives when it builds and packs each letter itself:
 * the same bytes, for every real template and for values that stress the markers. The zips are
 * checked by Info-ZIP's `unzip -t` (CRC of every file) and read back with `unzip -p`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { sampleFillData, type FillData } from '../../src/content/schema.ts';
import { fill } from '../../src/model/fill.ts';
import type { FilledDocument } from '../../src/model/types.ts';
import { readContent } from '../../src/pack/read-content.ts';
import { renderDocx, renderDocxDirect } from '../../src/render/docx/index.ts';

const FIXED = '2026-01-01T00:00:00Z';
const sample = sampleFillData();
const loaded = readContent(process.cwd());
if (!loaded.ok) throw new Error('content is invalid: run npm run check:content');
const templates = loaded.content.templates;

/** Values that change a letter's shape or stress the markers: line breaks of every kind, empty lines, escaped characters, a link. */
const TRICKY: FillData = {
  ...sample,
  klant: { ...sample.klant, naam: 'Dupont & "Zonen" <bv>', straat: 'Lange Straat 1\r\nbus 3\n', contactpersoon: "Mevr. O'Neil\r\rJansens" },
  factuur: { ...sample.factuur, nummer: '2026-0001 ]]>' },
  betaling: { ...sample.betaling, link: 'https://pay.example/?a=1&b=<2>"x' },
};

const dir = mkdtempSync(join(tmpdir(), 'tijdig-docx-fast-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
/** Writes the zip and has Info-ZIP test it (every CRC) and print one part. */
function unzip(bytes: Uint8Array, part: string): string {
  const file = join(dir, `${files++}.docx`);
  writeFileSync(file, bytes);
  expect(execFileSync('unzip', ['-tq', file], { encoding: 'utf8' })).toMatch(/^No errors detected/);
  return execFileSync('unzip', ['-p', file, part], { encoding: 'utf8' });
}

const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

describe('renderDocx: templated path equals docx building each letter', () => {
  it('gives the same bytes as docx for every real template, first and again, with sample and tricky values', async () => {
    let compared = 0;
    for (const data of [sample, TRICKY]) {
      for (const t of templates) {
        const doc = fill(t, data);
        const direct = await renderDocxDirect(doc, { fixedDate: FIXED });
        expect(same(await renderDocx(doc, { fixedDate: FIXED }), direct), `${t.id}, first render`).toBe(true);
        expect(same(await renderDocx(doc, { fixedDate: FIXED }), direct), `${t.id}, from the cached template`).toBe(true);
        compared++;
      }
    }
    expect(compared).toBe(templates.length * 2);
  }, 120_000);

  it('gives the same bytes for values that cannot be marked, and for links and windows of every kind', async () => {
    const letter = templates.find((t) => t.kind === 'brief' && t.registered)!;
    const base = fill(letter, sample);
    const odd: FilledDocument[] = [
      // Private-use characters the markers are made of, a link with an anchor, surrogates split over two runs.
      { ...base, subject: [{ text: 'Factuur \uE0001\uE001 \uE004' }] },
      { ...base, blocks: [{ type: 'paragraph', runs: [{ text: 'betaal hier', href: 'https://pay.example/f#nu' }] }] },
      { ...base, subject: [{ text: 'smiley \uD83D' }, { text: '\uDE00 einde' }] },
      // Links that are not made (unsafe scheme, missing value) and ones that are, in the body and the subject.
      { ...base, blocks: [{ type: 'paragraph', runs: [{ text: 'klik', href: 'javascript:alert(1)' }, { text: ' mail', href: 'MAILTO:a@b.be' }, { text: '[x]', href: 'https://x.be', missing: 'x' }] }] },
      { ...base, subject: [{ text: 'zie ' }, { text: 'https://a.be/?q=1&r=2', href: 'https://a.be/?q=1&r=2' }] },
      { ...base, blocks: [{ type: 'paymentButton', label: [{ text: 'Betalen' }], href: 'http://niet-veilig.example' }] },
      { ...base, blocks: [{ type: 'paymentButton', label: [{ text: 'Betalen' }], href: 'https://pay.example/?id=1&x=<y>' }] },
      { ...base, letter: { ...base.letter, recipient: [] } },
    ];
    for (const [i, doc] of odd.entries()) {
      for (const envelope of ['be', 'nl'] as const) {
        const direct = await renderDocxDirect(doc, { fixedDate: FIXED, envelope });
        expect(same(await renderDocx(doc, { fixedDate: FIXED, envelope }), direct), `case ${i}, ${envelope}`).toBe(true);
        expect(same(await renderDocx(doc, { fixedDate: FIXED, envelope }), direct), `case ${i}, ${envelope}, again`).toBe(true);
      }
    }
  });
});

describe('renderDocx: the skeleton key', () => {
  it('leaves out only fields buildDocx does not read: changing any of them leaves docx\'s own output as it is', async () => {
    // If this fails, buildDocx reads a field the key in skeleton.ts leaves out: add it to the key.
    const KEYED = new Set(['kind', 'jurisdiction', 'title', 'id', 'registered', 'labels', 'subject', 'preheader', 'letter', 'blocks']);
    const be = templates.find((t) => t.kind === 'brief' && t.registered && fill(t, sample).jurisdiction === 'be')!;
    const base = fill(be, sample);
    const nl = templates.find((t) => t.kind === 'brief' && fill(t, sample).jurisdiction === 'nl' && t.id !== be.id)!;
    const other = fill(nl, TRICKY) as unknown as Record<string, unknown>;
    const direct = await renderDocxDirect(base, { fixedDate: FIXED });
    const unkeyed = Object.keys(base).filter((k) => !KEYED.has(k));
    expect(unkeyed.length).toBeGreaterThan(5);
    for (const field of unkeyed) {
      const changed = JSON.stringify(other[field]) !== JSON.stringify((base as unknown as Record<string, unknown>)[field]) ? other[field] : `${String((base as unknown as Record<string, unknown>)[field])} anders`;
      const variant = { ...base, [field]: changed } as FilledDocument;
      expect(same(await renderDocxDirect(variant, { fixedDate: FIXED }), direct), `buildDocx reads ${field}`).toBe(true);
    }
    // Of the labels only two are read.
    const labels = { ...(other['labels'] as FilledDocument['labels']), registered: base.labels.registered, subject: base.labels.subject };
    expect(same(await renderDocxDirect({ ...base, labels }, { fixedDate: FIXED }), direct), 'buildDocx reads another label').toBe(true);
  });
});

describe('renderDocx: random values', () => {
  it('gives the same bytes as docx for any text in names, addresses, invoice numbers and links (seeded)', async () => {
    const letter = templates.find((t) => t.kind === 'brief' && t.registered)!;
    // Any code unit (lone surrogates, controls, the markers' private-use range), line breaks and link-like text.
    const value = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 16 }),
      fc.string({ unit: fc.constantFrom('a', ' ', '\r', '\n', '&', '<', '#', '\uE000', '\uE001', '\uE004', '\uD83D', '\uDE00', '\u0001'), maxLength: 12 }),
      fc.constantFrom('https://pay.example/?a=1&b=2', 'https://x.be/#anker', 'mailto:a@b.be', 'http://oud.example', ''),
    );
    await fc.assert(
      fc.asyncProperty(value, value, value, value, async (naam, straat, nummer, link) => {
        const doc = fill(letter, { ...sample, klant: { ...sample.klant, naam, straat }, factuur: { ...sample.factuur, nummer }, betaling: { ...sample.betaling, link } });
        const direct = await renderDocxDirect(doc, { fixedDate: FIXED });
        expect(same(await renderDocx(doc, { fixedDate: FIXED }), direct)).toBe(true);
      }),
      { numRuns: 60, seed: 17 },
    );
  }, 120_000);
});

describe('renderDocx: letters that share a template', () => {
  const letter = templates.find((t) => t.kind === 'brief' && t.registered)!;
  const a = fill(letter, { ...sample, klant: { ...sample.klant, naam: 'Alfa Bakkerij' }, factuur: { ...sample.factuur, nummer: 'A-111' } });
  const b = fill(letter, { ...sample, klant: { ...sample.klant, naam: 'Bravo & Zonen' }, factuur: { ...sample.factuur, nummer: 'B-222' } });

  it('each carries only its own values, read back with unzip, and rendering one never changes the other', async () => {
    const first = await renderDocx(a, { fixedDate: FIXED });
    const other = await renderDocx(b, { fixedDate: FIXED });
    const again = await renderDocx(a, { fixedDate: FIXED });
    expect(same(first, again)).toBe(true);
    const xmlA = unzip(first, 'word/document.xml');
    const xmlB = unzip(other, 'word/document.xml');
    expect(xmlA).toContain('Alfa Bakkerij');
    expect(xmlA).toContain('A-111');
    expect(xmlA).not.toMatch(/Bravo|B-222/);
    expect(xmlB).toContain('Bravo &amp; Zonen');
    expect(xmlB).toContain('B-222');
    expect(xmlB).not.toMatch(/Alfa|A-111/);
    expect(unzip(other, 'word/header1.xml')).toContain('B-222');
    expect(unzip(other, 'docProps/core.xml')).toContain('B-222');
    expect(xmlB).not.toMatch(/[\uE000-\uE004]/);
  });

  it('without fixedDate dates the document now, and only the dates differ between two renders', async () => {
    const before = Date.now();
    const one = unzip(await renderDocx(a), 'docProps/core.xml');
    const created = /<dcterms:created[^>]*>([^<]+)</.exec(one)![1]!;
    expect(Math.abs(Date.parse(created) - before)).toBeLessThan(60_000);
    const two = unzip(await renderDocx(a), 'docProps/core.xml');
    const undated = (xml: string) => xml.replace(/(<dcterms:\w+[^>]*>)[^<]+/g, '$1');
    expect(undated(two)).toBe(undated(one));
  });
});
