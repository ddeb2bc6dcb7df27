/**
 * Every content schema in one module: segments, workflows and their steps, template frontmatter
 * and the fill data. Types are inferred from these schemas and never written by hand; Astro's
 * content collections and the JSON Schema export use the same objects.
 */
import { z } from 'zod';
import { CUSTOMER_TYPES, JURISDICTION_IDS, LEGAL_CASES, type LegalCase as LegalCaseId } from '../jurisdiction/ids.ts';
import { LOCALE_IDS } from '../locale/ids.ts';
import { fillFieldMeta, PLACEHOLDER_FIELDS, type FillFieldPath } from './fields.ts';

// The site's Content-Security-Policy forbids eval: without this, zod probes `new Function` in the
// browser, which the CSP blocks and reports as a violation.
z.config({ jitless: true });

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const id = () =>
  z.string().regex(ID_PATTERN, { error: 'een id in kleine letters, cijfers en koppeltekens (bv. "vip-d10-herinnering")' });

export const TONES = ['vriendelijk', 'professioneel', 'kordaat', 'formeel'] as const;
/** Order matters: a workflow should not step down this scale. */
export const Tone = z.enum(TONES);
export type Tone = z.infer<typeof Tone>;

export const CHANNELS = ['email', 'telefoon', 'brief', 'aangetekende-brief', 'juridisch'] as const;
export const Channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof Channel>;

export const TEMPLATE_KINDS = ['email', 'brief', 'belscript'] as const;
export const TemplateKind = z.enum(TEMPLATE_KINDS);
export type TemplateKind = z.infer<typeof TemplateKind>;

/** Which template kinds a step on a given channel may use. */
export const KINDS_FOR_CHANNEL: Record<Channel, readonly TemplateKind[]> = {
  email: ['email'],
  telefoon: ['belscript'],
  brief: ['brief'],
  'aangetekende-brief': ['brief'],
  juridisch: ['brief'],
};

export const SEGMENT_IDS = ['vip', 'standaard', 'wanbetaler'] as const;
export const SegmentId = z.enum(SEGMENT_IDS);

export const Jurisdiction = z.enum(JURISDICTION_IDS, { error: `een land: ${JURISDICTION_IDS.map((j) => `"${j}"`).join(' of ')} (België of Nederland)` });
export type Jurisdiction = z.infer<typeof Jurisdiction>;
export const CustomerType = z.enum(CUSTOMER_TYPES, { error: 'een soort klant: "onderneming" of "consument"' });
/** One legal case: country and customer type, e.g. "nl-consument". */
export const LegalCase = z.enum(LEGAL_CASES as unknown as readonly [LegalCaseId, ...LegalCaseId[]], {
  error: `een geval: ${LEGAL_CASES.map((c) => `"${c}"`).join(', ')}`,
});
/** A non-empty list of distinct cases. */
const Cases = z
  .array(LegalCase)
  .min(1, { error: `noem minstens één geval (${LEGAL_CASES.join(', ')})` })
  .refine((list) => new Set(list).size === list.length, { error: 'elk geval staat maar één keer in de lijst' });
export const LocaleIdSchema = z.enum(LOCALE_IDS, { error: `een taalvariant: ${LOCALE_IDS.map((l) => `"${l}"`).join(' of ')}` });

export const PURPOSES = [
  'preventief',
  'herinnering',
  'tweede-herinnering',
  'laatste-herinnering',
  'ingebrekestelling',
  'overdracht',
  'telefonisch-contact',
  'situatie',
] as const;
export const Purpose = z.enum(PURPOSES);
export type Purpose = z.infer<typeof Purpose>;

// ---------------------------------------------------------------- segments

export const Indicator = z.strictObject({
  /** What is measured, e.g. "Gemiddeld aantal dagen te laat". */
  naam: z.string().min(3),
  /** The threshold for this segment in words, e.g. "minder dan 5 dagen". */
  drempel: z.string().min(2),
  /** Numeric bounds a calculator can use (inclusive); absent when the indicator is qualitative. */
  min: z.number().optional(),
  max: z.number().optional(),
  /** Exclusive lower bound, for a threshold written as "meer dan 15": 15.5 meets it, 15 does not. */
  boven: z.number().optional(),
});

export const Segment = z.strictObject({
  id: SegmentId,
  titel: z.string().min(2),
  samenvatting: z.string().min(20),
  doel: z.string().min(10),
  toon: z.string().min(3),
  kanalen: z.array(Channel).min(1),
  indicatoren: z.array(Indicator).min(3),
  playbook: id(),
});
export type Segment = z.infer<typeof Segment>;

