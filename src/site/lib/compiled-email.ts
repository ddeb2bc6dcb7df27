/**
 * compileEmail (MJML) once per text and fallback wording for the whole site build. A text was
 * compiled on its own template page, again on its family's page, for the timeline's data file and
 * for each bulk playbook that uses it: four or five times. Build time only.
 */
import { compileEmail, type CompileOptions } from '../../render/html/compile.ts';
import type { CompiledEmail } from '../../render/html/types.ts';
import type { TemplateDoc } from '../../model/types.ts';

const made = new WeakMap<TemplateDoc, Map<string, Promise<CompiledEmail>>>();

export function compiledEmail(doc: TemplateDoc, options: CompileOptions = {}): Promise<CompiledEmail> {
  let perDoc = made.get(doc);
  if (!perDoc) made.set(doc, (perDoc = new Map()));
  // No option means 'be' (CompileOptions), so both share one compilation.
  const key = options.jurisdiction ?? 'be';
  let compiled = perDoc.get(key);
  if (!compiled) perDoc.set(key, (compiled = compileEmail(doc, { jurisdiction: key })));
  return compiled;
}
