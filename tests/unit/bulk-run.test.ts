/**
 * src/bulk/run.ts: the zip, read back with tools that did not write it: jszip, papaparse,
 * ical.js, mailparser and poppler's pdftotext. Includes the 500-invoice / 200-customer run.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import JSZip from 'jszip';
import { simpleParser } from 'mailparser';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlannedCustomer } from '../../src/bulk/plan.ts';
import { prepareBulk, type Prepared } from '../../src/bulk/prepare.ts';
import { BulkInputError, buildBulk, buildBulkSteps, checkBulkInput, excelAmount, type BuildBulkInput, type BulkProgress, type BulkResult } from '../../src/bulk/run.ts';
import type { CompiledEmail } from '../../src/render/html/compile.ts';
import { latinCovers } from '../../src/render/pdf/latin.ts';
import { latinSubset } from '../../src/render/pdf/latin-subset.ts';
import { compiledFor, fixture, fonts, largeExport, NOW, SENDER, templates, TODAY, workflow } from '../fixtures/bulk/setup.ts';

const work = mkdtempSync(join(tmpdir(), 'tijdig-bulk-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let fileNo = 0;
function pdfText(bytes: Uint8Array): string {
  const file = join(work, `doc-${++fileNo}.pdf`);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

// The seed playbook with its legal step at D+54 (the seed has it at D+65, after the notice's term):
// the sample's days late are written for these offsets.
const seedStandaard = workflow('standaard');
const standaard = { ...seedStandaard, stappen: seedStandaard.stappen.map((s, i, all) => (i === all.length - 1 ? { ...s, offset: 54 } : s)) };
let compiled: Record<string, CompiledEmail>;
beforeAll(async () => {
  compiled = await compiledFor(standaard);
});

const inputFor = (prepared: Prepared, extra: Partial<BuildBulkInput> = {}): BuildBulkInput => ({
  customers: prepared.customers,
  workflow: standaard,
  templates,
  compiled,
  fonts,
  sender: SENDER,
  today: TODAY,
  now: NOW,
  issues: prepared.validation.issues,
  ...extra,
});

/** The overview CSV as objects: checks the Dutch Excel flavour on the way (BOM, ';', CRLF). */
function readSummary(text: string): Record<string, string>[] {
  expect(text.startsWith('\ufeff')).toBe(true);
  const parsed = Papa.parse<Record<string, string>>(text.slice(1), { delimiter: ';', header: true, skipEmptyLines: true, newline: '\r\n' });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}
const cents = (excel: string) => (excel === '' ? null : Math.round(Number(excel.replace(',', '.')) * 100));

