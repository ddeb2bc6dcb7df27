/** Deterministic zips: sorted entries, one fixed date and mode, so the same content gives the same bytes. */
import { ZipArchive } from 'archiver';

export interface ZipEntry {
  name: string;
  data: Uint8Array | string;
}

export async function makeZip(entries: readonly ZipEntry[], date: Date): Promise<Uint8Array> {
  const archive = new ZipArchive({ zlib: { level: 9 } });
  const chunks: Buffer[] = [];
  archive.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    archive.on('end', () => resolve());
    archive.on('error', reject);
    archive.on('warning', reject);
  });
  for (const entry of [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    archive.append(typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : Buffer.from(entry.data), { name: entry.name, date, mode: 0o644 });
  }
  await archive.finalize();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
