/**
 * The SMS texts in the pack: one CSV per playbook for SMS services. Apart from sms.ts so the
 * template page's counter does not load the CSV and mapping code.
 */
import { sampleFillData, type Workflow } from '../content/schema.ts';
import type { TemplateDoc } from '../model/types.ts';
import { offsetLabel } from '../vocabulary/naming.ts';
import { toCsv } from './csv.ts';
import { fieldName } from './mapping.ts';
import { fillSms, PLACEHOLDER, smsDocsForStep, smsSource } from './sms.ts';

/** The SMS with the merge-field names of the other exports ({{factuur_nummer}}), for SMS services. */
export function smsWithFields(source: string): string {
  return source.replace(PLACEHOLDER, (_all, _helper: string | undefined, path: string) => `{{${fieldName(path)}}}`);
}

/**
 * One CSV per playbook for SMS services (Dutch Excel flavour): per step, per text (the template and
 * its variants for other cases) and country the text with
 * the merge-field names, the same text filled with the sample data, and what that costs.
 */
export function smsCsv(workflow: Workflow, templates: readonly TemplateDoc[]): string | null {
  const rows: string[][] = [];
  for (const step of workflow.stappen) {
    for (const doc of smsDocsForStep(step, templates)) for (const land of doc.jurisdiction ? [doc.jurisdiction] : (['be', 'nl'] as const)) {
      const sample = fillSms(doc, { ...sampleFillData(), dossier: { jurisdictie: land, klanttype: 'onderneming' } }, { jurisdiction: land })!;
      rows.push([offsetLabel(step.offset), step.titel, doc.id, land, smsWithFields(smsSource(doc, land)!), sample.text, String(sample.count.units), String(sample.count.segments), sample.count.encoding]);
    }
  }
  if (!rows.length) return null;
  return toCsv([['dag', 'stap', 'sjabloon', 'land', 'tekst', 'voorbeeld', 'tekens', 'sms', 'codering'], ...rows], 'excel-nl');
}
