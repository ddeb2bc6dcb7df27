/**
 * Reminders made from reconciled invoices carry the original invoice PDF (embedded in the UBL
 * file): attached to the .eml, and beside the letter in the zip. Read back with mailparser, JSZip
 * and pdftotext; a "PDF" that is not one is left out with a note.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoiceAttachments, isPdf } from '../../src/bulk/attachments.ts';
import { buildEml } from '../../src/render/eml/build.ts';
import { prepareBulk, type PrepareOptions } from '../../src/bulk/prepare.ts';
import { buildBulk, type BulkResult } from '../../src/bulk/run.ts';
import { readFiles } from '../../src/reconcile/files.ts';
import { reconcile } from '../../src/reconcile/match.ts';
import { bulkCsv, openInvoiceRecords } from '../../src/reconcile/reminders.ts';
import { compiledFor, fonts, SENDER, templates, workflow } from '../fixtures/bulk/setup.ts';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'reconcile', 'files');
const TODAY = '2026-11-23';
const NOW = new Date('2026-11-23T08:00:00Z');
const standaard = workflow('standaard');
const LETTER_STEP = standaard.stappen.findIndex((s) => s.kanaal === 'aangetekende-brief');
const EMAIL_STEP = standaard.stappen.findIndex((s) => s.offset === 15);

const work = mkdtempSync(join(tmpdir(), 'tijdig-attach-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const pdfText = (bytes: Uint8Array, name: string) => {
  writeFileSync(join(work, name), bytes);
  return execFileSync('pdftotext', [join(work, name), '-'], { encoding: 'utf8' });
};

describe('bulk mode with the original invoices from reconcile', () => {
  const read = readFiles(readdirSync(DIR).sort().map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(DIR, name))) })));
  const open = openInvoiceRecords(reconcile(read.invoices, read.payments));
  let result: BulkResult;
  let zip: JSZip;
  beforeAll(async () => {
    const options: PrepareOptions = { today: TODAY, workflow: standaard, jurisdiction: 'be', choice: EMAIL_STEP };
    const first = prepareBulk(bulkCsv(open.records), options);
    // Drukkerij Claes gets the registered letter, the others today's e-mail.
    const claes = first.groups.find((g) => g.klant.naam === 'Drukkerij Claes NV')!.key;
    const prepared = prepareBulk(bulkCsv(open.records), { ...options, overrides: { [claes]: LETTER_STEP } });
    result = await buildBulk({ customers: prepared.customers, workflow: standaard, templates, compiled: await compiledFor(standaard), fonts, sender: SENDER, today: TODAY, now: NOW, invoicePdfs: open.pdfs });
    zip = await JSZip.loadAsync(result.zip);
  });

  it('hands the PDFs of the open invoices over by invoice number', () => {
    expect([...open.pdfs.keys()].sort()).toEqual(['F2026-0102', 'F2026-0103']);
  });

  it('attaches the invoice PDF to the e-mail draft, with its name and the same bytes', async () => {
    const emlPath = result.files.find((f) => f.startsWith('e-mail/') && f.includes('peeters') && f.endsWith('.eml'))!;
    const mail = await simpleParser(Buffer.from(await zip.file(emlPath)!.async('uint8array')));
    expect(mail.attachments.map((a) => [a.filename, a.contentType, a.contentDisposition])).toEqual([['factuur-f2026-0102.pdf', 'application/pdf', 'attachment']]);
    expect(new Uint8Array(mail.attachments[0]!.content)).toEqual(open.pdfs.get('F2026-0102')!.bytes);
    expect(pdfText(new Uint8Array(mail.attachments[0]!.content), 'uit-eml.pdf')).toContain('Factuur F2026-0102');
    // The message itself is still there as text and HTML.
    expect(mail.text).toContain('F2026-0102');
    expect(mail.html || '').toContain('F2026-0102');
    // An e-mail step does not repeat the PDF beside the draft.
    expect(result.files.filter((f) => f.startsWith(emlPath.slice(0, emlPath.lastIndexOf('/'))) && f.endsWith('.pdf'))).toEqual([]);
  });

  it('places the invoice PDF beside the registered letter', async () => {
    const folder = result.summary.find((r) => r.klant === 'Drukkerij Claes NV')!.map;
    expect(folder).toMatch(/^aangetekende-brief\//);
    const beside = `${folder}/factuur-f2026-0103.pdf`;
    expect(result.files).toContain(beside);
    const bytes = await zip.file(beside)!.async('uint8array');
    expect(bytes).toEqual(open.pdfs.get('F2026-0103')!.bytes);
    expect(pdfText(bytes, 'naast-brief.pdf')).toContain('Factuur F2026-0103');
    expect(result.summary.find((r) => r.klant === 'Drukkerij Claes NV')!.opmerkingen).toContain('originele factuur bijgevoegd: factuur-f2026-0103.pdf');
  });

  it('a customer whose invoice had no PDF gets the reminder without attachment', async () => {
    const emlPath = result.files.find((f) => f.includes('maes') && f.endsWith('.eml'))!;
    const mail = await simpleParser(Buffer.from(await zip.file(emlPath)!.async('uint8array')));
    expect(mail.attachments).toEqual([]);
    expect((await zip.file(emlPath)!.async('string')).split('\r\n').find((l) => l.startsWith('Content-Type:'))).toMatch(/^Content-Type: multipart\/alternative;/);
  });
});

describe('a "PDF" that is not a PDF', () => {
  const real = new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n');
  const gif = new TextEncoder().encode('GIF89a not a pdf');
  const pdfs = new Map([
    ['F-1', { naam: 'factuur.pdf', bytes: gif }],
    ['F-2', { naam: 'F-2.pdf', bytes: real }],
  ]);

  it('is not attached, and the overview says why', () => {
    expect(isPdf(real)).toBe(true);
    expect(isPdf(gif)).toBe(false);
    expect(invoiceAttachments(['F-1', 'F-2', 'F-3'], pdfs)).toEqual({
      files: [{ name: 'factuur-f-2.pdf', mime: 'application/pdf', bytes: real }],
      notes: ['de bijlage "factuur.pdf" van factuur F-1 is geen PDF en is niet meegestuurd'],
    });
  });

  it('is left out of the e-mail draft of a bulk run', async () => {
    const read = readFiles(readdirSync(DIR).sort().map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(DIR, name))) })));
    const open = openInvoiceRecords(reconcile(read.invoices, read.payments));
    const prepared = prepareBulk(bulkCsv(open.records), { today: TODAY, workflow: standaard, jurisdiction: 'be', choice: EMAIL_STEP });
    const fake = new Map([['F2026-0102', { naam: 'F2026-0102.pdf', bytes: gif }]]);
    const result = await buildBulk({ customers: prepared.customers, workflow: standaard, templates, compiled: await compiledFor(standaard), fonts, sender: SENDER, today: TODAY, now: NOW, invoicePdfs: fake });
    const zip = await JSZip.loadAsync(result.zip);
    const emlPath = result.files.find((f) => f.includes('peeters') && f.endsWith('.eml'))!;
    const mail = await simpleParser(Buffer.from(await zip.file(emlPath)!.async('uint8array')));
    expect(mail.attachments).toEqual([]);
    expect(result.summary.find((r) => r.klant.startsWith('Schrijnwerkerij Peeters'))!.opmerkingen).toContain('de bijlage "F2026-0102.pdf" van factuur F2026-0102 is geen PDF en is niet meegestuurd');
  });
});

describe('.eml attachments', () => {
  it('keep a name with accents and the exact bytes of every file, after the text and HTML', async () => {
    const bytes = Uint8Array.from({ length: 300 }, (_, i) => (i * 7) % 256);
    const eml = buildEml({ subject: 'Herinnering', text: 'Zie bijlage.', html: '<p>Zie bijlage.</p>', date: NOW, attachments: [{ name: 'factuur été "2026".pdf', mime: 'application/pdf', bytes }, { name: 'b.pdf', mime: 'application/pdf', bytes: bytes.slice(0, 1) }] });
    expect(eml.split('\r\n').every((l) => l.length <= 998)).toBe(true);
    const mail = await simpleParser(eml);
    expect(mail.text?.trim()).toBe('Zie bijlage.');
    expect(mail.attachments.map((a) => a.filename)).toEqual(['factuur été "2026".pdf', 'b.pdf']);
    expect(new Uint8Array(mail.attachments[0]!.content)).toEqual(bytes);
    expect(new Uint8Array(mail.attachments[1]!.content)).toEqual(bytes.slice(0, 1));
  });
});
