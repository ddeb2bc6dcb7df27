/**
 * PDF renderer, read back with tools that did not write it: poppler (pdftotext, pdffonts,
 * pdfinfo, pdftoppm), qpdf, zbarimg and jsQR. A missing tool makes these tests fail, never skip.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContent, type Content } from '../../src/model/load.ts';
import { FORMAT_HELPERS, PLACEHOLDER_FIELDS, sampleFillData, type FillData, type Workflow } from '../../src/content/schema.ts';
import { epcPayload } from '../../src/model/epc.ts';
import { fill } from '../../src/model/fill.ts';
import type { FilledDocument, Run, TemplateDoc } from '../../src/model/types.ts';
import { readContent, readContentFiles } from '../../src/pack/read-content.ts';
import { ENVELOPES, PdfLayoutError, renderPdf, renderPlaybookPdf } from '../../src/render/pdf/index.ts';
import { testTemplate } from '../helpers/template.ts';

// ------------------------------------------------------------------ tools and fixtures

const fontDir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const fonts = { regular: new Uint8Array(readFileSync(join(fontDir, 'DejaVuSans.ttf'))), bold: new Uint8Array(readFileSync(join(fontDir, 'DejaVuSans-Bold.ttf'))) };
const FIXED = '2026-11-23T09:30:00Z';

const work = mkdtempSync(join(tmpdir(), 'tijdig-pdf-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let fileNo = 0;
function save(bytes: Uint8Array): string {
  const file = join(work, `doc-${++fileNo}.pdf`);
  writeFileSync(file, bytes);
  return file;
}
const run = (tool: string, args: string[]) => execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
const execFileAsync = promisify(execFile);
/** A tool's stdout; rejects on a non-zero exit (qpdf: 2 errors, 3 warnings). */
const runAsync = async (tool: string, args: string[]) => (await execFileAsync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })).stdout;
/** Runs `fn` over `items`, `n` at a time. */
async function inParallel<T>(items: readonly T[], n: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: n }, async () => {
    while (next < items.length) await fn(items[next++]!);
  }));
}
const text = (bytes: Uint8Array, ...opts: string[]) => run('pdftotext', ['-enc', 'UTF-8', ...opts, save(bytes), '-']);
/** pdftotext output per page (pages end in a form feed), in layout mode so table rows stay rows. */
const pagesText = (bytes: Uint8Array) => text(bytes, '-layout').split('\f').slice(0, -1);
/** The body of every page, without running head and footer (cropped at 18 and 278 mm). */
const bodyText = (bytes: Uint8Array) => text(bytes, '-x', '0', '-y', '51', '-W', '596', '-H', '737');
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
function qpdfCheck(bytes: Uint8Array): string {
  const out = run('qpdf', ['--check', save(bytes)]); // throws on errors (exit 2) and warnings (exit 3)
  expect(out).toContain('No syntax or stream encoding errors found');
  return out;
}
function info(bytes: Uint8Array): Record<string, string> {
  const out = run('pdfinfo', ['-isodates', save(bytes)]);
  return Object.fromEntries(out.split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]));
}
/** Words with their boxes in points, per page, from `pdftotext -bbox`. */
function words(bytes: Uint8Array): { page: number; word: string; xMin: number; yMin: number; xMax: number; yMax: number }[] {
  const html = text(bytes, '-bbox');
  const out: ReturnType<typeof words> = [];
  let page = -1;
  for (const m of html.matchAll(/<page |<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
    if (m[0] === '<page ') page++;
    else out.push({ page, word: m[5]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"'), xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]) });
  }
  return out;
}
function rasterise(bytes: Uint8Array, page: number, dpi = 150): string {
  const prefix = join(work, `page-${++fileNo}`);
  run('pdftoppm', ['-r', String(dpi), '-png', '-f', String(page), '-l', String(page), '-singlefile', save(bytes), prefix]);
  return `${prefix}.png`;
}
const mm = (v: number) => (v * 72) / 25.4;
/** Cents as the letters print them: "€ 1.234,56". */
const euro = (cents: number) => `€ ${new Intl.NumberFormat('nl-BE', { minimumFractionDigits: 2 }).format(cents / 100)}`;

const template = (kind: TemplateDoc['kind'], id: string, subject: string, body: string, extra: Partial<TemplateDoc> = {}): TemplateDoc =>
  testTemplate({ id, kind, subject, body, preheader: kind === 'email' ? 'Een korte herinnering voor {{klant.naam}}.' : '', extra: { tone: 'professioneel', segment: 'standaard', ...extra } });

const LETTER = template(
  'brief',
  'test-herinnering',
  'Herinnering factuur {{factuur.nummer}}',
  `Geachte {{klant.contactpersoon}},

Volgens onze boekhouding staat de onderstaande factuur nog open. Café Zoë's crème brûlée – € en ë blijven heel.

::factuurtabel

Wij vragen u vriendelijk het openstaande bedrag van **{{bedrag berekend.totaalOpen}}** over te maken.

::betaalgegevens

::termijn Betaal uiterlijk op **{{datum data.nieuweTermijn}}**.

Met vriendelijke groeten,

::handtekening`,
);

const REGISTERED = template(
  'brief',
  'test-ingebrekestelling',
  'Ingebrekestelling factuur {{factuur.nummer}}',
  `Geachte {{klant.contactpersoon}},

::factuurtabel

## Wat u verschuldigd bent

- Het openstaande bedrag van **{{bedrag berekend.totaalOpen}}**.
- De interest: {{bedrag kosten.interest}}.

::betaalgegevens met-kosten

Met vriendelijke groeten,

::handtekening`,
  { registered: true },
);

/** A formal notice as long as the real ones: with 40 invoices it takes three pages. */
const FORMAL = template(
  'brief',
  'test-formele-aanmaning',
  'Ingebrekestelling – onbetaalde facturen',
  `Geachte {{klant.contactpersoon}},

Wij stellen vast dat de onderstaande facturen, ondanks onze herinneringen en ons telefonisch contact, nog altijd onbetaald zijn.

::factuurtabel

Met deze brief stellen wij {{klant.naam}} formeel in gebreke om het openstaande bedrag van **{{bedrag berekend.totaalOpen}}** te betalen, vermeerderd met:

- de interesten aan {{kosten.interestvoet}} per jaar vanaf de dag na de vervaldag, tot vandaag {{bedrag kosten.interest}};
- de forfaitaire vergoeding voor invorderingskosten van {{bedrag kosten.forfait}}.

Deze bedragen zijn verschuldigd op grond van onze algemene voorwaarden en van de wet. De interesten lopen tot de dag van volledige betaling.

::betaalgegevens met-kosten

::termijn Betaal het totaal van {{bedrag berekend.totaalTeBetalen}} uiterlijk op {{datum data.nieuweTermijn}}.

Ontvangen wij binnen die termijn geen volledige betaling, dan dragen wij het dossier zonder verdere verwittiging over aan onze advocaat of aan een gerechtsdeurwaarder. Alle bijkomende kosten kunnen ten laste van u worden gelegd.

Betwist u deze vordering, meld ons dat dan vóór dezelfde datum schriftelijk en gemotiveerd. Voor vragen bereikt u ons op {{afzender.telefoon}} of via {{afzender.email}}.

Deze brief geldt als ingebrekestelling, onder voorbehoud van al onze rechten.

Hoogachtend,

::handtekening`,
  { registered: true },
);

const EMAIL = template('email', 'test-mail', 'Factuur {{factuur.nummer}}', `Beste {{klant.contactpersoon}},\n\nUw factuur staat nog open.\n\n::betaalknop Nu betalen\n\n::handtekening`);
const SCRIPT = template('belscript', 'test-belscript', '', `## Opening\n\nGoedemiddag, u spreekt met {{ondertekenaar.naam}}.\n\n## Vragen\n\n- Is de factuur goed ontvangen?\n- Wanneer kunt u betalen?`);

/** A paragraph per fill-data field, so every sample value must show up. */
const ALL_FIELDS = template(
  'brief',
  'test-alle-velden',
  'Alle velden',
  PLACEHOLDER_FIELDS.map((f) => {
    const helper = Object.entries(FORMAT_HELPERS).find(([, kinds]) => (kinds as readonly string[]).includes(f.kind))?.[0];
    return `${f.path}: {{${helper ? `${helper} ` : ''}${f.path}}}`;
  }).join('\n\n'),
);

const data = sampleFillData();
const render = (doc: FilledDocument, extra: { envelope?: 'be' | 'nl' } = {}) => renderPdf(doc, { fonts, fixedDate: FIXED, ...extra });

// ------------------------------------------------------------------ tests

describe('tools', () => {
  it('are installed (the tests below need every one of them)', () => {
    for (const tool of ['pdftotext', 'pdffonts', 'pdfinfo', 'pdftoppm', 'qpdf', 'zbarimg']) {
      expect(() => execFileSync(tool, ['-v'], { stdio: 'ignore' }), tool).not.toThrow(/ENOENT/);
    }
  });
});

describe('text', () => {
  it('holds every sample value, as the model formats it, with € and ë intact', async () => {
    const doc = fill(ALL_FIELDS, data);
    const bytes = await render(doc);
    qpdfCheck(bytes);
    const out = squash(text(bytes));
    expect(out).not.toContain('\uFFFD');
    for (const block of doc.blocks) {
      if (block.type !== 'paragraph') continue;
      const line = squash(block.runs.map((r) => r.text).join(''));
      expect(block.runs.some((r) => r.missing), line).toBe(false);
      expect(out, line).toContain(line);
    }
    for (const literal of ['€ 1.240,50', 'Bakkerij De Gouden Korst bv', 'BE71 0961 2345 6769', '+++090/9337/55493+++', '31 oktober 2026', '10,5 %']) expect(out).toContain(literal);
  });

  it('prints a letter with frame, table, payment details and signature', async () => {
    const bytes = await render(fill(LETTER, data));
    qpdfCheck(bytes);
    const out = squash(text(bytes, '-layout'));
    for (const part of [
      'Bakkerij De Gouden Korst bv',
      'Kerkstraat 12',
      'Brasserie Het Pleintje',
      't.a.v. Jan Claes',
      '9300 Aalst',
      'Gent, 23 november 2026',
      'Uw klantnummer: K-0427 · Onze factuur: 2026-0153',
      'Betreft: Herinnering factuur 2026-0153',
      "Café Zoë's crème brûlée – € en ë blijven heel.",
      'Factuur Factuurdatum Vervaldag Bedrag Openstaand',
      'Totaal openstaand € 1.240,50',
      'Rekeningnummer (IBAN) BE71 0961 2345 6769',
      'Betaal uiterlijk op 7 december 2026.',
      'Sofie Peeters Zaakvoerder',
      'Pagina 1/',
    ]) {
      expect(out).toContain(part);
    }
    expect(out).not.toContain('AANGETEKEND');
  });

  it('embeds subset fonts with a Unicode map', async () => {
    const out = run('pdffonts', [save(await render(fill(LETTER, data)))]);
    const rows = out.split('\n').slice(2).filter(Boolean).map((l) => l.split(/\s+/));
    expect(rows.map((r) => r[0]!.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(['DejaVuSans', 'DejaVuSans-Bold']);
    for (const r of rows) {
      expect(r[0]).toMatch(/^[A-Z]{6}\+DejaVuSans/);
      expect(r.slice(1, 3).join(' ')).toBe('CID TrueType');
      expect(r.slice(4, 7)).toEqual(['yes', 'yes', 'yes']); // emb sub uni
    }
  });

  it('sets the metadata: title, author, subject, language, producer and fixed dates', async () => {
    const bytes = await render(fill(LETTER, data));
    const meta = info(bytes);
    expect(meta['Title']).toBe('Testsjabloon test-herinnering');
    expect(meta['Author']).toBe('Bakkerij De Gouden Korst bv');
    expect(meta['Subject']).toBe('Herinnering factuur 2026-0153');
    expect(meta['Producer']).toBe('Tijdig');
    expect(meta['Creator']).toBe('Tijdig');
    expect(meta['CreationDate']).toBe('2026-11-23T09:30:00Z');
    expect(meta['ModDate']).toBe('2026-11-23T09:30:00Z');
    expect(meta['Page size']).toMatch(/^595\.2\d* x 841\.8\d* pts \(A4\)/);
    const objects = (JSON.parse(run('qpdf', ['--json=2', '--json-key=qpdf', save(bytes)])) as { qpdf: [unknown, Record<string, { value: Record<string, unknown> }>] }).qpdf[1];
    const root = objects['trailer']?.value['/Root'] as string;
    expect(objects[`obj:${root}`]?.value['/Lang']).toBe('u:nl');
    expect(info(await render(fill(LETTER, {})))['Author']).toBe('Tijdig');
  });

  it('is byte-identical for the same input and fixed date, whatever was rendered before', async () => {
    const doc = fill(LETTER, data);
    const a = await render(doc);
    await render(fill(ALL_FIELDS, { ...data, klant: { naam: 'Ander 😀 ✓ Ω 漢字' } }));
    await renderPdf(fill(REGISTERED, data), { fonts: { regular: new Uint8Array(fonts.regular), bold: new Uint8Array(fonts.bold) }, fixedDate: FIXED });
    const b = await render(doc);
    expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true);
    const c = await renderPdf(doc, { fonts, fixedDate: '2027-01-01' });
    expect(Buffer.from(c).equals(Buffer.from(a))).toBe(false);
  });
});

describe('letter frame', () => {
  for (const preset of ['be', 'nl'] as const) {
    it(`puts the address in the ${preset} window and marks a registered letter`, async () => {
      const bytes = await render(fill(REGISTERED, data), { envelope: preset });
      qpdfCheck(bytes);
      const w = ENVELOPES[preset];
      const page1 = words(bytes).filter((x) => x.page === 0);
      const first = page1.find((x) => x.word === 'Brasserie')!;
      const last = page1.find((x) => x.word === 'Aalst')!;
      for (const box of [first, last]) {
        expect(box.xMin).toBeGreaterThanOrEqual(mm(w.x) - 0.5);
        expect(box.xMax).toBeLessThanOrEqual(mm(w.x + w.width) + 0.5);
        expect(box.yMin).toBeGreaterThanOrEqual(mm(w.top + w.noteHeight) - 0.5);
        expect(box.yMax).toBeLessThanOrEqual(mm(w.top + w.noteHeight + w.addressHeight) + 0.5);
      }
      const mark = page1.find((x) => x.word === 'AANGETEKEND')!;
      expect(mark).toBeDefined();
      const inWindow = mark.yMin >= mm(w.top) - 0.5 && mark.yMax <= mm(w.top + w.noteHeight + w.addressHeight) && mark.xMin >= mm(w.x) - 0.5;
      // bpost wants nothing but the address in a Belgian window; DIN 5008's note zone carries it in the Netherlands.
      expect(inWindow).toBe(preset === 'nl');
    });
  }

  for (const preset of ['be', 'nl'] as const) {
    it(`wraps a 220-character sender street in the sender column (${preset}), whole, clear of the window`, async () => {
      const street = `Lange${'x'.repeat(215)}`;
      const bytes = await render(fill(LETTER, { ...data, afzender: { ...data.afzender, straat: street } }), { envelope: preset });
      qpdfCheck(bytes);
      expect(text(bytes, '-raw').replace(/\s+/g, '')).toContain(street);
      const w = ENVELOPES[preset];
      const pieces = words(bytes).filter((x) => x.page === 0 && /^(Lange)?x+$/.test(x.word));
      expect(pieces.length).toBeGreaterThan(2);
      expect(pieces.map((x) => x.word).join('')).toBe(street);
      for (const box of pieces) {
        expect(box.xMin).toBeGreaterThanOrEqual(mm(25) - 0.5);
        expect(box.xMax).toBeLessThanOrEqual(595.28 - mm(20) + 0.5);
        const overlapsWindow = box.xMax > mm(w.x) && box.xMin < mm(w.x + w.width) && box.yMax > mm(w.top) && box.yMin < mm(w.top + w.noteHeight + w.addressHeight);
        expect(overlapsWindow, `${box.word} at ${box.xMin},${box.yMin}`).toBe(false);
      }
    });
  }

  it('marks every unfilled placeholder with a highlight behind its text', async () => {
    const doc = fill(LETTER, {});
    const bytes = await render(doc);
    qpdfCheck(bytes);
    const out = squash(text(bytes));
    for (const path of ['afzender.naam', 'klant.naam', 'factuur.nummer', 'afzender.iban', 'data.nieuweTermijn', 'ondertekenaar.naam']) expect(out).toContain(`[${path}]`);
    // The highlight is yellow: most pixels in the box of "[klant.naam]" in the window are yellow.
    const png = PNG.sync.read(readFileSync(rasterise(bytes, 1, 144)));
    const box = words(bytes).find((x) => x.page === 0 && x.word === '[klant.naam]')!;
    let yellow = 0;
    let all = 0;
    for (let y = Math.ceil(box.yMin * 2); y < box.yMax * 2; y++) {
      for (let x = Math.ceil(box.xMin * 2); x < box.xMax * 2; x++) {
        const i = (y * png.width + x) * 4;
        all++;
        if (png.data[i]! > 230 && png.data[i + 1]! > 200 && png.data[i + 2]! < 140) yellow++;
      }
    }
    expect(yellow / all).toBeGreaterThan(0.5);
  });
});

describe('payment QR', () => {
  it('decodes (zbarimg) to exactly epcPayload(doc.epc)', async () => {
    const doc = fill(LETTER, data);
    expect(doc.epc).not.toBeNull();
    const bytes = await render(doc);
    const decoded = run('zbarimg', ['--raw', '-q', rasterise(bytes, 1)]);
    expect(decoded.replace(/\n$/, '')).toBe(epcPayload(doc.epc!));
  });

  it('carries UTF-8 names in byte mode (decoded with jsQR)', async () => {
    const doc = fill(LETTER, { ...data, afzender: { ...data.afzender, naam: 'Brouwerij Ëlsken & Zoë' } });
    const bytes = await render(doc);
    const png = PNG.sync.read(readFileSync(rasterise(bytes, 1)));
    const found = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(found).not.toBeNull();
    expect(new TextDecoder().decode(new Uint8Array(found!.binaryData))).toBe(epcPayload(doc.epc!));
    expect(epcPayload(doc.epc!)).toContain('Brouwerij Ëlsken & Zoë');
  });

  it('is left out when there is no valid payment, and the details still print', async () => {
    const doc = fill(LETTER, { ...data, afzender: { ...data.afzender, iban: 'BE00 0000' } });
    expect(doc.epc).toBeNull();
    const bytes = await render(doc);
    expect(squash(text(bytes))).toContain('BE00 0000');
    expect(() => run('zbarimg', ['--raw', '-q', rasterise(bytes, 1)])).toThrow();
  });
});

// ------------------------------------------------------------------ where things sit (read back with poppler)

type Box = ReturnType<typeof words>[number];
const intersect = (a: { xMin: number; yMin: number; xMax: number; yMax: number }, b: { xMin: number; yMin: number; xMax: number; yMax: number }) =>
  Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin) > 0.3 && Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin) > 0.3;

/** Two words of one page whose glyph boxes overlap: lines drawn over each other. */
function overlaps(bytes: Uint8Array): string[] {
  const all = words(bytes);
  const out: string[] = [];
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      const [a, b] = [all[i]!, all[j]!];
      if (a.page === b.page && intersect(a, b)) out.push(`p${a.page + 1}: "${a.word}" (${a.xMin},${a.yMin}) / "${b.word}" (${b.xMin},${b.yMin})`);
    }
  }
  return out;
}

