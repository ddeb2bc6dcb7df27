/** The .xlsx writer, read back by LibreOffice Calc: text stays text (no formula runs), escaping holds. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { columnName, xlsxWorkbook } from '../../src/export/xlsx.ts';

const dir = mkdtempSync(join(tmpdir(), 'tijdig-xlsx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function readBack(bytes: Uint8Array): string[][] {
  writeFileSync(join(dir, 'in.xlsx'), bytes);
  execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):59,34,76', '--outdir', dir, join(dir, 'in.xlsx')], { stdio: 'pipe', timeout: 120_000 });
  return Papa.parse<string[]>(readFileSync(join(dir, 'in.csv'), 'utf8'), { delimiter: ';' }).data.filter((r) => r.some(Boolean));
}

describe('xlsxWorkbook', () => {
  it('keeps formulas, markup and odd characters as the literal text they are', () => {
    const hostile = ['=1+1', '+32 9 123 45 67', '-5+5', '@SUM(A1)', '<b>&amp;</b> "quoted"', 'Zoë € ĳ 李', 'tab\there'];
    const rows = readBack(xlsxWorkbook([['kolom', 'leeg', 'derde'], ...hostile.map((h) => [h, '', 'x'])]));
    expect(rows[0]).toEqual(['kolom', 'leeg', 'derde']);
    expect(rows.slice(1).map((r) => r[1])).toEqual(hostile.map(() => ''));
    expect(rows.slice(1).map((r) => r[0])).toEqual(hostile);
    expect(rows.slice(1).map((r) => r[2])).toEqual(hostile.map(() => 'x'));
  }, 120_000);

  it('drops characters XML cannot hold instead of writing a broken file', () => {
    const rows = readBack(xlsxWorkbook([['a\u0000b\u0007c\ud800d']]));
    expect(rows).toEqual([['abcd']]);
  }, 120_000);

  it('names columns as Excel does and gives the same bytes for the same rows', () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
    expect(xlsxWorkbook([['x']])).toEqual(xlsxWorkbook([['x']]));
  });
});
