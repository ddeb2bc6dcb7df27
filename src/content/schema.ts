/**
 * Every content schema in one module: segments, workflows and their steps, template frontmatter
 * and the fill data. Types are inferred from these schemas and never written by hand; Astro's
 * content collections and the JSON Schema export use the same objects.
 */
import { z } from 'zod';
import { CUSTOMER_TYPES, JURISDICTION_IDS, LEGAL_CASES, type LegalCase as LegalCaseId } from '../jurisdiction/ids.ts';
import { LOCALE_IDS } from '../locale/ids.ts';

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

/** What a fill-data field holds; drives formatting, form inputs and validation. */
export type FieldKind = 'tekst' | 'datum' | 'bedrag' | 'percentage' | 'getal' | 'iban' | 'bic' | 'email' | 'url' | 'telefoon' | 'mededeling' | 'keuze';
export interface FieldMeta {
  label: string;
  kind: FieldKind;
  group: 'dossier' | 'afzender' | 'klant' | 'factuur' | 'betaling' | 'afspraak' | 'abonnement' | 'data' | 'kosten' | 'ondertekenaar' | 'berekend';
  /** Shown in the form as an example and used as sample data for the blank-pack checks. */
  voorbeeld: string | number;
}

const field = <T extends z.ZodType>(schema: T, meta: FieldMeta) => schema.optional().meta(meta as unknown as Record<string, unknown>);
const text = (label: string, group: FieldMeta['group'], voorbeeld: string, kind: FieldKind = 'tekst') =>
  field(z.string().max(2000), { label, kind, group, voorbeeld });
const date = (label: string, group: FieldMeta['group'], voorbeeld: string) =>
  field(z.iso.date({ error: 'een datum als JJJJ-MM-DD' }), { label, kind: 'datum', group, voorbeeld });
/** Money is always integer cents, so no float ever reaches a letter. */
const money = (label: string, group: FieldMeta['group'], voorbeeld: number) =>
  field(z.number().int().min(0).max(100_000_000_000), { label, kind: 'bedrag', group, voorbeeld });

