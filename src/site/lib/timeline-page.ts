/**
 * Build-time data for the timeline builder (/tijdlijn/): the playbooks, a light template catalog
 * (no compiled email: that is fetched per template only when the pack is downloaded, see
 * pages/tijdlijn/sjablonen/[file].json.ts) and the pack form's fields. Node only.
 */
import { CHANNELS, KINDS_FOR_CHANNEL, PLACEHOLDERS, TONES, type Jurisdiction } from '../../content/schema.ts';
import type { TemplateDoc } from '../../model/types.ts';
import { compiledEmail } from './compiled-email.ts';
import { describeTemplate } from '../../timeline/index.ts';
import { casesOf } from '../../model/variants.ts';
import { getContent } from './content.ts';
import { browserFields, constraints, usedPaths, type FormFieldSpec } from './form-fields.ts';
import { GROUP_ORDER } from './labels.ts';
import { PLAN_PATHS, type CatalogTemplate, type TemplateData, type TimelineData } from './timeline-types.ts';

/** The pack form's fields: what the templates ask beyond what the plan supplies. */
const askedPaths = (doc: TemplateDoc): string[] => [...usedPaths(doc)].filter((p) => !PLAN_PATHS.has(p) && !p.startsWith('berekend.'));

export function catalogEntry(doc: TemplateDoc): CatalogTemplate {
  const { claimsCosts, fourteenDayLetter } = describeTemplate(doc);
  return {
    id: doc.id,
    file: doc.id,
    cases: [...casesOf(doc)],
    variantOf: doc.variantOf ?? null,
    title: doc.title,
    kind: doc.kind,
    purpose: doc.purpose,
    registered: doc.registered,
    jurisdiction: doc.jurisdiction ?? null,
    claimsCosts,
    fourteenDayLetter,
    subject: doc.subject,
    fields: askedPaths(doc),
  };
}

export interface TimelinePage {
  data: TimelineData;
  /** The same fields with their zod limits, for FormField.astro, grouped in form order. */
  groups: { group: FormFieldSpec['group']; fields: FormFieldSpec[] }[];
  examples: Record<string, string>;
}

export function timelinePage(): TimelinePage {
  const { workflows, templates } = getContent();
  const catalog = templates.map(catalogEntry);
  const asked = new Set(catalog.flatMap((t) => t.fields));
  const specs: FormFieldSpec[] = [...PLACEHOLDERS.values()].filter((f) => asked.has(f.path)).map((f) => ({ ...f, ...constraints(f.path) }));
  const groups = GROUP_ORDER.map((group) => ({ group, fields: specs.filter((f) => f.group === group) })).filter((g) => g.fields.length);
  const { fields, examples } = browserFields(groups.flatMap((g) => g.fields));
  const defaultWorkflow = workflows.find((w) => w.id === 'standaard')?.id ?? workflows[0]!.id;
  const choices = { channels: CHANNELS, tones: TONES, kindsForChannel: KINDS_FOR_CHANNEL };
  return { data: { workflows, choices, templates: catalog, fields, examples, defaultWorkflow }, groups, examples };
}

/** One static file per template and country it can be filled for. */
export function templateDataFiles(): { file: string; doc: TemplateDoc; jurisdiction: Jurisdiction }[] {
  return getContent().templates.flatMap((doc) => (doc.jurisdiction ? [doc.jurisdiction] : (['be', 'nl'] as const)).map((jurisdiction) => ({ file: `${doc.id}-${jurisdiction}`, doc, jurisdiction })));
}

export async function templateData(doc: TemplateDoc, jurisdiction: Jurisdiction): Promise<TemplateData> {
  return { doc, compiled: doc.kind === 'email' ? await compiledEmail(doc, { jurisdiction }) : null };
}
