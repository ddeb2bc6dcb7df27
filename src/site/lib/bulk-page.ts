/**
 * Build-time data for the bulk page (/meerdere-facturen/): the playbooks and the sender's form
 * fields, shipped inline (small), and per playbook a JSON file with its templates and compiled
 * e-mails, which the browser fetches only when the user makes the pack. Node only.
 */
import { familyOf } from '../../model/variants.ts';
import { PLACEHOLDERS } from '../../content/schema.ts';
import { compiledEmail } from './compiled-email.ts';
import type { CompiledEmail } from '../../render/html/types.ts';
import { getContent } from './content.ts';
import { browserFields, constraints, type FormFieldSpec } from './form-fields.ts';
import { REMEMBERED_GROUPS } from './workbench-types.ts';
import type { BulkPageData, BulkWorkflowData } from './bulk-types.ts';

export interface BulkPage {
  data: BulkPageData;
  /** The sender's fields with their limits, for FormField.astro, per group. */
  senderGroups: { group: FormFieldSpec['group']; fields: FormFieldSpec[] }[];
}

export function bulkPage(): BulkPage {
  const { workflows } = getContent();
  const specs: FormFieldSpec[] = [...PLACEHOLDERS.values()].filter((f) => REMEMBERED_GROUPS.includes(f.group)).map((f) => ({ ...f, ...constraints(f.path) }));
  const senderGroups = REMEMBERED_GROUPS.map((group) => ({ group, fields: specs.filter((f) => f.group === group) })).filter((g) => g.fields.length);
  const { fields: senderFields, examples } = browserFields(specs);
  const defaultWorkflow = workflows.find((w) => w.id === 'standaard')?.id ?? workflows[0]!.id;
  return { data: { workflows, defaultWorkflow, senderFields, examples }, senderGroups };
}

/** Every template a playbook's steps use (with their variants), with the compiled e-mail for each e-mail template. */
export async function bulkWorkflowData(id: string): Promise<BulkWorkflowData> {
  const { workflows, templates } = getContent();
  const workflow = workflows.find((w) => w.id === id);
  if (!workflow) throw new Error(`draaiboek "${id}" bestaat niet`);
  const ids = [...new Set(workflow.stappen.map((s) => s.template))];
  // Each step's base template and its variants: the run picks the text for each customer's case.
  const docs = ids.flatMap((t) => {
    const family = familyOf(templates, t);
    if (!family.length) throw new Error(`draaiboek "${id}": sjabloon "${t}" bestaat niet`);
    return family;
  });
  const compiled: Record<string, CompiledEmail> = {};
  for (const doc of docs) if (doc.kind === 'email') compiled[doc.id] = await compiledEmail(doc);
  return { workflow: id, templates: docs, compiled };
}
