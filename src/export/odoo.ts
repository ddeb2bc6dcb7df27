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
        bool(Boolean(isEmail)),
        bool(isLetter),
        bool(true),
        bool(!isEmail),
        isEmail ? '' : staticText(doc, step, options),
      ];
    });
    const header = ['id', 'name', 'delay', 'description', 'send_email', 'print_letter', 'join_invoices', 'manual_action', 'manual_action_note'];
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
    ];
  });
  return [
    { path: `${dir}/1-mail.template.csv`, data: csv([['id', 'name', 'model_id/id', 'subject', 'body_html', 'lang'], ...templateRows]) },
    {
      path: `${dir}/2-account_followup.followup.line.csv`,
      data: csv([['id', 'name', 'delay', 'send_email', 'join_invoices', 'mail_template_id/id', 'create_activity', 'activity_type_id/id', 'activity_summary', 'activity_note'], ...levelRows]),
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

export function odooCreditControl(workflows: readonly Workflow[], templates: readonly TemplateDoc[], flavour: CreditControlFlavour, options: Options = {}): OdooFile[] {
  const docOf = lookup(templates);
  const target: TemplateTarget = flavour === '15+' ? 'odoo-oca-15' : 'odoo-oca-14';
  const lang = flavour === '15+' ? '{{ object.contact_address_id.lang }}' : "${object.contact_address_id.lang}";
  const fill = options.data ? { data: options.data } : {};
  const dir = `odoo/credit-control-odoo${flavour === '15+' ? '15-en-later' : '14-en-ouder'}`;
  const templateRows: string[][] = [];
  const policyRows: string[][] = [];
  const levelRows: string[][] = [];
  for (const workflow of workflows) {
    const policyId = xmlId(workflow.id, 'beleid');
    policyRows.push([policyId, `Tijdig: ${workflow.titel}`]);
    workflow.stappen.forEach((step, i) => {
      const doc = docOf(step);
      const email = step.kanaal === 'email' && doc ? templateTo(target, doc, fill) : null;
      const templateId = xmlId(workflow.id, 'oca', 'sjabloon', String(i + 1));
      if (email && doc) templateRows.push([templateId, `Tijdig – ${doc.title}`, 'account_credit_control.model_credit_control_communication', email.subject, email.html, lang]);
      // custom_text and custom_mail_text are required and shown as they are (letters, OCA's base mail).
      const plain = doc ? templateTo('plain', doc, fill) : null;
      levelRows.push([
        xmlId(workflow.id, 'oca', 'niveau', String(i + 1)),
        policyId,
        levelName(step),
        String(i + 1),
        'net_days',
        String(step.offset),
        OCA_CHANNEL[step.kanaal],
        email ? templateId : OCA_BASE_TEMPLATE,
        plain?.text.trim() || CHANNEL_ACTIONS[step.kanaal],
        plain?.html.trim() || `<p>${CHANNEL_ACTIONS[step.kanaal]}</p>`,
        bool(true),
      ]);
    });
  }
  return [
    { path: `${dir}/1-mail.template.csv`, data: csv([['id', 'name', 'model_id/id', 'subject', 'body_html', 'lang'], ...templateRows]) },
    { path: `${dir}/2-credit.control.policy.csv`, data: csv([['id', 'name'], ...policyRows]) },
    {
      path: `${dir}/3-credit.control.policy.level.csv`,
      data: csv([
        ['id', 'policy_id/id', 'name', 'level', 'computation_mode', 'delay_days', 'channel', 'email_template_id/id', 'custom_text', 'custom_mail_text', 'mail_show_invoice_detail'],
        ...levelRows,
      ]),
    },
  ];
}
