/**
 * Which zips the pack has and what goes in each: one list for the pack builder and the downloads
 * page. Pure, so the site can describe the zips from the same plan.
 */
import type { Workflow } from '../content/schema.ts';
import { FORMAT_INFO, FORMATS, type Format } from '../render/formats.ts';
import { SITUATIONS } from './layout.ts';
import { casesLine } from '../model/variants.ts';

export const EXPORTS = 'exports';

/** What each format is for, in the words the downloads page and zip titles use (from the format registry). */
export const FORMAT_DESCRIPTION = Object.fromEntries(FORMATS.map((f) => [f, FORMAT_INFO[f].description])) as Record<Format, string>;

export interface ZipGroup<F> {
  /** File name without .zip. */
  name: string;
  title: string;
  description: string;
  files: F[];
}

/** The zips in their order on the downloads page; empty groups are left out. */
export function zipGroups<F extends { workflow: string; format: string }>(workflows: readonly Workflow[], files: readonly F[]): ZipGroup<F>[] {
  const rendered = files.filter((f) => f.workflow !== EXPORTS);
  const groups: ZipGroup<F>[] = [
    { name: 'tijdig-alles', title: 'Het volledige pakket', description: 'Alle draaiboeken, de berichten voor bijzondere situaties en de exports voor andere programma’s.', files: [...files] },
    ...workflows.map((w) => ({ name: `tijdig-${w.id}`, title: `Draaiboek ${w.titel}`, description: `De ${w.stappen.length} stappen van dit draaiboek en een overzicht als PDF. ${casesLine(w)}.`, files: files.filter((f) => f.workflow === w.id) })),
    { name: 'tijdig-situaties', title: 'Bijzondere situaties', description: 'Berichten voor een betaalbelofte, een afbetalingsplan, een betwisting, een deelbetaling en meer.', files: files.filter((f) => f.workflow === SITUATIONS) },
    { name: 'tijdig-exports', title: 'Exports voor andere programma’s', description: 'De draaiboeken en sjablonen voor uw agenda (.ics), rekenblad (.csv), mailprogramma, e-maildienst en boekhoud- of facturatiepakket, en de sms- en WhatsApp-teksten bij elke herinnering.', files: files.filter((f) => f.workflow === EXPORTS) },
    ...FORMATS.map((format) => ({ name: `tijdig-formaat-${format}`, title: `Alleen .${format}`, description: `Alle ${FORMAT_DESCRIPTION[format]}.`, files: rendered.filter((f) => f.format === format) })),
  ];
  return groups.filter((g) => g.files.length);
}
