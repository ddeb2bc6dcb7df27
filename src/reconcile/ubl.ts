/**
 * UBL Invoice and CreditNote (Peppol BIS Billing 3.0 = UBL 2.1; the older Belgian e-FFF in UBL 2.0
 * reads the same): what a reminder needs, with a remark for every doubtful value.
 */
import { isValidIban, parseStructuredCommunication } from '../model/payment-ids.ts';
import type { EmbeddedFile, Invoice, Party } from './types.ts';
import { addDaysIso, companyKey, decimalToCents, findStructured, isoDatePart, nameKey, normalizeAccount } from './values.ts';
import { all, at, childrenNamed, textAt, type XmlElement } from './xml.ts';

export class ReadError extends Error {}

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

function base64Bytes(text: string): Uint8Array | null {
  const clean = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 === 1) return null;
  const bin = atob(clean.padEnd(Math.ceil(clean.length / 4) * 4, '='));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

const isPdf = (bytes: Uint8Array) => PDF_MAGIC.every((b, i) => bytes[i] === b);

function readPdf(root: XmlElement, remarks: string[]): EmbeddedFile | undefined {
  for (const ref of childrenNamed(root, 'AdditionalDocumentReference')) {
    const obj = at(ref, 'Attachment/EmbeddedDocumentBinaryObject');
    if (!obj) continue;
    const naam = obj.attrs.filename || textAt(ref, 'ID') || 'bijlage';
    const mime = obj.attrs.mimeCode ?? '';
    const bytes = base64Bytes(obj.text);
    if (!bytes) {
      remarks.push(`de bijlage "${naam}" is geen geldige base64 en is overgeslagen`);
      continue;
    }
    if (isPdf(bytes)) return { naam: /\.pdf$/i.test(naam) ? naam : `${naam}.pdf`, mime: 'application/pdf', bytes };
    if (/pdf/i.test(mime) || /\.pdf$/i.test(naam)) remarks.push(`de bijlage "${naam}" heet een PDF, maar is er geen; ze wordt niet meegestuurd`);
  }
  return undefined;
}

function readParty(party: XmlElement | undefined): { klant: Party; sleutel: string } {
  const naam = textAt(party, 'PartyName/Name') ?? textAt(party, 'PartyLegalEntity/RegistrationName') ?? '';
  const addr = at(party, 'PostalAddress');
  const street = [textAt(addr, 'StreetName'), textAt(addr, 'BuildingNumber')].filter(Boolean).join(' ');
  const extra = textAt(addr, 'AdditionalStreetName');
  const klant: Party = { naam };
  const straat = [street, extra].filter(Boolean).join(', ');
  if (straat) klant.straat = straat;
  const postcode = textAt(addr, 'PostalZone');
  if (postcode) klant.postcode = postcode;
  const gemeente = textAt(addr, 'CityName');
  if (gemeente) klant.gemeente = gemeente;
  const land = textAt(addr, 'Country/IdentificationCode');
  if (land) klant.land = land.toUpperCase();
  const email = textAt(party, 'Contact/ElectronicMail');
  if (email) klant.email = email;
  const tel = textAt(party, 'Contact/Telephone');
  if (tel) klant.telefoon = tel;
  const contact = textAt(party, 'Contact/Name');
  if (contact) klant.contactpersoon = contact;

  // Company number: the legal entity's, else the endpoint, else the VAT number.
  const legal = at(party, 'PartyLegalEntity/CompanyID');
  const endpoint = at(party, 'EndpointID');
  const vat = at(party, 'PartyTaxScheme/CompanyID');
  const scheme = (el: XmlElement | undefined) => el?.attrs.schemeID ?? '';
  const pick = [legal, endpoint, vat].find((el) => el && el.text.trim() && scheme(el) !== 'EM');
  if (pick) {
    const value = pick.text.trim();
    klant.nummer = value;
    const s = scheme(pick);
    klant.nummerSoort = s === '0208' || s === '9956' || s === 'BE:CBE' ? 'ondernemingsnummer' : s === '0106' ? 'kvk-nummer' : pick === vat || /^(BE|NL)/i.test(value) || s === '9925' || s === '9944' ? 'btw-nummer' : 'ander';
  }
  const numberKey = [legal, endpoint, vat].map((el) => (el?.text.trim() ? companyKey(el.text) : '')).find((k) => /\d{6,}/.test(k));
  return { klant, sleutel: numberKey ? `nr:${numberKey}` : `naam:${nameKey(naam)}` };
}

/** A term in days in the payment terms note ("Betaling binnen 30 dagen", "net 30 days", "30 jours"). */
function termDays(note: string | undefined): number | null {
  const m = /(\d{1,3})\s*(?:kalender)?(?:dagen|dag|days|day|jours|jour|d\b)/i.exec(note ?? '');
  const n = m ? Number(m[1]) : NaN;
  return n > 0 && n <= 365 ? n : null;
}

