/**
 * DOCX renderer: the XML is read back with jszip and a strict XML parser; the letters are then
 * converted by LibreOffice and read with pdftotext, which proves they open, hold every value and
 * put the address in the envelope window. LibreOffice is required: without it these tests fail.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleFillData, type FillData } from '../../src/content/schema.ts';
import { fill } from '../../src/model/fill.ts';
import type { FilledDocument, Run, TemplateDoc } from '../../src/model/types.ts';
import { readContent } from '../../src/pack/read-content.ts';
import { DOCX_STYLES, ENVELOPES, renderDocx, type DocxOptions } from '../../src/render/docx/index.ts';
/** The word a registered letter carries, as the user reads it. */
const REGISTERED = 'AANGETEKEND';
import { testTemplate } from '../helpers/template.ts';

// ------------------------------------------------------------------ fixtures

const template = (kind: TemplateDoc['kind'], id: string, subject: string, body: string, extra: Partial<TemplateDoc> = {}): TemplateDoc =>
  testTemplate({ id, kind, subject, body, preheader: kind === 'email' ? 'Een korte herinnering voor {{klant.naam}}.' : '', extra: { tone: 'professioneel', segment: 'standaard', ...extra } });

/** A normal first reminder letter: must fit on one page. */
const LETTER = template(
  'brief',
  'test-herinnering',
  'Herinnering factuur {{factuur.nummer}}',
  `Geachte {{klant.contactpersoon}},

Volgens onze boekhouding staat de onderstaande factuur nog open. Wellicht is ze aan uw aandacht ontsnapt.

::factuurtabel

Wij vragen u vriendelijk het openstaande bedrag van **{{bedrag berekend.totaalOpen}}** over te maken.

::betaalgegevens

::termijn Betaal uiterlijk op {{datum data.nieuweTermijn}}.

Heeft u intussen betaald, dan mag u deze brief als onbestaande beschouwen. Vragen? Bel {{afzender.telefoon}}.

Met vriendelijke groeten,

::handtekening`,
);

/** Everything a letter can hold, sent registered. */
const REGISTERED_LETTER = template(
  'brief',
  'test-ingebrekestelling',
  'Ingebrekestelling factuur {{factuur.nummer}}',
  `Geachte {{klant.contactpersoon}},

Ondanks onze herinneringen is de onderstaande factuur onbetaald.

::factuurtabel

## Wat u verschuldigd bent

- Het openstaande bedrag van **{{bedrag berekend.totaalOpen}}**.
- De interest aan {{kosten.interestvoet}} per jaar: {{bedrag kosten.interest}}.

::betaalgegevens met-kosten

::termijn Betaal uiterlijk op {{datum data.nieuweTermijn}}.

::betaalknop Online betalen

Hoogachtend,

::handtekening`,
  { registered: true, purpose: 'ingebrekestelling', tone: 'formeel' },
);

const EMAIL = template(
  'email',
  'test-email',
  'Factuur {{factuur.nummer}} staat nog open',
  `Beste {{klant.contactpersoon}},

Factuur {{factuur.nummer}} van {{bedrag factuur.bedrag}} staat nog open.

::factuurtabel

::betaalknop Nu betalen

::handtekening`,
);

const SCRIPT = template(
  'belscript',
  'test-belscript',
  '',
  `## Opening

"Goedemorgen, met {{ondertekenaar.naam}} van {{afzender.naam}}."

## Vragen

- Heeft u factuur {{factuur.nummer}} ontvangen?

## Bezwaren

### "Ik heb geen factuur ontvangen."

"Dan stuur ik ze meteen opnieuw."

## Afspraak

::termijn Betaling uiterlijk op {{datum data.nieuweTermijn}}.

## Noteer

- Datum, afspraak en bedrag.`,
);

const FIXED = '2026-01-01T00:00:00Z';
const render = (doc: FilledDocument, options: DocxOptions = {}) => renderDocx(doc, { fixedDate: FIXED, ...options });

