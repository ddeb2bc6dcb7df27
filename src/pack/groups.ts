/**
 * Which zips the pack has and what goes in each: one list for the pack builder and the downloads
 * page. Pure, so the site can describe the zips from the same plan.
 */
import type { Workflow } from '../content/schema.ts';
import { FORMAT_INFO, FORMATS, type Format } from '../render/formats.ts';
import { SITUATIONS } from './layout.ts';
import { casesLine } from '../model/variants.ts';
import { LEGAL_CASES, type LegalCase } from '../jurisdiction/ids.ts';

export const EXPORTS = 'exports';
/** The zip that holds every export (the site's export pages link to it and read its files back). */
export const EXPORTS_ZIP_NAME = 'tijdig-exports';

/** What each format is for, in the words the downloads page and zip titles use (from the format registry). */
export const FORMAT_DESCRIPTION = Object.fromEntries(FORMATS.map((f) => [f, FORMAT_INFO[f].description])) as Record<Format, string>;

export interface ZipGroup<F> {
  /** File name without .zip. */
  name: string;
  title: string;
  description: string;
  files: F[];
}

/** How a case's zip is titled: the law that applies and who the customer is. */
const CASE_TITLE: Record<LegalCase, { title: string; customer: string; law: string }> = {
  'be-onderneming': { title: 'België, zakelijke klanten', customer: 'een onderneming', law: 'het Belgische recht' },
  'be-consument': { title: 'België, consumenten', customer: 'een consument', law: 'het Belgische recht' },
  'nl-onderneming': { title: 'Nederland, zakelijke klanten', customer: 'een onderneming', law: 'het Nederlandse recht' },
  'nl-consument': { title: 'Nederland, consumenten', customer: 'een consument', law: 'het Nederlandse recht' },
};

/**
 * The zips in their order on the downloads page; empty groups are left out. After the full pack
 * comes one zip per case: most users need one country and one kind of customer, a quarter of it.
 */
export function zipGroups<F extends { workflow: string; format: string; legalCase?: LegalCase | null }>(workflows: readonly Workflow[], files: readonly F[]): ZipGroup<F>[] {
  const rendered = files.filter((f) => f.workflow !== EXPORTS);
  const groups: ZipGroup<F>[] = [
    { name: 'tijdig-alles', title: 'Het volledige pakket', description: 'Alle draaiboeken, de berichten voor bijzondere situaties en de exports voor andere programma’s, voor België en Nederland, voor zakelijke klanten en consumenten.', files: [...files] },
    ...LEGAL_CASES.map((c) => ({
      name: `tijdig-${c}`,
      title: `Alleen ${CASE_TITLE[c].title}`,
      description: `De draaiboeken en de berichten voor bijzondere situaties voor een klant die ${CASE_TITLE[c].customer} is, volgens ${CASE_TITLE[c].law} (map ${c}/).`,
      files: rendered.filter((f) => f.legalCase === c),
    })),
    ...workflows.map((w) => ({ name: `tijdig-${w.id}`, title: `Draaiboek ${w.titel}`, description: `De ${w.stappen.length} stappen van dit draaiboek en een overzicht als PDF. ${casesLine(w)}.`, files: files.filter((f) => f.workflow === w.id) })),
    { name: 'tijdig-situaties', title: 'Bijzondere situaties', description: 'Berichten voor een betaalbelofte, een afbetalingsplan, een betwisting, een deelbetaling en meer.', files: files.filter((f) => f.workflow === SITUATIONS) },
    { name: EXPORTS_ZIP_NAME, title: 'Exports voor andere programma’s', description: 'De draaiboeken en sjablonen voor uw agenda (.ics), rekenblad (.csv), mailprogramma, e-maildienst en boekhoud- of facturatiepakket, en de sms- en WhatsApp-teksten bij elke herinnering.', files: files.filter((f) => f.workflow === EXPORTS) },
    ...FORMATS.map((format) => ({ name: `tijdig-formaat-${format}`, title: `Alleen .${format}`, description: `Alle ${FORMAT_DESCRIPTION[format]}.`, files: rendered.filter((f) => f.format === format) })),
  ];
  return groups.filter((g) => g.files.length);
}
