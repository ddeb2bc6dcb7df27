/**
 * The interest and costs calculator (/rekenhulp/). The expected figures are worked out by hand from
 * the legal module's tables (src/legal/rates.ts, rules.ts), not read back from the code:
 * simple interest, actual days / 365, each period rounded half up to the cent.
 */
import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const PAGE = '/rekenhulp/';
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

interface Case {
  name: string;
  amount: string;
  due: string;
  paid?: string;
  land: 'België' | 'Nederland';
  klant: 'Een onderneming (B2B)' | 'Een consument (B2C)';
  /** Each breakdown row: period, days, rate, base, amount (cells as shown). */
  rows: [period: RegExp, days: string, rate: RegExp, base: string, amount: string][];
  interest: string;
  costs: [label: RegExp, amount: string][];
  extra: string | null;
  total: string | null;
}

const CASES: Case[] = [
  {
    // 1 April – 30 May 2026 = 30 + 30 = 60 days at 10,5 % (BE 2026 H1, "unverified" in rate-data.ts):
    // 1.240,50 × 10,5 % × 60 / 365 = 21,4110 → € 21,41. Plus the fixed € 40 (wet 2 augustus 2002, art. 6).
    name: 'BE business, one semester, an unverified rate',
    amount: '1.240,50',
    due: '2026-03-31',
    paid: '2026-05-30',
    land: 'België',
    klant: 'Een onderneming (B2B)',
    rows: [[/1 april 2026 – 30 mei 2026\s*1e semester 2026/, '60', /^10,5 %\s*niet geverifieerd$/, '€ 1.240,50', '€ 21,41']],
    interest: '€ 21,41',
    costs: [[/Forfaitaire schadevergoeding/, '€ 40,00']],
    extra: '€ 61,41',
    total: '€ 1.301,91',
  },
  {
    // Across the 1 July 2025 semester boundary: 1–30 June = 30 days at 11,5 % (2025 H1) and
    // 1 July – 14 August = 31 + 14 = 45 days at 10,5 % (2025 H2).
    // 5.000 × 11,5 % × 30 / 365 = 47,260 → € 47,26; 5.000 × 10,5 % × 45 / 365 = 64,726 → € 64,73; sum € 111,99.
    name: 'BE business across a semester boundary',
    amount: '5000',
    due: '2025-05-31',
    paid: '2025-08-14',
    land: 'België',
    klant: 'Een onderneming (B2B)',
    rows: [
      [/1 juni 2025 – 30 juni 2025\s*1e semester 2025/, '30', /^11,5 %\s*niet geverifieerd$/, '€ 5.000,00', '€ 47,26'],
      [/1 juli 2025 – 14 augustus 2025\s*2e semester 2025/, '45', /^10,5 %\s*niet geverifieerd$/, '€ 5.000,00', '€ 64,73'],
    ],
    interest: '€ 111,99',
    costs: [[/Forfaitaire schadevergoeding/, '€ 40,00']],
    extra: '€ 151,99',
    total: '€ 5.151,99',
  },
  {
    // NL consumer, wettelijke rente 6 % from 1 January 2025: 1 April – 30 June 2025 = 30 + 31 + 30 = 91 days:
    // 1.240,50 × 6 % × 91 / 365 = 18,5565 → € 18,56. WIK: 15 % × 1.240,50 = 186,075 → € 186,07, a maximum rounded down.
    name: 'NL consumer, statutory interest and the WIK scale',
    amount: '1240,50',
    due: '2025-03-31',
    paid: '2025-06-30',
    land: 'Nederland',
    klant: 'Een consument (B2C)',
    rows: [[/1 april 2025 – 30 juni 2025\s*1e halfjaar 2025/, '91', /^6 %\s*niet geverifieerd$/, '€ 1.240,50', '€ 18,56']],
    interest: '€ 18,56',
    costs: [[/Buitengerechtelijke incassokosten/, '€ 186,07']],
    extra: '€ 204,63',
    total: '€ 1.445,13',
  },
  {
    // 16–30 June 2026 = 15 days at 10,5 %: 1.000 × 10,5 % × 15 / 365 = 4,315 → € 4,32.
    // The 2026 H2 rate is unknown in rate-data.ts, so July is not computed and there is no total.
    name: 'BE business with a period whose rate is unknown',
    amount: '1.000',
    due: '2026-06-15',
    paid: '2026-07-31',
    land: 'België',
    klant: 'Een onderneming (B2B)',
    rows: [
      [/16 juni 2026 – 30 juni 2026\s*1e semester 2026/, '15', /^10,5 %\s*niet geverifieerd$/, '€ 1.000,00', '€ 4,32'],
      [/1 juli 2026 – 31 juli 2026\s*2e semester 2026/, '31', /^onbekend$/, '–', 'onbekend'],
    ],
    interest: 'onbekend',
    costs: [[/Forfaitaire schadevergoeding/, '€ 40,00']],
    extra: null,
    total: null,
  },
];

