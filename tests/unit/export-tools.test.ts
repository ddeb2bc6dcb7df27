/**
 * Invoice Ninja, Odoo and Kill Bill files parsed back. No live server runs in CI, so each check
 * restates the tool's rules from its source (cited in import-formats.md and in the modules).
 */
import { createRequire } from 'node:module';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { invoiceNinjaSettings } from '../../src/export/invoice-ninja.ts';
import { killbillOverdueXml, overdueStates } from '../../src/export/killbill.ts';
import { MAPPINGS, NONE } from '../../src/export/mapping.ts';
import { odooCreditControl, odooFollowup } from '../../src/export/odoo.ts';
import { readContent } from '../../src/pack/read-content.ts';

const loaded = readContent(process.cwd());
if (!loaded.ok) throw new Error('content invalid');
const { workflows, templates } = loaded.content;

// ---------------------------------------------------------------- XML, via sax in strict mode

interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  text: string;
}
interface SaxParser {
  onopentag: (node: { name: string; attributes: Record<string, string> }) => void;
  onclosetag: () => void;
  ontext: (text: string) => void;
  onerror: (error: Error) => void;
  write(xml: string): SaxParser;
  close(): void;
}
// sax (a dependency of svgo, already installed) has no type declarations. Strict mode with strict
// entities rejects XML that is not well-formed, including HTML-only entities such as &nbsp;.
const sax = createRequire(import.meta.url)('sax') as { parser(strict: boolean, options: { strictEntities: boolean }): SaxParser };

function parseXml(xml: string): XmlNode {
  const parser = sax.parser(true, { strictEntities: true });
  const root: XmlNode = { name: '#document', attributes: {}, children: [], text: '' };
  const stack = [root];
  parser.onopentag = (node) => {
    const el: XmlNode = { name: node.name, attributes: node.attributes, children: [], text: '' };
    stack.at(-1)!.children.push(el);
    stack.push(el);
  };
  parser.onclosetag = () => void stack.pop();
  parser.ontext = (text) => void (stack.at(-1)!.text += text);
  parser.onerror = (error) => {
    throw error;
  };
  parser.write(xml).close();
  expect(root.children).toHaveLength(1);
  return root.children[0]!;
}

// ---------------------------------------------------------------- Invoice Ninja

/** Types of the keys we write, from CompanySettings::$casts (v5-stable): bool, int, string. */
const Schedule = z.enum(['after_invoice_date', 'before_due_date', 'after_due_date']);
const reminder = (n: 1 | 2 | 3) => ({
  [`enable_reminder${n}`]: z.boolean(),
  [`num_days_reminder${n}`]: z.number().int().min(0),
  [`schedule_reminder${n}`]: Schedule,
  [`email_subject_reminder${n}`]: z.string(),
  [`email_template_reminder${n}`]: z.string(),
});
const InvoiceNinjaPayload = z.strictObject({
  name: z.string().min(1),
  settings: z.strictObject({
    send_reminders: z.boolean(),
    ...reminder(1),
    ...reminder(2),
    ...reminder(3),
    enable_reminder_endless: z.boolean(),
    endless_reminder_frequency_id: z.string().regex(/^\d+$/),
    email_subject_reminder_endless: z.string(),
    email_template_reminder_endless: z.string(),
  }),
});
const IN_VARIABLES = new Set(MAPPINGS.map((m) => m.invoiceNinja).filter((v): v is string => v !== NONE));

