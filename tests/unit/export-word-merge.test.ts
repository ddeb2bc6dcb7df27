/**
 * Word mail merge (src/export/word-merge.ts) and the designed e-mail sources for the e-mail services
 * (src/export/email-source.ts).
 *
 * Word: every letter template's .docx is opened with jszip and read with sax in strict mode. Each
 * placeholder must be one complete complex field (fldChar begin, instrText MERGEFIELD, separate,
 * «name», end) named like a CSV header, and there must be exactly as many fields as there were
 * placeholders in the laid-out letter. LibreOffice then converts the files: to PDF (pdftotext shows
 * «klant_naam» where the value goes) and to ODT, where each field must have become a
 * text:database-display element with the CSV column as text:column-name: LibreOffice's own mail-merge
 * field (import-formats.md §8; writerfilter maps MERGEFIELD to FieldMaster.Database).
 *
 * E-mail: every real e-mail template, compiled with compileEmail, gives a source without slot or
 * block tokens whose placeholders are all known; after each service's conversion (email-services.ts)
 * every part compiles with handlebars.js in strict mode against the sample record, as in
 * export-email-services.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Packer } from 'docx';
import Handlebars from 'handlebars';
import JSZip from 'jszip';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleFillData } from '../../src/content/schema.ts';
import { mergeDataCsv } from '../../src/export/csv.ts';
import { emailSourceFrom, NOT_CARRIED, statedPaths, withPlaceholderBlocks } from '../../src/export/email-source.ts';
import { mailgunTemplate, postmarkTemplate, sendgridTemplate, sesTemplate, sesTemplateData, templateName } from '../../src/export/email-services.ts';
import { buildExports } from '../../src/export/index.ts';
import { CSV_HEADERS, mappingFor, preformattedRecord } from '../../src/export/mapping.ts';
import { markedLetter, mergeLetterDocx, WORD_MERGE_DATA, WORD_MERGE_DIR } from '../../src/export/word-merge.ts';
import type { TemplateDoc } from '../../src/model/types.ts';
import { readContent } from '../../src/pack/read-content.ts';
import { buildDocx } from '../../src/render/docx/index.ts';
import { compileEmail, type CompiledEmail } from '../../src/render/html/compile.ts';

const loaded = readContent(process.cwd());
if (!loaded.ok) throw new Error('content invalid');
const content = loaded.content;
const letters = content.templates.filter((t) => t.kind === 'brief');
const emails = content.templates.filter((t) => t.kind === 'email');
const FIXED = '2026-01-01T00:00:00Z';

// ---------------------------------------------------------------- XML, via sax in strict mode

interface SaxParser {
  onopentag: (node: { name: string; attributes: Record<string, string> }) => void;
  onclosetag: (name: string) => void;
  ontext: (text: string) => void;
  onerror: (error: Error) => void;
  write(xml: string): SaxParser;
  close(): void;
}
// sax has no type declarations. Strict mode with strict entities rejects XML that is not well-formed.
const sax = createRequire(import.meta.url)('sax') as { parser(strict: boolean, options: { strictEntities: boolean }): SaxParser };

interface Field {
  instruction: string;
  result: string;
}

/**
 * Walks WordprocessingML: complex fields as begin → instrText … → separate → result text → end, and
 * every w:t outside a field. Throws on XML that is not well-formed and on a broken field sequence.
 */
