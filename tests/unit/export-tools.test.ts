/**
 * Invoice Ninja, Odoo and Kill Bill files parsed back. No live server runs in CI, so each check
 * restates the tool's rules from its source (cited in import-formats.md and in the modules).
 */
import { createRequire } from 'node:module';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { chargesCosts, closestFrequency, invoiceNinjaSettings } from '../../src/export/invoice-ninja.ts';
import { killbillOverdueXml, overdueStates } from '../../src/export/killbill.ts';
import { MAPPINGS, NONE } from '../../src/export/mapping.ts';
import { odooCreditControl, odooFollowup, RECEIVABLE_ACCOUNT_MARKER } from '../../src/export/odoo.ts';
import { INVOICE_NINJA_CASTS } from '../../src/export/sources/invoice-ninja.ts';
import { KILLBILL_STATE_NAME_MAX, KILLBILL_XML } from '../../src/export/sources/killbill.ts';
import { OCA_LEVEL, OCA_POLICY, OCA_TEMPLATE_FIELDS } from '../../src/export/sources/oca-credit-control.ts';
import { ODOO_FOLLOWUP_LINE_15, ODOO_FOLLOWUP_LINE_16, ODOO_FOLLOWUP_RULES } from '../../src/export/sources/odoo-followup.ts';
import type { FieldSpec } from '../../src/export/sources/types.ts';
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

