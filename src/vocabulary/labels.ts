/**
 * Dutch labels for the content's choices (channels, tones, kinds, purposes, segments), in one
 * place for the pack, the renderers, the exports and the site.
 */
import type { Channel, Purpose, TemplateKind, Tone } from '../content/schema.ts';

/** As a heading or table cell: "Aangetekende brief". */
export const CHANNEL_LABEL: Record<Channel, string> = {
  email: 'E-mail',
  telefoon: 'Telefoon',
  brief: 'Brief',
  'aangetekende-brief': 'Aangetekende brief',
  juridisch: 'Juridische stap',
};

/** Inside a sentence: "aangetekende brief". */
export const CHANNEL_NAME: Record<Channel, string> = Object.fromEntries(Object.entries(CHANNEL_LABEL).map(([k, v]) => [k, v.charAt(0).toLowerCase() + v.slice(1)])) as Record<Channel, string>;

export const KIND_LABEL: Record<TemplateKind, string> = { email: 'E-mail', brief: 'Brief', belscript: 'Belscript' };

export const TONE_LABEL: Record<Tone, string> = {
  vriendelijk: 'Vriendelijk',
  professioneel: 'Professioneel',
  kordaat: 'Kordaat',
  formeel: 'Formeel',
};

/** One customer of a segment: "VIP-klant". */
export const SEGMENT_LABEL: Record<string, string> = {
  vip: 'VIP-klant',
  standaard: 'Standaardklant',
  wanbetaler: 'Slechte betaler',
  algemeen: 'Elke klantgroep',
};

/** The segment as a group, for a playbook's heading: "VIP-klanten". */
export const SEGMENT_GROUP_LABEL: Record<string, string> = {
  vip: 'VIP-klanten',
  standaard: 'Standaardklanten',
  wanbetaler: 'Slechte betalers',
  algemeen: 'Elke klantgroep',
};

export const PURPOSE_LABEL: Record<Purpose, string> = {
  preventief: 'Vóór de vervaldag',
  herinnering: 'Eerste herinnering',
  'tweede-herinnering': 'Tweede herinnering',
  'laatste-herinnering': 'Laatste herinnering',
  ingebrekestelling: 'Ingebrekestelling',
  overdracht: 'Overdracht aan advocaat of deurwaarder',
  'telefonisch-contact': 'Telefoongesprek',
  situatie: 'Bijzondere situatie',
};
