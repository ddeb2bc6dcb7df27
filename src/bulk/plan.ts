/**
 * Which step of the chosen workflow each customer gets today, and when the next one is due.
 * Browser-safe and pure.
 *
 * - Automatic: the step with the largest offset that is not later than the days late of the
 *   customer's oldest invoice ("the step due today"). Before the first step: nothing yet, only the
 *   date of the first one.
 * - The user may instead pick one step for everybody, or per customer a step or "overslaan".
 * - A written step (e-mail, letter) gives the customer a term: `nieuweTermijn` is its last day,
 *   counted by the legal module from the day the message counts as delivered (e-mail: next day;
 *   letter: third working day in BE), 14 days by default and moved off weekends and holidays.
 *   Templates print it as "betaal uiterlijk op …".
 * - The next step is the following one in offset order, on its scheduled date, but never sooner
 *   after today than the workflow's own gap between the two steps, and never before the term of
 *   today's message has run out: a customer who is already behind schedule still gets the full
 *   term the message promises. After the last step a follow-up check is planned 14 days later.
 * - A step that cannot be sent is skipped with its reason: an e-mail step without an address. A
 *   letter without a full address or a call without a phone number only gets a warning.
 */
import type { Channel, Jurisdiction, Step, Workflow } from '../content/schema.ts';
import { addDays, CHANNEL_LABELS } from '../export/schedule.ts';
import { earliestNextStep, type Channel as LegalChannel } from '../legal/terms.ts';
import { offsetLabel } from '../vocabulary/naming.ts';
import { resolveMapping, type BulkField, type ColumnMapping } from './columns.ts';
import type { CustomerGroup } from './group.ts';
import type { CellIssue } from './validate.ts';

/** 'automatisch', or the index (0-based, in the workflow's own order) of one step for everybody. */
export type StepChoice = 'automatisch' | number;
export type CustomerOverride = number | 'overslaan';

export interface PlanOptions {
  workflow: Workflow;
  today: string;
  choice?: StepChoice;
  /** Per customer (CustomerGroup.key): a step index or 'overslaan'. */
  overrides?: Readonly<Record<string, CustomerOverride>>;
  /** With the file's headers and the mapping, step problems point at the right cell. */
  cells?: { headers: readonly string[]; mapping: ColumnMapping };
  /** Days after the last step for a follow-up check. Default 14. */
  followUpDays?: number;
  /**
   * Length of the payment term a message gives, in days. Default 14 (the statutory term in BE
   * Boek XIX and the Dutch 14-day letter). 0: no term (templates then show [data.nieuweTermijn]).
   */
  termDays?: number;
}

export type PlanStatus = 'klaar' | 'wachten' | 'overgeslagen';

export interface NextAction {
  /** Index of the next step in the workflow, or null for the follow-up check after the last step. */
  stepIndex: number | null;
  step: Step | null;
  date: string;
  /** Dutch, e.g. "D+15 · Tweede herinnering (e-mail)" or "Opvolgen na de laatste stap". */
  label: string;
}

export interface PlannedCustomer {
  group: CustomerGroup;
  /** 'klaar': files are made; 'wachten': no step yet; 'overgeslagen': see `reasons`. */
  status: PlanStatus;
  stepIndex: number | null;
  step: Step | null;
  channel: Channel | null;
  template: string | null;
  /** Last day of the payment term today's message gives (data.nieuweTermijn); absent when nothing is sent. */
  nieuweTermijn?: string;
  /** How the step was chosen. */
  chosen: 'automatisch' | 'voor iedereen' | 'per klant' | null;
  /** Why the customer is skipped or waiting, in Dutch. */
  reasons: string[];
  /** Step-related problems on the customer's cells (errors when skipped, else warnings). */
  issues: CellIssue[];
  next: NextAction | null;
}

/** Step indexes sorted by offset (the workflow's order on ties). */
function byOffset(workflow: Workflow): number[] {
  return workflow.stappen.map((_, i) => i).sort((a, b) => workflow.stappen[a]!.offset - workflow.stappen[b]!.offset || a - b);
}

/** The step due at `daysLate`: largest offset ≤ daysLate; null before the first step. */
export function pickStep(workflow: Workflow, daysLate: number): number | null {
  let picked: number | null = null;
  for (const i of byOffset(workflow)) if (workflow.stappen[i]!.offset <= daysLate) picked = i;
  return picked;
}

const days = (n: number) => (n === 1 ? '1 dag' : `${n} dagen`);

export function stepLabel(step: Step): string {
  return `${offsetLabel(step.offset)} · ${step.titel} (${CHANNEL_LABELS[step.kanaal]})`;
}

const LETTER_CHANNELS: ReadonlySet<Channel> = new Set(['brief', 'aangetekende-brief', 'juridisch']);

/** How the legal module counts delivery for a channel. A call counts like an e-mail: the date agreed on the phone starts tomorrow. */
const DELIVERY: Record<Channel, LegalChannel> = { email: 'email', telefoon: 'email', brief: 'letter', 'aangetekende-brief': 'registered-letter', juridisch: 'registered-letter' };

/**
 * The last day of the term a message sent today gives, and the first day after it. `termDays`
 * below 1 (or not a number) means the message gives no term: null. Rounded, at most 365.
 */
export function paymentTerm(channel: Channel, jurisdiction: Jurisdiction, today: string, termDays = 14): { termEnd: string; nextFrom: string } | null {
  const days = Math.min(365, Math.round(Number.isFinite(termDays) ? termDays : 14));
  if (days < 1) return null;
  const plan = earliestNextStep({ sentOn: today, channel: DELIVERY[channel], jurisdiction, termDays: days });
  return { termEnd: plan.termEnd, nextFrom: plan.earliestNextStep };
}

