/**
 * How the kit names things, in one place: day offsets ("D+13") and slugs for folders, files and
 * calendar ids. Pure and browser-safe; every layer may use it.
 */

/** "D-5", "D+0", "D+13": days from the due date, the notation of the playbooks. */
export function offsetLabel(offset: number): string {
  return offset < 0 ? `D${offset}` : `D+${offset}`;
}

/** "Factuur 2026/0153 — é" -> "factuur-2026-0153-e": ASCII, safe in every file system and zip, cut between words. */
export function slugify(text: string, maxLength = 64): string {
  return cutAtWord(slugOf(text), maxLength);
}

function slugOf(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** A slug of at most `maxLength` characters, cut between words ("…-per-aangetekende", not "…-per-aange"). */
function cutAtWord(slug: string, maxLength: number): string {
  if (slug.length <= maxLength) return slug;
  const cut = slug.lastIndexOf('-', maxLength);
  return cut > 0 ? slug.slice(0, cut) : slug.slice(0, maxLength);
}
