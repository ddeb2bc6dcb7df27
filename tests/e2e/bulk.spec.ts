/**
 * The bulk page (/meerdere-facturen/): column guessing on the sample exports, broken rows shown per
 * cell and skipped (never a crash), a 500-invoice / 200-customer run timed from click to download
 * and read back (jszip, papaparse, pdftotext), privacy (no POST/PUT, no request carries the file),
 * axe, and a keyboard-only upload. The fixtures (tests/e2e/fixtures.ts) already fail any console
 * error, failed request, CSP violation or request to another origin.
 */
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import type { Page, Request } from '@playwright/test';
import JSZip from 'jszip';
import Papa from 'papaparse';
import { expect, test } from './fixtures.ts';
import { mulberry32 } from '../helpers/rng.ts';

const PAGE = '/meerdere-facturen/';
const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'bulk');
const TODAY = '2026-06-15';
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

const fixture = (name: string) => join(FIXTURES, name);
const STORAGE_KEY = 'tijdig:eigen-gegevens:v1';

async function open(page: Page): Promise<void> {
  await page.goto(PAGE);
  await expect(page.locator('[data-needs-js]')).toBeVisible();
}

/** Loads a file, then sets the sending date the fixtures were written for (the plan follows). */
async function load(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  await page.locator('#bk-file').setInputFiles(file);
  // "… is gelezen", not "… wordt gelezen…": the worker may still be reading.
  await expect(page.locator('[data-status]')).toContainText('is gelezen');
  await setToday(page);
}

async function setToday(page: Page): Promise<void> {
  const today = page.locator('#bk-today');
  if ((await today.isVisible()) && (await today.inputValue()) !== TODAY) {
    await today.fill(TODAY);
    await expect(page.locator('[data-status]')).toContainText('Bijgewerkt');
  }
}

const mapped = (page: Page, field: string, index = 0) => page.locator(`#bk-map-${field}-${index}`);
const row = (page: Page, n: number) => page.locator(`[data-rows] tr[data-row="${n}"]`);
/** A cell of the preview table by its column header. */
async function cell(page: Page, n: number, header: string) {
  const headers = await page.locator('[data-rows] thead th').evaluateAll((ths) => ths.map((th) => th.firstChild?.textContent ?? ''));
  const index = headers.indexOf(header) - 2; // "Rij" and "Status" come first
  expect(index, `column ${header}`).toBeGreaterThanOrEqual(0);
  return row(page, n).locator(`td[data-col="${index}"]`);
}

test('guesses the columns of an Exact Online export and shows what it detected', async ({ page }) => {
  await open(page);
  await load(page, fixture('exact-online-openstaande-posten.csv'));
  await expect(page.locator('[data-fact="delimiter"]')).toHaveText('puntkomma (;), herkend');
  await expect(page.locator('[data-fact="encoding"]')).toHaveText('UTF-8 met BOM');
  await expect(page.locator('[data-fact="header"]')).toContainText('de regels erboven zijn overgeslagen');
  const expected: Record<string, string> = {
    factuurnummer: 'Factuurnummer',
    factuurdatum: 'Factuurdatum',
    vervaldatum: 'Vervaldatum',
    bedrag: 'Bedrag',
    openstaand: 'Openstaand',
    klantnummer: 'Debiteur',
    klantnaam: 'Naam',
    email: 'E-mail',
    telefoon: 'Telefoon',
    straat: 'Adres',
    postcode: 'Postcode',
    gemeente: 'Plaats',
    land: 'Land',
    contactpersoon: '',
    iban: '',
  };
  for (const [field, header] of Object.entries(expected)) await expect(mapped(page, field), field).toHaveValue(header);
  await expect(page.locator('[data-map-field="klantnummer"] .bk-badge')).toHaveText('herkend');
  await expect(page.locator('[data-mapping-problems]')).toBeHidden();
  // Several invoices of one customer become one message.
  const pleintje = page.locator('[data-customers] tr', { hasText: 'Brasserie Het Pleintje' });
  await expect(pleintje.locator('td[data-col="facturen"]')).toContainText('3 facturen');
  await expect(pleintje.locator('td[data-col="facturen"]')).toContainText('Samen in één bericht');
});

