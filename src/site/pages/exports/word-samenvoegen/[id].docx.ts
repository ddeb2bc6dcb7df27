/** Each merge letter on its own, the same bytes as in the pack's exports/word-samenvoegen/ folder. */
import type { APIRoute } from 'astro';
import { mergeLetterDocx } from '../../../../export/word-merge.ts';
import { DOCX_MIME } from '../../../../render/docx/index.ts';
import { getContent, getTemplate } from '../../../lib/content.ts';
import { MERGE_LETTER_DATE } from '../../../lib/exports.ts';

export function getStaticPaths() {
  return getContent()
    .templates.filter((t) => t.kind === 'brief')
    .map((t) => ({ params: { id: t.id } }));
}

export const GET: APIRoute = async ({ params }) => {
  const letter = await mergeLetterDocx(getTemplate(String(params.id)), { fixedDate: MERGE_LETTER_DATE });
  // A copy on a plain ArrayBuffer: what Response accepts as a body.
  return new Response(new Uint8Array(letter.data), { headers: { 'Content-Type': DOCX_MIME } });
};