describe('layout read back', () => {
  const invoices: NonNullable<FillData['facturen']> = [
    { nummer: 'F-1001', datum: '2026-08-03', vervaldatum: '2026-09-02', bedrag: 123_456, openstaand: 23_456 },
    { nummer: 'F-1002', datum: '2026-08-17', vervaldatum: '2026-09-16', bedrag: 7_800, openstaand: 7_800 },
  ];

  it('puts every invoice value in its own column: text left-aligned under its header, amounts right-aligned under theirs', async () => {
    const doc = fill(LETTER, { ...data, facturen: invoices });
    const bytes = await render(doc);
    const page = words(bytes).filter((x) => x.page === 0);
    const header = doc.labels.invoiceColumns.map((label) => page.find((x) => x.word === label)!);
    expect(header.every(Boolean), doc.labels.invoiceColumns.join(', ')).toBe(true);
    // Left to right, on one line.
    header.slice(1).forEach((h, i) => expect(h.xMin).toBeGreaterThan(header[i]!.xMax));
    header.forEach((h) => expect(Math.abs(h.yMin - header[0]!.yMin)).toBeLessThan(0.5));
    for (const f of invoices) {
      const row = page.find((x) => x.word === f.nummer)!;
      expect(row).toBeDefined();
      expect(row.yMin).toBeGreaterThan(header[0]!.yMax);
      // The row's words left to right, taken value by value: each value's words in the order printed.
      const onRow = page.filter((x) => Math.abs(x.yMin - row.yMin) < 0.5).sort((a, b) => a.xMin - b.xMin);
      const values = [f.nummer, `${Number(f.datum!.slice(8))} augustus 2026`, `${Number(f.vervaldatum!.slice(8))} september 2026`, euro(f.bedrag!), euro(f.openstaand!)];
      expect(onRow.map((x) => x.word).join(' ')).toBe(values.join(' '));
      let k = 0;
      values.forEach((v, c) => {
        const parts = onRow.slice(k, (k += v.split(' ').length));
        const box = { xMin: parts[0]!.xMin, xMax: parts.at(-1)!.xMax };
        if (c < 3) expect(Math.abs(box.xMin - header[c]!.xMin), `${v} starts where "${header[c]!.word}" starts`).toBeLessThan(0.5);
        else expect(Math.abs(box.xMax - header[c]!.xMax), `${v} ends where "${header[c]!.word}" ends`).toBeLessThan(0.5);
      });
    }
    // The total: its label right-aligned over the first four columns, its amount under "Openstaand".
    const label = page.find((x) => x.word === doc.labels.invoiceTotal.split(' ')[0])!;
    const totalRow = page.filter((x) => Math.abs(x.yMin - label.yMin) < 0.5).sort((a, b) => a.xMin - b.xMin);
    expect(totalRow.map((x) => x.word).join(' ')).toBe(`${doc.labels.invoiceTotal} ${euro(23_456 + 7_800)}`);
    expect(Math.abs(totalRow[1]!.xMax - header[3]!.xMax)).toBeLessThan(0.5);
    expect(Math.abs(totalRow.at(-1)!.xMax - header[4]!.xMax)).toBeLessThan(0.5);
  });

  it('draws no line over another, in every kind of document and over page breaks', async () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ nummer: `2026-${1001 + i}`, datum: '2026-09-01', vervaldatum: '2026-10-01', bedrag: 10_000 + i }));
    const cases: [string, Uint8Array][] = [
      ['letter be', await render(fill(LETTER, data))],
      ['registered nl', await render(fill(REGISTERED, data), { envelope: 'nl' })],
      ['blank letter', await render(fill(LETTER, {}))],
      ['40 invoices', await render(fill(FORMAL, { ...data, facturen: many }))],
      ['email', await render(fill(EMAIL, data))],
      ['script', await render(fill(SCRIPT, data))],
    ];
    for (const [name, bytes] of cases) expect(overlaps(bytes), name).toEqual([]);
  });

  it('keeps the body lines a full line apart: baselines of one paragraph 13.5 pt from each other', async () => {
    const long = template('email', 'test-lang', 'Lang', Array.from({ length: 3 }, () => 'Dit is een lange alinea die over meerdere regels loopt, zodat we de afstand tussen de regels kunnen meten. '.repeat(3)).join('\n\n'));
    const bytes = await render(fill(long, data));
    // The bottom of each line's first word, at the left margin, from the top down.
    const ys = [...new Set(words(bytes).filter((x) => x.page === 0 && x.xMin < mm(25) + 1).map((x) => Math.round(x.yMax * 100) / 100))].sort((a, b) => a - b);
    expect(ys.length).toBeGreaterThan(9);
    const gaps = ys.slice(1).map((y, i) => Math.round((y - ys[i]!) * 10) / 10);
    expect(gaps.filter((g) => g === 13.5).length).toBeGreaterThan(6);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(13.5);
  });
});

