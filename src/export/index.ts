/**
 * The whole exports/ folder of the pack, as a list of files. Pure and browser-safe: the pack builder
 * writes these to a zip on the server, the site can do the same in the browser with the user's data.
 */
import type { Content } from '../model/load.ts';
import { sampleFillData, type FillData } from '../content/schema.ts';
import type { TemplateDoc } from '../model/types.ts';
import { mergeDataCsv, scheduleCsv } from './csv.ts';
import { mailgunTemplate, postmarkTemplate, sendgridTemplate, sesTemplate, simpleHtmlEmail, type EmailSource } from './email-services.ts';
import { workflowToIcs } from './ics.ts';
import { invoiceNinjaSettings } from './invoice-ninja.ts';
import { killbillOverdueXml } from './killbill.ts';
import { leesmijExport } from './leesmij.ts';
import { preformattedRecord, templateTo, type TemplateTarget } from './mapping.ts';
import { odooCreditControl, odooFollowup } from './odoo.ts';
import { smsCsv } from './sms-csv.ts';
import { whatsappTemplates, whatsappVariablesCsv, type WhatsAppExport } from './whatsapp.ts';
import { wordMergeExport } from './word-merge.ts';

export interface ExportFile {
  path: string;
  data: string | Uint8Array;
}

export interface BuildExportsOptions {
  /** Sample (or real) due date the calendars and schedules count from, YYYY-MM-DD. */
  dueDate: string;
  /** DTSTAMP of every calendar event: fixed, so two builds give the same bytes. */
  dtstamp: Date | string;
  /** Right-hand side of calendar UIDs. Default: the host of linkBase, else "tijdig.example". */
  uidDomain?: string;
  /** Site origin for links back to the templates, e.g. "https://tijdig.be". */
  linkBase?: string;
  /** The user's own data: sender details are written in where a tool has no variable for them. */
  data?: FillData;
  /** Rows of the mail-merge sheet. Default: one row, `data` or the sample data. */
  mergeRows?: readonly FillData[];
  /** The designed e-mail with Tijdig placeholders; without it a simple HTML version is made. */
  emailSource?: (doc: TemplateDoc) => Promise<EmailSource>;
}

const ROOT = 'exports';

function simpleSource(doc: TemplateDoc): EmailSource {
  const c = templateTo('source', doc);
  return { subject: c.subject, html: simpleHtmlEmail(doc.title, c.preheader, c.html), text: c.text };
}

/** Labels of the placeholders a target cannot fill, over the given templates. */
function markers(target: TemplateTarget, docs: readonly TemplateDoc[], data?: FillData): string[] {
  const labels = new Set<string>();
  for (const doc of docs) for (const u of templateTo(target, doc, data ? { data } : {}).unsupported) if (!u.prefilled) labels.add(u.label);
  return [...labels].sort((a, b) => a.localeCompare(b, 'nl'));
}

