/** axe-core finds no WCAG 2.2 A/AA violation on any page type. */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, pick, sitemapPaths, templates, test } from './fixtures.ts';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** axe cannot run inside the sandboxed email preview (no scripts there, by design); the email HTML is checked on its own below. */
const axe = (page: Page) => new AxeBuilder({ page }).withTags(TAGS).exclude('iframe[data-out="email"]');

test('no axe violations on each page type', async ({ page, request, watch }) => {
  test.setTimeout(120_000);
  watch.allow(/HTTP 404: .*\/bestaat-niet/);
  watch.allow(/status of 404/);
  const paths = await sitemapPaths(request);
  const list = await templates(request);
  const first = (re: RegExp) => paths.find((p) => re.test(p))!;
  const pages = [
    '/',
    '/gidsen/',
    '/gidsen/segmentatie/',
    paths.find((p) => /^\/gidsen\/[^/]+\/$/.test(p) && p !== '/gidsen/segmentatie/')!,
    '/draaiboeken/',
    first(/^\/draaiboeken\/[^/]+\/$/),
    '/sjablonen/',
    pick(list, 'email', ['klant.contactpersoon']).path,
    pick(list, 'brief', ['klant.naam']).path,
    ...(list.some((t) => t.kind === 'belscript') ? [list.find((t) => t.kind === 'belscript')!.path] : []),
    '/downloaden/',
    '/over/',
    '/bestaat-niet/',
  ];
  const report: string[] = [];
  for (const path of pages) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    // Open the collapsed previews so their content is checked too.
    await page.locator('details:not([open]) > summary').evaluateAll((els) => els.forEach((s) => (s.parentElement as HTMLDetailsElement).open = true));
    const result = await axe(page).analyze();
    for (const v of result.violations) {
      report.push(`${path}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
    }
  }
  expect(report).toEqual([]);
});

test('the template form is usable once filled with an example, and errors are announced', async ({ page, request }) => {
  const email = pick(await templates(request), 'email', ['afzender.iban']);
  await page.goto(email.path);
  await page.getByRole('button', { name: 'Vul een voorbeeld in' }).click();
  await page.locator('[name="afzender.iban"]').fill('BE71 0000 0000 0000');
  await page.locator('[name="afzender.iban"]').blur();
  const result = await axe(page).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test('the email HTML itself has no axe violations', async ({ page, request }) => {
  const email = pick(await templates(request), 'email', ['klant.contactpersoon']);
  await page.goto(email.path);
  await page.getByRole('button', { name: 'Vul een voorbeeld in' }).click();
  await expect(page.frameLocator('iframe[data-out="email"]').locator('body')).not.toContainText('[klant.contactpersoon]');
  const html = (await page.locator('iframe[data-out="email"]').getAttribute('srcdoc'))!;
  const standalone = await page.context().newPage();
  await standalone.setContent(html);
  const result = await new AxeBuilder({ page: standalone }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)).toEqual([]);
  await standalone.close();
});