// ------------------------------------------------------------------ reading a docx back

interface SaxParser {
  onerror: (e: Error) => void;
  onopentag: (node: { name: string; attributes: Record<string, string> }) => void;
  onclosetag: (name: string) => void;
  ontext: (text: string) => void;
  write(xml: string): SaxParser;
  close(): void;
}
const sax = createRequire(import.meta.url)('sax') as { parser(strict: boolean, opt?: object): SaxParser };

/** Characters XML 1.0 forbids even when escaped. */
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

interface Para {
  style?: string;
  inTable: number;
  tableStyle?: string;
  runs: { text: string; style?: string }[];
  text: string;
}

/** Parses strictly (throws on any well-formedness error) and collects paragraphs with their styles. */
function parseWordXml(xml: string): Para[] {
  expect(NOT_XML_CHAR.test(xml), 'XML holds a character XML 1.0 forbids').toBe(false);
  const paras: Para[] = [];
  const tables: (string | undefined)[] = [];
  let para: Para | null = null;
  let run: { text: string; style?: string } | null = null;
  let inText = false;
  let inRunProps = false;
  const parser = sax.parser(true);
  parser.onerror = (e) => {
    throw e;
  };
  parser.onopentag = ({ name, attributes }) => {
    if (name === 'w:tbl') tables.push(undefined);
    else if (name === 'w:tblStyle' && tables.length) tables[tables.length - 1] = attributes['w:val'];
    else if (name === 'w:p') para = { inTable: tables.length, tableStyle: tables.at(-1), runs: [], text: '' };
    else if (name === 'w:pStyle' && para) para.style = attributes['w:val'];
    else if (name === 'w:r') run = { text: '' };
    else if (name === 'w:rPr') inRunProps = run !== null;
    else if (name === 'w:rStyle' && run && inRunProps) run.style = attributes['w:val'];
    else if (name === 'w:t') inText = true;
    else if (name === 'w:br' && run) run.text += '\n';
    else if (name === 'w:tab' && run) run.text += '\t';
  };
  parser.ontext = (text) => {
    if (inText && run) run.text += text;
  };
  parser.onclosetag = (name) => {
    if (name === 'w:t') inText = false;
    else if (name === 'w:rPr') inRunProps = false;
    else if (name === 'w:r' && run) {
      para?.runs.push(run);
      run = null;
    } else if (name === 'w:p' && para) {
      para.text = para.runs.map((r) => r.text).join('');
      paras.push(para);
      para = null;
    } else if (name === 'w:tbl') tables.pop();
  };
  parser.write(xml).close();
  return paras;
}

interface ReadDocx {
  zip: JSZip;
  documentXml: string;
  stylesXml: string;
  coreXml: string;
  paras: Para[];
  text: string;
}

async function readDocx(bytes: Uint8Array): Promise<ReadDocx> {
  const zip = await JSZip.loadAsync(bytes);
  // Every XML part must be well-formed, not only the document.
  for (const name of Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n))) {
    const xml = await zip.file(name)!.async('string');
    expect(() => parseWordXml(xml), name).not.toThrow();
  }
  const documentXml = await zip.file('word/document.xml')!.async('string');
  const paras = parseWordXml(documentXml);
  return {
    zip,
    documentXml,
    stylesXml: await zip.file('word/styles.xml')!.async('string'),
    coreXml: await zip.file('docProps/core.xml')!.async('string'),
    paras,
    text: paras.map((p) => p.text).join('\n'),
  };
}

