/**
 * Template files for transactional e-mail services (import-formats.md §4), from one e-mail whose
 * subject, HTML and text carry Tijdig placeholders ({{klant.naam}}, {{bedrag factuur.openstaand}}).
 * Variables become the flat fields of mapping.ts and are filled at send time with
 * preformattedRecord(data): the services cannot format amounts or dates themselves.
 *
 * - Amazon SES (CreateTemplate input for `aws ses create-template --cli-input-json`): Handlebars.
 *   Every variable is a triple-stash ({{{x}}}), never escaped by any Handlebars; HtmlPart reads
 *   `<field>_html`, which sesTemplateData() fills with the value escaped once. So each value is
 *   escaped exactly once, whatever SES does with {{x}}; `aws ses test-render-template` shows it.
 * - SendGrid: a dynamic template plus a version; generate_plain_content false keeps our text.
 * - Postmark: the folder that `postmark templates push` reads: <alias>/meta.json, content.html,
 *   content.txt; Mustachio syntax ({{ var }}).
 * - Mailgun: the form fields of one POST /v3/<domain>/templates call, which creates the template
 *   and, with `template`, its first (active) version; the subject lives in the `headers` JSON
 *   string. Mailgun has no separate plain-text template field [unverified], so our text part is
 *   not carried over.
 */
import type { TemplateDoc } from '../model/types.ts';
import { SES_HTML_SUFFIX, toTargetVariables, type EmailEngine } from './mapping.ts';
import { escapeHtml } from './render.ts';

export interface EmailSource {
  subject: string;
  html: string;
  text: string;
}

export interface ExportedFile {
  path: string;
  data: string;
}

/** SES TemplateName allows [a-zA-Z0-9_-]{1,64}; Postmark aliases must start with a letter. */
export function templateName(doc: TemplateDoc): string {
  return `tijdig-${doc.id}`.replace(/[^a-zA-Z0-9_-]/g, '-').slice(0, 64);
}

/** Every value HTML-escaped once. */
export function htmlEscapedRecord(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, escapeHtml(v)]));
}

/** SES TemplateData for one customer: each field as it is, and `<field>_html` escaped once for HtmlPart. */
export function sesTemplateData(record: Record<string, string>): Record<string, string> {
  return { ...record, ...Object.fromEntries(Object.entries(record).map(([k, v]) => [`${k}${SES_HTML_SUFFIX}`, escapeHtml(v)])) };
}

const json = (value: unknown) => JSON.stringify(value, null, 2) + '\n';

function convert(target: EmailEngine, source: EmailSource): EmailSource {
  return {
    subject: toTargetVariables(target, source.subject, 'subject'),
    html: toTargetVariables(target, source.html, 'html'),
    text: toTargetVariables(target, source.text, 'text'),
  };
}

export function sesTemplate(doc: TemplateDoc, source: EmailSource): ExportedFile {
  const t = convert('ses', source);
  return { path: `ses/${templateName(doc)}.json`, data: json({ Template: { TemplateName: templateName(doc), SubjectPart: t.subject, HtmlPart: t.html, TextPart: t.text } }) };
}

/** `testData`: sample values for SendGrid's preview (a JSON string, as the API expects). */
export function sendgridTemplate(doc: TemplateDoc, source: EmailSource, testData: Record<string, string>): ExportedFile {
  const t = convert('handlebars', source);
  const name = `Tijdig – ${doc.title}`.slice(0, 100);
  return {
    path: `sendgrid/${templateName(doc)}.json`,
    data: json({
      template: { name, generation: 'dynamic' },
      version: {
        name: templateName(doc),
        subject: t.subject,
        html_content: t.html,
        plain_content: t.text,
        generate_plain_content: false,
        active: 1,
        editor: 'code',
        test_data: JSON.stringify(testData),
      },
    }),
  };
}

export function postmarkTemplate(doc: TemplateDoc, source: EmailSource, testData: Record<string, string>): ExportedFile[] {
  const t = convert('mustachio', source);
  const alias = templateName(doc);
  const meta = { Name: `Tijdig – ${doc.title}`, Alias: alias, Subject: t.subject, TemplateType: 'Standard', TestRenderModel: testData };
  return [
    { path: `postmark/${alias}/meta.json`, data: json(meta) },
    { path: `postmark/${alias}/content.html`, data: t.html },
    { path: `postmark/${alias}/content.txt`, data: t.text },
  ];
}

export function mailgunTemplate(doc: TemplateDoc, source: EmailSource): ExportedFile {
  const t = convert('handlebars', source);
  // Mailgun lower-cases template names.
  const name = templateName(doc).toLowerCase();
  const headers = JSON.stringify({ Subject: t.subject });
  return {
    path: `mailgun/${name}.json`,
    data: json({ name, description: doc.title, template: t.html, tag: 'tijdig-1', comment: 'Gemaakt met Tijdig', headers }),
  };
}

/** A plain HTML document around a fragment, for when no rendered e-mail is supplied. `preheader` is text. */
export function simpleHtmlEmail(title: string, preheader: string, fragment: string): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="nl">',
    '<head>',
    '<meta charset="utf-8" />',
    '<meta name="viewport" content="width=device-width, initial-scale=1" />',
    `<title>${escapeHtml(title)}</title>`,
    '</head>',
    '<body style="margin: 0; padding: 16px; font-family: Arial, Helvetica, sans-serif; font-size: 15px; line-height: 1.5; color: #1a1a1a;">',
    // The preheader: the inbox preview line, hidden in the message itself.
    `<div style="display: none; max-height: 0; overflow: hidden;">${escapeHtml(preheader)}</div>`,
    '<div style="max-width: 600px;">',
    fragment.trimEnd(),
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
