/**
 * FilledDocument -> .docx bytes. Browser-safe: docx builds the zip with fflate and we ask for a
 * Uint8Array, so neither Buffer nor any Node module is needed.
 *
 * Letters get the window-envelope frame; emails become a document with the subject as heading;
 * phone scripts ('belscript') become a plain script with the title as heading.
 */
import { Document, Packer, type FileChild } from 'docx';
import type { FilledDocument, Run } from '../../model/types.ts';
import { mm, para, renderBlocks } from './blocks.ts';
import { checkWindow, ENVELOPES, PAGE, type AddressWindow } from '../envelope.ts';
import { parseFixedDate, runFrozen } from './frozen.ts';
import { continuationHeaders } from './header.ts';
import { letterHead } from './letter.ts';
import { label, xmlSafe } from './runs.ts';
import { skeletonOf } from './skeleton.ts';
import { NUMBERING, S, stylesFor, TABLE_STYLES_XML } from './styles.ts';
import { compileTemplate, fillTemplate, type Template } from './template.ts';

export { ENVELOPES, PAGE, type AddressWindow } from '../envelope.ts';
export { S as DOCX_STYLES } from './styles.ts';

export interface DocxOptions {
  /** Window-envelope preset, or a custom window. Default: the document's jurisdiction. */
  envelope?: 'be' | 'nl' | AddressWindow;
  /** ISO timestamp written as created/modified date and zip times; with it the output is byte-identical. */
  fixedDate?: string;
}

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const plain = (runs: readonly Run[]) => xmlSafe(runs.map((r) => r.text).join(''));

function bodyFor(doc: FilledDocument, window: AddressWindow): FileChild[] {
  const blocks = renderBlocks(doc.blocks);
  if (doc.kind === 'brief') return [...letterHead(doc, window), ...blocks];
  const heading = doc.kind === 'email' && doc.subject.length ? doc.subject : [label(doc.title)];
  const meta = doc.kind === 'email' ? doc.preheader : doc.subject;
  return [para(S.heading1, heading), ...(meta.length ? [para(S.meta, meta)] : []), ...blocks];
}

const windowFor = (doc: FilledDocument, options: Pick<DocxOptions, 'envelope'>): AddressWindow => {
  const preset = options.envelope ?? doc.jurisdiction;
  return checkWindow(typeof preset === 'string' ? ENVELOPES[preset] : preset);
};

export function buildDocx(doc: FilledDocument, options: Pick<DocxOptions, 'envelope'> = {}): Document {
  const window = windowFor(doc, options);
  const lang = doc.jurisdiction === 'nl' ? 'nl-NL' : 'nl-BE';
  return new Document({
    creator: 'Tijdig',
    lastModifiedBy: 'Tijdig',
    title: xmlSafe(doc.title),
    subject: plain(doc.subject),
    description: `Tijdig-sjabloon ${doc.id}`,
    externalStyles: TABLE_STYLES_XML,
    styles: stylesFor(lang),
    numbering: NUMBERING,
    sections: [
      {
        headers: continuationHeaders(doc),
        properties: {
          titlePage: true,
          page: {
            size: { width: mm(PAGE.width), height: mm(PAGE.height) },
            margin: { top: mm(PAGE.top), right: mm(PAGE.right), bottom: mm(PAGE.bottom), left: mm(PAGE.left), header: mm(10), footer: mm(10) },
          },
        },
        children: bodyFor(doc, window),
      },
    ],
  });
}

/** docx builds and packs the whole document: the reference the templated path must equal byte for byte. */
export async function renderDocxDirect(doc: FilledDocument, options: DocxOptions = {}): Promise<Uint8Array> {
  const fixed = options.fixedDate === undefined ? undefined : parseFixedDate(options.fixedDate);
  // Build and pack inside the frozen scope: the Document captures "now" when it is constructed.
  return runFrozen(fixed, () => Packer.pack(buildDocx(doc, options), 'uint8array'));
}

/** Templates by skeleton key, oldest dropped first; a bulk run has a few shapes per step. */
const templates = new Map<string, Template>();
const TEMPLATES_MAX = 64;

export async function renderDocx(doc: FilledDocument, options: DocxOptions = {}): Promise<Uint8Array> {
  const fixed = options.fixedDate === undefined ? undefined : parseFixedDate(options.fixedDate);
  const window = windowFor(doc, options);
  const skeleton = skeletonOf(doc, window);
  if (!skeleton) return renderDocxDirect(doc, options);
  let template = templates.get(skeleton.key);
  if (!template) {
    template = await compileTemplate(() => buildDocx(skeleton.doc, { envelope: window }));
    if (templates.size >= TEMPLATES_MAX) templates.delete(templates.keys().next().value!);
    templates.set(skeleton.key, template);
  }
  return fillTemplate(template, skeleton, fixed ?? Date.now(), fixed !== undefined);
}