test('reads a Windows-1252 file and a comma-separated one, and joins first and last name', async ({ page }) => {
  await open(page);
  await load(page, fixture('billit-yuki-verkoopfacturen.csv'));
  await expect(page.locator('[data-fact="encoding"]')).toHaveText('Windows-1252 (ANSI)');
  await expect(page.locator('[data-file-issues]')).toContainText('Windows-1252');
  await expect(mapped(page, 'openstaand')).toHaveValue('Te betalen');
  await expect(mapped(page, 'straat', 0)).toHaveValue('Straat');
  await expect(mapped(page, 'straat', 1)).toHaveValue('Huisnummer');
  await expect(page.locator('[data-customers]')).toContainText('Café De Zwaan');

  await load(page, fixture('moneybird-facturen.csv'));
  await expect(page.locator('[data-fact="delimiter"]')).toHaveText('komma (,), herkend');
  await expect(mapped(page, 'contactpersoon', 0)).toHaveValue('Voornaam');
  await expect(mapped(page, 'contactpersoon', 1)).toHaveValue('Achternaam');
});

test('a corrected column is remembered for the next file with the same columns', async ({ page }) => {
  await open(page);
  await load(page, fixture('exact-online-openstaande-posten.csv'));
  await mapped(page, 'telefoon').selectOption('');
  await expect(page.locator('[data-mapping-source]')).toHaveText('Uw keuze is bewaard in deze browser.');
  await page.reload();
  await load(page, fixture('exact-online-openstaande-posten.csv'));
  await expect(page.locator('[data-mapping-source]')).toHaveText('Uw kolomkeuze van de vorige keer is toegepast.');
  await expect(mapped(page, 'telefoon')).toHaveValue('');
  await page.getByRole('button', { name: 'Gebruik wat Tijdig herkende' }).click();
  await expect(mapped(page, 'telefoon')).toHaveValue('Telefoon');
  // Taking a column for another field removes it from the first.
  await mapped(page, 'klantnummer').selectOption('Naam');
  await expect(mapped(page, 'klantnaam')).toHaveValue('');
  await expect(page.locator('[data-mapping-problems]')).toContainText('naam van de klant');
  await expect(page.locator('[data-map-field="klantnaam"]')).toHaveClass(/is-missing/);
});

