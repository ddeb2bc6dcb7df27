/**
 * The whole analysis in one call, for the page's preview: parse -> guess or apply the mapping ->
 * validate -> group -> plan. Every stage is also exported on its own (the page re-runs the later
 * stages when the user edits the mapping, a setting or a per-customer choice). Browser-safe, pure,
 * light: no renderers (those are in run.ts).
 */
import type { Jurisdiction, Workflow } from '../content/schema.ts';
import { guessMapping, mappingProblems, type ColumnMapping, type MappingGuess } from './columns.ts';
import { groupInvoices, type CustomerGroup, type GroupOptions } from './group.ts';
import { parseCsv, type Delimiter, type ParsedCsv } from './parse.ts';
import { planCustomers, planSummary, type CustomerOverride, type PlannedCustomer, type SentState, type StepChoice } from './plan.ts';
import { validateRows, type CustomerType, type Severity, type ValidationResult } from './validate.ts';

export interface PrepareOptions {
  /** YYYY-MM-DD: the sending date. */
  today: string;
  workflow: Workflow;
  /** Every playbook a row may name in a "draaiboek" column; without it the column is ignored. */
  workflows?: readonly Workflow[];
  /** A remembered or edited mapping; without it the guess is used. */
  mapping?: ColumnMapping;
  delimiter?: Delimiter;
  headerRow?: number;
  /** Defaults for customers whose rows do not say. */
  jurisdiction?: Jurisdiction;
  klanttype?: CustomerType;
  defaultTermDays?: number;
  invalidIban?: Severity;
  includeNotYetDue?: boolean;
  mededeling?: GroupOptions['mededeling'];
  choice?: StepChoice;
  overrides?: Readonly<Record<string, CustomerOverride>>;
  /** What customers already received when the file has no "last reminder" column. Default 'onbekend'. */
  sent?: SentState;
  /** Payment term in days a message gives (data.nieuweTermijn). Default 14. */
  termDays?: number;
}

export interface Prepared {
  parsed: ParsedCsv;
  guess: MappingGuess;
  /** The mapping in use (options.mapping or the guess). */
  mapping: ColumnMapping;
  /** Required fields without a column; when not empty, no row is validated. */
  mappingProblems: string[];
  validation: ValidationResult;
  groups: CustomerGroup[];
  customers: PlannedCustomer[];
  summary: ReturnType<typeof planSummary>;
}

export function prepareBulk(input: Uint8Array | string, options: PrepareOptions): Prepared {
  const parsed = parseCsv(input, { ...(options.delimiter ? { delimiter: options.delimiter } : {}), ...(options.headerRow ? { headerRow: options.headerRow } : {}) });
  const guess = guessMapping(parsed.headers, parsed.rows.map((r) => r.cells));
  const mapping = options.mapping ?? guess.mapping;
  const problems = mappingProblems(mapping, options.defaultTermDays === undefined ? {} : { defaultTermDays: options.defaultTermDays });
  const validation: ValidationResult = problems.length
    ? { invoices: [], skipped: [], issues: [], fileIssues: [...parsed.issues], counts: { rows: parsed.rows.length, valid: 0, skipped: 0, warnings: 0, emptyRows: parsed.emptyRows } }
    : validateRows(parsed, mapping, {
        ...(options.defaultTermDays !== undefined ? { defaultTermDays: options.defaultTermDays } : {}),
        ...(options.invalidIban ? { invalidIban: options.invalidIban } : {}),
        ...(options.jurisdiction ? { jurisdiction: options.jurisdiction } : {}),
      });
  const groups = groupInvoices(validation.invoices, {
    today: options.today,
    ...(options.jurisdiction ? { jurisdiction: options.jurisdiction } : {}),
    ...(options.klanttype ? { klanttype: options.klanttype } : {}),
    ...(options.includeNotYetDue !== undefined ? { includeNotYetDue: options.includeNotYetDue } : {}),
    ...(options.mededeling ? { mededeling: options.mededeling } : {}),
  });
  const customers = planCustomers(groups, {
    workflow: options.workflow,
    ...(options.workflows ? { workflows: options.workflows } : {}),
    today: options.today,
    cells: { headers: parsed.headers, mapping },
    ...(options.choice !== undefined ? { choice: options.choice } : {}),
    ...(options.overrides ? { overrides: options.overrides } : {}),
    ...(options.sent !== undefined ? { sent: options.sent } : {}),
    ...(options.termDays !== undefined ? { termDays: options.termDays } : {}),
  });
  return { parsed, guess, mapping, mappingProblems: problems, validation, groups, customers, summary: planSummary(customers) };
}
