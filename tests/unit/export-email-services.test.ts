/**
 * The e-mail service files, parsed back and compiled with handlebars.js in strict mode (a missing
 * variable throws). The zod schemas restate the providers' documented shapes: SES CreateTemplate (CloudFormation AWS::SES::Template,
 * TemplateName ^[a-zA-Z0-9_-]{1,64}$), SendGrid v3 templates/versions (twilio/sendgrid-oai
 * tsg_templates_v3.yaml: name ≤ 100, subject ≤ 255, html_content ≤ 1,048,576 bytes, generation,
 * generate_plain_content, active 0|1, editor code|design, test_data a JSON string), Postmark
 * (postmark-cli createManifest: one folder per template with meta.json, content.html, content.txt;
 * Alias starts with a letter), Mailgun (the form fields of one POST /v3/{domain}/templates call:
 * name, description, template, tag, comment, headers).
 */
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { sampleFillData } from '../../src/content/schema.ts';
import { mailgunTemplate, postmarkTemplate, sendgridTemplate, sesTemplate, sesTemplateData, templateName, type EmailSource } from '../../src/export/email-services.ts';
import { buildExports } from '../../src/export/index.ts';
import { CSV_HEADERS, preformattedRecord } from '../../src/export/mapping.ts';
import type { TemplateDoc } from '../../src/model/types.ts';
import { readContent } from '../../src/pack/read-content.ts';

const loaded = readContent(process.cwd());
if (!loaded.ok) throw new Error('content invalid');
const content = loaded.content;
const record = preformattedRecord(sampleFillData());

const Ses = z.strictObject({
  Template: z.strictObject({
    TemplateName: z.string().regex(/^[a-zA-Z0-9_-]{1,64}$/),
    SubjectPart: z.string().min(1),
    HtmlPart: z.string().min(1),
    TextPart: z.string().min(1),
  }),
});
const SendGrid = z.strictObject({
  template: z.strictObject({ name: z.string().min(1).max(100), generation: z.literal('dynamic') }),
  version: z.strictObject({
    name: z.string().min(1).max(100),
    subject: z.string().min(1).max(255),
    html_content: z.string().refine((s) => new TextEncoder().encode(s).length <= 1_048_576),
    plain_content: z.string().min(1),
    generate_plain_content: z.literal(false),
    active: z.union([z.literal(0), z.literal(1)]),
    editor: z.enum(['code', 'design']),
    test_data: z.string().refine((s) => typeof JSON.parse(s) === 'object'),
  }),
});
const PostmarkMeta = z.strictObject({
  Name: z.string().min(1),
  Alias: z.string().regex(/^[a-zA-Z][a-zA-Z0-9._-]*$/),
  Subject: z.string().min(1),
  TemplateType: z.enum(['Standard', 'Layout']),
  LayoutTemplate: z.string().optional(),
  TestRenderModel: z.record(z.string(), z.unknown()).optional(),
});
// One call creates the template and, because `template` is given, its first version.
const Mailgun = z.strictObject({
  name: z.string().regex(/^[a-z0-9_-]+$/),
  description: z.string(),
  template: z.string().min(1),
  tag: z.string().min(1),
  comment: z.string(),
  headers: z.string().transform((s) => z.strictObject({ Subject: z.string().min(1) }).parse(JSON.parse(s))),
});

const compile = (source: string, data: Record<string, string>) => Handlebars.compile(source, { strict: true })(data);

/** Postmark's Mustachio: only {{ var }} with a plain path; no helpers, blocks, partials or triple-stash. */
function mustachioVariables(source: string): string[] {
  const tags = source.match(/\{\{[^}]*\}\}\}?/g) ?? [];
  return tags.map((tag) => {
    expect(tag).toMatch(/^\{\{ [a-z][a-z0-9_]*(?:\.[a-z0-9_]+)* \}\}$/);
    return tag.slice(3, -3);
  });
}

