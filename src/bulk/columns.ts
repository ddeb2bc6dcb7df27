/**
 * Which CSV column holds which invoice field: a guess from the header names (Dutch, Flemish,
 * English and a little French, as accounting tools export them) and the values, which the user can
 * correct. A mapping refers to columns by header name, so it is plain JSON and can be remembered
 * (localStorage) and applied to next month's export of the same tool. Browser-safe and pure.
 */
export const BULK_FIELDS = [
  'factuurnummer',
  'factuurdatum',
  'vervaldatum',
  'bedrag',
  'openstaand',
  'klantnummer',
  'klantnaam',
  'contactpersoon',
  'email',
  'telefoon',
  'straat',
  'postcode',
  'gemeente',
  'land',
  'klanttype',
  'iban',
  'mededeling',
  'betaallink',
  'laatsteStap',
  'draaiboek',
] as const;
export type BulkField = (typeof BULK_FIELDS)[number];

export interface BulkFieldInfo {
  /** Dutch label for the mapping form. */
  label: string;
  /** Shown under the field in the mapping form. */
  hint: string;
  /** Several columns may be joined with a space (street + house number, first + last name). */
  multiple: boolean;
}

export const BULK_FIELD_INFO: Record<BulkField, BulkFieldInfo> = {
  factuurnummer: { label: 'Factuurnummer', hint: 'verplicht', multiple: false },
  factuurdatum: { label: 'Factuurdatum', hint: 'optioneel', multiple: false },
  vervaldatum: { label: 'Vervaldatum', hint: 'verplicht, tenzij u een standaard betaaltermijn opgeeft', multiple: false },
  bedrag: { label: 'Factuurbedrag (incl. btw)', hint: 'optioneel als er een kolom met het openstaande bedrag is', multiple: false },
  openstaand: { label: 'Openstaand bedrag', hint: 'zonder deze kolom geldt het factuurbedrag als openstaand', multiple: false },
  klantnummer: { label: 'Klantnummer', hint: 'groepeert de facturen per klant; zonder nummer: naam en e-mailadres', multiple: false },
  klantnaam: { label: 'Naam klant', hint: 'verplicht (of een contactpersoon)', multiple: true },
  contactpersoon: { label: 'Contactpersoon', hint: 'optioneel; voor- en achternaam mogen twee kolommen zijn', multiple: true },
  email: { label: 'E-mailadres', hint: 'nodig voor een e-mailstap', multiple: false },
  telefoon: { label: 'Telefoon', hint: 'optioneel; komt in het overzicht voor belstappen', multiple: false },
  straat: { label: 'Straat en nummer', hint: 'nodig voor een brief; straat, huisnummer en bus mogen aparte kolommen zijn', multiple: true },
  postcode: { label: 'Postcode', hint: 'nodig voor een brief', multiple: false },
  gemeente: { label: 'Gemeente of plaats', hint: 'nodig voor een brief', multiple: false },
  land: { label: 'Land', hint: 'BE of NL; bepaalt interest en kosten per klant', multiple: false },
  klanttype: { label: 'Soort klant', hint: 'onderneming of consument (particulier)', multiple: false },
  iban: { label: 'IBAN van de klant', hint: 'optioneel; wordt gecontroleerd en komt in het overzicht', multiple: false },
  mededeling: { label: 'Gestructureerde mededeling of betalingskenmerk', hint: 'optioneel', multiple: false },
  betaallink: { label: 'Betaallink', hint: 'optioneel; alleen https-adressen', multiple: false },
  laatsteStap: { label: 'Laatst verstuurde herinnering', hint: 'optioneel: de laatste stap die de klant al kreeg (aantal herinneringen, D+15 of de titel); leeg of 0 is nog niets', multiple: false },
  draaiboek: { label: 'Draaiboek per klant', hint: 'optioneel: vip, standaard of wanbetaler (zoals de pagina Afletteren het voorstelt); leeg is het gekozen draaiboek', multiple: false },
};

/** Serialisable: field -> header name(s). Store it as JSON; validate with parseMapping on the way back. */
export interface ColumnMapping {
  version: 1;
  columns: Partial<Record<BulkField, string[]>>;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads a remembered mapping (e.g. from localStorage); null when it is not one. Checked by hand
 * rather than with zod, so the light bulk modules do not pull zod into the page.
 */
export function parseMapping(json: unknown): ColumnMapping | null {
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch {
      return null;
    }
  }
  if (!isRecord(value) || value.version !== 1 || !isRecord(value.columns) || Object.keys(value).length !== 2) return null;
  const columns: Partial<Record<BulkField, string[]>> = {};
  for (const [field, headers] of Object.entries(value.columns)) {
    if (!(BULK_FIELDS as readonly string[]).includes(field)) return null;
    if (!Array.isArray(headers) || headers.length > 6 || !headers.every((h) => typeof h === 'string' && h.length <= 300)) return null;
    columns[field as BulkField] = [...(headers as string[])];
  }
  return { version: 1, columns };
}

