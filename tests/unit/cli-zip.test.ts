/**
 * The command line's own zip writer (src/cli/zip-writer.ts), read back with Info-ZIP's unzip and
 * JSZip: whole files and text streamed in pieces, deflated or stored, the central directory
 * spilled to a temporary file, and ZIP64 end records once there are more than 65,535 files (a
 * run of 100,000+ invoices has that many).
 */
import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { streamingZip } from '../../src/cli/zip-writer.ts';

const work = mkdtempSync(join(tmpdir(), 'tijdig-cli-zip-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const MTIME = new Date(2026, 5, 15, 12, 0, 0);

async function write(name: string, fill: (add: (name: string, data: Uint8Array | string | Iterable<string>, compress: boolean) => Promise<void>) => Promise<void>, directory?: string): Promise<string> {
  const file = join(work, name);
  const out = createWriteStream(file);
  await once(out, 'open');
  const zip = streamingZip(out, MTIME, directory);
  await fill(async (n, data, compress) => zip.add(n, data, compress));
  await zip.finish();
  if (!out.closed) await once(out, 'close');
  return file;
}

describe('the command line zip writer', () => {
  it('writes whole and streamed files, deflated and stored, that unzip tests and JSZip reads back', async () => {
    const lines = Array.from({ length: 3000 }, (_, i) => `"${i}";"Brasserie Één ${i}";"€ ${i},50"\r\n`);
    const pieces = function* () {
      for (let i = 0; i < lines.length; i += 700) yield lines.slice(i, i + 700).join('');
    };
    const pdf = new Uint8Array(5000).map((_, i) => (i * 7) % 256);
    const file = await write('gemengd.zip', async (add) => {
      await add('e-mail/001_één/bericht.txt', 'Geachte klant,\r\nBedrag: € 12,50\r\n', true);
      await add('brief/002_x/brief.pdf', pdf, false);
      await add('00_overzicht.csv', pieces(), true);
      await add('00_leeg.csv', [], true);
      await add('00_LEESMIJ.txt', 'leesmij', false);
    });
    expect(execFileSync('unzip', ['-t', file], { encoding: 'utf8' })).toContain('No errors detected');
    const zip = await JSZip.loadAsync(readFileSync(file));
    expect(Object.keys(zip.files)).toEqual(['e-mail/001_één/bericht.txt', 'brief/002_x/brief.pdf', '00_overzicht.csv', '00_leeg.csv', '00_LEESMIJ.txt']);
    expect(await zip.file('e-mail/001_één/bericht.txt')!.async('string')).toBe('Geachte klant,\r\nBedrag: € 12,50\r\n');
    expect(await zip.file('brief/002_x/brief.pdf')!.async('uint8array')).toEqual(pdf);
    expect(await zip.file('00_overzicht.csv')!.async('string')).toBe(lines.join(''));
    expect(await zip.file('00_leeg.csv')!.async('string')).toBe('');
    expect(zip.file('00_LEESMIJ.txt')!.date.getFullYear()).toBe(2026);
  });

  it('gives the same bytes for the same files', async () => {
    const fill = async (add: (name: string, data: string, compress: boolean) => Promise<void>) => {
      for (let i = 0; i < 50; i++) await add(`f${i}.txt`, `tekst ${i} `.repeat(i), i % 2 === 0);
    };
    expect(readFileSync(await write('a.zip', fill)).equals(readFileSync(await write('b.zip', fill)))).toBe(true);
  });

  it('writes ZIP64 end records past 65,535 files, with the central directory from its temporary file', async () => {
    const directory = join(work, 'centrale-map');
    const count = 70_000;
    const file = await write(
      'veel.zip',
      async (add) => {
        for (let i = 0; i < count; i++) await add(`k/${i}.txt`, String(i), i % 1000 === 0);
      },
      directory,
    );
    expect(existsSync(directory)).toBe(true);
    const listing = execFileSync('unzip', ['-Z1', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).trim().split('\n');
    expect(listing).toHaveLength(count);
    expect(listing.at(-1)).toBe(`k/${count - 1}.txt`);
    expect(execFileSync('unzip', ['-p', file, 'k/69999.txt', 'k/12000.txt'], { encoding: 'utf8' })).toBe('1200069999'); // in the zip's order
    const zip = await JSZip.loadAsync(readFileSync(file));
    expect(Object.keys(zip.files)).toHaveLength(count);
    expect(await zip.file('k/65536.txt')!.async('string')).toBe('65536');
  }, 120_000);
});
