/**
 * One table from each Tijdig placeholder path to each target tool's syntax, and the functions that
 * write a template in that syntax.
 *
 * - `field` (klant_naam): the CSV header, the Word MERGEFIELD name and the Handlebars (SES, SendGrid,
 *   Mailgun) and Mustachio (Postmark) variable. Those tools get the value pre-formatted in Dutch
 *   (preformattedRecord), because they cannot format amounts or dates themselves.
 * - Invoice Ninja, Odoo and OCA credit control fill placeholders from their own database, so each
 *   path maps to one of their variables or expressions, or to NONE: the tool has no such value.
 *   An export then writes the value itself when it is the same for every customer (the sender's
 *   details, with `data`), and otherwise a visible marker "[Label]" the user must replace.
 *
 * Sources (the tools' public documentation and code): Invoice Ninja app/Utils/HtmlEngine.php
 * (v5-stable, variable names); Odoo account_followup res.partner fields (16-18) and Odoo's own
 * follow-up template for format_amount(object.total_overdue, object.currency_id); OCA/credit-control
 * credit_control_communication.py (partner_id, contact_address_id, company_id, user_id, currency_id,
 * credit_control_line_ids, total_due, report_date); the ≤15 follow-up texts accept only
 * %(partner_name)s, %(date)s, %(user_signature)s and %(company_name)s (the level's constraint
 * formats the text with exactly those keys and refuses any other, see sources/odoo-followup.ts). Odoo and OCA expressions are beta: no Odoo instance runs in CI.
 */
import { PLACEHOLDER_FIELDS, PLACEHOLDERS, type FillData, type PlaceholderField } from '../content/schema.ts';
import { compute } from '../model/compute.ts';
import { formatValue } from '../model/fill.ts';
import { formatDateShort, formatMoney, formatPercent } from '../model/format.ts';
import type { TemplateDoc } from '../model/types.ts';
import { escapeHtml, renderDoc, type Emitter, type Rendered, type Slot, type SlotContext } from './render.ts';

/** The tool has no value for this placeholder (see the module comment for how exports handle it). */
export const NONE = null;
type Maybe = string | typeof NONE;

export interface PlaceholderMapping {
  path: string;
  /** ASCII snake_case: CSV header, MERGEFIELD name, Handlebars and Mustachio variable. */
  field: string;
  /** Invoice Ninja v5 `$variable`. */
  invoiceNinja: Maybe;
  /** Python expression on res.partner (Odoo 16+ follow-up mail templates). */
  odooPartner: Maybe;
  /** Python expression on credit.control.communication (OCA account_credit_control). */
  odooCreditControl: Maybe;
  /** `%(key)s` of the follow-up level texts in Odoo 15 and older. */
  odooLegacy: Maybe;
}

type Row = [invoiceNinja: Maybe, odooPartner: Maybe, odooCreditControl: Maybe, odooLegacy?: string];

// Odoo: a partner shared between companies has no company_id; fall back to the sending user's.
const CO = '(object.company_id or user.company_id)';
const CC = 'object.company_id';
const RESPONSIBLE = 'object._get_followup_responsible()';
const money = (expr: string) => `format_amount(${expr}, object.currency_id)`;
const firstInvoice = 'object.unpaid_invoice_ids[:1]';
const firstLine = 'object.credit_control_line_ids[:1]';