// ---------------------------------------------------------------- workflows

export const Step = z.strictObject({
  /** Days from the due date: negative is before it (D-5), positive after (D+13). */
  offset: z.number().int().min(-60).max(365),
  titel: z.string().min(3),
  kanaal: Channel,
  toon: Tone,
  template: id(),
  /** What to do when the customer pays or reacts at this point. */
  bijReactie: z.string().min(10),
});
export type Step = z.infer<typeof Step>;

export const Workflow = z.strictObject({
  id: id(),
  titel: z.string().min(3),
  segment: z.union([SegmentId, z.literal('algemeen')]),
  samenvatting: z.string().min(20),
  doel: z.string().min(10),
  toon: z.string().min(3),
  /**
   * The legal cases this playbook is valid for. Each step's template (or one of its variants) must
   * exist for every case listed here; a playbook with only "*-onderneming" is business-only.
   */
  gevallen: Cases,
  /** The step list; the last one is the final step of the playbook. */
  stappen: z.array(Step).min(1),
});
export type Workflow = z.infer<typeof Workflow>;

// ---------------------------------------------------------------- templates

export const TemplateFrontmatter = z.strictObject({
  id: id(),
  soort: TemplateKind,
  titel: z.string().min(3),
  doel: Purpose,
  toon: Tone,
  segment: z.union([SegmentId, z.literal('algemeen')]),
  /** Subject line (email) or "Betreft" line (letter). Placeholders allowed. */
  onderwerp: z.string().min(5).max(120).optional(),
  /** Preview text shown after the subject in the inbox; email only. */
  preheader: z.string().min(10).max(150).optional(),
  /** A letter sent by registered mail: printed "AANGETEKEND". */
  aangetekend: z.boolean().default(false),
  /**
   * The legal cases (country × customer type) whose law and Dutch this text is right for. A text
   * that cites Belgian B2B law is ["be-onderneming"]; Flemish words ("gelieve", "vervaldag") are
   * wrong for "nl-*".
   */
  gevallen: Cases,
  /** This file is the variant of that base template for its `gevallen`; workflow steps keep naming the base. */
  variantVan: id().optional(),
  /** The Dutch it is written in; default: the locale of its country (be → nl-BE, nl → nl-NL). */
  taal: LocaleIdSchema.optional(),
});
export type TemplateFrontmatter = z.infer<typeof TemplateFrontmatter>;

// ---------------------------------------------------------------- fill data

// Labels, kinds and examples live in fields.ts (plain data the browser can load without zod).
export { COMPUTED_FIELDS, FILL_FIELDS, FORMAT_HELPERS, PLACEHOLDER_FIELDS, PLACEHOLDERS } from './fields.ts';
export type { FieldKind, FieldMeta, FillFieldPath, FormatHelper, PlaceholderField } from './fields.ts';

const field = <T extends z.ZodType>(schema: T, path: FillFieldPath) => schema.optional().meta(fillFieldMeta(path) as unknown as Record<string, unknown>);
const text = (path: FillFieldPath) => field(z.string().max(2000), path);
const date = (path: FillFieldPath) => field(z.iso.date({ error: 'een datum als JJJJ-MM-DD' }), path);
/** Money is always integer cents, so no float ever reaches a letter. */
const money = (path: FillFieldPath) => field(z.number().int().min(0).max(100_000_000_000), path);

