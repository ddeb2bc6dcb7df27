/**
 * One playbook's templates and compiled e-mails as JSON, fetched by the bulk page only when the
 * user makes the pack. Same origin, so the page's `connect-src 'self'` allows it.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { bulkWorkflowData } from '../../../lib/bulk-page.ts';
import { getContent } from '../../../lib/content.ts';

export const getStaticPaths = (() => getContent().workflows.map((w) => ({ params: { id: w.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) =>
  new Response(JSON.stringify(await bulkWorkflowData(params.id!)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