const ROWS: Record<string, Row> = {
  // Settings of the dossier, not text a message shows; only the CSV carries them.
  'dossier.jurisdictie': [NONE, NONE, NONE],
  'dossier.klanttype': [NONE, NONE, NONE],
  'afzender.naam': ['$company.name', `${CO}.name`, `${CC}.name`, '%(company_name)s'],
  'afzender.straat': ['$company.address1', `${CO}.street`, `${CC}.street`],
  'afzender.postcode': ['$company.postal_code', `${CO}.zip`, `${CC}.zip`],
  'afzender.gemeente': ['$company.city', `${CO}.city`, `${CC}.city`],
  'afzender.ondernemingsnummer': ['$company.id_number', `${CO}.company_registry`, `${CC}.company_registry`],
  'afzender.btwNummer': ['$company.vat_number', `${CO}.vat`, `${CC}.vat`],
  // Invoice Ninja keeps an IBAN only in a custom field (`$company1`), which we cannot know is set.
  'afzender.iban': [NONE, `${CO}.partner_id.bank_ids[:1].acc_number`, `${CC}.partner_id.bank_ids[:1].acc_number`],
  'afzender.bic': [NONE, `${CO}.partner_id.bank_ids[:1].bank_bic`, `${CC}.partner_id.bank_ids[:1].bank_bic`],
  'afzender.contactpersoon': ['$user.name', `${RESPONSIBLE}.name`, 'object.user_id.name'],
  'afzender.telefoon': ['$company.phone', `${CO}.phone`, `${CC}.phone`],
  'afzender.email': ['$company.email', `${CO}.email`, `${CC}.email`],
  'afzender.website': ['$company.website', `${CO}.website`, `${CC}.website`],
  'klant.naam': ['$client.name', 'object.commercial_partner_id.name', 'object.partner_id.name', '%(partner_name)s'],
  'klant.contactpersoon': ['$contact.name', 'object.name', 'object.contact_address_id.name', '%(partner_name)s'],
  'klant.straat': ['$client.address1', 'object.street', 'object.contact_address_id.street'],
  'klant.postcode': ['$client.postal_code', 'object.zip', 'object.contact_address_id.zip'],
  'klant.gemeente': ['$client.city', 'object.city', 'object.contact_address_id.city'],
  'klant.email': ['$contact.email', 'object.email', 'object.contact_address_id.email'],
  'klant.klantnummer': ['$client.number', 'object.ref', 'object.partner_id.ref'],
  // Odoo reminds a partner about all open invoices: numbers are joined, single values come from the first.
  'factuur.nummer': ['$number', "', '.join(object.unpaid_invoice_ids.mapped('name'))", "', '.join(object.credit_control_line_ids.mapped('invoice_id.name'))"],
  'factuur.datum': ['$date', `format_date(${firstInvoice}.invoice_date)`, `format_date(${firstLine}.date_entry)`],
  'factuur.vervaldatum': ['$due_date', `format_date(${firstInvoice}.invoice_date_due)`, `format_date(${firstLine}.date_due)`],
  // Invoice Ninja's $amount is the invoice total; the open balance is $balance_due.
  'factuur.bedrag': ['$amount', money(`${firstInvoice}.amount_total`), money(`${firstLine}.amount_due`)],
  'factuur.openstaand': ['$balance_due', money('object.total_due'), money('object.total_due')],
  'betaling.link': ['$payment_link', NONE, NONE],
  'betaling.mededeling': [NONE, `${firstInvoice}.payment_reference`, `${firstLine}.invoice_id.payment_reference`],
  'betaling.ontvangen': ['$paid_to_date', NONE, NONE],
  // $payment.date is filled only from a payment already on the invoice: empty for an unpaid one.
  'betaling.ontvangenOp': [NONE, NONE, NONE],
  'afspraak.belofteDatum': [NONE, NONE, NONE],
  'afspraak.aantalTermijnen': [NONE, NONE, NONE],
  'afspraak.eersteTermijn': [NONE, NONE, NONE],
  'afspraak.betwisting': [NONE, NONE, NONE],
  'abonnement.naam': [NONE, NONE, NONE],
  'abonnement.bedrag': [NONE, NONE, NONE],
  'abonnement.betaalmethode': [NONE, NONE, NONE],
  'abonnement.kaartVervaltIn': [NONE, NONE, NONE],
  'abonnement.reden': [NONE, NONE, NONE],
  'abonnement.opschorting': [NONE, NONE, NONE],
  'abonnement.wijziging': [NONE, NONE, NONE],
  'abonnement.wijzigingVanaf': [NONE, NONE, NONE],
  'data.verzending': [NONE, NONE, 'format_date(object.report_date)', '%(date)s'],
  'data.nieuweTermijn': [NONE, NONE, NONE],
  'data.eersteHerinnering': [NONE, NONE, NONE],
  'kosten.interestvoet': [NONE, NONE, NONE],
  'kosten.interest': [NONE, NONE, NONE],
  'kosten.forfait': [NONE, NONE, NONE],
  'ondertekenaar.naam': ['$user.name', `${RESPONSIBLE}.name`, 'object.user_id.name', '%(user_signature)s'],
  'ondertekenaar.functie': [NONE, NONE, NONE],
  'berekend.dagenTeLaat': [NONE, NONE, NONE],
  'berekend.totaalOpen': ['$balance_due', money('object.total_due'), money('object.total_due')],
  // Our total includes interest and the fixed compensation; the tools' balances do not.
  'berekend.totaalTeBetalen': [NONE, NONE, NONE],
  'berekend.saldo': ['$balance_due', money('object.total_due'), money('object.total_due')],
  'berekend.termijnbedrag': [NONE, NONE, NONE],
  // What the invoice was for, the legal collection costs and the pay-by date: Tijdig's own data and
  // computations, which none of the tools holds.
  'factuur.omschrijving': [NONE, NONE, NONE],
  'kosten.btwOpIncasso': [NONE, NONE, NONE],
  'berekend.incassokosten': [NONE, NONE, NONE],
  'berekend.incassokostenBtw': [NONE, NONE, NONE],
  'berekend.incassokostenTotaal': [NONE, NONE, NONE],
  'berekend.betaalUiterlijk': [NONE, NONE, NONE],
};