test('broken rows are shown per cell with a Dutch message and skipped; hostile files never crash the page', async ({ page }) => {
  await open(page);
  await load(page, fixture('kapot.csv'));
  await expect(page.locator('[data-row-summary]')).toContainText('19 rijen gelezen: 7 facturen in orde, 12 rijen gaan niet mee');

  const checks: [number, string, 'fout' | 'waarschuwing', string][] = [
    [4, 'Vervaldatum', 'fout', '31-02-2026 bestaat niet'],
    [5, 'Vervaldatum', 'fout', '"gisteren" is geen datum'],
    [6, 'Openstaand', 'fout', 'de scheidingstekens voor duizendtallen staan op een vreemde plaats'],
    [7, 'Openstaand', 'fout', '"abc" is geen bedrag'],
    [8, 'Openstaand', 'fout', 'meer dan twee decimalen'],
    [9, 'Openstaand', 'fout', 'creditnota'],
    [17, 'Factuurnr', 'fout', 'het factuurnummer ontbreekt'],
    [11, 'IBAN', 'waarschuwing', 'Dit IBAN klopt niet: het controlegetal past niet bij het nummer. Kijk na of u geen cijfer verkeerd typte.'],
    [20, 'E-mail', 'fout', 'Opmerking: geen geldig e-mailadres: geen-adres'],
    // Valid row, but today's step is an e-mail and there is no address: the customer is skipped.
    [12, 'E-mail', 'fout', 'een e-mailadres is nodig'],
    [20, 'E-mail', 'fout', 'een e-mailadres is nodig'],
  ];
  await page.locator('#bk-row-filter').selectOption('alle');
  for (const [n, header, severity, text] of checks) {
    const td = await cell(page, n, header);
    await expect(td, `row ${n} ${header}`).toHaveClass(new RegExp(`is-${severity}`));
    await expect(td, `row ${n} ${header}`).toContainText(`${severity === 'fout' ? 'Fout' : 'Opmerking'}: `);
    await expect(td, `row ${n} ${header}`).toContainText(text);
  }
  for (const n of [4, 5, 6, 7, 8, 9, 10, 17, 18, 21, 22, 23]) {
    await expect(row(page, n), `row ${n}`).toHaveClass(/is-skipped/);
    await expect(row(page, n).locator('td[data-col="status"]')).toContainText('Gaat niet mee');
  }
  await expect(row(page, 12)).toHaveClass(/is-skipped/);
  await expect(row(page, 12).locator('td[data-col="status"]')).toContainText('Klant overgeslagen: geen (geldig) e-mailadres');
  await expect(row(page, 11).locator('td[data-col="status"]')).toHaveText('Gaat mee, met een opmerking');
  await expect(row(page, 21).locator('td[data-col="status"]')).toContainText('lijkt een totaalregel');
  // A formula is shown as the text it is.
  await expect(await cell(page, 16, 'Klant')).toContainText('=HYPERLINK("http://evil.example";"Klik hier")');
  await expect(page.locator('[data-rows] a')).toHaveCount(0);
  // Only skipped rows, on request.
  await page.locator('#bk-row-filter').selectOption('overgeslagen');
  await expect(page.locator('[data-rows] tbody tr')).toHaveCount(14);
  await expect(page.locator('[data-customers] tr[data-state="overgeslagen"]')).toHaveCount(2);
  await expect(page.locator('[data-customers] tr[data-state="overgeslagen"]').first()).toContainText('Fout Adres bv');

  // Hostile files: each shows a message, none throws (the fixture fails any uncaught error).
  const hostile: [string, Buffer, RegExp][] = [
    ['leeg.csv', Buffer.alloc(0), /geen facturen/],
    ['werkmap.csv', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]), /Excel-werkmap/],
    ['ruis.csv', Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256)), /./],
    ['alleen-kop.csv', Buffer.from('Factuurnummer;Klant;Vervaldatum;Bedrag\r\n'), /geen facturen/],
    ['html.csv', Buffer.from('Factuurnummer;Klant;Vervaldatum;Bedrag;E-mail\r\nF1;<img src=x onerror=alert(1)>;01-06-2026;10,00;a@b.be\r\n'), /./],
  ];
  for (const [name, buffer, message] of hostile) {
    await page.locator('#bk-file').setInputFiles({ name, mimeType: 'text/csv', buffer });
    await expect(page.locator('[data-status]')).toContainText(name === 'werkmap.csv' ? 'Excel-werkmap' : name);
    if (name !== 'ruis.csv' && name !== 'html.csv') await expect(page.locator('[data-file-error]')).toHaveText(message);
  }
  await expect(page.locator('[data-customers]')).toContainText('<img src=x onerror=alert(1)>');
  await expect(page.locator('main img')).toHaveCount(0);
});

// ---------------------------------------------------------------- 500 invoices, 200 customers

interface Expected {
  klantnummer: string;
  naam: string;
  openCents: number;
}

const rng = mulberry32;
const shift = (iso: string, days: number) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
};
const dmy = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
const euro = (cents: number) => `${String(Math.floor(cents / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${String(cents % 100).padStart(2, '0')}`;
const cents = (excel: string) => Math.round(Number(excel.replace(',', '.')) * 100);

