/**
 * Reads docs/legal-facts.md, the project's own record of every legal fact and its source. The
 * legal tests compare src/legal with this document: two records kept by hand that must agree, so
 * a test fails when either drifts. A missing file or section fails loudly.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const LEGAL_FACTS_PATH = fileURLToPath(new URL('../../../docs/legal-facts.md', import.meta.url));
export const LEGAL_FACTS = readFileSync(LEGAL_FACTS_PATH, 'utf8');

/** The text of the section whose heading starts with `heading` (e.g. "### 1.2"), up to the next heading of the same or higher level. */
export function section(heading: string): string {
  const lines = LEGAL_FACTS.split('\n');
  const start = lines.findIndex((l) => l.startsWith(heading));
  if (start < 0) throw new Error(`legal-facts.md: section "${heading}" not found`);
  const level = heading.match(/^#+/)?.[0].length ?? 3;
  const end = lines.findIndex((l, i) => i > start && /^#+ /.test(l) && (l.match(/^#+/)?.[0].length ?? 9) <= level);
  return lines.slice(start, end < 0 ? undefined : end).join('\n');
}

/** A section with all whitespace runs made single spaces, so a claim may wrap across lines. */
export function flat(heading: string): string {
  return section(heading).replace(/\s+/g, ' ');
}

/** Rows of the `n`-th Markdown table in `text` (0 = first), header and separator removed, cells trimmed. */
export function table(text: string, n = 0): string[][] {
  const lines = text.split('\n');
  const tables: string[][][] = [];
  let current: string[][] | null = null;
  for (const line of lines) {
    if (line.trim().startsWith('|')) {
      if (!current) tables.push((current = []));
      current.push(line.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim()));
    } else current = null;
  }
  const t = tables[n];
  if (!t) throw new Error(`no table #${n}`);
  return t.slice(2);
}

/** The first table of `text`. */
export function firstTable(text: string): string[][] {
  return table(text, 0);
}

/** "10.50 %" → 10.5; "unknown" → null. */
export function parseRate(cell: string): number | null {
  if (/^unknown$/i.test(cell.trim())) return null;
  const m = /^(\d+(?:\.\d+)?) %$/.exec(cell.trim());
  if (!m) throw new Error(`unparsable rate cell: ${cell}`);
  return Number(m[1]);
}

/** "verified · high" → { status: 'verified', confidence: 'high' }. */
export function parseStatus(cell: string): { status: string; confidence: string } {
  const m = /^(verified|unverified|unknown) · (high|medium-high|medium|low-medium|low|n\/a)$/.exec(cell.trim());
  if (!m) throw new Error(`unparsable status cell: ${cell}`);
  return { status: m[1] ?? '', confidence: m[2] ?? '' };
}

/** "`a`, `b`" → ["a", "b"]. */
export function sourceKeys(cell: string): string[] {
  return [...cell.matchAll(/`(\w+)`/g)].map((m) => m[1] ?? '');
}

export interface DocRate {
  readonly label: string;
  readonly from: string;
  readonly to: string;
  readonly rate: number | null;
  readonly status: string;
  readonly confidence: string;
  readonly sources: string[];
}

/** The rate table of a section (Period | From | To | Rate | Status | Sources). */
export function rateRows(heading: string): DocRate[] {
  return firstTable(section(heading)).map(([label = '', from = '', to = '', rate = '', status = '', sources = '']) => ({
    label,
    from,
    to,
    rate: parseRate(rate),
    ...parseStatus(status),
    sources: sourceKeys(sources),
  }));
}

export interface DocSource {
  readonly title: string;
  readonly url: string | null;
  readonly official: boolean;
  readonly language: string;
}

/** §6: source key → title, address (null for "(no address)"), kind and language. */
export function docSources(): Map<string, DocSource> {
  const rows = firstTable(section('## 6.'));
  return new Map(
    rows.map(([key = '', title = '', url = '', kind = '', language = '']) => {
      if (kind !== 'official' && kind !== 'secondary') throw new Error(`legal-facts.md §6: kind "${kind}" for ${key}`);
      return [sourceKeys(key)[0] ?? key, { title, url: url === '(no address)' ? null : url, official: kind === 'official', language }];
    }),
  );
}

/** The claim as the document writes it after a fact: "verified · high (`a`, `b`)". */
export function claim(status: string, confidence: string, keys: readonly string[]): string {
  return `${status} · ${confidence} (${keys.map((k) => `\`${k}\``).join(', ')})`;
}

/** "1,000" → 100000 cents; "266.67" → 26667 cents. */
export function eurToCents(text: string): number {
  return Math.round(Number(text.replace(/,/g, '')) * 100);
}

/** A worked-examples table (amount | result | working) → [[amountCents, resultCents]]. */
export function examples(text: string, n: number): [number, number][] {
  return table(text, n).map(([amount = '', result = '']) => [eurToCents(amount), eurToCents(result)]);
}

const MONTHS: Record<string, string> = { Jan: '01', Feb: '02', Mar: '03', Apr: '04', May: '05', Jun: '06', Jul: '07', Aug: '08', Sep: '09', Oct: '10', Nov: '11', Dec: '12' };

/** "Mon 1 Apr" in year 2024 → "2024-04-01". */
export function dayMonth(cell: string, year: number | string): string {
  const m = /(\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/.exec(cell);
  if (!m) throw new Error(`unparsable date: ${cell}`);
  return `${year}-${MONTHS[m[2] ?? '']}-${(m[1] ?? '').padStart(2, '0')}`;
}

/** All ISO dates (YYYY-MM-DD) in `text`. */
export function isoDates(text: string): string[] {
  return [...text.matchAll(/\b(\d{4}-\d{2}-\d{2})\b/g)].map((m) => m[1] ?? '');
}
