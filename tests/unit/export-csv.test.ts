import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { sampleFillData, type FillData } from '../../src/content/schema.ts';
import { mergeDataCsv, neutralise, scheduleCsv, toCsv } from '../../src/export/csv.ts';
import { CSV_HEADERS } from '../../src/export/mapping.ts';
import { readContent } from '../../src/pack/read-content.ts';

const loaded = readContent(process.cwd());
if (!loaded.ok) throw new Error('content invalid');
const { workflows } = loaded.content;

const bytes = (text: string) => new TextEncoder().encode(text);
/** Papaparse with the delimiter fixed, as a spreadsheet would read it; fails on any parse error. */
function parse(text: string, delimiter: ';' | ','): string[][] {
  const result = Papa.parse<string[]>(text.replace(/^\ufeff/, ''), { delimiter, newline: '\r\n', skipEmptyLines: true });
  expect(result.errors).toEqual([]);
  return result.data;
}

describe('scheduleCsv', () => {
  const workflow = workflows.find((w) => w.stappen.some((s) => s.offset < 0)) ?? workflows[0]!;

  it('writes the Dutch Excel flavour: BOM, semicolons, CRLF, dd-mm-jjjj, no sep= line', () => {
    const csv = scheduleCsv(workflow, { dueDate: '2026-10-31', flavour: 'excel-nl' });
    expect([...bytes(csv).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv).not.toMatch(/^\ufeff?"?sep=/i);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/\n/);
    const rows = parse(csv, ';');
    expect(rows[0]).toEqual(['Stap', 'Dag t.o.v. vervaldag', 'Datum', 'Kanaal', 'Toon', 'Titel', 'Sjabloon']);
    expect(rows).toHaveLength(workflow.stappen.length + 1);
    workflow.stappen.forEach((step, i) => {
      const row = rows[i + 1]!;
      expect(row).toHaveLength(7);
      expect(row[1]).toBe(String(step.offset));
      expect(row[2]).toMatch(/^\d{2}-\d{2}-\d{4}$/);
      expect(row[5]).toBe(step.titel);
    });
  });

  it('writes the import flavour: no BOM, commas, ISO dates, channel ids', () => {
    const csv = scheduleCsv(workflow, { dueDate: '2026-10-31', flavour: 'import' });
    expect(bytes(csv)[0]).toBe(0x22); // the opening quote, no BOM
    const rows = parse(csv, ',');
    expect(rows[0]).toEqual(['step', 'day_offset', 'date', 'channel', 'tone', 'title', 'template']);
    const first = workflow.stappen[0]!;
    expect(rows[1]![2]).toBe(new Date(Date.UTC(2026, 9, 31 + first.offset)).toISOString().slice(0, 10));
    expect(rows[1]![3]).toBe(first.kanaal);
  });
});

describe('mergeDataCsv', () => {
  const hostile: FillData = {
    ...sampleFillData(),
    klant: {
      naam: '=HYPERLINK("http://x","klik")',
      contactpersoon: 'a;b',
      straat: '"quoted", met komma',
      gemeente: 'regel 1\r\nregel 2\nregel 3',
      email: '@SUM(A1)',
      klantnummer: '-2+3',
      postcode: '+32',
    },
  };

  for (const flavour of ['excel-nl', 'import'] as const) {
    it(`keeps every column for hostile values and neutralises formulas (${flavour})`, () => {
      const csv = mergeDataCsv([sampleFillData(), hostile], flavour);
      const rows = parse(csv, flavour === 'excel-nl' ? ';' : ',');
      expect(rows[0]).toEqual([...CSV_HEADERS]);
      expect(rows).toHaveLength(3);
      for (const row of rows) expect(row).toHaveLength(CSV_HEADERS.length);
      const cell = (name: string) => rows[2]![CSV_HEADERS.indexOf(name)];
      expect(cell('klant_naam')).toBe(`'=HYPERLINK("http://x","klik")`);
      expect(cell('klant_contactpersoon')).toBe('a;b');
      expect(cell('klant_straat')).toBe('"quoted", met komma');
      expect(cell('klant_gemeente')).toBe('regel 1\r\nregel 2\nregel 3');
      expect(cell('klant_email')).toBe(`'@SUM(A1)`);
      expect(cell('klant_klantnummer')).toBe(`'-2+3`);
      // A plain number is no formula: left alone so it stays a number.
      expect(cell('klant_postcode')).toBe('+32');
    });
  }

  it('writes Dutch amounts and dates for Excel, machine values for imports', () => {
    const nl = parse(mergeDataCsv([sampleFillData()], 'excel-nl'), ';');
    const machine = parse(mergeDataCsv([sampleFillData()], 'import'), ',');
    const col = CSV_HEADERS.indexOf('factuur_openstaand');
    const date = CSV_HEADERS.indexOf('factuur_vervaldatum');
    expect([nl[1]![col], nl[1]![date]]).toEqual(['€ 1.240,50', '31-10-2026']);
    expect([machine[1]![col], machine[1]![date]]).toEqual(['1240.50', '2026-10-31']);
  });
});

describe('neutralise', () => {
  it('follows OWASP: = + - @ tab and CR get a leading apostrophe; quotes are doubled by toCsv', () => {
    for (const bad of ['=1+1', '+A1', '-A1', '@x', '\tx', '\rx', '-1,5+2']) expect(neutralise(bad)).toBe(`'${bad}`);
    for (const ok of ['-3', '+32', '12,50', 'Jan', '', ' =1']) expect(neutralise(ok)).toBe(ok);
    expect(toCsv([['a"b']], 'import')).toBe('"a""b"\r\n');
  });
});
