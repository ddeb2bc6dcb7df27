/**
 * The pack's own zip writer deflates each file once and copies the bytes into every zip that holds
 * it. It must write what archiver 8 wrote before (the zips' bytes and sha256 are published in the
 * manifest) and what unzip reads back.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/lib/seeded-random.ts';
import { readPackFile, readPackManifest } from '../../src/pack/manifest.ts';
import { makeZip, packEntry, writeZip, type ZipEntry } from '../../src/pack/zip.ts';

const date = new Date('2026-01-01T00:00:00Z');

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
  const dir = mkdtempSync(join(tmpdir(), 'tijdig-zip-'));
  const path = join(dir, 'test.zip');
  writeFileSync(path, zip);
  execFileSync('unzip', ['-tq', path]);
  const list = execFileSync('zipinfo', ['-1', path], { encoding: 'utf8' });
  const files = new Map(list.trim().split('\n').map((name) => [name, execFileSync('unzip', ['-p', path, name])]));
  return { list, files };
}

describe('the pack zip writer', () => {
  it('writes the same bytes archiver 8 wrote (deflate 9, data descriptors, mode 0644, UTC date), sorted by name', () => {
    // archiver 8 (ZipArchive, zlib level 9, mode 0o644, this date) on Node 24 made exactly these 71,005 bytes
    // from these entries: the pack's zips kept their bytes and sha256 when the writer changed.
    const zip = makeZip(entries, date);
    expect(zip.length).toBe(71_005);
    expect(createHash('sha256').update(zip).digest('hex')).toBe('191ec0ccff7232b1a3fde241552d758568b3b934b6316e14d63cf303f9865baf');
  });

  it('gives zips unzip tests clean and reads back byte for byte, UTF-8 names and an empty file included', () => {
    const { list, files } = unzipped(makeZip(entries, date));
    expect(list.trim().split('\n')).toEqual([...entries.map((e) => e.name)].sort());
    for (const entry of entries) {
      const expected = typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : Buffer.from(entry.data);
      expect(files.get(entry.name)?.equals(expected), entry.name).toBe(true);
    }
  });

  it('copies a file packed once into several zips, each the same as a zip made on its own', () => {
    const shared = packEntry(entries[0]!);
    const first = writeZip([shared, packEntry(entries[4]!)], date);
    const second = writeZip([packEntry(entries[3]!), shared], date);
    expect(Buffer.from(first).equals(Buffer.from(makeZip([entries[0]!, entries[4]!], date)))).toBe(true);
    expect(Buffer.from(second).equals(Buffer.from(makeZip([entries[3]!, entries[0]!], date)))).toBe(true);
    expect(unzipped(second).files.get(entries[0]!.name)?.toString('utf8')).toBe(entries[0]!.data);
  });

  it('refuses a name that would land outside the folder it is unpacked in', () => {
    for (const name of ['/etc/passwd', '../buiten.txt', 'map/../../buiten.txt', 'map\\bestand.txt']) {
      expect(() => packEntry({ name, data: 'x' }), name).toThrow(/ongeldige bestandsnaam/);
    }
  });

  it('lets the site read one file of a built zip back (the Word merge letters), and says null when zip or file is missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tijdig-pack-read-'));
    const manifest = join(dir, 'manifest.json');
    writeFileSync(manifest, JSON.stringify({ zips: [], bestanden: [{ path: 'a/ruis.bin', workflow: 'exports' }] }));
    writeFileSync(join(dir, 'tijdig-exports.zip'), makeZip(entries, date));
    expect(Buffer.from(readPackFile('tijdig-exports.zip', 'a/ruis.bin', manifest)!).equals(Buffer.from(noise))).toBe(true);
    expect(readPackFile('tijdig-exports.zip', 'a/elders.bin', manifest)).toBeNull();
    expect(readPackFile('tijdig-alles.zip', 'a/ruis.bin', manifest)).toBeNull();
    expect(readPackManifest(manifest)?.bestanden).toEqual([{ path: 'a/ruis.bin', workflow: 'exports' }]);
  });
});
