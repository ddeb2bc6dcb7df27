/**
 * Which form fields a template needs: every placeholder the filled document asks for (its text,
 * subject, directives and, for letters, the letter frame), found by asking fill() itself, so the
 * form never drifts from what the renderers print. Computed values become the inputs they are
 * computed from (src/model/compute.ts). Build time only: reads the zod schema for choices and limits.
 */
import { z } from 'zod';
import { FillData, PLACEHOLDERS, type FieldMeta, type PlaceholderField } from '../../content/schema.ts';
import { fill } from '../../model/fill.ts';
import type { FilledDocument, Run, TemplateDoc } from '../../model/types.ts';
import { formatMoney, formatPercent } from '../../model/format.ts';
import { GROUP_ORDER } from './labels.ts';
import { sampleFillDataFor } from '../../content/sample.ts';
import type { LegalCase } from '../../jurisdiction/ids.ts';
import type { FieldSpec } from './workbench-types.ts';

/** What the law computes interest and compensation from (src/model/compute.ts statutoryInterest). */
const STATUTORY = ['dossier.jurisdictie', 'dossier.klanttype', 'factuur.vervaldatum', 'data.verzending', 'factuur.openstaand'];

/** What each computed value is made of; kosten.* is typed or, when left empty, computed. */
const COMPUTED_FROM: Record<string, readonly string[]> = {
  'berekend.dagenTeLaat': ['factuur.vervaldatum', 'data.verzending'],
  'berekend.totaalOpen': ['factuur.openstaand'],
  'berekend.totaalTeBetalen': ['factuur.openstaand', 'kosten.interest', 'kosten.forfait', ...STATUTORY],
  'berekend.saldo': ['factuur.openstaand', 'betaling.ontvangen'],
  'berekend.termijnbedrag': ['factuur.openstaand', 'afspraak.aantalTermijnen'],
  'kosten.interest': ['kosten.interest', ...STATUTORY],
  'kosten.interestvoet': ['kosten.interestvoet', ...STATUTORY],
  'kosten.forfait': ['kosten.forfait', ...STATUTORY],
};

/** How many times fill() asks for each placeholder path, plus every path left unfilled in a blank fill. */
function requests(doc: TemplateDoc): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (path: string) => counts.set(path, (counts.get(path) ?? 0) + 1);
  fill(doc, {}, { placeholder: (ref) => (add(ref.path), { text: '' }) });
  // Blocks that fill() builds itself (interest breakdown, instalment plan) name their gaps as missing runs.
  for (const path of missingPaths(fill(doc, {}))) add(path);
  return counts;
}

function missingPaths(filled: FilledDocument): string[] {
  const paths: string[] = [];
  const visit = (runs: readonly Run[]) => runs.forEach((r) => r.missing && paths.push(r.missing));
  filled.blocks.forEach((b) => {
    if ('runs' in b) visit(b.runs);
    if (b.type === 'list') b.items.forEach(visit);
    if (b.type === 'paymentButton') visit(b.label);
  });
  return paths;
}

/** Placeholder paths a template uses (and the inputs of the values computed for it). */
export function usedPaths(doc: TemplateDoc): Set<string> {
  const all = requests(doc);
  // fill() always builds the letter frame; only letters print it. Subtract what an empty document
  // of the same kind asks for (a multiset difference, so a path used by the frame and the text stays).
  if (doc.kind !== 'brief') {
    const frame = requests({ ...doc, subject: [], preheader: [], blocks: [] });
    for (const [path, n] of frame) all.set(path, (all.get(path) ?? 0) - n);
  }
  const used = new Set<string>();
  for (const [path, n] of all) {
    if (n <= 0) continue;
    for (const source of COMPUTED_FROM[path] ?? [path]) used.add(source);
  }
  // A Belgian consumer owes interest only after the first reminder's term: its date is an input.
  if (doc.cases?.includes('be-consument') && ['kosten.interest', 'kosten.interestvoet', 'berekend.totaalTeBetalen'].some((p) => all.get(p))) used.add('data.eersteHerinnering');
  // An email is also saved as an .eml draft: its From and To come from these.
  if (doc.kind === 'email') for (const path of ['afzender.naam', 'afzender.email', 'klant.email']) used.add(path);
  // A template fixed to one country needs no country field; fill() takes it from the template.
  if (doc.jurisdiction) used.delete('dossier.jurisdictie');
  else used.add('dossier.jurisdictie');
  return used;
}

