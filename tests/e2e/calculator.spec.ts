/** The segmentation calculator suggests the segment the guide's reasoning gives, with reasons. */
import { expect, test } from './fixtures.ts';

interface Profile {
  name: string;
  values: [RegExp, string][];
  expected: 'vip' | 'standaard' | 'wanbetaler';
  reason: RegExp;
}

const PROFILES: Profile[] = [
  {
    name: 'a loyal, prompt, large customer',
    values: [
      [/gemiddeld aantal dagen te laat/i, '2'],
      [/meer dan 15 dagen/i, '0'],
      [/herinneringen/i, '0'],
      [/klantrelatie/i, '6'],
      [/factuurbedrag/i, '150'],
      [/geschillen/i, '0'],
    ],
    expected: 'vip',
    reason: /klantrelatie/i,
  },
  {
    name: 'a new customer who is sometimes a week late',
    values: [
      [/gemiddeld aantal dagen te laat/i, '8'],
      [/meer dan 15 dagen/i, '10'],
      [/herinneringen/i, '1'],
      [/klantrelatie/i, '0,5'],
      [/factuurbedrag/i, '90'],
      [/geschillen/i, '0'],
    ],
    expected: 'standaard',
    reason: /haalt de drempel voor vip/i,
  },
  {
    name: 'an old customer who pays late and breaks promises',
    values: [
      [/gemiddeld aantal dagen te laat/i, '25'],
      [/meer dan 15 dagen/i, '45'],
      [/herinneringen/i, '3'],
      [/klantrelatie/i, '8'],
      [/factuurbedrag/i, '120'],
      [/geschillen/i, '2'],
    ],
    expected: 'wanbetaler',
    reason: /geschillen/i,
  },
];

test.describe('segmentation calculator', () => {
  for (const profile of PROFILES) {
    test(`suggests ${profile.expected} for ${profile.name}`, async ({ page }) => {
      await page.goto('/gidsen/segmentatie/');
      const calculator = page.locator('[data-calculator]');
      for (const [label, value] of profile.values) await calculator.getByLabel(label).fill(value);
      const result = calculator.locator('[data-result]');
      await expect(result.locator('[data-segment]')).toHaveAttribute('data-segment', profile.expected);
      await expect(result.locator('.calc-reasons li').first()).toBeVisible();
      await expect(result).toContainText(profile.reason);
      await expect(result.locator('a[href^="/draaiboeken/"]')).toHaveAttribute('href', `/draaiboeken/${profile.expected}/`);
    });
  }

  test('one alarm signal is enough for a bad payer; blanks do not count', async ({ page }) => {
    await page.goto('/gidsen/segmentatie/');
    const calculator = page.locator('[data-calculator]');
    const result = calculator.locator('[data-result]');
    await expect(result).toContainText('Vul minstens één indicator in');
    await calculator.getByLabel(/geschillen/i).fill('3');
    await expect(result.locator('[data-segment]')).toHaveAttribute('data-segment', 'wanbetaler');
    await calculator.getByLabel(/geschillen/i).fill('abc');
    await expect(calculator.getByText('Vul een getal in')).toBeVisible();
  });

  test('15,5 days late is a bad payer: the table says "meer dan 15"', async ({ page }) => {
    await page.goto('/gidsen/segmentatie/');
    const calculator = page.locator('[data-calculator]');
    await calculator.getByLabel(/gemiddeld aantal dagen te laat/i).fill('15,5');
    await expect(calculator.locator('[data-result] [data-segment]')).toHaveAttribute('data-segment', 'wanbetaler');
    await expect(calculator.locator('[data-result]')).toContainText('15,5 dagen');
  });

  test('no result while a field is wrong, and each wrong value gets its own message', async ({ page }) => {
    await page.goto('/gidsen/segmentatie/');
    const calculator = page.locator('[data-calculator]');
    const result = calculator.locator('[data-result]');
    await calculator.getByLabel(/geschillen/i).fill('3');
    await expect(result.locator('[data-segment]')).toHaveAttribute('data-segment', 'wanbetaler');
    await calculator.getByLabel(/gemiddeld aantal dagen te laat/i).fill('-5');
    await expect(calculator.getByText('Een negatief getal kan hier niet')).toBeVisible();
    await expect(result.locator('[data-segment]')).toHaveCount(0);
    await expect(result).toContainText('Verbeter eerst de velden');
    await calculator.getByLabel(/gemiddeld aantal dagen te laat/i).fill('');
    await calculator.getByLabel(/herinneringen/i).fill('150%');
    await expect(calculator.getByText(/geen percentage/)).toBeVisible();
    await expect(result.locator('[data-segment]')).toHaveCount(0);
    await calculator.getByLabel(/herinneringen/i).fill('1');
    await expect(result.locator('[data-segment]')).toHaveAttribute('data-segment', 'wanbetaler');
  });

  test('reasons use singular units: "1 jaar", "1 dag"', async ({ page }) => {
    await page.goto('/gidsen/segmentatie/');
    const calculator = page.locator('[data-calculator]');
    await calculator.getByLabel(/klantrelatie/i).fill('1');
    await calculator.getByLabel(/gemiddeld aantal dagen te laat/i).fill('1');
    await calculator.getByLabel(/geschillen/i).fill('0');
    const result = calculator.locator('[data-result]');
    await expect(result).toContainText('klantrelatie: 1 jaar.');
    await expect(result).toContainText('vervaldatum: 1 dag.');
    await expect(result).not.toContainText(/1 jaren|1 dagen|0 aantal/);
  });
});
