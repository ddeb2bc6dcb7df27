/**
 * Phones: at 360 CSS pixels wide no page scrolls sideways. Every page of the sitemap, plus the
 * states that make pages wider: a letter template filled with an example (invoice table, IBAN,
 * structured communication) and the bulk page with a file loaded. On failure the message names
 * the elements that stick out.
 */
import type { Page } from '@playwright/test';
import { expect, sitemapPaths, test } from './fixtures.ts';

test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });

/** Page width beyond the viewport, and the deepest elements whose right edge passes it. */
async function overflow(page: Page): Promise<{ extra: number; culprits: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const extra = document.documentElement.scrollWidth - width;
    const culprits: string[] = [];
    if (extra > 0) {
      for (const el of document.body.querySelectorAll<HTMLElement>('*')) {
        const box = el.getBoundingClientRect();
        if (box.right <= width + 1 || box.width === 0) continue;
        // Inside a container that scrolls on its own (a wide table in its scroll box) is fine.
        let scroller: HTMLElement | null = el.parentElement;
        while (scroller && scroller !== document.body && !/(auto|scroll|hidden)/.test(getComputedStyle(scroller).overflowX)) scroller = scroller.parentElement;
        if (scroller && scroller !== document.body) continue;
        if ([...el.children].some((c) => (c as HTMLElement).getBoundingClientRect().right > width + 1)) continue;
        culprits.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''} (${Math.round(box.right)} px): ${(el.textContent ?? '').trim().slice(0, 40)}`);
        if (culprits.length >= 5) break;
      }
    }
    return { extra, culprits };
  });
}

test('no sitemap page scrolls sideways at 360 px', async ({ page, request }) => {
  test.setTimeout(180_000);
  const paths = await sitemapPaths(request);
  expect(paths.length).toBeGreaterThan(20);
  const wide: string[] = [];
  for (const path of paths) {
    // networkidle: islands (and their workers) have loaded before the next page is opened.
    await page.goto(path, { waitUntil: 'networkidle' });
    const { extra, culprits } = await overflow(page);
    if (extra > 0) wide.push(`${path}: ${extra} px too wide; ${culprits.join(' | ')}`);
  }
  expect(wide).toEqual([]);
});

test('a letter filled with an example (invoice table, IBAN, reference) fits at 360 px', async ({ page, request }) => {
  const paths = await sitemapPaths(request);
  const letter = paths.find((p) => /^\/sjablonen\/.*ingebrekestelling/.test(p));
  if (!letter) throw new Error('no formal-notice template in the sitemap: content changed, pick another letter');
  await page.goto(letter);
  // By keyboard: on a phone the sticky header may lie over the button while it scrolls into view.
  await page.getByRole('button', { name: 'Vul een voorbeeld in' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-out="print"]')).toContainText('BE');
  const { extra, culprits } = await overflow(page);
  expect(extra, culprits.join(' | ')).toBeLessThanOrEqual(0);
});

test('the bulk page with a file loaded fits at 360 px', async ({ page }) => {
  await page.goto('/meerdere-facturen/');
  await page.getByRole('button', { name: 'Probeer het met een voorbeeld' }).click();
  await expect(page.locator('[data-row-summary]')).toContainText('gelezen');
  const { extra, culprits } = await overflow(page);
  expect(extra, culprits.join(' | ')).toBeLessThanOrEqual(0);
});