describe('payment QR placement', () => {
  /** The QR code on a page raster (jsQR), with its module size in pixels. */
  const findQr = (png: PNG) => {
    const found = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(found).not.toBeNull();
    const n = 17 + 4 * found!.version;
    const { topLeftCorner: tl, topRightCorner: tr, bottomLeftCorner: bl } = found!.location;
    return { found: found!, n, tl, module: (tr.x - tl.x) / n, side: tr.x - tl.x, bottom: bl.y };
  };
  const dark = (png: PNG, x: number, y: number) => png.data[(Math.round(y) * png.width + Math.round(x)) * 4]! < 128;

  it('has a white quiet zone of four modules and no text in it or on the code', async () => {
    for (const [doc, envelope] of [[fill(LETTER, data), 'be'], [fill(REGISTERED, data), 'nl']] as const) {
      const bytes = await render(doc, { envelope });
      const dpi = 150;
      const png = PNG.sync.read(readFileSync(rasterise(bytes, 1, dpi)));
      const qr = findQr(png);
      expect(qr.module).toBeGreaterThan(2);
      // Every pixel of the band 4 modules wide around the symbol is white.
      const q = 4 * qr.module;
      let inked = 0;
      for (let y = qr.tl.y - q + 1; y < qr.bottom + q - 1; y++) {
        for (let x = qr.tl.x - q + 1; x < qr.tl.x + qr.side + q - 1; x++) {
          const inside = x > qr.tl.x - 1 && x < qr.tl.x + qr.side + 1 && y > qr.tl.y - 1 && y < qr.bottom + 1;
          if (!inside && dark(png, x, y)) inked++;
        }
      }
      expect(inked, 'dark pixels in the quiet zone').toBe(0);
      // No word of the page (payment details, caption, anything) on the code or its quiet zone.
      const px = 72 / dpi;
      const zone = { xMin: (qr.tl.x - q) * px, yMin: (qr.tl.y - q) * px, xMax: (qr.tl.x + qr.side + q) * px, yMax: (qr.bottom + q) * px };
      const onCode = words(bytes).filter((x) => x.page === 0 && intersect(x, zone));
      expect(onCode.map((x) => x.word)).toEqual([]);
      // The payment details sit left of it, on the same height.
      const iban = words(bytes).find((x) => x.page === 0 && x.word === 'BE71')!;
      expect(iban.xMax).toBeLessThan(zone.xMin);
    }
  });

  it('keeps long payment values left of the code, wrapped', async () => {
    const doc = fill(REGISTERED, { ...data, betaling: { ...data.betaling, mededeling: `REF ${'7'.repeat(120)}` } });
    const bytes = await render(doc);
    const png = PNG.sync.read(readFileSync(rasterise(bytes, 1, 150)));
    const qr = findQr(png);
    const left = (qr.tl.x - 4 * qr.module) * (72 / 150);
    const sevens = words(bytes).filter((x) => x.page === 0 && /^7+$/.test(x.word));
    expect(sevens.map((x) => x.word).join('')).toBe('7'.repeat(120));
    for (const x of sevens) expect(x.xMax).toBeLessThan(left);
  });

  it('is encoded at error correction level M (read from the format bits of the printed code)', async () => {
    const png = PNG.sync.read(readFileSync(rasterise(await render(fill(LETTER, data)), 1, 150)));
    const qr = findQr(png);
    expect(qr.module).toBeGreaterThan(3);
    const bit = (r: number, c: number) => (dark(png, qr.tl.x + (c + 0.5) * qr.module, qr.tl.y + (r + 0.5) * qr.module) ? 1 : 0);
    // ISO/IEC 18004 §7.9: two copies of the 15 format bits, bit i at these modules.
    const n = qr.n;
    const first = Array.from({ length: 15 }, (_, i) => (i < 6 ? bit(i, 8) : i < 8 ? bit(i + 1, 8) : bit(8, 15 - i - (i === 8 ? 0 : 1))));
    const second = Array.from({ length: 15 }, (_, i) => (i < 8 ? bit(8, n - 1 - i) : bit(n - 15 + i, 8)));
    expect(second).toEqual(first);
    const format = first.reduce((v: number, b, i) => v | (b << i), 0) ^ 0b101010000010010;
    const levels = ['M', 'L', 'H', 'Q'];
    expect(levels[format >> 13]).toBe('M');
  });
});

