/**
 * The JSON contract between the bulk page (lib/bulk-page.ts, at build time) and its islands
 * (islands/bulk*.ts), plus the per-playbook file the run fetches. Types and small constants only.
 */
import type { Workflow } from '../../content/schema.ts';
import type { TemplateDoc } from '../../model/types.ts';
import type { CompiledEmail } from '../../render/html/types.ts';
import type { FieldSpec } from './workbench-types.ts';

export interface BulkPageData {
  workflows: Workflow[];
  /** The playbook a fresh page starts with. */
  defaultWorkflow: string;
  /** The sender's own fields (afzender.*, ondertekenaar.*), the same as on the template pages. */
  senderFields: FieldSpec[];
  /** Example values per path, for "fill in an example". */
  examples: Record<string, string>;
}

/** One playbook's templates, fetched from bulkWorkflowDataUrl(id) when the user makes the pack. */
export interface BulkWorkflowData {
  workflow: string;
  templates: TemplateDoc[];
  /** Compiled e-mails by template id (each holds the Belgian and the Dutch wording). */
  compiled: Record<string, CompiledEmail>;
}

/** The column mappings this browser remembers, by the file's header signature. */
export const MAPPING_STORAGE_KEY = 'tijdig:bulk-kolommen:v1';
/** The page's own choices (playbook, defaults, general payment link). */
export const SETTINGS_STORAGE_KEY = 'tijdig:bulk-instellingen:v1';