/** Every run the document must show, by kind: the letter frame only for letters, the preheader only for emails. */
function expectedRuns(doc: FilledDocument): Run[] {
  const runs: Run[] = [...doc.subject];
  if (doc.kind === 'brief') runs.push(...doc.letter.sender.flat(), ...doc.letter.recipient.flat(), ...doc.letter.placeAndDate, ...doc.letter.reference);
  if (doc.kind === 'email') runs.push(...doc.preheader);
  if (doc.kind === 'belscript') runs.push({ text: doc.title });
  for (const b of doc.blocks) {
    if (b.type === 'heading' || b.type === 'paragraph' || b.type === 'deadline') runs.push(...b.runs);
    if (b.type === 'list') runs.push(...b.items.flat());
    if (b.type === 'signature') runs.push(...b.lines.flat());
    if (b.type === 'paymentButton') runs.push(...b.label, b.href ? { text: b.href } : { text: `[${b.hrefMissing}]`, missing: b.hrefMissing ?? '' });
    if (b.type === 'paymentDetails') b.lines.forEach((l) => runs.push({ text: l.label }, ...l.value));
    if (b.type === 'invoiceTable') {
      runs.push(...b.columns.map((text) => ({ text })), ...b.total);
      b.rows.forEach((r) => runs.push(...r.nummer, ...r.datum, ...r.vervaldatum, ...r.bedrag, ...r.openstaand));
    }
  }
  return runs.filter((r) => r.text.trim() !== '');
}

const missingOf = (doc: FilledDocument) => [...new Set(expectedRuns(doc).filter((r) => r.missing).map((r) => r.text))];
const squash = (s: string) => s.replace(/\s+/g, '');

// ------------------------------------------------------------------ XML-level tests

const sample = sampleFillData();
const filledLetter = fill(LETTER, sample);
const blankLetter = fill(LETTER, {});