export function serializeMapping(mapping: ColumnMapping): string {
  return JSON.stringify(mapping);
}

// ---------------------------------------------------------------- header recognition

/** "E-mail adres" -> "emailadres", "Bedrag incl. BTW" -> "bedraginclbtw". */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/** Exact names (normalised) per field. Earlier entries are slightly better matches. */
const ALIASES: Record<BulkField, readonly string[]> = {
  factuurnummer: ['factuurnummer', 'factuurnr', 'factuurno', 'nrfactuur', 'nummerfactuur', 'factuur', 'factuurid', 'invoicenumber', 'invoiceno', 'invoicenr', 'invoiceid', 'invoice', 'num', 'invoiceref', 'documentnummer', 'documentnr', 'boekstuknummer', 'boekstuknr', 'boekstuk', 'stuknummer', 'numerofacture', 'nfacture', 'facture', 'nummer', 'number', 'referentie'],
  factuurdatum: ['factuurdatum', 'datumfactuur', 'invoicedate', 'invoicebilldate', 'documentdatum', 'boekdatum', 'uitgiftedatum', 'issuedate', 'datefacture', 'datum', 'date'],
  vervaldatum: ['vervaldatum', 'vervaldag', 'verval', 'datumverval', 'vervaldt', 'uiterstebetaaldatum', 'uiterstebetaaldag', 'betaaltermijntot', 'duedate', 'datedue', 'paymentduedate', 'dateecheance', 'echeance'],
  bedrag: ['factuurbedrag', 'bedraginclbtw', 'bedragincl', 'totaalinclbtw', 'totaalincl', 'totaalbedrag', 'totaal', 'bedrag', 'brutobedrag', 'invoiceamount', 'totalamount', 'totalinclvat', 'amountinclvat', 'totalpriceincltax', 'totalincltax', 'amountincltax', 'totalsigned', 'amounttotal', 'grandtotal', 'total', 'amount', 'montant', 'montanttotal', 'totaalinclusiefbtw', 'bedraginclusiefbtw'],
  openstaand: ['openstaand', 'openstaandbedrag', 'bedragopenstaand', 'openstaandsaldo', 'openbedrag', 'bedragopen', 'open', 'saldo', 'restbedrag', 'restant', 'resterend', 'resterendbedrag', 'nogtebetalen', 'tebetalen', 'nogopen', 'openpost', 'outstanding', 'outstandingamount', 'amountoutstanding', 'openamount', 'amountdue', 'balance', 'balancedue', 'openbalance', 'remaining', 'remainingamount', 'unpaid', 'unpaidamount', 'totalunpaid', 'amountunpaid', 'onbetaald', 'onbetaaldbedrag', 'amountduesigned', 'amountresidual', 'solde', 'montantdu', 'resteapayer'],
  klantnummer: ['klantnummer', 'klantnr', 'klantcode', 'klantid', 'relatienummer', 'relatienr', 'relatiecode', 'debiteurnummer', 'debiteurnr', 'debiteurcode', 'debiteur', 'customernumber', 'customerno', 'customerid', 'customercode', 'clientnumber', 'clientid', 'accountcode', 'accountnumber', 'contactid', 'numeroclient', 'code'],
  klantnaam: ['klantnaam', 'naamklant', 'klant', 'relatienaam', 'relatie', 'debiteurnaam', 'bedrijfsnaam', 'bedrijf', 'firmanaam', 'firma', 'organisatie', 'onderneming', 'companyname', 'company', 'customername', 'customer', 'partner', 'partnername', 'clientname', 'client', 'accountname', 'account', 'contact', 'naam', 'name', 'nomclient', 'societe'],
  contactpersoon: ['contactpersoon', 'contactpersoonnaam', 'tav', 'terattentievan', 'attn', 'attention', 'contactperson', 'contactname', 'voornaam', 'achternaam', 'familienaam', 'tussenvoegsel', 'firstname', 'lastname', 'surname'],
  email: ['emailfacturatie', 'factuuremail', 'emailfactuur', 'emailadresfacturatie', 'facturatieemail', 'invoiceemail', 'billingemail', 'emailadres', 'email', 'mail', 'mailadres', 'emailaddress', 'courriel'],
  telefoon: ['telefoon', 'telefoonnummer', 'tel', 'telnr', 'gsm', 'mobiel', 'mobielnummer', 'phone', 'phonenumber', 'mobile', 'telephone'],
  straat: ['straatennummer', 'straatnummer', 'straat', 'straatnaam', 'adres', 'adresregel1', 'adres1', 'address', 'addressline1', 'address1', 'street', 'huisnummer', 'huisnr', 'nr', 'bus', 'toevoeging', 'adresse', 'rue'],
  postcode: ['postcode', 'postnummer', 'zip', 'zipcode', 'postalcode', 'codepostal'],
  gemeente: ['gemeente', 'plaats', 'woonplaats', 'stad', 'vestigingsplaats', 'city', 'town', 'locality', 'localite', 'ville'],
  land: ['land', 'landcode', 'country', 'countrycode', 'pays'],
  klanttype: ['klanttype', 'soortklant', 'typeklant', 'particulier', 'customertype', 'b2bb2c'],
  iban: ['iban', 'ibanklant', 'rekeningnummer', 'bankrekening', 'bankrekeningnummer', 'rekeningnr', 'bankaccount', 'bankaccountnumber', 'compte'],
  mededeling: ['gestructureerdemededeling', 'ogm', 'mededeling', 'betalingskenmerk', 'betaalkenmerk', 'betalingsreferentie', 'betaalreferentie', 'kenmerk', 'paymentreference', 'structuredcommunication', 'communication'],
  betaallink: ['betaallink', 'betaalurl', 'paymentlink', 'paymenturl', 'paylink', 'linkbetalen', 'onlinebetalen'],
  laatsteStap: ['laatsteherinnering', 'laatstestap', 'laatsteaanmaning', 'laatsteherinneringverstuurd', 'herinneringsniveau', 'aanmaningsniveau', 'herinneringniveau', 'aantalherinneringen', 'aantalaanmaningen', 'herinneringenverstuurd', 'aanmaningenverstuurd', 'verstuurdeherinneringen', 'herinneringen', 'aanmaningen', 'aanmaning', 'herinnering', 'followuplevel', 'followup', 'dunninglevel', 'reminderlevel', 'lastreminder', 'lastremindersent', 'reminderssent', 'reminders', 'remindercount', 'niveaudelarelance', 'relance'],
  draaiboek: ['draaiboek', 'draaiboekid', 'playbook', 'segment', 'klantsegment', 'klantgroep'],
};

