/**
 * Invoice Ninja v5 reminder settings for one workflow. Keys, types and behaviour checked in
 * invoiceninja/invoiceninja (recorded with commit and files in sources/invoice-ninja.ts).
 *
 * Invoice Ninja sends at most three scheduled reminders plus one "endless" reminder, by e-mail only:
 * - the first three e-mail steps become reminder 1-3 (offset < 0 -> before_due_date, else
 *   after_due_date, num_days = |offset|);
 * - the endless reminder (UpdateReminder) repeats every N days/weeks/months after the last message
 *   sent, once reminders 1-3 are done, until the invoice is paid. A fixed later step cannot be
 *   expressed: the fourth e-mail step fills the endless template, with the frequency closest to its
 *   gap after step three, but stays switched off (repeating is a choice the user makes); a fifth or
 *   later e-mail step, letters and calls are not carried over.
 * - late fees (ReminderJob::calcLateFee) are added to the invoice each time that reminder is sent:
 *   the fixed compensation is set once, on the first reminder whose template charges costs.
 * Its reminders have no custom text body: only subject and HTML are set.
 */
import type { FillData, Step, Workflow } from '../content/schema.ts';
import { BE_B2B } from '../legal/rules.ts';
import { templateInlines } from '../model/walk.ts';
import type { TemplateDoc } from '../model/types.ts';
import { offsetLabel } from '../vocabulary/naming.ts';
import { templateTo } from './mapping.ts';
import { CHANNEL_LABELS } from './schedule.ts';

export type InvoiceNinjaSchedule = 'after_invoice_date' | 'before_due_date' | 'after_due_date';

/** The reminder keys we write; everything else in the company settings is left alone. */
export interface InvoiceNinjaReminderSettings {
  send_reminders: boolean;
  enable_reminder1: boolean;
  num_days_reminder1: number;
  schedule_reminder1: InvoiceNinjaSchedule;
  email_subject_reminder1: string;
  email_template_reminder1: string;
  late_fee_amount1: number;
  late_fee_percent1: number;
  enable_reminder2: boolean;
  num_days_reminder2: number;
  schedule_reminder2: InvoiceNinjaSchedule;
  email_subject_reminder2: string;
  email_template_reminder2: string;
  late_fee_amount2: number;
  late_fee_percent2: number;
  enable_reminder3: boolean;
  num_days_reminder3: number;
  schedule_reminder3: InvoiceNinjaSchedule;
  email_subject_reminder3: string;
  email_template_reminder3: string;
  late_fee_amount3: number;
  late_fee_percent3: number;
  enable_reminder_endless: boolean;
  /** RecurringInvoice::FREQUENCY_* as a string ("2" weekly). */
  endless_reminder_frequency_id: string;
  email_subject_reminder_endless: string;
  email_template_reminder_endless: string;
  late_fee_endless_amount: number;
  late_fee_endless_percent: number;
}

/** RecurringInvoice::FREQUENCY_* with their length in days (months counted as 30). */
export const ENDLESS_FREQUENCIES: readonly { id: string; days: number; label: string }[] = [
  { id: '1', days: 1, label: 'elke dag' },
  { id: '2', days: 7, label: 'elke week' },
  { id: '3', days: 14, label: 'om de twee weken' },
  { id: '4', days: 28, label: 'om de vier weken' },
  { id: '5', days: 30, label: 'elke maand' },
  { id: '6', days: 60, label: 'om de twee maanden' },
];

export interface InvoiceNinjaStep {
  step: Step;
  /** What Invoice Ninja does with this step, in Dutch. */
  how: string;
  carried: boolean;
}

export interface InvoiceNinjaExport {
  /** Body for POST /api/v1/group_settings; `settings` alone is what a company update merges in. */
  payload: { name: string; settings: InvoiceNinjaReminderSettings };
  /** Steps Invoice Ninja cannot carry, in Dutch, for the LEESMIJ. */
  notCarried: string[];
  /** Every step and what becomes of it. */
  steps: InvoiceNinjaStep[];
  /** Placeholder labels that became "[Label]" markers or written-in values. */
  unsupported: string[];
}

/** Whether a template asks for the fixed compensation or collection costs. */
export function chargesCosts(doc: TemplateDoc): boolean {
  if (doc.blocks.some((b) => b.type === 'paymentDetails' && b.withCosts)) return true;
  return templateInlines(doc).some((inlines) => inlines.some((i) => i.type === 'placeholder' && (i.path === 'kosten.forfait' || i.path === 'berekend.totaalTeBetalen' || i.path.startsWith('berekend.incassokosten'))));
}

