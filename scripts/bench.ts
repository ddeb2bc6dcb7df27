// `npm run bench`: speed and size figures from one run on this machine, with ratios against the
// usual alternatives (Chromium page.pdf on one reused page, LibreOffice docx->pdf in batch).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { benchReconcile, printReconcile } from './bench-reconcile.ts';
import { sampleFillData } from '../src/content/schema.ts';
import { fill } from '../src/model/fill.ts';
import { buildPack, loadFonts } from '../src/pack/build.ts';
import { readContent } from '../src/pack/read-content.ts';
import { renderDocx } from '../src/render/docx/index.ts';
import { compileEmail } from '../src/render/html/compile.ts';
import { fillEmail } from '../src/render/html/fill.ts';
import { renderPdf } from '../src/render/pdf/index.ts';
import { renderText } from '../src/render/text/index.ts';
import { benchBrowser, benchCli, printBrowser, printCli } from './bench-bulk.ts';
import { benchBrowserPdf, printBrowserPdf } from './bench-browser-pdf.ts';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 200);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
/** The last timeEach's samples, for percentiles beside the median. */
let lastTimes: number[] = [];
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) * p)]!;

async function timeEach(runs: number, fn: (i: number) => unknown): Promise<number> {
  for (let i = 0; i < Math.min(20, runs); i++) await fn(i); // warm-up: JIT, caches, fonts
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn(i);
    times.push(performance.now() - start);
  }
  lastTimes = times;
  return median(times);
}

const loaded = readContent(process.cwd());
if (!loaded.ok) throw new Error('content is invalid: run npm run check:content');
const { templates } = loaded.content;
const letter = templates.find((t) => t.kind === 'brief' && t.registered) ?? templates.find((t) => t.kind === 'brief')!;
const email = templates.find((t) => t.kind === 'email')!;
const data = sampleFillData();
const fonts = loadFonts();
const filledLetter = fill(letter, data);
const compiled = await compileEmail(email);
const compiledLetterHtml = fillEmail(await compileEmail(letter), data).html;

const rows: [string, number][] = [];
rows.push(['html email (fill compiled template)', await timeEach(RUNS, () => fillEmail(compiled, data))]);
rows.push(['plain text', await timeEach(RUNS, () => renderText(fill(email, data)))]);
// DOCX: each timed letter has its own customer and invoice number, as in bulk mode. docx lays out the
// first letter of each shape (template, rows, line breaks, links); the others reuse that layout.
const docxLetters = Array.from({ length: 64 }, (_, i) => fill(letter, { ...data, klant: { ...data.klant, naam: `${data.klant?.naam ?? 'Klant'} ${i}` }, factuur: { ...data.factuur, nummer: `2026-${1000 + i}` } }));
const docxMs = await timeEach(Math.min(RUNS, 200), (i) => renderDocx(docxLetters[i % docxLetters.length]!));
const docxP10 = percentile(lastTimes, 0.1);
rows.push(['docx letter', docxMs]);
// A new id is a new shape: every call here is a first letter, laid out and packed by docx.
const docxFirstMs = await timeEach(Math.min(RUNS, 60), (i) => renderDocx({ ...filledLetter, id: `${filledLetter.id}-${i}` }));
rows.push(['docx letter, first of its shape', docxFirstMs]);
const pdfMs = await timeEach(RUNS, () => renderPdf(filledLetter, { fonts }));
// The 10th percentile tracks the code's own cost even on a busy machine (budgets.json uses it).
const pdfP10 = percentile(lastTimes, 0.1);
rows.push(['pdf letter (own renderer and writer)', pdfMs]);

// Chromium: one page reused, body swapped, page.pdf() — the fastest Chromium path measured here.
const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
const page = await browser.newPage();
await page.setContent(compiledLetterHtml);
const chromiumMs = await timeEach(Math.min(RUNS, 60), async (i) => {
  await page.evaluate((n) => document.body.setAttribute('data-run', String(n)), i);
  await page.pdf({ format: 'A4' });
});
// The same PDF renderer in Chromium: the built site's module (needs dist/), the same letter and fonts.
const FIXED_DATE = '2026-01-01T00:00:00.000Z';
const browserPdf = await benchBrowserPdf(browser, filledLetter, FIXED_DATE, await renderPdf(filledLetter, { fonts, fixedDate: FIXED_DATE }), RUNS);
await browser.close();
rows.push(['pdf via Chromium page.pdf() (reused page)', chromiumMs]);

