/**
 * Which step of the chosen workflow each customer gets today, and when the next one is due.
 * Browser-safe and pure.
 *
 * - Automatic: a later step speaks of the earlier ones ("ondanks onze herinneringen", "onze
 *   aangetekende ingebrekestelling"), so it is only chosen when those were sent. What was sent
 *   comes from the file's "last reminder" column (per invoice; a customer counts as far as the
 *   least advanced of its invoices) or, without one, from what the user states (`sent`). When
 *   nobody knows: the first step (after the due date, once the invoice is due), then one step
 *   further per run. 'volgens-schema' trusts the schedule: the step whose offset was reached.
 *   The next step is sent only once its offset is reached; until then the customer waits.
 * - The user may instead pick one step for everybody, or per customer a step or "overslaan".
 * - A legal step (registered formal notice, hand-over) is flagged: the page asks before making it.
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
import { resolvePlaybook } from './playbooks.ts';
import type { CustomerGroup } from './group.ts';
import type { CellIssue } from './validate.ts';

/** 'automatisch', or the index (0-based, in the workflow's own order) of one step for everybody. */
export type StepChoice = 'automatisch' | number;
/**
 * What the customers already received, when the file does not say: 'onbekend' (start at the
 * first step), 'geen', 'volgens-schema' (every step up to today was sent on time) or the index of
 * the last step sent.
 */
export type SentState = 'onbekend' | 'geen' | 'volgens-schema' | number;
export type CustomerOverride = number | 'overslaan';

export interface PlanOptions {
  /** The playbook chosen on the page: for every customer whose rows name no other one. */
  workflow: Workflow;
  /** Every playbook a row may name in its "draaiboek" column (e.g. from the reconcile page's segments). */
  workflows?: readonly Workflow[];
  today: string;
  choice?: StepChoice;
  /** Per customer (CustomerGroup.key): a step index or 'overslaan'. */
  overrides?: Readonly<Record<string, CustomerOverride>>;
  /** What was sent before, for customers whose rows do not say. Default 'onbekend'. */
  sent?: SentState;
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
  /** The customer's own playbook, when its rows name another one than the page's (steps index into it). */
  workflow?: Workflow;
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
  /** The step the automatic rule gives (shown beside a per-customer choice); null: none today. */
  automatic: number | null;
  /** Today's step is a legal one (registered formal notice, hand-over): ask before making it. */
  legal: boolean;
  /** Where "what was sent before" came from, for the overview. */
  sentFrom: 'bestand' | 'u' | 'onbekend' | null;
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

/** Channels of a legal step: the registered formal notice and the hand-over to a lawyer or bailiff. */
const LEGAL_CHANNELS: ReadonlySet<Channel> = new Set(['aangetekende-brief', 'juridisch']);
export const isLegalStep = (step: Step): boolean => LEGAL_CHANNELS.has(step.kanaal);

const flat = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9+-]+/g, ' ').trim();

/**
 * One "last reminder sent" cell -> the index of that step, 'geen', or null when it names no step.
 * Understood: blank, "0", "geen", "nee", "none" (nothing sent); a count ("2": the first two steps,
 * in offset order; also "2e herinnering", "level 2"); "D+15" / "D-3"; a step's title or template id.
 */
export function parseSentCell(workflow: Workflow, raw: string): number | 'geen' | null {
  const text = flat(raw);
  if (!text || /^(0|geen|nee|neen|none|no|nvt|n v t|-)$/.test(text)) return 'geen';
  const order = byOffset(workflow);
  const offset = /^d\s*([+-])\s*(\d{1,3})$/.exec(text);
  if (offset) {
    const value = Number(offset[2]) * (offset[1] === '-' ? -1 : 1);
    const found = order.find((i) => workflow.stappen[i]!.offset === value);
    return found ?? null;
  }
  const count = /^(?:(?:level|niveau|stap|step|herinnering|aanmaning|reminder)\s*)?(\d{1,2})(?:\s*(?:e|de|ste|st|nd|rd|th))?(?:\s*(?:herinnering|aanmaning|reminder|stap|step|level|niveau))?$/.exec(text);
  if (count) {
    const n = Number(count[1]);
    if (n === 0) return 'geen';
    return order[Math.min(n, order.length) - 1] ?? null;
  }
  const byText = order.find((i) => flat(workflow.stappen[i]!.titel) === text || flat(workflow.stappen[i]!.template) === text);
  return byText ?? null;
}

