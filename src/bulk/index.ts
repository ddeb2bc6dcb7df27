/**
 * Bulk reminders from a CSV export, in the browser. This barrel holds the light, pure stages
 * (parse, columns, validate, group, plan, prepare). The zip builder is in run.ts: import it with
 * import('…/bulk/run.ts') when the user starts the run, because it loads the PDF and DOCX renderers.
 */
export * from './parse.ts';
export * from './columns.ts';
export * from './validate.ts';
export * from './group.ts';
export * from './plan.ts';
export * from './prepare.ts';
