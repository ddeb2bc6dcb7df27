/**
 * PDF renderer: FilledDocument → A4 PDF bytes with an embedded subset of the open font the caller
 * passes in (DejaVu Sans), real extractable text, pagination with running heads and
 * "Pagina x/y", the invoice table header repeated on every page, and a SEPA payment QR code.
 * Browser-safe: no Node-only imports; the caller loads the font bytes.
 *
 * Modules: fonts.ts (faces read once per font file and shared: glyph map, advances, measured
 * words), truetype.ts (raw tables, cmap and the subsetter), layout.ts (measure, wrap, paginate into
 * a display list), document.ts / playbook.ts (what goes where), embed.ts + paint.ts (display list →
 * PDF objects), writer.ts (the file itself), latin.ts (which documents the browser's Latin font
 * subset can draw). No pdf-lib or fontkit: their text, font embedding and object tree cost most of
 * a letter's time and most of the browser's download. The bench's two-page letter takes about
 * 1.1-1.2 ms after warm-up (10th percentile, 2-core machine); deflating the page content streams
 * is still about a third of it (scripts/profile-pdf.ts shows where the time goes).
 */
import type { Workflow } from '../../content/schema.ts';
import type { FilledDocument, TemplateDoc } from '../../model/types.ts';
import { documentRuns } from '../../model/walk.ts';
import { addBanner, layoutDocument, plain, senderName } from './document.ts';
import type { EnvelopePreset } from '../envelope.ts';
import { fontFace } from './fonts.ts';
import { TextLayout, type Fonts } from './layout.ts';
import { paint } from './paint.ts';
import { layoutPlaybook } from './playbook.ts';

export interface PdfFonts {
  regular: Uint8Array;
  bold: Uint8Array;
}

export interface RenderPdfOptions {
  /** TrueType font files (DejaVu Sans and DejaVu Sans Bold). Pass the same arrays every time: they are parsed once. */
  fonts: PdfFonts;
  /** Window-envelope preset for letters; defaults to the document's jurisdiction. */
  envelope?: EnvelopePreset;
  /** ISO date written as creation and modification date; with it the output is byte-identical for the same input. */
  fixedDate?: string;
  /** A line printed above the content of every page, e.g. to mark an example that must not be sent. */
  banner?: string;
}

export interface RenderPlaybookPdfOptions {
  fonts: PdfFonts;
  fixedDate?: string;
}

function faces(fonts: PdfFonts): Fonts {
  return { regular: fontFace(fonts.regular), bold: fontFace(fonts.bold) };
}

/** Renders a filled template as a PDF. Throws PdfLayoutError (naming the template) when its content cannot be laid out. */
export async function renderPdf(doc: FilledDocument, options: RenderPdfOptions): Promise<Uint8Array> {
  const fonts = faces(options.fonts);
  const layout = new TextLayout(fonts, doc.id);
  const pages = layoutDocument(doc, layout, options.envelope ?? doc.jurisdiction);
  if (options.banner) addBanner(pages, layout, options.banner);
  const subject = plain(doc.subject).trim();
  return paint(pages, fonts, {
    title: doc.title,
    author: senderName(doc) ?? 'Tijdig',
    subject: subject || doc.title,
    keywords: ['Tijdig', doc.id, doc.purpose],
    lang: doc.lang,
    ...(options.fixedDate !== undefined ? { fixedDate: options.fixedDate } : {}),
  });
}

/** A printable overview of one playbook and its timeline. */
export async function renderPlaybookPdf(workflow: Workflow, templates: readonly TemplateDoc[], options: RenderPlaybookPdfOptions): Promise<Uint8Array> {
  const fonts = faces(options.fonts);
  const pages = layoutPlaybook(workflow, templates, new TextLayout(fonts, workflow.id));
  return paint(pages, fonts, {
    title: `Draaiboek: ${workflow.titel}`,
    author: 'Tijdig',
    subject: workflow.samenvatting,
    keywords: ['Tijdig', 'draaiboek', workflow.id],
    lang: 'nl',
    ...(options.fixedDate !== undefined ? { fixedDate: options.fixedDate } : {}),
  });
}

/**
 * The characters of a filled document that the fonts cannot draw (a Chinese name, a rare emoji):
 * the PDF would print "?" for each, so a caller tells the user before the download. Unique, in
 * order of first appearance.
 */
export function unprintableCharacters(doc: FilledDocument, fonts: PdfFonts): string[] {
  const { regular, bold } = faces(fonts);
  const texts = documentRuns(doc).flatMap((runs) => runs.map((r) => r.text));
  const found = new Set<string>();
  for (const text of texts) for (const ch of [...regular.unsupported(text), ...bold.unsupported(text)]) found.add(ch);
  return [...found];
}

export { PdfLayoutError } from './layout.ts';
export { ENVELOPES, type AddressWindow, type EnvelopePreset } from '../envelope.ts';
