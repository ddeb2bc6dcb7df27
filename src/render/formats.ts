/**
 * The output formats, in one registry: extension, MIME type, how the pack describes it, and which
 * channels and template kinds it fits. The pack, the site, the timeline and bulk mode read it; a
 * new format is its renderer plus one entry here.
 */
import type { Channel, TemplateKind } from '../content/schema.ts';

export interface FormatInfo {
  /** File extension without the dot. */
  extension: string;
  mime: string;
  /** Short name for buttons and lists. */
  label: string;
  /** How the pack's read-me and zip list describe a folder of them ("Word-documenten …"). */
  description: string;
}

export const FORMAT_INFO = {
  html: { extension: 'html', mime: 'text/html;charset=utf-8', label: 'HTML', description: 'HTML-e-mails, om te kopiëren in uw mailprogramma of mailtool' },
  txt: { extension: 'txt', mime: 'text/plain;charset=utf-8', label: 'Tekst', description: 'berichten als platte tekst' },
  eml: { extension: 'eml', mime: 'message/rfc822', label: 'E-mailconcept', description: 'e-mailconcepten die u in Outlook, Apple Mail of Thunderbird opent' },
  docx: { extension: 'docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: 'Word', description: 'Word-documenten om aan te passen en af te drukken' },
  pdf: { extension: 'pdf', mime: 'application/pdf', label: 'PDF', description: 'PDF-brieven en belscripts, klaar om af te drukken' },
} as const satisfies Record<string, FormatInfo>;

export type Format = keyof typeof FORMAT_INFO;
export const FORMATS = Object.keys(FORMAT_INFO) as Format[];

/** Which formats fit a step's channel: an email is sent, a letter printed, a call read aloud. */
export const FORMATS_FOR_CHANNEL: Record<Channel, readonly Format[]> = {
  email: ['html', 'txt', 'eml'],
  telefoon: ['pdf', 'docx', 'txt'],
  brief: ['docx', 'pdf', 'txt'],
  'aangetekende-brief': ['docx', 'pdf', 'txt'],
  juridisch: ['docx', 'pdf', 'txt'],
};

/** Formats for a template outside any workflow, by its kind. */
export const FORMATS_FOR_KIND: Record<TemplateKind, readonly Format[]> = {
  email: FORMATS_FOR_CHANNEL.email,
  brief: FORMATS_FOR_CHANNEL.brief,
  belscript: FORMATS_FOR_CHANNEL.telefoon,
};
