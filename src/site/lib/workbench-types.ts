/** The JSON a template page ships for its workbench island. */
import type { Format } from '../../render/formats.ts';
import type { FieldKind, FieldMeta, FillData, Jurisdiction } from '../../content/schema.ts';
import type { FilledDocument, TemplateDoc } from '../../model/types.ts';
import type { LegalCase } from '../../jurisdiction/ids.ts';
import type { FilledEmail } from '../../render/html/fill.ts';
import type { CompiledEmail } from '../../render/html/types.ts';

/** The formats a visitor can download: all of the registry's. */
export type DownloadFormat = Format;

export interface FieldSpec {
  path: string;
  kind: FieldKind;
  group: FieldMeta['group'];
  label: string;
  options?: string[];
  min?: number;
  max?: number;
}

export interface WorkbenchData {
  /** The text this page is about. */
  doc: TemplateDoc;
  /** The base template and its variants: the text for each legal case. */
  family: TemplateDoc[];
  /** Per case, the index in `family` of its text, or -1 when the template has none for that case. */
  cases: Record<LegalCase, number>;
  /** Kept for readers of older page data: always null, the e-mails are in `familyCompiled`. */
  compiled: Partial<Record<Jurisdiction, CompiledEmail>> | null;
  /** The compiled email of each text in `family` (null for letters and phone scripts). */
  familyCompiled: (CompiledEmail | null)[];
  fields: FieldSpec[];
  formats: DownloadFormat[];
  /** Example values per path for the case the page opens on, for the "fill in an example" button. */
  examples: Record<string, string>;
  /** The same per case the page has a text for: a Dutch or consumer letter gets examples that fit it. */
  caseExamples: Partial<Record<LegalCase, Record<string, string>>>;
}

/** What the previews show and a download is made from: one fill of the form's data for its case. */
export interface WorkbenchState {
  data: FillData;
  jurisdiction: Jurisdiction;
  legalCase: LegalCase;
  /** The text for the chosen case (the page's own text or one of its variants). */
  doc: TemplateDoc;
  filled: FilledDocument;
  email: FilledEmail | null;
  text: string;
  /** The print preview's markup (every value escaped). */
  print: string;
}

/** Groups whose values are the user's own details, remembered across templates. */
export const REMEMBERED_GROUPS: readonly FieldMeta['group'][] = ['afzender', 'ondertekenaar'];
export const STORAGE_KEY = 'tijdig:eigen-gegevens:v1';

export const fieldId = (path: string) => `veld-${path.replace(/\./g, '-')}`;
