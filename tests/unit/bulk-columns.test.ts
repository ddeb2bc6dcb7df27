/** src/bulk/columns.ts: guessing the column mapping on each sample export, editing and remembering it. */
import { describe, expect, it } from 'vitest';
import { guessMapping, mappingProblems, normalizeHeader, parseMapping, resolveMapping, scoreHeaderRow, serializeMapping, setMappedColumns, type ColumnMapping } from '../../src/bulk/columns.ts';
import { parseCsv } from '../../src/bulk/parse.ts';
import { fixture } from '../fixtures/bulk/setup.ts';

const guessFile = (name: string) => {
  const parsed = parseCsv(fixture(name));
  return guessMapping(parsed.headers, parsed.rows.map((r) => r.cells));
};

describe('guessMapping on the sample exports', () => {
  it('Exact Online-style outstanding items: "Debiteur" holds codes, so it is the customer number', () => {
    const guess = guessFile('exact-online-openstaande-posten.csv');
    expect(guess.mapping.columns).toEqual({
      factuurnummer: ['Factuurnummer'],
      factuurdatum: ['Factuurdatum'],
      vervaldatum: ['Vervaldatum'],
      bedrag: ['Bedrag'],
      openstaand: ['Openstaand'],
      klantnummer: ['Debiteur'],
      klantnaam: ['Naam'],
      email: ['E-mail'],
      telefoon: ['Telefoon'],
      straat: ['Adres'],
      postcode: ['Postcode'],
      gemeente: ['Plaats'],
      land: ['Land'],
    });
    expect(guess.unused).toEqual(['Omschrijving', 'Valuta', 'Dagen']);
    expect(mappingProblems(guess.mapping)).toEqual([]);
  });

  it('Moneybird-style export: first and last name joined as contact person, "Referentie" left alone', () => {
    const guess = guessFile('moneybird-facturen.csv');
    expect(guess.mapping.columns).toEqual({
      factuurnummer: ['Factuurnummer'],
      factuurdatum: ['Factuurdatum'],
      vervaldatum: ['Vervaldatum'],
      bedrag: ['Totaalbedrag'],
      openstaand: ['Openstaand bedrag'],
      klantnummer: ['Klantnummer'],
      klantnaam: ['Bedrijfsnaam'],
      contactpersoon: ['Voornaam', 'Achternaam'],
      email: ['E-mailadres'],
      straat: ['Adres 1'],
      postcode: ['Postcode'],
      gemeente: ['Plaats'],
      land: ['Land'],
    });
    expect(guess.unused).toEqual(['Status', 'Referentie', 'Valuta']);
  });

  it('Billit/Yuki-style export: incl. btw not excl., street + house number, VAT number not the customer number', () => {
    const guess = guessFile('billit-yuki-verkoopfacturen.csv');
    expect(guess.mapping.columns).toEqual({
      factuurnummer: ['Factuurnummer'],
      factuurdatum: ['Factuurdatum'],
      vervaldatum: ['Vervaldatum'],
      bedrag: ['Totaal incl. btw'],
      openstaand: ['Te betalen'],
      klantnummer: ['Klantnummer'],
      klantnaam: ['Klant'],
      email: ['E-mail'],
      straat: ['Straat', 'Huisnummer'],
      postcode: ['Postcode'],
      gemeente: ['Gemeente'],
      land: ['Land'],
      iban: ['IBAN'],
      mededeling: ['Gestructureerde mededeling'],
    });
    expect(guess.unused).toEqual(['Btw-nummer', 'Totaal excl. btw']);
    expect(guess.guessed.every((g) => g.confidence === 'hoog')).toBe(true);
  });

  it('the broken file still gets its columns, despite broken values', () => {
    const guess = guessFile('kapot.csv');
    expect(guess.mapping.columns.bedrag).toEqual(['Bedrag']);
    expect(guess.mapping.columns.openstaand).toEqual(['Openstaand']);
    expect(guess.mapping.columns.vervaldatum).toEqual(['Vervaldatum']);
    expect(guess.mapping.columns.factuurnummer).toEqual(['Factuurnr']);
    expect(guess.mapping.columns.klantnummer).toEqual(['Klantnr']);
    expect(guess.unused).toEqual(['Kolom 13', 'Kolom 14']);
  });

  it('English headers', () => {
    const headers = ['Invoice No', 'Invoice Date', 'Due Date', 'Customer ID', 'Customer Name', 'Contact Name', 'Email Address', 'Address Line 1', 'Zip Code', 'City', 'Country', 'Total Amount', 'Amount Due'];
    expect(guessMapping(headers).mapping.columns).toEqual({
      factuurnummer: ['Invoice No'],
      factuurdatum: ['Invoice Date'],
      vervaldatum: ['Due Date'],
      bedrag: ['Total Amount'],
      openstaand: ['Amount Due'],
      klantnummer: ['Customer ID'],
      klantnaam: ['Customer Name'],
      contactpersoon: ['Contact Name'],
      email: ['Email Address'],
      straat: ['Address Line 1'],
      postcode: ['Zip Code'],
      gemeente: ['City'],
      land: ['Country'],
    });
  });

  it('Moneybird English export: "Total unpaid" is the open amount, "Total price incl. tax" the invoice amount', () => {
    const headers = ['Invoice id', 'Contact', 'Invoice date', 'Due date', 'State', 'Total price excl. tax', 'Total price incl. tax', 'Total paid', 'Total unpaid', 'Currency'];
    const rows = [['2026-0153', 'Studio Noord B.V.', '2026-04-01', '2026-05-01', 'late', '1200.00', '1452.00', '0.00', '1452.00', 'EUR']];
    expect(guessMapping(headers, rows).mapping.columns).toMatchObject({
      factuurnummer: ['Invoice id'],
      factuurdatum: ['Invoice date'],
      vervaldatum: ['Due date'],
      bedrag: ['Total price incl. tax'],
      openstaand: ['Total unpaid'],
      klantnaam: ['Contact'],
    });
  });

  it('Odoo invoice list: "Partner" or "Customer" is the name, "Amount Due" the open amount, "Follow-up Level" what was sent', () => {
    const headers = ['Number', 'Partner', 'Invoice/Bill Date', 'Due Date', 'Tax Excluded', 'Total', 'Amount Due', 'Payment Status', 'Follow-up Level'];
    const rows = [['INV/2026/00042', 'Brasserie Het Pleintje', '2026-03-17', '2026-04-16', '1025,21', '1240,50', '1240,50', 'Not Paid', '2']];
    expect(guessMapping(headers, rows).mapping.columns).toEqual({
      factuurnummer: ['Number'],
      factuurdatum: ['Invoice/Bill Date'],
      vervaldatum: ['Due Date'],
      bedrag: ['Total'],
      openstaand: ['Amount Due'],
      klantnaam: ['Partner'],
      laatsteStap: ['Follow-up Level'],
    });
    const odoo17 = ['Number', 'Customer', 'Invoice Date', 'Due Date', 'Total Signed', 'Amount Due Signed'];
    expect(guessMapping(odoo17).mapping.columns).toMatchObject({ klantnaam: ['Customer'], bedrag: ['Total Signed'], openstaand: ['Amount Due Signed'] });
  });

  it('a Dutch "Onbetaald bedrag" is open, a "Laatste herinnering (datum)" is no step', () => {
    const { columns } = guessMapping(['Factuurnummer', 'Klant', 'Vervaldatum', 'Totaalbedrag', 'Onbetaald bedrag', 'Aantal herinneringen', 'Laatste herinnering datum']).mapping;
    expect(columns.openstaand).toEqual(['Onbetaald bedrag']);
    expect(columns.laatsteStap).toEqual(['Aantal herinneringen']);
  });

  it('uses the values when the header says nothing: an e-mail column called "Kolom 4", a "Klant" column of codes', () => {
    const headers = ['Factuur', 'Klant', 'Naam', 'Kolom 4', 'Vervaldag', 'Saldo'];
    const rows = [
      ['F1', 'K-001', 'Bakkerij A', 'a@a.be', '01-05-2026', '10,00'],
      ['F2', 'K-002', 'Bakkerij B', 'b@b.be', '02-05-2026', '20,00'],
    ];
    const guess = guessMapping(headers, rows);
    expect(guess.mapping.columns).toMatchObject({ factuurnummer: ['Factuur'], klantnummer: ['Klant'], klantnaam: ['Naam'], email: ['Kolom 4'], vervaldatum: ['Vervaldag'], openstaand: ['Saldo'] });
    expect(guess.guessed.find((g) => g.field === 'email')?.confidence).toBe('laag');
  });

  it('a "Debiteur" column of names is the customer name', () => {
    const guess = guessMapping(['Factuurnummer', 'Debiteur', 'Vervaldatum', 'Bedrag'], [['1', 'Brasserie Het Pleintje', '01-05-2026', '10,00']]);
    expect(guess.mapping.columns.klantnaam).toEqual(['Debiteur']);
    expect(guess.mapping.columns.klantnummer).toBeUndefined();
  });

  it('recognises header rows for the parser', () => {
    expect(scoreHeaderRow(['Factuurnummer', 'Klant', 'Bedrag'])).toBe(3);
    expect(scoreHeaderRow(['Openstaande posten debiteuren'])).toBe(0);
    expect(normalizeHeader('E-mail adres (facturatie)')).toBe('emailadresfacturatie');
  });
});