export const FillData = z.strictObject({
  /** Which law applies: decides interest, costs, terms and wording. */
  dossier: z
    .strictObject({
      jurisdictie: field(Jurisdiction, 'dossier.jurisdictie'),
      klanttype: field(CustomerType, 'dossier.klanttype'),
    })
    .optional(),
  afzender: z
    .strictObject({
      naam: text('afzender.naam'),
      straat: text('afzender.straat'),
      postcode: text('afzender.postcode'),
      gemeente: text('afzender.gemeente'),
      ondernemingsnummer: text('afzender.ondernemingsnummer'),
      btwNummer: text('afzender.btwNummer'),
      iban: field(z.string().max(42), 'afzender.iban'),
      bic: field(z.string().max(11), 'afzender.bic'),
      contactpersoon: text('afzender.contactpersoon'),
      telefoon: text('afzender.telefoon'),
      email: text('afzender.email'),
      website: text('afzender.website'),
    })
    .optional(),
  klant: z
    .strictObject({
      naam: text('klant.naam'),
      contactpersoon: text('klant.contactpersoon'),
      straat: text('klant.straat'),
      postcode: text('klant.postcode'),
      gemeente: text('klant.gemeente'),
      email: text('klant.email'),
      klantnummer: text('klant.klantnummer'),
    })
    .optional(),
  factuur: z
    .strictObject({
      nummer: text('factuur.nummer'),
      datum: date('factuur.datum'),
      vervaldatum: date('factuur.vervaldatum'),
      bedrag: money('factuur.bedrag'),
      openstaand: money('factuur.openstaand'),
      /** What the invoice is for: a mandatory mention in a Belgian consumer's first reminder (Boek XIX WER). */
      omschrijving: text('factuur.omschrijving'),
    })
    .optional(),
  betaling: z
    .strictObject({
      link: field(z.url({ protocol: /^https$/, error: 'een webadres dat met https:// begint' }), 'betaling.link'),
      mededeling: field(z.string().max(40), 'betaling.mededeling'),
      ontvangen: money('betaling.ontvangen'),
      ontvangenOp: date('betaling.ontvangenOp'),
    })
    .optional(),
  /** A promise or a plan agreed with the customer. */
  afspraak: z
    .strictObject({
      belofteDatum: date('afspraak.belofteDatum'),
      aantalTermijnen: field(z.number().int().min(2).max(24), 'afspraak.aantalTermijnen'),
      eersteTermijn: date('afspraak.eersteTermijn'),
      betwisting: text('afspraak.betwisting'),
    })
    .optional(),
  /** Recurring payments (subscription dunning). */
  abonnement: z
    .strictObject({
      naam: text('abonnement.naam'),
      bedrag: money('abonnement.bedrag'),
      betaalmethode: text('abonnement.betaalmethode'),
      kaartVervaltIn: text('abonnement.kaartVervaltIn'),
      reden: text('abonnement.reden'),
      opschorting: date('abonnement.opschorting'),
      wijziging: text('abonnement.wijziging'),
      wijzigingVanaf: date('abonnement.wijzigingVanaf'),
    })
    .optional(),
  data: z
    .strictObject({
      verzending: date('data.verzending'),
      nieuweTermijn: date('data.nieuweTermijn'),
      /** Belgian consumer: interest runs only after the term of this free first reminder (Boek XIX WER). */
      eersteHerinnering: date('data.eersteHerinnering'),
    })
    .optional(),
  kosten: z
    .strictObject({
      interestvoet: field(z.number().min(0).max(100), 'kosten.interestvoet'),
      interest: money('kosten.interest'),
      forfait: money('kosten.forfait'),
      /** Only a creditor who cannot deduct btw may add it to the collection costs. */
      btwOpIncasso: field(z.enum(['ja', 'nee'], { error: 'ja of nee' }), 'kosten.btwOpIncasso'),
    })
    .optional(),
  ondertekenaar: z
    .strictObject({
      naam: text('ondertekenaar.naam'),
      functie: text('ondertekenaar.functie'),
    })
    .optional(),
  /** Extra open invoices for a statement; when absent the table shows `factuur` alone. */
  facturen: z
    .array(
      z.strictObject({
        nummer: z.string().max(200),
        datum: z.iso.date().optional(),
        vervaldatum: z.iso.date().optional(),
        bedrag: z.number().int().min(0).optional(),
        openstaand: z.number().int().min(0).optional(),
      }),
    )
    .max(500)
    .optional(),
});
export type FillData = z.infer<typeof FillData>;

/** Complete sample data built from the field examples: fills every placeholder. */
export function sampleFillData(): FillData {
  const data: Record<string, Record<string, unknown>> = {};
  for (const f of PLACEHOLDER_FIELDS) {
    if (f.group === 'berekend') continue;
    const [group, name] = f.path.split('.') as [string, string];
    (data[group] ??= {})[name] = f.voorbeeld;
  }
  return FillData.parse(data);
}

// ---------------------------------------------------------------- guides

export const GuideFrontmatter = z.strictObject({
  titel: z.string().min(3),
  beschrijving: z.string().min(20).max(200),
  /** Position in the guide list, lowest first. */
  volgorde: z.number().int().min(0),
  jurisdictie: Jurisdiction.optional(),
});
export type GuideFrontmatter = z.infer<typeof GuideFrontmatter>;
