/**
 * Makes a personalised file in the browser with the pack's own renderers. Loaded with import()
 * from workbench.ts on the first download click; each format's renderer loads one step later
 * through the format registry, and the PDF fonts are fetched from this site (/fonts/).
 */
import type { FillData, Jurisdiction } from '../../content/schema.ts';
import type { FilledDocument, TemplateDoc } from '../../model/types.ts';
import type { FilledEmail } from '../../render/html/fill.ts';
import type { DownloadFormat } from '../lib/workbench-types.ts';
import { FORMAT_INFO, renderFormat } from '../../render/formats.ts';
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

export async function makeFile(format: DownloadFormat, input: FileInput): Promise<MadeFile> {
  const { filled, email, text, jurisdiction, data } = input;
  const toName = data.klant?.contactpersoon ?? data.klant?.naam;
  const part = await renderFormat(format, {
    filled,
    text,
    email,
    envelope: jurisdiction,
    date: new Date(),
    ...(data.afzender?.email ? { from: { address: data.afzender.email, ...(data.afzender.naam ? { name: data.afzender.naam } : {}) } } : {}),
    ...(data.klant?.email ? { to: { address: data.klant.email, ...(toName ? { name: toName } : {}) } } : {}),
    fonts: loadPdfFonts,
  });
  return { blob: new Blob([part as BlobPart], { type: FORMAT_INFO[format].mime }), name: fileName(input.doc, input.data, format) };
}

/**
 * The characters of a filled letter that not even the full fonts can draw (a Chinese name, most
 * emoji): the PDF would show "?" for each, so the page names them before it makes the file.
 */
export async function pdfGaps(filled: FilledDocument): Promise<string[]> {
  const texts = documentRuns(filled).flatMap((runs) => runs.map((r) => r.text));
  const [fonts, { unprintableCharacters }] = await Promise.all([loadPdfFonts(texts), import('../../render/pdf/index.ts')]);
  return unprintableCharacters(filled, fonts);
}
