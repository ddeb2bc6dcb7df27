/** Every page of the sitemap loads cleanly and carries its meta tags and a strict CSP. */
import { expect, sitemapPaths, test } from './fixtures.ts';

test('the sitemap lists every page type', async ({ request }) => {
  const paths = await sitemapPaths(request);
  for (const expected of ['/', '/gidsen/', '/gidsen/segmentatie/', '/draaiboeken/', '/sjablonen/', '/downloaden/', '/over/']) {
    expect(paths).toContain(expected);
  }
  expect(paths.filter((p) => p.startsWith('/draaiboeken/') && p !== '/draaiboeken/').length).toBeGreaterThanOrEqual(3);
  expect(paths.filter((p) => p.startsWith('/sjablonen/') && p !== '/sjablonen/').length).toBeGreaterThanOrEqual(3);
  const robots = await (await request.get('/robots.txt')).text();
  expect(robots).toContain('/sitemap.xml');
});

test('every page loads without console errors, failed or third-party requests', async ({ page, request, watch }) => {
  test.setTimeout(120_000);
  const paths = await sitemapPaths(request);
  for (const path of paths) {
    const response = await page.goto(path, { waitUntil: 'load' });
    expect(response?.status(), path).toBe(200);

    await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
    expect((await page.title()).length, `${path} title`).toBeGreaterThan(5);
    const meta = (selector: string) => page.locator(selector).first().getAttribute('content');
    expect((await meta('meta[name="description"]'))?.length ?? 0, `${path} description`).toBeGreaterThan(40);
    expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toBe(new URL(path, 'https://tijdig.example').href);
    for (const property of ['og:title', 'og:description', 'og:url', 'og:type']) expect(await meta(`meta[property="${property}"]`), `${path} ${property}`).toMatch(/\S/);
    for (const name of ['twitter:card', 'twitter:title']) expect(await meta(`meta[name="${name}"]`), `${path} ${name}`).toMatch(/\S/);
    await expect(page.locator('h1')).toHaveCount(1);

    const csp = (await meta('meta[http-equiv="Content-Security-Policy"]')) ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp.match(/script-src[^;]*/)?.[0]).toBe("script-src 'self'");
    expect(csp).not.toMatch(/https?:\/\//);
    // Every executable script is a same-origin file: no inline script.
    const inline = await page.locator('script:not([src]):not([type="application/json"])').count();
    expect(inline, `${path} inline scripts`).toBe(0);
    // A link never runs into the word before or after it ("eerst opAfletteren"): the template
    // engine drops a line break between text and a tag unless a space is written out.
    const glued = await page.locator('main a').evaluateAll((links) =>
      links.flatMap((a) => {
        const before = a.previousSibling?.nodeType === Node.TEXT_NODE ? (a.previousSibling.textContent ?? '') : '';
        const after = a.nextSibling?.nodeType === Node.TEXT_NODE ? (a.nextSibling.textContent ?? '') : '';
        const text = a.textContent ?? '';
        return (/\p{L}$/u.test(before) && /^\p{L}/u.test(text)) || (/\p{L}$/u.test(text) && /^\p{L}/u.test(after)) ? [`${before.slice(-20)}[${text}]${after.slice(0, 20)}`] : [];
      }),
    );
    expect(glued, `${path} links glued to a word`).toEqual([]);
  }
  expect(watch.requests.every((url) => /^(data|blob|about):/.test(url) || new URL(url).hostname === '127.0.0.1')).toBe(true);
});

test('unknown pages get the 404 page', async ({ page, watch }) => {
  watch.allow(/HTTP 404: .*\/bestaat-niet/);
  watch.allow(/Failed to load resource: the server responded with a status of 404/);
  const response = await page.goto('/bestaat-niet/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pagina niet gevonden');
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
});

test('pages read well without JavaScript', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL: baseURL! });
  const page = await context.newPage();
  await page.goto('/gidsen/segmentatie/');
  await expect(page.getByRole('table').last()).toBeVisible();
  await page.goto('/sjablonen/');
  expect(await page.locator('[data-template-item]').count()).toBeGreaterThan(3);
  const first = await page.locator('[data-template-item] a').first().getAttribute('href');
  await page.goto(first!);
  // The blank preview is there, the (useless without JS) form is not.
  await expect(page.locator('[data-out="print"]')).toContainText('[');
  await expect(page.locator('form[data-fill-form]')).toBeHidden();
  await context.close();
});