const form = (page: Page) => page.locator('[data-interest] form');
const result = (page: Page) => page.locator('[data-interest] [data-result]');

async function enter(page: Page, c: Pick<Case, 'amount' | 'due' | 'paid' | 'land' | 'klant'> & { reminder?: string }): Promise<void> {
  const f = form(page);
  await f.getByRole('radio', { name: c.land }).check();
  await f.getByRole('radio', { name: c.klant }).check();
  if (c.reminder !== undefined) await f.getByLabel('Datum van de eerste herinnering').fill(c.reminder);
  await f.getByLabel('Openstaand bedrag').fill(c.amount);
  await f.getByLabel('Vervaldag').fill(c.due);
  await f.getByLabel(/^Betaaldatum/).fill(c.paid ?? '');
  await f.getByRole('button', { name: 'Bereken' }).click();
}

/**
 * Types a date with the keyboard only. The segment order of a date field follows the browser's
 * own locale (day-month-year or month-day-year), so a first date tells which one it is.
 */
async function typeDate(page: Page, iso: string): Promise<void> {
  const [y, m, d] = iso.split('-') as [string, string, string];
  const id = await page.evaluate(() => document.activeElement!.id);
  const value = () => page.evaluate((id) => (document.getElementById(id) as HTMLInputElement).value, id);
  await page.keyboard.type('01022003');
  const dayFirst = (await value()) === '2003-02-01';
  // Back to the first segment, then the real date.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.type(dayFirst ? `${d}${m}${y}` : `${m}${d}${y}`);
  expect(await value()).toBe(iso);
}

/** Tab until the focus is on another element (a date field has segments and a calendar button). */
async function tabOut(page: Page): Promise<void> {
  const current = await page.evaluateHandle(() => document.activeElement);
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Tab');
    if (!(await page.evaluate((el) => document.activeElement === el, current))) return;
  }
}

async function cells(row: Locator): Promise<string[]> {
  return (await row.locator('th, td').allInnerTexts()).map((s) => s.replace(/\s+/g, ' ').trim());
}

