/**
 * What the bulk page shows of an analysis, cut to what is on screen. The worker keeps the whole
 * Prepared (20,000 parsed rows, every group and plan); the page gets an overview and one page of
 * rows and customers at a time, so copying the answer and drawing it never block the page.
 * Pure and browser-safe: runs in the worker (islands/bulk-worker.ts) and in unit tests.
 */
import { issuesByCell, legalStepWarning, type CellIssue, type ColumnMapping, type GuessedColumn, type PlannedCustomer, type Prepared } from '../../bulk/index.ts';
import type { FileIssue } from '../../bulk/parse.ts';

/** Rows of the file the mapping form takes its examples from. */
const SAMPLE_ROWS = 30;

export type RowFilter = 'alle' | 'meldingen' | 'overgeslagen';

export interface BulkOverview {
  file: Pick<Prepared['parsed'], 'headers' | 'headerRow' | 'emptyRows' | 'delimiter' | 'encoding' | 'bom'> & {
    rowCount: number;
    /** The first rows' cells, for "Bijvoorbeeld: …" under each column choice. */
    sampleRows: string[][];
  };
  guess: { mapping: ColumnMapping; guessed: GuessedColumn[] };
  mapping: ColumnMapping;
  mappingProblems: string[];
  fileIssues: FileIssue[];
  counts: Prepared['validation']['counts'];
  customerCount: number;
  summary: Prepared['summary'];
  /** legalStepWarning of the plan: the page asks to confirm a legal step before the run. */
  legalWarning: string | null;
}

export interface RowView {
  row: number;
  cells: readonly string[];
  status: 'ok' | 'opmerking' | 'fout' | 'klant-overgeslagen' | 'wachten' | 'later';
  label: string;
  /** Messages about the whole row. */
  notes: CellIssue[];
  /** Messages per column index. */
  cellIssues: Record<number, CellIssue[]>;
}

export interface RowPage {
  rows: RowView[];
  /** Rows matching the filter, and rows in the file. */
  matching: number;
  total: number;
}

export interface CustomerPage {
  customers: PlannedCustomer[];
  total: number;
}

export interface ViewRequest {
  filter: RowFilter;
  rowLimit: number;
  customerLimit: number;
}

export interface ViewPage {
  rows: RowPage;
  customers: CustomerPage;
}

export function overviewOf(prepared: Prepared): BulkOverview {
  const { parsed, validation } = prepared;
  return {
    file: {
      headers: parsed.headers,
      headerRow: parsed.headerRow,
      emptyRows: parsed.emptyRows,
      delimiter: parsed.delimiter,
      encoding: parsed.encoding,
      bom: parsed.bom,
      rowCount: parsed.rows.length,
      sampleRows: parsed.rows.slice(0, SAMPLE_ROWS).map((r) => r.cells),
    },
    guess: { mapping: prepared.guess.mapping, guessed: prepared.guess.guessed },
    mapping: prepared.mapping,
    mappingProblems: prepared.mappingProblems,
    fileIssues: validation.fileIssues,
    counts: validation.counts,
    customerCount: prepared.groups.length,
    summary: prepared.summary,
    legalWarning: legalStepWarning(prepared.customers),
  };
}

/** Every issue on the page: the rows', the customers' (conflicting details) and the plan's (an e-mail step without an address). */
export function allIssues(prepared: Prepared): CellIssue[] {
  return [...prepared.validation.issues, ...prepared.customers.flatMap((c) => [...c.group.notes, ...c.issues])];
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

interface RowStatus {
  row: number;
  status: RowView['status'];
  label: string;
}

function rowStatuses(prepared: Prepared, byCell: Map<string, CellIssue[]>): RowStatus[] {
  const skipped = new Set(prepared.validation.skipped.map((s) => s.row));
  const customerOf = new Map<number, PlannedCustomer>();
  const later = new Set<number>();
  for (const c of prepared.customers) {
    for (const row of c.group.rows) customerOf.set(row, c);
    for (const inv of c.group.notYetDue) later.add(inv.row);
  }
  return prepared.parsed.rows.map(({ row, cells }) => {
    const issues = [...(byCell.get(`${row}:`) ?? []), ...cells.flatMap((_, i) => byCell.get(`${row}:${i}`) ?? [])];
    const customer = customerOf.get(row);
    if (skipped.has(row)) return { row, status: 'fout', label: 'Gaat niet mee' };
    if (customer?.status === 'overgeslagen') return { row, status: 'klant-overgeslagen', label: `Klant overgeslagen: ${customer.reasons.join('; ')}` };
    if (later.has(row)) return { row, status: 'later', label: 'Nog niet vervallen: niet in de herinnering' };
    if (customer?.status === 'wachten') return { row, status: 'wachten', label: capitalize(customer.reasons.join('; ')) };
    if (issues.some((i) => i.severity === 'waarschuwing')) return { row, status: 'opmerking', label: 'Gaat mee, met een opmerking' };
    return { row, status: 'ok', label: 'In orde' };
  });
}

export function matchesFilter(status: RowView['status'], filter: RowFilter): boolean {
  if (filter === 'overgeslagen') return status === 'fout' || status === 'klant-overgeslagen';
  if (filter === 'meldingen') return status !== 'ok' && status !== 'wachten' && status !== 'later';
  return true;
}

/** The row statuses of one analysis, worked out once: a filter or "more rows" only slices them. */
const statusCache = new WeakMap<Prepared, { byCell: Map<string, CellIssue[]>; statuses: RowStatus[] }>();

export function rowPage(prepared: Prepared, filter: RowFilter, limit: number): RowPage {
  let cached = statusCache.get(prepared);
  if (!cached) {
    const byCell = issuesByCell(allIssues(prepared));
    cached = { byCell, statuses: rowStatuses(prepared, byCell) };
    statusCache.set(prepared, cached);
  }
  const { byCell, statuses } = cached;
  const matching = statuses.map((s, index) => ({ s, index })).filter(({ s }) => matchesFilter(s.status, filter));
  const rows = matching.slice(0, Math.max(0, limit)).map(({ s, index }): RowView => {
    const cells = prepared.parsed.rows[index]!.cells;
    const cellIssues: Record<number, CellIssue[]> = {};
    cells.forEach((_, i) => {
      const list = byCell.get(`${s.row}:${i}`);
      if (list) cellIssues[i] = list;
    });
    return { ...s, cells, notes: byCell.get(`${s.row}:`) ?? [], cellIssues };
  });
  return { rows, matching: matching.length, total: statuses.length };
}

export function customerPage(prepared: Prepared, limit: number): CustomerPage {
  return { customers: prepared.customers.slice(0, Math.max(0, limit)), total: prepared.customers.length };
}

export function viewPage(prepared: Prepared, view: ViewRequest): ViewPage {
  return { rows: rowPage(prepared, view.filter, view.rowLimit), customers: customerPage(prepared, view.customerLimit) };
}
