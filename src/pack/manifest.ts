/**
 * Reads the pack back at build time: the downloads page shows each zip's size from its manifest, and
 * the export pages take the exports' file list and the Word merge letters from it instead of making
 * them again. Here, with the pack builder, because only the pack and the scripts touch the file system.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';

export interface PackManifest {
  zips: { name: string; bytes: number; sha256: string; files: number }[];
  /** Every file of the pack (written since the manifest lists them; absent in a hand-made one). */
  bestanden?: { path: string; workflow: string }[];
}

const defaultPath = () => process.env.TIJDIG_PACK_MANIFEST ?? join(process.cwd(), 'public', 'downloads', 'manifest.json');

/** The manifest at `path` (default public/downloads/manifest.json), or null when absent or unreadable. */
export function readPackManifest(path = defaultPath()): PackManifest | null {
  if (!existsSync(path)) return null;
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<PackManifest>;
    return Array.isArray(parsed.zips) ? (parsed as PackManifest) : null;
  } catch {
    return null;
  }
}

/** One file out of a zip beside the manifest, or null when the zip or the file is not there. */
export function readPackFile(zip: string, file: string, manifestPath = defaultPath()): Uint8Array | null {
  const path = join(dirname(manifestPath), zip);
  if (!existsSync(path)) return null;
  try {
    return unzipSync(readFileSync(path), { filter: (entry) => entry.name === file })[file] ?? null;
  } catch {
    return null;
  }
}
