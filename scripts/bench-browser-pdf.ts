// The PDF letter in Chromium, for `npm run bench` beside the Node figure (issue 17): the built
// site's own PDF renderer (the dist/_astro chunk that exports renderPdf, as a template page loads
// it) run in a page on the same filled letter and the same full DejaVu fonts, median ms per letter
// after a warm-up. Files are served to the page from dist/ by Playwright, so no server is needed.
// Also runnable alone: node scripts/bench-browser-pdf.ts (needs dist/, npm run build). Figures only.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import type { FilledDocument } from '../src/model/types.ts';
import type { PdfFonts } from '../src/render/pdf/index.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const DIST = join(ROOT, 'dist');
const ORIGIN = 'http://tijdig.bench';
const TYPES: Record<string, string> = { '.js': 'text/javascript', '.ttf': 'font/ttf', '.html': 'text/html' };

export interface BrowserPdfFigure {
  /** Median and 10th percentile ms per letter in Chromium. */
  ms: number;
  p10: number;
  runs: number;
  /** The built chunk that was timed. */
  chunk: string;
  /** The letter's bytes (fixed date) are the same as Node's. */
  sameBytes: boolean;
}

/** The built module that exports renderPdf, or null when the site is not built. */
function pdfChunk(): string | null {
  const dir = join(DIST, '_astro');
  if (!existsSync(dir)) return null;
  return readdirSync(dir).find((f) => f.endsWith('.js') && /\bas renderPdf[,}]/.test(readFileSync(join(dir, f), 'utf8'))) ?? null;
}

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * The filled letter as JSON for the page. Its labels hold a few small functions (the footer's
 * "Pagina 1/2"): they go as their source and are made again in the page; the same bytes as Node's
 * letter show that nothing was lost.
 */
const filledJson = (filled: FilledDocument) => JSON.stringify(filled, (_key, value: unknown) => (typeof value === 'function' ? { tjFunction: value.toString() } : value));

/**
 * Times the built renderer in a page of `browser`. `nodePdf` is Node's letter with `fixedDate`,
 * to check that the browser makes the same bytes. Null when dist/ has no PDF renderer.
 */
export async function benchBrowserPdf(browser: Browser, filled: FilledDocument, fixedDate: string, nodePdf: Uint8Array, runs: number): Promise<BrowserPdfFigure | null> {
  const chunk = pdfChunk();
  if (!chunk) return null;
  const page = await browser.newPage();
  try {
    await page.route(`${ORIGIN}/**`, (route) => {
      const path = new URL(route.request().url()).pathname;
      const file = join(DIST, path);
      if (path === '/' || !file.startsWith(DIST) || !existsSync(file)) return route.fulfill({ body: '<!doctype html><title>bench</title>', contentType: 'text/html' });
      return route.fulfill({ body: readFileSync(file), contentType: TYPES[extname(file)] ?? 'application/octet-stream' });
    });
    await page.goto(`${ORIGIN}/`);
    const result = await page.evaluate(
      async ({ url, json, fixedDate, runs }) => {
        const filled = JSON.parse(json, (_key, value: unknown) => {
          const source = (value as { tjFunction?: string } | null)?.tjFunction;
          return typeof source === 'string' ? ((0, eval)(`(${source})`) as unknown) : value;
        }) as unknown;
        const { renderPdf } = (await import(url)) as { renderPdf: (doc: unknown, options: { fonts: PdfFonts; fixedDate?: string }) => Promise<Uint8Array> };
        const get = async (name: string) => new Uint8Array(await (await fetch(`/fonts/${name}`)).arrayBuffer());
        const fonts = { regular: await get('DejaVuSans.ttf'), bold: await get('DejaVuSans-Bold.ttf') };
        const fixed = await renderPdf(filled, { fonts, fixedDate });
        for (let i = 0; i < Math.min(20, runs); i++) await renderPdf(filled, { fonts }); // warm-up: JIT, font faces
        const times: number[] = [];
        for (let i = 0; i < runs; i++) {
          const start = performance.now();
          await renderPdf(filled, { fonts });
          times.push(performance.now() - start);
        }
        return { times, fixed: Array.from(fixed) };
      },
      { url: `/_astro/${chunk}`, json: filledJson(filled), fixedDate, runs },
    );
    const sorted = [...result.times].sort((a, b) => a - b);
    return {
      ms: sorted[Math.floor(sorted.length / 2)]!,
      p10: sorted[Math.floor((sorted.length - 1) * 0.1)]!,
      runs,
      chunk,
      sameBytes: sha(Uint8Array.from(result.fixed)) === sha(nodePdf),
    };
  } finally {
    await page.close();
  }
}

export function printBrowserPdf(figure: BrowserPdfFigure | null, nodeMs: number): void {
  if (!figure) {
    console.log('  pdf letter in Chromium: skipped, dist/ is not built (npm run build)');
    return;
  }
  console.log(
    `  pdf letter in Chromium      ${figure.ms.toFixed(2)} ms median (10th percentile ${figure.p10.toFixed(2)} ms, ${figure.runs} runs; the built ${figure.chunk}), ` +
      `${(figure.ms / nodeMs).toFixed(1)}x Node's ${nodeMs.toFixed(2)} ms; ${figure.sameBytes ? 'same bytes as Node' : 'BYTES DIFFER from Node'}`,
  );
}

if (import.meta.main) {
  const { sampleFillData } = await import('../src/content/schema.ts');
  const { fill } = await import('../src/model/fill.ts');
  const { loadFonts } = await import('../src/pack/build.ts');
  const { readContent } = await import('../src/pack/read-content.ts');
  const { renderPdf } = await import('../src/render/pdf/index.ts');
  const loaded = readContent(ROOT);
  if (!loaded.ok) throw new Error('content is invalid: run npm run check:content');
  const { templates } = loaded.content;
  const letter = templates.find((t) => t.kind === 'brief' && t.registered) ?? templates.find((t) => t.kind === 'brief')!;
  const filled = fill(letter, sampleFillData());
  const fonts: PdfFonts = loadFonts();
  const runs = Number(process.env['BENCH_RUNS'] ?? 200);
  const fixedDate = '2026-01-01T00:00:00.000Z';
  const nodePdf = await renderPdf(filled, { fonts, fixedDate });
  for (let i = 0; i < 20; i++) await renderPdf(filled, { fonts });
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await renderPdf(filled, { fonts });
    times.push(performance.now() - start);
  }
  const nodeMs = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
  const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'] });
  try {
    console.log(`  pdf letter in Node          ${nodeMs.toFixed(2)} ms median (${runs} runs, ${letter.id})`);
    printBrowserPdf(await benchBrowserPdf(browser, filled, fixedDate, nodePdf, runs), nodeMs);
  } finally {
    await browser.close();
  }
}
