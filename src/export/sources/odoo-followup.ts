/**
 * Odoo's own follow-up (account_followup) is Odoo Enterprise since version 9: odoo/odoo holds it
 * only up to 8.0. What we know per version, and from where; nothing here ran on a real Odoo.
 */
import type { CheckedVersion, FieldSpec, SourceFile } from './types.ts';

export const ODOO_FOLLOWUP_SOURCES: readonly SourceFile[] = [
  { repo: 'odoo/documentation', ref: 'master', commit: '02dbd254602ae650cc85abe0511a732653908b9d', paths: ['content/applications/finance/accounting/payments/follow_up.rst'] },
  // Unofficial public copies of the Enterprise module: read for field names only, never copied.
  { repo: 'AhsanIdrees121/odoo16_enter', ref: 'kopie van 16.0', commit: 'c7d10020c309083bfeffe830f3ec38dceb0ae9dd', paths: ['account_followup/models/account_followup.py'] },
  { repo: 'Eddy-C127/enterprise18', ref: 'kopie van 18.0', commit: 'd92443822449c21f9d04fb89fef268f147bcee5e', paths: ['account_followup/models/account_followup.py'] },
];

export const ODOO_FOLLOWUP_VERSIONS: readonly CheckedVersion[] = [
  // The 13/14 copy turned up in a text search of public code, without a repository name to cite.
  { version: '13', checked: 'copy', note: 'een kopie van de module van 13/14, zonder bekende herkomst: tekst met %(partner_name)s, manual_action, auto_execute (standaard uit), geen email_subject' },
  { version: '14', checked: 'copy', note: 'dezelfde kopie als voor 13' },
  { version: '15', checked: 'none', note: 'verondersteld zoals 14, met email_subject' },
  { version: '16', checked: 'copy', note: 'mail_template_id, create_activity, auto_execute (standaard aan)' },
  { version: '17', checked: 'none', note: 'verondersteld zoals 16 en 18' },
  { version: '18', checked: 'copy', note: 'zoals 16, auto_execute standaard uit; de officiële documentatie beschrijft de optie Automatisch' },
];

/** account_followup.followup.line in 16 and 18 (the copies agree on these). */
export const ODOO_FOLLOWUP_LINE_16: Record<string, FieldSpec> = {
  name: { type: 'char', required: true },
  delay: { type: 'integer', required: true },
  mail_template_id: { type: 'many2one' },
  send_email: { type: 'boolean' },
  join_invoices: { type: 'boolean' },
  create_activity: { type: 'boolean' },
  activity_summary: { type: 'char' },
  activity_note: { type: 'text' },
  activity_type_id: { type: 'many2one' },
  auto_execute: { type: 'boolean' },
};

/** The same model in 13/14 (copy), plus email_subject that 15 is said to have. */
export const ODOO_FOLLOWUP_LINE_15: Record<string, FieldSpec> = {
  name: { type: 'char', required: true },
  delay: { type: 'integer', required: true },
  description: { type: 'text' },
  email_subject: { type: 'char' },
  send_email: { type: 'boolean' },
  print_letter: { type: 'boolean' },
  join_invoices: { type: 'boolean' },
  manual_action: { type: 'boolean' },
  manual_action_note: { type: 'text' },
  auto_execute: { type: 'boolean' },
};

export const ODOO_FOLLOWUP_RULES = {
  /** _cron_execute_followup runs only levels with auto_execute. */
  cronNeedsAutoExecute: true,
  /** SQL constraints days_uniq and uniq_name (16, 18). */
  uniquePerCompany: ['delay', 'name'],
  /** description must survive `% {partner_name, date, user_signature, company_name}` (13/14 copy). */
  legacyKeys: ['partner_name', 'date', 'user_signature', 'company_name'],
} as const;
