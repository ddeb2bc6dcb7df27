/**
 * OCA account_credit_control, read in OCA/credit-control. Branches 17.0 and 18.0 exist there but
 * hold no account_credit_control (not ported when read: 17.0 at c910a069, 18.0 at dee8715a), so
 * "15 and later" means 15 and 16.
 */
import type { CheckedVersion, FieldSpec, SourceFile } from './types.ts';

export const OCA_SOURCES: readonly SourceFile[] = [
  {
    repo: 'OCA/credit-control',
    ref: '16.0',
    commit: '18c22a8c8db0d07df9bc01a93fd21f9357c3484a',
    date: '2024-10-24',
    paths: [
      'account_credit_control/models/credit_control_policy.py',
      'account_credit_control/models/res_partner.py',
      'account_credit_control/models/credit_control_communication.py',
      'account_credit_control/data/data.xml',
      'account_credit_control/views/credit_control_policy.xml',
    ],
  },
  {
    repo: 'OCA/credit-control',
    ref: '15.0',
    commit: 'b2b813ef05a59fdb7b8f82a58e06e148e3ea4d29',
    date: '2024-09-24',
    paths: ['account_credit_control/models/credit_control_policy.py', 'account_credit_control/data/data.xml'],
  },
  {
    repo: 'OCA/credit-control',
    ref: '14.0',
    commit: '9070fa0475e345ae277acf0e46102305b3eb26cc',
    date: '2024-10-24',
    paths: ['account_credit_control/models/credit_control_policy.py', 'account_credit_control/data/data.xml'],
  },
];

export const OCA_VERSIONS: readonly CheckedVersion[] = [
  { version: '14', checked: 'source', note: 'tak 14.0, module 14.0.1.5.0; sjablonen met ${…}' },
  { version: '15', checked: 'source', note: 'tak 15.0, module 15.0.1.3.2; sjablonen met {{ … }}, zoals 16' },
  { version: '16', checked: 'source', note: 'tak 16.0, module 16.0.2.0.0' },
  { version: '17', checked: 'source', note: 'de tak 17.0 heeft (nog) geen account_credit_control' },
  { version: '18', checked: 'source', note: 'de tak 18.0 heeft (nog) geen account_credit_control' },
];

export const OCA_POLICY: Record<string, FieldSpec> = {
  name: { type: 'char', required: true },
  // Receivable accounts: without them the policy selects no invoice, and a partner whose
  // receivable account is not listed cannot get the policy (res_partner._check_credit_policy).
  account_ids: { type: 'many2many', required: true },
  level_ids: { type: 'one2many' },
  do_nothing: { type: 'boolean' },
  company_id: { type: 'many2one' },
  active: { type: 'boolean' },
};

export const OCA_LEVEL: Record<string, FieldSpec> = {
  name: { type: 'char', required: true },
  policy_id: { type: 'many2one', required: true },
  level: { type: 'integer', required: true },
  computation_mode: { type: 'selection', required: true, values: ['net_days', 'end_of_month', 'previous_date'] },
  delay_days: { type: 'integer', required: true },
  email_template_id: { type: 'many2one', required: true },
  channel: { type: 'selection', required: true, values: ['letter', 'email', 'phone'] },
  custom_text: { type: 'text', required: true },
  // When set, OCA injects its own invoice table into the mail (credit_control_communication._generate_emails).
  mail_show_invoice_detail: { type: 'boolean' },
  custom_mail_text: { type: 'html', required: true },
  custom_text_after_details: { type: 'text' },
};

/** The mail.template fields OCA's own credit control template sets (data/data.xml). */
export const OCA_TEMPLATE_FIELDS = ['name', 'email_from', 'subject', 'partner_to', 'model_id', 'lang', 'body_html'] as const;

/** Rules read in the code, restated. */
export const OCA_RULES = {
  /** Levels have a form and tree view but no action or menu of their own: they live inside the policy. */
  levelsOnlyThroughPolicy: true,
  /** _move_lines_domain: only move lines with date_maturity <= the run date are ever considered. */
  nothingBeforeDueDate: true,
  /** _check_level_mode: the lowest level cannot be 'previous_date'. */
  firstLevelNotPreviousDate: true,
  /** SQL constraint unique_level. */
  uniqueLevelPerPolicy: true,
} as const;
