/**
 * The output formats, in one registry: extension, MIME type, how the pack describes it, which
 * channels and template kinds it fits, and a lazy loader of its renderer. The pack, the site, the
 * timeline and bulk mode read it; a new format is its renderer plus one entry here.
 */
import type { Channel, Jurisdiction, TemplateKind } from '../content/schema.ts';
import type { FilledDocument } from '../model/types.ts';
import type { FilledEmail } from './html/fill.ts';

/** What every renderer is given: the filled document plus what some formats share (made once per document). */
export interface RenderInput {
  filled: FilledDocument;
  /** The plain text (renderText of `filled`): the txt file and the eml's text part. */
  text: string;
  /** The designed e-mail, filled; null for a letter or phone script. */
  email: FilledEmail | null;
  /** Which country's window envelope a printed letter fits. */
  envelope: Jurisdiction;
  /** The eml's Date header. */
  date: Date;
  /** ISO time written into DOCX and PDF; with it the bytes are the same on every run. */
  fixedDate?: string;
  from?: { address: string; name?: string };
  to?: { address: string; name?: string };
  /** Files the .eml carries along (the original invoice PDFs); other formats ignore them. */
  attachments?: readonly { name: string; mime: string; bytes: Uint8Array }[];
  /** The PDF fonts for a document printing `texts` (the site fetches a subset when it suffices). */
  fonts: (texts: string[]) => Promise<{ regular: Uint8Array; bold: Uint8Array }>;
}

/** One format's renderer, as its module exports it (`renderFile`). */
export type RenderFile = (input: RenderInput) => Promise<string | Uint8Array> | string | Uint8Array;

export interface FormatInfo {
  /** File extension without the dot. */
  extension: string;
  mime: string;
  /** Short name for buttons and lists (the site's download button: "Word (.docx)"). */
  label: string;
  /** How the pack's read-me and zip list describe a folder of them ("Word-documenten …"). */
  description: string;
  /** Text that a zip should deflate (PDF and DOCX are compressed already). */
  compress: boolean;
  /** The kinds of template it can be made from: the site offers it for these, the command line accepts it. */
  kinds: readonly TemplateKind[];
  /** Only a designed e-mail has this format (an .eml needs its subject and HTML). */
  emailOnly?: true;
  /** Fits any channel when asked for (the command line's --formaten), beside the defaults per channel. */
  anyChannel?: true;
  /** Loads the renderer on first use, so a page fetches only the formats it makes. */
  load: () => Promise<{ renderFile: RenderFile }>;
}

const ALL_KINDS = ['email', 'brief', 'belscript'] as const satisfies readonly TemplateKind[];

const REGISTRY = {
  html: { extension: 'html', mime: 'text/html;charset=utf-8', label: 'Webpagina', description: 'HTML-e-mails, om te kopiëren in uw mailprogramma of mailtool', kinds: ALL_KINDS, compress: true, load: () => import('./html/file.ts') },
  txt: { extension: 'txt', mime: 'text/plain;charset=utf-8', label: 'Tekst', description: 'berichten als platte tekst', kinds: ALL_KINDS, compress: true, anyChannel: true, load: () => import('./text/file.ts') },
  eml: { extension: 'eml', mime: 'message/rfc822', label: 'E-mail', description: 'e-mailconcepten die u in Outlook, Apple Mail of Thunderbird opent', kinds: ['email'], compress: true, emailOnly: true, load: () => import('./eml/index.ts') },
  docx: { extension: 'docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: 'Word', description: 'Word-documenten om aan te passen en af te drukken', kinds: ALL_KINDS, compress: false, load: () => import('./docx/file.ts') },
  pdf: { extension: 'pdf', mime: 'application/pdf', label: 'PDF', description: 'PDF-brieven en belscripts, klaar om af te drukken', kinds: ALL_KINDS, compress: false, load: () => import('./pdf/file.ts') },
  md: { extension: 'md', mime: 'text/markdown;charset=utf-8', label: 'Markdown', description: 'berichten in Markdown, voor een wiki, helpdesk of notitieprogramma', kinds: ALL_KINDS, compress: true, anyChannel: true, load: () => import('./markdown/index.ts') },
} as const satisfies Record<string, FormatInfo>;

export type Format = keyof typeof REGISTRY;
export const FORMAT_INFO: Readonly<Record<Format, FormatInfo>> = REGISTRY;
export const FORMATS = Object.keys(FORMAT_INFO) as Format[];

/** Renderers already asked for: a dynamic import() per file cost a browser bulk run about a twentieth of its time. */
const loaded = new Map<Format, Promise<{ renderFile: RenderFile }>>();

/** Renders one file in a format, loading that format's renderer the first time. */
export async function renderFormat(format: Format, input: RenderInput): Promise<string | Uint8Array> {
  const info = FORMAT_INFO[format];
  if (info.emailOnly && !input.email) throw new Error(`alleen een e-mail kan als .${info.extension} bewaard worden`);
  let module = loaded.get(format);
  if (!module) {
    module = info.load();
    loaded.set(format, module);
    // A failed load (the network) is tried again on the next file.
    module.catch(() => loaded.delete(format));
  }
  const { renderFile } = await module;
  return renderFile(input);
}

/** Which formats fit a step's channel: an email is sent, a letter printed, a call read aloud. */
export const FORMATS_FOR_CHANNEL: Record<Channel, readonly Format[]> = {
  email: ['html', 'txt', 'eml'],
  telefoon: ['pdf', 'docx', 'txt'],
  brief: ['docx', 'pdf', 'txt'],
  'aangetekende-brief': ['docx', 'pdf', 'txt'],
  juridisch: ['docx', 'pdf', 'txt'],
};

/** The formats a channel can have when asked for: its defaults, then those that fit any channel. */
export const formatsFitting = (channel: Channel): Format[] => [...new Set([...FORMATS_FOR_CHANNEL[channel], ...FORMATS.filter((f) => FORMAT_INFO[f].anyChannel)])];

/** Formats for a template outside any workflow, by its kind. */
export const FORMATS_FOR_KIND: Record<TemplateKind, readonly Format[]> = {
  email: FORMATS_FOR_CHANNEL.email,
  brief: FORMATS_FOR_CHANNEL.brief,
  belscript: FORMATS_FOR_CHANNEL.telefoon,
};

/** Every format a template of this kind can be made in (the site's download buttons): its defaults first, then the others that fit it. */
export const formatsOffered = (kind: TemplateKind): Format[] => [...new Set([...FORMATS_FOR_KIND[kind], ...FORMATS.filter((f) => FORMAT_INFO[f].kinds.includes(kind))])];

/** "PDF (.pdf)": a format as a button or list names it. */
export const formatLabel = (format: Format): string => `${FORMAT_INFO[format].label} (.${FORMAT_INFO[format].extension})`;

/** ".eml, .html en .txt": formats in a sentence. */
export function formatsInWords(formats: readonly Format[]): string {
  const names = formats.map((f) => `.${FORMAT_INFO[f].extension}`);
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} en ${names.at(-1)!}` : (names[0] ?? '');
}
