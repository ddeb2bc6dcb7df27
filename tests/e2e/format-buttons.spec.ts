/**
 * The template pages' download buttons come from the format registry (src/render/formats.ts): on
 * the built page of each kind of template, one button per format the registry offers for that
 * kind, in its order and with its label; the Markdown export, added to the registry alone, is made
 * in the browser and read back.
 */
import { readFile } from 'node:fs/promises';
import { marked } from 'marked';
import type { TemplateKind } from '../../src/content/schema.ts';
import { formatLabel, formatsOffered } from '../../src/render/formats.ts';
import { expect, fillAll, pick, SAMPLE, templates, test, type TemplateInfo } from './fixtures.ts';

let byKind: Record<TemplateKind, TemplateInfo>;

test.beforeAll(async ({ request }) => {
  const list = await templates(request);
  byKind = {
    email: pick(list, 'email', ['klant.contactpersoon', 'factuur.nummer']),
    brief: pick(list, 'brief', ['klant.naam', 'factuur.nummer']),
    belscript: pick(list, 'belscript', []),
  };
});

for (const kind of ['email', 'brief', 'belscript'] as const) {
  test(`a ${kind} page has a download button for every registry format of its kind`, async ({ page }) => {
    await page.goto(byKind[kind].path);
    const buttons = page.getByRole('group', { name: 'Downloaden' }).getByRole('button');
    await expect(buttons).toHaveText(formatsOffered(kind).map(formatLabel));
  });
}

test('the Markdown button makes the filled letter as Markdown', async ({ page }) => {
  const letter = byKind.brief;
  await page.goto(letter.path);
  await fillAll(page, letter);
  await expect(page.locator('[data-out="print"]')).toContainText(SAMPLE['klant.naam']!);
  const button = page.getByRole('button', { name: 'Markdown (.md)' });
  await button.scrollIntoViewIfNeeded();
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 15_000 }), button.click()]);
  expect(file.suggestedFilename()).toMatch(new RegExp(`^${letter.id}.*\\.md$`));
  const markdown = await readFile(await file.path(), 'utf8');
  // Read back by a Markdown parser: the customer and the invoice number are in the document's text.
  const html = await marked.parse(markdown);
  const text = html.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&');
  expect(text).toContain(SAMPLE['klant.naam']);
  expect(text).toContain(SAMPLE['factuur.nummer']);
  expect(markdown).not.toMatch(/\[klant\.naam\]/);
});
