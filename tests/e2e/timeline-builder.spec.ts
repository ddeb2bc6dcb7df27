/**
 * The timeline builder (/tijdlijn/): a plan from a playbook, warnings where a step falls inside a
 * running term, every export read back with a parser that did not write it (ical.js, papaparse,
 * jszip + pdftotext), the share link and the JSON file as round trips, keyboard-only editing with
 * undo, axe, and the print view. The shared fixtures fail any test on a console error, a failed
 * request or a request to another origin.
 */
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import ICAL from 'ical.js';
import JSZip from 'jszip';
import Papa from 'papaparse';
import { expect, SAMPLE, test } from './fixtures.ts';

/** A month whose interest rates the legal module knows, so every figure is a number. */
const INVOICE = { date: '2026-01-05', due: '2026-02-04', amount: '1.234,56' };
const BAD_PAYER = 'wanbetaler';

interface Row {
  row: string;
  date: string;
  state: string;
  text: string;
}

interface PageWorkflow {
  id: string;
  titel: string;
  stappen: { offset: number; kanaal: string; template: string }[];
}

async function workflows(page: Page): Promise<PageWorkflow[]> {
  const json = await page.locator('#tj-timeline-data').textContent();
  return (JSON.parse(json!) as { workflows: PageWorkflow[] }).workflows;
}

const rows = (page: Page): Promise<Row[]> =>
  page.locator('tr[data-row]').evaluateAll((trs) =>
    trs.map((tr) => {
      const el = tr as HTMLTableRowElement;
      return { row: el.dataset['row']!, date: el.dataset['date']!, state: el.dataset['state']!, text: el.innerText };
    }),
  );

const tableText = (page: Page) => page.locator('[data-schedule] table').innerText();
const step = (page: Page, index: number) => page.locator('.tl-step').nth(index);

/** Opens the builder on a playbook and types the invoice, as a user would. */
async function openPlan(page: Page, playbook: string | null = BAD_PAYER): Promise<void> {
  if (playbook) await page.goto(`/tijdlijn/?draaiboek=${playbook}`);
  await page.getByLabel('Factuurdatum', { exact: true }).fill(INVOICE.date);
  await page.getByLabel('Vervaldatum', { exact: true }).fill(INVOICE.due);
  const amount = page.getByLabel('Openstaand bedrag');
  await amount.fill(INVOICE.amount);
  await amount.press('Tab');
  await expect(page.locator('.tl-table caption')).toContainText('vervalt op woensdag 4 februari 2026: € 1.234,56');
}

async function setDay(page: Page, index: number, day: number): Promise<void> {
  const input = step(page, index).getByLabel('Dag', { exact: true });
  await input.fill(String(day));
  await input.press('Tab');
}

async function download(page: Page, name: RegExp | string, timeout = 15_000): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout }), page.getByRole('button', { name, exact: typeof name === 'string' }).click()]);
  return { name: file.suggestedFilename(), bytes: await readFile((await file.path())!) };
}

const isoToShort = (iso: string) => iso.split('-').reverse().join('-');

