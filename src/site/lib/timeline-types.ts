/**
 * The JSON contract between the timeline page (built by lib/timeline-page.ts) and its island
 * (islands/timeline.ts), and the per-template files the pack download fetches. Types only.
 */
import type { LegalCase } from '../../jurisdiction/ids.ts';
import type { Channel, Jurisdiction, Purpose, TemplateKind, Workflow } from '../../content/schema.ts';
import type { ContentVocabulary } from '../../timeline/warnings.ts';
import type { Inline, TemplateDoc } from '../../model/types.ts';
import type { CompiledEmail } from '../../render/html/types.ts';
import type { FieldSpec } from './workbench-types.ts';

/** What the builder knows about a template before any download: enough for warnings, selects and the calendar. */
export interface CatalogTemplate {
  /** The id a step names: the base template's. */
  id: string;
  /** The text to fetch and fill: the base itself or its variant for the plan's case. */
  file: string;
  /** The legal cases this text is written for. */
  cases: LegalCase[];
  /** The base template this text is a variant of, or null for a base. */
  variantOf: string | null;
  title: string;
  kind: TemplateKind;
  purpose: Purpose;
  registered: boolean;
  /** The country the template is written for; null when it fits both. */
  jurisdiction: Jurisdiction | null;
  /** Asks interest and compensation (the timeline core's `claimsCosts`). */
  claimsCosts: boolean;
  /** This text can be the veertiendagenbrief to a Dutch consumer (the core's `fourteenDayLetter`, read from the text at build time). */
  fourteenDayLetter: boolean;
  /** Subject (email) or "Betreft" line (letter), still with placeholders: filled in the browser for the calendar. */
  subject: Inline[];
  /** Form fields (placeholder paths) this template needs that the plan itself does not supply. */
  fields: string[];
}

/** The step editor's choices, in the content schema's order (emitted at build time: the page needs no zod for them). */
export interface StepChoices extends ContentVocabulary {
  channels: readonly Channel[];
}

export interface TimelineData {
  workflows: Workflow[];
  choices: StepChoices;
  templates: CatalogTemplate[];
  /** The pack form's fields (the union over every template), in form order. */
  fields: FieldSpec[];
  /** Example values per field path, for "fill in an example". */
  examples: Record<string, string>;
  /** The playbook a fresh page starts from. */
  defaultWorkflow: string;
}

/** One template, as fetched when the personalised pack is made. */
export interface TemplateData {
  doc: TemplateDoc;
  /** The email compiled for this file's country; null for letters and phone scripts. */
  compiled: CompiledEmail | null;
}

/** Where the pack download finds a template's data. */
export const templateDataUrl = (id: string, jurisdiction: Jurisdiction) => `/tijdlijn/sjablonen/${id}-${jurisdiction}.json`;

/** Placeholders the plan fills itself: the pack form does not ask for them. */
export const PLAN_PATHS: ReadonlySet<string> = new Set([
  'dossier.jurisdictie',
  'dossier.klanttype',
  'factuur.datum',
  'factuur.vervaldatum',
  'factuur.bedrag',
  'factuur.openstaand',
  'data.verzending',
  'data.nieuweTermijn',
  'kosten.interest',
  'kosten.interestvoet',
  'kosten.forfait',
]);

/** The fragment key of a share link: `/tijdlijn/#plan=1…`. */
export const SHARE_PREFIX = '#plan=';
