/**
 * Reads the pack's manifest back (the downloads page shows each zip's size from it). Here, with
 * the pack builder, because only the pack and the scripts touch the file system.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface PackManifest {
  zips: { name: string; bytes: number; sha256: string; files: number }[];
}

/** The manifest at `path` (default public/downloads/manifest.json), or null when absent or unreadable. */
export function readPackManifest(path = process.env.TIJDIG_PACK_MANIFEST ?? join(process.cwd(), 'public', 'downloads', 'manifest.json')): PackManifest | null {
  if (!existsSync(path)) return null;
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<PackManifest>;
    return Array.isArray(parsed.zips) ? (parsed as PackManifest) : null;
  } catch {
    return null;
  }
}
