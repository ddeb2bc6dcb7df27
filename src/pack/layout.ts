/**
 * What goes into the pack, as a pure plan: one entry per file with its place and metadata.
 * Folder names sort by day offset, so a file browser shows each playbook in order.
 */
import type { Channel, TemplateKind, Workflow } from '../content/schema.ts';
import type { LegalCase } from '../jurisdiction/ids.ts';
import { familyCases, resolveVariant } from '../model/variants.ts';
import { FORMATS_FOR_CHANNEL, FORMATS_FOR_KIND, type Format } from '../render/formats.ts';
import { slugify, offsetLabel } from '../vocabulary/naming.ts';

/** The due date blank calendars and schedules count from, and the date written into the pack's files. */
export const SAMPLE_DUE_DATE = '2026-03-31';
export const DEFAULT_PACK_DATE = '2026-01-01T00:00:00Z';


export interface PlannedFile {
  /** Path inside the zips, e.g. "be-onderneming/wanbetaler/03_D+13_tweede-herinnering/tweede-herinnering.pdf". */
  path: string;
  workflow: string;
  /** The legal case the file is written for (the first folder of its path); null for exports. */
  legalCase: LegalCase | null;
  step: number | null;
  offset: number | null;
  channel: Channel | null;
  format: Format;
  /** The base template id a workflow step names; the pack renders its variant for `legalCase`. */
  template: string | null;
  /** A filled example (fictitious data, marked on every page) beside the fill-in template. */
  example?: true;
}

/** Channels whose steps are printed letters: each gets a filled example PDF beside the template. */
const LETTER_CHANNELS: ReadonlySet<Channel> = new Set(['brief', 'aangetekende-brief', 'juridisch']);
export const EXAMPLE_PREFIX = 'voorbeeld-';

/** Words a name cut short should not end on ("…-aan-een-incassobureau-of"). */
const DANGLING = new Set(['aan', 'als', 'de', 'die', 'een', 'en', 'het', 'met', 'na', 'of', 'om', 'op', 'per', 'te', 'terwijl', 'van', 'voor']);

/** A file or folder name from a title: cut between words and, when cut, not ending on a small word. */
export function nameOf(title: string): string {
  const slug = slugify(title);
  if (slug === slugify(title, 1000)) return slug;
  const words = slug.split('-');
  while (words.length > 1 && DANGLING.has(words.at(-1)!)) words.pop();
  return words.join('-');
}

export function stepFolder(index: number, offset: number, title: string): string {
  return `${String(index + 1).padStart(2, '0')}_${offsetLabel(offset)}_${nameOf(title)}`;
}

type TemplateInfo = { id: string; kind: TemplateKind; title: string; cases?: readonly LegalCase[]; variantOf?: string };

/**
 * A step's title in one case. The playbook's step titles are written for its base text (Belgian
 * businesses); where the case has its own variant, that text's title gives the case's words
 * ("incassobureau of deurwaarder", not "advocaat of gerechtsdeurwaarder"). A trailing remark in
 * brackets ("(consument in België)") is left off: the case's folder already says it.
 */
export function stepTitle(step: Workflow['stappen'][number], legalCase: LegalCase, templates: readonly TemplateInfo[]): string {
  let doc: TemplateInfo;
  try {
    doc = resolveVariant(templates, step.template, legalCase);
  } catch {
    return step.titel;
  }
  return doc.id === step.template ? step.titel : doc.title.replace(/\s*\([^()]*\)\s*$/, '');
}

/** The playbook as one case reads it: for that case only, its steps under that case's titles. */
export function workflowForCase(workflow: Workflow, legalCase: LegalCase, templates: readonly TemplateInfo[]): Workflow {
  return { ...workflow, gevallen: workflow.gevallen.filter((c) => c === legalCase), stappen: workflow.stappen.map((step) => ({ ...step, titel: stepTitle(step, legalCase, templates) })) };
}

/** Every file of a playbook, once per legal case it declares, under "<case>/<playbook>/", named in that case's words. */
export function planWorkflow(workflow: Workflow, templates: readonly TemplateInfo[]): PlannedFile[] {
  return workflow.gevallen.flatMap((legalCase) => planWorkflowCase(workflowForCase(workflow, legalCase, templates), legalCase));
}

function planWorkflowCase(workflow: Workflow, legalCase: LegalCase): PlannedFile[] {
  const root = `${legalCase}/${workflow.id}`;
  const files: PlannedFile[] = [
    { path: `${root}/00_overzicht-${workflow.id}.pdf`, workflow: workflow.id, legalCase, step: null, offset: null, channel: null, format: 'pdf', template: null },
  ];
  workflow.stappen.forEach((step, i) => {
    const folder = `${root}/${stepFolder(i, step.offset, step.titel)}`;
    const base = { workflow: workflow.id, legalCase, step: i + 1, offset: step.offset, channel: step.kanaal, template: step.template };
    for (const format of FORMATS_FOR_CHANNEL[step.kanaal]) files.push({ path: `${folder}/${nameOf(step.titel)}.${format}`, ...base, format });
    if (LETTER_CHANNELS.has(step.kanaal)) files.push({ path: `${folder}/${EXAMPLE_PREFIX}${nameOf(step.titel)}.pdf`, ...base, format: 'pdf', example: true });
  });
  return files;
}


export const SITUATIONS = 'situaties';

/**
 * Templates no workflow uses (payment promises, plans, disputes …) get a folder of their own, once
 * per case their family (the base and its variants) covers: "<case>/situaties/<base id>/".
 */
export function planSituations(templates: readonly TemplateInfo[], workflows: readonly Workflow[]): PlannedFile[] {
  const used = new Set(workflows.flatMap((w) => w.stappen.map((s) => s.template)));
  return templates
    .filter((t) => !t.variantOf && !used.has(t.id))
    .flatMap((t) =>
      familyCases(templates, t.id).flatMap((legalCase): PlannedFile[] => {
        const folder = `${legalCase}/${SITUATIONS}/${t.id}`;
        const base = { workflow: SITUATIONS, legalCase, step: null, offset: null, channel: null, template: t.id };
        const files: PlannedFile[] = FORMATS_FOR_KIND[t.kind].map((format) => ({ path: `${folder}/${t.id}.${format}`, ...base, format }));
        if (t.kind === 'brief') files.push({ path: `${folder}/${EXAMPLE_PREFIX}${t.id}.pdf`, ...base, format: 'pdf', example: true });
        return files;
      }),
    )
    .sort((a, b) => a.path.localeCompare(b.path));
}