test.describe('interest calculator', () => {
  for (const c of CASES) {
    test(`computes ${c.name}`, async ({ page }) => {
      await page.goto(PAGE);
      await enter(page, c);
      const out = result(page);
      await expect(page.locator('#interest-resultaat')).toBeFocused();

      const rows = out.locator('[data-breakdown] tbody tr');
      await expect(rows).toHaveCount(c.rows.length);
      for (const [i, [period, days, rate, base, amount]] of c.rows.entries()) {
        const [p, d, r, b, a, source] = await cells(rows.nth(i));
        expect(p).toMatch(period);
        expect([d, b, a]).toEqual([days, base, amount]);
        expect(r).toMatch(rate);
        // Every computed period names its source; an unknown one says it was not computed.
        expect(source).toMatch(a === 'onbekend' ? /Niet berekend/ : /\w{4,}/);
      }
      await expect(out.locator('[data-interest-total]')).toHaveText(c.interest);
      for (const [label, amount] of c.costs) await expect(out.locator('[data-cost]').filter({ hasText: label })).toContainText(amount);

      if (c.total === null) {
        await expect(out.locator('[data-total]')).toHaveCount(0);
        await expect(out.locator('[data-no-total]')).toContainText('Geen totaal');
        await expect(out.locator('[data-unknown]')).toContainText('De interestvoet voor het 2e semester 2026 is nog niet bekend');
        await expect(out.locator('tr[data-line="unknown"]')).toHaveCount(1);
        await expect(page.locator('[data-summary]')).toContainText('geen totaal');
      } else {
        await expect(out.locator('[data-total="extra"] td')).toHaveText(c.extra!);
        await expect(out.locator('[data-total="all"] td')).toHaveText(c.total);
        await expect(out.locator('[data-unknown]')).toHaveCount(0);
        await expect(page.locator('[data-summary]')).toContainText(c.total);
      }
      // Unverified facts say so, with an official Dutch source next to them: for 2026 H1 no Staatsblad
      // notice was seen, so the row cites the law that sets the rate (ECB rate + 8 points).
      if (c.name === CASES[0]!.name) await expect(rows.first().locator('.interest__sources')).toContainText('Wet van 2 augustus 2002');
    });
  }

  test('the Belgian consumer gets a choice of interest, and only the matching rules show', async ({ page }) => {
    await page.goto(PAGE);
    const f = form(page);
    await expect(f.getByRole('group', { name: 'Welke interest?' })).toBeHidden();
    await expect(page.locator('[data-kind-single]')).toHaveText('Soort interest: Nalatigheidsinteresten (wet van 2 augustus 2002).');
    // A first reminder whose term ended before the due date: interest runs from the day after the due date.
    await enter(page, { amount: '1.000,00', due: '2026-01-31', paid: '2026-03-01', land: 'België', klant: 'Een consument (B2C)', reminder: '2026-01-10' });
    const choice = f.getByRole('group', { name: 'Welke interest?' });
    await expect(choice).toBeVisible();
    // 1 February – 1 March 2026 = 29 days. Wettelijke interestvoet 2026: 4,5 % → 1.000 × 4,5 % × 29 / 365 = 3,575 → € 3,58.
    await expect(result(page).locator('[data-interest-total]')).toHaveText('€ 3,58');
    // Maximum contractual rate: 10,5 % → 1.000 × 10,5 % × 29 / 365 = 8,342 → € 8,34.
    await choice.getByRole('radio', { name: /Maximale contractuele/ }).check();
    await expect(result(page).locator('[data-interest-total]')).toHaveText('€ 8,34');
    // Neither Belgian consumer amount depends on the law alone, so the total is principal plus interest.
    await expect(result(page).locator('[data-total="all"] td')).toHaveText('€ 1.008,34');
    await expect(result(page)).toContainText('Niet in het totaal');
    // Rules: Belgium, consumers and "all", not the Netherlands nor business-only ones.
    await expect(page.locator('[data-rules="nl"]')).toBeHidden();
    await expect(page.getByRole('heading', { name: /eerste herinnering gratis/ })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Nalatigheidsinteresten tussen ondernemingen' })).toBeHidden();
    await expect(page.locator('[data-disclaimer="be"]')).toBeVisible();
    await expect(page.locator('[data-disclaimer="nl"]')).toBeHidden();
  });

  test('a rate we do not know can be typed for its period, and the total then says so', async ({ page }) => {
    await page.goto(PAGE);
    await enter(page, CASES[3]!);
    const f = form(page);
    const out = result(page);
    const rate = f.getByLabel('Interestvoet voor het 2e semester 2026 (% per jaar)');
    await expect(rate).toBeVisible();
    await expect(f.locator('#interest-voet-2026-07-01-hint')).toContainText('De interestvoet voor het tweede semester van 2026 kennen wij nog niet');
    await expect(f.locator('#interest-voet-2026-07-01-hint')).toContainText('plus 8 procentpunt');
    // Without it: never a total that silently leaves July out.
    await expect(out.locator('[data-no-total]')).toContainText('de interest voor het 2e semester 2026 ontbreekt');
    await expect(out.locator('[data-total]')).toHaveCount(0);

    await rate.fill('abc');
    await expect(page.locator('#interest-voet-2026-07-01-fout')).toHaveText('Schrijf een percentage als getal, bijvoorbeeld 10,5.');
    await expect(out.locator('table')).toHaveCount(0);

    // 16-30 June: € 4,32 (see above); July: 1.000 × 3 % × 31 / 365 = 2,548 → € 2,55; together € 6,87, plus the € 40.
    await rate.fill('3');
    await expect(rate).toBeFocused();
    await expect(out.locator('[data-interest-total]')).toHaveText('€ 6,87');
    await expect(out.locator('[data-total="all"] td')).toHaveText('€ 1.046,87');
    const july = out.locator('[data-breakdown] tbody tr').nth(1);
    await expect(july.locator('td').nth(1)).toHaveText(/^3 %\s*zelf ingevuld$/);
    await expect(out.locator('[data-typed-rates]')).toHaveText('De interestvoet voor het 2e semester 2026 (3 %) is zelf ingevuld, niet uit onze tabel.');
    await expect(page.locator('[data-summary]')).toContainText('zelf ingevuld');

    // The annex says it too.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Bijlage downloaden (pdf)' }).click()]);
    const file = test.info().outputPath('bijlage-zelf.pdf');
    await download.saveAs(file);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('31 dagen aan 3 % op € 1.000,00 = € 2,55');
    expect(text).toContain('Interestvoet zelf ingevuld');
    expect(text).toContain('Totaal interest: € 6,87');
  });

  test('for a Belgian consumer, interest waits for the term of the first reminder', async ({ page }) => {
    await page.goto(PAGE);
    const f = form(page);
    const reminder = f.getByLabel('Datum van de eerste herinnering');
    await expect(reminder).toBeHidden();
    await enter(page, { amount: '1.000', due: '2026-01-31', paid: '2026-04-30', land: 'België', klant: 'Een consument (B2C)' });
    await expect(reminder).toBeFocused();
    await expect(page.locator('#interest-eersteHerinnering-fout')).toHaveText('Vul de datum van de eerste (gratis) herinnering in: bij een consument loopt de interest pas na haar termijn.');
    await expect(result(page).locator('table')).toHaveCount(0);

    // Sent Friday 20 February 2026: its term ends 10 March, so 11 March - 30 April = 51 days at the
    // wettelijke interestvoet 2026 of 4,5 %: 1.000 × 4,5 % × 51 / 365 = 6,287 → € 6,29.
    await reminder.fill('2026-02-20');
    await f.getByRole('button', { name: 'Bereken' }).click();
    await expect(result(page).locator('[data-interest-total]')).toHaveText('€ 6,29');
    await expect(result(page)).toContainText('Interest vanaf 11 maart 2026, de dag na de termijn van de eerste herinnering van 20 februari 2026');

    // Not asked of a business.
    await f.getByRole('radio', { name: 'Een onderneming (B2B)' }).check();
    await expect(reminder).toBeHidden();
  });

  test('an empty payment date means today', async ({ page }) => {
    await page.goto(PAGE);
    const today = await page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    const [y, m, d] = today.split('-').map(Number) as [number, number, number];
    const monthAgo = new Date(Date.UTC(y, m - 1, d - 30)).toISOString().slice(0, 10);
    await enter(page, { amount: '2.000', due: monthAgo, land: 'Nederland', klant: 'Een onderneming (B2B)' });
    // From the day after the due date up to and including today: 30 days.
    await expect(result(page)).toContainText('tot en met vandaag');
    await expect(result(page).locator('[data-breakdown] tfoot')).toContainText('30');
  });

  test('invalid input gets Dutch messages and no result', async ({ page }) => {
    await page.goto(PAGE);
    const f = form(page);
    await f.getByRole('button', { name: 'Bereken' }).click();
    const amount = f.getByLabel('Openstaand bedrag');
    await expect(amount).toBeFocused();
    await expect(amount).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#interest-bedrag-fout')).toHaveText('Vul het openstaande bedrag in, bijvoorbeeld 1.234,56.');
    await expect(page.locator('#interest-vervaldag-fout')).toHaveText('Vul de vervaldag van de factuur in.');
    await expect(page.locator('[data-summary]')).toHaveText('Kijk de gegevens na: 2 velden zijn niet in orde.');

    await amount.fill('12,345');
    await expect(page.locator('#interest-bedrag-fout')).toHaveText('Schrijf het bedrag in euro, met een komma voor de centen, bijvoorbeeld 1.234,56.');
    await amount.fill('0');
    await expect(page.locator('#interest-bedrag-fout')).toHaveText('Het bedrag moet groter zijn dan nul.');
    await amount.fill('1.240,50');
    await expect(page.locator('#interest-bedrag-fout')).toBeHidden();
    await expect(amount).not.toHaveAttribute('aria-invalid');

    await f.getByLabel('Vervaldag').fill('2026-03-31');
    await f.getByLabel(/^Betaaldatum/).fill('2026-03-15');
    await f.getByRole('button', { name: 'Bereken' }).click();
    await expect(f.getByLabel(/^Betaaldatum/)).toBeFocused();
    await expect(page.locator('#interest-betaaldag-fout')).toHaveText('De betaaldatum moet na de vervaldag liggen. Betaalde de klant op tijd, dan is er geen interest verschuldigd.');
    await expect(result(page).locator('table')).toHaveCount(0);
    await expect(page.locator('[data-annex]')).toBeHidden();

    // A date the browser only half has (day and month, no year) is incomplete, not empty.
    await f.getByLabel(/^Betaaldatum/).fill('');
    await f.getByLabel(/^Betaaldatum/).focus();
    await page.keyboard.type('3');
    await f.getByRole('button', { name: 'Bereken' }).click();
    await expect(page.locator('#interest-betaaldag-fout')).toHaveText('Vul een volledige datum in (dag, maand en jaar).');

    await f.getByLabel(/^Betaaldatum/).fill('2026-05-30');
    await f.getByRole('button', { name: 'Bereken' }).click();
    await expect(page.locator('.field__error:visible')).toHaveCount(0);
    await expect(result(page).locator('[data-interest-total]')).toHaveText('€ 21,41');
  });

  test('the annex PDF downloads and holds the breakdown, the costs, the total and the sources', async ({ page, watch }) => {
    await page.goto(PAGE);
    await form(page).getByLabel(/^Referentie/).fill('Factuur F-2026-0777');
    await enter(page, CASES[0]!);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Bijlage downloaden (pdf)' }).click()]);
    expect(download.suggestedFilename()).toBe('bijlage-interest-factuur-f-2026-0777.pdf');
    await expect(page.locator('[data-file-status]')).toHaveText('bijlage-interest-factuur-f-2026-0777.pdf is gedownload.');
    const file = test.info().outputPath('bijlage.pdf');
    await download.saveAs(file);
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const expected of [
      'Berekening van nalatigheidsinteresten en forfaitaire schadevergoeding',
      'Betreft: Factuur F-2026-0777, vervallen op 31 maart 2026',
      'Openstaand bedrag (hoofdsom): € 1.240,50',
      '1 april 2026 – 30 mei 2026 (1e semester 2026): 60 dagen aan 10,5 % op € 1.240,50 = € 21,41',
      'niet geverifieerd',
      'Totaal interest: € 21,41',
      'Forfaitaire schadevergoeding: € 40,00 (vast bedrag)',
      'Interest en kosten samen: € 61,41',
      'Met de hoofdsom erbij: € 1.301,91',
      'Rechtsgrond',
      'wet van 2 augustus 2002',
      'Bronnen',
      'https://',
      'geen juridisch advies',
    ]) {
      expect(text, expected).toContain(expected);
    }
    // The PDF code and the fonts come from this site only.
    const origin = new URL(page.url()).origin;
    const fetched = watch.requests.filter((u) => !/^(data|blob|about):/.test(u));
    expect(fetched.some((u) => /\/fonts\/DejaVuSans(-Latin)?\.ttf$/.test(u))).toBe(true);
    expect(fetched.every((u) => new URL(u).origin === origin)).toBe(true);
  });

  test('no axe violations, with a result, an unknown period and the choice of interest', async ({ page }) => {
    await page.goto(PAGE);
    await enter(page, CASES[3]!);
    await expect(result(page).locator('[data-unknown]')).toBeVisible();
    const axe = () => new AxeBuilder({ page }).withTags(TAGS).analyze();
    let report = await axe();
    expect(report.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)).toEqual([]);

    await form(page).getByRole('radio', { name: 'Een consument (B2C)' }).check();
    await form(page).getByLabel('Openstaand bedrag').fill('abc');
    await form(page).getByRole('button', { name: 'Bereken' }).click();
    report = await axe();
    expect(report.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });

  test('works with the keyboard alone', async ({ page }) => {
    await page.goto(PAGE);
    const focused = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.getAttribute('name') || document.activeElement?.tagName);
    // Tab from the top of the page to the first field.
    for (let i = 0; i < 30 && (await focused()) !== 'interest-bedrag'; i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe('interest-bedrag');
    await page.keyboard.type('1.240,50');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('interest-vervaldag');
    await typeDate(page, '2025-03-31');
    await tabOut(page);
    expect(await focused()).toBe('interest-betaaldag');
    await typeDate(page, '2025-06-30');
    await tabOut(page);
    // The country: arrow keys move the choice within the group.
    expect(await focused()).toBe('land');
    await page.keyboard.press('ArrowDown');
    await expect(form(page).getByRole('radio', { name: 'Nederland' })).toBeChecked();
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('klant');
    await page.keyboard.press('ArrowDown');
    await expect(form(page).getByRole('radio', { name: 'Een consument (B2C)' })).toBeChecked();
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('interest-referentie');
    await page.keyboard.press('Enter');
    // Submitting moves the focus to the result, which holds case 3's figures.
    await expect(page.locator('#interest-resultaat')).toBeFocused();
    await expect(result(page).locator('[data-total="all"] td')).toHaveText('€ 1.445,13');
    for (let i = 0; i < 80 && (await focused()) !== 'BUTTON'; i++) await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Bijlage downloaden (pdf)' })).toBeFocused();
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toBe('bijlage-interest-2025-06-30.pdf');
    await expect(page.getByRole('button', { name: 'Bijlage downloaden (pdf)' })).toBeFocused();
  });

  test('the legal guides and the menu link to the calculator, with the country chosen', async ({ page }) => {
    for (const [guide, land] of [['/gidsen/wettelijk-kader-belgie/', 'België'], ['/gidsen/wettelijk-kader-nederland/', 'Nederland']] as const) {
      await page.goto(guide);
      await page.locator('[data-interest-link] a').click();
      await expect(page).toHaveURL(/\/rekenhulp\/\?land=(be|nl)$/);
      await expect(form(page).getByRole('radio', { name: land })).toBeChecked();
      // België is also the default: let the island finish loading before the next navigation aborts it.
      await page.waitForLoadState('networkidle');
    }
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Interest berekenen' });
    await expect(nav).toHaveAttribute('aria-current', 'page');
  });

  test('prints the result without the form and the menu', async ({ page }) => {
    await page.goto(PAGE);
    await enter(page, CASES[1]!);
    await page.emulateMedia({ media: 'print' });
    await expect(form(page)).toBeHidden();
    await expect(page.locator('.site-header')).toBeHidden();
    await expect(page.locator('[data-actions]')).toBeHidden();
    await expect(result(page).locator('.interest__inputs')).toBeVisible();
    await expect(result(page).locator('.interest__inputs')).toContainText('€ 5.000,00');
    await expect(result(page).locator('[data-breakdown]')).toBeVisible();
    await expect(page.locator('[data-disclaimer="be"]')).toBeVisible();
  });

  test('reads without JavaScript: a note, the rules and both notices', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL: baseURL! });
    const page = await context.newPage();
    await page.goto(PAGE);
    await expect(page.locator('[data-interest] form')).toBeHidden();
    // (Playwright turns scripting off after parsing, so the <noscript> note itself stays raw text here.)
    await expect(page.locator('[data-interest] noscript')).toHaveCount(1);
    await expect(page.locator('[data-rules="be"]')).toBeVisible();
    await expect(page.locator('[data-rules="nl"]')).toBeVisible();
    await expect(page.locator('[data-disclaimer]')).toHaveCount(2);
    await context.close();
  });
});