function readWordXml(xml: string): { fields: Field[]; simpleFields: number; text: string[] } {
  const parser = sax.parser(true, { strictEntities: true });
  const fields: Field[] = [];
  const text: string[] = [];
  let simpleFields = 0;
  let open: { instruction: string; result: string; phase: 'code' | 'result' } | null = null;
  let inText: 'instr' | 't' | null = null;
  parser.onopentag = (node) => {
    if (node.name === 'w:fldSimple') simpleFields++;
    if (node.name === 'w:fldChar') {
      const type = node.attributes['w:fldCharType'];
      if (type === 'begin') {
        if (open) throw new Error('nested field');
        open = { instruction: '', result: '', phase: 'code' };
      } else if (type === 'separate') {
        if (!open || open.phase !== 'code') throw new Error('separate without begin');
        open.phase = 'result';
      } else if (type === 'end') {
        if (!open || open.phase !== 'result') throw new Error('end without separate');
        fields.push({ instruction: open.instruction, result: open.result });
        open = null;
      } else throw new Error(`fldCharType ${String(type)}`);
    }
    if (node.name === 'w:instrText') inText = 'instr';
    if (node.name === 'w:t') inText = 't';
  };
  parser.onclosetag = (name) => {
    if (name === 'w:instrText' || name === 'w:t') inText = null;
  };
  parser.ontext = (value) => {
    if (inText === 'instr') {
      if (!open || open.phase !== 'code') throw new Error('instrText outside a field code');
      open.instruction += value;
    } else if (inText === 't') {
      if (open?.phase === 'code') throw new Error('text inside a field code');
      if (open) open.result += value;
      else text.push(value);
    }
  };
  parser.onerror = (error) => {
    throw error;
  };
  parser.write(xml).close();
  if (open) throw new Error('unclosed field');
  return { fields, simpleFields, text };
}

/** Every element with this name and its attributes (ODT). */
function elements(xml: string, wanted: string): { attributes: Record<string, string>; text: string }[] {
  const parser = sax.parser(true, { strictEntities: true });
  const found: { attributes: Record<string, string>; text: string }[] = [];
  let depth = 0;
  parser.onopentag = (node) => {
    if (node.name === wanted) {
      found.push({ attributes: node.attributes, text: '' });
      depth++;
    } else if (depth) depth++;
  };
  parser.onclosetag = () => {
    if (depth) depth--;
  };
  parser.ontext = (t) => {
    if (depth) found.at(-1)!.text += t;
  };
  parser.onerror = (error) => {
    throw error;
  };
  parser.write(xml).close();
  return found;
}

/** The document body and headers of a .docx. */
async function wordParts(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, string>();
  for (const name of Object.keys(zip.files).filter((n) => /^word\/(document|header\d+|footer\d+)\.xml$/.test(n)).sort()) parts.set(name, await zip.file(name)!.async('string'));
  return parts;
}

const MERGEFIELD = /^ MERGEFIELD ([a-z][a-z0-9_]*) \\\* MERGEFORMAT $/;
/** The letter's own continuation header numbers its pages: "pagina PAGE van NUMPAGES". */
const PAGE_FIELD = /^\s*(PAGE|NUMPAGES)\s*$/;
const mergeFields = (fields: readonly Field[]) => fields.filter((f) => !PAGE_FIELD.test(f.instruction));
const mergeNames = (fields: readonly Field[]) => mergeFields(fields).map((f) => MERGEFIELD.exec(f.instruction)?.[1] ?? `? ${f.instruction}`);
const count = <T>(list: readonly T[]) => list.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<T, number>());

// ---------------------------------------------------------------- Word

