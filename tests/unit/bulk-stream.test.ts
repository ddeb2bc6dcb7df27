/**
 * The overview files of a large run are written in pieces (src/bulk/run.ts csvPieces, icsCalendar),
 * so the command line never holds them whole: read back with papaparse and ical.js, they are one
 * file each (one BOM, every customer once, in order), and the command line's streamed zip holds
 * the same bytes as the page's in-memory zip.
 */
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import JSZip from 'jszip';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareBulk } from '../../src/bulk/prepare.ts';
import { buildBulk, type BuildBulkInput } from '../../src/bulk/run.ts';
import { streamingZip } from '../../src/cli/zip-writer.ts';
import { invoiceLines } from '../../scripts/bulk-data.ts';
import { NOW, SENDER, templates, TODAY, workflow } from '../fixtures/bulk/setup.ts';

const work = mkdtempSync(join(tmpdir(), 'tijdig-bulk-stream-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// 1,300 customers: the overview files are cut in pieces of 500, so three pieces and a short last one.
const CUSTOMERS = 1_300;
const standaard = workflow('standaard');
const csv = new TextEncoder().encode(`${[...invoiceLines(CUSTOMERS * 4, TODAY)].join('\r\n')}\r\n`);
const prepared = prepareBulk(csv, { today: TODAY, workflow: standaard, jurisdiction: 'be' });
// Text only: the files per customer are not what this test is about, and text is quick to make.
const input: BuildBulkInput = {
  customers: prepared.customers,
  workflow: standaard,
  templates,
  compiled: {},
  sender: SENDER,
  today: TODAY,
  now: NOW,
  issues: prepared.validation.issues,
  formats: { email: ['txt'], telefoon: ['txt'], brief: ['txt'], 'aangetekende-brief': ['txt'], juridisch: ['txt'] },
};

async function streamed(): Promise<JSZip> {
  const file = join(work, 'stroom.zip');
  const out = createWriteStream(file);
  await once(out, 'open');
  await buildBulk({ ...input, archive: (mtime) => streamingZip(out, mtime) });
  if (!out.closed) await once(out, 'close');
  return JSZip.loadAsync(readFileSync(file));
}

describe('overview files of a large run, written in pieces', async () => {
  const memory = await JSZip.loadAsync((await buildBulk(input)).zip);
  const text = (zip: JSZip, name: string) => zip.file(name)!.async('string');

  it('00_overzicht.csv: one BOM, one header, every customer once and in order', async () => {
    const raw = await memory.file('00_overzicht.csv')!.async('uint8array');
    const body = new TextDecoder('utf-8', { ignoreBOM: true }).decode(raw);
    expect(body.startsWith('\ufeff"Map";')).toBe(true);
    expect(body.indexOf('\ufeff', 1)).toBe(-1);
    const rows = Papa.parse<Record<string, string>>(body.slice(1), { header: true, delimiter: ';', skipEmptyLines: true });
    expect(rows.errors).toEqual([]);
    expect(rows.data.map((r) => r['Klant'])).toEqual(prepared.customers.map((c) => c.group.klant.naam));
    expect(rows.data).toHaveLength(CUSTOMERS);
  });

  it('00_volgende-stappen.ics: one calendar with a next step for every customer that has one', async () => {
    const calendar = new ICAL.Component(ICAL.parse(await text(memory, '00_volgende-stappen.ics')));
    const events = calendar.getAllSubcomponents('vevent');
    const expected = prepared.customers.filter((c) => c.next && c.status !== 'overgeslagen');
    expect(events).toHaveLength(expected.length);
    expect(expected.length).toBeGreaterThan(1_000);
    expect(new Set(events.map((e) => e.getFirstPropertyValue('uid'))).size).toBe(events.length);
    expect((await text(memory, '00_volgende-stappen.ics')).match(/BEGIN:VCALENDAR/g)).toHaveLength(1);
  });

  it('00_meldingen.csv lists every row issue once, sorted by row', async () => {
    const rows = Papa.parse<Record<string, string>>((await text(memory, '00_meldingen.csv')).replace(/^\ufeff/, ''), { header: true, delimiter: ';', skipEmptyLines: true });
    const numbers = rows.data.map((r) => Number(r['Rij']));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(rows.data.length).toBeGreaterThan(0);
  });

  it('the command line streams the same bytes into its zip as the page keeps in memory', async () => {
    const fromStream = await streamed();
    for (const name of ['00_overzicht.csv', '00_volgende-stappen.ics', '00_meldingen.csv', '00_LEESMIJ.txt']) {
      expect(await fromStream.file(name)!.async('uint8array'), name).toEqual(await memory.file(name)!.async('uint8array'));
    }
    expect(Object.keys(fromStream.files)).toEqual(Object.keys(memory.files));
  });
});
