/**
 * The first PDF on a template page fetches the Latin subset fonts, not the full ones; a name
 * outside that subset (Cyrillic) makes the page fetch the full fonts, and the PDF then holds it.
 */
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, field, pick, templates, test, type TemplateInfo } from './fixtures.ts';

let letter: TemplateInfo;

test.beforeAll(async ({ request }) => {
  letter = pick(await templates(request), 'brief', ['klant.naam']);
});

async function pdfFor(page: Page, name: string): Promise<string> {
  await page.goto(letter.path);
  await field(page, 'klant.naam').fill(name);
  await expect(page.locator('[data-out="print"]')).toContainText(name);
  const button = page.getByRole('button', { name: /PDF/ });
  await button.scrollIntoViewIfNeeded();
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 15_000 }), button.click()]);
  const bytes = await readFile(await file.path());
  return execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: bytes }).toString('utf8');
}

const fonts = (requests: string[]) => requests.filter((u) => u.includes('/fonts/')).map((u) => new URL(u).pathname).sort();

test('a Latin name: only the Latin subset fonts are fetched', async ({ page, watch }) => {
  const text = await pdfFor(page, 'Brasserie Zoë & Łukasz Ștefan');
  expect(text).toContain('Brasserie Zoë & Łukasz Ștefan');
  expect(fonts(watch.requests)).toEqual(['/fonts/DejaVuSans-Bold-Latin.ttf', '/fonts/DejaVuSans-Latin.ttf']);
});

test('a name outside the subset: the full fonts are fetched and draw it', async ({ page, watch }) => {
  const text = await pdfFor(page, 'Жанна Зоя bv');
  expect(text).toContain('Жанна Зоя bv');
  expect(fonts(watch.requests)).toEqual(['/fonts/DejaVuSans-Bold.ttf', '/fonts/DejaVuSans.ttf']);
});

test('a character no font has is named before the PDF is made; a second click makes it anyway', async ({ page }) => {
  await page.goto(letter.path);
  await field(page, 'klant.naam').fill('李 Trading bv');
  await expect(page.locator('[data-out="print"]')).toContainText('李 Trading bv');
  const button = page.getByRole('button', { name: /PDF/ });
  await button.scrollIntoViewIfNeeded();
  let downloads = 0;
  page.on('download', () => downloads++);
  await button.click();
  await expect(page.getByText(/Deze tekens kan de PDF niet tonen: 李\./)).toBeVisible();
  expect(downloads).toBe(0);
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 15_000 }), button.click()]);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: await readFile(await file.path()) }).toString('utf8');
  expect(text).toContain('Trading bv');
});