/** 200 customers (100 with 3 invoices, 100 with 2), due dates from 12 days ahead to 130 days late, 0-3 reminders already sent; `marker` in every contact name. */
function largeCsv(marker: string, count = 200): { csv: string; customers: Expected[] } {
  const random = rng(9);
  const trades = ['Bakkerij', 'Brasserie', 'Garage', 'Drukkerij', 'Kapsalon', 'Slagerij', 'Bloemenhuis', 'Koffiebar', 'Boekhandel', 'Frituur'];
  const names = ['De Linde', 'Het Anker', 'Van Acker', 'Peeters', 'De Smet', 'Janssens', 'Maes', 'Claes', 'Wouters', 'Visser'];
  const towns: [string, string][] = [['9000', 'Gent'], ['2000', 'Antwerpen'], ['3000', 'Leuven'], ['8000', 'Brugge'], ['2800', 'Mechelen']];
  // "Aantal herinneringen": how many reminders each customer already had (0-3), so the run makes
  // later steps (calls, letters) too, never a step whose earlier steps were not sent.
  const lines = ['Klantnummer;Klantnaam;Contactpersoon;E-mail;Straat;Postcode;Gemeente;Factuurnummer;Factuurdatum;Vervaldatum;Bedrag;Openstaand;Aantal herinneringen'];
  const customers: Expected[] = [];
  let invoice = 1;
  for (let c = 0; c < count; c++) {
    const klantnummer = `K-${2000 + c}`;
    const naam = `${trades[c % trades.length]} ${names[Math.floor(c / 10) % names.length]} ${c}`;
    const [postcode, gemeente] = towns[c % towns.length]!;
    const oldestLate = -12 + Math.floor(random() * 143);
    const invoices: { due: string; open: number }[] = [];
    for (let i = 0; i < (c < count / 2 ? 3 : 2); i++) {
      const due = shift(TODAY, -(i === 0 ? oldestLate : oldestLate - 5 - Math.floor(random() * 40)));
      const bedrag = 5_000 + Math.floor(random() * 400_000);
      const open = i === 1 && c % 7 === 0 ? Math.floor(bedrag / 3) : bedrag;
      lines.push([klantnummer, naam, `An Peeters ${marker}`, `factuur${c}@klant${c}.be`, `Kerkstraat ${c + 1}`, postcode, gemeente, `F26-${String(invoice++).padStart(4, '0')}`, dmy(shift(due, -30)), dmy(due), euro(bedrag), euro(open), String(c % 4)].join(';'));
      invoices.push({ due, open });
    }
    const overdue = invoices.filter((i) => i.due < TODAY);
    customers.push({ klantnummer, naam, openCents: (overdue.length ? overdue : invoices).reduce((n, i) => n + i.open, 0) });
  }
  return { csv: `\ufeff${lines.join('\r\n')}\r\n`, customers };
}

