/**
 * The site under the HTTP headers it ships (dist/_headers, from public/_headers): a small static
 * server in this file serves dist/ with exactly those headers, the way Netlify or Cloudflare Pages
 * would, and every page of the sitemap must still load without a CSP violation, with its scripts
 * (and the bulk page's worker) running. A page on another origin may not frame the site.
 */
import { readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { headersForPath } from '../../src/site/lib/http-headers.ts';
import { expect, test } from './fixtures.ts';

const PORT = Number(process.env['E2E_HEADERS_PORT'] ?? 4398);
const DIST = join(import.meta.dirname, '..', '..', 'dist');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.zip': 'application/zip',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.pdf': 'application/pdf',
  '.webmanifest': 'application/manifest+json',
};

function fileFor(urlPath: string): string | null {
  const clean = normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, '');
  for (const candidate of [clean, join(clean, 'index.html'), `${clean}.html`]) {
    const full = join(DIST, candidate);
    if (!full.startsWith(DIST)) return null;
    try {
      if (statSync(full).isFile()) return full;
    } catch {
      // try the next form
    }
  }
  return null;
}

let server: Server;
let rules: string;

test.use({ baseURL: `http://127.0.0.1:${PORT}` });

test.beforeAll(async () => {
  // The file must ship inside dist/: that is what the host reads.
  rules = readFileSync(join(DIST, '_headers'), 'utf8');
  server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    const file = fileFor(path);
    const status = file ? 200 : 404;
    const body = readFileSync(file ?? join(DIST, '404.html'));
    response.writeHead(status, { ...headersForPath(rules, path), 'Content-Type': TYPES[extname(file ?? '.html')] ?? 'application/octet-stream' });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(PORT, '127.0.0.1', resolve));
});

test.afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

test('every sitemap page works under the shipped headers: no CSP violation, scripts run', async ({ page, watch }) => {
  test.setTimeout(180_000);
  const sitemap = readFileSync(join(DIST, 'sitemap.xml'), 'utf8');
  const paths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  expect(paths.length).toBeGreaterThan(20);
  for (const path of paths) {
    const response = await page.goto(path, { waitUntil: 'load' });
    expect(response?.status(), path).toBe(200);
    const headers = response!.headers();
    expect(headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['cache-control'], path).toBeUndefined();
    // Every module script of the page loaded and ran (a blocked one would leave no trace here but a CSP issue).
    await page.waitForLoadState('networkidle');
  }
  expect(watch.problems).toEqual([]);
});

test('the islands run under the headers: filter, calculator, template preview, bulk worker, timeline', async ({ page }) => {
  await page.goto('/sjablonen/');
  await expect(page.getByLabel('Klant', { exact: true })).toBeVisible();
  await page.goto('/gidsen/segmentatie/');
  await expect(page.locator('[data-calculator] [data-result]')).toContainText('Vul minstens één indicator in');
  const sjabloon = await page.goto('/sjablonen/').then(() => page.locator('[data-template-item] a').first().getAttribute('href'));
  await page.goto(sjabloon!);
  await expect(page.locator('[data-out="text"]')).not.toBeEmpty();
  await page.goto('/tijdlijn/');
  await expect(page.locator('[data-schedule]')).not.toBeEmpty();
  await page.goto('/meerdere-facturen/');
  await page.getByRole('button', { name: 'Probeer het met een voorbeeld' }).click();
  await expect(page.locator('[data-row-summary]')).toContainText('gelezen');
});

test('hashed assets are cached a year, other files are not', async ({ request }) => {
  const html = await (await request.get('/')).text();
  const asset = /(?:src|href)="(\/_astro\/[^"]+)"/.exec(html)?.[1];
  expect(asset, 'a hashed asset on the home page').toMatch(/^\/_astro\/.+/);
  expect((await request.get(asset!)).headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  expect((await request.get('/sitemap.xml')).headers()['cache-control']).toBeUndefined();
});

test('another site cannot frame a page', async ({ page, watch }) => {
  // The browser reports the refusal as a CSP issue and a failed frame load: those are the point.
  watch.allow(/frame-ancestors/);
  watch.allow(/request failed: http:\/\/127\.0\.0\.1:\d+\/sjablonen\//);
  // An opaque page with no policy of its own frames ours: only our frame-ancestors can refuse.
  await page.setContent(`<iframe id="f" src="http://127.0.0.1:${PORT}/sjablonen/"></iframe>`);
  await expect.poll(() => page.frames().map((f) => f.url())).toContain('chrome-error://chromewebdata/');
  await expect(page.frameLocator('#f').getByRole('heading', { level: 1 })).toHaveCount(0);
});
