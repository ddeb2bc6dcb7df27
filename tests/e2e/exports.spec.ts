/**
 * The /exports/ pages: every page loads cleanly (the fixtures fail a test on a console error, a
 * failed or third-party request), carries its meta tags and a strict CSP, explains the file, the
 * steps and what does not come along, and has no axe violation. The single Word merge letters
 * linked from the Word page and the letter template pages are real .docx files with MERGEFIELDs.
 */
import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, Page } from '@playwright/test';
import JSZip from 'jszip';
import { expect, templates, test } from './fixtures.ts';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** The target pages, as the overview links to them. */
async function targetPaths(page: Page): Promise<string[]> {
  await page.goto('/exports/');
  const hrefs = await page.locator('main .cards a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.filter((h) => /^\/exports\/[a-z0-9-]+\/$/.test(h));
}

async function expectPageBasics(page: Page, path: string): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await expect(page.locator('h1')).toHaveCount(1);
  const meta = (selector: string) => page.locator(selector).first().getAttribute('content');
  expect((await meta('meta[name="description"]'))?.length ?? 0, `${path} description`).toBeGreaterThan(40);
  expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toBe(new URL(path, 'https://tijdig.example').href);
  const csp = (await meta('meta[http-equiv="Content-Security-Policy"]')) ?? '';
  expect(csp).toContain("default-src 'none'");
  expect(csp.match(/script-src[^;]*/)?.[0]).toBe("script-src 'self'");
  expect(await page.locator('script:not([src]):not([type="application/json"])').count(), `${path} inline scripts`).toBe(0);
}

async function docxDocument(request: APIRequestContext, url: string): Promise<string> {
  const response = await request.get(url);
  expect(response.status(), url).toBe(200);
  const zip = await JSZip.loadAsync(await response.body());
  return zip.file('word/document.xml')!.async('string');
}

test('every export page loads, explains the file, the steps and what is not carried over', async ({ page, watch }) => {
  test.setTimeout(120_000);
  const paths = await targetPaths(page);
  await expectPageBasics(page, '/exports/');
  await expect(page.getByRole('link', { name: /tijdig-exports\.zip/ })).toHaveAttribute('href', '/downloads/tijdig-exports.zip');
  expect(paths).toHaveLength(13);
  for (const slug of ['agenda', 'excel', 'word-samenvoegen', 'mailprogramma', 'sms', 'whatsapp', 'amazon-ses', 'sendgrid', 'postmark', 'mailgun', 'invoice-ninja', 'odoo', 'kill-bill']) {
    expect(paths).toContain(`/exports/${slug}/`);
  }
  for (const path of paths) {
    const response = await page.goto(path, { waitUntil: 'load' });
    expect(response?.status(), path).toBe(200);
    await expectPageBasics(page, path);
    // The way back, and the nav item of this section.
    await expect(page.locator('.breadcrumbs a[href="/exports/"]')).toHaveCount(1);
    await expect(page.locator('nav[aria-label="Hoofdmenu"] a[href="/exports/"]')).toHaveAttribute('aria-current', 'page');
    // The file in the downloads, and where it is inside the zip.
    const zip = page.locator('main a.button[download]');
    await expect(zip).toHaveAttribute('href', /^\/downloads\/tijdig-[a-z-]+\.zip$/);
    expect(await page.locator('main details li code').count(), `${path}: files in the zip`).toBeGreaterThan(0);
    // Numbered steps and the list of what does not come along.
    expect(await page.locator('.export-steps > li').count(), `${path}: steps`).toBeGreaterThanOrEqual(3);
    const notCarried = page.getByRole('heading', { level: 2, name: 'Wat komt er niet mee?' });
    await expect(notCarried).toBeVisible();
    expect(await page.locator('main h2:has-text("Wat komt er niet mee?") + ul > li').count(), `${path}: not carried`).toBeGreaterThan(0);
    // No unrendered placeholders or backticks from the page data.
    expect(await page.locator('main').innerText()).not.toMatch(/`|undefined|\[object /);
  }
  expect(watch.requests.every((url) => /^(data|blob|about):/.test(url) || new URL(url).hostname === '127.0.0.1')).toBe(true);
});

test('no axe violations on the export pages', async ({ page }) => {
  test.setTimeout(120_000);
  const paths = ['/exports/', ...(await targetPaths(page))];
  const report: string[] = [];
  for (const path of paths) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    await page.locator('details:not([open]) > summary').evaluateAll((els) => els.forEach((s) => ((s.parentElement as HTMLDetailsElement).open = true)));
    const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    for (const v of result.violations) report.push(`${path}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  }
  expect(report).toEqual([]);
});

test('the Word page and the letter templates link to merge letters with real MERGEFIELDs', async ({ page, request }) => {
  await page.goto('/exports/word-samenvoegen/');
  const links = await page.locator('main table a[download]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  const letters = links.filter((h) => h.endsWith('.docx'));
  expect(letters.length).toBeGreaterThan(3);
  for (const href of letters) {
    const xml = await docxDocument(request, href);
    expect(xml, href).toContain('MERGEFIELD klant_naam');
    expect(xml, href).toContain('<w:fldChar w:fldCharType="begin"/>');
  }
  const source = await request.get(links.find((h) => h.endsWith('gegevensbron.xlsx'))!);
  expect(source.status()).toBe(200);
  const sheet = await (await JSZip.loadAsync(await source.body())).file('xl/worksheets/sheet1.xml')!.async('string');
  expect(sheet).toContain('>klant_naam<');
  expect(sheet).toContain('>+++090/9337/55493+++<');

  const letter = (await templates(request)).find((t) => t.kind === 'brief')!;
  await page.goto(letter.path);
  const own = page.locator(`main a[href="/exports/word-samenvoegen/${letter.id}.docx"]`);
  await expect(own).toHaveCount(1);
  expect(await docxDocument(request, (await own.getAttribute('href'))!)).toContain('MERGEFIELD');
});

test('the downloads page and the header link to the export pages; the exports zip lists the Word merge folder', async ({ page }) => {
  await page.goto('/downloaden/');
  await expect(page.locator('main a[href="/exports/"]').first()).toBeVisible();
  await expect(page.locator('nav[aria-label="Hoofdmenu"] a[href="/exports/"]')).toHaveText('Exports');
  const card = page.locator('main li.card', { has: page.getByRole('link', { name: 'tijdig-exports.zip' }) });
  await expect(card.locator('code', { hasText: /^exports\/word-samenvoegen\/gegevensbron\.xlsx$/ })).toHaveCount(1);
  await card.getByRole('link', { name: 'Zo laadt u de exports in' }).click();
  await expect(page).toHaveURL(/\/exports\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Exports voor andere programma’s');
});
