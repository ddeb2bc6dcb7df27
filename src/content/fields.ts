/**
 * The placeholder fields: label, kind and example of every fill-data field and of the values
 * computed from them. Plain data without zod, so browser code that only needs to know a field
 * (fill, the forms) does not ship the schemas; schema.ts builds the FillData schema on this table
 * and re-exports everything here, and tests/unit/content-fields.test.ts keeps the two in step.
 */

/** What a fill-data field holds; drives formatting, form inputs and validation. */
export type FieldKind = 'tekst' | 'datum' | 'bedrag' | 'percentage' | 'getal' | 'iban' | 'bic' | 'email' | 'url' | 'telefoon' | 'mededeling' | 'keuze';
export interface FieldMeta {
  label: string;
  kind: FieldKind;
  group: 'dossier' | 'afzender' | 'klant' | 'factuur' | 'betaling' | 'afspraak' | 'abonnement' | 'data' | 'kosten' | 'ondertekenaar' | 'berekend';
  /** Shown in the form as an example and used as sample data for the blank-pack checks. */
  voorbeeld: string | number;
}

export interface PlaceholderField extends FieldMeta {
  path: string;
}

type Group = FieldMeta['group'];
type Entry = Omit<FieldMeta, 'group'>;
const f = (label: string, kind: FieldKind, voorbeeld: string | number): Entry => ({ label, kind, voorbeeld });