test('the downloads page renders without the zips and links the pack names', async ({ page, request }) => {
  await page.goto('/downloaden/');
  const hrefs = [...new Set(await page.locator('a[href^="/downloads/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? '')))];
  expect(hrefs).toContain('/downloads/tijdig-alles.zip');
  for (const format of ['html', 'txt', 'eml', 'docx', 'pdf']) expect(hrefs).toContain(`/downloads/tijdig-formaat-${format}.zip`);
  expect(hrefs.some((h) => /^\/downloads\/tijdig-(vip|standaard|wanbetaler)\.zip$/.test(h))).toBe(true);
  // Right after the full pack, one zip per country and kind of customer (a Flemish kmo needs only its own).
  expect(hrefs.slice(1, 5)).toEqual(['be-onderneming', 'be-consument', 'nl-onderneming', 'nl-consument'].map((c) => `/downloads/tijdig-${c}.zip`));
  await expect(page.getByRole('heading', { name: 'Alleen België, zakelijke klanten' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Alleen Nederland, consumenten' })).toBeVisible();
  // After the pack builder ran (npm run build), every linked zip exists and every zip is linked.
  const manifest = await request.get('/downloads/manifest.json');
  if (manifest.ok()) {
    const built = ((await manifest.json()) as { zips: { name: string }[] }).zips.map((z) => `/downloads/${z.name}`);
    expect(hrefs.sort()).toEqual(built.sort());
  }
});

test('the template index filters by segment, kind and tone', async ({ page }) => {
  await page.goto('/sjablonen/');
  const items = page.locator('[data-template-item]');
  const visible = page.locator('[data-template-item]:visible');
  const total = await items.count();
  await page.getByLabel('Klant', { exact: true }).selectOption('vip');
  const vip = await visible.count();
  expect(vip).toBeGreaterThan(0);
  expect(vip).toBeLessThan(total);
  for (const segment of await visible.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset['segment']))) expect(segment).toBe('vip');
  await page.getByLabel('Soort', { exact: true }).selectOption('belscript');
  for (const kind of await visible.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset['soort']))) expect(kind).toContain('belscript');
  await page.getByRole('button', { name: 'Alles tonen' }).click();
  await expect(visible).toHaveCount(total);
  await page.getByLabel('Toon', { exact: true }).selectOption('formeel');
  for (const tone of await visible.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset['toon']))) expect(tone).toBe('formeel');
});

test('the template filter: distinct labels, and an empty result offers a way back', async ({ page }) => {
  await page.goto('/sjablonen/');
  for (const name of ['Klant', 'Soort', 'Toon']) {
    const labels = await page.getByLabel(name, { exact: true }).locator('option').allTextContents();
    expect(new Set(labels).size, `${name}: ${labels.join(' | ')}`).toBe(labels.length);
  }
  // The first combination of choices that no template has.
  const items = await page.locator('[data-template-item]').evaluateAll((els) => els.map((e) => ({ ...(e as HTMLElement).dataset })));
  const values = async (name: string) => (await page.getByLabel(name, { exact: true }).locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).filter(Boolean);
  let empty: [string, string, string] | undefined;
  for (const segment of await values('Klant')) {
    for (const soort of await values('Soort')) {
      for (const toon of await values('Toon')) {
        const hit = items.some((i) => (i['segment'] ?? '').split(' ').includes(segment) && (i['soort'] ?? '').split(' ').includes(soort) && (i['toon'] ?? '').split(' ').includes(toon));
        if (!hit && !empty) empty = [segment, soort, toon];
      }
    }
  }
  if (!empty) throw new Error('every combination has a template: this test needs an empty one');
  await page.getByLabel('Klant', { exact: true }).selectOption(empty[0]);
  await page.getByLabel('Soort', { exact: true }).selectOption(empty[1]);
  await page.getByLabel('Toon', { exact: true }).selectOption(empty[2]);
  await expect(page.locator('[data-template-item]:visible')).toHaveCount(0);
  await expect(page.getByText('Geen enkel sjabloon past bij deze keuze.')).toBeVisible();
  await page.getByRole('button', { name: 'Toon alle sjablonen' }).click();
  await expect(page.locator('[data-template-item]:visible')).toHaveCount(items.length);
  await expect(page.getByLabel('Klant', { exact: true })).toBeFocused();
  await expect(page.getByText('Geen enkel sjabloon past bij deze keuze.')).toBeHidden();
});

test('a one-step playbook says "1 stap"', async ({ page }) => {
  await page.goto('/tijdlijn/');
  const options = await page.locator('select option').allTextContents();
  expect(options.filter((o) => /\(1 stappen\)/.test(o))).toEqual([]);
  // The pre-due playbook has one step: the singular must show up somewhere.
  expect(options.filter((o) => /\(1 stap\)/.test(o)).length).toBeGreaterThan(0);
  await page.goto('/draaiboeken/');
  await expect(page.locator('main')).not.toContainText(/\b1 stappen\b/);
});

test('a playbook page shows its timeline with offsets, channels and template links', async ({ page, request }) => {
  const playbook = (await sitemapPaths(request)).find((p) => /^\/draaiboeken\/[^/]+\/$/.test(p))!;
  await page.goto(playbook);
  const steps = page.locator('.timeline__step');
  expect(await steps.count()).toBeGreaterThan(2);
  const offsets = await page.locator('.timeline__offset').allTextContents();
  for (const o of offsets) expect(o).toMatch(/^D[+-]\d+$/);
  const link = steps.first().locator('a[href^="/sjablonen/"]');
  await link.click();
  await expect(page).toHaveURL(/\/sjablonen\/[^/]+\/$/);
});
