/**
 * The bulk page's logic apart from the DOM: what the worker hands the page (an overview and one
 * page of rows and customers, never the whole file), the settings the user types, what the page
 * remembers, and the lines it shows.
 */
import { describe, expect, it } from 'vitest';
import { prepareBulk } from '../../src/bulk/prepare.ts';
import { checkPaymentLink, fileTooBig, isValidToday, parseChoice, parseDelimiter, parseSent, parseTermDays, progressText, sniffWrongFile, validSettings } from '../../src/site/lib/bulk-form.ts';
import { forgetMappings, rememberedMapping, rememberMapping, signatureOf } from '../../src/site/lib/bulk-storage.ts';
import { MAPPING_STORAGE_KEY } from '../../src/site/lib/bulk-types.ts';
import { overviewOf, rowPage, viewPage } from '../../src/site/lib/bulk-view-model.ts';
import type { Store } from '../../src/site/lib/remembered.ts';
import { countLines } from '../../src/site/islands/bulk-downloads.ts';
import { readMessage } from '../../src/site/islands/bulk-file.ts';
import { rowSummaryText } from '../../src/site/islands/bulk-plan.ts';
import { runReadyText } from '../../src/site/islands/bulk-runner.ts';
import { invoiceLines } from '../../scripts/bulk-data.ts';
import { TODAY, workflow } from '../fixtures/bulk/setup.ts';

const standaard = workflow('standaard');
const csv = (lines: readonly string[]) => new TextEncoder().encode(`${lines.join('\r\n')}\r\n`);

const memory = (): Store & { data: Map<string, string> } => {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
};

describe('what the worker hands the page', () => {
  const lines = [...invoiceLines(2_000, TODAY)];
  // Two broken rows: an amount that is no amount, and a missing due date.
  lines[11] = lines[11]!.replace(/;[^;]*$/, ';veel');
  lines[21] = lines[21]!.split(';').map((c, i) => (i === 8 ? '' : c)).join(';');
  const prepared = prepareBulk(csv(lines), { today: TODAY, workflow: standaard, jurisdiction: 'be' });

  it('the overview is small: counts and 30 sample rows, not the 2,000 rows', () => {
    const overview = overviewOf(prepared);
    expect(overview.file.rowCount).toBe(2_000);
    expect(overview.file.sampleRows).toHaveLength(30);
    expect(overview.counts).toMatchObject({ rows: 2_000, valid: 1_998, skipped: 2 });
    expect(overview.customerCount).toBe(500);
    expect(overview.summary.klaar + overview.summary.wachten + overview.summary.overgeslagen).toBe(500);
    // A twentieth of the analysis or less crosses to the page.
    expect(JSON.stringify(overview).length * 20).toBeLessThan(JSON.stringify({ ...prepared, validation: { ...prepared.validation, invoices: [] } }).length);
  });

  it('pages rows by filter and limit, with the issues per cell', () => {
    const first = rowPage(prepared, 'alle', 200);
    expect(first).toMatchObject({ matching: 2_000, total: 2_000 });
    expect(first.rows).toHaveLength(200);
    expect(first.rows[0]!.row).toBe(2);
    const broken = rowPage(prepared, 'overgeslagen', 200);
    // The two broken rows, then the rows of customers skipped for lack of an e-mail address.
    expect(broken.rows.slice(0, 2).map((r) => [r.row, r.status])).toEqual([
      [12, 'fout'],
      [22, 'fout'],
    ]);
    expect(new Set(broken.rows.slice(2).map((r) => r.status))).toEqual(new Set(['klant-overgeslagen']));
    expect(broken.matching).toBeLessThan(200);
    // The amount cell (column 10) of row 12 and the due date (column 8) of row 22 carry the errors.
    expect(broken.rows[0]!.cellIssues[10]?.[0]).toMatchObject({ severity: 'fout', value: 'veel' });
    expect(broken.rows[1]!.cellIssues[8]?.[0]?.severity).toBe('fout');
    expect(rowPage(prepared, 'alle', 400).rows.map((r) => r.row).slice(200, 202)).toEqual([202, 203]);
  });

  it('pages customers and never hands more than asked', () => {
    const page = viewPage(prepared, { filter: 'alle', rowLimit: 0, customerLimit: 100 });
    expect(page.rows.rows).toEqual([]);
    expect(page.customers.customers).toHaveLength(100);
    expect(page.customers.total).toBe(500);
  });
});