describe('Invoice Ninja', () => {
  for (const workflow of workflows) {
    it(`maps the e-mail steps of "${workflow.id}" to reminders 1-3 with valid settings`, () => {
      const result = invoiceNinjaSettings(workflow, templates);
      const payload = InvoiceNinjaPayload.parse(JSON.parse(JSON.stringify(result.payload)));
      const s = payload.settings as Record<string, unknown>;
      const emails = workflow.stappen.filter((st) => st.kanaal === 'email');
      emails.slice(0, 3).forEach((step, i) => {
        const n = i + 1;
        expect(s[`enable_reminder${n}`]).toBe(true);
        expect(s[`num_days_reminder${n}`]).toBe(Math.abs(step.offset));
        expect(s[`schedule_reminder${n}`]).toBe(step.offset < 0 ? 'before_due_date' : 'after_due_date');
      });
      for (let n = emails.length + 1; n <= 3; n++) expect(s[`enable_reminder${n}`]).toBe(false);
      expect(s['enable_reminder_endless']).toBe(false);
      // Only variables Invoice Ninja defines: no Handlebars, no leftover Tijdig paths.
      for (const [key, value] of Object.entries(s)) {
        if (typeof value !== 'string' || !key.startsWith('email_')) continue;
        expect(value, key).not.toMatch(/\{\{|\u0000/);
        for (const v of value.match(/\$[a-z][a-z_.0-9]*[a-z0-9_]/g) ?? []) expect(IN_VARIABLES, `${key}: ${v}`).toContain(v);
      }
      const carried = Math.min(emails.length, 3) + (emails.length > 3 ? 1 : 0);
      expect(result.notCarried).toHaveLength(workflow.stappen.length - carried);
    });
  }
});

// ---------------------------------------------------------------- Odoo

function csvRows(data: string): Record<string, string>[] {
  const result = Papa.parse<Record<string, string>>(data, { header: true, skipEmptyLines: true, newline: '\r\n' });
  expect(result.errors).toEqual([]);
  return result.data;
}
const bool = z.enum(['True', 'False']);
const xmlId = z.string().regex(/^[a-z0-9_]+$/);
const MailTemplate = z.strictObject({ id: xmlId, name: z.string().min(1), 'model_id/id': z.string().regex(/^[a-z_]+\.model_[a-z_]+$/), subject: z.string().min(1), body_html: z.string().min(1), lang: z.string() });

/** body_html is stored as HTML and rendered by QWeb: it must parse as XML (QWeb's own parser). */
function expectQweb(html: string): void {
  const root = parseXml(`<div>${html}</div>`);
  const outs: string[] = [];
  const walk = (node: XmlNode) => {
    if (node.name === 't') outs.push(node.attributes['t-out'] ?? '');
    node.children.forEach(walk);
  };
  walk(root);
  for (const expr of outs) expect(expr).toMatch(/ or ''$/);
}

describe('Odoo follow-up levels', () => {
  for (const workflow of workflows) {
    it(`16+: templates and levels for "${workflow.id}" import in order and reference each other`, () => {
      const [templatesFile, levelsFile] = odooFollowup(workflow, templates, '16+');
      const mailTemplates = csvRows(templatesFile!.data).map((r) => MailTemplate.parse(r));
      const Level = z.strictObject({
        id: xmlId,
        name: z.string().min(1),
        delay: z.string().regex(/^-?\d+$/),
        send_email: bool,
        join_invoices: bool,
        'mail_template_id/id': z.string(),
        create_activity: bool,
        'activity_type_id/id': z.string(),
        activity_summary: z.string(),
        activity_note: z.string(),
      });
      const levels = csvRows(levelsFile!.data).map((r) => Level.parse(r));
      expect(levels).toHaveLength(workflow.stappen.length);
      // SQL constraints unique(company_id, delay) and unique(company_id, name).
      expect(new Set(levels.map((l) => l.delay)).size).toBe(levels.length);
      expect(new Set(levels.map((l) => l.name)).size).toBe(levels.length);
      const ids = new Set(mailTemplates.map((t) => t.id));
      levels.forEach((level, i) => {
        const step = workflow.stappen[i]!;
        expect(Number(level.delay)).toBe(step.offset);
        if (level.send_email === 'True') expect(ids).toContain(level['mail_template_id/id']);
        else expect(level.create_activity).toBe('True');
        expect(level.send_email).toBe(step.kanaal === 'email' ? 'True' : 'False');
      });
      for (const t of mailTemplates) {
        expect(t['model_id/id']).toBe('base.model_res_partner');
        expect(t.subject).not.toMatch(/\$\{|<t /);
        expectQweb(t.body_html);
      }
    });

    it(`15-: "${workflow.id}" level texts only use the five documented %(key)s and escape every other %`, () => {
      const [file] = odooFollowup(workflow, templates, '15-');
      const rows = csvRows(file!.data);
      expect(rows).toHaveLength(workflow.stappen.length);
      for (const row of rows) {
        expect(Object.keys(row)).toEqual(['id', 'name', 'delay', 'description', 'send_email', 'print_letter', 'join_invoices', 'manual_action', 'manual_action_note']);
        // Odoo checks `description % {partner_name, date, user_signature, company_name, …}`.
        const stripped = row['description']!.replace(/%%|%\((partner_name|date|amount_due|user_signature|company_name)\)s/g, '');
        expect(stripped).not.toContain('%');
      }
    });
  }

  for (const flavour of ['15+', '14-'] as const) {
    it(`OCA credit control ${flavour}: one policy per workflow, levels in order, templates in the right syntax`, () => {
      const [tFile, pFile, lFile] = odooCreditControl(workflows, templates, flavour);
      const mailTemplates = csvRows(tFile!.data).map((r) => MailTemplate.parse(r));
      const policies = csvRows(pFile!.data);
      expect(policies.map((p) => p['name'])).toHaveLength(workflows.length);
      const Level = z.strictObject({
        id: xmlId,
        'policy_id/id': xmlId,
        name: z.string().min(1),
        level: z.string().regex(/^[1-9]\d*$/),
        computation_mode: z.enum(['net_days', 'end_of_month', 'previous_date']),
        delay_days: z.string().regex(/^-?\d+$/),
        channel: z.enum(['letter', 'email', 'phone']),
        'email_template_id/id': z.string().min(1),
        custom_text: z.string().min(1),
        custom_mail_text: z.string().min(1),
        mail_show_invoice_detail: bool,
      });
      const levels = csvRows(lFile!.data).map((r) => Level.parse(r));
      const policyIds = new Set(policies.map((p) => p['id']));
      const templateIds = new Set(mailTemplates.map((t) => t.id));
      for (const workflow of workflows) {
        const own = levels.filter((l) => l['policy_id/id'] === `tijdig_${workflow.id.replace(/-/g, '_')}_beleid`);
        expect(own.map((l) => Number(l.level))).toEqual(workflow.stappen.map((_, i) => i + 1));
        expect(own.map((l) => Number(l.delay_days))).toEqual(workflow.stappen.map((s) => s.offset));
      }
      for (const level of levels) {
        expect(policyIds).toContain(level['policy_id/id']);
        if (level.channel === 'email') expect(templateIds).toContain(level['email_template_id/id']);
        else expect(level['email_template_id/id']).toBe('account_credit_control.email_template_credit_control_base');
        expect(level.custom_text).not.toMatch(/\{\{|\$\{|<t /);
      }
      for (const t of mailTemplates) {
        expect(t['model_id/id']).toBe('account_credit_control.model_credit_control_communication');
        if (flavour === '15+') {
          expectQweb(t.body_html);
          expect(t.body_html).not.toContain('${');
        } else {
          expect(t.body_html).not.toMatch(/<t |\{\{/);
          expect(t.body_html).toMatch(/\$\{object\.[^}]+ or ''\}/);
          parseXml(`<div>${t.body_html}</div>`);
        }
      }
    });
  }
});

// ---------------------------------------------------------------- Kill Bill

/**
 * A small schema restated from killbill-docs overdue.adoc and DefaultOverdueState.java: elements in
 * declaration order, state names ≤ 50 characters without spaces, durations in DAYS.
 */
const STATE_ORDER = ['condition', 'externalMessage', 'blockChanges', 'disableEntitlementAndChangesBlocked', 'subscriptionCancellationPolicy', 'isClearState', 'autoReevaluationInterval'];
const days = (node: XmlNode | undefined) => {
  expect(node?.children.map((c) => c.name)).toEqual(['unit', 'number']);
  expect(node!.children[0]!.text).toBe('DAYS');
  const n = Number(node!.children[1]!.text);
  expect(Number.isInteger(n) && n > 0).toBe(true);
  return n;
};

describe('Kill Bill overdue.xml', () => {
  for (const workflow of workflows.filter((w) => w.stappen.some((s) => s.offset > 0))) {
    it(`is well-formed and follows the overdue structure for "${workflow.id}"`, () => {
      const root = parseXml(killbillOverdueXml(workflow));
      expect(root.name).toBe('overdueConfig');
      expect(root.children.map((c) => c.name)).toEqual(['accountOverdueStates']);
      const [initial, ...states] = root.children[0]!.children;
      expect(initial!.name).toBe('initialReevaluationInterval');
      const expected = overdueStates(workflow);
      expect(states).toHaveLength(expected.length);
      // Last state first.
      const thresholds = states.map((state) => {
        expect(state.name).toBe('state');
        expect(state.attributes['name']).toMatch(/^\S{1,50}$/);
        const names = state.children.map((c) => c.name);
        expect(names).toEqual(STATE_ORDER.filter((n) => names.includes(n)));
        const condition = state.children[0]!;
        expect(condition.children.map((c) => c.name)).toEqual(['timeSinceEarliestUnpaidInvoiceEqualsOrExceeds']);
        expect(['true', 'false']).toContain(state.children.find((c) => c.name === 'blockChanges')!.text);
        expect(['NONE', 'END_OF_TERM', 'IMMEDIATE']).toContain(state.children.find((c) => c.name === 'subscriptionCancellationPolicy')!.text);
        return days(condition.children[0]);
      });
      expect(thresholds).toEqual(expected.map((s) => s.days).reverse());
      expect(days(initial)).toBe(thresholds.at(-1));
      // Every state but the last re-evaluates after exactly the gap to the next one.
      states.forEach((state, i) => {
        const interval = state.children.find((c) => c.name === 'autoReevaluationInterval');
        if (i === 0) expect(interval).toBeUndefined();
        else expect(days(interval)).toBe(thresholds[i - 1]! - thresholds[i]!);
      });
      expect(new Set(states.map((s) => s.attributes['name'])).size).toBe(states.length);
    });
  }

  it('is checked by a parser that rejects malformed XML', () => {
    expect(() => parseXml('<a><b></a>')).toThrow();
    expect(() => parseXml('<a>&nbsp;</a>')).toThrow();
  });

  it('leaves out steps on or before the due date and escapes text', () => {
    const workflow = { ...workflows[0]!, titel: 'A & B <test> -- "x"', stappen: [{ ...workflows[0]!.stappen[0]!, offset: -3 }, { ...workflows[0]!.stappen[0]!, offset: 7, titel: 'Stap <één> & "twee"' }] };
    const root = parseXml(killbillOverdueXml(workflow));
    const states = root.children[0]!.children.filter((c) => c.name === 'state');
    expect(states).toHaveLength(1);
    expect(states[0]!.children.find((c) => c.name === 'externalMessage')!.text).toContain('Stap <één> & "twee"');
  });
});