describe('pagination', () => {
  const invoices: NonNullable<FillData['facturen']> = Array.from({ length: 40 }, (_, i) => ({
    nummer: `2026-${String(1001 + i)}`,
    datum: '2026-09-01',
    vervaldatum: '2026-10-01',
    bedrag: 10_000 + i * 137,
  }));

  it('breaks a 40-invoice letter over 3 or more pages with the table header on each table page', async () => {
    const doc = fill(FORMAL, { ...data, facturen: invoices });
    const bytes = await render(doc);
    qpdfCheck(bytes);
    const pages = pagesText(bytes);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const tablePages = pages.filter((p) => /2026-10\d\d/.test(p));
    expect(tablePages.length).toBeGreaterThanOrEqual(2);
    for (const p of tablePages) expect(squash(p)).toContain('Factuur Factuurdatum Vervaldag Bedrag Openstaand');
    // Every invoice is there once, in order.
    const all = squash(pages.join(' '));
    const positions = invoices.map((f) => all.indexOf(f.nummer));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    pages.forEach((p, i) => expect(squash(p)).toContain(`Pagina ${i + 1}/${pages.length}`));
    // A running head from page 2: sender and subject.
    for (const p of pages.slice(1)) expect(squash(p)).toContain('Bakkerij De Gouden Korst bv Ingebrekestelling – onbetaalde facturen');
    expect(info(bytes)['Pages']).toBe(String(pages.length));
  });
});

