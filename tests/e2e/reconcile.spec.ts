/**
 * The reconcile page (/afletteren/) with the project's own fixtures (tests/fixtures/reconcile):
 * invoices and statements dropped together → only the open invoices listed, with the reason of
 * every match; undo and match by hand with the keyboard; the open ones handed to bulk mode; the
 * lists as CSV; the original PDFs of the open invoices as a zip; the work in a Web Worker; nothing sent (the fixtures in ./fixtures.ts fail any
 * request to another origin, console error or CSP violation); axe clean.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page, Request } from '@playwright/test';
import JSZip from 'jszip';
import { simpleParser } from 'mailparser';
import Papa from 'papaparse';
import { expect, test } from './fixtures.ts';

const PAGE = '/afletteren/';
const DIR = join(import.meta.dirname, '..', 'fixtures', 'reconcile', 'files');
const INVOICES = ['F2026-0101.xml', 'F2026-0102.xml', 'F2026-0103.xml', 'F2026-0104.xml', 'F2026-0105.xml', 'F2026-0106-efff.xml', 'C2026-0007.xml', 'NL-2026-0042.xml', 'F2026-0108-ongeldige-ogm.xml'];
const STATEMENTS = ['kbc-2026-041.cod', 'camt053-be-2026-11.xml', 'camt053-be-2026-11-bis.xml', 'camt054-nl-2026-11.xml'];
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

async function loadAll(page: Page, names: string[]): Promise<void> {
  await page.goto(PAGE);
  await expect(page.locator('[data-needs-js]')).toBeVisible();
  await page.locator('#rc-files').setInputFiles(names.map((n) => join(DIR, n)));
  await expect(page.locator('[data-summary]')).toContainText('facturen');
}

const listed = (page: Page) => page.locator('[data-invoices] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-invoice')));

test('invoices and statements in: only the open invoices are listed, each match with its reason', async ({ page }) => {
  const requests: Request[] = [];
  page.on('request', (r) => requests.push(r));
  await loadAll(page, [...INVOICES, ...STATEMENTS, 'kapot.xml']);

  await expect(page.locator('[data-summary]')).toContainText('8 facturen: 5 betaald, 2 deels betaald, 1 open');
  expect(await listed(page)).toEqual(['F2026-0102', 'F2026-0103', 'F2026-0108']);
  const partly = page.locator('[data-invoices] tr[data-invoice="F2026-0102"]');
  await expect(partly).toContainText('€ 305,00');
  await expect(partly).toContainText('gestructureerde mededeling +++202/6010/20009+++ van deze factuur (deelbetaling: € 300,00 van € 605,00)');
  await expect(page.locator('[data-invoices] tr[data-invoice="F2026-0103"]')).toContainText('creditnota C2026-0007 verwijst naar deze factuur');
  await expect(page.locator('[data-files]')).toContainText('kapot.xml – niet gelezen');
  await expect(page.locator('[data-files]')).toContainText('Fout: ongeldige XML op regel 4');
  await expect(page.locator('[data-payments] tbody tr')).toHaveCount(3);

  // The reading ran in a worker script of this site; nothing was posted anywhere.
  expect(requests.some((r) => /reconcile-worker.*\.js$/.test(r.url()))).toBe(true);
  expect(requests.filter((r) => r.method() !== 'GET').map((r) => `${r.method()} ${r.url()}`)).toEqual([]);

  const axe = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)).toEqual([]);
});

test('undo a doubtful match and match the payment by hand, with the keyboard', async ({ page }) => {
  await loadAll(page, [...INVOICES, ...STATEMENTS]);
  await page.locator('#rc-filter').selectOption('alle');
  const maes = page.locator('[data-invoices] tr[data-invoice="F2026-0105"]');
  await expect(maes).toContainText('bedrag € 847,00 en naam "TUINAANLEG MAES"');
  await expect(maes).toContainText('na te kijken');

  await maes.getByRole('button', { name: 'Ongedaan maken' }).focus();
  await page.keyboard.press('Enter');
  await expect(maes).toHaveAttribute('data-state', 'open');
  // Focus stays on the invoice that changed.
  await expect(page.locator('[data-invoices] tr[data-invoice="F2026-0105"] th')).toBeFocused();

  const row = page.getByRole('row', { name: /^15-11-2026 TUINAANLEG MAES/ });
  await row.getByLabel('Koppel aan factuur').selectOption({ label: 'F2026-0105 – Tuinaanleg Maes – € 847,00' });
  await row.getByRole('button', { name: 'Koppel', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(maes).toHaveAttribute('data-state', 'betaald');
  await expect(maes).toContainText('door u gekoppeld');
});

test('the lists download as CSV and the open invoices go to bulk mode', async ({ page }) => {
  await loadAll(page, [...INVOICES, ...STATEMENTS]);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download de openstaande posten (CSV)' }).click()]);
  const csv = (await readFile(await download.path())).toString('utf8').replace(/^\ufeff/, '');
  const rows = Papa.parse<string[]>(csv, { delimiter: ';', skipEmptyLines: true }).data;
  expect(rows.slice(1).map((r) => [r[0], r[9], r[10]])).toEqual([
    ['F2026-0102', '305,00', 'deels betaald'],
    ['F2026-0103', '2178,00', 'deels betaald'],
    ['F2026-0108', '99,00', 'open'],
  ]);

  // The original PDFs of the open invoices, per customer; read back with pdftotext.
  const [zipDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: "Download de originele PDF's van de open facturen (zip)" }).click()]);
  const zip = await JSZip.loadAsync(await readFile(await zipDownload.path()));
  expect(Object.keys(zip.files).filter((n) => !n.endsWith('/')).sort()).toEqual(['Drukkerij Claes NV/F2026-0103.pdf', 'Schrijnwerkerij Peeters BV/F2026-0102.pdf']);
  const tmp = await mkdtemp(join(tmpdir(), 'rc-e2e-'));
  await writeFile(join(tmp, 'f.pdf'), await zip.file('Schrijnwerkerij Peeters BV/F2026-0102.pdf')!.async('uint8array'));
  expect(execFileSync('pdftotext', [join(tmp, 'f.pdf'), '-'], { encoding: 'utf8' })).toContain('Factuur F2026-0102');
  await expect(page.locator('[data-status]')).toContainText("2 PDF's; 1 open factuur had geen PDF");

  await page.getByRole('button', { name: 'Maak herinneringen voor 3 open facturen' }).click();
  await expect(page).toHaveURL(/\/meerdere-facturen\/\?van=afletteren$/);
  await expect(page.locator('[data-fact="name"]')).toHaveText('openstaande-facturen-na-afletteren.csv');
  await expect(page.locator('[data-status]')).toContainText('3 facturen van 3 klanten');
  // Each customer's group from its payment behaviour picks its playbook: these paid late, so the bad payers' one.
  await expect(page.locator('tr[data-key]').filter({ hasText: 'Drukkerij Claes NV' })).toContainText('Draaiboek Slechte betalers voor deze klant (uit het bestand)');
  await expect(page.getByRole('combobox', { name: 'Stap voor Drukkerij Claes NV' }).locator('option')).toContainText([/^Automatisch: /, /D-5/]);
  // The original PDFs went along in this browser's IndexedDB, with what identifies each invoice.
  const stored = await page.evaluate(
    () =>
      new Promise<[string, string, number, number, string][]>((resolve, reject) => {
        const open = indexedDB.open('tijdig-afletteren');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('bijlagen').objectStore('bijlagen').get('open-facturen');
          get.onsuccess = () => {
            const pdfs = (get.result as { pdfs: Map<string, { naam: string; bytes: Uint8Array; openstaand: number; klant: string }> }).pdfs;
            resolve([...pdfs].map(([nummer, p]) => [nummer, p.naam, p.openstaand, p.bytes.length, String.fromCharCode(...p.bytes.slice(0, 5))]));
          };
        };
      }),
  );
  expect(stored.map(([nummer, naam, openstaand, , head]) => [nummer, naam, openstaand, head]).sort()).toEqual([
    ['F2026-0102', 'F2026-0102.pdf', 30500, '%PDF-'],
    ['F2026-0103', 'F2026-0103.pdf', 217800, '%PDF-'],
  ]);
  // The pack made from the hand-over carries each invoice's original PDF: attached to its e-mail, or
  // beside its letter; read back from the zip with mailparser and pdftotext.
  await page.getByRole('button', { name: 'Vul een voorbeeld in' }).click();
  const [packDownload] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('button', { name: 'Maak het pakket' }).click()]);
  const pack = await JSZip.loadAsync(await readFile((await packDownload.path())!));
  const names = Object.keys(pack.files).filter((n) => !pack.files[n]!.dir);
  const originals: string[] = [];
  for (const name of names.filter((n) => n.endsWith('.eml'))) {
    const mail = await simpleParser(Buffer.from(await pack.file(name)!.async('uint8array')));
    for (const a of mail.attachments) if (a.contentType === 'application/pdf') originals.push(`${a.filename} ${a.content.subarray(0, 5).toString('latin1')}`);
  }
  for (const name of names.filter((n) => /f2026-01\d\d\.pdf$/i.test(n))) originals.push(`${name.split('/').pop()} ${(await pack.file(name)!.async('string')).slice(0, 5)}`);
  // Which invoice each original is, by its number in the file name (an e-mail attachment or a file beside a letter).
  expect(originals.map((o) => o.replace(/^.*(f2026-01\d\d)\.pdf/i, (_, n: string) => n.toUpperCase())).sort()).toEqual(['F2026-0102 %PDF-', 'F2026-0103 %PDF-']);

  // Read once: a reload does not bring the hand-over back.
  await page.reload();
  await expect(page.locator('[data-file-info]')).toBeHidden();
});

test('the ageing overview and the behaviour per customer, with a choice that can be overridden', async ({ page }) => {
  await loadAll(page, [...INVOICES, ...STATEMENTS]);
  const ageingTable = page.locator('[data-ageing] table');
  await expect(ageingTable.locator('tbody tr')).toHaveCount(3);
  await expect(ageingTable.locator('tfoot')).toContainText('€ 2.582,00');
  await expect(page.locator('[data-ageing] svg title')).toContainText('Openstaand bedrag per ouderdom');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download de ouderdomsanalyse (CSV)' }).click()]);
  const rows = Papa.parse<string[]>((await readFile(await download.path())).toString('utf8').replace(/^\ufeff/, ''), { delimiter: ';', skipEmptyLines: true }).data;
  expect(rows.at(-1)?.[0]).toBe('Totaal');
  expect(rows.at(-1)?.at(-1)).toBe('2582,00');

  const claes = page.locator('[data-behaviour] tr[data-customer="Drukkerij Claes NV"]');
  await expect(claes).toContainText('1 / 2');
  await claes.getByLabel('Groep voor Drukkerij Claes NV').selectOption('wanbetaler');
  await expect(page.locator('[data-status]')).toContainText('Groep voor Drukkerij Claes NV gekozen');
  const axe = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)).toEqual([]);
});