/** Reads one UBL Invoice or CreditNote root element. Throws ReadError (Dutch) when it cannot be used. */
export function readUbl(root: XmlElement, bestand: string): Invoice {
  const soort = root.name === 'CreditNote' ? 'creditnota' : 'factuur';
  const remarks: string[] = [];
  const nummer = textAt(root, 'ID');
  if (!nummer) throw new ReadError('het factuurnummer (cbc:ID) ontbreekt');
  const typeCode = textAt(root, soort === 'factuur' ? 'InvoiceTypeCode' : 'CreditNoteTypeCode');
  const datum = isoDatePart(textAt(root, 'IssueDate'));
  if (!datum) remarks.push('de factuurdatum ontbreekt of is ongeldig');

  const total = at(root, 'LegalMonetaryTotal');
  const payableEl = at(total, 'PayableAmount');
  let bedrag = decimalToCents(payableEl?.text);
  if (bedrag === null) throw new ReadError('het te betalen bedrag (LegalMonetaryTotal/PayableAmount) ontbreekt of is geen getal');
  const valuta = (payableEl?.attrs.currencyID ?? textAt(root, 'DocumentCurrencyCode') ?? 'EUR').toUpperCase();
  // An invoice of type 381 (credit note) or with a negative total credits the customer.
  let kind: Invoice['soort'] = soort;
  if (soort === 'factuur' && (typeCode === '381' || bedrag < 0)) kind = 'creditnota';
  bedrag = Math.abs(bedrag);

  const means = childrenNamed(root, 'PaymentMeans');
  let vervaldatum = isoDatePart(textAt(root, 'DueDate'));
  let vervaldatumBron: string | undefined = vervaldatum ? 'vervaldatum in de factuur' : undefined;
  if (!vervaldatum) {
    const pmDue = means.map((m) => isoDatePart(textAt(m, 'PaymentDueDate'))).find(Boolean);
    if (pmDue) [vervaldatum, vervaldatumBron] = [pmDue, 'vervaldatum bij de betaalwijze'];
  }
  if (!vervaldatum) {
    const end = isoDatePart(textAt(root, 'PaymentTerms/SettlementPeriod/EndDate'));
    const notes = all(root, 'PaymentTerms/Note').map((n) => n.text.trim());
    const days = notes.map(termDays).find((d) => d !== null);
    if (end) [vervaldatum, vervaldatumBron] = [end, 'einde van de betaaltermijn'];
    else if (days && datum) [vervaldatum, vervaldatumBron] = [addDaysIso(datum, days), `betalingsvoorwaarden: ${days} dagen na factuurdatum`];
  }
  if (!vervaldatum && kind === 'factuur') remarks.push('geen vervaldatum en geen betaaltermijn in dagen gevonden');

  // Payment reference: PaymentID (Peppol) or InstructionID (e-FFF in UBL 2.0), first valid OGM wins.
  const refs = means.flatMap((m) => [textAt(m, 'PaymentID'), textAt(m, 'InstructionID')]).filter((r): r is string => !!r);
  let ogm: string | undefined;
  let invalid: string | undefined;
  for (const r of refs) {
    const found = findStructured(r);
    if (found.valid) {
      ogm = found.valid;
      break;
    }
    invalid ??= found.invalid ?? (/^\d{12}$/.test(r.replace(/[\s/+*]/g, '')) && !parseStructuredCommunication(r) ? r : undefined);
  }
  if (!ogm && invalid) remarks.push(`de gestructureerde mededeling ${invalid} klopt niet (controlegetal); er wordt op factuurnummer en bedrag gezocht`);
  const betaalReferentie = refs[0];
  const ibanRaw = means.map((m) => textAt(m, 'PayeeFinancialAccount/ID')).find(Boolean);
  const iban = ibanRaw ? normalizeAccount(ibanRaw) : undefined;
  if (iban && !isValidIban(iban)) remarks.push(`het rekeningnummer ${ibanRaw} is geen geldig IBAN`);

  const { klant, sleutel } = readParty(at(root, 'AccountingCustomerParty/Party'));
  if (!klant.naam) remarks.push('de naam van de klant ontbreekt');
  const crediteert = all(root, 'BillingReference/InvoiceDocumentReference/ID').map((e) => e.text.trim()).filter(Boolean);
  const pdf = readPdf(root, remarks);
  const leverancier = textAt(root, 'AccountingSupplierParty/Party/PartyName/Name') ?? textAt(root, 'AccountingSupplierParty/Party/PartyLegalEntity/RegistrationName');

  const invoice: Invoice = {
    id: `${bestand}#${nummer}`,
    soort: kind,
    nummer,
    klant,
    klantSleutel: sleutel,
    bedrag,
    valuta,
    crediteert,
    bestand,
    opmerkingen: remarks,
  };
  if (datum) invoice.datum = datum;
  if (vervaldatum) invoice.vervaldatum = vervaldatum;
  if (vervaldatumBron) invoice.vervaldatumBron = vervaldatumBron;
  if (leverancier) invoice.leverancier = leverancier;
  if (ogm) invoice.ogm = ogm;
  if (betaalReferentie) invoice.betaalReferentie = betaalReferentie;
  if (iban) invoice.iban = iban;
  if (pdf) invoice.pdf = pdf;
  return invoice;
}
