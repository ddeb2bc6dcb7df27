/** Dutch labels for the content enums, shared by pages and islands. */
import type { FieldMeta, Tone } from '../../content/schema.ts';

// The content's own labels live with the shared vocabulary; the site uses them from here too.
export { CHANNEL_LABEL, KIND_LABEL, PURPOSE_LABEL, SEGMENT_LABEL, TONE_LABEL } from '../../vocabulary/labels.ts';

export const JURISDICTION_LABEL = { be: 'België', nl: 'Nederland' } as const;

export const GROUP_LABEL: Record<FieldMeta['group'], string> = {
  dossier: 'Dossier',
  afzender: 'Uw bedrijf (afzender)',
  klant: 'Klant',
  factuur: 'Factuur',
  betaling: 'Betaling',
  afspraak: 'Afspraak met de klant',
  abonnement: 'Abonnement',
  data: 'Data',
  kosten: 'Interesten en kosten',
  ondertekenaar: 'Ondertekenaar',
  berekend: 'Berekend',
};

/** The order of the form's fieldsets. */
export const GROUP_ORDER: readonly FieldMeta['group'][] = ['dossier', 'afzender', 'klant', 'factuur', 'betaling', 'afspraak', 'abonnement', 'data', 'kosten', 'ondertekenaar'];

/** Labels for the values of choice fields (kind 'keuze'). */
export const CHOICE_LABEL: Record<string, string> = {
  be: 'België',
  nl: 'Nederland',
  onderneming: 'Een onderneming (B2B)',
  consument: 'Een consument (B2C)',
};

/** "D-5", "D+0", "D+13": the same notation as the pack's folder names. */
export function offsetLabel(offset: number): string {
  return offset < 0 ? `D${offset}` : `D+${offset}`;
}

/** "5 dagen vóór de vervaldag", "op de vervaldag", "13 dagen na de vervaldag". */
export function offsetWords(offset: number): string {
  if (offset === 0) return 'op de vervaldag';
  const days = Math.abs(offset);
  return `${days} ${days === 1 ? 'dag' : 'dagen'} ${offset < 0 ? 'vóór' : 'na'} de vervaldag`;
}

/** 12345 bytes -> "12,1 kB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const kb = bytes / 1024;
  if (kb < 1024) return `${kb.toFixed(kb < 10 ? 1 : 0).replace('.', ',')} kB`;
  return `${(kb / 1024).toFixed(1).replace('.', ',')} MB`;
}

/** The inflected adjective: "in een kordate toon". */
export const TONE_INFLECTED: Record<Tone, string> = {
  vriendelijk: 'vriendelijke',
  professioneel: 'professionele',
  kordaat: 'kordate',
  formeel: 'formele',
};