/** The fields a user fills in, in the order of the schema (and of the forms within a group). Money in cents. */
export const FILL_FIELDS = {
  'dossier.jurisdictie': f('Land van de klant (be of nl)', 'keuze', 'be'),
  'dossier.klanttype': f('Soort klant', 'keuze', 'onderneming'),
  'afzender.naam': f('Bedrijfsnaam', 'tekst', 'Bakkerij De Gouden Korst bv'),
  'afzender.straat': f('Straat en nummer', 'tekst', 'Kerkstraat 12'),
  'afzender.postcode': f('Postcode', 'tekst', '9000'),
  'afzender.gemeente': f('Gemeente', 'tekst', 'Gent'),
  'afzender.ondernemingsnummer': f('Ondernemingsnummer of KvK-nummer', 'tekst', '0123.456.749'),
  'afzender.btwNummer': f('Btw-nummer', 'tekst', 'BE0123456749'),
  'afzender.iban': f('IBAN', 'iban', 'BE71 0961 2345 6769'),
  'afzender.bic': f('BIC', 'bic', 'GKCCBEBB'),
  'afzender.contactpersoon': f('Contactpersoon', 'tekst', 'Sofie Peeters'),
  'afzender.telefoon': f('Telefoon', 'telefoon', '09 123 45 67'),
  'afzender.email': f('E-mailadres', 'email', 'boekhouding@goudenkorst.be'),
  'afzender.website': f('Website', 'url', 'https://www.goudenkorst.be'),
  'klant.naam': f('Naam klant', 'tekst', 'Brasserie Het Pleintje'),
  'klant.contactpersoon': f('Contactpersoon klant', 'tekst', 'Jan Claes'),
  'klant.straat': f('Straat en nummer', 'tekst', 'Marktplein 3'),
  'klant.postcode': f('Postcode', 'tekst', '9300'),
  'klant.gemeente': f('Gemeente', 'tekst', 'Aalst'),
  'klant.email': f('E-mailadres klant', 'email', 'jan@hetpleintje.be'),
  'klant.klantnummer': f('Klantnummer', 'tekst', 'K-0427'),
  'factuur.nummer': f('Factuurnummer', 'tekst', '2026-0153'),
  'factuur.datum': f('Factuurdatum', 'datum', '2026-10-01'),
  'factuur.vervaldatum': f('Vervaldatum', 'datum', '2026-10-31'),
  'factuur.bedrag': f('Factuurbedrag', 'bedrag', 124_050),
  'factuur.openstaand': f('Openstaand bedrag', 'bedrag', 124_050),
  'factuur.omschrijving': f('Waarvoor de factuur is', 'tekst', 'de levering van brood en gebak in oktober 2026'),
  'betaling.link': f('Betaallink', 'url', 'https://betalen.goudenkorst.be/2026-0153'),
  'betaling.mededeling': f('Gestructureerde mededeling of betalingskenmerk', 'mededeling', '+++090/9337/55493+++'),
  'betaling.ontvangen': f('Reeds ontvangen bedrag', 'bedrag', 50_000),
  'betaling.ontvangenOp': f('Datum van de ontvangen betaling', 'datum', '2026-11-18'),
  'afspraak.belofteDatum': f('Beloofde betaaldatum', 'datum', '2026-11-30'),
  'afspraak.aantalTermijnen': f('Aantal afbetalingstermijnen', 'getal', 3),
  'afspraak.eersteTermijn': f('Datum van de eerste termijn', 'datum', '2026-12-01'),
  'afspraak.betwisting': f('Wat de klant betwist', 'tekst', 'het aantal geleverde broden in week 41'),
  'abonnement.naam': f('Naam van het abonnement', 'tekst', 'Broodabonnement Horeca'),
  'abonnement.bedrag': f('Bedrag per periode', 'bedrag', 18_900),
  'abonnement.betaalmethode': f('Betaalmethode', 'tekst', 'Visa eindigend op 4242'),
  'abonnement.kaartVervaltIn': f('Kaart vervalt in (MM/JJ)', 'tekst', '12/26'),
  'abonnement.reden': f('Reden van de mislukte betaling', 'tekst', 'onvoldoende saldo'),
  'abonnement.opschorting': f('Datum van opschorting', 'datum', '2026-12-10'),
  'abonnement.wijziging': f('Wat er verandert aan de betalingsvoorwaarden', 'tekst', 'facturen zijn voortaan binnen 14 dagen betaalbaar in plaats van 30'),
  'abonnement.wijzigingVanaf': f('Ingangsdatum van de wijziging', 'datum', '2027-01-01'),
  'data.verzending': f('Verzenddatum', 'datum', '2026-11-23'),
  'data.nieuweTermijn': f('Nieuwe betaaltermijn', 'datum', '2026-12-07'),
  'data.eersteHerinnering': f('Verzenddatum van de eerste (gratis) herinnering', 'datum', '2026-10-20'),
  'kosten.interestvoet': f('Interestvoet (% per jaar)', 'percentage', 10.5),
  'kosten.interest': f('Verwijlinterest', 'bedrag', 1_250),
  'kosten.forfait': f('Forfaitaire vergoeding', 'bedrag', 4_000),
  'kosten.btwOpIncasso': f('Btw bijrekenen op de incassokosten (ja als u de btw niet kunt aftrekken)', 'keuze', 'nee'),
  'ondertekenaar.naam': f('Naam ondertekenaar', 'tekst', 'Sofie Peeters'),
  'ondertekenaar.functie': f('Functie', 'tekst', 'Zaakvoerder'),
} satisfies Record<`${Exclude<Group, 'berekend'>}.${string}`, Entry>;
export type FillFieldPath = keyof typeof FILL_FIELDS;

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

/** A user field's metadata, its group taken from its path. */
export function fillFieldMeta(path: FillFieldPath): FieldMeta {
  const { label, kind, voorbeeld } = FILL_FIELDS[path];
  return { label, kind, group: path.slice(0, path.indexOf('.')) as Group, voorbeeld };
}

export const PLACEHOLDER_FIELDS: readonly PlaceholderField[] = [
  ...(Object.keys(FILL_FIELDS) as FillFieldPath[]).map((path) => ({ path, ...fillFieldMeta(path) })),
  ...Object.entries(COMPUTED_FIELDS).map(([path, meta]) => ({ path, ...meta })),
];
export const PLACEHOLDERS: ReadonlyMap<string, PlaceholderField> = new Map(PLACEHOLDER_FIELDS.map((field) => [field.path, field]));

/** Format helpers a placeholder may use, and the field kinds each accepts. */
export const FORMAT_HELPERS = { bedrag: ['bedrag'], datum: ['datum'] } as const satisfies Record<string, readonly FieldKind[]>;
export type FormatHelper = keyof typeof FORMAT_HELPERS;
