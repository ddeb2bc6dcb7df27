/** Node entry for the HTML email renderer. Browser code imports ./fill.ts only (no mjml). */
export { compileEmail, renderEmailHtml, type CompileOptions } from './compile.ts';
export { fillEmail, type FilledEmail } from './fill.ts';
export type { CompiledEmail, CompiledMeta, CompiledSlot, CompiledVariant } from './types.ts';