describe('other kinds', () => {
  it('prints an email as a simple document with its subject', async () => {
    const bytes = await render(fill(EMAIL, data));
    qpdfCheck(bytes);
    const out = squash(text(bytes));
    expect(out).toContain('Onderwerp: Factuur 2026-0153');
    expect(out).toContain('Nu betalen: https://betalen.goudenkorst.be/2026-0153');
    expect(out).not.toContain('Betreft');
    expect(out).not.toContain('t.a.v.');
  });

  it('makes payment links clickable', async () => {
    const bytes = await render(fill(EMAIL, data));
    const json = JSON.parse(run('qpdf', ['--json=2', '--json-key=qpdf', save(bytes)])) as { qpdf: [unknown, Record<string, { value: Record<string, unknown> }>] };
    const uris = Object.values(json.qpdf[1]).flatMap((o) => {
      const a = o.value?.['/A'] as Record<string, string> | undefined;
      return a?.['/URI'] ? [a['/URI']] : [];
    });
    expect(uris).toEqual(['u:https://betalen.goudenkorst.be/2026-0153']);
  });

  it('prints a phone script without a letter frame', async () => {
    const bytes = await render(fill(SCRIPT, data));
    qpdfCheck(bytes);
    const out = squash(text(bytes));
    expect(out).toContain('Belscript Testsjabloon test-belscript Opening Goedemiddag, u spreekt met Sofie Peeters.');
    expect(out).toContain('• Is de factuur goed ontvangen? • Wanneer kunt u betalen?');
    expect(out).not.toContain('Brasserie');
    expect(out).not.toContain('Betreft');
  });
});

