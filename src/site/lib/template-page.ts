/**
 * Build-time data for one template page: the compiled email (per jurisdiction when the template
 * fits both), the blank previews, the form fields and the JSON the workbench island reads.
 * Node only (compileEmail runs mjml); nothing here is shipped to the browser except the JSON.
 */
import { PLACEHOLDERS, type Jurisdiction } from '../../content/schema.ts';
import { fill } from '../../model/fill.ts';
import { formatMoney, formatPercent } from '../../model/format.ts';
import type { TemplateDoc } from '../../model/types.ts';
import { compileEmail } from '../../render/html/compile.ts';
import { fillEmail, type FilledEmail } from '../../render/html/fill.ts';
import type { CompiledEmail } from '../../render/html/types.ts';
import { renderText } from '../../render/text/index.ts';
import { styleElementHashes } from './csp.ts';
import { formGroups, type FieldGroup } from './form-fields.ts';
import { printPreviewHtml } from './print-preview.ts';
import type { DownloadFormat, FieldSpec, WorkbenchData } from './workbench-types.ts';

export interface TemplatePage {
  groups: FieldGroup[];
  data: WorkbenchData;
  /** The blank previews, filled with nothing: every placeholder shows as [pad]. */
  blank: { email: FilledEmail | null; text: string; print: string };
  styleHashes: string[];
}

const FORMATS: Record<TemplateDoc['kind'], DownloadFormat[]> = {
  email: ['eml', 'html', 'txt', 'pdf', 'docx'],
  brief: ['pdf', 'docx', 'txt', 'html'],
  belscript: ['pdf', 'docx', 'txt', 'html'],
};

/** The example as a user would type it: "1.240,50", "10,5", "2026-10-31". */
export function exampleInput(path: string): string | undefined {
  const field = PLACEHOLDERS.get(path);
  if (!field) return undefined;
  if (field.kind === 'bedrag' && typeof field.voorbeeld === 'number') return formatMoney(field.voorbeeld).replace(/^€\s*/, '');
  if (field.kind === 'percentage' && typeof field.voorbeeld === 'number') return formatPercent(field.voorbeeld).replace(/\s*%$/, '');
  return String(field.voorbeeld);
}

export async function templatePage(doc: TemplateDoc): Promise<TemplatePage> {
  const groups = formGroups(doc);
  const jurisdictions: Jurisdiction[] = doc.jurisdiction ? [doc.jurisdiction] : ['be', 'nl'];
  let compiled: WorkbenchData['compiled'] = null;
  if (doc.kind === 'email') {
    compiled = {};
    for (const jurisdiction of jurisdictions) compiled[jurisdiction] = await compileEmail(doc, { jurisdiction });
  }
  const first = jurisdictions[0]!;
  const filled = fill(doc, {}, { jurisdiction: first });
  const firstCompiled: CompiledEmail | undefined = compiled?.[first];
  const email = firstCompiled ? fillEmail(firstCompiled, {}) : null;
  const fields: FieldSpec[] = groups.flatMap((g) =>
    g.fields.map(({ path, kind, group, label, options, min, max }) => ({
      path,
      kind,
      group,
      label,
      ...(options ? { options } : {}),
      ...(min !== undefined ? { min } : {}),
      ...(max !== undefined ? { max } : {}),
    })),
  );
  const examples: Record<string, string> = {};
  for (const f of fields) {
    const example = exampleInput(f.path);
    if (example !== undefined) examples[f.path] = example;
  }
  const styleHashes = new Set<string>();
  for (const variant of Object.values(compiled ?? {})) {
    for (const hash of styleElementHashes(fillEmail(variant, {}).html)) styleHashes.add(hash);
  }
  return {
    groups,
    data: { doc, compiled, fields, formats: FORMATS[doc.kind], examples },
    blank: { email, text: renderText(filled), print: printPreviewHtml(filled) },
    styleHashes: [...styleHashes],
  };
}