describe('buildBulk on the Exact Online sample', () => {
  let prepared: Prepared;
  let result: BulkResult;
  let zip: JSZip;
  beforeAll(async () => {
    prepared = prepareBulk(fixture('exact-online-openstaande-posten.csv'), { today: TODAY, workflow: standaard, jurisdiction: 'be', sent: 'volgens-schema' });
    result = await buildBulk(inputFor(prepared));
    zip = await JSZip.loadAsync(result.zip);
  });

  it('has per customer the files of its step, plus the overview files, in a fixed order', () => {
    expect(result.files).toEqual([
      'e-mail/001_bakkerij-van-damme/standaard-d15-tweede-herinnering.html',
      'e-mail/001_bakkerij-van-damme/standaard-d15-tweede-herinnering.txt',
      'e-mail/001_bakkerij-van-damme/standaard-d15-tweede-herinnering.eml',
      'juridisch/002_brasserie-het-pleintje-bv/standaard-d54-overdracht-aan-advocaat.docx',
      'juridisch/002_brasserie-het-pleintje-bv/standaard-d54-overdracht-aan-advocaat.pdf',
      'juridisch/002_brasserie-het-pleintje-bv/standaard-d54-overdracht-aan-advocaat.txt',
      // A Dutch customer gets the Dutch text of the step.
      'juridisch/003_eetcafe-de-gracht/nl-standaard-d54-overdracht-aan-incassobureau.docx',
      'juridisch/003_eetcafe-de-gracht/nl-standaard-d54-overdracht-aan-incassobureau.pdf',
      'juridisch/003_eetcafe-de-gracht/nl-standaard-d54-overdracht-aan-incassobureau.txt',
      'e-mail/004_hotel-ter-duinen-nv/standaard-d5-eerste-herinnering.html',
      'e-mail/004_hotel-ter-duinen-nv/standaard-d5-eerste-herinnering.txt',
      'e-mail/004_hotel-ter-duinen-nv/standaard-d5-eerste-herinnering.eml',
      'e-mail/005_koffiebar-mokka/standaard-dmin3-herinnering-voor-vervaldag.html',
      'e-mail/005_koffiebar-mokka/standaard-dmin3-herinnering-voor-vervaldag.txt',
      'e-mail/005_koffiebar-mokka/standaard-dmin3-herinnering-voor-vervaldag.eml',
      'juridisch/006_traiteur-lemaire/standaard-d54-overdracht-aan-advocaat.docx',
      'juridisch/006_traiteur-lemaire/standaard-d54-overdracht-aan-advocaat.pdf',
      'juridisch/006_traiteur-lemaire/standaard-d54-overdracht-aan-advocaat.txt',
      '00_overzicht.csv',
      '00_volgende-stappen.ics',
      '00_meldingen.csv',
      '00_LEESMIJ.txt',
    ]);
    expect(Object.keys(zip.files).filter((n) => !zip.files[n]!.dir).sort()).toEqual([...result.files].sort());
    expect(result.counts).toEqual({ aangemaakt: 6, wachten: 0, overgeslagen: 0, mislukt: 0 });
    expect(result.fileName).toBe('tijdig-herinneringen-2026-06-15.zip');
  });

  it('the .eml is a draft to the customer with the filled subject, amount and term', async () => {
    const raw = await zip.file('e-mail/004_hotel-ter-duinen-nv/standaard-d5-eerste-herinnering.eml')!.async('nodebuffer');
    const mail = await simpleParser(raw);
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value[0]!.address : null).toBe('boekhouding@terduinen.be');
    expect(mail.from?.value[0]!.address).toBe('boekhouding@goudenkorst.be');
    expect(mail.subject).toContain('26100078');
    expect(mail.headers.get('x-unsent')).toBe('1');
    expect(mail.text).toContain('€ 1.315,00');
    // The 14-day term counted from 16 June (a BE e-mail counts from the next day); the deadline box wraps with "| ".
    expect(mail.text).toMatch(/uiterlijk op 29 juni\s+(\|\s+)?2026\./);
    expect(mail.text).not.toContain('[data.nieuweTermijn]');
    expect(mail.html).toContain('26100078');
    expect(mail.html).toContain('1.315,00');
  });

  it('a letter lists every open invoice with its total and passes pdftotext with the customer name and amount', async () => {
    const pdf = await zip.file('juridisch/002_brasserie-het-pleintje-bv/standaard-d54-overdracht-aan-advocaat.pdf')!.async('uint8array');
    const text = pdfText(pdf);
    expect(text).toContain('Brasserie Het Pleintje bv');
    expect(text).toContain('€ 2.512,85');
    for (const nr of ['26100041', '26100057', '26100063']) expect(text).toContain(nr);
    const docx = await zip.file('juridisch/002_brasserie-het-pleintje-bv/standaard-d54-overdracht-aan-advocaat.docx')!.async('uint8array');
    const inner = await JSZip.loadAsync(docx);
    expect(await inner.file('word/document.xml')!.async('string')).toContain('Brasserie Het Pleintje bv');
  });

  it('the overview has who gets what, the amounts, interest and costs from the filled data', async () => {
    const rows = readSummary(await zip.file('00_overzicht.csv')!.async('string'));
    expect(rows.map((r) => [r['Klant'], r['Status'], r['Kanaal'], r['Sjabloon']])).toEqual([
      ['Bakkerij Van Damme', 'aangemaakt', 'e-mail', 'standaard-d15-tweede-herinnering'],
      ['Brasserie Het Pleintje bv', 'aangemaakt', 'juridische stap', 'standaard-d54-overdracht-aan-advocaat'],
      ['Eetcafé De Gracht', 'aangemaakt', 'juridische stap', 'nl-standaard-d54-overdracht-aan-incassobureau'],
      ['Hotel Ter Duinen nv', 'aangemaakt', 'e-mail', 'standaard-d5-eerste-herinnering'],
      ['Koffiebar Mokka', 'aangemaakt', 'e-mail', 'standaard-dmin3-herinnering-voor-vervaldag'],
      ['Traiteur Lemaire', 'aangemaakt', 'juridische stap', 'standaard-d54-overdracht-aan-advocaat'],
    ]);
    const brasserie = rows[1]!;
    expect(brasserie).toMatchObject({ Klantnummer: '10023', 'Aantal facturen': '3', Facturen: '26100041, 26100057, 26100063', 'Oudste vervaldatum': '16-04-2026', 'Dagen te laat': '60', 'Openstaand (EUR)': '2512,85', 'Kosten gevraagd in dit bericht': 'ja' });
    const summary = result.summary[1]!;
    expect(cents(brasserie['Interest (EUR)']!)).toBe(summary.interest);
    expect(cents(brasserie['Forfait of incassokosten (EUR)']!)).toBe(summary.forfait);
    expect(cents(brasserie['Totaal met kosten (EUR)']!)).toBe(251285 + summary.interest! + summary.forfait!);
    expect(brasserie['Mededeling']).toMatch(/^\*\*\*\d{3}\/\d{4}\/\d{5}\*\*\*$/);
    expect(rows[2]!['Nog niet vervallen (niet opgenomen)']).toBe('26100095 (318,90)');
    expect(rows[3]!['Datum volgende stap']).toBe('30-06-2026');
  });

  it('the calendar parses with ical.js and holds the next step of every customer', async () => {
    const text = await zip.file('00_volgende-stappen.ics')!.async('string');
    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => [e.summary, e.startDate.toString()])).toEqual([
      ['Bakkerij Van Damme: D+20 · Telefoongesprek om de situatie te begrijpen (telefoon)', '2026-06-30'],
      ['Brasserie Het Pleintje bv: Opvolgen na de laatste stap', '2026-06-29'],
      ['Eetcafé De Gracht: Opvolgen na de laatste stap', '2026-06-29'],
      ['Hotel Ter Duinen nv: D+15 · Tweede herinnering met vermelding van de nalatigheidskosten (e-mail)', '2026-06-30'],
      ['Koffiebar Mokka: D+5 · Eerste herinnering met de betalingsvoorwaarden (e-mail)', '2026-06-30'],
      ['Traiteur Lemaire: Opvolgen na de laatste stap', '2026-06-29'],
    ]);
    expect(new Set(events.map((e) => e.uid)).size).toBe(6);
    expect(events[0]!.description).toContain('Openstaand: € 675,20 (factuur 26100082)');
  });

  it('the LEESMIJ says what is in the zip, and that nothing left the browser', async () => {
    const readme = await zip.file('00_LEESMIJ.txt')!.async('string');
    expect(readme).toContain('Aangemaakt: 6 klanten. Nog geen stap: 0. Overgeslagen: 0.');
    expect(readme).toContain('Alles is in uw browser gemaakt.');
  });

  it('is byte-for-byte the same for the same input', async () => {
    const again = await buildBulk(inputFor(prepared));
    expect(Buffer.from(again.zip).equals(Buffer.from(result.zip))).toBe(true);
  });

  it('asks a font loader for each letter with the text of that letter, and the page\'s Latin subsets give the same files as the full fonts', async () => {
    // As the page does (islands/fonts.ts): the small subsets when they cover the letter, else the full fonts.
    const latin = { regular: latinSubset(fonts.regular), bold: latinSubset(fonts.bold) };
    const asked: string[][] = [];
    let subsetUsed = 0;
    const loader = async (texts: string[]) => {
      asked.push(texts);
      if (!latinCovers(texts)) return fonts;
      subsetUsed++;
      return latin;
    };
    const viaLoader = await buildBulk(inputFor(prepared, { fonts: loader }));
    const pdfs = result.files.filter((f) => f.endsWith('.pdf'));
    expect(asked.length).toBe(pdfs.length);
    expect(asked.some((texts) => texts.join(' ').includes('Brasserie Het Pleintje bv'))).toBe(true);
    expect(subsetUsed).toBe(pdfs.length);
    expect(Buffer.from(viaLoader.zip).equals(Buffer.from(result.zip))).toBe(true);
  });
});

