/**
 * Sample data per legal case. The form's examples (`voorbeeld` in schema.ts) describe a Flemish
 * bakery and a Flemish business customer; a Dutch letter or a letter to a consumer needs a sender,
 * customer and payment details that fit its case, or an example teaches the wrong thing (a Gent
 * address and a +++…+++ communication in a Dutch letter, a company as the consumer). Only what
 * differs from the form's examples is written here; all data are invented.
 */
import type { LegalCase } from '../jurisdiction/ids.ts';
import { sampleFillData, type FillData } from './schema.ts';

type Overrides = { [K in keyof FillData]?: Partial<NonNullable<FillData[K]>> };

/** The same bakery, established in the Netherlands. The IBAN has a valid checksum and an obviously made-up account number. */
const NL_SENDER: Overrides = {
  afzender: {
    straat: 'Kerkstraat 12',
    postcode: '3512 AB',
    gemeente: 'Utrecht',
    ondernemingsnummer: 'KvK 12345678',
    btwNummer: 'NL001234567B01',
    iban: 'NL02 ABNA 0123 4567 89',
    bic: 'ABNANL2A',
    contactpersoon: 'Sanne de Vries',
    telefoon: '030 123 45 67',
    email: 'boekhouding@goudenkorst.nl',
    website: 'https://www.goudenkorst.nl',
  },
  // Dutch small businesses usually ask for the invoice number as the betalingskenmerk.
  betaling: { link: 'https://betalen.goudenkorst.nl/2026-0153', mededeling: '2026-0153' },
  ondertekenaar: { naam: 'Sanne de Vries', functie: 'Directeur' },
};

const NL_BUSINESS_CUSTOMER: Overrides = {
  klant: { naam: 'Brasserie Het Pleintje', contactpersoon: 'Jan Bakker', straat: 'Grote Markt 3', postcode: '2011 RD', gemeente: 'Haarlem', email: 'jan@hetpleintje.nl' },
};

/** A consumer is a private person: no company name, no contact person "t.a.v.", no btw number. */
const CONSUMER_CUSTOMER: Record<'be' | 'nl', Overrides> = {
  be: { klant: { naam: 'Els Wouters', straat: 'Lindenlaan 8', postcode: '9300', gemeente: 'Aalst', email: 'els.wouters@example.be' } },
  nl: { klant: { naam: 'Anouk Visser', straat: 'Lindenlaan 8', postcode: '2012 AB', gemeente: 'Haarlem', email: 'anouk.visser@example.nl' } },
};

const CONSUMER_INVOICE: Overrides = {
  factuur: { omschrijving: 'de bruidstaart en het gebak voor uw trouwfeest' },
  afspraak: { betwisting: 'het aantal geleverde taartjes' },
};

function merge(base: FillData, ...layers: Overrides[]): FillData {
  const out: Record<string, unknown> = { ...base };
  for (const layer of layers) {
    for (const [group, values] of Object.entries(layer)) {
      out[group] = { ...(out[group] as object | undefined), ...values };
    }
  }
  return out as FillData;
}

/** The form's sample data made to fit `legalCase`, with the case set in `dossier`. */
export function sampleFillDataFor(legalCase: LegalCase): FillData {
  const [jurisdictie, klanttype] = legalCase.split('-') as ['be' | 'nl', 'onderneming' | 'consument'];
  const base = sampleFillData();
  if (klanttype === 'consument') delete base.klant?.contactpersoon;
  const layers: Overrides[] = [
    ...(jurisdictie === 'nl' ? [NL_SENDER] : []),
    ...(klanttype === 'consument' ? [CONSUMER_CUSTOMER[jurisdictie], CONSUMER_INVOICE] : jurisdictie === 'nl' ? [NL_BUSINESS_CUSTOMER] : []),
  ];
  return { ...merge(base, ...layers), dossier: { jurisdictie, klanttype } };
}