export async function buildExports(content: Content, options: BuildExportsOptions): Promise<ExportFile[]> {
  const files: ExportFile[] = [];
  const add = (path: string, data: string) => files.push({ path: `${ROOT}/${path}`, data });
  const { workflows, templates } = content;
  const uidDomain = options.uidDomain ?? (options.linkBase ? new URL(options.linkBase).hostname : 'tijdig.example');
  const dataOption = options.data ? { data: options.data } : {};
  const byId = new Map(templates.map((t) => [t.id, t]));
  const stepDocs = (ids: readonly string[]) => ids.map((id) => byId.get(id)).filter((d): d is TemplateDoc => Boolean(d));

  for (const workflow of workflows) {
    add(`ics/${workflow.id}.ics`, workflowToIcs(workflow, templates, { dueDate: options.dueDate, uidDomain, dtstamp: options.dtstamp, ...(options.linkBase ? { linkBase: options.linkBase } : {}), ...dataOption }));
    add(`csv/${workflow.id}-excel-nl.csv`, scheduleCsv(workflow, { dueDate: options.dueDate, flavour: 'excel-nl' }));
    add(`csv/${workflow.id}-import.csv`, scheduleCsv(workflow, { dueDate: options.dueDate, flavour: 'import' }));
    const sms = smsCsv(workflow, templates);
    if (sms) add(`sms/${workflow.id}.csv`, sms);
  }
  // WhatsApp: one create-template request per step and country, and which field goes where.
  const whatsapp: { workflow: (typeof workflows)[number]; step: (typeof workflows)[number]['stappen'][number]; result: WhatsAppExport }[] = [];
  const whatsappNames = new Set<string>();
  for (const workflow of workflows) {
    for (const { step, result } of whatsappTemplates(workflow, templates)) {
      whatsapp.push({ workflow, step, result });
      if (whatsappNames.has(result.template.name)) continue;
      whatsappNames.add(result.template.name);
      add(`whatsapp/${result.template.name}.json`, JSON.stringify(result.template, null, 2) + '\n');
    }
  }
  if (whatsapp.length) add('whatsapp/variabelen.csv', whatsappVariablesCsv(whatsapp));

  const mergeRows = options.mergeRows ?? [options.data ?? sampleFillData()];
  add('csv/samenvoegvelden-excel-nl.csv', mergeDataCsv(mergeRows, 'excel-nl'));
  add('csv/samenvoegvelden-import.csv', mergeDataCsv(mergeRows, 'import'));

  // Word mail merge: every letter with MERGEFIELDs, and the same data source beside them.
  const fixedDate = typeof options.dtstamp === 'string' ? options.dtstamp : options.dtstamp.toISOString();
  const wordMerge = await wordMergeExport(templates, { rows: mergeRows, fixedDate });
  for (const file of wordMerge.files) files.push({ path: `${ROOT}/${file.path}`, data: file.data });

  // Sample values for the services' previews: never the user's customers.
  const testData = preformattedRecord(sampleFillData());
  const emails = templates.filter((t) => t.kind === 'email');
  for (const doc of emails) {
    const source = options.emailSource ? await options.emailSource(doc) : simpleSource(doc);
    const service = [sesTemplate(doc, source), sendgridTemplate(doc, source, testData), ...postmarkTemplate(doc, source, testData), mailgunTemplate(doc, source)];
    for (const file of service) add(`email-services/${file.path}`, file.data);
  }

  const invoiceNinja = workflows.map((workflow) => {
    const result = invoiceNinjaSettings(workflow, templates, dataOption);
    add(`invoice-ninja/${workflow.id}.json`, JSON.stringify(result.payload, null, 2) + '\n');
    return { workflow, notCarried: result.notCarried };
  });

  for (const workflow of workflows) {
    for (const file of [...odooFollowup(workflow, templates, '16+', dataOption), ...odooFollowup(workflow, templates, '15-', dataOption)]) add(file.path, file.data);
  }
  for (const file of [...odooCreditControl(workflows, templates, '15+', dataOption), ...odooCreditControl(workflows, templates, '14-', dataOption)]) add(file.path, file.data);

  // Kill Bill bills subscriptions: the subscription workflow when there is one, else every workflow.
  const subscription = workflows.filter((w) => w.id === 'abonnement');
  const killbill = (subscription.length ? subscription : workflows).filter((w) => w.stappen.some((s) => s.offset > 0));
  for (const workflow of killbill) add(`killbill/overdue-${workflow.id}.xml`, killbillOverdueXml(workflow));

  const workflowDocs = stepDocs(workflows.flatMap((w) => w.stappen.map((s) => s.template)));
  add(
    'LEESMIJ-export.txt',
    leesmijExport({
      dueDate: options.dueDate,
      workflows,
      emailTemplateCount: emails.length,
      personalised: Boolean(options.data),
      invoiceNinja,
      invoiceNinjaMarkers: markers('invoice-ninja', workflowDocs.filter((d) => d.kind === 'email'), options.data),
      odooMarkers: markers('odoo-partner-15', workflowDocs.filter((d) => d.kind === 'email'), options.data),
      killbill: killbill.map((workflow) => ({ workflow, skipped: workflow.stappen.filter((s) => s.offset <= 0).length })),
      designedEmails: Boolean(options.emailSource),
    }),
  );
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export { templateTo, preformattedRecord, machineRecord, toTargetVariables, MAPPINGS, CSV_HEADERS, mappingFor } from './mapping.ts';
export { workflowToIcs, planToIcs } from './ics.ts';
export { scheduleCsv, mergeDataCsv } from './csv.ts';
export { htmlEscapedRecord, sesTemplateData, type EmailSource } from './email-services.ts';
export { emailSourceFrom, withPlaceholderBlocks, type DesignedEmailSource } from './email-source.ts';
export { mergeLetterDocx, wordMergeExport, WORD_MERGE_DIR, WORD_MERGE_DATA } from './word-merge.ts';