describe('hostile values', () => {
  const long = '0123456789'.repeat(1024);
  const hostile: FillData = {
    ...data,
    afzender: { ...data.afzender, naam: 'Evil (Corp) \\ <b>bv</b>' },
    klant: { ...data.klant, naam: '<script>alert("x")</script> (a) \\b\\ \u202Eesrever\u202C z\u200Bw\u200Dj 😀 🧾 👨‍👩‍👧 end', contactpersoon: long },
    factuur: { ...data.factuur, nummer: 'F(1)\\2' },
    betaling: { ...data.betaling, link: `https://example.com/${'pad/'.repeat(300)}(x)?q=\\` },
  };

  it('renders them literally, never overflowing, and the file stays clean', async () => {
    for (const doc of [fill(LETTER, hostile), fill(EMAIL, hostile)]) {
      const bytes = await render(doc);
      qpdfCheck(bytes);
      const flat = squash(text(bytes));
      expect(flat).toContain('F(1)\\2');
      expect(bodyText(bytes).replace(/\s+/g, '')).toContain(long);
      if (doc.kind === 'brief') {
        expect(flat).toContain('<script>alert("x")</script> (a) \\b\\');
        expect(flat).toContain('esrever');
        expect(flat).toContain('😀'); // DejaVu has it
        expect(flat).not.toContain('🧾'); // DejaVu lacks it: replaced by "?"
        expect(flat).toContain('😀 ? ? end'); // the family emoji (three people and two joiners) is one "?"
        expect(flat).toContain('Evil (Corp) \\ <b>bv</b>');
      } else {
        expect(bodyText(bytes).replace(/\s+/g, '')).toContain(hostile.betaling!.link!);
      }
      // Every word stays inside the page's margins.
      for (const w of words(bytes)) {
        expect(w.xMin, w.word).toBeGreaterThanOrEqual(mm(25) - 0.5);
        expect(w.xMax, w.word).toBeLessThanOrEqual(595.28 - mm(20) + 0.5);
        expect(w.yMax, w.word).toBeLessThanOrEqual(mm(290));
      }
    }
  });

  it('splits an invoice row taller than a page over pages and shortens running heads', async () => {
    const doc = fill(LETTER, { ...data, factuur: { ...data.factuur, nummer: long } });
    const bytes = await render(doc);
    qpdfCheck(bytes);
    expect(bodyText(bytes).replace(/\s+/g, '')).toContain(long);
    const pages = pagesText(bytes);
    expect(pages.length).toBeGreaterThan(4);
    for (const p of pages.slice(1)) expect(p.split("\n")[0], "sender left, subject cut between words right").toMatch(/^\s*Bakkerij De Gouden Korst bv\s+Herinnering factuur (0123\d+ )?…$/);
    // The table header comes back above the rest of the long row.
    expect(pages.filter((p) => squash(p).includes('Factuur Factuurdatum Vervaldag Bedrag Openstaand')).length).toBeGreaterThan(1);
    for (const w of words(bytes)) expect(w.xMax, w.word).toBeLessThanOrEqual(595.28 - mm(20) + 0.5);
  });

  it('keeps zero-width and direction controls as text without moving anything', async () => {
    const bytes = await render(fill(LETTER, hostile));
    const out = text(bytes);
    expect(out).toMatch(/z\u200Bw\u200Dj/);
    expect(out).toContain('\u202E');
  });
});