export interface FormFieldSpec extends PlaceholderField {
  /** For kind 'keuze': the allowed values. */
  options?: string[];
  min?: number;
  max?: number;
  maxLength?: number;
}

export interface FieldGroup {
  group: FieldMeta['group'];
  fields: FormFieldSpec[];
}

function schemaOf(path: string): z.ZodType | undefined {
  const [group, name] = path.split('.') as [string, string];
  const outer = (FillData.shape as Record<string, z.ZodType>)[group];
  const inner = outer instanceof z.ZodOptional ? outer.unwrap() : outer;
  if (!(inner instanceof z.ZodObject)) return undefined;
  const field = (inner.shape as Record<string, z.ZodType>)[name];
  return field instanceof z.ZodOptional ? (field.unwrap() as z.ZodType) : field;
}

/** Choices, numeric bounds and length limits straight from the zod schema. */
export function constraints(path: string): Pick<FormFieldSpec, 'options' | 'min' | 'max' | 'maxLength'> {
  const schema = schemaOf(path);
  const out: Pick<FormFieldSpec, 'options' | 'min' | 'max' | 'maxLength'> = {};
  if (schema instanceof z.ZodEnum) out.options = schema.options.map(String);
  if (schema instanceof z.ZodNumber) {
    if (Number.isFinite(schema.minValue)) out.min = schema.minValue!;
    if (Number.isFinite(schema.maxValue)) out.max = schema.maxValue!;
  }
  if (schema instanceof z.ZodString && schema.maxLength !== null) out.maxLength = schema.maxLength;
  return out;
}

/** The form: one field per used placeholder, grouped and in schema order. */
export function formGroups(doc: TemplateDoc): FieldGroup[] {
  const used = usedPaths(doc);
  const fields: FormFieldSpec[] = [...PLACEHOLDERS.values()]
    .filter((f) => used.has(f.path) && f.group !== 'berekend')
    .map((f) => ({ ...f, ...constraints(f.path) }));
  return GROUP_ORDER.map((group) => ({ group, fields: fields.filter((f) => f.group === group) })).filter((g) => g.fields.length);
}

/** A value as a user would type it: "1.240,50", "10,5", "2026-10-31". */
function asTyped(field: PlaceholderField, value: string | number): string {
  if (field.kind === 'bedrag' && typeof value === 'number') return formatMoney(value).replace(/^€\s*/, '');
  if (field.kind === 'percentage' && typeof value === 'number') return formatPercent(value).replace(/\s*%$/, '');
  return String(value);
}

/** The example as a user would type it: "1.240,50", "10,5", "2026-10-31". */
export function exampleInput(path: string): string | undefined {
  const field = PLACEHOLDERS.get(path);
  return field ? asTyped(field, field.voorbeeld) : undefined;
}

/**
 * Per legal case, the examples of `paths` taken from that case's sample data (a Dutch address, IBAN
 * and betalingskenmerk; a private person as the consumer), "" where the case has none, so a
 * consumer letter gets no contact person. A page switching cases shows the examples of the case chosen.
 */
export function caseExamples(paths: readonly string[], cases: readonly LegalCase[]): Partial<Record<LegalCase, Record<string, string>>> {
  const out: Partial<Record<LegalCase, Record<string, string>>> = {};
  for (const legalCase of cases) {
    const sample = sampleFillDataFor(legalCase) as Record<string, Record<string, string | number> | undefined>;
    const examples: Record<string, string> = {};
    for (const path of paths) {
      const field = PLACEHOLDERS.get(path);
      if (!field) continue;
      const [group, name] = path.split('.') as [string, string];
      const value = sample[group]?.[name];
      examples[path] = value === undefined ? '' : asTyped(field, value);
    }
    out[legalCase] = examples;
  }
  return out;
}

/** What a browser form needs of its fields: plain specs, and each example as a user would type it. */
export function browserFields(specs: readonly FormFieldSpec[]): { fields: FieldSpec[]; examples: Record<string, string> } {
  const fields: FieldSpec[] = specs.map(({ path, kind, group, label, options, min, max }) => ({
    path,
    kind,
    group,
    label,
    ...(options ? { options } : {}),
    ...(min !== undefined ? { min } : {}),
    ...(max !== undefined ? { max } : {}),
  }));
  const examples: Record<string, string> = {};
  for (const f of fields) {
    const example = exampleInput(f.path);
    if (example !== undefined) examples[f.path] = example;
  }
  return { fields, examples };
}
