/**
 * Build-time data for one template page: the template and its variants (one per legal case),
 * their compiled e-mails, the blank previews, the form fields and the JSON the workbench island
 * reads. The page's country and customer-type fields pick the variant; the island switches live.
 * Node only (compiledEmail runs mjml); nothing here is shipped to the browser except the JSON.
 */
import { LEGAL_CASES, type LegalCase } from '../../jurisdiction/ids.ts';
import { fill } from '../../model/fill.ts';
import { casesOf, familyOf } from '../../model/variants.ts';
import type { TemplateDoc } from '../../model/types.ts';
import { formatsOffered } from '../../render/formats.ts';
import { compiledEmail } from './compiled-email.ts';
import { fillEmail, type FilledEmail } from '../../render/html/fill.ts';
import type { CompiledEmail } from '../../render/html/types.ts';
import { renderText } from '../../render/text/index.ts';
import { styleElementHashes } from './csp.ts';
import { PLACEHOLDERS } from '../../content/schema.ts';
import { browserFields, caseExamples, constraints, formGroups, type FieldGroup, type FormFieldSpec } from './form-fields.ts';
import { GROUP_ORDER } from './labels.ts';
import { printPreviewHtml } from './print-preview.ts';
import type { WorkbenchData } from './workbench-types.ts';

export interface TemplatePage {
  groups: FieldGroup[];
  /** The case the page opens on: the first of its own text. */
  initialCase: LegalCase;
  data: WorkbenchData;
  /** The blank previews, filled with nothing: every placeholder shows as [pad]. */
  blank: { email: FilledEmail | null; text: string; print: string };
  styleHashes: string[];
}


/** Country and customer type pick the variant, so the form always asks both. */
const CASE_FIELDS = ['dossier.jurisdictie', 'dossier.klanttype'];

/** The fields of every text in the family, once each, in the form's group order. */
function familyGroups(family: readonly TemplateDoc[]): FieldGroup[] {
  const byPath = new Map<string, FormFieldSpec>();
  for (const path of CASE_FIELDS) byPath.set(path, { ...PLACEHOLDERS.get(path)!, ...constraints(path) });
  for (const doc of family) for (const g of formGroups(doc)) for (const f of g.fields) if (!byPath.has(f.path)) byPath.set(f.path, f);
  const all = [...byPath.values()];
  return GROUP_ORDER.map((group) => ({ group, fields: all.filter((f) => f.group === group) })).filter((g) => g.fields.length);
}

export async function templatePage(doc: TemplateDoc, templates: readonly TemplateDoc[] = [doc]): Promise<TemplatePage> {
  // The base page carries every case's text and switches between them; a variant's own page
  // carries only its text (and links to the base page), so the family's e-mails ship once.
  const family = doc.variantOf ? [doc] : familyOf(templates, doc.id);
  if (!family.includes(doc)) family.unshift(doc);
  const groups = familyGroups(family);
  const cases = Object.fromEntries(LEGAL_CASES.map((c) => [c, family.findIndex((t) => casesOf(t).includes(c))])) as Record<LegalCase, number>;
  const compiled: (CompiledEmail | null)[] = [];
  for (const t of family) compiled.push(t.kind === 'email' ? await compiledEmail(t, t.jurisdiction ? { jurisdiction: t.jurisdiction } : {}) : null);
  // The page opens on the first case of its own text.
  const initial = casesOf(doc)[0]!;
  const [jurisdictie, klanttype] = initial.split('-') as ['be' | 'nl', 'onderneming' | 'consument'];
  const dossier = { jurisdictie, klanttype };
  const filled = fill(doc, { dossier });
  const own: CompiledEmail | null = compiled[family.indexOf(doc)] ?? null;
  const email = own ? fillEmail(own, { dossier }) : null;
  const { fields } = browserFields(groups.flatMap((g) => g.fields));
  const caseExamplesOfPage = caseExamples(
    fields.map((f) => f.path),
    LEGAL_CASES.filter((c) => cases[c] >= 0),
  );
  const examples = caseExamplesOfPage[initial]!;
  const styleHashes = new Set<string>();
  for (const c of compiled) {
    if (!c) continue;
    for (const j of ['be', 'nl'] as const) for (const hash of styleElementHashes(fillEmail(c, { dossier: { jurisdictie: j } }).html)) styleHashes.add(hash);
  }
  return {
    groups,
    initialCase: initial,
    data: { doc, family, cases, compiled: null, familyCompiled: compiled, fields, formats: formatsOffered(doc.kind), examples, caseExamples: caseExamplesOfPage },
    blank: { email, text: renderText(filled), print: printPreviewHtml(filled) },
    styleHashes: [...styleHashes],
  };
}
