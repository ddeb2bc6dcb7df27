/** src/bulk/validate.ts: every broken cell is reported in Dutch, broken rows are skipped, nothing throws. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guessMapping, type ColumnMapping } from '../../src/bulk/columns.ts';
import { parseCsv } from '../../src/bulk/parse.ts';
import { issuesByCell, parseCountry, validateRows, type CellIssue } from '../../src/bulk/validate.ts';
import { fixture } from '../fixtures/bulk/setup.ts';
import { parseField } from '../../src/site/lib/field-input.ts';

const load = (name: string) => {
  const parsed = parseCsv(fixture(name));
  const { mapping } = guessMapping(parsed.headers, parsed.rows.map((r) => r.cells));
  return { parsed, mapping };
};
const brief = (i: CellIssue) => `${i.row}|${i.column ?? '-'}|${i.severity}|${i.message}`;

describe('validateRows on the broken sample', () => {
  const { parsed, mapping } = load('kapot.csv');
  const result = validateRows(parsed, mapping, { jurisdiction: 'be' });

  it('reports each broken cell with its row, column, value and a Dutch message', () => {
    expect(result.issues.filter((i) => i.severity === 'fout').map(brief)).toEqual([
      '4|Vervaldatum|fout|ongeldige vervaldatum: 31-02-2026 bestaat niet',
      '5|Vervaldatum|fout|ongeldige vervaldatum: "gisteren" is geen datum (verwacht dd-mm-jjjj of jjjj-mm-dd)',
      '6|Openstaand|fout|ongeldig openstaand bedrag: "12,34,56": de scheidingstekens voor duizendtallen staan op een vreemde plaats',
      '7|Openstaand|fout|ongeldig openstaand bedrag: "abc" is geen bedrag',
      '8|Openstaand|fout|ongeldig openstaand bedrag: "1,2345" heeft meer dan twee decimalen',
      '9|Openstaand|fout|negatief bedrag: een creditnota of een vooruitbetaling; geen herinnering (verreken ze zelf met de openstaande facturen)',
      '10|Openstaand|fout|er staat niets meer open (bedrag 0,00)',
      '17|Factuurnr|fout|het factuurnummer ontbreekt',
      '18|Factuurnr|fout|factuur F-001 van deze klant staat al op rij 3; alleen die rij telt',
      '21|-|fout|lijkt een totaalregel, geen factuur',
      '22|-|fout|geen factuurregel (een titel, notitie of lege regel?)',
      '23|Openstaand|fout|het openstaande bedrag ontbreekt',
    ]);
    const cell = result.issues.find((i) => i.row === 4)!;
    expect(cell).toMatchObject({ field: 'vervaldatum', value: '31-02-2026', columnIndex: parsed.headers.indexOf('Vervaldatum') });
  });

  it('keeps rows with warnings: an invalid IBAN, a formula as name, a two-digit year, an invalid e-mail address', () => {
    expect(result.issues.filter((i) => i.severity === 'waarschuwing' && !i.column?.startsWith('Bedrag')).map(brief)).toEqual([
      '11|IBAN|waarschuwing|Dit IBAN klopt niet: het controlegetal past niet bij het nummer. Kijk na of u geen cijfer verkeerd typte.',
      '16|Klant|waarschuwing|begint met "=" zoals een spreadsheetformule; wordt als gewone tekst gebruikt (in het overzicht onschadelijk gemaakt)',
      '19|Factuurdatum|waarschuwing|jaar "26" gelezen als 2026',
      '19|Vervaldatum|waarschuwing|jaar "26" gelezen als 2026',
      '20|E-mail|waarschuwing|geen geldig e-mailadres: geen-adres',
    ]);
    expect(result.invoices.map((i) => i.row)).toEqual([3, 11, 12, 15, 16, 19, 20]);
  });

  it('skips exactly the rows with an error, with their cells, and counts everything', () => {
    expect(result.skipped.map((s) => s.row)).toEqual([4, 5, 6, 7, 8, 9, 10, 17, 18, 21, 22, 23]);
    expect(result.skipped.every((s) => s.issues.some((i) => i.severity === 'fout'))).toBe(true);
    expect(result.skipped[0]!.cells[1]).toBe('Februari bvba');
    expect(result.counts).toEqual({ rows: 19, valid: 7, skipped: 12, warnings: result.issues.filter((i) => i.severity === 'waarschuwing').length, emptyRows: 2 });
  });

  it('keeps the formula as plain text, the extra cells out, and a good row intact', () => {
    const formula = result.invoices.find((i) => i.row === 16)!;
    expect(formula.naam).toBe('=HYPERLINK("http://evil.example";"Klik hier")');
    const extra = result.invoices.find((i) => i.row === 15)!;
    expect(extra).toMatchObject({ nummer: 'F-011', naam: 'Extra Kolommen bv', openstaand: 12000 });
    expect(result.invoices.find((i) => i.row === 3)).toEqual({
      row: 3,
      nummer: 'F-001',
      datum: '2026-03-16',
      vervaldatum: '2026-04-15',
      bedrag: 10000,
      openstaand: 10000,
      klantnummer: 'G1',
      naam: 'Goede Klant bv',
      emails: ['goed@klant.be'],
      straat: 'Laan 1',
      postcode: '2000',
      gemeente: 'Antwerpen',
      iban: 'BE71096123456769',
    });
    expect(result.invoices.find((i) => i.row === 11)!.iban).toBeUndefined();
    expect(result.invoices.find((i) => i.row === 20)!.emails).toEqual([]);
  });

  it('lists the file-level problems (unclosed quote, extra columns)', () => {
    expect(result.fileIssues.map((i) => i.message)).toEqual([
      'een aanhalingsteken (") wordt niet afgesloten; alles tot het volgende aanhalingsteken is als één cel gelezen',
      '1 rij heeft meer cellen dan de kopregel; de extra kolommen heten "Kolom 13" enzovoort',
    ]);
  });

  it('groups issues per cell for highlighting a preview', () => {
    const byCell = issuesByCell(result.issues);
    expect(byCell.get(`4:${parsed.headers.indexOf('Vervaldatum')}`)?.[0]?.message).toBe('ongeldige vervaldatum: 31-02-2026 bestaat niet');
    expect(byCell.get('21:')?.[0]?.message).toBe('lijkt een totaalregel, geen factuur');
  });

  it('can make an invalid IBAN an error that skips the row', () => {
    const strict = validateRows(parsed, mapping, { invalidIban: 'fout' });
    expect(strict.skipped.map((s) => s.row)).toContain(11);
    expect(strict.issues.find((i) => i.row === 11)).toMatchObject({ severity: 'fout', message: 'Dit IBAN klopt niet: het controlegetal past niet bij het nummer. Kijk na of u geen cijfer verkeerd typte.' });
  });
});

describe('validateRows options and details', () => {
  const mapping: ColumnMapping = {
    version: 1,
    columns: { factuurnummer: ['Nr'], klantnaam: ['Klant'], factuurdatum: ['Datum'], vervaldatum: ['Verval'], bedrag: ['Bedrag'], email: ['Mail'], gemeente: ['Gemeente'], postcode: ['Postcode'], land: ['Land'], mededeling: ['Ogm'], betaallink: ['Link'], klanttype: ['Soort'] },
  };
  const run = (rows: string[], options = {}) => validateRows(parseCsv(['Nr;Klant;Datum;Verval;Bedrag;Mail;Gemeente;Postcode;Land;Ogm;Link;Soort', ...rows].join('\n')), mapping, options);

  it('derives a missing due date from the invoice date when a default term is given', () => {
    const withTerm = run(['1;A;01-03-2026;;10,00;a@a.be;;;;;;'], { defaultTermDays: 30 });
    expect(withTerm.invoices[0]!.vervaldatum).toBe('2026-03-31');
    expect(withTerm.issues[0]!.message).toBe('geen vervaldatum: factuurdatum + 30 dagen gebruikt');
    expect(run(['1;A;01-03-2026;;10,00;a@a.be;;;;;;']).issues.map((i) => i.message)).toEqual(['de vervaldatum ontbreekt']);
  });

  it('uses the invoice amount as open amount when there is no open-amount column', () => {
    expect(run(['1;A;;01-04-2026;€ 1.234,56;a@a.be;;;;;;']).invoices[0]!.openstaand).toBe(123456);
  });

  it('splits several addresses, a "9000 Gent" municipality, and reads country and customer type', () => {
    const r = run(['1;A;;01-04-2026;10,00;"a@a.be; b@b.be, fout";9000 Gent;;België;;;particulier']);
    expect(r.invoices[0]).toMatchObject({ emails: ['a@a.be', 'b@b.be'], postcode: '9000', gemeente: 'Gent', land: 'be', klanttype: 'consument' });
    expect(r.issues.map((i) => i.message)).toEqual(['geen geldig e-mailadres: fout', '2 e-mailadressen; de e-mail gaat naar a@a.be']);
    expect(parseCountry('The Netherlands')).toBe('nl');
    expect(parseCountry('Frankrijk')).toBeNull();
  });

  it('checks structured communications, payment links, postcodes, countries and customer types', () => {
    const r = run([
      '1;A;;01-04-2026;10,00;a@a.be;Lyon;69001;Frankrijk;+++090/9337/55494+++;http://pay.example;misschien',
      '2;B;;01-04-2026;10,00;b@b.be;;;;***090/9337/55493***;https://pay.example/2;',
      '3;C;;01-04-2026;10,00;c@c.be;Gent;90000;BE;;;',
      '4;D;;01-04-2026;10,00;d@d.nl;Utrecht;3542AD;NL;;;',
    ]);
    expect(r.issues.map((i) => `${i.row} ${i.message}`)).toEqual([
      '2 land "Frankrijk" niet herkend: de regels van België (uw instelling) gelden',
      '2 soort klant "misschien" niet herkend (verwacht onderneming of consument)',
      '2 gestructureerde mededeling klopt niet (controlegetal); niet gebruikt',
      '2 betaallink niet gebruikt: alleen een adres dat met https:// begint',
      '4 "90000" is geen Belgische postcode',
    ]);
    expect(r.invoices[1]).toMatchObject({ mededeling: '+++090/9337/55493+++', betaallink: 'https://pay.example/2' });
  });

  it('calls a truncated IBAN "te kort" with the same sentence as the template page, not a wrong check digit', () => {
    const m: ColumnMapping = { version: 1, columns: { factuurnummer: ['Nr'], klantnaam: ['Klant'], vervaldatum: ['Verval'], bedrag: ['Bedrag'], iban: ['IBAN'] } };
    const r = validateRows(parseCsv('Nr;Klant;Verval;Bedrag;IBAN\n1;A;01-03-2026;10,00;BE71 0961 2345 676\n2;B;01-03-2026;10,00;BE71-0961-2345-6769\n'), m);
    const message = 'Dit IBAN is te kort: het telt 15 tekens, een IBAN van dit land telt er 16. Kijk na of er geen cijfers ontbreken.';
    expect(r.issues.map((i) => `${i.row}|${i.message}`)).toEqual([`2|${message}`]);
    expect(parseField('iban', 'BE71 0961 2345 676')).toEqual({ ok: false, error: message });
    expect(r.invoices.map((i) => i.iban)).toEqual([undefined, 'BE71096123456769']);
  });

  it('flags an open amount above the invoice amount and a due date before the invoice date', () => {
    const m: ColumnMapping = { version: 1, columns: { factuurnummer: ['Nr'], klantnaam: ['Klant'], factuurdatum: ['Datum'], vervaldatum: ['Verval'], bedrag: ['Bedrag'], openstaand: ['Open'] } };
    const r = validateRows(parseCsv('Nr;Klant;Datum;Verval;Bedrag;Open\n1;A;01-04-2026;01-03-2026;10,00;20,00\n'), m);
    expect(r.invoices).toHaveLength(1);
    expect(r.issues.map((i) => i.message)).toEqual(['de vervaldatum ligt vóór de factuurdatum', 'het openstaande bedrag is groter dan het factuurbedrag']);
  });

  it('never throws on random rows, and every row is either valid or skipped', () => {
    const cell = fc.oneof(fc.string({ maxLength: 15 }), fc.constantFrom('', '01-04-2026', '31-02-2026', '1.234,56', '-5', 'a@b.be', 'BE71 0961 2345 6769', '=1+1', '+++090/9337/55493+++'));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 0, maxLength: 14 }), { maxLength: 20 }), (rows) => {
        const text = ['Nr;Klant;Datum;Verval;Bedrag;Mail;Gemeente;Postcode;Land;Ogm;Link;Soort', ...rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(';'))].join('\n');
        const parsed = parseCsv(text);
        const r = validateRows(parsed, mapping);
        expect(r.invoices.length + r.skipped.length).toBe(parsed.rows.length);
        for (const inv of r.invoices) {
          expect(inv.openstaand).toBeGreaterThan(0);
          expect(inv.vervaldatum).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        }
      }),
      { numRuns: 200 },
    );
  });
});