describe('e-mail service files', async () => {
  const files = await buildExports(content, { dueDate: '2026-10-31', dtstamp: '2026-01-01T00:00:00Z' });
  const text = (path: string) => {
    const file = files.find((f) => f.path === `exports/email-services/${path}`);
    if (!file) throw new Error(`missing ${path}`);
    return String(file.data);
  };
  const emails = content.templates.filter((t) => t.kind === 'email');

  it('exports every e-mail template to every service', () => {
    expect(emails.length).toBeGreaterThan(5);
    for (const doc of emails) {
      const name = templateName(doc);
      for (const path of [`ses/${name}.json`, `sendgrid/${name}.json`, `postmark/${name}/meta.json`, `postmark/${name}/content.html`, `postmark/${name}/content.txt`, `mailgun/${name}.json`]) expect(() => text(path)).not.toThrow();
    }
  });

  it('SES: valid CreateTemplate input; every part compiles strictly against the sample template data', () => {
    for (const doc of emails) {
      const ses = Ses.parse(JSON.parse(text(`ses/${templateName(doc)}.json`))).Template;
      expect(compile(ses.SubjectPart, sesTemplateData(record))).toContain(record['factuur_nummer']!);
      const html = compile(ses.HtmlPart, sesTemplateData(record));
      expect(html).toMatch(/^<!DOCTYPE html>/);
      expect(html).not.toMatch(/\{\{|\}\}/);
      expect(compile(ses.TextPart, sesTemplateData(record))).not.toMatch(/\{\{|\}\}/);
      // Only triple-stash variables: the output is the same whether SES escapes {{x}} or not.
      for (const part of [ses.SubjectPart, ses.HtmlPart, ses.TextPart]) expect(part.replace(/\\\{\{/g, '')).not.toMatch(/(?<!\{)\{\{(?!\{)[a-z]/);
      expect(ses.HtmlPart).toMatch(/\{\{\{[a-z_]+_html\}\}\}/);
      expect(`${ses.SubjectPart}${ses.TextPart}`).not.toMatch(/_html\}/);
    }
  });

  it('SES: every value is escaped exactly once in the HTML and never in subject or text, escaping or not', () => {
    const doc = emails.find((d) => /klant\.contactpersoon/.test(JSON.stringify(d.blocks)))!;
    const ses = Ses.parse(JSON.parse(text(`ses/${templateName(doc)}.json`))).Template;
    const hostile = sesTemplateData({ ...record, klant_contactpersoon: 'Jan <img src=x onerror=alert(1)> & "Zn"', factuur_nummer: 'A&B' });
    // Both ways SES might render {{x}}: escaping (handlebars.js default) and not escaping.
    for (const noEscape of [false, true]) {
      const html = Handlebars.compile(ses.HtmlPart, { strict: true, noEscape })(hostile);
      expect(html).not.toContain('<img');
      expect(html).toContain('Jan &lt;img src=x onerror=alert(1)&gt; &amp; &quot;Zn&quot;');
      expect(html).not.toContain('&amp;lt;');
      expect(Handlebars.compile(ses.SubjectPart, { strict: true, noEscape })(hostile)).toContain('A&B');
      expect(Handlebars.compile(ses.TextPart, { strict: true, noEscape })(hostile)).not.toContain('&amp;');
    }
  });

  it('SendGrid: dynamic template + version with our own text part; compiles strictly', () => {
    for (const doc of emails) {
      const sg = SendGrid.parse(JSON.parse(text(`sendgrid/${templateName(doc)}.json`)));
      const testData = JSON.parse(sg.version.test_data) as Record<string, string>;
      expect(Object.keys(testData)).toEqual([...CSV_HEADERS]);
      for (const part of [sg.version.subject, sg.version.html_content, sg.version.plain_content]) expect(() => compile(part, testData)).not.toThrow();
      // Text parts use the triple-stash: an ampersand in a name is not written as &amp;.
      expect(compile(sg.version.plain_content, { ...testData, afzender_naam: 'Peeters & Zn' })).not.toContain('&amp;');
    }
  });

  it('Postmark: a push folder per template, Mustachio subset only, every variable in the test model', () => {
    // Re-implements postmark-cli's manifest read: every folder holding a meta.json is one template.
    const metas = files.filter((f) => /^exports\/email-services\/postmark\/[^/]+\/meta\.json$/.test(f.path));
    expect(metas).toHaveLength(emails.length);
    for (const file of metas) {
      const folder = file.path.split('/')[3]!;
      const meta = PostmarkMeta.parse(JSON.parse(String(file.data)));
      expect(meta.Alias).toBe(folder);
      const html = text(`postmark/${folder}/content.html`);
      const txt = text(`postmark/${folder}/content.txt`);
      for (const part of [meta.Subject, html, txt]) {
        for (const variable of mustachioVariables(part)) expect(meta.TestRenderModel, variable).toHaveProperty(variable);
        expect(() => compile(part, meta.TestRenderModel as Record<string, string>)).not.toThrow();
      }
    }
  });

  it('Mailgun: the fields of one create call, subject in the headers JSON; compiles strictly', () => {
    for (const doc of emails) {
      const mg = Mailgun.parse(JSON.parse(text(`mailgun/${templateName(doc).toLowerCase()}.json`)));
      expect(() => compile(mg.template, record)).not.toThrow();
      expect(compile(mg.headers.Subject, record)).toContain(record['factuur_nummer']!);
    }
  });
});

describe('an e-mail source from the HTML renderer', () => {
  const doc = content.templates.find((t) => t.kind === 'email') as TemplateDoc;
  const source: EmailSource = {
    subject: 'Factuur {{factuur.nummer}}',
    html: '<p>Beste {{klant.contactpersoon}}, open: <b>{{bedrag factuur.openstaand}}</b> <a href="{{betaling.link}}">betalen</a></p>',
    text: 'Beste {{klant.contactpersoon}}, open: {{bedrag factuur.openstaand}}',
  };

  it('is converted per service and still compiles', () => {
    const ses = Ses.parse(JSON.parse(sesTemplate(doc, source).data)).Template;
    expect(ses.HtmlPart).toBe('<p>Beste {{{klant_contactpersoon_html}}}, open: <b>{{{factuur_openstaand_html}}}</b> <a href="{{{betaling_link_html}}}">betalen</a></p>');
    expect(ses.TextPart).toBe('Beste {{{klant_contactpersoon}}}, open: {{{factuur_openstaand}}}');
    expect(compile(ses.HtmlPart, sesTemplateData(record))).toContain('€ 1.240,50');
    const [meta, html] = postmarkTemplate(doc, source, record);
    expect(PostmarkMeta.parse(JSON.parse(meta!.data)).Subject).toBe('Factuur {{ factuur_nummer }}');
    expect(mustachioVariables(html!.data)).toEqual(['klant_contactpersoon', 'factuur_openstaand', 'betaling_link']);
    expect(SendGrid.parse(JSON.parse(sendgridTemplate(doc, source, record).data)).version.subject).toBe('Factuur {{{factuur_nummer}}}');
    expect(Mailgun.parse(JSON.parse(mailgunTemplate(doc, source).data)).headers.Subject).toBe('Factuur {{{factuur_nummer}}}');
  });

  it('is used by buildExports when given', async () => {
    const files = await buildExports(content, { dueDate: '2026-10-31', dtstamp: '2026-01-01T00:00:00Z', emailSource: async () => source });
    const ses = files.find((f) => f.path === `exports/email-services/ses/${templateName(doc)}.json`)!;
    expect(Ses.parse(JSON.parse(String(ses.data))).Template.TextPart).toBe('Beste {{{klant_contactpersoon}}}, open: {{{factuur_openstaand}}}');
  });
});