describe('buildBulk on the broken sample', () => {
  let result: BulkResult;
  let zip: JSZip;
  beforeAll(async () => {
    const prepared = prepareBulk(fixture('kapot.csv'), { today: TODAY, workflow: standaard, sent: 'volgens-schema' });
    result = await buildBulk(inputFor(prepared));
    zip = await JSZip.loadAsync(result.zip);
  });

  it('a formula in a name is plain text in the letter and neutralised in the overview', async () => {
    const rows = readSummary(await zip.file('00_overzicht.csv')!.async('string'));
    const row = rows.find((r) => r['Klantnummer'] === 'G12')!;
    expect(row['Klant']).toBe(`'=HYPERLINK("http://evil.example";"Klik hier")`);
    const folder = row['Map']!;
    const txt = await zip.file(`${folder}/standaard-d40-ingebrekestelling.txt`)!.async('string');
    expect(txt).toContain('=HYPERLINK("http://evil.example";"Klik hier")');
  });

  it('lists skipped customers with their reason and every row message in 00_meldingen.csv', async () => {
    const rows = readSummary(await zip.file('00_overzicht.csv')!.async('string'));
    expect(rows.filter((r) => r['Status'] === 'overgeslagen').map((r) => [r['Klant'], r['Opmerkingen']?.split(' | ')[0], r['Map']])).toEqual([
      ['Fout Adres bv', 'geen (geldig) e-mailadres voor een e-mailstap', ''],
      ['Zonder Mail bv', 'geen (geldig) e-mailadres voor een e-mailstap', ''],
    ]);
    const issues = readSummary(await zip.file('00_meldingen.csv')!.async('string'));
    expect(issues.find((i) => i['Rij'] === '4')).toEqual({ Rij: '4', Kolom: 'Vervaldatum', Waarde: '31-02-2026', Soort: 'fout', Melding: 'ongeldige vervaldatum: 31-02-2026 bestaat niet' });
    expect(issues.some((i) => i['Rij'] === '12' && i['Melding'] === 'een e-mailadres is nodig: deze klant krijgt vandaag een e-mail')).toBe(true);
    expect(result.counts.overgeslagen).toBe(2);
  });
});

