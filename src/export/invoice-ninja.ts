/**
 * Invoice Ninja v5 reminder settings for one workflow (import-formats.md §2.3). Setting names and
 * types restated from app/DataMapper/CompanySettings.php ($casts) on branch v5-stable.
 *
 * Invoice Ninja sends at most three scheduled reminders plus one "endless" repeat, by e-mail only.
 * So: the first three e-mail steps become reminder 1-3 (offset < 0 -> before_due_date, else
 * after_due_date, num_days = |offset|); a fourth or later e-mail step fills the endless template but
 * stays switched off (repeating a message is a choice the user must make); letters and calls are
 * not carried over. Its reminders have no custom text body: only subject and HTML are set.
 */
import type { FillData, Workflow } from '../content/schema.ts';
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
  enable_reminder2: boolean;
  num_days_reminder2: number;
  schedule_reminder2: InvoiceNinjaSchedule;
  email_subject_reminder2: string;
  email_template_reminder2: string;
  enable_reminder3: boolean;
  num_days_reminder3: number;
  schedule_reminder3: InvoiceNinjaSchedule;
  email_subject_reminder3: string;
  email_template_reminder3: string;
  enable_reminder_endless: boolean;
  /** RecurringInvoice::FREQUENCY_*: "2" is weekly. */
  endless_reminder_frequency_id: string;
  email_subject_reminder_endless: string;
  email_template_reminder_endless: string;
}

export interface InvoiceNinjaExport {
  /** Body for POST /api/v1/group_settings; `settings` alone is what a company update merges in. */
  payload: { name: string; settings: InvoiceNinjaReminderSettings };
  /** Steps Invoice Ninja cannot carry, in Dutch, for the LEESMIJ. */
  notCarried: string[];
  /** Placeholder labels that became "[Label]" markers or written-in values. */
  unsupported: string[];
}

export function invoiceNinjaSettings(workflow: Workflow, templates: readonly TemplateDoc[], options: { data?: FillData } = {}): InvoiceNinjaExport {
  const byId = new Map(templates.map((t) => [t.id, t]));
  const notCarried: string[] = [];
  const unsupported = new Set<string>();
  const emails = workflow.stappen.flatMap((step) => {
    const doc = byId.get(step.template);
    if (step.kanaal !== 'email' || !doc) {
      notCarried.push(`${offsetLabel(step.offset)} ${step.titel} (${CHANNEL_LABELS[step.kanaal]})`);
      return [];
    }
    const converted = templateTo('invoice-ninja', doc, options.data ? { data: options.data } : {});
    converted.unsupported.forEach((u) => unsupported.add(u.label));
    return [{ step, subject: converted.subject, html: converted.html }];
  });

  const slot = (n: 1 | 2 | 3) => {
    const email = emails[n - 1];
    return {
      [`enable_reminder${n}`]: Boolean(email),
      [`num_days_reminder${n}`]: email ? Math.abs(email.step.offset) : 0,
      [`schedule_reminder${n}`]: email && email.step.offset < 0 ? 'before_due_date' : 'after_due_date',
      [`email_subject_reminder${n}`]: email?.subject ?? '',
      [`email_template_reminder${n}`]: email?.html ?? '',
    };
  };
  const extra = emails.slice(3);
  const endless = extra.at(-1);
  extra.slice(0, -1).forEach((e) => notCarried.push(`${offsetLabel(e.step.offset)} ${e.step.titel} (e-mail)`));
  const settings = {
    send_reminders: true,
    ...slot(1),
    ...slot(2),
    ...slot(3),
    enable_reminder_endless: false,
    endless_reminder_frequency_id: '2',
    email_subject_reminder_endless: endless?.subject ?? '',
    email_template_reminder_endless: endless?.html ?? '',
  } as InvoiceNinjaReminderSettings;
  return { payload: { name: `Tijdig: ${workflow.titel}`, settings }, notCarried, unsupported: [...unsupported] };
}