/** "afzender.btwNummer" -> "afzender_btw_nummer". */
export function fieldName(path: string): string {
  return path.replace('.', '_').replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/**
 * Schema fields without a row here: the tool columns fall back to NONE so a new field never breaks
 * an export, and the mapping test fails until someone decides the row.
 */
export const FIELDS_WITHOUT_ROW: readonly string[] = PLACEHOLDER_FIELDS.filter((f) => !(f.path in ROWS)).map((f) => f.path);

export const MAPPINGS: readonly PlaceholderMapping[] = PLACEHOLDER_FIELDS.map((f) => {
  const row: Row = ROWS[f.path] ?? [NONE, NONE, NONE];
  return { path: f.path, field: fieldName(f.path), invoiceNinja: row[0], odooPartner: row[1], odooCreditControl: row[2], odooLegacy: row[3] ?? NONE };
});
const BY_PATH = new Map(MAPPINGS.map((m) => [m.path, m]));

export function mappingFor(path: string): PlaceholderMapping {
  const m = BY_PATH.get(path);
  if (!m) throw new Error(`onbekende placeholder: ${path}`);
  return m;
}

/** CSV headers in a fixed order (the schema's field order), also the MERGEFIELD names. */
export const CSV_HEADERS: readonly string[] = MAPPINGS.map((m) => m.field);

// ---------------------------------------------------------------- data records

function rawValue(data: FillData, computed: Record<string, unknown>, path: string): unknown {
  if (path.startsWith('berekend.')) return computed[path];
  const [group, name] = path.split('.') as [string, string];
  const section = (data as Record<string, Record<string, unknown> | undefined>)[group];
  return section?.[name];
}

function dutch(field: PlaceholderField, value: unknown): string {
  if (value === undefined || value === null || value === '') return '';
  switch (field.kind) {
    case 'bedrag':
      return typeof value === 'number' ? formatMoney(value) : '';
    case 'datum':
      return formatDateShort(String(value));
    case 'percentage':
      return typeof value === 'number' ? formatPercent(value) : '';
    default:
      return formatValue(field.path, value)?.text ?? '';
  }
}

function machine(field: PlaceholderField, value: unknown): string {
  if (value === undefined || value === null || value === '') return '';
  if (field.kind === 'bedrag') return typeof value === 'number' ? (value / 100).toFixed(2) : '';
  if (field.kind === 'datum' || field.kind === 'percentage' || field.kind === 'getal') return String(value);
  return dutch(field, value);
}

function record(data: FillData, write: (field: PlaceholderField, value: unknown) => string): Record<string, string> {
  const computed = compute(data) as Record<string, unknown>;
  const out: Record<string, string> = {};
  for (const f of PLACEHOLDER_FIELDS) out[fieldName(f.path)] = write(f, rawValue(data, computed, f.path));
  return out;
}

/**
 * Every placeholder as Dutch text for tools that cannot format: "€ 1.234,56", "14-03-2026",
 * "10,5 %". Keys are the CSV headers; a missing value is "" so strict template engines still see it.
 */
export function preformattedRecord(data: FillData): Record<string, string> {
  return record(data, dutch);
}

/** The same record for tool imports: amounts "1234.56", ISO dates, numbers with a decimal point. */
export function machineRecord(data: FillData): Record<string, string> {
  return record(data, machine);
}

// ---------------------------------------------------------------- template syntax

export const TEMPLATE_TARGETS = [
  /** Tijdig's own syntax: {{klant.naam}}, {{bedrag factuur.openstaand}}. */
  'source',
  /** Amazon SES, SendGrid, Mailgun. */
  'handlebars',
  /** Postmark. */
  'mustachio',
  'invoice-ninja',
  /** mail.template on res.partner (follow-up), {{ }} and QWeb: Odoo 15 and later. */
  'odoo-partner-15',
  /** mail.template on res.partner, ${…}: Odoo 14 and older. */
  'odoo-partner-14',
  /** mail.template on credit.control.communication (OCA), Odoo 15 and later. */
  'odoo-oca-15',
  'odoo-oca-14',
  /** Follow-up level texts of Odoo 15 and older: %(partner_name)s. */
  'odoo-legacy',
  /** «klant_naam», the way Word shows a merge field. */
  'word',
  /** No placeholders at all: values written in, or a [Label] marker. */
  'plain',
] as const;
export type TemplateTarget = (typeof TEMPLATE_TARGETS)[number];

export interface TemplateToOptions {
  /** Sender details to write in where the target has no variable for them. */
  data?: FillData;
  jurisdiction?: 'be' | 'nl';
}

export interface Converted extends Rendered {
  /** Placeholders the target cannot fill: written in from `data` (prefilled) or left as "[Label]". */
  unsupported: { path: string; label: string; prefilled: boolean }[];
}

/** Values that are the same in every message a company sends, so writing them in is right. */
const COMPANY_WIDE = (path: string) => path.startsWith('afzender.') || path.startsWith('ondertekenaar.') || path === 'kosten.interestvoet';

export function targetExpression(target: TemplateTarget, path: string): Maybe {
  const m = mappingFor(path);
  switch (target) {
    case 'source':
    case 'handlebars':
    case 'mustachio':
    case 'word':
      return m.field;
    case 'invoice-ninja':
      return m.invoiceNinja;
    case 'odoo-partner-15':
    case 'odoo-partner-14':
      return m.odooPartner;
    case 'odoo-oca-15':
    case 'odoo-oca-14':
      return m.odooCreditControl;
    case 'odoo-legacy':
      return m.odooLegacy;
    case 'plain':
      return NONE;
  }
}

/** Paths a target cannot fill itself, for the LEESMIJ. */
export function unsupportedPaths(target: TemplateTarget): string[] {
  return MAPPINGS.filter((m) => targetExpression(target, m.path) === NONE).map((m) => m.path);
}

// A zero-width space breaks an opening delimiter in literal text where the target has no escape.
const ZWSP = '\u200b';
/** Attribute escaping that keeps single quotes readable: Odoo expressions are full of them. */
const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function emitterFor(target: TemplateTarget, options: TemplateToOptions, unsupported: Converted['unsupported']): Emitter {
  const prefill = options.data ? preformattedRecord(options.data) : {};
  const fallback = (slot: Slot, context: SlotContext): string => {
    const field = PLACEHOLDERS.get(slot.path);
    const value = COMPANY_WIDE(slot.path) ? prefill[fieldName(slot.path)] : undefined;
    if (!unsupported.some((u) => u.path === slot.path)) unsupported.push({ path: slot.path, label: field?.label ?? slot.path, prefilled: Boolean(value) });
    return literalFor(value || `[${field?.label ?? slot.path}]`, context);
  };
  const literalFor = (text: string, context: SlotContext): string => {
    const html = context === 'html' ? escapeHtml(text) : text;
    switch (target) {
      case 'source':
      case 'handlebars':
        return html.replace(/\{\{/g, '\\{{');
      case 'mustachio':
      case 'odoo-partner-15':
      case 'odoo-oca-15':
        // Break every pair of braces, overlapping ones too ("{{{x}}}" must not keep a "{{").
        return html.replace(/\{(?=\{)/g, `{${ZWSP}`);
      case 'odoo-partner-14':
      case 'odoo-oca-14':
        return html.replace(/\$\{/g, `$${ZWSP}{`);
      case 'odoo-legacy':
        return html.replace(/%/g, '%%');
      case 'invoice-ninja':
        // Invoice Ninja replaces any `$name` it knows; a literal dollar must not start one.
        return context === 'html' ? html.replace(/\$/g, '&#36;') : html.replace(/\$(?=[A-Za-z_])/g, `$${ZWSP}`);
      case 'word':
      case 'plain':
        return html;
    }
  };
  const expression = (slot: Slot) => targetExpression(target, slot.path);
  return {
    literal: literalFor,
    value(slot, context) {
      const expr = expression(slot);
      if (expr === NONE) return fallback(slot, context);
      switch (target) {
        case 'source': {
          const inner = slot.helper ? `${slot.helper} ${slot.path}` : slot.path;
          return `{{${inner}}}`;
        }
        case 'handlebars':
          // {{x}} HTML-escapes; subject and text must not show "&amp;", so they use {{{x}}}.
          return context === 'html' ? `{{${expr}}}` : `{{{${expr}}}}`;
        case 'mustachio':
          return `{{ ${expr} }}`;
        case 'invoice-ninja':
        case 'odoo-legacy':
          return expr;
        case 'odoo-partner-15':
        case 'odoo-oca-15':
          return context === 'html' ? `<t t-out="${attr(`${expr} or ''`)}"/>` : `{{ ${expr} or '' }}`;
        case 'odoo-partner-14':
        case 'odoo-oca-14':
          // Mako reads the stored HTML as text: the expression must stay unescaped (it has no < > & ").
          return `\${${expr} or ''}`;
        case 'word':
          return `«${expr}»`;
        case 'plain':
          return fallback(slot, context);
      }
    },
    link(slot) {
      const expr = expression(slot);
      if (expr === NONE) return null;
      switch (target) {
        case 'source':
          return `href="{{${slot.path}}}"`;
        case 'handlebars':
          return `href="{{${expr}}}"`;
        case 'mustachio':
          return `href="{{ ${expr} }}"`;
        case 'invoice-ninja':
          return `href="${expr}"`;
        case 'odoo-partner-15':
        case 'odoo-oca-15':
          return `t-att-href="${attr(expr)}"`;
        case 'odoo-partner-14':
        case 'odoo-oca-14':
          return `href="\${${expr}}"`;
        case 'odoo-legacy':
        case 'word':
        case 'plain':
          return null;
      }
    },
  };
}

/** Converts a template's subject, preheader and body (text and HTML fragment) into a target's syntax. */
export function templateTo(target: TemplateTarget, doc: TemplateDoc, options: TemplateToOptions = {}): Converted {
  const unsupported: Converted['unsupported'] = [];
  const rendered = renderDoc(doc, emitterFor(target, options, unsupported), options.jurisdiction);
  return { ...rendered, unsupported };
}

// ---------------------------------------------------------------- Handlebars input -> target

/** {{path}}, {{{path}}} and {{helper path}} with Tijdig paths; `\{{` is Handlebars' escape for literal braces. */
const OUR_PLACEHOLDER = /(?<!\\)\{\{(\{?)\s*(?:(bedrag|datum)\s+)?([A-Za-z][A-Za-z0-9]*\.[A-Za-z][A-Za-z0-9]*)\s*\}?\}\}/g;

export type EmailPart = 'subject' | 'html' | 'text';

/**
 * Engines for toTargetVariables:
 * - 'handlebars' (SendGrid, Mailgun) HTML-escapes {{x}}, so subject and text get {{{x}}};
 * - 'ses' (Amazon SES): every variable is a triple-stash, which no Handlebars ever escapes, so the
 *   result does not depend on whether SES escapes {{x}}; the HTML part reads `<field>_html`, a copy
 *   the sender escapes once (sesTemplateData), subject and text read the plain value;
 * - 'mustachio' (Postmark): {{ x }}.
 */
export type EmailEngine = 'handlebars' | 'ses' | 'mustachio';

/** Suffix of the HTML-escaped copy of a field in SES template data. */
export const SES_HTML_SUFFIX = '_html';

/**
 * Rewrites Tijdig placeholders in a subject, HTML or text string into an e-mail service's variables.
 * Unknown paths throw: a typo must not reach a provider, where it would render as an empty string.
 */
export function toTargetVariables(engine: EmailEngine, source: string, part: EmailPart): string {
  return source.replace(OUR_PLACEHOLDER, (_all, _triple: string, _helper: string | undefined, path: string) => {
    const field = mappingFor(path).field;
    if (engine === 'mustachio') return `{{ ${field} }}`;
    if (engine === 'ses') return part === 'html' ? `{{{${field}${SES_HTML_SUFFIX}}}}` : `{{{${field}}}}`;
    return part === 'html' ? `{{${field}}}` : `{{{${field}}}}`;
  });
}
