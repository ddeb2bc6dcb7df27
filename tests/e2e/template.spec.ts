/**
 * The template workbench: live preview, Dutch validation, personalised downloads read back with
 * real parsers (pdftotext, jszip, mailparser), hostile input, keyboard-only use, remembering and
 * forgetting the sender's details.
 */
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { simpleParser } from 'mailparser';
import type { Download, Page } from '@playwright/test';
import { expect, field, fillAll, pick, SAMPLE, templates, test, type TemplateInfo } from './fixtures.ts';
import { readContent } from '../../src/pack/read-content.ts';
import { familyCases } from '../../src/model/variants.ts';

const EMAIL_NEEDS = ['klant.contactpersoon', 'factuur.nummer', 'factuur.openstaand', 'afzender.iban', 'betaling.mededeling'];
const LETTER_NEEDS = ['klant.naam', 'klant.straat', 'factuur.nummer', 'afzender.naam'];

let email: TemplateInfo;
let letter: TemplateInfo;

test.beforeAll(async ({ request }) => {
  const list = await templates(request);
  email = pick(list, 'email', EMAIL_NEEDS);
  letter = pick(list, 'brief', LETTER_NEEDS);
});

const frameBody = (page: Page) => page.frameLocator('iframe[data-out="email"]').locator('body');

async function download(page: Page, label: RegExp): Promise<{ download: Download; bytes: Buffer }> {
  const button = page.getByRole('button', { name: label });
  // Scroll first and let the page settle: right after a scroll, headless Chromium may still route the
  // press to the (out-of-process, sandboxed) email preview that was under the pointer before.
  await button.scrollIntoViewIfNeeded();
  await page.waitForTimeout(100);
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 15_000 }), button.click()]);
  const path = await file.path();
  return { download: file, bytes: await readFile(path) };
}

async function pdfText(bytes: Buffer): Promise<string> {
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-', '-'], { input: bytes }).toString('utf8');
}

async function docxText(bytes: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  // Paragraph ends become newlines; runs of one paragraph join up.
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<w:tab\/>/g, '\t')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

test('typing updates the email, text and print previews live', async ({ page }) => {
  await page.goto(email.path);
  await expect(frameBody(page)).toContainText('[klant.contactpersoon]');
  await field(page, 'klant.contactpersoon').fill('Ahmed Janssens');
  await expect(frameBody(page)).toContainText('Ahmed Janssens');
  await expect(frameBody(page)).not.toContainText('[klant.contactpersoon]');
  await expect(page.locator('[data-out="text"]')).toContainText('Ahmed Janssens');

  await field(page, 'factuur.nummer').fill('F-2026-0777');
  await expect(page.locator('[data-out="subject"]')).toContainText('F-2026-0777');
  await field(page, 'factuur.openstaand').fill('1.234,56');
  await expect(frameBody(page)).toContainText('1.234,56');
  await expect(page.locator('[data-out="print"]')).toContainText('€ 1.234,56');
});