describe('renderDocx: content', () => {
  it('a filled letter holds every value, in order of the letter frame, and no placeholder marker', async () => {
    const docx = await readDocx(await render(filledLetter));
    for (const run of expectedRuns(filledLetter)) expect(docx.text).toContain(run.text);
    for (const value of ['Brasserie Het Pleintje', 'Marktplein 3', '9300 Aalst', 'BE71 0961 2345 6769', '+++090/9337/55493+++', '€ 1.240,50', '23 november 2026', '7 december 2026', 'GKCCBEBB']) {
      expect(docx.text).toContain(value);
    }
    expect(docx.text).not.toMatch(/\[[a-z]+\.[a-zA-Z]+\]/);
    expect(docx.documentXml).not.toContain(DOCX_STYLES.missing);
    const subject = docx.paras.find((p) => p.style === DOCX_STYLES.subject);
    expect(subject?.text).toBe('Betreft: Herinnering factuur 2026-0153');
    // The sender block comes before the address, the address before the subject.
    const at = (s: string) => docx.text.indexOf(s);
    expect(at('Kerkstraat 12')).toBeLessThan(at('Marktplein 3'));
    expect(at('Marktplein 3')).toBeLessThan(at('Betreft:'));
  });

  it('a blank letter shows every unfilled placeholder as a [pad] marker in the TijdigMissing style', async () => {
    const docx = await readDocx(await render(blankLetter));
    const marked = new Set(docx.paras.flatMap((p) => p.runs.filter((r) => r.style === DOCX_STYLES.missing || r.style === DOCX_STYLES.missingStrong).map((r) => r.text)));
    const missing = missingOf(blankLetter);
    expect(missing).toEqual(expect.arrayContaining(['[klant.naam]', '[klant.straat]', '[factuur.nummer]', '[afzender.iban]', '[data.nieuweTermijn]', '[berekend.totaalOpen]']));
    for (const marker of missing) expect(marked, marker).toContain(marker);
    // Bold placeholders stay bold and marked.
    expect(docx.paras.some((p) => p.runs.some((r) => r.style === DOCX_STYLES.missingStrong && r.text === '[berekend.totaalOpen]'))).toBe(true);
  });

  it('prints AANGETEKEND only on registered letters: in the body for Belgium, in the window note zone for the Netherlands', async () => {
    const count = (d: ReadDocx) => d.paras.filter((p) => p.text === REGISTERED).length;
    const plain = await readDocx(await render(filledLetter));
    expect(plain.text).not.toContain(REGISTERED);

    const registered = fill(REGISTERED_LETTER, sample);
    const be = await readDocx(await render(registered, { envelope: 'be' }));
    expect(count(be)).toBe(1);
    const beMark = be.paras.find((p) => p.text === REGISTERED)!;
    expect(beMark.style).toBe(DOCX_STYLES.registered);
    expect(beMark.inTable).toBe(0);

    const nl = await readDocx(await render(registered, { envelope: 'nl' }));
    expect(count(nl)).toBe(1);
    expect(nl.paras.find((p) => p.text === REGISTERED)?.tableStyle).toBe(DOCX_STYLES.letterFrame);

    for (const kind of [EMAIL, SCRIPT]) {
      const other = await readDocx(await render(fill({ ...kind, registered: true }, sample)));
      expect(other.text).not.toContain(REGISTERED);
    }
  });

  it('defines named paragraph, character and table styles and uses them instead of direct formatting', async () => {
    const docx = await readDocx(await render(fill(REGISTERED_LETTER, {})));
    const styleIds = [...docx.stylesXml.matchAll(/<w:style w:type="(\w+)"[^>]*w:styleId="(\w+)"/g)].map((m) => `${m[1]}:${m[2]}`);
    for (const id of ['paragraph:TijdigBody', 'paragraph:TijdigSubject', 'paragraph:TijdigDeadline', 'paragraph:TijdigAddress', 'paragraph:TijdigSender', 'paragraph:TijdigListBullet', 'paragraph:Heading2', 'character:TijdigMissing', 'character:TijdigStrong', 'table:TijdigInvoiceTable', 'table:TijdigDetailsTable', 'table:TijdigLetterFrame']) {
      expect(styleIds).toContain(id);
    }
    const missingStyle = /<w:style w:type="character" w:styleId="TijdigMissing">.*?<\/w:style>/.exec(docx.stylesXml)?.[0] ?? '';
    expect(missingStyle).toContain('<w:highlight w:val="yellow"/>');
    // No run or paragraph carries its own font, size, colour, bold or highlight.
    for (const direct of ['<w:b/>', '<w:sz ', '<w:color ', '<w:highlight', '<w:rFonts', '<w:jc ', '<w:spacing ']) expect(docx.documentXml).not.toContain(direct);
    const styles = new Set(docx.paras.map((p) => p.style));
    for (const id of [DOCX_STYLES.subject, DOCX_STYLES.deadline, DOCX_STYLES.body, DOCX_STYLES.listBullet, DOCX_STYLES.heading2, DOCX_STYLES.signatureName]) expect(styles).toContain(id);
    // The greeting before the signature is kept with it.
    expect(docx.paras.find((p) => p.style === DOCX_STYLES.closing)?.text).toBe('Hoogachtend,');
    expect(docx.documentXml).toContain('<w:tblStyle w:val="TijdigInvoiceTable"/>');
    expect(docx.documentXml).toContain('<w:tblHeader/>');
  });

  it('renders an email as a document with the subject as heading, and a phone script without a letter frame', async () => {
    const email = await readDocx(await render(fill(EMAIL, sample)));
    expect(email.paras[0]).toMatchObject({ style: DOCX_STYLES.heading1, text: 'Factuur 2026-0153 staat nog open' });
    expect(email.text).toContain('Een korte herinnering voor Brasserie Het Pleintje.');
    expect(email.text).toContain('Nu betalen: https://betalen.goudenkorst.be/2026-0153');
    expect(email.documentXml).not.toContain(DOCX_STYLES.letterFrame);
    expect(email.text).not.toContain('Betreft:');

    const script = await readDocx(await render(fill(SCRIPT, sample)));
    expect(script.paras[0]).toMatchObject({ style: DOCX_STYLES.heading1, text: SCRIPT.title });
    expect(script.documentXml).not.toContain(DOCX_STYLES.letterFrame);
    expect(script.documentXml).not.toContain(DOCX_STYLES.sender);
    expect(script.paras.filter((p) => p.style === DOCX_STYLES.heading2).map((p) => p.text)).toEqual(['Opening', 'Vragen', 'Bezwaren', 'Afspraak', 'Noteer']);
    for (const run of expectedRuns(fill(SCRIPT, sample))) expect(script.text).toContain(run.text);
  });

  it('links only https and mailto values, through relationships docx escapes', async () => {
    const data: FillData = { ...sample, betaling: { ...sample.betaling, link: 'https://pay.example/?a=1&b=<2>"x' } };
    const docx = await readDocx(await render(fill(EMAIL, data)));
    const rels = await docx.zip.file('word/_rels/document.xml.rels')!.async('string');
    expect(rels).toContain('Target="https://pay.example/?a=1&amp;b=&lt;2&gt;&quot;x"');
    expect(docx.text).toContain('https://pay.example/?a=1&b=<2>"x');
    // Defence in depth: even a run marked as link by mistake only links to https or mailto.
    const base = fill(EMAIL, sample);
    const bad: FilledDocument = { ...base, blocks: [{ type: 'paragraph', runs: [{ text: 'klik', href: 'javascript:alert(1)' }, { text: ' mail', href: 'mailto:a@b.be' }] }] };
    const js = await readDocx(await render(bad));
    const jsRels = await js.zip.file('word/_rels/document.xml.rels')!.async('string');
    expect(jsRels).not.toContain('javascript:');
    expect(jsRels).toContain('Target="mailto:a@b.be"');
    expect(js.text).toContain('klik mail');
  });
});