test('a plan from a playbook: every step dated, moved off weekends, with interest and costs', async ({ page }) => {
  await page.goto(`/draaiboeken/${BAD_PAYER}/`);
  await page.getByRole('link', { name: 'Plan dit draaiboek voor een factuur' }).click();
  await expect(page).toHaveURL(/\/tijdlijn\//);
  await expect(page.getByLabel('Begin met')).toHaveValue(BAD_PAYER);
  await openPlan(page, null);
  const playbook = (await workflows(page)).find((w) => w.id === BAD_PAYER)!;
  const list = await rows(page);
  expect(list.map((r) => r.row)).toEqual(playbook.stappen.map((_, i) => String(i + 1)));
  expect(list.every((r) => r.state === 'planned')).toBe(true);
  // D+3 is Saturday 7 February 2026: with working days on, it moves to Monday 9 February.
  const d3 = list[playbook.stappen.findIndex((s) => s.offset === 3)]!;
  expect(d3.date).toBe('2026-02-09');
  expect(d3.text).toContain('verschoven van zaterdag 7 februari 2026');
  // Interest after the due date is a known figure; costs are the Belgian EUR 40.
  const last = list.at(-1)!;
  expect(last.text).toMatch(/€ \d+,\d\d/);
  expect(last.text).not.toContain('onbekend');
  expect(last.text).toContain('€ 40,00');
  await expect(page.locator('[data-warning-count]')).toHaveText(/waarschuwing|opmerking/);
  await expect(page.locator('.tl-vis .tl-pin')).toHaveCount(playbook.stappen.length);

  // Switching the working-day option off puts D+3 back on the Saturday.
  await page.getByLabel(/schuif hem dan naar de volgende werkdag/).uncheck();
  await expect(page.locator(`tr[data-row="${d3.row}"]`)).toHaveAttribute('data-date', '2026-02-07');
});

test('moving a step into a running term shows the warning next to that step, with its source', async ({ page }) => {
  await openPlan(page);
  const playbook = (await workflows(page)).find((w) => w.id === BAD_PAYER)!;
  const notice = playbook.stappen.findIndex((s) => s.kanaal === 'aangetekende-brief');
  const after = notice + 1;
  expect(after).toBeLessThan(playbook.stappen.length);
  const warnings = page.locator(`tr[data-warnings-for="${after + 1}"] [data-warning="binnen-termijn"]`);

  await setDay(page, after, playbook.stappen[notice]!.offset + 40);
  await expect(page.locator(`tr[data-row="${after + 1}"]`)).toBeVisible();
  await expect(warnings).toHaveCount(0);

  await setDay(page, after, playbook.stappen[notice]!.offset + 3);
  await expect(warnings).toHaveCount(1);
  await expect(warnings).toContainText('loopt dan nog tot en met');
  await expect(warnings).toContainText('derde werkdag');
  // Towards a business the count from receipt is good practice: no (consumer) law is cited.
  await expect(warnings.locator('a')).toHaveCount(0);
  // Towards a consumer the law counts the term that way, and the warning cites it.
  await page.locator('input[name="customerType"][value="consumer"]').check();
  await expect(warnings).toHaveCount(1);
  // The source is a plain link the user may follow: never fetched by the page.
  const source = warnings.locator('a').first();
  await expect(source).toHaveAttribute('href', /^https:\/\//);
  await expect(source).toHaveAttribute('rel', /noopener/);
  await expect(page.locator(`tr[data-row="${after + 1}"]`)).toContainText('Loopt nog');
  await expect(step(page, after).locator('.tl-step__when')).toContainText('waarschuwing');
  await expect(page.locator('[data-warning-count]')).toContainText('waarschuwing');
});

test('the calendar export has one all-day event per sent step, on the dates of the table, with an alarm and a link back', async ({ page }) => {
  await openPlan(page);
  const planned = (await rows(page)).filter((r) => r.state === 'planned');
  const { name, bytes } = await download(page, 'Agenda (.ics)');
  expect(name).toMatch(/\.ics$/);
  const calendar = new ICAL.Component(ICAL.parse(bytes.toString('utf8')));
  const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  expect(events.map((e) => e.startDate.toString())).toEqual(planned.map((r) => r.date));
  for (const event of events) {
    expect(event.startDate.isDate).toBe(true);
    expect(event.component.getFirstSubcomponent('valarm')).not.toBeNull();
    expect(String(event.component.getFirstPropertyValue('url'))).toContain('/tijdlijn/#plan=1');
    // Nothing typed yet: the calendar names the step, never a field such as "[factuur.nummer]".
    expect(`${event.summary}\n${event.description}`).not.toMatch(/\[[a-z]+\.[A-Za-z]+\]/);
  }
  expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);

  // With the customer's details typed in, each event carries the message's own subject, filled.
  await page.getByText('Uw gegevens en die van de klant').click();
  const paths = await page.locator('[data-pack-form] [data-field-path]:not([hidden])').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset['fieldPath']!));
  for (const path of paths) if (SAMPLE[path] !== undefined) await page.locator(`[data-pack-form] [name="${path}"]`).fill(SAMPLE[path]!);
  const filled = new ICAL.Component(ICAL.parse((await download(page, 'Agenda (.ics)')).bytes.toString('utf8'))).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  expect(filled).toHaveLength(events.length);
  for (const event of filled) {
    expect(event.description).toMatch(/Onderwerp: |Betreft: /);
    expect(`${event.summary}\n${event.description}`).not.toMatch(/\[[a-z]+\.[A-Za-z]+\]/);
  }
  expect(filled.some((e) => e.summary.includes(SAMPLE['factuur.nummer']!))).toBe(true);
});