describe('editing and remembering a mapping', () => {
  const guess = guessFile('exact-online-openstaande-posten.csv');

  it('round-trips through JSON (localStorage) and rejects anything else', () => {
    const json = serializeMapping(guess.mapping);
    expect(parseMapping(json)).toEqual(guess.mapping);
    expect(parseMapping(JSON.parse(json))).toEqual(guess.mapping);
    expect(parseMapping('{not json')).toBeNull();
    expect(parseMapping({ version: 2, columns: {} })).toBeNull();
    expect(parseMapping({ version: 1, columns: { onbekend: ['x'] } })).toBeNull();
    expect(parseMapping({ version: 1, columns: { email: 'E-mail' } })).toBeNull();
  });

  it('moves a column from one field to another and clears a field', () => {
    let mapping: ColumnMapping = setMappedColumns(guess.mapping, 'contactpersoon', ['Naam']);
    expect(mapping.columns.contactpersoon).toEqual(['Naam']);
    expect(mapping.columns.klantnaam).toBeUndefined();
    expect(mappingProblems(mapping)).toEqual([]);
    mapping = setMappedColumns(mapping, 'contactpersoon', []);
    expect(mappingProblems(mapping)).toEqual(['Kies de kolom met de naam van de klant.']);
    mapping = setMappedColumns(mapping, 'email', ['E-mail', 'Telefoon']);
    expect(mapping.columns.email).toEqual(['E-mail']);
  });

  it('applies a remembered mapping to next month\'s file by header name, and says which headers are gone', () => {
    const next = ['naam', 'FACTUURNUMMER', 'Vervaldatum', 'Openstaand'];
    const resolved = resolveMapping(guess.mapping, next);
    expect(resolved.indexes).toMatchObject({ klantnaam: [0], factuurnummer: [1], vervaldatum: [2], openstaand: [3] });
    expect(resolved.missingHeaders.map((m) => m.header)).toContain('Debiteur');
  });

  it('lists what is missing, in Dutch', () => {
    expect(mappingProblems({ version: 1, columns: {} })).toEqual([
      'Kies de kolom met het factuurnummer.',
      'Kies de kolom met het openstaande bedrag (of het factuurbedrag).',
      'Kies de kolom met de vervaldatum, of de factuurdatum en een standaard betaaltermijn.',
      'Kies de kolom met de naam van de klant.',
    ]);
    expect(mappingProblems({ version: 1, columns: { factuurdatum: ['Datum'] } }, { defaultTermDays: 30 })).not.toContain('Kies de kolom met de vervaldatum, of de factuurdatum en een standaard betaaltermijn.');
  });
});
