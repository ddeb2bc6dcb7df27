/**
 * Bulk mode off the main thread: a 20,000-row export is read, checked and planned in a Web Worker
 * and the zip is made there too, so the page answers while it works, and Stop ends the run at
 * once. Long tasks on the main thread (PerformanceObserver 'longtask') are reported as a figure,
 * never asserted: timing belongs in the bench (scripts/bench-bulk.ts).
 */
import { writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { invoiceLines } from '../../scripts/bulk-data.ts';
import { expect, test } from './fixtures.ts';

const PAGE = '/meerdere-facturen/';
const TODAY = '2026-06-15';

/** Long tasks of the page's main thread since the page opened, in ms. */
async function longTasks(page: Page): Promise<number[]> {
  return page.evaluate(() => (window as unknown as { tjLongTasks: number[] }).tjLongTasks.slice());
}

test('20,000 rows: read in a worker, the page answers during the run, and Stop ends it', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await page.addInitScript(() => {
    const seen: number[] = [];
    (window as unknown as { tjLongTasks: number[] }).tjLongTasks = seen;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) seen.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(PAGE);
  await expect(page.locator('[data-needs-js]')).toBeVisible();
  // A file on disk, as a user picks it: a buffer would be decoded from base64 by Playwright in the
  // page's own JavaScript, a long task no user ever has.
  const file = testInfo.outputPath('twintigduizend.csv');
  await writeFile(file, `${[...invoiceLines(20_000, TODAY)].join('\r\n')}\r\n`);
  const beforeLoad = (await longTasks(page)).length;

  await page.locator('#bk-file').setInputFiles(file);
  await expect(page.locator('[data-status]')).toContainText('twintigduizend.csv is gelezen', { timeout: 60_000 });
  await expect(page.locator('[data-row-summary]')).toContainText('20.000 rijen gelezen');
  await expect(page.locator('[data-row-summary]')).toContainText('Samen 5.000 klanten');
  expect(page.workers().map((w) => w.url()).some((u) => /bulk-worker/.test(u)), 'the bulk worker runs').toBe(true);
  const analysis = (await longTasks(page)).slice(beforeLoad);

  await page.getByRole('button', { name: 'Vul een voorbeeld in' }).click();
  const run = page.getByRole('button', { name: 'Maak het pakket' });
  const stop = page.getByRole('button', { name: 'Stop' });
  const bar = page.getByRole('progressbar');
  const beforeRun = (await longTasks(page)).length;
  await run.click();
  await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 90_000 }).toBeGreaterThan(0);
  const first = Number(await bar.getAttribute('aria-valuenow'));
  // The page answers during the run: a filter redraws the row table, and progress keeps moving.
  await expect(page.locator('[data-rows]')).toContainText('20.000 rijen');
  await page.locator('#bk-row-filter').selectOption('overgeslagen');
  await expect(page.locator('[data-rows]')).toContainText(/rijen van de 20\.000|Geen rijen om te tonen/);
  await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 60_000 }).toBeGreaterThan(first);
  const during = (await longTasks(page)).slice(beforeRun);

  await stop.click();
  await expect(page.locator('[data-run-status]')).toHaveText('Gestopt. Er is geen zip gemaakt.');
  await expect(page.locator('[data-progress]')).toBeHidden();
  await expect(run).toBeEnabled();
  // Stop ended the worker: no progress arrives afterwards and no download starts.
  let downloaded = false;
  page.on('download', () => (downloaded = true));
  await page.waitForTimeout(1500);
  expect(downloaded).toBe(false);
  await expect(page.locator('[data-progress]')).toBeHidden();

  const figure = (tasks: number[]) => `${tasks.length} long tasks, longest ${Math.round(Math.max(0, ...tasks))} ms`;
  const note = `main thread with 20,000 rows: reading ${figure(analysis)}; making the zip ${figure(during)}`;
  console.log(`[bulk worker e2e] ${note}`);
  testInfo.annotations.push({ type: 'longtask', description: note });
});

test('after Stop, a new run starts in a fresh worker and the plan is still there', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(PAGE);
  await expect(page.locator('[data-needs-js]')).toBeVisible();
  const csv = `${[...invoiceLines(400, TODAY)].join('\r\n')}\r\n`;
  await page.locator('#bk-file').setInputFiles({ name: 'klein.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await expect(page.locator('[data-row-summary]')).toContainText('400 rijen gelezen');
  await page.getByRole('button', { name: 'Vul een voorbeeld in' }).click();
  const run = page.getByRole('button', { name: 'Maak het pakket' });
  await run.click();
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.locator('[data-run-status]')).toHaveText('Gestopt. Er is geen zip gemaakt.');
  // A setting changed after Stop is planned by the new worker (it gets the file again).
  await page.locator('#bk-choice').selectOption({ index: 1 });
  await expect(page.locator('[data-status]')).toContainText('Bijgewerkt');
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 100_000 }), run.click()]);
  expect(download.suggestedFilename()).toMatch(/^tijdig-herinneringen-\d{4}-\d{2}-\d{2}\.zip$/);
  await expect(page.locator('[data-run-status]')).toContainText('is gedownload');
});