test('the Excel export has a BOM, Dutch columns and the dates of the table', async ({ page }) => {
  await openPlan(page);
  const list = await rows(page);
  const { bytes } = await download(page, 'Excel (.csv)');
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const parsed = Papa.parse<string[]>(bytes.toString('utf8').slice(1), { delimiter: ';', newline: '\r\n', skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  const [header, ...data] = parsed.data;
  expect(header).toEqual(['Stap', 'Datum', 'Dag t.o.v. vervaldag', 'Status', 'Kanaal', 'Toon', 'Titel', 'Sjabloon', 'Interest (EUR)', 'Kosten (EUR)', 'Totaal (EUR)', 'Betalen uiterlijk op', 'Waarschuwingen']);
  expect(data.map((r) => r[0])).toEqual(list.map((r) => r.row));
  expect(data.map((r) => r[1])).toEqual(list.map((r) => isoToShort(r.date)));
  // Amounts as numbers Dutch-language Excel reads: decimal comma, no currency sign.
  for (const r of data.filter((r) => r[3] === 'gepland')) expect(r[10]).toMatch(/^\d+,\d\d$/);
});

test('the share link carries the whole plan: reloading it gives the same table; a broken link says so and keeps the default', async ({ page, context }) => {
  await openPlan(page);
  await setDay(page, 1, 6);
  await page.getByLabel('Herhaal de laatste stap zolang er niet betaald is').check();
  await page.getByLabel('Pauze vanaf').fill('2026-02-20');
  await page.getByLabel(/Hervatten op/).fill('2026-02-27');
  await page.getByRole('button', { name: 'Pauze toevoegen' }).click();
  await expect(page.locator('[data-pauses] li')).toHaveCount(1);
  const before = await tableText(page);
  expect(before).toContain('door een pauze');
  const link = await page.locator('[data-share]').inputValue();
  expect(link).toMatch(/\/tijdlijn\/#plan=1[A-Za-z0-9_-]+$/);
  expect(page.url()).toBe(link);

  const other = await context.newPage();
  await other.goto(link);
  await expect(other.locator('[data-schedule] table')).toBeVisible();
  expect(await tableText(other)).toBe(before);
  await expect(other.getByLabel('Openstaand bedrag')).toHaveValue(INVOICE.amount);
  await other.reload();
  expect(await tableText(other)).toBe(before);

  // Pasting a damaged link in the same tab: an error, and the plan on screen stays.
  await other.goto('/tijdlijn/#plan=1dit-is-geen-planning');
  await expect(other.locator('[data-load-error]')).toContainText('Deze link kon niet geopend worden');
  expect(await tableText(other)).toBe(before);
  await other.close();

  // Opening a damaged link: an error and the default playbook.
  const fresh = await context.newPage();
  await fresh.goto('/tijdlijn/#plan=1dit-is-geen-planning');
  await expect(fresh.locator('[data-load-error]')).toContainText('Deze deellink is onvolledig of beschadigd');
  const all = await workflows(fresh);
  const standard = all.find((w) => w.id === 'standaard') ?? all[0]!;
  await expect(fresh.locator('tr[data-row]')).toHaveCount(standard.stappen.length);
  expect(fresh.url()).toContain('#plan=1dit-is-geen-planning');
  await fresh.close();
});

test('the JSON export opens again as the same plan; a bad file gives a Dutch error and loses nothing', async ({ page }) => {
  await openPlan(page);
  await setDay(page, 2, 15);
  const before = await tableText(page);
  const exported = await download(page, 'Draaiboek (.json)');
  const json = JSON.parse(exported.bytes.toString('utf8')) as { id: string; stappen: unknown[]; tijdlijn: { settings: { dueDate: string } } };
  expect(json.tijdlijn.settings.dueDate).toBe(INVOICE.due);

  await page.getByLabel('Begin met').selectOption('vip');
  await page.getByRole('button', { name: 'Laad dit vertrekpunt' }).click();
  await expect.poll(() => tableText(page)).not.toBe(before);

  const input = page.getByLabel('Een bewaard draaiboek (.json) openen');
  await input.setInputFiles({ name: exported.name, mimeType: 'application/json', buffer: exported.bytes });
  await expect.poll(() => tableText(page)).toBe(before);

  await input.setInputFiles({ name: 'kapot.json', mimeType: 'application/json', buffer: Buffer.from('{"titel": 42, "stappen": "geen"}') });
  await expect(page.locator('#tl-import-fout')).toBeVisible();
  await expect(page.locator('#tl-import-fout')).toContainText('geen geldig draaiboek');
  await input.setInputFiles({ name: 'geen-json.json', mimeType: 'application/json', buffer: Buffer.from('dit is geen json') });
  await expect(page.locator('#tl-import-fout')).toContainText('geen geldige JSON');
  expect(await tableText(page)).toBe(before);
});

test('the personalised pack is a zip made in the browser; its PDF carries the data typed in', async ({ page, watch }) => {
  test.setTimeout(90_000);
  await openPlan(page);
  const list = await rows(page);
  await page.getByText('Uw gegevens en die van de klant').click();
  const paths = await page.locator('[data-pack-form] [data-field-path]:not([hidden])').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset['fieldPath']!));
  expect(paths).toContain('klant.naam');
  for (const path of paths) if (SAMPLE[path] !== undefined) await page.locator(`[data-pack-form] [name="${path}"]`).fill(SAMPLE[path]!);

  const { name, bytes } = await download(page, 'Download het pakket (.zip)', 60_000);
  expect(name).toMatch(/^tijdlijn-.+\.zip$/);
  await expect(page.locator('[data-pack-status]')).toContainText('is klaar');
  const ms = Number(await page.locator('[data-pack-status]').getAttribute('data-ms'));
  test.info().annotations.push({ type: 'zip-ms', description: String(ms) });
  console.log(`pack for the bad-payer plan: ${ms} ms, ${bytes.length} bytes`);

  const zip = await JSZip.loadAsync(bytes);
  const files = Object.keys(zip.files).filter((f) => !zip.files[f]!.dir);
  for (const extra of ['LEESMIJ.txt', 'planning.ics', 'planning.csv', 'draaiboek.json']) expect(files.some((f) => f.endsWith(`/${extra}`))).toBe(true);
  const folders = new Set(files.map((f) => f.split('/').slice(0, -1).join('/')).filter((f) => f.includes('_D')));
  expect(folders.size).toBe(list.filter((r) => r.state === 'planned').length);
  for (const folder of folders) {
    const inside = files.filter((f) => f.startsWith(`${folder}/`)).map((f) => f.split('.').pop());
    expect(inside.sort()).toEqual(inside.includes('eml') ? ['eml', 'html', 'txt'] : ['docx', 'pdf', 'txt']);
  }

  // The formal notice: a PDF with the customer, the invoice and the day of that step.
  const notice = list.find((r) => /Aangetekende brief/.test(r.text))!;
  const pdfPath = files.find((f) => f.endsWith('.pdf') && f.includes(`/0${notice.row}_`))!;
  expect(pdfPath).toMatch(/\.pdf$/);
  const pdf = Buffer.from(await zip.file(pdfPath)!.async('uint8array'));
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8');
  expect(text).toContain(SAMPLE['klant.naam']!);
  expect(text).toContain(SAMPLE['factuur.nummer']!);
  const [y, m, d] = notice.date.split('-').map(Number) as [number, number, number];
  const month = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'][m - 1]!;
  expect(text).toContain(`${d} ${month} ${y}`);
  expect(text).toContain('1.234,56');

  const eml = files.find((f) => f.endsWith('.eml'))!;
  expect(await zip.file(eml)!.async('string')).toMatch(/^Subject: /m);
  // Templates, fonts and renderers all came from this site.
  expect(watch.requests.some((u) => u.includes('/tijdlijn/sjablonen/'))).toBe(true);
  expect(watch.requests.every((u) => /^(data|blob|about):/.test(u) || new URL(u).hostname === '127.0.0.1')).toBe(true);
});

test('keyboard only: add a step, edit it, and undo each change with Ctrl+Z', async ({ page }) => {
  await openPlan(page);
  const count = await page.locator('.tl-step').count();
  await page.getByRole('button', { name: 'Stap toevoegen' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.tl-step')).toHaveCount(count + 1);
  const card = step(page, count);
  await expect(card.getByLabel('Titel')).toBeFocused();

  await page.keyboard.press('Control+A');
  await page.keyboard.type('Telefonische opvolging');
  await page.keyboard.press('Tab');
  await expect(card.locator('legend')).toHaveText(`Stap ${count + 1}: Telefonische opvolging`);
  await expect(card.getByLabel('Dag', { exact: true })).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('50');
  await page.keyboard.press('Tab');
  await expect(page.locator(`tr[data-row="${count + 1}"]`)).toContainText('D+50');
  await page.keyboard.press('Tab');
  await expect(card.getByLabel('Kanaal')).toBeFocused();
  await page.keyboard.press('t');
  await expect(card.getByLabel('Kanaal')).toHaveValue('telefoon');
  await expect(page.locator(`tr[data-row="${count + 1}"]`)).toContainText('Telefoon');

  await page.keyboard.press('Control+z');
  await expect(card.getByLabel('Kanaal')).toHaveValue('email');
  await expect(page.locator('p[data-status]')).toContainText('Ongedaan gemaakt: het kanaal van stap');
  await page.keyboard.press('Control+z');
  await expect(page.locator(`tr[data-row="${count + 1}"]`)).not.toContainText('D+50');
  await page.keyboard.press('Control+z');
  await expect(card.locator('legend')).toHaveText(`Stap ${count + 1}: Nieuwe stap`);
  await page.keyboard.press('Control+z');
  await expect(page.locator('.tl-step')).toHaveCount(count);
  // The card that had focus is gone: focus lands on the undo button, not on the page body.
  await expect(page.getByRole('button', { name: 'Ongedaan maken' })).toBeFocused();

  // Move and remove by keyboard, and undo with the button.
  await step(page, 1).getByRole('button', { name: /^Omhoog/ }).focus();
  const second = await step(page, 1).getByLabel('Titel').inputValue();
  await page.keyboard.press('Enter');
  await expect(step(page, 0).getByLabel('Titel')).toHaveValue(second);
  await expect(step(page, 0).getByRole('button', { name: /^Omlaag/ })).toBeFocused();
  await step(page, 0).getByRole('button', { name: /^Verwijderen/ }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.tl-step')).toHaveCount(count - 1);
  await page.getByRole('button', { name: 'Ongedaan maken' }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(page.locator('.tl-step')).toHaveCount(count);
  await expect(step(page, 1).getByLabel('Titel')).toHaveValue(second);
});

test('no axe violations on the builder, with warnings, pauses and the pack form open', async ({ page }) => {
  await openPlan(page);
  await setDay(page, 5, 30);
  await page.getByLabel('Pauze vanaf').fill('2026-02-20');
  await page.getByRole('button', { name: 'Pauze toevoegen' }).click();
  await expect(page.locator('[data-resume]')).toBeVisible();
  await page.getByText('Uw gegevens en die van de klant').click();
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  expect(result.violations.map((v) => `${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)).toEqual([]);
  // Resuming the open pause gives the held steps a date again.
  expect((await rows(page)).some((r) => r.state === 'on-hold')).toBe(true);
  await page.getByLabel('Hervat op').fill('2026-03-02');
  await page.getByRole('button', { name: 'Hervat de planning' }).click();
  expect((await rows(page)).every((r) => r.state === 'planned')).toBe(true);
});

test('the print view shows the plan without the editing controls', async ({ page }) => {
  await openPlan(page);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.tl-table')).toBeVisible();
  await expect(page.locator('.tl-vis')).toBeVisible();
  await expect(page.locator('.tl-editor')).toBeHidden();
  await expect(page.locator('.tl-settings')).toBeHidden();
  await expect(page.locator('.tl-export')).toBeHidden();
  await expect(page.locator('.site-header')).toBeHidden();
});