export function nextAction(workflow: Workflow, group: CustomerGroup, stepIndex: number | null, today: string, followUpDays = 14, termDays = 14): NextAction | null {
  const order = byOffset(workflow);
  const followUp = Number.isFinite(followUpDays) ? Math.min(365, Math.max(1, Math.round(followUpDays))) : 14;
  if (stepIndex === null) {
    const first = order.find((i) => workflow.stappen[i]!.offset > group.daysLate) ?? order[0];
    if (first === undefined) return null;
    const step = workflow.stappen[first]!;
    const scheduled = addDays(group.oldestDue, step.offset);
    return { stepIndex: first, step, date: scheduled > today ? scheduled : today, label: stepLabel(step) };
  }
  const position = order.indexOf(stepIndex);
  const nextIndex = order[position + 1];
  if (nextIndex === undefined) return { stepIndex: null, step: null, date: addDays(today, followUp), label: 'Opvolgen na de laatste stap' };
  const current = workflow.stappen[stepIndex]!;
  const step = workflow.stappen[nextIndex]!;
  const scheduled = addDays(group.oldestDue, step.offset);
  const byGap = addDays(today, Math.max(1, step.offset - current.offset));
  const afterTerm = paymentTerm(current.kanaal, group.jurisdictie, today, termDays)?.nextFrom ?? byGap;
  const date = [scheduled, byGap, afterTerm].reduce((a, b) => (a > b ? a : b));
  return { stepIndex: nextIndex, step, date, label: stepLabel(step) };
}

export function planCustomers(groups: readonly CustomerGroup[], options: PlanOptions): PlannedCustomer[] {
  const { workflow, today } = options;
  const choice = options.choice ?? 'automatisch';
  const indexes = options.cells ? resolveMapping(options.cells.mapping, options.cells.headers).indexes : {};
  const issue = (group: CustomerGroup, field: BulkField, severity: CellIssue['severity'], message: string): CellIssue[] =>
    group.rows.map((row) => {
      const columnIndex = indexes[field]?.[0] ?? null;
      return { row, field, column: columnIndex === null ? null : (options.cells?.headers[columnIndex] ?? null), columnIndex, value: '', severity, message };
    });

  return groups.map((group): PlannedCustomer => {
    const override = options.overrides?.[group.key];
    const base: PlannedCustomer = { group, status: 'klaar', stepIndex: null, step: null, channel: null, template: null, chosen: null, reasons: [], issues: [], next: null };
    if (override === 'overslaan') {
      return { ...base, status: 'overgeslagen', reasons: ['u hebt deze klant overgeslagen'], next: null };
    }
    let stepIndex: number | null;
    let chosen: PlannedCustomer['chosen'];
    if (typeof override === 'number' && workflow.stappen[override]) [stepIndex, chosen] = [override, 'per klant'];
    else if (typeof choice === 'number' && workflow.stappen[choice]) [stepIndex, chosen] = [choice, 'voor iedereen'];
    else [stepIndex, chosen] = [pickStep(workflow, group.daysLate), 'automatisch'];

    if (stepIndex === null) {
      const next = nextAction(workflow, group, null, today, options.followUpDays, options.termDays);
      const when = group.daysLate < 0 ? `vervalt over ${days(-group.daysLate)}` : group.daysLate === 0 ? 'vervalt vandaag' : `${days(group.daysLate)} na de vervaldatum`;
      return { ...base, status: 'wachten', chosen, reasons: [`nog geen stap: ${when}`], next };
    }
    const step = workflow.stappen[stepIndex]!;
    const planned: PlannedCustomer = { ...base, stepIndex, step, channel: step.kanaal, template: step.template, chosen, next: nextAction(workflow, group, stepIndex, today, options.followUpDays, options.termDays) };
    const term = paymentTerm(step.kanaal, group.jurisdictie, today, options.termDays);
    if (term) planned.nieuweTermijn = term.termEnd;
    if (step.kanaal === 'email' && !group.klant.email) {
      planned.status = 'overgeslagen';
      planned.reasons.push('geen (geldig) e-mailadres voor een e-mailstap');
      planned.issues.push(...issue(group, 'email', 'fout', 'een e-mailadres is nodig: deze klant krijgt vandaag een e-mail'));
    }
    if (LETTER_CHANNELS.has(step.kanaal) && (!group.klant.straat || !group.klant.postcode || !group.klant.gemeente)) {
      const missing = [!group.klant.straat && 'straat', !group.klant.postcode && 'postcode', !group.klant.gemeente && 'gemeente'].filter(Boolean).join(', ');
      planned.issues.push(...issue(group, !group.klant.straat ? 'straat' : !group.klant.postcode ? 'postcode' : 'gemeente', 'waarschuwing', `adres onvolledig voor een brief (${missing} ontbreekt); vul het aan op de brief`));
    }
    if (step.kanaal === 'telefoon' && !group.telefoon) {
      planned.issues.push(...issue(group, 'telefoon', 'waarschuwing', 'geen telefoonnummer voor een belstap'));
    }
    return planned;
  });
}

/** Counts for the page: how many customers get which channel, wait, or are skipped. */
export function planSummary(planned: readonly PlannedCustomer[]): { klaar: number; wachten: number; overgeslagen: number; perKanaal: Partial<Record<Channel, number>> } {
  const perKanaal: Partial<Record<Channel, number>> = {};
  let klaar = 0;
  let wachten = 0;
  let overgeslagen = 0;
  for (const p of planned) {
    if (p.status === 'klaar') {
      klaar++;
      perKanaal[p.channel!] = (perKanaal[p.channel!] ?? 0) + 1;
    } else if (p.status === 'wachten') wachten++;
    else overgeslagen++;
  }
  return { klaar, wachten, overgeslagen, perKanaal };
}