describe('Word mail merge: the letters', async () => {
  const made = await Promise.all(letters.map(async (doc) => ({ doc, letter: await mergeLetterDocx(doc, { fixedDate: FIXED }) })));

  it('has a letter template to test', () => {
    expect(letters.length).toBeGreaterThan(3);
  });

  it('writes every placeholder as one complete MERGEFIELD named like a CSV header, and nothing else', async () => {
    for (const { doc, letter } of made) {
      const names: string[] = [];
      for (const [part, xml] of await wordParts(letter.data)) {
        const { fields, simpleFields, text } = readWordXml(xml);
        expect(simpleFields, `${doc.id} ${part}: only complex fields`).toBe(0);
        for (const f of mergeFields(fields)) {
          const m = MERGEFIELD.exec(f.instruction);
          expect(m, `${doc.id} ${part}: ${JSON.stringify(f.instruction)}`).not.toBeNull();
          const name = m![1]!;
          expect(CSV_HEADERS, `${doc.id}: ${name}`).toContain(name);
          expect(f.result, `${doc.id}: shown result`).toBe(`«${name}»`);
          names.push(name);
        }
        // No placeholder survived as text: no marker, no guillemets, no "[pad]" gap.
        const plain = text.join('');
        expect(plain, `${doc.id} ${part}`).not.toMatch(/\{\{|\}\}|[«»]|\[[a-z]+\.[A-Za-z]+\]/);
      }
      expect(new Set(names), doc.id).toEqual(new Set(letter.fields));
      // Every placeholder of the template's own text is a field.
      const stated = [...statedPaths({ ...withPlaceholderBlocks(doc).doc, preheader: [] })].map((p) => mappingFor(p).field);
      for (const field of stated) expect(names, `${doc.id}: ${field}`).toContain(field);
      for (const field of ['klant_naam', 'klant_straat', 'afzender_naam', 'factuur_nummer']) expect(names, doc.id).toContain(field);
    }
  });

  it('has exactly one MERGEFIELD per placeholder in the laid-out letter', async () => {
    for (const { doc, letter } of made) {
      // The same letter before patching: each placeholder is the text {{field}}.
      const before = await Packer.pack(buildDocx(markedLetter(doc).filled), 'uint8array');
      const markers: string[] = [];
      for (const xml of (await wordParts(before)).values()) for (const t of readWordXml(xml).text) for (const m of t.matchAll(/\{\{([a-z0-9_]+)\}\}/g)) markers.push(m[1]!);
      const fields: string[] = [];
      for (const xml of (await wordParts(letter.data)).values()) fields.push(...mergeNames(readWordXml(xml).fields));
      expect(markers.length, doc.id).toBeGreaterThan(20);
      expect(count(fields), doc.id).toEqual(count(markers));
    }
  });

  it('keeps the letter styles: a bold placeholder gives bold field runs', async () => {
    const { letter } = made[0]!;
    const xml = (await wordParts(letter.data)).get('word/document.xml')!;
    // The sender's name is bold in the letter frame: its field result run keeps TijdigStrong.
    expect(xml).toMatch(/<w:r><w:rPr><w:rStyle w:val="TijdigStrong"\/><\/w:rPr><w:t xml:space="preserve">«afzender_naam»<\/w:t><\/w:r>/);
  });

  it('reports what Word cannot compute, and writes the same bytes twice', async () => {
    const withInterest = made.find((m) => m.doc.blocks.some((b) => b.type === 'interestBreakdown'));
    if (withInterest) expect(withInterest.letter.notCarried).toContain(NOT_CARRIED.interestBreakdown);
    for (const { doc, letter } of made) if (doc.blocks.some((b) => b.type === 'invoiceTable')) expect(letter.notCarried).toContain(NOT_CARRIED.invoiceTable);
    const again = await mergeLetterDocx(made[0]!.doc, { fixedDate: FIXED });
    expect(Buffer.from(again.data).equals(Buffer.from(made[0]!.letter.data))).toBe(true);
  });

  it('accepts a fixed date before 1980, the first date a zip can hold (the downloads page passes new Date(0))', async () => {
    const early = await mergeLetterDocx(made[0]!.doc, { fixedDate: '1970-01-01T00:00:00Z' });
    expect(Object.keys((await JSZip.loadAsync(early.data)).files)).toContain('word/document.xml');
    const files = await buildExports(content, { dueDate: '2026-03-31', dtstamp: new Date(0) });
    expect(files.filter((f) => f.path.startsWith(`exports/${WORD_MERGE_DIR}/`) && f.path.endsWith('.docx'))).toHaveLength(letters.length);
  });

  it('refuses a template that is not a letter', async () => {
    await expect(mergeLetterDocx(emails[0]!)).rejects.toThrow(/geen brief/);
  });
});