/** Words that rule a header out for a field (normalised substrings). */
const EXCLUDE: Partial<Record<BulkField, readonly RegExp[]>> = {
  bedrag: [/excl|exclusief|netto|^net|btwbedrag|vatamount|^btw$|^vat$|(?<!incl)tax|open|saldo|rest|betaald|paid|korting|discount|kosten|due|residual/],
  openstaand: [/datum|date|dagen|days|aantal|(?<!on)betaald$|(?<!un)paid$/],
  laatsteStap: [/datum|date|dagen|days/],
  factuurnummer: [/datum|date|bedrag|amount|klant|customer|relatie|debiteur|client|telefoon|phone|rekening|iban/],
  factuurdatum: [/verval|due|betaal|payment|echeance/],
  klantnaam: [/nummer|nr$|code|id$|email|mail|adres|telefoon|phone|contactpersoon|number/],
  klantnummer: [/naam|name|btw|vat|postcode|zip|kvk|ondernemingsnummer/],
  contactpersoon: [/email|mail|telefoon|phone/],
  email: [/verzonden|sent|datum|date/],
};

/** Parts of a header that mean the field when the header is longer ("Klant - naam", "Openstaand saldo EUR"). */
const CONTAINS: Partial<Record<BulkField, readonly string[]>> = {
  factuurnummer: ['factuurnummer', 'factuurnr', 'invoicenumber', 'invoiceno', 'boekstuknummer'],
  factuurdatum: ['factuurdatum', 'invoicedate'],
  vervaldatum: ['vervaldatum', 'vervaldag', 'duedate'],
  bedrag: ['factuurbedrag', 'totaal', 'bedrag', 'amount', 'total'],
  openstaand: ['openstaand', 'saldo', 'outstanding', 'tebetalen', 'amountdue', 'balance', 'restant', 'onbetaald', 'unpaid', 'residual'],
  klantnummer: ['klantnummer', 'klantnr', 'klantcode', 'relatienummer', 'relatiecode', 'debiteurnummer', 'customernumber', 'customerid'],
  klantnaam: ['klantnaam', 'relatienaam', 'bedrijfsnaam', 'debiteurnaam', 'customername', 'companyname'],
  contactpersoon: ['contactpersoon', 'contactperson'],
  email: ['email', 'mail'],
  telefoon: ['telefoon', 'phone', 'gsm'],
  straat: ['straat', 'adres', 'address', 'street'],
  postcode: ['postcode', 'zipcode', 'postalcode'],
  gemeente: ['gemeente', 'woonplaats', 'plaats', 'city'],
  iban: ['iban', 'rekeningnummer', 'bankrekening'],
  mededeling: ['mededeling', 'betalingskenmerk', 'ogm'],
  betaallink: ['betaallink', 'paymentlink'],
  laatsteStap: ['laatsteherinnering', 'herinneringsniveau', 'aanmaningsniveau', 'followuplevel', 'dunninglevel', 'reminderlevel', 'lastreminder'],
  draaiboek: ['draaiboek', 'playbook'],
};