/** The payload schema, built from the casts recorded from CompanySettings::$casts (sources/invoice-ninja.ts). */
function castSchema(spec: FieldSpec): z.ZodType {
  switch (spec.type) {
    case 'bool':
      return z.boolean();
    case 'int':
      return z.number().int().min(0);
    // checkAttribute('float') refuses strings: a JSON number.
    case 'float':
      return z.number();
    // An _id cast as integer travels as a string of digits.
    case 'integer':
      return z.enum(spec.values as [string, ...string[]]);
    default:
      return spec.values ? z.enum(spec.values as [string, ...string[]]) : z.string();
  }
}
const InvoiceNinjaPayload = z.strictObject({
  name: z.string().min(1),
  settings: z.strictObject(Object.fromEntries(Object.entries(INVOICE_NINJA_CASTS).map(([k, spec]) => [k, castSchema(spec)]))),
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
      const carried = Math.min(emails.length, 4);
      expect(result.notCarried).toHaveLength(workflow.stappen.length - carried);
      expect(result.steps.map((x) => x.step)).toEqual(workflow.stappen);
      // The fixed compensation once, on the first carried e-mail whose template charges costs.
      const byId = new Map(templates.map((t) => [t.id, t]));
      const feeSlot = emails.slice(0, 4).findIndex((e) => chargesCosts(byId.get(e.template)!));
      const amounts = [s['late_fee_amount1'], s['late_fee_amount2'], s['late_fee_amount3'], s['late_fee_endless_amount']];
      expect(amounts).toEqual(amounts.map((_, i) => (i === feeSlot ? 40 : 0)));
      expect([s['late_fee_percent1'], s['late_fee_percent2'], s['late_fee_percent3'], s['late_fee_endless_percent']]).toEqual([0, 0, 0, 0]);
      if (emails[3]) expect(s['endless_reminder_frequency_id']).toBe(closestFrequency(emails[3].offset - emails[2]!.offset).id);
      expect(s['email_template_reminder_endless'] !== '').toBe(Boolean(emails[3]));
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
        auto_execute: bool,
      });
      const rows = csvRows(levelsFile!.data);
      // Every column is a field of the level model as recorded (16 and 18).
      for (const column of Object.keys(rows[0]!)) if (column !== 'id') expect(ODOO_FOLLOWUP_LINE_16, column).toHaveProperty(column.replace(/\/id$/, ''));
      const levels = rows.map((r) => Level.parse(r));
      expect(levels).toHaveLength(workflow.stappen.length);
      // The cron runs only automatic levels: every e-mail level is one.
      for (const level of levels) expect(level.auto_execute).toBe(level.send_email);
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
        expect(Object.keys(row)).toEqual(['id', ...Object.keys(ODOO_FOLLOWUP_LINE_15)]);
        // Odoo formats `description % {partner_name, date, user_signature, company_name}`: any other key fails.
        const keys = new RegExp(`%%|%\\((${ODOO_FOLLOWUP_RULES.legacyKeys.join('|')})\\)s`, 'g');
        expect(row['description']!.replace(keys, '')).not.toContain('%');
        expect(row['auto_execute']).toBe(row['send_email']);
        if (row['send_email'] === 'True') expect(row['email_subject']!.length).toBeGreaterThan(0);
      }
    });
  }

  for (const flavour of ['15+', '14-'] as const) {
    it(`OCA credit control ${flavour}: policies with their levels in one file, as the module's fields require`, () => {
      const [tFile, pFile, ...rest] = odooCreditControl(workflows, templates, flavour);
      expect(rest).toEqual([]);
      const templateRows = csvRows(tFile!.data);
      expect(Object.keys(templateRows[0]!).sort()).toEqual(['id', ...OCA_TEMPLATE_FIELDS.map((f) => (f === 'model_id' ? 'model_id/id' : f))].sort());
      const templateIds = new Set(templateRows.map((t) => t['id']));
      const rows = csvRows(pFile!.data);
      // Columns: policy fields, and level fields through the one2many (the only way in: levels have no list of their own).
      for (const column of Object.keys(rows[0]!)) {
        if (column === 'id') continue;
        const [field, sub] = column.split('/');
        if (field === 'level_ids' && sub && sub !== 'id') expect(OCA_LEVEL, column).toHaveProperty(sub);
        else expect(OCA_POLICY, column).toHaveProperty(field!);
      }
      const requiredLevel = Object.entries(OCA_LEVEL).filter(([k, f]) => f.required && k !== 'policy_id').map(([k]) => k);
      for (const k of requiredLevel) expect(Object.keys(rows[0]!).some((c) => c.startsWith(`level_ids/${k}`)), k).toBe(true);
      // Group the rows: a row with a policy id starts a policy.
      const policies: { row: Record<string, string>; levels: Record<string, string>[] }[] = [];
      for (const row of rows) {
        if (row['id']) policies.push({ row, levels: [] });
        policies.at(-1)!.levels.push(row);
      }
      // A playbook that only acts before the due date has nothing OCA can run: no policy.
      const usable = workflows.filter((w) => w.stappen.some((st) => st.offset >= 0));
      expect(policies).toHaveLength(usable.length);
      const byId = new Map(templates.map((t) => [t.id, t]));
      for (const [i, workflow] of usable.entries()) {
        const { row, levels } = policies[i]!;
        expect(row['name']).toBe(`Tijdig: ${workflow.titel}`);
        // Required and decisive: without the receivable account the policy selects nothing.
        expect(row['account_ids']).toBe(RECEIVABLE_ACCOUNT_MARKER);
        // OCA never looks at an invoice before its due date: those steps are not levels.
        const steps = workflow.stappen.filter((st) => st.offset >= 0);
        expect(levels.map((l) => Number(l['level_ids/level']))).toEqual(steps.map((_, n) => n + 1));
        expect(levels.map((l) => Number(l['level_ids/delay_days']))).toEqual(steps.map((st) => st.offset));
        levels.forEach((level, n) => {
          const step = steps[n]!;
          for (const k of requiredLevel) expect(level[Object.keys(level).find((c) => c.startsWith(`level_ids/${k}`))!], `${workflow.id} ${k}`).not.toBe('');
          expect(OCA_LEVEL['computation_mode']!.values).toContain(level['level_ids/computation_mode']);
          expect(OCA_LEVEL['channel']!.values).toContain(level['level_ids/channel']);
          const template = level['level_ids/email_template_id/id']!;
          if (level['level_ids/channel'] === 'email') expect(templateIds).toContain(template);
          else expect(template).toBe('account_credit_control.email_template_credit_control_base');
          // One invoice table: OCA adds its own only where our mail has none.
          const ownTable = template !== 'account_credit_control.email_template_credit_control_base' && byId.get(step.template)!.blocks.some((b) => b.type === 'invoiceTable');
          expect(level['level_ids/mail_show_invoice_detail']).toBe(ownTable ? 'False' : 'True');
          expect(level['level_ids/custom_text']).not.toMatch(/\{\{|\$\{|<t /);
        });
      }
      for (const t of templateRows) {
        expect(t['model_id/id']).toBe('account_credit_control.model_credit_control_communication');
        // Recipient and sender as OCA's own template: without partner_to the mail has no recipient.
        expect(t['partner_to']).toBe(flavour === '15+' ? "{{ object.get_emailing_contact().id or '' }}" : "${object.get_emailing_contact().id or ''}");
        expect(t['email_from']).toBe(flavour === '15+' ? "{{ user.company_id.email or '' }}" : "${user.company_id.email or ''}");
        if (flavour === '15+') {
          expectQweb(t['body_html']!);
          expect(t['body_html']).not.toContain('${');
        } else {
          expect(t['body_html']).not.toMatch(/<t |\{\{/);
          expect(t['body_html']).toMatch(/\$\{object\.[^}]+ or ''\}/);
          parseXml(`<div>${t['body_html']}</div>`);
        }
      }
    });
  }
});

// ---------------------------------------------------------------- Kill Bill

/**
 * overdue.xml against the element model of Kill Bill's JAXB classes (sources/killbill.ts; Kill Bill
 * generates its XSD from them): known children only, in declaration order, required ones present,
 * only repeated ones repeated. Returns the problems in words.
 */
function killbillProblems(node: XmlNode, type = node.name, where = node.name): string[] {
  const spec = KILLBILL_XML[type];
  if (!spec) return [];
  const problems: string[] = [];
  for (const a of Object.keys(node.attributes)) if (!spec.attributes?.includes(a)) problems.push(`${where}: attribute ${a}`);
  const names = node.children.map((c) => c.name);
  let last = -1;
  for (const name of names) {
    const at = spec.children.indexOf(name);
    if (at < 0) problems.push(`${where}: unknown <${name}>`);
    else if (at < last || (at === last && !spec.repeated?.includes(name))) problems.push(`${where}: <${name}> out of order or repeated`);
    last = Math.max(last, at);
  }
  for (const r of spec.required) if (!names.includes(r)) problems.push(`${where}: <${r}> missing`);
  for (const child of node.children) problems.push(...killbillProblems(child, spec.types?.[child.name] ?? child.name, `${where}/${child.name}`));
  return problems;
}
const STATE_ORDER = KILLBILL_XML['state']!.children;
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
      expect(killbillProblems(root)).toEqual([]);
      expect(root.children.map((c) => c.name)).toEqual(['accountOverdueStates']);
      const [initial, ...states] = root.children[0]!.children;
      expect(initial!.name).toBe('initialReevaluationInterval');
      const expected = overdueStates(workflow);
      expect(states).toHaveLength(expected.length);
      // Last state first.
      const thresholds = states.map((state) => {
        expect(state.name).toBe('state');
        expect(state.attributes['name']).toMatch(new RegExp(`^\\S{1,${KILLBILL_STATE_NAME_MAX}}$`));
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

  it('is checked by a parser that rejects malformed XML, and a model check that rejects misplaced elements', () => {
    expect(() => parseXml('<a><b></a>')).toThrow();
    expect(() => parseXml('<a>&nbsp;</a>')).toThrow();
    const bad = parseXml('<overdueConfig><accountOverdueStates><state name="X"><externalMessage>m</externalMessage><condition/><colour/></state><initialReevaluationInterval><number>1</number></initialReevaluationInterval></accountOverdueStates></overdueConfig>');
    expect(killbillProblems(bad)).toEqual([
      'overdueConfig/accountOverdueStates: <initialReevaluationInterval> out of order or repeated',
      'overdueConfig/accountOverdueStates/state: <condition> out of order or repeated',
      'overdueConfig/accountOverdueStates/state: unknown <colour>',
      'overdueConfig/accountOverdueStates/initialReevaluationInterval: <unit> missing',
    ]);
  });

  it('leaves out steps on or before the due date and escapes text', () => {
    const workflow = { ...workflows[0]!, titel: 'A & B <test> -- "x"', stappen: [{ ...workflows[0]!.stappen[0]!, offset: -3 }, { ...workflows[0]!.stappen[0]!, offset: 7, titel: 'Stap <één> & "twee"' }] };
    const root = parseXml(killbillOverdueXml(workflow));
    const states = root.children[0]!.children.filter((c) => c.name === 'state');
    expect(states).toHaveLength(1);
    expect(states[0]!.children.find((c) => c.name === 'externalMessage')!.text).toContain('Stap <één> & "twee"');
  });
});