describe('checks before the run', () => {
  const prepared = prepareBulk(fixture('exact-online-openstaande-posten.csv'), { today: TODAY, workflow: standaard, jurisdiction: 'be', sent: 'volgens-schema' });

  it('refuses to start without compiled e-mails, fonts, known templates, a valid sender IBAN or date', async () => {
    const problems = checkBulkInput(inputFor(prepared, { compiled: {}, fonts: undefined, sender: { ...SENDER, afzender: { ...SENDER.afzender, iban: 'BE00 0000 0000 0000' } }, today: '15-06-2026' })).errors;
    expect(problems).toEqual([
      'de verzenddatum moet een geldige datum zijn als JJJJ-MM-DD, niet "15-06-2026"',
      'de gecompileerde e-mail voor "standaard-d15-tweede-herinnering" ontbreekt',
      'de gecompileerde e-mail voor "standaard-d5-eerste-herinnering" ontbreekt',
      'de gecompileerde e-mail voor "standaard-dmin3-herinnering-voor-vervaldag" ontbreekt',
      'de lettertypen voor de PDF-bestanden ontbreken',
      'het IBAN van de afzender klopt niet (controlegetal); het zou in elke brief staan',
    ]);
    await expect(buildBulk(inputFor(prepared, { templates: [] }))).rejects.toBeInstanceOf(BulkInputError);
    // Fonts are only needed for PDFs.
    expect(checkBulkInput(inputFor(prepared, { fonts: undefined, formats: { juridisch: ['docx', 'txt'] } })).errors).toEqual([]);
  });

  it('warns about placeholders the messages would still show, per field', () => {
    const { warnings } = checkBulkInput(inputFor(prepared, { sender: { ...SENDER, afzender: { ...SENDER.afzender, btwNummer: '' } } }));
    // Exports rarely carry a contact person: the messages greet the company instead of showing a marker.
    expect(warnings.join()).not.toContain('klant.contactpersoon');
    expect(warnings).toContain('Btw-nummer ontbreekt (uw gegevens): de berichten tonen [afzender.btwNummer]');
    expect(warnings).toContain('Betaallink ontbreekt (3 van de 6 klanten): de berichten tonen [betaling.link]');
    expect(checkBulkInput(inputFor(prepared, { sender: { ...SENDER, betaallink: 'https://betalen.goudenkorst.be' } })).warnings.join()).not.toContain('betaling.link');
  });

  it('a customer whose data cannot be filled is reported and the run goes on', async () => {
    const [first, ...rest] = prepared.customers;
    const bad: PlannedCustomer = { ...first!, group: { ...first!.group, klant: { ...first!.group.klant, naam: 'x'.repeat(2500) } } };
    const result = await buildBulk(inputFor(prepared, { customers: [bad, ...rest] }));
    expect(result.summary[0]!.status).toBe('mislukt');
    expect(result.summary[0]!.opmerkingen.at(-1)).toMatch(/^gegevens ongeldig: klant\.naam: /);
    expect(result.counts).toEqual({ aangemaakt: 5, wachten: 0, overgeslagen: 0, mislukt: 1 });
  });

  it('can be cancelled', async () => {
    const controller = new AbortController();
    const steps = buildBulkSteps(inputFor(prepared, { signal: controller.signal }));
    await steps.next();
    controller.abort();
    await expect(steps.next()).rejects.toThrow();
  });

  it('formats amounts for Dutch Excel', () => {
    expect([excelAmount(123456), excelAmount(5), excelAmount(-1250), excelAmount(null)]).toEqual(['1234,56', '0,05', '-12,50', '']);
  });
});