describe('Word mail merge: in the export folder', async () => {
  const files = await buildExports(content, { dueDate: '2026-03-31', dtstamp: FIXED });
  const inFolder = files.filter((f) => f.path.startsWith(`exports/${WORD_MERGE_DIR}/`));

  it('holds one .docx per letter template, the data source and a LEESMIJ', () => {
    expect(inFolder.map((f) => f.path).sort()).toEqual(
      [...letters.map((d) => `exports/${WORD_MERGE_DIR}/${d.id}.docx`), `exports/${WORD_MERGE_DIR}/${WORD_MERGE_DATA}`, `exports/${WORD_MERGE_DIR}/LEESMIJ.txt`].sort(),
    );
    const leesmij = String(inFolder.find((f) => f.path.endsWith('LEESMIJ.txt'))!.data);
    expect(leesmij).toContain('Verzendlijsten');
    expect(leesmij).not.toMatch(/[^\r]\n/);
  });

  it('the data source is an Excel workbook of text cells: one sample row, headers holding every field, values exactly as a letter prints them', async () => {
    const xlsx = inFolder.find((f) => f.path.endsWith(WORD_MERGE_DATA))!.data as Uint8Array;
    const sheet = await (await JSZip.loadAsync(xlsx)).file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheet).not.toMatch(/<f[\s>]/); // no formula anywhere
    expect(sheet.match(/<c /g)?.length).toBe(sheet.match(/<c [^>]*t="inlineStr"/g)?.length);
    // Read back by LibreOffice Calc, not by our own writer.
    const dir = join(tmpdir(), `tijdig-xlsx-${process.pid}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'gegevensbron.xlsx'), xlsx);
    run('soffice', [`-env:UserInstallation=file://${join(tmpdir(), `tijdig-xlsx-lo-${process.pid}`)}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):59,34,76', '--outdir', dir, join(dir, 'gegevensbron.xlsx')]);
    const parsed = Papa.parse<string[]>(readFileSync(join(dir, 'gegevensbron.csv'), 'utf8').replace(/^\ufeff/, ''), { delimiter: ';', skipEmptyLines: true });
    rmSync(dir, { recursive: true, force: true });
    const [header, ...rows] = parsed.data;
    expect(header).toEqual([...CSV_HEADERS]);
    expect(rows).toHaveLength(1);
    const record = Object.fromEntries(header!.map((h, i) => [h, rows[0]![i] ?? '']));
    const expected = preformattedRecord(sampleFillData());
    for (const h of CSV_HEADERS) expect(record[h], h).toBe(expected[h] ?? '');
    // What the CSV for spreadsheets guards with an apostrophe arrives in the letter as it is.
    expect(record['betaling_mededeling']).toBe('+++090/9337/55493+++');
    expect(mergeDataCsv([sampleFillData()], 'excel-nl')).toContain(`"'+++090/9337/55493+++"`);
    for (const file of inFolder.filter((f) => f.path.endsWith('.docx'))) {
      for (const xml of (await wordParts(file.data as Uint8Array)).values()) {
        for (const name of mergeNames(readWordXml(xml).fields)) expect(header, file.path).toContain(name);
      }
    }
  }, 120_000);
});

// ---------------------------------------------------------------- LibreOffice

const WORK = join(tmpdir(), `tijdig-word-merge-${process.pid}`);
const PROFILE = join(tmpdir(), `tijdig-word-merge-lo-${process.pid}`);
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 170_000 });

describe('Word mail merge: LibreOffice turns the fields into mail-merge fields', () => {
  const expected = new Map<string, string[]>();

  beforeAll(async () => {
    // Fails (does not skip) when LibreOffice or poppler is missing.
    expect(() => run('soffice', ['--version']), 'LibreOffice (soffice) is required for the Word merge tests').not.toThrow();
    expect(() => run('pdftotext', ['-v']), 'poppler-utils (pdftotext) is required').not.toThrow();
    rmSync(WORK, { recursive: true, force: true });
    mkdirSync(WORK, { recursive: true });
    for (const doc of letters) {
      const letter = await mergeLetterDocx(doc, { fixedDate: FIXED });
      writeFileSync(join(WORK, letter.name), letter.data);
      const names: string[] = [];
      for (const xml of (await wordParts(letter.data)).values()) names.push(...mergeNames(readWordXml(xml).fields));
      expected.set(doc.id, names);
    }
    const inputs = letters.map((d) => join(WORK, `${d.id}.docx`));
    // One LibreOffice run per target format: start-up dominates.
    for (const format of ['odt', 'pdf']) run('soffice', [`-env:UserInstallation=file://${PROFILE}`, '--headless', '--convert-to', format, '--outdir', WORK, ...inputs]);
  }, 180_000);

  afterAll(() => {
    rmSync(WORK, { recursive: true, force: true });
    rmSync(PROFILE, { recursive: true, force: true });
  });

  it('ODT: every MERGEFIELD became a text:database-display with the CSV column name', async () => {
    for (const doc of letters) {
      const odt = join(WORK, `${doc.id}.odt`);
      expect(existsSync(odt), `${doc.id}: no ODT`).toBe(true);
      const zip = await JSZip.loadAsync(readFileSync(odt));
      // Body fields are in content.xml; the continuation header (a page style) is in styles.xml.
      const found = [...elements(await zip.file('content.xml')!.async('string'), 'text:database-display'), ...elements(await zip.file('styles.xml')!.async('string'), 'text:database-display')];
      const columns = found.map((f) => f.attributes['text:column-name'] ?? '');
      expect(count(columns), doc.id).toEqual(count(expected.get(doc.id)!));
      for (const f of found) {
        expect(CSV_HEADERS).toContain(f.attributes['text:column-name']);
        expect(f.text).toBe(`«${f.attributes['text:column-name']}»`);
      }
    }
  });

  it('PDF: the letter text with «field» where each value goes, and no leftover markers', () => {
    for (const doc of letters) {
      const pdf = join(WORK, `${doc.id}.pdf`);
      expect(existsSync(pdf), `${doc.id}: no PDF`).toBe(true);
      const text = run('pdftotext', ['-layout', pdf, '-']).toString('utf8');
      expect(text, doc.id).toContain('«klant_naam»');
      expect(text, doc.id).toContain('Betreft:');
      expect(text, doc.id).not.toMatch(/\{\{|\}\}/);
    }
  });
});

