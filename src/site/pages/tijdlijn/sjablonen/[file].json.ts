/**
 * One template as JSON (the document and its compiled email for one country), fetched by the
 * timeline builder only when the user asks for the personalised pack. Same origin, so the page's
 * `connect-src 'self'` allows it; the page itself ships only a light catalog.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { templateData, templateDataFiles } from '../../../lib/timeline-page.ts';
import type { TemplateData } from '../../../lib/timeline-types.ts';

export const getStaticPaths = (() => templateDataFiles().map(({ file, doc, jurisdiction }) => ({ params: { file }, props: { doc, jurisdiction } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { doc, jurisdiction } = props as { doc: TemplateData['doc']; jurisdiction: 'be' | 'nl' };
  return new Response(JSON.stringify(await templateData(doc, jurisdiction)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