function headerScore(field: BulkField, header: string): number {
  const h = normalizeHeader(header);
  if (!h) return 0;
  if (EXCLUDE[field]?.some((re) => re.test(h))) return 0;
  const aliases = ALIASES[field];
  const exact = aliases.indexOf(h);
  if (exact >= 0) return 100 - exact * 0.1;
  const part = CONTAINS[field]?.find((a) => h.includes(a));
  if (part) return 60 - Math.min(20, h.length - part.length);
  return 0;
}

/** How many cells look like known column names: parse.ts uses it to find the header row and the delimiter. */
export function scoreHeaderRow(cells: readonly string[]): number {
  let score = 0;
  for (const cell of cells) if (cell.length <= 60 && BULK_FIELDS.some((f) => headerScore(f, cell) >= 50)) score++;
  return score;
}

// ---------------------------------------------------------------- value recognition

const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[a-z]{2,}$/i;
const IBAN_SHAPE = /^[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,4})?$/i;
const STRUCTURED = /^(?:\+{3}|\*{3})?\s*\d{3}\s*\/\s*\d{4}\s*\/\s*\d{5}\s*(?:\+{3}|\*{3})?$/;
const DATE_SHAPE = /^(\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d{4}[-/.]\d{1,2}[-/.]\d{1,2})(\s.*)?$/;
const AMOUNT_SHAPE = /^[(-]?\s*(€|eur)?\s*-?\d{1,3}([.,\s]?\d{3})*([.,]\d{1,2})?\s*(€|eur)?\s*-?\)?$/i;
const CODE_SHAPE = /^[A-Z]{0,4}[-/]?\d{1,10}$/i;

type ValueKind = 'email' | 'iban' | 'structured' | 'date' | 'amount' | 'code' | 'text';

function share(values: readonly string[], test: (v: string) => boolean): number {
  const filled = values.filter((v) => v !== '');
  return filled.length ? filled.filter(test).length / filled.length : 0;
}

function valueKind(values: readonly string[]): ValueKind | null {
  if (!values.some((v) => v !== '')) return null;
  if (share(values, (v) => EMAIL.test(v.split(/[;,\s]+/)[0] ?? '')) >= 0.8) return 'email';
  if (share(values, (v) => IBAN_SHAPE.test(v)) >= 0.8) return 'iban';
  if (share(values, (v) => STRUCTURED.test(v)) >= 0.8) return 'structured';
  if (share(values, (v) => DATE_SHAPE.test(v)) >= 0.8) return 'date';
  if (share(values, (v) => CODE_SHAPE.test(v)) >= 0.8) return 'code';
  if (share(values, (v) => AMOUNT_SHAPE.test(v)) >= 0.8) return 'amount';
  return 'text';
}

/**
 * What a field's values should look like. A header match is dropped only when fewer than half the
 * values fit: a file with some broken cells still gets its columns (validation reports the cells).
 */
