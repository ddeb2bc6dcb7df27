/**
 * Odoo imports as CSV files for Settings → Import records (import-formats.md §2.1, §2.2). BETA:
 * field names come from the modules' sources, but no Odoo instance runs in CI.
 *
 * Follow-up levels (Enterprise account_followup, one ladder per company):
 * - '16+': mail.template on res.partner ({{ }} subject, QWeb body) + levels with mail_template_id;
 *   calls and letters become activities.
 * - '15-': levels whose `description` text holds %(partner_name)s-style keys (Odoo ≤15 documented
 *   five of them); calls and letters become manual actions. [Field names unverified on a live 15.]
 * OCA credit control (Community, one policy per workflow, so segments survive):
 * - '15+' or '14-' decides the mail.template syntax ({{ }}/QWeb or ${…}).
 *
 * Import order matters: templates first, then what refers to them by external id (`…/id` columns).
 * Ids without a module prefix resolve to `__import__.<id>`, so a re-import updates instead of
 * duplicating.
 */
import type { Channel, FillData, Step, Workflow } from '../content/schema.ts';
import type { TemplateDoc } from '../model/types.ts';
import { offsetLabel } from '../vocabulary/naming.ts';
import { toCsv } from './csv.ts';
import { templateTo, type TemplateTarget } from './mapping.ts';
import { CHANNEL_ACTIONS } from './schedule.ts';

export type FollowupFlavour = '16+' | '15-';
export type CreditControlFlavour = '15+' | '14-';

export interface OdooFile {
  path: string;
  data: string;
}

const bool = (b: boolean) => (b ? 'True' : 'False');
const xmlId = (...parts: string[]) => `tijdig_${parts.join('_')}`.replace(/[^a-z0-9_]/gi, '_').toLowerCase();
const csv = (rows: string[][]) => toCsv(rows, 'import');
const levelName = (step: Step) => `${offsetLabel(step.offset)} ${step.titel}`;

interface Options {
  data?: FillData;
}

function lookup(templates: readonly TemplateDoc[]) {
  const byId = new Map(templates.map((t) => [t.id, t]));
  return (step: Step) => byId.get(step.template);
}

/** Activity and manual-action notes are shown as they are: no placeholders, values written in. */
function staticText(doc: TemplateDoc | undefined, step: Step, options: Options): string {
  const body = doc ? templateTo('plain', doc, options.data ? { data: options.data } : {}).text : '';
  return [CHANNEL_ACTIONS[step.kanaal], '', body].join('\n').trim();
}

const ACTIVITY_TYPE: Record<Channel, string> = {
  email: 'mail.mail_activity_data_todo',
  telefoon: 'mail.mail_activity_data_call',
  brief: 'mail.mail_activity_data_todo',
  'aangetekende-brief': 'mail.mail_activity_data_todo',
  juridisch: 'mail.mail_activity_data_todo',
};

/** Odoo refuses two levels with the same delay or name in one company (SQL unique constraints). */
function assertUniqueDelays(workflow: Workflow): void {
  const seen = new Set<number>();
  for (const step of workflow.stappen) {
    if (seen.has(step.offset)) throw new Error(`draaiboek ${workflow.id}: twee stappen op ${offsetLabel(step.offset)}; Odoo aanvaardt per bedrijf maar één opvolgingsniveau per dag`);
    seen.add(step.offset);
  }
}

export function odooFollowup(workflow: Workflow, templates: readonly TemplateDoc[], flavour: FollowupFlavour, options: Options = {}): OdooFile[] {
  assertUniqueDelays(workflow);
  const docOf = lookup(templates);
  const dir = `odoo/opvolging-odoo${flavour === '16+' ? '16-en-later' : '15-en-ouder'}/${workflow.id}`;
  const fill = options.data ? { data: options.data } : {};

  if (flavour === '15-') {
    const rows = workflow.stappen.map((step, i) => {
      const doc = docOf(step);
      const isEmail = step.kanaal === 'email' && doc;
      const isLetter = step.kanaal !== 'email' && step.kanaal !== 'telefoon';
      return [
        xmlId(workflow.id, 'niveau', String(i + 1)),
        levelName(step),
        String(step.offset),
        isEmail || isLetter ? (doc ? templateTo('odoo-legacy', doc, fill).text : '') : '',
        isEmail && doc ? templateTo('odoo-legacy', doc, fill).subject : '',
        bool(Boolean(isEmail)),
        bool(isLetter),
        bool(true),
        bool(!isEmail),
        isEmail ? '' : staticText(doc, step, options),
        // Only levels marked automatic are run by the follow-up cron; calls and letters stay manual.
        bool(Boolean(isEmail)),
      ];
    });
    const header = ['id', 'name', 'delay', 'description', 'email_subject', 'send_email', 'print_letter', 'join_invoices', 'manual_action', 'manual_action_note', 'auto_execute'];
    return [{ path: `${dir}/account_followup.followup.line.csv`, data: csv([header, ...rows]) }];
  }

  const templateRows: string[][] = [];
  const levelRows = workflow.stappen.map((step, i) => {
    const doc = docOf(step);
    const email = step.kanaal === 'email' && doc ? templateTo('odoo-partner-15', doc, fill) : null;
    const templateId = xmlId(workflow.id, 'sjabloon', String(i + 1));
    if (email && doc) templateRows.push([templateId, `Tijdig – ${doc.title}`, 'base.model_res_partner', email.subject, email.html, '{{ object.lang }}']);
    return [
      xmlId(workflow.id, 'niveau', String(i + 1)),
      levelName(step),
      String(step.offset),
      bool(Boolean(email)),
      bool(true),
      email ? templateId : '',
      bool(!email),
      email ? '' : ACTIVITY_TYPE[step.kanaal],
      email ? '' : levelName(step),
      email ? '' : staticText(doc, step, options),
      // "Automatic": without it the cron sends nothing (default True in 16, False in 18).
      bool(Boolean(email)),
    ];
  });
  return [
    { path: `${dir}/1-mail.template.csv`, data: csv([['id', 'name', 'model_id/id', 'subject', 'body_html', 'lang'], ...templateRows]) },
    {
      path: `${dir}/2-account_followup.followup.line.csv`,
      data: csv([['id', 'name', 'delay', 'send_email', 'join_invoices', 'mail_template_id/id', 'create_activity', 'activity_type_id/id', 'activity_summary', 'activity_note', 'auto_execute'], ...levelRows]),
    },
  ];
}