test('fields say in Dutch what is wrong', async ({ page }) => {
  await page.goto(email.path);
  const cases: [string, string, RegExp][] = [
    ['afzender.iban', 'BE71 0961 2345 6768', /IBAN klopt niet/],
    ['betaling.mededeling', '+++090/9337/55494+++', /gestructureerde mededeling klopt niet/],
    ['factuur.openstaand', '12,345', /bedrag in euro/],
    ['betaling.mededeling', '+++090/9337/5549+++', /telt 12 cijfers.*hier staan er 11/],
    ['afzender.iban', 'BE71 0961 2345 676', /IBAN is te kort/],
  ];
  for (const [path, value, message] of cases) {
    const input = field(page, path);
    await input.fill(value);
    await input.blur();
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    const errorId = (await input.getAttribute('aria-describedby'))!.split(' ').find((id) => id.endsWith('-fout'))!;
    await expect(page.locator(`#${errorId}`)).toHaveText(message);
    // An invalid value never reaches the preview: the placeholder stays marked.
    await expect(frameBody(page)).toContainText(`[${path}]`);
  }
  await field(page, 'afzender.iban').fill('BE71 0961 2345 6769');
  await field(page, 'afzender.iban').blur();
  await expect(field(page, 'afzender.iban')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(frameBody(page)).toContainText('BE71 0961 2345 6769');
});

test('no file is made while a field shows an error', async ({ page }) => {
  await page.goto(email.path);
  let downloads = 0;
  page.on('download', () => downloads++);
  await field(page, 'afzender.iban').fill('BE71 0961 2345 676');
  await page.getByRole('button', { name: /PDF/ }).click();
  await expect(page.locator('[data-status]')).toHaveText(/Er is nog niets gedownload/);
  await expect(field(page, 'afzender.iban')).toBeFocused();
  await expect(field(page, 'afzender.iban')).toHaveAttribute('aria-invalid', 'true');
  expect(downloads).toBe(0);
  // Corrected, the same button makes the file.
  await field(page, 'afzender.iban').fill('BE71 0961 2345 6769');
  const { download: file } = await download(page, /PDF/);
  expect(file.suggestedFilename()).toMatch(/\.pdf$/);
});

test('the calendar button of a date field shows where the keyboard is', async ({ page }) => {
  const dated = [email, letter].find((t) => t.fields.some((f) => f.kind === 'datum'));
  if (!dated) throw new Error('no template with a date field: content changed, pick another');
  const path = dated.fields.find((f) => f.kind === 'datum')!.path;
  await page.goto(dated.path);
  const input = field(page, path);
  await input.focus();
  // Day, month and year segments, then the calendar button: focus stays inside the input.
  for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('date');
  const outline = await input.evaluate((el) => {
    const style = getComputedStyle(el);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
  expect(outline.style).toBe('solid');
  expect(outline.width).toBeGreaterThanOrEqual(2);
});

test('email: personalised .pdf, .docx, .eml, .html and .txt carry the typed values', async ({ page, watch }) => {
  await page.goto(email.path);
  await fillAll(page, email);
  await expect(frameBody(page)).toContainText(SAMPLE['klant.contactpersoon']!);
  const expected = [SAMPLE['klant.contactpersoon']!, SAMPLE['factuur.nummer']!, '1.234,56', 'BE71 0961 2345 6769', '+++090/9337/55493+++'];

  const pdf = await download(page, /PDF/);
  expect(pdf.download.suggestedFilename()).toMatch(new RegExp(`^${email.id}_f-2026-0777\\.pdf$`));
  expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
  const pdfOut = await pdfText(pdf.bytes);
  for (const value of expected) expect(pdfOut, `PDF contains ${value}`).toContain(value);
  expect(pdfOut).not.toMatch(/\[klant\.contactpersoon\]/);

  const docx = await download(page, /Word/);
  expect(docx.download.suggestedFilename()).toMatch(/\.docx$/);
  const docxOut = await docxText(docx.bytes);
  for (const value of expected) expect(docxOut, `DOCX contains ${value}`).toContain(value);

  const eml = await download(page, /E-mail \(\.eml\)/);
  const mail = await simpleParser(eml.bytes);
  expect(mail.subject).toContain(SAMPLE['factuur.nummer']);
  expect(mail.to && !Array.isArray(mail.to) ? mail.to.value[0]?.address : '').toBe(SAMPLE['klant.email'] ?? '');
  expect(String(mail.html)).toContain(SAMPLE['klant.contactpersoon']);
  expect(mail.text).toContain(SAMPLE['klant.contactpersoon']);

  const html = await download(page, /Webpagina/);
  expect(html.bytes.toString('utf8')).toContain(SAMPLE['klant.contactpersoon']);
  const txt = await download(page, /Tekst \(\.txt\)/);
  expect(txt.bytes.toString('utf8')).toContain('1.234,56');

  // The PDF needed the fonts, from this site; nothing else was fetched.
  const fetched = watch.requests.filter((u) => u.includes('/fonts/'));
  expect(fetched.length).toBeGreaterThanOrEqual(2);
});

test('letter: .pdf and .docx have the address block and the invoice', async ({ page }) => {
  await page.goto(letter.path);
  await fillAll(page, letter);
  await expect(page.locator('[data-out="print"]')).toContainText(SAMPLE['klant.straat']!);
  const expected = [SAMPLE['klant.naam']!, SAMPLE['klant.straat']!, `${SAMPLE['klant.postcode']} ${SAMPLE['klant.gemeente']}`, SAMPLE['factuur.nummer']!, SAMPLE['afzender.naam']!];
  const pdfOut = await pdfText((await download(page, /PDF/)).bytes);
  for (const value of expected) expect(pdfOut, `PDF contains ${value}`).toContain(value);
  if (letter.registered) expect(pdfOut).toMatch(/AANGETEKEND/i);
  const docxOut = await docxText((await download(page, /Word/)).bytes);
  for (const value of expected) expect(docxOut, `DOCX contains ${value}`).toContain(value);
});

test('hostile input stays text in every preview and download', async ({ page }) => {
  const payloads = ['<img src=x onerror=alert(1)>', '"><script>alert(1)</script>', '{{constructor}}'];
  await page.goto(email.path);
  const count = async () => ({ img: await page.locator('img').count(), script: await page.locator('script').count() });
  const before = await count();
  await field(page, 'klant.contactpersoon').fill(payloads[0]!);
  await field(page, 'factuur.nummer').fill(payloads[1]!);
  await field(page, 'afzender.naam').fill(payloads[2]!);
  for (const payload of payloads) {
    await expect(frameBody(page)).toContainText(payload);
    await expect(page.locator('[data-out="text"]')).toContainText(payload);
  }
  await expect(page.locator('[data-out="print"]')).toContainText(payloads[0]!);
  await expect(page.locator('[data-out="subject"]')).toContainText(payloads[1]!);
  // No element was injected: not in the page, not in the email.
  expect(await count()).toEqual(before);
  const frame = page.frameLocator('iframe[data-out="email"]');
  await expect(frame.locator('img')).toHaveCount(0);
  await expect(frame.locator('script')).toHaveCount(0);
  // And the downloads: the PDF holds the literal text.
  const pdfOut = await pdfText((await download(page, /PDF/)).bytes);
  expect(pdfOut).toContain('{{constructor}}');
  const docxOut = await docxText((await download(page, /Word/)).bytes);
  expect(docxOut).toContain(payloads[0]);
});

test('the form works with the keyboard alone', async ({ page }) => {
  await page.goto(email.path);
  const focusedName = () => page.evaluate(() => document.activeElement?.getAttribute('name') || document.activeElement?.textContent?.trim() || '');
  // Tab from the top of the page to the first text field of the form.
  const textFields = email.fields.filter((f) => f.kind !== 'keuze');
  const first = textFields[0]!.path;
  let found = false;
  for (let i = 0; i < 60 && !found; i++) {
    await page.keyboard.press('Tab');
    found = (await focusedName()) === first;
  }
  expect(found, `reached ${first} with Tab`).toBe(true);
  await page.keyboard.type(SAMPLE[first] ?? 'Testwaarde');
  await page.keyboard.press('Tab');
  const second = email.fields[email.fields.findIndex((f) => f.path === first) + 1]!;
  expect(await focusedName()).toBe(second.path);
  if (second.kind !== 'keuze') await page.keyboard.type(SAMPLE[second.path] ?? 'Testwaarde');
  await expect(page.locator('[data-out="text"]')).toContainText(SAMPLE[first] ?? 'Testwaarde');

  // Enter in a field checks the form; a wrong IBAN gets focus and a message.
  await field(page, 'afzender.iban').fill('BE00 1234');
  await field(page, 'afzender.naam').focus();
  await page.keyboard.press('Enter');
  await expect(field(page, 'afzender.iban')).toBeFocused();
  await expect(field(page, 'afzender.iban')).toHaveAttribute('aria-invalid', 'true');
  await field(page, 'afzender.iban').fill('');

  // A download by keyboard: focus the PDF button by tabbing and press Enter.
  found = false;
  for (let i = 0; i < 120 && !found; i++) {
    await page.keyboard.press('Tab');
    found = /PDF \(\.pdf\)/.test(await focusedName());
  }
  expect(found, 'reached the PDF button with Tab').toBe(true);
  const [file] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(file.suggestedFilename()).toMatch(/\.pdf$/);
});

test('sender details are remembered across templates until "Vergeet mijn gegevens"', async ({ page }) => {
  await page.goto(email.path);
  await field(page, 'afzender.naam').fill('Drukkerij Van Damme bv');
  await field(page, 'klant.contactpersoon').fill('Ahmed Janssens');
  await expect.poll(() => page.evaluate(() => localStorage.getItem('tijdig:eigen-gegevens:v1'))).toContain('Drukkerij Van Damme bv');
  // Customer data is never stored.
  expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain('Ahmed');

  await page.goto(letter.path);
  await expect(field(page, 'afzender.naam')).toHaveValue('Drukkerij Van Damme bv');
  await expect(page.locator('[data-out="print"]')).toContainText('Drukkerij Van Damme bv');

  await page.getByRole('button', { name: 'Vergeet mijn gegevens' }).click();
  await expect(field(page, 'afzender.naam')).toHaveValue('');
  await expect(page.getByRole('status')).toContainText('gewist');
  expect(await page.evaluate(() => localStorage.length)).toBe(0);
  await page.reload();
  await expect(field(page, 'afzender.naam')).toHaveValue('');
});

test('copy buttons put the subject and the text on the clipboard', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL! });
  await page.goto(email.path);
  await field(page, 'factuur.nummer').fill('F-2026-0777');
  await field(page, 'klant.contactpersoon').fill('Ahmed Janssens');
  await expect(page.locator('[data-out="subject"]')).toContainText('F-2026-0777');
  await page.getByRole('button', { name: 'Kopieer onderwerp' }).click();
  await expect(page.getByRole('region', { name: 'Voorbeeld', exact: true }).getByRole('status')).toContainText('klembord');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('F-2026-0777');
  await page.getByRole('button', { name: 'Kopieer tekst' }).click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('Ahmed Janssens');
  const html = await page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    return item?.types.includes('text/html') ? (await item.getType('text/html')).text() : '';
  });
  expect(html).toContain('Ahmed Janssens');
});

