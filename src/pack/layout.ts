/**
 * What goes into the pack, as a pure plan: one entry per file with its place and metadata.
 * Folder names sort by day offset, so a file browser shows each playbook in order.
 */
import type { Channel, TemplateKind, Workflow } from '../content/schema.ts';
import { FORMATS_FOR_CHANNEL, FORMATS_FOR_KIND, type Format } from '../render/formats.ts';
import { slugify, offsetLabel } from '../vocabulary/naming.ts';

/** The due date blank calendars and schedules count from, and the date written into the pack's files. */
export const SAMPLE_DUE_DATE = '2026-03-31';
export const DEFAULT_PACK_DATE = '2026-01-01T00:00:00Z';


export interface PlannedFile {
  /** Path inside the zips, e.g. "wanbetaler/03_D+13_tweede-herinnering/tweede-herinnering.pdf". */
  path: string;
  workflow: string;
  step: number | null;
  offset: number | null;
  channel: Channel | null;
  format: Format;
  template: string | null;
  /** A filled example (fictitious data, marked on every page) beside the fill-in template. */
  example?: true;
}

/** Channels whose steps are printed letters: each gets a filled example PDF beside the template. */
const LETTER_CHANNELS: ReadonlySet<Channel> = new Set(['brief', 'aangetekende-brief', 'juridisch']);
export const EXAMPLE_PREFIX = 'voorbeeld-';

export function stepFolder(index: number, offset: number, title: string): string {
  return `${String(index + 1).padStart(2, '0')}_${offsetLabel(offset)}_${slugify(title)}`;
}

export function planWorkflow(workflow: Workflow): PlannedFile[] {
  const files: PlannedFile[] = [
    { path: `${workflow.id}/00_overzicht-${workflow.id}.pdf`, workflow: workflow.id, step: null, offset: null, channel: null, format: 'pdf', template: null },
  ];
  workflow.stappen.forEach((step, i) => {
    const folder = `${workflow.id}/${stepFolder(i, step.offset, step.titel)}`;
    const base = { workflow: workflow.id, step: i + 1, offset: step.offset, channel: step.kanaal, template: step.template };
    for (const format of FORMATS_FOR_CHANNEL[step.kanaal]) files.push({ path: `${folder}/${slugify(step.titel)}.${format}`, ...base, format });
    if (LETTER_CHANNELS.has(step.kanaal)) files.push({ path: `${folder}/${EXAMPLE_PREFIX}${slugify(step.titel)}.pdf`, ...base, format: 'pdf', example: true });
  });
  return files;
}


export const SITUATIONS = 'situaties';

/** Templates no workflow uses (payment promises, plans, disputes …) get a folder of their own. */
export function planSituations(templates: readonly { id: string; kind: TemplateKind }[], workflows: readonly Workflow[]): PlannedFile[] {
  const used = new Set(workflows.flatMap((w) => w.stappen.map((s) => s.template)));
  return templates
    .filter((t) => !used.has(t.id))
    .flatMap((t): PlannedFile[] => {
      const base = { workflow: SITUATIONS, step: null, offset: null, channel: null, template: t.id };
      const files: PlannedFile[] = FORMATS_FOR_KIND[t.kind].map((format) => ({ path: `${SITUATIONS}/${t.id}/${t.id}.${format}`, ...base, format }));
      if (t.kind === 'brief') files.push({ path: `${SITUATIONS}/${t.id}/${EXAMPLE_PREFIX}${t.id}.pdf`, ...base, format: 'pdf', example: true });
      return files;
    });
}
