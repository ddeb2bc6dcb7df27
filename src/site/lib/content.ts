/**
 * The site's one content load: the same validated readContent() the pack builder uses. Invalid
 * content stops the build with every issue listed, never a partial site.
 */
import { formatIssue } from '../../content/errors.ts';
import type { Content, Guide } from '../../model/load.ts';
import type { Segment, Step, Workflow } from '../../content/schema.ts';
import type { TemplateDoc } from '../../model/types.ts';
import { readContent } from '../../pack/read-content.ts';

let cached: Content | undefined;

export class ContentError extends Error {
  override name = 'ContentError';
}

/** The folder that holds content/: the project root, or TIJDIG_ROOT (used to test the build with other content). */
export const contentRoot = (): string => process.env['TIJDIG_ROOT'] ?? process.cwd();

/** Loads content/ once per build (every call in dev, so edits show up). Throws on any issue. */
export function getContent(): Content {
  if (cached && !import.meta.env.DEV) return cached;
  const root = contentRoot();
  const result = readContent(root);
  if (!result.ok) {
    const list = result.issues.map(formatIssue).join('\n');
    throw new ContentError(`De content in ${root}/content is ongeldig (${result.issues.length} probleem/problemen); de site wordt niet gebouwd.\n\n${list}\n`);
  }
  cached = result.content;
  return cached;
}

function byId<T>(items: readonly T[], id: string, key: (item: T) => string, what: string): T {
  const found = items.find((item) => key(item) === id);
  if (!found) throw new ContentError(`${what} "${id}" bestaat niet`);
  return found;
}

export const getTemplate = (id: string): TemplateDoc => byId(getContent().templates, id, (t) => t.id, 'template');
export const getWorkflow = (id: string): Workflow => byId(getContent().workflows, id, (w) => w.id, 'workflow');
export const getSegment = (id: string): Segment => byId(getContent().segments, id, (s) => s.id, 'segment');
export const getGuide = (slug: string): Guide => byId(getContent().guides, slug, (g) => g.slug, 'gids');

export interface StepUse {
  workflow: Workflow;
  index: number;
  step: Step;
}

/** Every playbook step that uses a template, in playbook order. */
export function stepsUsing(templateId: string): StepUse[] {
  return getContent().workflows.flatMap((workflow) =>
    workflow.stappen.flatMap((step, index) => (step.template === templateId ? [{ workflow, index, step }] : [])),
  );
}

/** The playbook of a segment, when there is one. */
export function workflowForSegment(segment: Segment): Workflow | undefined {
  return getContent().workflows.find((w) => w.id === segment.playbook);
}

/** Segments in the order a reader meets them: VIP, standard, bad payer. */
export function orderedSegments(): Segment[] {
  const order = ['vip', 'standaard', 'wanbetaler'];
  return [...getContent().segments].sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
}
