/**
 * Reads the research notes the legal module is built from, so tests compare the module with the
 * notes themselves and fail when either drifts. The notes live in ../shared/facts/ beside the
 * project (as in CI); override with TIJDIG_LEGAL_FACTS. A missing file fails loudly.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SHARED = fileURLToPath(new URL('../../../../shared/facts/legal.md', import.meta.url));

export const LEGAL_MD_PATH = process.env.TIJDIG_LEGAL_FACTS ?? SHARED;
if (!existsSync(LEGAL_MD_PATH)) throw new Error(`legal facts not found at ${LEGAL_MD_PATH}: check out shared/ beside the project or set TIJDIG_LEGAL_FACTS`);
export const LEGAL_MD = readFileSync(LEGAL_MD_PATH, 'utf8');

/** The text of the section whose heading starts with `heading` (e.g. "### 1.2"), up to the next heading of the same or higher level. */
export function section(heading: string): string {
  const lines = LEGAL_MD.split('\n');
  const start = lines.findIndex((l) => l.startsWith(heading));
  if (start < 0) throw new Error(`legal.md: section "${heading}" not found`);
  const level = heading.match(/^#+/)?.[0].length ?? 3;
  const end = lines.findIndex((l, i) => i > start && /^#+ /.test(l) && (l.match(/^#+/)?.[0].length ?? 9) <= level);
  return lines.slice(start, end < 0 ? undefined : end).join('\n');
}

/** Rows of the first Markdown table in `text`, header and separator removed, cells trimmed. */
export function firstTable(text: string): string[][] {
  const lines = text.split('\n');
  const first = lines.findIndex((l) => l.trim().startsWith('|'));
  if (first < 0) throw new Error('no table');
  const rows: string[][] = [];
  for (let i = first; i < lines.length && (lines[i] ?? '').trim().startsWith('|'); i++) {
    rows.push((lines[i] ?? '').trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim()));
  }
  return rows.slice(2);
}

/** "10.5 % (expected)" → 10.5; "**unknown**" → null. */
export function parseRate(cell: string): number | null {
  if (/unknown/i.test(cell)) return null;
  const m = /(\d+(?:\.\d+)?)\s*%/.exec(cell);
  if (!m) throw new Error(`unparsable rate cell: ${cell}`);
  return Number(m[1]);
}

/** "Medium (Staatsblad …)" → "medium"; "High (primary)" → "high"; "n/a" → "n/a". */
export function parseConfidence(cell: string): string {
  const c = cell.toLowerCase();
  if (c.startsWith('n/a')) return 'n/a';
  if (c.startsWith('medium-high')) return 'medium-high';
  if (c.startsWith('low-medium')) return 'low-medium';
  for (const k of ['high', 'medium', 'low']) if (c.startsWith(k)) return k;
  throw new Error(`unparsable confidence: ${cell}`);
}

/** "1,000" → 100000 cents; "266.67" → 26667 cents. */
export function eurToCents(text: string): number {
  return Math.round(Number(text.replace(/,/g, '')) * 100);
}

/** "Examples: 100 → 20; 200 → 35" on one line of `text` → [[10000, 2000], [20000, 3500]]. */
export function examples(text: string): [number, number][] {
  const line = text.split('\n').find((l) => l.includes('Examples:'));
  if (!line) throw new Error('no Examples line');
  return [...line.matchAll(/([\d.,]+)\s*→\s*([\d.,]+)/g)].map((m) => [eurToCents(m[1] ?? ''), eurToCents((m[2] ?? '').replace(/[.;]$/, ''))]);
}

const MONTHS: Record<string, string> = { Jan: '01', Feb: '02', Mar: '03', Apr: '04', May: '05', Jun: '06', Jul: '07', Aug: '08', Sep: '09', Oct: '10', Nov: '11', Dec: '12' };

/** "Mon 1 Apr" in year 2024 → "2024-04-01". */
export function dayMonth(cell: string, year: number | string): string {
  const m = /(\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/.exec(cell);
  if (!m) throw new Error(`unparsable date: ${cell}`);
  return `${year}-${MONTHS[m[2] ?? '']}-${(m[1] ?? '').padStart(2, '0')}`;
}

/** All "2 Jan 2026"-style dates in `text`, as ISO dates. */
export function fullDates(text: string): string[] {
  return [...text.matchAll(/(\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4})/g)].map((m) => dayMonth(`${m[1]} ${m[2]}`, m[3] ?? ''));
}