describe('bad template content', () => {
  it('throws an error naming the template for an empty body', async () => {
    const empty = { ...fill(LETTER, data), id: 'leeg-sjabloon', blocks: [] };
    await expect(render(empty)).rejects.toThrow(PdfLayoutError);
    await expect(render(empty)).rejects.toThrow(/leeg-sjabloon/);
    const blank = { ...empty, blocks: [{ type: 'paragraph' as const, runs: [{ text: '   ' }] as Run[] }] };
    await expect(render(blank)).rejects.toThrow(/leeg-sjabloon/);
  });
});

// ------------------------------------------------------------------ real content

function realContent(): { content: Content; note: string } | null {
  const loaded = readContent(process.cwd());
  if (loaded.ok) return { content: loaded.content, note: 'all content' };
  // Content is being written: use every template that is valid on its own.
  const files = readContentFiles(process.cwd()).filter((f) => f.path.startsWith('content/templates/'));
  const templates = files.flatMap((f) => {
    const one = loadContent([f]);
    return one.ok ? one.content.templates : [];
  });
  return templates.length ? { content: { segments: [], workflows: [], templates, guides: [] }, note: 'valid templates only' } : null;
}

describe('real templates', () => {
  const real = realContent();

  it('exist', () => {
    expect(real?.content.templates.length ?? 0).toBeGreaterThan(0);
  });

  it('render blank and with sample data: clean files that hold every word', async () => {
    const cases = (real?.content.templates ?? []).flatMap((t) => ([{}, data] as FillData[]).map((input) => ({ id: t.id, doc: fill(t, input) })));
    expect(cases.length).toBeGreaterThan(1);
    // The tools run four at a time: ~200 files, each read by qpdf and pdftotext.
    await inParallel(cases, 4, async ({ id, doc }) => {
      const file = save(await render(doc));
      const [check, read] = await Promise.all([runAsync('qpdf', ['--check', file]), runAsync('pdftotext', ['-enc', 'UTF-8', file, '-'])]);
      expect(check, id).toContain('No syntax or stream encoding errors found');
      const out = new Set(squash(read).split(' '));
      const join = (runs: Run[]) => runs.map((r) => r.text).join('');
      const expected = doc.blocks.flatMap((b) =>
        'runs' in b ? [join(b.runs)] : b.type === 'list' ? b.items.map(join) : b.type === 'signature' ? b.lines.map(join) : b.type === 'paymentDetails' ? b.lines.map((l) => join(l.value)) : [],
      );
      const missing = squash(expected.join(' '))
        .split(' ')
        .filter((w) => w && !out.has(w));
      expect(missing, id).toEqual([]);
    });
  }, 240_000);

  it('paginate 40 invoices with the table header on every page the table reaches', async () => {
    const invoices = Array.from({ length: 40 }, (_, i) => ({ nummer: `2026-${String(1001 + i)}`, datum: '2026-09-01', vervaldatum: '2026-10-01', bedrag: 10_000 + i }));
    const letters = (real?.content.templates ?? []).filter((t) => t.kind === 'brief' && t.blocks.some((b) => b.type === 'invoiceTable'));
    for (const t of letters) {
      const filled = fill(t, { ...data, facturen: invoices });
      const pages = pagesText(await render(filled));
      const tablePages = pages.filter((p) => /2026-10\d\d/.test(p));
      expect(tablePages.length, t.id).toBeGreaterThanOrEqual(2);
      // The header in the letter's own Dutch: "Vervaldag" in Belgium, "Vervaldatum" in the Netherlands.
      for (const p of tablePages) expect(squash(p), t.id).toContain(filled.labels.invoiceColumns.join(' '));
    }
  });

  it('render every playbook overview', async () => {
    for (const w of real?.content.workflows ?? []) {
      const bytes = await renderPlaybookPdf(w, real!.content.templates, { fonts, fixedDate: FIXED });
      qpdfCheck(bytes);
      const out = squash(text(bytes));
      expect(out).toContain(w.titel);
      for (const s of w.stappen) expect(out).toContain(s.offset < 0 ? `D${s.offset}` : `D+${s.offset}`);
    }
  });
});

