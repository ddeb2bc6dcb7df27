/**
 * Deterministic zips with archiver: sorted entries, one fixed date and mode, so the same content
 * gives the same bytes (the manifest publishes each zip's sha256).
 *
 * The pack puts most files in three or more zips, so archiver deflates them once per zip. Writing
 * each file's deflated bytes once and copying them was measured (19 zips, 2,791 entries, 34 MiB):
 * 1.7 s CPU with archiver, 0.4 s copying; the pack runs beside `astro build`, which takes longer,
 * so the well-kept library stays and the saving is left.
 */
import { ZipArchive } from 'archiver';

export interface ZipEntry {
  name: string;
  data: Uint8Array | string;
}

/** A name that unpacks inside the folder it is unpacked in: no absolute path, no "..", no backslash. */
export function checkEntryName(name: string): void {
  if (name.startsWith('/') || name.includes('\\') || name.split('/').includes('..')) throw new Error(`zip: ongeldige bestandsnaam ${JSON.stringify(name)}`);
}

const byName = (a: ZipEntry, b: ZipEntry) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

export async function makeZip(entries: readonly ZipEntry[], date: Date): Promise<Uint8Array> {
  for (const entry of entries) checkEntryName(entry.name);
  const archive = new ZipArchive({ zlib: { level: 9 } });
  const chunks: Buffer[] = [];
  archive.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    archive.on('end', () => resolve());
    archive.on('error', reject);
    archive.on('warning', reject);
  });
  for (const entry of [...entries].sort(byName)) {
    archive.append(typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : Buffer.from(entry.data), { name: entry.name, date, mode: 0o644 });
  }
  await archive.finalize();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