const FITS: Partial<Record<BulkField, (v: string) => boolean>> = {
  factuurdatum: (v) => DATE_SHAPE.test(v) || /^\d{1,2}[-\s.]?\p{L}{3,9}\.?[-\s.]?\d{2,4}$/u.test(v) || /^\d{5}$/.test(v),
  vervaldatum: (v) => DATE_SHAPE.test(v) || /^\d{1,2}[-\s.]?\p{L}{3,9}\.?[-\s.]?\d{2,4}$/u.test(v) || /^\d{5}$/.test(v),
  bedrag: (v) => /\d/.test(v) && !/[a-df-z]{2,}/i.test(v.replace(/eur(o|os)?/gi, '')),
  openstaand: (v) => /\d/.test(v) && !/[a-df-z]{2,}/i.test(v.replace(/eur(o|os)?/gi, '')),
  email: (v) => v.includes('@'),
  iban: (v) => /^[A-Z]{2}\d{2}/i.test(v.replace(/\s/g, '')),
};
const fitsShare = (field: BulkField, values: readonly string[]) => {
  const test = FITS[field];
  return test ? share(values, test) : 1;
};

// ---------------------------------------------------------------- guessing

/** Headers that are one part of a street address or a person's name, in the order they are written. */
const PARTS: readonly (readonly string[])[] = [
  ['voornaam', 'firstname', 'roepnaam'],
  ['tussenvoegsel', 'tussenvoegsels'],
  ['achternaam', 'familienaam', 'lastname', 'surname'],
  ['huisnummer', 'huisnr', 'nr', 'nummer'],
  ['bus', 'busnummer', 'toevoeging', 'huisnummertoevoeging'],
];
function partRank(header: string): number {
  const h = normalizeHeader(header);
  const i = PARTS.findIndex((p) => p.includes(h));
  return i < 0 ? -1 : i;
}
const isNamePart = (header: string) => partRank(header) >= 0 && partRank(header) <= 2;
const isStreetPart = (header: string) => partRank(header) >= 3;

/** Whether a guessed column joins a field that already has one: "Straat" + "Huisnummer", "Voornaam" + "Achternaam". */
function joins(field: BulkField, taken: readonly string[], header: string): boolean {
  if (field === 'straat') return isStreetPart(header) && !taken.some((h) => normalizeHeader(h) === normalizeHeader(header));
  if (field === 'contactpersoon') return isNamePart(header) && taken.every(isNamePart);
  return false;
}

export interface GuessedColumn {
  field: BulkField;
  header: string;
  /** 'hoog' for a known header name, 'gemiddeld' for a partial one, 'laag' when only the values matched. */
  confidence: 'hoog' | 'gemiddeld' | 'laag';
}

export interface MappingGuess {
  mapping: ColumnMapping;
  guessed: GuessedColumn[];
  /** Headers no field uses; shown so the user can map them by hand. */
  unused: string[];
}

/**
 * Guesses the mapping from the headers and (optionally) the first rows of values. Each column is
 * used for at most one field; fields that accept several columns (street + number, first + last
 * name) get every column that matches.
 */
