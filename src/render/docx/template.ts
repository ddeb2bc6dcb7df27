/**
 * A letter laid out once by docx, reused for every letter of the same skeleton (skeleton.ts).
 *
 * Why: docx builds an object tree and writes XML for every part of the package on every call, and
 * most of that (styles, numbering, theme, settings …) is the same for every letter; a letter took
 * about 11 ms. Here docx packs the skeleton once; its parts without markers are kept deflated, and
 * the few parts with markers (document, header, core properties, relationships) are kept as text
 * cut at the markers. A letter then costs putting its values in, escaped as docx escapes them, and
 * deflating those few parts.
 */
import { Packer, type Document } from 'docx';
import { unzipSync } from 'fflate';
import { runFrozen } from './frozen.ts';
import { xmlSafe } from './runs.ts';
import { DATE_MARK, LINK_MARK, TEXT_MARK, type Skeleton } from './skeleton.ts';
import { dosTime, zipPart, zipParts, type ZipPart } from './zip.ts';

/** A part cut at its markers: text, marker, text, marker, …, text. */
interface CutPart {
  path: string;
  pieces: string[];
  /** Per marker between pieces: 't' text, 'l' link, 'd' date, and its number. */
  marks: { kind: 't' | 'l' | 'd'; index: number }[];
}

export interface Template {
  parts: (ZipPart | CutPart)[];
}

/** The instant the skeleton is packed at: its ISO form in core.xml becomes the date marker. */
const SKELETON_TIME = Date.UTC(2001, 0, 2, 3, 4, 5, 678);
const SKELETON_ISO = new Date(SKELETON_TIME).toISOString();
const CORE_DATES = new RegExp(`(<dcterms:(?:created|modified)[^>]*>)${SKELETON_ISO.replace(/\./g, '\\.')}(?=</dcterms:)`, 'g');
const MARK_SOURCE = `${LINK_MARK.source}|${TEXT_MARK.source}|${DATE_MARK}`;
const MARKS = new RegExp(MARK_SOURCE, 'g');
const HAS_MARK = new RegExp(MARK_SOURCE);

/** docx's own escaping of text and attribute values (its xml writer), so the bytes stay the same. */
const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
const escapeXml = (value: string) => value.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (c) => ESCAPES[c] ?? '');

/** Parts without markers are the same for many skeletons: deflated once per content. */
const shared = new Map<string, ZipPart>();
const SHARED_MAX = 256;

function sharedPart(path: string, content: string): ZipPart {
  const key = `${path}\n${content}`;
  let part = shared.get(key);
  if (!part) {
    if (shared.size >= SHARED_MAX) shared.clear();
    part = zipPart(path, content);
    shared.set(key, part);
  }
  return part;
}

function cut(path: string, xml: string): CutPart {
  const pieces: string[] = [];
  const marks: CutPart['marks'] = [];
  let last = 0;
  for (const m of xml.matchAll(MARKS)) {
    pieces.push(xml.slice(last, m.index));
    marks.push(m[1] !== undefined ? { kind: 'l', index: Number(m[1]) } : m[2] !== undefined ? { kind: 't', index: Number(m[2]) } : { kind: 'd', index: 0 });
    last = m.index + m[0].length;
  }
  pieces.push(xml.slice(last));
  return { path, pieces, marks };
}

/** Packs the skeleton with docx, in the same frozen scope renderDocx uses, and cuts it at its markers. */
export async function compileTemplate(build: () => Document): Promise<Template> {
  const bytes = await runFrozen(SKELETON_TIME, () => Packer.pack(build(), 'uint8array'));
  const decoder = new TextDecoder();
  const parts = Object.entries(unzipSync(bytes)).map(([path, data]) => {
    let xml = decoder.decode(data);
    if (path === 'docProps/core.xml') xml = xml.replace(CORE_DATES, `$1${DATE_MARK}`);
    return HAS_MARK.test(xml) ? cut(path, xml) : sharedPart(path, xml);
  });
  return { parts };
}

/** The .docx of one letter: the template with the skeleton's values put in. */
export function fillTemplate(template: Template, values: Pick<Skeleton, 'texts' | 'links'>, time: number, fixed: boolean): Uint8Array {
  const iso = new Date(time).toISOString();
  const value = ({ kind, index }: CutPart['marks'][number]): string => {
    if (kind === 'd') return iso;
    const text = (kind === 't' ? values.texts : values.links)[index];
    if (text === undefined) throw new Error(`docx-sjabloon: geen waarde voor markering ${kind}${index}`);
    return escapeXml(xmlSafe(text));
  };
  const parts = template.parts.map((part) => {
    if (!('pieces' in part)) return part;
    let xml = part.pieces[0]!;
    for (let i = 0; i < part.marks.length; i++) xml += value(part.marks[i]!) + part.pieces[i + 1]!;
    return zipPart(part.path, xml);
  });
  return zipParts(parts, dosTime(time, fixed));
}