// ------------------------------------------------------------------ hostile values

const LONG = 'Lang'.padEnd(10_240, ' lang');
const HOSTILE: FillData = {
  ...sample,
  afzender: { ...sample.afzender, naam: 'Firma ]]> & Zonen <b>bv</b>', straat: 'Straat\u202Eraarts 1' },
  klant: { ...sample.klant, naam: '<script>alert("x")</script>', contactpersoon: LONG, straat: '{{x}} & {{{y}}}', gemeente: "O'Brien & \"Zn\" <![CDATA[x]]>" },
  factuur: { ...sample.factuur, nummer: '<w:t>2026</w:t>&amp;' },
  betaling: { ...sample.betaling, mededeling: 'ctl\u0001\u0008chars\uFFFF' },
};
const HOSTILE_LITERALS = ['Firma ]]> & Zonen <b>bv</b>', 'Straat\u202Eraarts 1', '<script>alert("x")</script>', LONG, '{{x}} & {{{y}}}', "O'Brien & \"Zn\" <![CDATA[x]]>", '<w:t>2026</w:t>&amp;'];

describe('renderDocx: hostile values', () => {
  it('keeps markup, CDATA ends, entities, RTL overrides, braces and 10 kB strings as literal text in valid XML', async () => {
    for (const t of [LETTER, REGISTERED_LETTER, EMAIL, SCRIPT]) {
      const doc = fill(t, HOSTILE);
      const docx = await readDocx(await render(doc));
      for (const run of expectedRuns(doc).filter((r) => !r.text.includes('\u0001'))) expect(docx.text).toContain(run.text);
      if (t.kind === 'brief') for (const literal of HOSTILE_LITERALS) expect(docx.text).toContain(literal);
      expect(docx.documentXml).not.toContain('<script>');
      expect(docx.documentXml).not.toContain('<b>');
    }
  });

  it('replaces only what XML cannot hold (control characters, U+FFFF) with U+FFFD', async () => {
    const docx = await readDocx(await render(fill(LETTER, HOSTILE)));
    expect(docx.text).toContain('ctl\uFFFD\uFFFDchars\uFFFD');
  });

  it('writes a hostile subject into docProps/core.xml escaped', async () => {
    const docx = await readDocx(await render(fill(LETTER, HOSTILE)));
    expect(docx.coreXml).toContain('&lt;w:t&gt;2026&lt;/w:t&gt;&amp;amp;');
  });
});

