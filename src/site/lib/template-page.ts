/**
 * Build-time data for one template page: the compiled email (per jurisdiction when the template
 * fits both), the blank previews, the form fields and the JSON the workbench island reads.
 * Node only (compileEmail runs mjml); nothing here is shipped to the browser except the JSON.
 */
import type { Jurisdiction } from '../../content/schema.ts';
import { fill } from '../../model/fill.ts';
import type { TemplateDoc } from '../../model/types.ts';
import { compileEmail } from '../../render/html/compile.ts';
import { fillEmail, type FilledEmail } from '../../render/html/fill.ts';
import type { CompiledEmail } from '../../render/html/types.ts';
import { renderText } from '../../render/text/index.ts';
import { styleElementHashes } from './csp.ts';
import { browserFields, formGroups, type FieldGroup } from './form-fields.ts';
import { printPreviewHtml } from './print-preview.ts';
import type { DownloadFormat, WorkbenchData } from './workbench-types.ts';

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
  const { fields, examples } = browserFields(groups.flatMap((g) => g.fields));
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