test('500 invoices for 200 customers: one zip in the browser, timed, read back, and nothing sent', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const marker = `TJMARK${Date.now().toString(36)}`;
  const { csv, customers } = largeCsv(marker);
  expect(csv.split('\r\n').length - 2).toBe(500);

  const requests: Request[] = [];
  page.on('request', (r) => requests.push(r));
  const scripts = new Map<string, number>();
  let clicked = false;
  const runScripts = new Map<string, number>();
  page.on('response', async (response) => {
    if (response.request().resourceType() !== 'script' || !response.ok()) return;
    const gz = gzipSync(await response.body()).length;
    (clicked ? runScripts : scripts).set(response.url(), gz);
  });

  await open(page);
  await page.waitForLoadState('networkidle');
  await page.evaluate((key) => localStorage.removeItem(key), STORAGE_KEY);
  await load(page, { name: 'openstaande-posten.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await expect(page.locator('[data-row-summary]')).toContainText('500 rijen gelezen: 500 facturen in orde');
  await expect(page.locator('[data-row-summary]')).toContainText('Samen 200 klanten');
  await page.getByRole('button', { name: 'Vul een voorbeeld in' }).click();

  const bar = page.getByRole('progressbar');
  const run = page.getByRole('button', { name: 'Maak het pakket' });
  await run.scrollIntoViewIfNeeded();
  // Every value the progress bar announces during the run.
  await page.locator('[data-progressbar]').evaluate((el) => {
    const seen: number[] = [];
    (window as unknown as { bkProgress: number[] }).bkProgress = seen;
    new MutationObserver(() => seen.push(Number(el.getAttribute('aria-valuenow')))).observe(el, { attributes: true, attributeFilter: ['aria-valuenow'] });
  });
  clicked = true;
  const started = Date.now();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), run.click()]);
  const ms = Date.now() - started;
  const seconds = (ms / 1000).toFixed(2);
  console.log(`[bulk e2e] 500 facturen / 200 klanten in de browser: ${seconds} s van klik tot download`);
  testInfo.annotations.push({ type: 'timing', description: `500 invoices / 200 customers, click to download: ${ms} ms` });

  expect(download.suggestedFilename()).toBe(`tijdig-herinneringen-${TODAY}.zip`);
  await expect(bar).toHaveAttribute('aria-valuenow', '100');
  const seen = await page.evaluate(() => (window as unknown as { bkProgress: number[] }).bkProgress);
  expect(seen.some((v) => v > 0 && v < 100), `progress values ${seen.join(', ')}`).toBe(true);
  expect(seen).toEqual([...seen].sort((a, b) => a - b));
  await expect(page.locator('[data-run-status]')).toContainText('is gedownload');

  // The JavaScript the page needed: on load, and loaded by the click.
  const kb = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0) / 1024;
  const jsNote = `JS gzip: ${kb(scripts).toFixed(1)} kB initial (${scripts.size} files), ${kb(runScripts).toFixed(1)} kB on run (${runScripts.size} files)`;
  console.log(`[bulk e2e] ${jsNote}`);
  testInfo.annotations.push({ type: 'js', description: jsNote });

  // Privacy: only GETs, and the file's contents are in no request at all.
  const sent = requests.filter((r) => r.method() !== 'GET');
  expect(sent.map((r) => `${r.method()} ${r.url()}`)).toEqual([]);
  for (const r of requests) {
    expect(r.url()).not.toContain(marker);
    expect(r.postData() ?? '').not.toContain(marker);
    expect(Object.values(await r.allHeaders()).join('\n')).not.toContain(marker);
  }

  // The zip, read back.
  const zip = await JSZip.loadAsync(await readFile((await download.path())!));
  const overview = await zip.file('00_overzicht.csv')!.async('string');
  expect(overview.startsWith('\ufeff')).toBe(true);
  const parsed = Papa.parse<Record<string, string>>(overview.slice(1), { delimiter: ';', header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  expect(parsed.data).toHaveLength(200);
  const byNumber = new Map(parsed.data.map((r) => [r['Klantnummer'], r]));
  for (const c of customers) {
    const r = byNumber.get(c.klantnummer);
    expect(r, c.klantnummer).toBeDefined();
    expect(r!['Klant']).toBe(c.naam);
    expect(cents(r!['Openstaand (EUR)']!), c.klantnummer).toBe(c.openCents);
  }
  const made = parsed.data.filter((r) => r['Status'] === 'aangemaakt');
  expect(made.length).toBeGreaterThan(150);
  for (const r of made) expect(zip.file(new RegExp(`^${r['Map']!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/`)).length, r['Map']).toBeGreaterThan(0);

  const letter = made.find((r) => r['Kanaal'] !== 'E-mail' && zip.file(new RegExp(`^${r['Map']}/.*\\.pdf$`)).length)!;
  expect(letter, 'a letter or phone script with a PDF').toBeDefined();
  const pdf = await zip.file(new RegExp(`^${letter['Map']}/.*\\.pdf$`))[0]!.async('nodebuffer');
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8').replace(/\s+/g, ' ');
  const expectedOpen = customers.find((c) => c.klantnummer === letter['Klantnummer'])!;
  if (/telefoon/i.test(letter['Kanaal'] ?? '')) {
    // A phone script names the person to ask for and the invoice to talk about.
    expect(text).toContain(`Spreek ik met An Peeters ${marker}?`);
    expect(text).toMatch(/over factuur F26-\d{4} van € [\d.]+,\d{2}/);
  } else {
    expect(text).toContain(expectedOpen.naam);
    expect(text).toContain(`€ ${euro(expectedOpen.openCents)}`);
  }
  // The time is reported, never asserted: a busy machine measured 15.7 s where a quiet one takes 4.5 s.
});

test('the page stays responsive during a run, and the run can be stopped', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  // 1000 customers: a run long enough to stop it halfway on any machine.
  const { csv } = largeCsv('x', 1000);
  await open(page);
  await load(page, { name: 'groot.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  const run = page.getByRole('button', { name: 'Maak het pakket' });
  const stop = page.getByRole('button', { name: 'Stop' });
  const said = page.locator('[data-run-status]');

  // Stopped while the templates load.
  await run.click();
  await stop.click();
  await expect(said).toHaveText('Gestopt. Er is geen zip gemaakt.');
  await expect(run).toBeEnabled();

  // Stopped halfway: meanwhile timers still fire and a select still changes the page.
  await run.click();
  await expect.poll(async () => Number(await page.getByRole('progressbar').getAttribute('aria-valuenow')), { timeout: 20_000 }).toBeGreaterThan(0);
  const longestGap = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let last = performance.now();
        let longest = 0;
        const end = last + 700;
        const tick = () => {
          const now = performance.now();
          longest = Math.max(longest, now - last);
          last = now;
          if (now < end) setTimeout(tick, 0);
          else resolve(longest);
        };
        setTimeout(tick, 0);
      }),
  );
  testInfo.annotations.push({ type: 'responsiveness', description: `longest gap between timer callbacks during the run: ${Math.round(longestGap)} ms` });
  // Reported, not asserted (wall clock): what must hold is that the page answers while the run goes on.
  await page.locator('#bk-row-filter').selectOption('overgeslagen');
  await expect(page.locator('[data-rows]')).toHaveText('Geen rijen om te tonen met deze keuze.');
  await expect(stop).toBeVisible();
  await stop.click();
  await expect(said).toHaveText('Gestopt. Er is geen zip gemaakt.');
  await expect(page.locator('[data-progress]')).toBeHidden();
});

