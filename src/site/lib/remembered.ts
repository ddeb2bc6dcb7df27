/**
 * The user's own details (sender and signer) kept in this browser under one key for every page:
 * typed on a template page, they show up on the timeline and bulk pages, and "Vergeet mijn
 * gegevens" on any page clears them everywhere. One controller for the three forms that use it.
 * Storage blocked or full is no error: remembering is a convenience, the form still works.
 */
import { STORAGE_KEY } from './workbench-types.ts';

export type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The page's localStorage, or null where it is blocked (private mode, sandboxed frame). */
function browserStore(): Store | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** The stored details by field path; anything unreadable (old or foreign data) counts as nothing. */
export function readRemembered(store: Store | null = browserStore()): Record<string, string> {
  try {
    const value: unknown = JSON.parse(store?.getItem(STORAGE_KEY) ?? '{}');
    if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
    return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    return {};
  }
}

/** Stores the given fields' values (trimmed; an empty one is removed), keeping other pages' fields. */
export function saveRemembered(values: Readonly<Record<string, string>>, store: Store | null = browserStore()): void {
  const saved = readRemembered(store);
  for (const [path, raw] of Object.entries(values)) {
    const value = raw.trim();
    if (value) saved[path] = value;
    else delete saved[path];
  }
  try {
    if (Object.keys(saved).length) store?.setItem(STORAGE_KEY, JSON.stringify(saved));
    else store?.removeItem(STORAGE_KEY);
  } catch {
    // Storage full or blocked.
  }
}

export function forgetRemembered(store: Store | null = browserStore()): void {
  try {
    store?.removeItem(STORAGE_KEY);
  } catch {
    // Nothing stored.
  }
}

/** Puts stored values into the fields the user has not filled yet. */
export function restoreRemembered(inputs: ReadonlyMap<string, { value: string }>, paths: readonly string[], store: Store | null = browserStore()): void {
  const saved = readRemembered(store);
  for (const path of paths) {
    const input = inputs.get(path);
    const value = saved[path];
    if (input && value !== undefined && !input.value) input.value = value;
  }
}

/** The current values of some fields, for saveRemembered. */
export const valuesOf = (inputs: ReadonlyMap<string, { value: string }>, paths: readonly string[]): Record<string, string> =>
  Object.fromEntries(paths.flatMap((p) => (inputs.has(p) ? [[p, inputs.get(p)!.value]] : [])));