/** The frequency whose length is closest to `gap` days (the earlier one on a tie). */
export function closestFrequency(gap: number): (typeof ENDLESS_FREQUENCIES)[number] {
  return ENDLESS_FREQUENCIES.reduce((best, f) => (Math.abs(f.days - gap) < Math.abs(best.days - gap) ? f : best));
}

const days = (n: number) => `${n} ${n === 1 ? 'dag' : 'dagen'}`;

/** The fixed compensation in euro (Invoice Ninja's late fee is a float amount). */
const FIXED_FEE = BE_B2B.fixedCompensationCents.value / 100;

export function invoiceNinjaSettings(workflow: Workflow, templates: readonly TemplateDoc[], options: { data?: FillData } = {}): InvoiceNinjaExport {
  const byId = new Map(templates.map((t) => [t.id, t]));
  const unsupported = new Set<string>();
  const steps: InvoiceNinjaStep[] = [];
  const label = (step: Step) => `${offsetLabel(step.offset)} ${step.titel}`;
  const emails = workflow.stappen.flatMap((step) => {
    const doc = byId.get(step.template);
    if (step.kanaal !== 'email' || !doc) {
      steps.push({ step, carried: false, how: `${label(step)} (${CHANNEL_LABELS[step.kanaal]}): Invoice Ninja verstuurt alleen e-mails.` });
      return [];
    }
    const converted = templateTo('invoice-ninja', doc, options.data ? { data: options.data } : {});
    converted.unsupported.forEach((u) => unsupported.add(u.label));
    return [{ step, doc, subject: converted.subject, html: converted.html }];
  });

  // The fixed compensation is due once: on the first carried e-mail that asks for it.
  const carried = emails.slice(0, 4);
  const feeAt = carried.findIndex((e) => chargesCosts(e.doc));
  const fee = (i: number) => (i === feeAt ? FIXED_FEE : 0);

  const slot = (n: 1 | 2 | 3) => {
    const email = emails[n - 1];
    if (email) steps.push({ step: email.step, carried: true, how: `${label(email.step)}: herinnering ${n}, ${email.step.offset === 0 ? 'op de vervaldag' : `${days(Math.abs(email.step.offset))} ${email.step.offset < 0 ? 'vóór' : 'na'} de vervaldag`}${fee(n - 1) ? `, met een vergoeding van € ${FIXED_FEE} op de factuur` : ''}.` });
    return {
      [`enable_reminder${n}`]: Boolean(email),
      [`num_days_reminder${n}`]: email ? Math.abs(email.step.offset) : 0,
      [`schedule_reminder${n}`]: email && email.step.offset < 0 ? 'before_due_date' : 'after_due_date',
      [`email_subject_reminder${n}`]: email?.subject ?? '',
      [`email_template_reminder${n}`]: email?.html ?? '',
      [`late_fee_amount${n}`]: fee(n - 1),
      [`late_fee_percent${n}`]: 0,
    };
  };
  const third = emails[2];
  const endless = emails[3];
  const frequency = closestFrequency(endless && third ? endless.step.offset - third.step.offset : 7);
  const settings = {
    send_reminders: true,
    ...slot(1),
    ...slot(2),
    ...slot(3),
    enable_reminder_endless: false,
    endless_reminder_frequency_id: frequency.id,
    email_subject_reminder_endless: endless?.subject ?? '',
    email_template_reminder_endless: endless?.html ?? '',
    late_fee_endless_amount: fee(3),
    late_fee_endless_percent: 0,
  } as InvoiceNinjaReminderSettings;
  if (endless) {
    steps.push({
      step: endless.step,
      carried: true,
      how: `${label(endless.step)}: klaar als herhaalde herinnering, maar uitgeschakeld. Zet u ze aan, dan vertrekt ze ${frequency.label} na het laatst verstuurde bericht en herhaalt ze zich tot de factuur betaald is, niet op een vaste dag.`,
    });
  }
  for (const e of emails.slice(4)) steps.push({ step: e.step, carried: false, how: `${label(e.step)} (e-mail): Invoice Ninja heeft maar drie herinneringen en één herhaalde.` });
  const order = new Map(workflow.stappen.map((s, i) => [s, i]));
  steps.sort((a, b) => order.get(a.step)! - order.get(b.step)!);
  const notCarried = steps.filter((s) => !s.carried).map((s) => `${label(s.step)} (${CHANNEL_LABELS[s.step.kanaal]})`);
  return { payload: { name: `Tijdig: ${workflow.titel}`, settings }, notCarried, steps, unsupported: [...unsupported] };
}
