/**
 * The SMS counter on a reminder template page: it fills the SMS from the form as the user types,
 * counts € as two characters and switches to 70-character SMS for a letter such as ë.
 */
import { expect, test } from './fixtures.ts';

const PAGE = '/sjablonen/standaard-d5-eerste-herinnering/';

test('the SMS follows the form and counts like a phone network', async ({ page }) => {
  await page.goto(PAGE);
  const sms = page.getByLabel('Tekst van de sms');
  const count = page.locator('[data-sms-count]');
  await expect(sms).toHaveValue(/\[betaling\.mededeling\]/);

  await page.getByRole('button', { name: 'Vul een voorbeeld in' }).click();
  await expect(sms).toHaveValue(/\+\+\+090\/9337\/55493\+\+\+/);
  await expect(sms).toHaveValue(/https:\/\/betalen\.goudenkorst\.be\/2026-0153/);
  const filled = await sms.inputValue();
  // Every character here is GSM-7; the euro sign takes two.
  const units = [...filled].length + (filled.match(/€/g)?.length ?? 0);
  await expect(count).toHaveText(`${units} van 160 tekens · 1 sms`);

  // A sender name with ë: the whole SMS becomes UCS-2, 70 per SMS, 67 per part.
  await page.getByLabel('Bedrijfsnaam', { exact: true }).fill('Brasserie Noël');
  await expect(sms).toHaveValue(/^Brasserie Noël: /);
  await expect(count).toContainText('3 sms');
  await expect(count).toContainText('ë');

  // Editing the text by hand: the counter follows, and the reset fills it in again.
  await sms.fill('Kort: betaal a.u.b. € 10');
  await expect(count).toHaveText('25 van 160 tekens · 1 sms');
  await page.getByRole('button', { name: 'Zet de tekst terug' }).click();
  await expect(sms).toHaveValue(/^Brasserie Noël: /);
});

test('the counter loads on its own when the user goes straight to the SMS', async ({ page }) => {
  await page.goto(PAGE);
  const sms = page.getByLabel('Tekst van de sms');
  await sms.scrollIntoViewIfNeeded();
  await sms.fill('Betaal € 10');
  await expect(page.locator('[data-sms-count]')).toHaveText('12 van 160 tekens · 1 sms');
  await expect(sms).toHaveValue('Betaal € 10');
});