const OCA_CHANNEL: Record<Channel, 'email' | 'phone' | 'letter'> = {
  email: 'email',
  telefoon: 'phone',
  brief: 'letter',
  'aangetekende-brief': 'letter',
  juridisch: 'letter',
};

/** OCA's own base template (account_credit_control/data/data.xml), for levels that send no e-mail. */
const OCA_BASE_TEMPLATE = 'account_credit_control.email_template_credit_control_base';

/** The cell the user replaces with the code of the receivable account (see the export page). */
export const RECEIVABLE_ACCOUNT_MARKER = '[code van uw rekening Handelsdebiteuren]';

/** OCA never looks at an invoice before its due date: steps before it cannot be levels. */
export function ocaSkippedSteps(workflow: Workflow): Step[] {
  return workflow.stappen.filter((s) => s.offset < 0);
}

export interface CreditControlOptions extends Options {
  /** Code of the receivable account the policies cover (account_ids); without it a marker to replace. */
  receivableAccount?: string;
}

export function odooCreditControl(workflows: readonly Workflow[], templates: readonly TemplateDoc[], flavour: CreditControlFlavour, options: CreditControlOptions = {}): OdooFile[] {
  const docOf = lookup(templates);
  const target: TemplateTarget = flavour === '15+' ? 'odoo-oca-15' : 'odoo-oca-14';
  // As OCA's own template (data/data.xml): sender, recipient and language, in the version's syntax.
  const expr = (e: string) => (flavour === '15+' ? `{{ ${e} }}` : `\${${e}}`);
  const lang = expr('object.contact_address_id.lang');
  const emailFrom = expr("user.company_id.email or ''");
  const partnerTo = expr("object.get_emailing_contact().id or ''");
  const fill = options.data ? { data: options.data } : {};
  const dir = `odoo/credit-control-odoo${flavour === '15+' ? '15-en-later' : '14-en-ouder'}`;
  const templateRows: string[][] = [];
  // Levels have no list of their own in Odoo: they are imported inside their policy (one2many columns).
  const policyRows: string[][] = [];
  for (const workflow of workflows) {
    const policyId = xmlId(workflow.id, 'beleid');
    let level = 0;
    workflow.stappen.forEach((step, i) => {
      if (step.offset < 0) return;
      level += 1;
      const doc = docOf(step);
      const email = step.kanaal === 'email' && doc ? templateTo(target, doc, fill) : null;
      const templateId = xmlId(workflow.id, 'oca', 'sjabloon', String(i + 1));
      if (email && doc) templateRows.push([templateId, `Tijdig – ${doc.title}`, 'account_credit_control.model_credit_control_communication', emailFrom, partnerTo, email.subject, email.html, lang]);
      // custom_text and custom_mail_text are required and shown as they are (letters, OCA's base mail).
      const plain = doc ? templateTo('plain', doc, fill) : null;
      // Our e-mails carry their own invoice table; OCA's base mail has none, so OCA adds its own there.
      const ownTable = Boolean(email && doc?.blocks.some((b) => b.type === 'invoiceTable'));
      policyRows.push([
        ...(level === 1 ? [policyId, `Tijdig: ${workflow.titel}`, options.receivableAccount ?? RECEIVABLE_ACCOUNT_MARKER] : ['', '', '']),
        xmlId(workflow.id, 'oca', 'niveau', String(i + 1)),
        levelName(step),
        String(level),
        'net_days',
        String(step.offset),
        OCA_CHANNEL[step.kanaal],
        email ? templateId : OCA_BASE_TEMPLATE,
        plain?.text.trim() || CHANNEL_ACTIONS[step.kanaal],
        plain?.html.trim() || `<p>${CHANNEL_ACTIONS[step.kanaal]}</p>`,
        bool(!ownTable),
      ]);
    });
  }
  return [
    { path: `${dir}/1-mail.template.csv`, data: csv([['id', 'name', 'model_id/id', 'email_from', 'partner_to', 'subject', 'body_html', 'lang'], ...templateRows]) },
    {
      path: `${dir}/2-credit.control.policy.csv`,
      data: csv([
        [
          'id',
          'name',
          'account_ids',
          'level_ids/id',
          'level_ids/name',
          'level_ids/level',
          'level_ids/computation_mode',
          'level_ids/delay_days',
          'level_ids/channel',
          'level_ids/email_template_id/id',
          'level_ids/custom_text',
          'level_ids/custom_mail_text',
          'level_ids/mail_show_invoice_detail',
        ],
        ...policyRows,
      ]),
    },
  ];
}