export function guessMapping(headers: readonly string[], sampleRows: readonly (readonly string[])[] = []): MappingGuess {
  const sample = sampleRows.slice(0, 50);
  const values = headers.map((_, i) => sample.map((r) => (r[i] ?? '').trim()));
  const kinds = values.map(valueKind);
  // Names have letters and a space ("Brasserie Het Pleintje"); codes do not.
  const namesLike = values.map((v) => share(v, (x) => /\p{L}{2,}\s+\p{L}/u.test(x)) >= 0.5);
  const candidates: { field: BulkField; column: number; score: number }[] = [];
  headers.forEach((header, column) => {
    for (const field of BULK_FIELDS) {
      let score = headerScore(field, header);
      if (!score) continue;
      const kind = kinds[column];
      if (values[column]!.some((v) => v !== '') && fitsShare(field, values[column]!) < 0.5) score = 0;
      // "Klant" holding K-0427 codes is the customer number, not the name.
      if (field === 'klantnaam' && kind === 'code') {
        candidates.push({ field: 'klantnummer', column, score: score - 5 });
        score = 0;
      }
      // "Debiteur" holding names is the customer's name, not its number.
      if (field === 'klantnummer' && kind === 'text' && namesLike[column]) {
        candidates.push({ field: 'klantnaam', column, score: score - 5 });
        score = 0;
      }
      // A weak alias ("Referentie", "Kenmerk") for the payment reference only with structured values.
      if (field === 'mededeling' && kind !== 'structured' && score < 100) score = 0;
      if (score) candidates.push({ field, column, score });
    }
  });
  candidates.sort((a, b) => b.score - a.score || a.column - b.column || BULK_FIELDS.indexOf(a.field) - BULK_FIELDS.indexOf(b.field));

  const columns: Partial<Record<BulkField, string[]>> = {};
  const guessed: GuessedColumn[] = [];
  const usedColumns = new Set<number>();
  for (const c of candidates) {
    if (usedColumns.has(c.column)) continue;
    const taken = columns[c.field];
    if (taken && !joins(c.field, taken, headers[c.column]!)) continue;
    (columns[c.field] ??= []).push(headers[c.column]!);
    usedColumns.add(c.column);
    guessed.push({ field: c.field, header: headers[c.column]!, confidence: c.score >= 90 ? 'hoog' : 'gemiddeld' });
  }
  // Values alone, for fields no header named: an e-mail, IBAN or structured-communication column.
  const byValue: [BulkField, ValueKind][] = [
    ['email', 'email'],
    ['iban', 'iban'],
    ['mededeling', 'structured'],
  ];
  for (const [field, kind] of byValue) {
    if (columns[field]) continue;
    const column = kinds.findIndex((k, i) => k === kind && !usedColumns.has(i));
    if (column < 0) continue;
    columns[field] = [headers[column]!];
    usedColumns.add(column);
    guessed.push({ field, header: headers[column]!, confidence: 'laag' });
  }
  // Street before house number before box; first name before last name, whatever the file order.
  for (const field of BULK_FIELDS) columns[field]?.sort((a, b) => partRank(a) - partRank(b) || headers.indexOf(a) - headers.indexOf(b));
  guessed.sort((a, b) => BULK_FIELDS.indexOf(a.field) - BULK_FIELDS.indexOf(b.field) || headers.indexOf(a.header) - headers.indexOf(b.header));
  return { mapping: { version: 1, columns }, guessed, unused: headers.filter((_, i) => !usedColumns.has(i)) };
}

// ---------------------------------------------------------------- applying

export interface ResolvedMapping {
  /** Column indexes per field, in the order the mapping lists them. */
  indexes: Partial<Record<BulkField, number[]>>;
  /** Header names in the mapping that this file does not have. */
  missingHeaders: { field: BulkField; header: string }[];
}

/** Finds the mapped headers in a file's headers (exactly, else by normalised name). */
export function resolveMapping(mapping: ColumnMapping, headers: readonly string[]): ResolvedMapping {
  const indexes: Partial<Record<BulkField, number[]>> = {};
  const missingHeaders: ResolvedMapping['missingHeaders'] = [];
  const normalized = headers.map(normalizeHeader);
  for (const field of BULK_FIELDS) {
    for (const header of mapping.columns[field] ?? []) {
      let index = headers.indexOf(header);
      if (index < 0) index = normalized.indexOf(normalizeHeader(header));
      if (index < 0 || !normalizeHeader(header)) missingHeaders.push({ field, header });
      else (indexes[field] ??= []).push(index);
    }
  }
  return { indexes, missingHeaders };
}

/** Sets (or with an empty list clears) the columns of one field; returns a new mapping. */
export function setMappedColumns(mapping: ColumnMapping, field: BulkField, headers: readonly string[]): ColumnMapping {
  const columns = { ...mapping.columns };
  // A column belongs to one field: taking it here removes it elsewhere.
  for (const f of BULK_FIELDS) {
    if (f === field || !columns[f]) continue;
    const rest = columns[f]!.filter((h) => !headers.includes(h));
    if (rest.length) columns[f] = rest;
    else delete columns[f];
  }
  if (headers.length) columns[field] = BULK_FIELD_INFO[field].multiple ? [...headers] : [headers[0]!];
  else delete columns[field];
  return { version: 1, columns };
}

/** Problems with a mapping before any row is read: required fields without a column. */
export function mappingProblems(mapping: ColumnMapping, options: { defaultTermDays?: number } = {}): string[] {
  const has = (f: BulkField) => (mapping.columns[f]?.length ?? 0) > 0;
  const problems: string[] = [];
  if (!has('factuurnummer')) problems.push('Kies de kolom met het factuurnummer.');
  if (!has('openstaand') && !has('bedrag')) problems.push('Kies de kolom met het openstaande bedrag (of het factuurbedrag).');
  if (!has('vervaldatum') && !(has('factuurdatum') && options.defaultTermDays !== undefined)) problems.push('Kies de kolom met de vervaldatum, of de factuurdatum en een standaard betaaltermijn.');
  if (!has('klantnaam') && !has('contactpersoon')) problems.push('Kies de kolom met de naam van de klant.');
  return problems;
}