// LibreOffice: 40 letters converted in one soffice process.
const dir = mkdtempSync(join(tmpdir(), 'tijdig-bench-'));
const docx = await renderDocx(filledLetter);
const count = 40;
for (let i = 0; i < count; i++) writeFileSync(join(dir, `brief-${i}.docx`), docx);
const loStart = performance.now();
execFileSync('soffice', ['-env:UserInstallation=file:///tmp/tijdig-bench-lo', '--headless', '--convert-to', 'pdf', '--outdir', join(dir, 'pdf'), ...Array.from({ length: count }, (_, i) => join(dir, `brief-${i}.docx`))], { stdio: 'ignore' });
const loMs = (performance.now() - loStart) / count;
rows.push(['pdf via LibreOffice docx->pdf (batch of 40)', loMs]);

const packStart = performance.now();
const pack = await buildPack({ root: process.cwd(), outDir: join(dir, 'dist'), date: new Date('2026-01-01T00:00:00Z') });
const packSeconds = (performance.now() - packStart) / 1000;

console.log(`\nTijdig bench — median ms per document (${RUNS} runs, Node ${process.version})\n`);
for (const [name, ms] of rows) console.log(`  ${name.padEnd(46)} ${ms.toFixed(2).padStart(8)} ms`);
console.log(`\n  ratio Chromium / ours        ${(chromiumMs / pdfMs).toFixed(1)}x   (target >= 10x)`);
console.log(`  ratio LibreOffice / ours     ${(loMs / pdfMs).toFixed(1)}x`);
console.log(`  pdf letter                   ${pdfMs.toFixed(2)} ms (target <= 1.5 ms, issue 17); 10th percentile ${pdfP10.toFixed(2)} ms`);
printBrowserPdf(browserPdf, pdfMs);
console.log(`  docx letter                  ${docxMs.toFixed(2)} ms (target <= 3 ms, issue 17); 10th percentile ${docxP10.toFixed(2)} ms; first of its shape ${docxFirstMs.toFixed(2)} ms`);
const zipBytes = pack.zips.find((z) => z.name === 'tijdig-alles.zip')?.bytes ?? 0;
console.log(`  whole pack                   ${packSeconds.toFixed(1)} s for ${pack.files.length} files, ${pack.zips.length} zips (target < 10 s); tijdig-alles.zip ${(zipBytes / 1024).toFixed(0)} KiB\n`);

// Bulk mode: the command line on 10,000 and 100,000 invoices (time, peak memory), and the page in
// Chromium (needs dist/: skipped with a note when the site is not built). BENCH_BULK=0 leaves both out.
const bulkCli = process.env['BENCH_BULK'] === '0' ? null : await benchCli();
if (bulkCli) printCli(bulkCli);
let bulkBrowser: Awaited<ReturnType<typeof benchBrowser>> | null = null;
if (process.env['BENCH_BULK'] !== '0') {
  if (existsSync(new URL('../dist/meerdere-facturen/index.html', import.meta.url))) {
    bulkBrowser = await benchBrowser();
    printBrowser(bulkBrowser);
  } else console.log('  bulk page in Chromium: skipped, dist/ is not built (npm run build)');
}
console.log('');

// Reconcile (issue 15): 10,000 generated UBL invoices + 50,000 statement entries, read and matched
// as the page's worker does. BENCH_RECONCILE=0 leaves it out.
const reconcileBench = process.env['BENCH_RECONCILE'] === '0' ? null : benchReconcile();
if (reconcileBench) printReconcile(reconcileBench);

// The same figures as JSON, for scripts/budgets.ts and CI logs; reports/ is git-ignored.
const reports = new URL('../reports/', import.meta.url);
mkdirSync(reports, { recursive: true });
const figures = {
  date: new Date().toISOString(),
  node: process.version,
  runs: RUNS,
  msPerDocument: Object.fromEntries(rows),
  pdfLetterMs: pdfMs,
  pdfLetterMsP10: pdfP10,
  pdfLetter: letter.id,
  docxLetterMs: docxMs,
  docxLetterMsP10: docxP10,
  docxFirstOfShapeMs: docxFirstMs,
  ratioChromium: chromiumMs / pdfMs,
  ratioLibreOffice: loMs / pdfMs,
  browserPdfLetterMs: browserPdf?.ms ?? null,
  ratioBrowserPdfToNode: browserPdf ? browserPdf.ms / pdfMs : null,
  packSeconds,
  packFiles: pack.files.length,
  packZips: pack.zips.length,
  packZipBytes: zipBytes,
  reconcile: reconcileBench,
  bulkCli,
  bulkBrowser,
};
writeFileSync(new URL('bench.json', reports), `${JSON.stringify(figures, null, 2)}\n`);
console.log('  figures written to reports/bench.json\n');