// ------------------------------------------------------------------ determinism and options

describe('renderDocx: determinism and options', () => {
  it('gives byte-identical output for the same input and fixedDate, in any time zone', async () => {
    const tz = process.env['TZ'];
    try {
      process.env['TZ'] = 'Pacific/Kiritimati';
      const a = await render(fill(REGISTERED_LETTER, sample));
      process.env['TZ'] = 'America/Los_Angeles';
      const b = await render(fill(REGISTERED_LETTER, sample));
      expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    } finally {
      if (tz === undefined) delete process.env['TZ'];
      else process.env['TZ'] = tz;
    }
    const c = await renderDocx(fill(REGISTERED_LETTER, sample), { fixedDate: '2027-05-05T10:00:00Z' });
    const core = await (await JSZip.loadAsync(c)).file('docProps/core.xml')!.async('string');
    expect(core).toContain('2027-05-05T10:00:00');
  });

  it('leaves Date and Math.random untouched after rendering', async () => {
    const RealDate = Date;
    const random = Math.random;
    await render(filledLetter);
    expect(globalThis.Date).toBe(RealDate);
    expect(Math.random).toBe(random);
    expect(Math.abs(Date.now() - new RealDate().getTime())).toBeLessThan(5_000);
  });

  it('rejects a bad fixedDate and a window outside the printable area', async () => {
    await expect(renderDocx(filledLetter, { fixedDate: 'gisteren' })).rejects.toThrow(RangeError);
    await expect(renderDocx(filledLetter, { envelope: { ...ENVELOPES.be, x: 150 } })).rejects.toThrow(/adresvenster/);
  });

  it('imports nothing Node-only (it runs in the browser)', () => {
    const dir = join(process.cwd(), 'src/render/docx');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const source = readFileSync(join(dir, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      const specifiers = [...source.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+'([^']+)'/gm)].map((m) => m[1]!);
      for (const spec of specifiers) expect(spec, `${file} imports ${spec}`).toMatch(/^(docx|fflate|\.\.?\/.+\.ts)$/);
      expect(source, file).not.toMatch(/\bBuffer\b|process\.|require\(/);
    }
  });
});

// ------------------------------------------------------------------ LibreOffice

interface Converted {
  name: string;
  doc: FilledDocument;
  pdf: string;
  envelope?: 'be' | 'nl';
}

const WORK = join(tmpdir(), `tijdig-docx-test-${process.pid}`);
const PROFILE = join(tmpdir(), `lo-docx-test-${process.pid}`);
const MM_PT = 72 / 25.4;

function run(cmd: string, args: string[]): string {
  return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 180_000 });
}
const pages = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [pdf]))?.[1]);
const pdfText = (pdf: string, page?: number) => run('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), '-raw', pdf, '-']);

/** Word boxes from pdftotext -bbox, in points from the top-left corner of page 1. */
function words(pdf: string): { text: string; x1: number; y1: number; x2: number; y2: number }[] {
  const html = run('pdftotext', ['-bbox', '-f', '1', '-l', '1', pdf, '-']);
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    x1: Number(m[1]),
    y1: Number(m[2]),
    x2: Number(m[3]),
    y2: Number(m[4]),
    text: m[5]!.replace(/&amp;/g, '&'),
  }));
}

/** The real templates, when content/ has them: every one is rendered filled and blank. */
function realTemplates(): TemplateDoc[] {
  const dir = join(process.cwd(), 'content/templates');
  if (!existsSync(dir) || !readdirSync(dir).some((f) => f.endsWith('.md'))) return [];
  const loaded = readContent(process.cwd());
  if (!loaded.ok) throw new Error(`content/ laadt niet, dus de echte sjablonen kunnen niet gerenderd worden:\n${loaded.issues.map((i) => `${i.file} ${i.path}: ${i.message}`).join('\n')}`);
  return loaded.content.templates;
}

