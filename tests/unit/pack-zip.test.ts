/**
 * The pack's zips (archiver): what unzip reads back, the same bytes for the same content (the
 * manifest publishes each zip's sha256), and no name that unpacks outside its folder.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/lib/seeded-random.ts';
import { readPackFile, readPackManifest } from '../../src/pack/manifest.ts';
import { checkEntryName, makeZip, type ZipEntry } from '../../src/pack/zip.ts';

const date = new Date('2026-01-01T00:00:00Z');
const work = mkdtempSync(join(tmpdir(), 'tijdig-zip-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let folders = 0;
const folder = () => {
  const dir = join(work, String(++folders));
  mkdirSync(dir);
  return dir;
};

const random = mulberry32(17);
const noise = Uint8Array.from({ length: 70_000 }, () => Math.floor(random() * 256));
const entries: ZipEntry[] = [
  { name: 'nl-onderneming/standaard/02_D+15_tweede-herinnering/tweede-herinnering.txt', data: 'Beste klant,\n\nFactuur 2026-014 staat nog open.\n'.repeat(400) },
  { name: 'be-consument/situaties/België €/leesmij.txt', data: 'Gestructureerde mededeling: +++090/9337/55493+++\n' },
  { name: 'exports/leeg.csv', data: '' },
  { name: 'a/ruis.bin', data: noise },
  { name: 'LEESMIJ.txt', data: 'Tijdig\n' },
];

function unzipped(zip: Uint8Array): { list: string; files: Map<string, Buffer> } {
  const dir = folder();
  const path = join(dir, 'test.zip');
  writeFileSync(path, zip);
  execFileSync('unzip', ['-tq', path]);
  const list = execFileSync('zipinfo', ['-1', path], { encoding: 'utf8' });
  const files = new Map(list.trim().split('\n').map((name) => [name, execFileSync('unzip', ['-p', path, name])]));
  return { list, files };
}

describe('the pack zip writer', () => {
  it('writes the same bytes for the same content, whatever order the entries come in (deflate 9, mode 0644, UTC date)', async () => {
    const zip = await makeZip(entries, date);
    const again = await makeZip([...entries].reverse(), date);
    expect(createHash('sha256').update(again).digest('hex')).toBe(createHash('sha256').update(zip).digest('hex'));
    // The 70,000 bytes of noise cannot shrink; the repeated letter must: level 9 deflate is in use.
    expect(zip.length).toBeGreaterThan(70_000);
    expect(zip.length).toBeLessThan(72_000);
    const other = await makeZip(entries, new Date('2026-02-01T00:00:00Z'));
    expect(Buffer.from(other).equals(Buffer.from(zip))).toBe(false);
  });

  it('gives zips unzip tests clean and reads back byte for byte, UTF-8 names and an empty file included', async () => {
    const { list, files } = unzipped(await makeZip(entries, date));
    expect(list.trim().split('\n')).toEqual([...entries.map((e) => e.name)].sort());
    for (const entry of entries) {
      const expected = typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : Buffer.from(entry.data);
      expect(files.get(entry.name)?.equals(expected), entry.name).toBe(true);
    }
  });

  it('refuses a name that would land outside the folder it is unpacked in', async () => {
    for (const name of ['/etc/passwd', '../buiten.txt', 'map/../../buiten.txt', 'map\\bestand.txt']) {
      expect(() => checkEntryName(name), name).toThrow(/ongeldige bestandsnaam/);
      await expect(makeZip([{ name, data: 'x' }], date), name).rejects.toThrow(/ongeldige bestandsnaam/);
    }
  });

  it('lets the site read one file of a built zip back (the Word merge letters), and says null when zip or file is missing', async () => {
    const dir = folder();
    const manifest = join(dir, 'manifest.json');
    writeFileSync(manifest, JSON.stringify({ zips: [], bestanden: [{ path: 'a/ruis.bin', workflow: 'exports' }] }));
    writeFileSync(join(dir, 'tijdig-exports.zip'), await makeZip(entries, date));
    expect(Buffer.from(readPackFile('tijdig-exports.zip', 'a/ruis.bin', manifest)!).equals(Buffer.from(noise))).toBe(true);
    expect(readPackFile('tijdig-exports.zip', 'a/elders.bin', manifest)).toBeNull();
    expect(readPackFile('tijdig-alles.zip', 'a/ruis.bin', manifest)).toBeNull();
    expect(readPackManifest(manifest)?.bestanden).toEqual([{ path: 'a/ruis.bin', workflow: 'exports' }]);
  });
});