export const FillData = z.strictObject({
  /** Which law applies: decides interest, costs, terms and wording. */
  dossier: z
    .strictObject({
      jurisdictie: field(Jurisdiction, { label: 'Land van de klant (be of nl)', kind: 'keuze', group: 'dossier', voorbeeld: 'be' }),
      klanttype: field(CustomerType, { label: 'Soort klant', kind: 'keuze', group: 'dossier', voorbeeld: 'onderneming' }),
    })
    .optional(),
  afzender: z
    .strictObject({
      naam: text('Bedrijfsnaam', 'afzender', 'Bakkerij De Gouden Korst bv'),
      straat: text('Straat en nummer', 'afzender', 'Kerkstraat 12'),
      postcode: text('Postcode', 'afzender', '9000'),
      gemeente: text('Gemeente', 'afzender', 'Gent'),
      ondernemingsnummer: text('Ondernemingsnummer of KvK-nummer', 'afzender', '0123.456.749'),
      btwNummer: text('Btw-nummer', 'afzender', 'BE0123456749'),
      iban: field(z.string().max(42), { label: 'IBAN', kind: 'iban', group: 'afzender', voorbeeld: 'BE71 0961 2345 6769' }),
      bic: field(z.string().max(11), { label: 'BIC', kind: 'bic', group: 'afzender', voorbeeld: 'GKCCBEBB' }),
      contactpersoon: text('Contactpersoon', 'afzender', 'Sofie Peeters'),
      telefoon: text('Telefoon', 'afzender', '09 123 45 67', 'telefoon'),
      email: text('E-mailadres', 'afzender', 'boekhouding@goudenkorst.be', 'email'),
      website: text('Website', 'afzender', 'https://www.goudenkorst.be', 'url'),
    })
    .optional(),
  klant: z
    .strictObject({
      naam: text('Naam klant', 'klant', 'Brasserie Het Pleintje'),
      contactpersoon: text('Contactpersoon klant', 'klant', 'Jan Claes'),
      straat: text('Straat en nummer', 'klant', 'Marktplein 3'),
      postcode: text('Postcode', 'klant', '9300'),
      gemeente: text('Gemeente', 'klant', 'Aalst'),
      email: text('E-mailadres klant', 'klant', 'jan@hetpleintje.be', 'email'),
      klantnummer: text('Klantnummer', 'klant', 'K-0427'),
    })
    .optional(),
  factuur: z
    .strictObject({
      nummer: text('Factuurnummer', 'factuur', '2026-0153'),
      datum: date('Factuurdatum', 'factuur', '2026-10-01'),
      vervaldatum: date('Vervaldatum', 'factuur', '2026-10-31'),
      bedrag: money('Factuurbedrag', 'factuur', 124_050),
      openstaand: money('Openstaand bedrag', 'factuur', 124_050),
      /** What the invoice is for: a mandatory mention in a Belgian consumer's first reminder (Boek XIX WER). */
      omschrijving: text('Waarvoor de factuur is', 'factuur', 'de levering van brood en gebak in oktober 2026'),
    })
    .optional(),
  betaling: z
    .strictObject({
      link: field(z.url({ protocol: /^https$/, error: 'een webadres dat met https:// begint' }), {
        label: 'Betaallink',
        kind: 'url',
        group: 'betaling',
        voorbeeld: 'https://betalen.goudenkorst.be/2026-0153',
      }),
      mededeling: field(z.string().max(40), {
        label: 'Gestructureerde mededeling of betalingskenmerk',
        kind: 'mededeling',
        group: 'betaling',
        voorbeeld: '+++090/9337/55493+++',
      }),
      ontvangen: money('Reeds ontvangen bedrag', 'betaling', 50_000),
      ontvangenOp: date('Datum van de ontvangen betaling', 'betaling', '2026-11-18'),
    })
    .optional(),
  /** A promise or a plan agreed with the customer. */
  afspraak: z
    .strictObject({
      belofteDatum: date('Beloofde betaaldatum', 'afspraak', '2026-11-30'),
      aantalTermijnen: field(z.number().int().min(2).max(24), { label: 'Aantal afbetalingstermijnen', kind: 'getal', group: 'afspraak', voorbeeld: 3 }),
      eersteTermijn: date('Datum van de eerste termijn', 'afspraak', '2026-12-01'),
      betwisting: text('Wat de klant betwist', 'afspraak', 'het aantal geleverde broden in week 41'),
    })
    .optional(),
  /** Recurring payments (subscription dunning). */
  abonnement: z
    .strictObject({
      naam: text('Naam van het abonnement', 'abonnement', 'Broodabonnement Horeca'),
      bedrag: money('Bedrag per periode', 'abonnement', 18_900),
      betaalmethode: text('Betaalmethode', 'abonnement', 'Visa eindigend op 4242'),
      kaartVervaltIn: text('Kaart vervalt in (MM/JJ)', 'abonnement', '12/26'),
      reden: text('Reden van de mislukte betaling', 'abonnement', 'onvoldoende saldo'),
      opschorting: date('Datum van opschorting', 'abonnement', '2026-12-10'),
      wijziging: text('Wat er verandert aan de betalingsvoorwaarden', 'abonnement', 'facturen zijn voortaan binnen 14 dagen betaalbaar in plaats van 30'),
      wijzigingVanaf: date('Ingangsdatum van de wijziging', 'abonnement', '2027-01-01'),
    })
    .optional(),
  data: z
    .strictObject({
      verzending: date('Verzenddatum', 'data', '2026-11-23'),
      nieuweTermijn: date('Nieuwe betaaltermijn', 'data', '2026-12-07'),
      /** Belgian consumer: interest runs only after the term of this free first reminder (Boek XIX WER). */
      eersteHerinnering: date('Verzenddatum van de eerste (gratis) herinnering', 'data', '2026-10-20'),
    })
    .optional(),
  kosten: z
    .strictObject({
      interestvoet: field(z.number().min(0).max(100), { label: 'Interestvoet (% per jaar)', kind: 'percentage', group: 'kosten', voorbeeld: 10.5 }),
      interest: money('Verwijlinterest', 'kosten', 1_250),
      forfait: money('Forfaitaire vergoeding', 'kosten', 4_000),
      /** Only a creditor who cannot deduct btw may add it to the collection costs. */
      btwOpIncasso: field(z.enum(['ja', 'nee'], { error: 'ja of nee' }), { label: 'Btw bijrekenen op de incassokosten (ja als u de btw niet kunt aftrekken)', kind: 'keuze', group: 'kosten', voorbeeld: 'nee' }),
    })
    .optional(),
  ondertekenaar: z
    .strictObject({
      naam: text('Naam ondertekenaar', 'ondertekenaar', 'Sofie Peeters'),
      functie: text('Functie', 'ondertekenaar', 'Zaakvoerder'),
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

/** Values derived from the fill data by src/model/compute.ts; templates may use them, users never type them. */
export const COMPUTED_FIELDS: Record<string, FieldMeta> = {
  'berekend.dagenTeLaat': { label: 'Dagen te laat', kind: 'getal', group: 'berekend', voorbeeld: 23 },
  'berekend.totaalOpen': { label: 'Totaal openstaand', kind: 'bedrag', group: 'berekend', voorbeeld: 124_050 },
  'berekend.totaalTeBetalen': { label: 'Totaal te betalen', kind: 'bedrag', group: 'berekend', voorbeeld: 129_300 },
  'berekend.saldo': { label: 'Openstaand saldo na ontvangen betaling', kind: 'bedrag', group: 'berekend', voorbeeld: 74_050 },
  'berekend.termijnbedrag': { label: 'Bedrag per afbetalingstermijn', kind: 'bedrag', group: 'berekend', voorbeeld: 41_350 },
  /** NL: WIK scale on the principal; BE consumer: the art. XIX.4 WER maximum; BE business: the fixed EUR 40. */
  'berekend.incassokosten': { label: 'Incassokosten of schadevergoeding volgens de wet', kind: 'bedrag', group: 'berekend', voorbeeld: 16_200 },
  /** Btw on those costs, only when kosten.btwOpIncasso is "ja"; 0 otherwise. */
  'berekend.incassokostenBtw': { label: 'Btw op de incassokosten', kind: 'bedrag', group: 'berekend', voorbeeld: 0 },
  'berekend.incassokostenTotaal': { label: 'Incassokosten inclusief eventuele btw', kind: 'bedrag', group: 'berekend', voorbeeld: 16_200 },
  /** Last day of a 14-day term that starts the day after (presumed) receipt of this message. */
  'berekend.betaalUiterlijk': { label: 'Uiterste betaaldatum (14 dagen na ontvangst)', kind: 'datum', group: 'berekend', voorbeeld: '2026-12-10' },
};

export interface PlaceholderField extends FieldMeta {
  path: string;
}

/** Flattens the fill-data schema into dotted placeholder paths with their metadata. */
function collectFields(): PlaceholderField[] {
  const fields: PlaceholderField[] = [];
  for (const [group, groupSchema] of Object.entries(FillData.shape)) {
    const inner = (groupSchema as z.ZodOptional<z.ZodType>).unwrap();
    if (!(inner instanceof z.ZodObject)) continue;
    for (const [name, fieldSchema] of Object.entries(inner.shape)) {
      const meta = (fieldSchema as z.ZodType).meta() as unknown as FieldMeta | undefined;
      if (meta) fields.push({ path: `${group}.${name}`, ...meta });
    }
  }
  for (const [path, meta] of Object.entries(COMPUTED_FIELDS)) fields.push({ path, ...meta });
  return fields;
}

export const PLACEHOLDER_FIELDS: readonly PlaceholderField[] = collectFields();
export const PLACEHOLDERS: ReadonlyMap<string, PlaceholderField> = new Map(PLACEHOLDER_FIELDS.map((f) => [f.path, f]));

/** Format helpers a placeholder may use, and the field kinds each accepts. */
export const FORMAT_HELPERS = { bedrag: ['bedrag'], datum: ['datum'] } as const satisfies Record<string, readonly FieldKind[]>;
export type FormatHelper = keyof typeof FORMAT_HELPERS;

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