describe('playbook overview', () => {
  const workflow: Workflow = {
    id: 'test-draaiboek',
    titel: 'Wanbetalers: vroeg en kordaat',
    segment: 'wanbetaler',
    gevallen: ['be-onderneming'],
    samenvatting: 'Vroeg beginnen, schriftelijk en met duidelijke termijnen.',
    doel: 'Betaald worden voor de schuld oploopt.',
    toon: 'zakelijk en kordaat',
    stappen: [
      { offset: -5, titel: 'Preventieve herinnering', kanaal: 'email', toon: 'professioneel', template: 'test-mail', bijReactie: 'Bevestig de ontvangst van de betaling.' },
      { offset: 13, titel: 'Tweede herinnering met interest', kanaal: 'brief', toon: 'kordaat', template: 'test-herinnering', bijReactie: 'Stop de reeks zodra betaald is.' },
      { offset: 27, titel: 'Ingebrekestelling', kanaal: 'aangetekende-brief', toon: 'formeel', template: 'test-ingebrekestelling', bijReactie: 'Noteer elke afspraak schriftelijk.' },
    ],
  };

  it('shows title, goal, tone and the timeline table', async () => {
    const bytes = await renderPlaybookPdf(workflow, [LETTER, REGISTERED, EMAIL], { fonts, fixedDate: FIXED });
    qpdfCheck(bytes);
    const out = squash(text(bytes));
    for (const part of [
      'Wanbetalers: vroeg en kordaat',
      'Doel: Betaald worden voor de schuld oploopt.',
      'Toon: zakelijk en kordaat',
      'Dag Kanaal Toon Stap Sjabloon',
      'D-5 E-mail Professioneel Preventieve herinnering Testsjabloon test-mail',
      'D+13 Brief Kordaat Tweede herinnering met interest Testsjabloon test-herinnering',
      'D+27 Aangetekende brief Formeel Ingebrekestelling Testsjabloon test-ingebrekestelling',
      'Bij reactie: Stop de reeks zodra betaald is.',
    ]) {
      expect(out).toContain(part);
    }
    expect(info(bytes)['Title']).toBe('Draaiboek: Wanbetalers: vroeg en kordaat');
    const again = await renderPlaybookPdf(workflow, [LETTER, REGISTERED, EMAIL], { fonts, fixedDate: FIXED });
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  });
});