// ---------------------------------------------------------------- designed e-mail sources

const record = preformattedRecord(sampleFillData());
const strict = (source: string, data: Record<string, string>) => Handlebars.compile(source, { strict: true })(data);
/** Our placeholders: {{path}} or {{helper path}}; a literal brace pair is escaped as \{{. */
const OURS = /(?<!\\)\{\{\{?\s*([^{}]*?)\s*\}?\}\}/g;

describe('designed e-mail sources', async () => {
  const compiled = new Map<string, CompiledEmail>();
  for (const doc of emails) compiled.set(doc.id, await compileEmail(doc));
  const sources = emails.map((doc) => ({ doc, source: emailSourceFrom(compiled.get(doc.id)!, doc) }));

  it('covers every e-mail template', () => {
    expect(sources.length).toBeGreaterThan(5);
  });

  it('has no slot or block token left, and only known Tijdig placeholders', () => {
    for (const { doc, source } of sources) {
      for (const part of [source.subject, source.html, source.text]) {
        expect(part, doc.id).not.toMatch(/TJSLOT|TJBLOCK|\u0000/);
        for (const m of part.matchAll(OURS)) {
          const inner = m[1]!.split(/\s+/);
          const path = inner.at(-1)!;
          expect(() => mappingFor(path), `${doc.id}: ${m[0]}`).not.toThrow();
          if (inner.length === 2) expect(['bedrag', 'datum'], `${doc.id}: ${m[0]}`).toContain(inner[0]);
        }
      }
      expect(source.html, doc.id).toMatch(/^<!doctype html>/i);
      expect(source.subject.length, doc.id).toBeGreaterThan(5);
      // The compiled layout's slots all came through as placeholders.
      for (const slot of compiled.get(doc.id)!.variants[0]!.slots) expect(`${source.subject}${source.html}`, `${doc.id}: ${slot.path}`).toContain(slot.path);
    }
  });

  it('renders data-shaped blocks with placeholders: the invoice table gets one row', () => {
    const withTable = sources.filter(({ doc }) => doc.blocks.some((b) => b.type === 'invoiceTable'));
    expect(withTable.length).toBeGreaterThan(0);
    for (const { doc, source } of withTable) {
      const table = /<table[^>]*tj-invoices[\s\S]*?<\/table>/.exec(source.html)?.[0] ?? '';
      expect(table, doc.id).toContain('{{factuur.nummer}}');
      expect(table.match(/<tbody><tr>/g), doc.id).toHaveLength(1);
      expect(source.notCarried, doc.id).toContain(NOT_CARRIED.invoiceTable);
    }
  });

  it('compiles strictly with handlebars.js after each service conversion, and fills in the values', () => {
    for (const { doc, source } of sources) {
      const ses = JSON.parse(sesTemplate(doc, source).data).Template as { SubjectPart: string; HtmlPart: string; TextPart: string };
      const sesData = sesTemplateData(record);
      const html = strict(ses.HtmlPart, sesData);
      expect(html, doc.id).not.toMatch(/\{\{|\}\}|TJSLOT/);
      expect(strict(ses.SubjectPart, sesData), doc.id).not.toMatch(/\{\{/);
      expect(strict(ses.TextPart, sesData), doc.id).not.toMatch(/\{\{/);
      // A value from the sample record reached the designed layout.
      const used = [...ses.HtmlPart.matchAll(/\{\{\{([a-z0-9_]+)_html\}\}\}/g)].map((m) => m[1]!).find((f) => (record[f] ?? '').length > 3 && !/[&<>"']/.test(record[f]!));
      if (used) expect(html, `${doc.id}: ${used}`).toContain(record[used]!);

      const sg = JSON.parse(sendgridTemplate(doc, source, record).data).version as { subject: string; html_content: string; plain_content: string };
      for (const part of [sg.subject, sg.html_content, sg.plain_content]) expect(() => strict(part, record), doc.id).not.toThrow();
      const mg = JSON.parse(mailgunTemplate(doc, source).data) as { template: string; headers: string };
      expect(() => strict(mg.template, record), doc.id).not.toThrow();
      expect(() => strict((JSON.parse(mg.headers) as { Subject: string }).Subject, record), doc.id).not.toThrow();
      // Postmark's Mustachio: only {{ var }} with a plain name, each in the test model.
      for (const file of postmarkTemplate(doc, source, record)) {
        const part = file.path.endsWith('meta.json') ? (JSON.parse(file.data) as { Subject: string }).Subject : file.data;
        for (const tag of part.match(/\{\{[^}]*\}\}\}?/g) ?? []) {
          expect(tag, `${doc.id} ${file.path}`).toMatch(/^\{\{ [a-z][a-z0-9_]* \}\}$/);
          expect(record, tag).toHaveProperty(tag.slice(3, -3));
        }
        expect(() => strict(part, record), doc.id).not.toThrow();
      }
    }
  });

  it('follows the template wording per country', () => {
    // Each text is written for the cases of one country (or both): the labels follow that country.
    const withDetails = (j: 'be' | 'nl') => emails.find((d) => d.jurisdiction === j && d.blocks.some((b) => b.type === 'paymentDetails'));
    for (const [j, label] of [['be', 'Gestructureerde mededeling'], ['nl', 'Betalingskenmerk']] as const) {
      const doc = withDetails(j);
      expect(doc, `an e-mail template with payment details for ${j}`).toBeDefined();
      expect(emailSourceFrom(compiled.get(doc!.id)!, doc!).html).toContain(label);
    }
    const both = emails.find((d) => !d.jurisdiction && d.blocks.some((b) => b.type === 'paymentDetails'));
    if (both) {
      expect(emailSourceFrom(compiled.get(both.id)!, both, { jurisdiction: 'be' }).html).toContain('Gestructureerde mededeling');
      expect(emailSourceFrom(compiled.get(both.id)!, both, { jurisdiction: 'nl' }).html).toContain('Betalingskenmerk');
    }
  });

  it('refuses a compiled e-mail of another template', () => {
    expect(() => emailSourceFrom(compiled.get(emails[0]!.id)!, emails[1]!)).toThrow(/does not belong/);
  });

  it('reaches the services through buildExports: the designed layout, not the simple fallback', async () => {
    const doc = sources[0]!.doc;
    const files = await buildExports(content, { dueDate: '2026-03-31', dtstamp: FIXED, emailSource: async (d) => emailSourceFrom(compiled.get(d.id)!, d) });
    const ses = JSON.parse(String(files.find((f) => f.path === `exports/email-services/ses/${templateName(doc)}.json`)!.data)).Template as { HtmlPart: string };
    expect(ses.HtmlPart).toMatch(/^<!doctype html>/i);
    expect(ses.HtmlPart).toContain('mj-column');
    const leesmij = String(files.find((f) => f.path === 'exports/LEESMIJ-export.txt')!.data);
    expect(leesmij).not.toContain('eenvoudige HTML-versie');
  });
});