test('sender details typed on a template page are reused, and a per-customer step can be changed', async ({ page }) => {
  await page.goto(PAGE);
  await page.evaluate((key) => localStorage.setItem(key, JSON.stringify({ 'afzender.naam': 'Drukkerij Van Damme bv', 'afzender.iban': 'BE71 0961 2345 6769' })), STORAGE_KEY);
  await open(page);
  await load(page, fixture('exact-online-openstaande-posten.csv'));
  await expect(page.locator('[name="afzender.naam"]')).toHaveValue('Drukkerij Van Damme bv');
  await expect(page.locator('[name="afzender.iban"]')).toHaveValue('BE71 0961 2345 6769');

  const mokka = page.locator('[data-customers] tr', { hasText: 'Koffiebar Mokka' });
  const select = mokka.getByRole('combobox', { name: 'Stap voor Koffiebar Mokka' });
  await select.focus();
  await select.selectOption('overslaan');
  await expect(mokka.locator('td[data-col="resultaat"]')).toContainText('Overgeslagen');
  await expect(select).toBeFocused();
  await select.selectOption('');
  await expect(mokka.locator('td[data-col="resultaat"]')).toContainText('Wordt gemaakt');

  // An invalid IBAN stops the run at the field, with its message.
  await page.locator('[name="afzender.iban"]').fill('BE00 0000 0000 0000');
  await page.getByRole('button', { name: 'Maak het pakket' }).click();
  await expect(page.locator('[name="afzender.iban"]')).toBeFocused();
  await expect(page.locator('#veld-afzender-iban-fout')).toContainText('controlegetal');
  await page.getByRole('button', { name: 'Vergeet mijn gegevens' }).click();
  expect(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)).toBeNull();
});

test('never a lawyer letter as a first message; a legal step is made only after the user confirms', async ({ page }) => {
  await open(page);
  await load(page, fixture('exact-online-openstaande-posten.csv'));
  await page.locator('#bk-workflow').selectOption('standaard');
  await expect(page.locator('[data-status]')).toContainText('Bijgewerkt');
  await page.locator('#bk-today').fill(TODAY);
  await expect(page.locator('#bk-today')).toHaveValue(TODAY);
  const customers = page.locator('[data-customers]');
  const brasserie = customers.locator('tr', { hasText: 'Brasserie Het Pleintje' });
  // 60 days late, but nobody said what was sent: the first reminder, not the hand-over.
  await expect(brasserie.getByRole('combobox', { name: /Stap voor Brasserie/ }).locator('option').first()).toHaveText(/Automatisch: D\+5 /);
  await expect(customers).not.toContainText('Juridische stap');
  await expect(page.locator('[data-legal]')).toBeHidden();

  // The user says every step so far went out on schedule: at 60 days late the registered formal
  // notice is due, and the page asks before making it.
  await page.locator('#bk-sent').selectOption('volgens-schema');
  await expect(page.locator('[data-status]')).toContainText('Bijgewerkt');
  const auto = brasserie.getByRole('combobox', { name: /Stap voor Brasserie/ }).locator('option').first();
  await expect(auto).toHaveText(/^Automatisch: D\+\d+ · .*\((aangetekende brief|juridische stap)\)$/);
  const legalStep = /D\+(\d+)/.exec((await auto.textContent())!)![1]!;
  await expect(page.locator('[data-legal]')).toBeVisible();
  await expect(page.locator('[data-legal-text]')).toContainText(/klanten? krijg(t|en) vandaag een juridische stap/);
  await page.getByRole('button', { name: 'Vul een voorbeeld in' }).click();
  let downloads = 0;
  page.on('download', () => downloads++);
  await page.getByRole('button', { name: 'Maak het pakket' }).click();
  await expect(page.locator('[data-run-status]')).toContainText('Bevestig eerst');
  await expect(page.locator('[data-legal-ok]')).toBeFocused();
  expect(downloads).toBe(0);
  await page.locator('[data-legal-ok]').check();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('button', { name: 'Maak het pakket' }).click()]);
  const zip = await JSZip.loadAsync(await readFile((await download.path())!));
  expect(Object.keys(zip.files).filter((f) => f.includes('brasserie-het-pleintje') && f.endsWith('.pdf')).map((f) => /standaard-d(\d+)-/.exec(f)?.[1])).toEqual([legalStep]);

  // "Up to and including" the step before it: that legal step comes next; nothing skips ahead.
  const options = await page.locator('#bk-sent option').allTextContents();
  const before = options.filter((o) => o.startsWith('Tot en met D+')).map((o) => Number(/D\+(\d+)/.exec(o)![1])).filter((d) => d < Number(legalStep)).at(-1)!;
  const value = await page.locator('#bk-sent option', { hasText: `Tot en met D+${before} ` }).getAttribute('value');
  await page.locator('#bk-sent').selectOption(value!);
  await expect(auto).toHaveText(new RegExp(`^Automatisch: D\\+${legalStep} `));
  // Nothing sent yet: the first reminder after the due date.
  await page.locator('#bk-sent').selectOption('geen');
  await expect(auto).toHaveText(/^Automatisch: D\+5 /);
});