describe('renderDocx: LibreOffice reads what Word would', () => {
  const converted: Converted[] = [];
  let templates: TemplateDoc[] = [];
  const timings: number[] = [];

  beforeAll(async () => {
    // Fails (does not skip) when LibreOffice or poppler is missing.
    expect(() => run('soffice', ['--version']), 'LibreOffice (soffice) is required for the DOCX tests').not.toThrow();
    expect(() => run('pdfinfo', ['-v']), 'poppler-utils (pdfinfo, pdftotext) are required').not.toThrow();
    rmSync(WORK, { recursive: true, force: true });
    mkdirSync(WORK, { recursive: true });
    templates = realTemplates();
    const jobs: Omit<Converted, 'pdf'>[] = [
      { name: 'letter-be', doc: filledLetter, envelope: 'be' },
      { name: 'letter-nl', doc: fill(LETTER, sample, { jurisdiction: 'nl' }), envelope: 'nl' },
      { name: 'letter-blank', doc: blankLetter },
      { name: 'registered-be', doc: fill(REGISTERED_LETTER, sample), envelope: 'be' },
      { name: 'registered-nl', doc: fill(REGISTERED_LETTER, sample), envelope: 'nl' },
      { name: 'email', doc: fill(EMAIL, sample) },
      { name: 'script', doc: fill(SCRIPT, sample) },
      { name: 'hostile', doc: fill(LETTER, { ...HOSTILE, klant: { ...HOSTILE.klant, contactpersoon: 'Jan <i>Claes</i> & co' } }) },
      { name: 'hostile-long', doc: fill(LETTER, HOSTILE) },
      ...templates.flatMap((t) => [
        { name: `real-${t.id}`, doc: fill(t, sample) },
        { name: `real-blank-${t.id}`, doc: fill(t, {}) },
      ]),
    ];
    for (const job of jobs) {
      const start = performance.now();
      const bytes = await renderDocx(job.doc, job.envelope ? { envelope: job.envelope } : {});
      timings.push(performance.now() - start);
      writeFileSync(join(WORK, `${job.name}.docx`), bytes);
    }
    // One LibreOffice run for all files: ~1 s start-up, then tens of ms per document.
    run('soffice', [`-env:UserInstallation=file://${PROFILE}`, '--headless', '--convert-to', 'pdf', '--outdir', WORK, ...jobs.map((j) => join(WORK, `${j.name}.docx`))]);
    for (const job of jobs) converted.push({ ...job, pdf: join(WORK, `${job.name}.pdf`) });
  }, 180_000);

  afterAll(() => {
    const sorted = [...timings].sort((a, b) => a - b);
    console.info(`docx render: ${timings.length} documents, median ${sorted[Math.floor(sorted.length / 2)]?.toFixed(1)} ms, max ${sorted.at(-1)?.toFixed(1)} ms`);
    rmSync(WORK, { recursive: true, force: true });
    rmSync(PROFILE, { recursive: true, force: true });
  });

  it('converts every document, each holding all of its text', () => {
    expect(converted.length).toBeGreaterThanOrEqual(8);
    for (const c of converted) {
      expect(existsSync(c.pdf), `${c.name}: LibreOffice made no PDF`).toBe(true);
      if (c.name === 'hostile-long') continue; // its 10 kB name is clipped in the window, as it should be
      const text = squash(pdfText(c.pdf));
      // pdftotext reorders bidi text, and control characters became U+FFFD: those runs are checked in the XML.
      const readable = expectedRuns(c.doc).filter((r) => !/\u202E/.test(r.text) && !NOT_XML_CHAR.test(r.text));
      for (const r of readable) expect(text, `${c.name}: ${r.text}`).toContain(squash(r.text));
    }
  });

  it('fits a normal letter on one page, filled or blank, Belgian or Dutch', () => {
    for (const name of ['letter-be', 'letter-nl', 'letter-blank', 'email', 'script']) expect(pages(converted.find((c) => c.name === name)!.pdf), name).toBe(1);
  });

  it('shows hostile values literally after conversion', () => {
    const text = squash(pdfText(converted.find((c) => c.name === 'hostile')!.pdf));
    for (const literal of ['<script>alert("x")</script>', '{{x}} & {{{y}}}', 'Firma ]]> & Zonen <b>bv</b>', '<w:t>2026</w:t>&amp;', 'Jan <i>Claes</i> & co', "O'Brien & \"Zn\" <![CDATA[x]]>"]) {
      expect(text).toContain(squash(literal));
    }
    expect(pages(converted.find((c) => c.name === 'hostile-long')!.pdf)).toBeGreaterThanOrEqual(1);
  });

  it('puts the recipient address inside the window zone of each preset and nothing else there', () => {
    const cases = [
      { name: 'letter-be', w: ENVELOPES.be },
      { name: 'letter-nl', w: ENVELOPES.nl },
      { name: 'registered-nl', w: ENVELOPES.nl },
    ];
    for (const { name, w } of cases) {
      const boxes = words(converted.find((c) => c.name === name)!.pdf);
      const zone = { x1: w.x * MM_PT, x2: (w.x + w.width) * MM_PT, y1: (w.top + w.noteHeight) * MM_PT, y2: (w.top + w.noteHeight + w.addressHeight) * MM_PT };
      const inZone = (b: (typeof boxes)[number]) => b.x1 >= zone.x1 - 1 && b.x2 <= zone.x2 + 1 && b.y1 >= zone.y1 - 1 && b.y2 <= zone.y2 + 1;
      for (const word of ['Brasserie', 'Pleintje', 'Claes', 'Marktplein', '9300', 'Aalst']) {
        const box = boxes.find((b) => b.text === word);
        expect(box, `${name}: ${word}`).toBeDefined();
        expect(inZone(box!), `${name}: ${word} at ${JSON.stringify(box)} outside ${JSON.stringify(zone)}`).toBe(true);
      }
      const field = { ...zone, y1: w.top * MM_PT };
      const inField = (b: (typeof boxes)[number]) => b.x2 > field.x1 && b.x1 < field.x2 && b.y2 > field.y1 && b.y1 < field.y2;
      const strangers = boxes.filter((b) => inField(b) && !['Brasserie', 'Het', 'Pleintje', 't.a.v.', 'Jan', 'Claes', 'Marktplein', '3', '9300', 'Aalst', REGISTERED].includes(b.text));
      expect(strangers, name).toEqual([]);
    }
    const nl = words(converted.find((c) => c.name === 'registered-nl')!.pdf).find((b) => b.text === REGISTERED);
    expect(nl!.y1).toBeGreaterThanOrEqual(ENVELOPES.nl.top * MM_PT);
    expect(nl!.y2).toBeLessThanOrEqual((ENVELOPES.nl.top + ENVELOPES.nl.noteHeight) * MM_PT + 1);
  });

  it('renders every real template, and a letter that runs over carries a continuation header', () => {
    if (templates.length === 0) console.warn('content/templates is still empty: only the fixtures were rendered');
    for (const t of templates) {
      for (const prefix of ['real-', 'real-blank-']) {
        const c = converted.find((x) => x.name === `${prefix}${t.id}`)!;
        const count = pages(c.pdf);
        expect(count, `${c.name} has ${count} pages`).toBeLessThanOrEqual(t.kind === 'belscript' ? 3 : 2);
        expect(pdfText(c.pdf, 1)).not.toMatch(/pagina 1 van/);
        if (count > 1) expect(squash(pdfText(c.pdf, 2)), c.name).toContain(squash(`pagina 2 van ${count}`));
      }
    }
  });
});
