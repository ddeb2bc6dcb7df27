/** The content check shared by `npm run check:content` and the pack builder: every problem, or one summary line. */
import { formatIssue } from '../content/errors.ts';
import type { Content } from '../model/load.ts';
import { readContent } from './read-content.ts';

export type ContentCheck = { ok: true; content: Content; summary: string } | { ok: false; report: string };

export function checkContent(root: string): ContentCheck {
  const result = readContent(root);
  if (!result.ok) return { ok: false, report: `Content check: ${result.issues.length} probleem/problemen gevonden\n\n${result.issues.map(formatIssue).join('\n')}` };
  const { segments, workflows, templates, guides } = result.content;
  return { ok: true, content: result.content, summary: `Content check: ok — ${segments.length} segmenten, ${workflows.length} workflows, ${templates.length} templates, ${guides.length} gidsen` };
}