describe('500 invoices for 200 customers', () => {
  const { csv, customers: expected } = largeExport();
  let prepared: Prepared;
  let result: BulkResult;
  let zip: JSZip;
  const progress: BulkProgress[] = [];
  let ticks = 0;
  let prepareMs = 0;

  beforeAll(async () => {
    const t0 = performance.now();
    prepared = prepareBulk(new TextEncoder().encode(csv), { today: TODAY, workflow: standaard, jurisdiction: 'be', sent: 'volgens-schema' });
    prepareMs = performance.now() - t0;
    // A timer that only fires when the run gives the event loop a turn.
    const timer = setInterval(() => ticks++, 1);
    try {
      result = await buildBulk(inputFor(prepared), (p) => progress.push(p));
    } finally {
      clearInterval(timer);
    }
    zip = await JSZip.loadAsync(result.zip);
    const perChannel = prepared.summary.perKanaal;
    console.log(
      `[bulk] 500 facturen / 200 klanten in Node: analyse ${prepareMs.toFixed(0)} ms, zip ${result.ms} ms ` +
        `(${result.files.length} bestanden, ${(result.zip.length / 1024 / 1024).toFixed(1)} MB; ${JSON.stringify(perChannel)}, wachten ${prepared.summary.wachten}, overgeslagen ${prepared.summary.overgeslagen})`,
    );
  }, 120_000);

  it('reads all 500 invoices into 200 customers', () => {
    expect(prepared.validation.counts).toMatchObject({ rows: 500, valid: 500, skipped: 0 });
    expect(prepared.groups).toHaveLength(200);
    expect(prepared.customers.filter((c) => c.status === 'klaar').length).toBeGreaterThan(150);
  });

  it('has every customer in the overview with the right amounts', async () => {
    const rows = readSummary(await zip.file('00_overzicht.csv')!.async('string'));
    expect(rows).toHaveLength(200);
    const byNumber = new Map(rows.map((r) => [r['Klantnummer'], r]));
    for (const c of expected) {
      const row = byNumber.get(c.klantnummer);
      expect(row, c.klantnummer).toBeDefined();
      expect(row!['Klant']).toBe(c.naam);
      expect(cents(row!['Openstaand (EUR)']!), c.klantnummer).toBe(c.openCents);
      expect(Number(row!['Aantal facturen'])).toBe(c.invoices);
      expect(row!['Land']).toBe(c.land.toUpperCase());
      const status = row!['Status'];
      if (status === 'aangemaakt') {
        const total = cents(row!['Totaal met kosten (EUR)']!);
        if (total !== null) expect(total).toBe(c.openCents + (cents(row!['Interest (EUR)']!) ?? 0) + (cents(row!['Forfait of incassokosten (EUR)']!) ?? 0));
      }
    }
    // Customers without an address who are due an e-mail are skipped, never silently dropped.
    for (const row of rows.filter((r) => r['Status'] === 'overgeslagen')) expect(row['Opmerkingen']).toContain('geen (geldig) e-mailadres');
  });

  it('has the files of every created customer in its folder', () => {
    const names = new Set(result.files);
    for (const row of result.summary.filter((r) => r.status === 'aangemaakt')) {
      const expectedFormats = row.kanaal === 'email' ? ['html', 'txt', 'eml'] : ['docx', 'pdf', 'txt'];
      for (const format of expectedFormats) expect(names.has(`${row.map}/${row.sjabloon}.${format}`), `${row.map} ${format}`).toBe(true);
    }
    expect(result.summary.filter((r) => r.status === 'mislukt')).toEqual([]);
  });

  it('has a calendar that ical.js reads, one event per customer that has a next step', async () => {
    const calendar = new ICAL.Component(ICAL.parse(await zip.file('00_volgende-stappen.ics')!.async('string')));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const withNext = prepared.customers.filter((c) => c.status !== 'overgeslagen' && c.next);
    expect(events).toHaveLength(withNext.length);
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
    for (const e of events) expect(e.startDate.toString() > TODAY).toBe(true);
  });

  it('has PDFs with the customer name and amount (pdftotext)', async () => {
    const letters = result.summary.filter((r) => r.status === 'aangemaakt' && r.kanaal !== 'email').slice(0, 3);
    expect(letters.length).toBe(3);
    for (const row of letters) {
      const text = pdfText(await zip.file(`${row.map}/${row.sjabloon}.pdf`)!.async('uint8array'));
      expect(text).toContain(row.klant);
      expect(text).toContain(`€ ${(row.openstaand / 100).toFixed(2).replace('.', ',').replace(/\B(?=(\d{3})+(?!\d),)/g, '.')}`);
    }
  });

  it('reports progress and gives the event loop turns while it runs', () => {
    expect(progress[0]).toEqual({ phase: 'klanten', done: 0, total: 200, customer: null });
    expect(progress.at(-1)).toEqual({ phase: 'klaar', done: 200, total: 200, customer: null });
    const done = progress.map((p) => p.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(progress.length).toBeGreaterThan(5);
    expect(ticks).toBeGreaterThan(5);
  });
});
