/** Each merge letter on its own, the same bytes as in the pack's exports/word-samenvoegen/ folder. */
import type { APIRoute } from 'astro';
import { DOCX_MIME } from '../../../../render/docx/index.ts';
import { getContent } from '../../../lib/content.ts';
import { mergeLetterFile } from '../../../lib/export-files.ts';

export function getStaticPaths() {
  return getContent()
    .templates.filter((t) => t.kind === 'brief')
    .map((t) => ({ params: { id: t.id } }));
}

export const GET: APIRoute = async ({ params }) => {
  // Taken from the exports made once for the whole build; a copy on a plain ArrayBuffer, as Response wants.
  return new Response(new Uint8Array(await mergeLetterFile(String(params.id))), { headers: { 'Content-Type': DOCX_MIME } });
};