describe('the settings as typed', () => {
  it('reads the term, the date, the payment link and the selects', () => {
    expect([parseTermDays(''), parseTermDays(' 30 '), parseTermDays('0'), parseTermDays('366'), parseTermDays('30 dagen')]).toEqual([{ ok: true }, { ok: true, days: 30 }, { ok: false }, { ok: false }, { ok: false }]);
    expect([isValidToday('2026-06-15'), isValidToday('2026-06-15', true), isValidToday('1999-12-31'), isValidToday('')]).toEqual([true, false, false, false]);
    expect(checkPaymentLink(' https://betalen.example.be/x ')).toEqual({ ok: true, value: 'https://betalen.example.be/x' });
    expect([checkPaymentLink('http://betalen.example.be').ok, checkPaymentLink('https://localhost').ok, checkPaymentLink('betalen.be').ok, checkPaymentLink('').ok]).toEqual([false, false, false, true]);
    expect([parseChoice('automatisch'), parseChoice('2')]).toEqual(['automatisch', 2]);
    expect([parseSent('geen'), parseSent('3'), parseSent('volgens-schema'), parseSent('iets')]).toEqual(['geen', 3, 'volgens-schema', 'onbekend']);
    expect([parseDelimiter(';'), parseDelimiter('tab'), parseDelimiter('')]).toEqual([';', '\t', undefined]);
  });

  it('keeps only stored settings that still make sense', () => {
    expect(validSettings({ workflow: 'weg', jurisdiction: 'fr', klanttype: 'consument', betaallink: 5, defaultTermDays: '30' }, ['standaard'])).toEqual({ klanttype: 'consument', defaultTermDays: '30' });
  });

  it('recognises a workbook or a PDF by its first bytes, and a file far too big', () => {
    expect(sniffWrongFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]))).toMatch(/Excel-werkmap.*Opslaan als/);
    expect(sniffWrongFile(new TextEncoder().encode('%PDF-1.7'))).toMatch(/^Dit is een PDF/);
    expect(sniffWrongFile(new TextEncoder().encode('Factuur;Klant\r\n'))).toBeNull();
    expect(fileTooBig(60 * 1024 * 1024)).toMatch(/60 MB groot/);
    expect(fileTooBig(1024)).toBeNull();
  });
});

describe('what the page remembers', () => {
  it('a mapping per set of columns, in any order and spelling, and forgets on request', () => {
    const store = memory();
    const mapping = { version: 1 as const, columns: { factuurnummer: ['Nr'], klantnaam: ['Klant'] } };
    rememberMapping(['Nr', 'Klant', 'Bedrag'], mapping, store);
    expect(signatureOf(['Bedrag', 'klant', 'NR'])).toBe(signatureOf(['Nr', 'Klant', 'Bedrag']));
    expect(rememberedMapping(['Bedrag', 'Klant ', 'Nr'], store)?.columns).toMatchObject({ factuurnummer: ['Nr'], klantnaam: ['Klant'] });
    expect(rememberedMapping(['Nr', 'Klant'], store)).toBeNull();
    rememberMapping(['Nr', 'Klant', 'Bedrag'], null, store);
    expect(store.data.has(MAPPING_STORAGE_KEY)).toBe(false);
    rememberMapping(['A'], mapping, store);
    forgetMappings(store);
    expect(rememberedMapping(['A'], store)).toBeNull();
  });

  it('keeps the twelve most recent tools, and treats broken storage as empty', () => {
    const store = memory();
    for (let i = 0; i < 14; i++) rememberMapping([`Kolom ${i}`], { version: 1 as const, columns: { factuurnummer: [`Kolom ${i}`] } }, store);
    expect(Object.keys(JSON.parse(store.data.get(MAPPING_STORAGE_KEY)!))).toHaveLength(12);
    expect(rememberedMapping(['Kolom 0'], store)).toBeNull();
    expect(rememberedMapping(['Kolom 13'], store)).not.toBeNull();
    store.data.set(MAPPING_STORAGE_KEY, '{kapot');
    expect(rememberedMapping(['Kolom 13'], store)).toBeNull();
  });
});

describe('the lines the page shows', () => {
  const prepared = prepareBulk(csv([...invoiceLines(9, TODAY)]), { today: TODAY, workflow: standaard, jurisdiction: 'be' });
  const overview = overviewOf(prepared);

  it('says what was read, in Dutch with Belgian digit grouping', () => {
    expect(readMessage('f.csv', overview)).toBe('f.csv is gelezen: 9 facturen van 3 klanten.');
    expect(rowSummaryText({ ...overview, counts: { ...overview.counts, rows: 20_000, valid: 19_999, skipped: 1, warnings: 0 }, customerCount: 5_000 })).toBe('20.000 rijen gelezen: 19.999 facturen in orde, 1 rij gaat niet mee door een fout. Samen 5.000 klanten.');
    expect(readMessage('f.csv', { ...overview, mappingProblems: ['kies de kolom met het factuurnummer'] })).toBe('f.csv is gelezen: 9 rijen. Kies nog de ontbrekende kolommen.');
  });

  it('says who gets a message, the progress, and what the zip holds', () => {
    expect(runReadyText(0, 4)).toMatch(/^Er is vandaag voor geen enkele klant een bericht/);
    expect(runReadyText(1, 2)).toBe('1 klant krijgt vandaag een bericht. De andere klant staat ook in het overzicht in de zip.');
    expect(runReadyText(1_200, 5_000)).toBe('1.200 klanten krijgen vandaag een bericht. De 3.800 andere klanten staan ook in het overzicht in de zip.');
    expect(progressText({ phase: 'klanten', done: 1_500, total: 5_000, customer: 'Bakkerij Peeters' })).toBe('Klant 1.500 van 5.000: Bakkerij Peeters');
    expect(progressText({ phase: 'afronden', done: 5, total: 5, customer: null })).toMatch(/afgewerkt/);
    expect(countLines({ aangemaakt: 3, wachten: 0, overgeslagen: 1, mislukt: 0 })).toEqual(['3 klanten met een bericht voor vandaag', '1 klant overgeslagen (de reden staat in 00_overzicht.csv)']);
  });
});
