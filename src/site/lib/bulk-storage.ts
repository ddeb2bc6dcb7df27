/**
 * What the bulk page remembers in this browser: its settings and, per set of column headers, the
 * column mapping the user chose (the same export next month has the same columns). Blocked or
 * full storage and foreign data are no error: remembering is a convenience.
 */
import { normalizeHeader, parseMapping, serializeMapping, type ColumnMapping } from '../../bulk/index.ts';
import { MAPPING_STORAGE_KEY } from './bulk-types.ts';
import type { Store } from './remembered.ts';

/** Mappings kept: a handful of tools, the most recent last. */
const KEPT_MAPPINGS = 12;

function browserStore(): Store | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export function readJson(key: string, store: Store | null = browserStore()): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(store?.getItem(key) ?? '{}');
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function writeJson(key: string, value: Readonly<Record<string, unknown>>, store: Store | null = browserStore()): void {
  try {
    if (Object.keys(value).length) store?.setItem(key, JSON.stringify(value));
    else store?.removeItem(key);
  } catch {
    // Storage full or blocked.
  }
}

/** Headers in any order and spelling ("Vervaldatum", "vervaldatum ") give one signature. */
export const signatureOf = (headers: readonly string[]) => headers.map(normalizeHeader).sort().join('|');

export function rememberedMapping(headers: readonly string[], store: Store | null = browserStore()): ColumnMapping | null {
  const stored = readJson(MAPPING_STORAGE_KEY, store)[signatureOf(headers)];
  return stored === undefined ? null : parseMapping(stored);
}

/** Stores (or with null, forgets) the mapping for these headers. */
export function rememberMapping(headers: readonly string[], mapping: ColumnMapping | null, store: Store | null = browserStore()): void {
  const all = readJson(MAPPING_STORAGE_KEY, store);
  const signature = signatureOf(headers);
  delete all[signature];
  if (mapping) all[signature] = serializeMapping(mapping);
  writeJson(MAPPING_STORAGE_KEY, Object.fromEntries(Object.entries(all).slice(-KEPT_MAPPINGS)), store);
}

export const forgetMappings = (store: Store | null = browserStore()) => writeJson(MAPPING_STORAGE_KEY, {}, store);