test('the country switch changes the wording; statutory interest fills empty cost fields', async ({ page, request }) => {
  const list = await templates(request);
  // An e-mail with payment details that has a text for Belgian and for Dutch businesses (itself or a variant).
  const loaded = readContent(process.cwd());
  if (!loaded.ok) throw new Error('content does not load');
  const bothCountries = (id: string) => ['be-onderneming', 'nl-onderneming'].every((c) => familyCases(loaded.content.templates, id).includes(c as 'be-onderneming'));
  const both = list.find((t) => t.kind === 'email' && !loaded.content.templates.find((d) => d.id === t.id)?.variantOf && bothCountries(t.id) && t.fields.some((f) => f.path === 'betaling.mededeling'));
  // The content must keep such a template: fail loudly rather than skip.
  if (!both) throw new Error('no email template for both countries with payment details');
  await page.goto(both.path);
  await expect(frameBody(page)).toContainText('Gestructureerde mededeling');
  await page.getByLabel('Land van de klant').selectOption('nl');
  await expect(frameBody(page)).toContainText('Betalingskenmerk');
  await expect(frameBody(page)).not.toContainText('Gestructureerde mededeling');

  // A Belgian business text that itself asks interest and compensation (the page opens on its own text).
  const costly = loaded.content.templates.find((d) => !d.variantOf && d.cases?.[0] === 'be-onderneming' && d.blocks.some((b) => b.type === 'paymentDetails' && b.withCosts));
  const withCosts = list.find((t) => t.id === costly?.id);
  if (!withCosts) throw new Error('no template with costs');
  await page.goto(withCosts.path);
  const print = page.locator('[data-out="print"]');
  await expect(print).toContainText('[kosten.interest]');
  if (await field(page, 'dossier.jurisdictie').count()) await field(page, 'dossier.jurisdictie').selectOption('be');
  await field(page, 'dossier.klanttype').selectOption('onderneming');
  await field(page, 'factuur.vervaldatum').fill('2026-03-31');
  await field(page, 'data.verzending').fill('2026-05-15');
  await field(page, 'factuur.openstaand').fill('1.000,00');
  // Left empty, the interest and the compensation are computed by the legal module.
  await expect(print).not.toContainText('[kosten.interest]');
  await expect(print).not.toContainText('[kosten.forfait]');
  await expect(print).toContainText(/€ \d+,\d\d/);
});