/** The least advanced of a customer's invoices (position in offset order; -1: nothing sent), or undefined. */
function sentFromFile(workflow: Workflow, group: CustomerGroup): { position: number } | { unreadable: string } | undefined {
  if (!group.laatsteStap?.length) return undefined;
  const order = byOffset(workflow);
  let least = Infinity;
  for (const raw of group.laatsteStap) {
    const parsed = parseSentCell(workflow, raw);
    if (parsed === null) return { unreadable: raw };
    least = Math.min(least, parsed === 'geen' ? -1 : order.indexOf(parsed));
  }
  return { position: least };
}

/**
 * The automatic step: the next one after the last step sent, once its offset is reached. Without
 * knowledge: the first step (skipping steps before the due date once the invoice is due).
 */
function automaticStep(workflow: Workflow, daysLate: number, lastSent: number | 'onbekend'): { index: number | null; reason?: string } {
  const order = byOffset(workflow);
  let candidate: number | undefined;
  // A step before the due date ("vervalt binnenkort") is no use once the invoice is due.
  const fits = (i: number) => daysLate < 0 || workflow.stappen[i]!.offset >= 0;
  if (lastSent === 'onbekend') {
    candidate = order.find(fits) ?? order.at(-1);
  } else {
    const rest = order.slice(lastSent + 1);
    if (!rest.length) return { index: null, reason: 'alle stappen van dit draaiboek zijn al verstuurd' };
    candidate = rest.find(fits) ?? rest[0];
  }
  if (candidate === undefined) return { index: null };
  if (workflow.stappen[candidate]!.offset > daysLate) return { index: null };
  return { index: candidate };
}

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
  const { today } = options;
  const choice = options.choice ?? 'automatisch';
  const indexes = options.cells ? resolveMapping(options.cells.mapping, options.cells.headers).indexes : {};
  const issue = (group: CustomerGroup, field: BulkField, severity: CellIssue['severity'], message: string): CellIssue[] =>
    group.rows.map((row) => {
      const columnIndex = indexes[field]?.[0] ?? null;
      return { row, field, column: columnIndex === null ? null : (options.cells?.headers[columnIndex] ?? null), columnIndex, value: '', severity, message };
    });

  return groups.map((group): PlannedCustomer => {
    const override = options.overrides?.[group.key];
    const own = resolvePlaybook(group.draaiboek, options.workflows);
    const workflow = own.workflow ?? options.workflow;
    const ownPlaybook = workflow.id !== options.workflow.id;
    // The automatic step is always worked out: the page shows it beside a per-customer choice.
    let sentFrom: PlannedCustomer['sentFrom'];
    let lastSent: number | null = null;
    let automatic: number | null;
    const notes: string[] = [];
    const fileIssues: CellIssue[] = [];
    const order = byOffset(workflow);
    const fromFile = sentFromFile(workflow, group);
    const stated = options.sent ?? 'onbekend';
    if (fromFile && 'position' in fromFile) [sentFrom, lastSent] = ['bestand', fromFile.position];
    else {
      if (fromFile) fileIssues.push(...issue(group, 'laatsteStap', 'waarschuwing', `"${fromFile.unreadable}" noemt geen stap van dit draaiboek; ${stated === 'onbekend' ? 'de klant begint bij de eerste stap' : 'uw keuze bij "Wat kregen de klanten al?" geldt'}`));
      if (stated === 'geen') [sentFrom, lastSent] = ['u', -1];
      else if (typeof stated === 'number' && workflow.stappen[stated]) [sentFrom, lastSent] = ['u', order.indexOf(stated)];
      else if (stated === 'volgens-schema') sentFrom = 'u';
      else sentFrom = 'onbekend';
    }
    if (sentFrom === 'u' && lastSent === null) automatic = pickStep(workflow, group.daysLate);
    else {
      const auto = automaticStep(workflow, group.daysLate, lastSent === null ? 'onbekend' : lastSent);
      automatic = auto.index;
      if (auto.reason) notes.push(auto.reason);
      if (sentFrom === 'onbekend' && automatic !== null && pickStep(workflow, group.daysLate) !== automatic) {
        notes.push('niet bekend welke herinnering al verstuurd is: deze klant begint bij de eerste stap');
      }
    }

    const base: PlannedCustomer = { group, status: 'klaar', stepIndex: null, step: null, channel: null, template: null, chosen: null, automatic, legal: false, sentFrom, reasons: [], issues: [], next: null };
    if (ownPlaybook) base.workflow = workflow;
    if (override === 'overslaan') {
      return { ...base, status: 'overgeslagen', reasons: ['u hebt deze klant overgeslagen'], next: null };
    }
    let stepIndex: number | null;
    let chosen: PlannedCustomer['chosen'];
    if (typeof override === 'number' && workflow.stappen[override]) [stepIndex, chosen] = [override, 'per klant'];
    // A step picked for everybody is a step of the page's playbook: a customer with its own goes automatically.
    else if (typeof choice === 'number' && !ownPlaybook && workflow.stappen[choice]) [stepIndex, chosen] = [choice, 'voor iedereen'];
    else [stepIndex, chosen] = [automatic, 'automatisch'];
    if (chosen !== 'automatisch') {
      // The user's own pick: the notes about the automatic one do not apply.
      notes.length = 0;
      fileIssues.length = 0;
    }
    if (ownPlaybook) notes.unshift(`draaiboek ${workflow.titel} voor deze klant (uit het bestand)`);
    if (own.unknown) fileIssues.push(...issue(group, 'draaiboek', 'waarschuwing', `geen draaiboek heet "${own.unknown}"; het gekozen draaiboek ${options.workflow.titel} geldt`));

    if (stepIndex === null) {
      const when = group.daysLate < 0 ? `vervalt over ${days(-group.daysLate)}` : group.daysLate === 0 ? 'vervalt vandaag' : `${days(group.daysLate)} na de vervaldatum`;
      if (lastSent === null || lastSent < 0) {
        const next = nextAction(workflow, group, null, today, options.followUpDays, options.termDays);
        return { ...base, status: 'wachten', chosen, sentFrom, reasons: [`nog geen stap: ${when}`], issues: fileIssues, next };
      }
      const upcoming = order[lastSent + 1];
      if (upcoming === undefined) {
        const next = nextAction(workflow, group, order.at(-1)!, today, options.followUpDays, options.termDays);
        return { ...base, status: 'wachten', chosen, sentFrom, reasons: notes, issues: fileIssues, next };
      }
      const step = workflow.stappen[upcoming]!;
      const scheduled = addDays(group.oldestDue, step.offset);
      const next: NextAction = { stepIndex: upcoming, step, date: scheduled > today ? scheduled : today, label: stepLabel(step) };
      return { ...base, status: 'wachten', chosen, sentFrom, reasons: [`de volgende stap (${offsetLabel(step.offset)}) is pas op ${next.date} aan de beurt`], issues: fileIssues, next };
    }
    const step = workflow.stappen[stepIndex]!;
    const planned: PlannedCustomer = { ...base, stepIndex, step, channel: step.kanaal, template: step.template, chosen, sentFrom, legal: isLegalStep(step), reasons: notes, issues: fileIssues, next: nextAction(workflow, group, stepIndex, today, options.followUpDays, options.termDays) };
    const term = paymentTerm(step.kanaal, group.jurisdictie, today, options.termDays);
    if (term) planned.nieuweTermijn = term.termEnd;
    if (step.kanaal === 'email' && !group.klant.email) {
      planned.status = 'overgeslagen';
      // The reason it is skipped comes first: it is what the user must act on.
      planned.reasons.unshift('geen (geldig) e-mailadres voor een e-mailstap');
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

/**
 * The question to ask before making the files, or null: which legal steps would go out, to how
 * many customers. A formal notice or a hand-over claims that earlier reminders were sent.
 */
export function legalStepWarning(planned: readonly PlannedCustomer[]): string | null {
  const legal = planned.filter((p) => p.status === 'klaar' && p.legal);
  if (!legal.length) return null;
  const steps = [...new Set(legal.map((p) => stepLabel(p.step!)))];
  const who = legal.length === 1 ? '1 klant krijgt' : `${legal.length} klanten krijgen`;
  return `${who} vandaag een juridische stap: ${steps.join('; ')}. Zo'n brief verwijst naar de vorige herinneringen; maak hem alleen als die echt verstuurd zijn.`;
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
