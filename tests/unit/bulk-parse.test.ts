/** src/bulk/parse.ts: bytes, delimiters, header rows, dates and amounts. Nothing may throw on bad input. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanCell, decodeBytes, detectDelimiter, inferDateOrder, inferDecimalSeparator, parseAmount, parseCsv, parseDate } from '../../src/bulk/parse.ts';
import { formatMoney } from '../../src/model/format.ts';
import { fixture } from '../fixtures/bulk/setup.ts';

const cp1252 = (text: string) => Uint8Array.from([...text].map((c) => (c === '€' ? 0x80 : c === '’' ? 0x92 : c.charCodeAt(0))));

describe('decodeBytes', () => {
  it('reads UTF-8 with and without BOM, UTF-16 with BOM, and falls back to Windows-1252', () => {
    const text = 'Klant;Bedrag\r\nCafé;€ 1,00\r\n';
    const utf8 = new TextEncoder().encode(text);
    expect(decodeBytes(utf8)).toEqual({ text, encoding: 'utf-8', bom: false });
    expect(decodeBytes(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]))).toEqual({ text, encoding: 'utf-8', bom: true });
    const utf16 = Uint8Array.from([0xff, 0xfe, ...[...text].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    expect(decodeBytes(utf16)).toEqual({ text, encoding: 'utf-16le', bom: true });
    expect(decodeBytes(cp1252(text))).toEqual({ text, encoding: 'windows-1252', bom: false });
  });

  it('reads the Windows-1252 Billit/Yuki sample with its euro signs and accents intact', () => {
    const parsed = parseCsv(fixture('billit-yuki-verkoopfacturen.csv'));
    expect(parsed.encoding).toBe('windows-1252');
    expect(parsed.issues.map((i) => i.message)).toContain('het bestand is geen UTF-8 en is gelezen als Windows-1252 (ANSI); controleer letters met accenten');
    const cells = parsed.rows.flatMap((r) => r.cells);
    expect(cells).toContain('Café De Zwaan');
    expect(cells).toContain('Frituur ’t Hoekske');
    expect(cells).toContain('€ 1.240,50');
    expect(cells).toContain('Liège');
  });
});

describe('detectDelimiter and the header row', () => {
  it('takes ";" for a Dutch Excel file even when every amount has a decimal comma', () => {
    const text = 'Factuurnummer;Klant;Bedrag;Openstaand\r\n1;A;1,50;2,50\r\n2;B;3,50;4,50\r\n';
    expect(detectDelimiter(text)).toBe(';');
    expect(parseCsv(text).headers).toEqual(['Factuurnummer', 'Klant', 'Bedrag', 'Openstaand']);
  });

  it('takes "," for a quoted comma file and tab for a tab file', () => {
    expect(detectDelimiter('"Invoice number","Customer","Amount"\n"1","A, B and C","1.50"\n')).toBe(',');
    expect(detectDelimiter('Factuur\tKlant\tBedrag\n1\tA\t1,50\n')).toBe('\t');
  });

  it('finds the header below title lines and skips empty lines, counting them', () => {
    const parsed = parseCsv(fixture('exact-online-openstaande-posten.csv'));
    expect(parsed.delimiter).toBe(';');
    expect(parsed.bom).toBe(true);
    expect(parsed.headerRow).toBe(5);
    expect(parsed.headers[0]).toBe('Debiteur');
    expect(parsed.rows[0]!.row).toBe(6);
    const broken = parseCsv(fixture('kapot.csv'));
    expect(broken.emptyRows).toBe(2);
    expect(broken.rows.map((r) => r.row)).not.toContain(14);
  });

  it('names duplicate, empty and extra columns uniquely', () => {
    const parsed = parseCsv('Bedrag;;Bedrag;Klant\r\n1;2;3;A;extra\r\n');
    expect(parsed.headers).toEqual(['Bedrag', 'Kolom 2', 'Bedrag (2)', 'Klant', 'Kolom 5']);
    expect(parsed.issues.some((i) => i.message.includes('meer cellen dan de kopregel'))).toBe(true);
  });

  it('unwraps Excel\'s ="00123" text cells and trims', () => {
    expect(cleanCell('  ="00123" ')).toBe('00123');
    expect(cleanCell('="a ""b"""')).toBe('a "b"');
    expect(cleanCell('\u00a0Café\u00a0')).toBe('Café');
  });

  it('reports an unclosed quote instead of failing', () => {
    const parsed = parseCsv(fixture('kapot.csv'));
    expect(parsed.issues.some((i) => i.row === 23 && i.message.includes('aanhalingsteken'))).toBe(true);
  });

  it('returns an empty result with a message for an empty file', () => {
    expect(parseCsv(new Uint8Array()).issues[0]!.message).toBe('het bestand is leeg');
    expect(parseCsv('\r\n\r\n').rows).toEqual([]);
  });

  it('never throws on arbitrary bytes or text', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const parsed = parseCsv(bytes);
        expect(Array.isArray(parsed.rows)).toBe(true);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ maxLength: 12 }), { maxLength: 6 }), { maxLength: 12 }), fc.constantFrom(';', ',', '\t'), (rows, d) => {
        const parsed = parseCsv(rows.map((r) => r.join(d)).join('\n'));
        expect(parsed.headers.length).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('parseDate', () => {
  it.each([
    ['31-10-2026', '2026-10-31'],
    ['31/10/2026', '2026-10-31'],
    ['31.10.2026', '2026-10-31'],
    ['1-2-2026', '2026-02-01'],
    ['2026-10-31', '2026-10-31'],
    ['2026/10/31', '2026-10-31'],
    ['2026-10-31 00:00:00', '2026-10-31'],
    ['2026-10-31T00:00:00Z', '2026-10-31'],
    ['31-10-2026 0:00', '2026-10-31'],
    ['15 januari 2026', '2026-01-15'],
    ['15-jan-26', '2026-01-15'],
    ['3 mrt. 2026', '2026-03-03'],
    ['29-02-2028', '2028-02-29'],
    ['46037', '2026-01-15'],
  ])('%s -> %s', (raw, iso) => {
    const result = parseDate(raw);
    expect(result).toMatchObject({ ok: true, value: iso });
  });

  it('notes a two-digit year and an Excel serial number', () => {
    expect(parseDate('15-03-26')).toEqual({ ok: true, value: '2026-03-15', note: 'jaar "26" gelezen als 2026' });
    expect(parseDate('46037')).toMatchObject({ note: 'Excel-datumgetal 46037 gelezen als 2026-01-15' });
  });

  it.each([
    ['31-02-2026', '31-02-2026 bestaat niet'],
    ['29-02-2026', '29-02-2026 bestaat niet'],
    ['2026-13-01', 'maand 13 bestaat niet'],
    ['gisteren', '"gisteren" is geen datum (verwacht dd-mm-jjjj of jjjj-mm-dd)'],
    ['10-31-2026', '10-31-2026 lijkt maand/dag/jaar (Engelse notatie); verwacht is dag-maand-jaar'],
    ['31-10-1926', 'het jaar 1926 is onwaarschijnlijk voor een openstaande factuur'],
    ['', 'leeg'],
  ])('rejects %s: %s', (raw, error) => {
    expect(parseDate(raw)).toEqual({ ok: false, error });
  });

  it('reads month/day/year only when the column says so', () => {
    expect(inferDateOrder(['03/04/2026', '10/31/2026'])).toBe('mdy');
    expect(inferDateOrder(['03/04/2026', '31/10/2026'])).toBe('dmy');
    expect(inferDateOrder(['03/04/2026'])).toBe('dmy');
    expect(parseDate('03/04/2026', 'mdy')).toMatchObject({ value: '2026-03-04' });
  });
});

describe('parseAmount', () => {
  it.each([
    ['€ 1.234,56', 123456],
    ['1.234,56', 123456],
    ['1234,56', 123456],
    ['1,234.56', 123456],
    ['1234.56', 123456],
    ['EUR 1 234,56', 123456],
    ['1 234,56 €', 123456],
    ["1'234.56", 123456],
    ['12,5', 1250],
    ['12', 1200],
    ['0,01', 1],
    ['1.234.567', 123456700],
    ['1.234.567,89', 123456789],
    ['-1.234,56', -123456],
    ['-€ 12,00', -1200],
    ['(1.234,56)', -123456],
    ['1.234,56-', -123456],
    ['+45,00', 4500],
    ['12,3400', 1234],
  ])('%s -> %i cents', (raw, cents) => {
    expect(parseAmount(raw)).toEqual({ ok: true, value: cents });
  });

  it('reads "1.234" and "1,234" by the column habit', () => {
    expect(parseAmount('1.234', ',')).toEqual({ ok: true, value: 123400 });
    expect(parseAmount('1,234', '.')).toEqual({ ok: true, value: 123400 });
    expect(parseAmount('1,234', ',')).toEqual({ ok: false, error: '"1,234" heeft meer dan twee decimalen' });
    expect(inferDecimalSeparator(['1.234', '12,50'], ',')).toBe(',');
    expect(inferDecimalSeparator(['1,234', '12.50'], ';')).toBe('.');
    expect(inferDecimalSeparator(['1.234'], ';')).toBe(',');
    expect(inferDecimalSeparator(['1.234'], ',')).toBe('.');
  });

  it.each([
    ['abc', '"abc" is geen bedrag'],
    ['12,34,56', '"12,34,56": de scheidingstekens voor duizendtallen staan op een vreemde plaats'],
    ['1.23.45', '"1.23.45": de scheidingstekens voor duizendtallen staan op een vreemde plaats'],
    ['1,2345', '"1,2345" heeft meer dan twee decimalen'],
    ['12 appels', '"12 appels" is geen bedrag'],
    ['=1+1', '"=1+1" is geen bedrag'],
    ['9999999999999', '"9999999999999" is te groot'],
    ['', 'leeg'],
  ])('rejects %s', (raw, error) => {
    expect(parseAmount(raw)).toEqual({ ok: false, error });
  });

  it('reads back every amount formatMoney writes, and never throws', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999_999 }), (cents) => {
        expect(parseAmount(formatMoney(cents))).toEqual({ ok: true, value: cents });
        expect(parseAmount((cents / 100).toFixed(2))).toEqual({ ok: true, value: cents });
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.constantFrom(',' as const, '.' as const), (raw, sep) => {
        const result = parseAmount(raw, sep);
        if (result.ok) expect(Number.isInteger(result.value)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
