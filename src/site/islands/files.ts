/**
 * Makes a personalised file in the browser with the pack's own renderers. Loaded with import()
 * from workbench.ts on the first download click; DOCX and PDF libraries load one step later, only
 * for their own format, and the PDF fonts are fetched from this site (/fonts/).
 */
import type { FillData, Jurisdiction } from '../../content/schema.ts';
import type { FilledDocument, TemplateDoc } from '../../model/types.ts';
import type { FilledEmail } from '../../render/html/fill.ts';
import type { DownloadFormat } from '../lib/workbench-types.ts';
import { FORMAT_INFO } from '../../render/formats.ts';
import { documentRuns } from '../../model/walk.ts';
import { slugify } from '../../vocabulary/naming.ts';
import { loadPdfFonts } from './fonts.ts';

export interface FileInput {
  doc: TemplateDoc;
  filled: FilledDocument;
  email: FilledEmail | null;
  text: string;
  jurisdiction: Jurisdiction;
  data: FillData;
}

export interface MadeFile {
  blob: Blob;
  name: string;
}



/** "Factuur 2026/0153" -> "factuur-2026-0153": the pack's own file naming, a little longer. */
export const fileSlug = (text: string): string => slugify(text, 60);

export function fileName(doc: TemplateDoc, data: FillData, format: DownloadFormat): string {
  const invoice = data.factuur?.nummer ? fileSlug(data.factuur.nummer) : '';
  return `${[doc.id, invoice].filter(Boolean).join('_')}.${format}`;
}

/** Wraps the plain text so a letter or phone script also opens as a readable web page. */
function textAsHtml(title: string, text: string): string {
  const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html>\n<html lang="nl"><head><meta charset="utf-8"><title>${esc(title)}</title></head><body><pre style="font:15px/1.5 sans-serif;white-space:pre-wrap;max-width:44em">${esc(text)}</pre></body></html>\n`;
}

export async function makeFile(format: DownloadFormat, input: FileInput): Promise<MadeFile> {
  const part = await render(format, input);
  return { blob: new Blob([part as BlobPart], { type: FORMAT_INFO[format].mime }), name: fileName(input.doc, input.data, format) };
}

async function render(format: DownloadFormat, input: FileInput): Promise<string | Uint8Array> {
  const { filled, email, text, jurisdiction, data } = input;
  switch (format) {
    case 'txt':
      return text;
    case 'html':
      return email ? email.html : textAsHtml(filled.title, text);
    case 'eml': {
      if (!email) throw new Error('alleen een e-mail kan als .eml bewaard worden');
      const { buildEml } = await import('../../export/eml.ts');
      const from = data.afzender?.email ? { address: data.afzender.email, ...(data.afzender.naam ? { name: data.afzender.naam } : {}) } : undefined;
      const toName = data.klant?.contactpersoon ?? data.klant?.naam;
      const to = data.klant?.email ? { address: data.klant.email, ...(toName ? { name: toName } : {}) } : undefined;
      return buildEml({ subject: email.subject, html: email.html, text, date: new Date(), ...(from ? { from } : {}), ...(to ? { to } : {}) });
    }
    case 'docx': {
      const { renderDocx } = await import('../../render/docx/index.ts');
      return renderDocx(filled, { envelope: jurisdiction });
    }
    case 'pdf': {
      const texts = [filled.title, ...documentRuns(filled).flatMap((runs) => runs.map((r) => r.text))];
      const [{ renderPdf }, loaded] = await Promise.all([import('../../render/pdf/index.ts'), loadPdfFonts(texts)]);
      return renderPdf(filled, { fonts: loaded, envelope: jurisdiction });
    }
  }
}