test('no axe violations on the page, empty and with a file loaded', async ({ page }) => {
  // Three full axe scans of a page with two tables: more than the default 30 s on a busy machine.
  test.setTimeout(90_000);
  await open(page);
  const axe = () => new AxeBuilder({ page }).withTags(TAGS).analyze();
  const report = (result: Awaited<ReturnType<typeof axe>>) => result.violations.map((v) => `${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  expect(report(await axe())).toEqual([]);
  await load(page, fixture('kapot.csv'));
  expect(report(await axe())).toEqual([]);
  await page.getByRole('button', { name: 'Probeer het met een voorbeeld' }).click();
  await expect(page.locator('[data-fact="name"]')).toHaveText('tijdig-voorbeeld-openstaande-facturen.csv');
  expect(report(await axe())).toEqual([]);
  // The same example as a file, to open in Excel.
  const [sample] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download het voorbeeldbestand' }).click()]);
  expect(sample.suggestedFilename()).toBe('tijdig-voorbeeld-openstaande-facturen.csv');
  expect(await readFile((await sample.path())!, 'utf8')).toContain('Klantnummer;Klant;Contactpersoon;E-mail');
});

test('keyboard only: upload through the file input, correct a column, make the pack', async ({ page }) => {
  test.setTimeout(60_000);
  await open(page);
  // Tab from the top of the page to the file input.
  await page.locator('body').focus();
  let found = false;
  for (let i = 0; i < 60 && !found; i++) {
    await page.keyboard.press('Tab');
    found = await page.evaluate(() => document.activeElement?.id === 'bk-file');
  }
  expect(found, 'the file input is reachable with Tab').toBe(true);
  const chooser = page.waitForEvent('filechooser');
  await page.waitForTimeout(200); // let Playwright start intercepting the file dialog
  await page.keyboard.press('Space');
  await (await chooser).setFiles(fixture('exact-online-openstaande-posten.csv'));
  await expect(page.locator('[data-status]')).toContainText('exact-online-openstaande-posten.csv is gelezen');
  await setToday(page);

  // A mapping select, changed with the keyboard: focus stays on it.
  await page.locator('#bk-map-telefoon-0').focus();
  await page.keyboard.press('Home');
  await expect(page.locator('#bk-map-telefoon-0')).toHaveValue('');
  await expect(page.locator('#bk-map-telefoon-0')).toBeFocused();

  await page.locator('[data-action="sender-example"]').focus();
  await page.keyboard.press('Enter');
  await page.locator('[data-action="run"]').focus();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.keyboard.press('Enter')]);
  expect(download.suggestedFilename()).toBe(`tijdig-herinneringen-${TODAY}.zip`);
  await expect(page.getByRole('link', { name: 'Download het pakket opnieuw' })).toBeVisible();
});
