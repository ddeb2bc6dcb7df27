/**
 * The SEPA payment QR payload ("EPC QR", "GiroCode", EPC069-12 version 002), built from the
 * EpcPayment that fill() derives. Pure and browser-safe: every output (PDF, site, exports) that
 * draws a payment QR uses this one builder.
 *
 * Payload: twelve lines joined by LF, trailing empty lines left out:
 *   BCD · 002 · 1 (UTF-8) · SCT · BIC (optional in 002) · name (≤ 70) · IBAN · EUR amount
 *   · purpose (empty) · structured reference (≤ 35) · unstructured text (≤ 140) · info (empty)
 * At most 331 bytes (QR version 13 at error correction level M, the guideline's limit).
 *
 * Belgian structured communication (+++123/4567/89012+++): written as its 12 bare digits in the
 * *structured* reference line, with the unstructured line empty. Why:
 * - Febelfin's SEPA credit-transfer guidelines carry the Belgian reference as a structured
 *   creditor reference (RmtInf/Strd/CdtrRefInf, type SCOR, issuer "BBA", 12 digits, no +++ or /);
 *   see https://wiki.xmldation.com/Support/Febelfin/Strd and …/RBS/CT_Rules/Access_Online/BBA.
 *   A Belgian banking app that scans the QR fills its "gestructureerde mededeling" field from the
 *   structured line; text in the unstructured line lands in the free "mededeling" instead, where
 *   the payer's bank no longer checks it and the creditor's bank no longer matches it.
 * - Reported and fixed that way in Belgian invoicing tools: letspeppol/letspeppol#274 (a Belgian
 *   user's app treated the OGM as a free message) fixed in #286 (12 digits as creditor reference,
 *   remittance text empty), and Dolibarr/dolibarr#38880 (same change).
 * - EPC069-12 itself describes the structured line as an ISO 11649 "RF" reference; the Belgian
 *   12-digit form is the national variant Belgian banks accept there. Outside Belgium a bank may
 *   ignore a non-RF structured reference, so this choice is only made when fill() recognised a
 *   valid Belgian structured communication (`structured: true`).
 * Any other reference: a valid ISO 11649 creditor reference ("RF18 5390 0754 7034") also goes to
 * the structured line (normalised, no spaces); everything else (a Dutch betalingskenmerk, an
 * invoice number) goes to the unstructured line as text.
 */
import { isValidIban, normalizeIban, parseStructuredCommunication } from './payment-ids.ts';
import type { EpcPayment } from './types.ts';

export type EpcField = 'bic' | 'name' | 'iban' | 'amount' | 'reference' | 'payload';

export interface EpcIssue {
  field: EpcField;
  message: string;
}

/** The guideline's limits. */
export const EPC_LIMITS = { name: 70, structured: 35, unstructured: 140, bytes: 331, maxCents: 99_999_999_999 } as const;

const BIC = /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}(?:[A-Z0-9]{3})?$/;

/** Collapses line breaks, tabs and other controls to single spaces: a value can never add a payload line. */
function oneLine(text: string): string {
  return text.replace(/[\p{Cc}\p{Zl}\p{Zp}\s]+/gu, ' ').trim();
}

const length = (text: string) => [...text].length;

function mod97(digits: string): number {
  let rest = 0;
  for (let i = 0; i < digits.length; i += 7) rest = Number(`${rest}${digits.slice(i, i + 7)}`) % 97;
  return rest;
}

/** ISO 11649 creditor reference ("RF" + 2 check digits + up to 21 letters/digits), normalised, or null. */
export function parseCreditorReference(input: string): string | null {
  const ref = input.replace(/\s+/g, '').toUpperCase();
  if (!/^RF\d{2}[A-Z0-9]{1,21}$/.test(ref)) return null;
  const digits = (ref.slice(4) + ref.slice(0, 4)).replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  return mod97(digits) === 1 ? ref : null;
}

/** "EUR1293.00" from integer cents. */
export function epcAmount(cents: number): string {
  return `EUR${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

interface Lines {
  bic: string;
  name: string;
  iban: string;
  amount: string;
  structured: string;
  unstructured: string;
}

function build(p: EpcPayment): { lines: Lines; issues: EpcIssue[] } {
  const issues: EpcIssue[] = [];
  const bic = p.bic.replace(/\s+/g, '').toUpperCase();
  if (bic && !BIC.test(bic)) issues.push({ field: 'bic', message: `BIC "${p.bic}" heeft niet de vorm van een BIC (8 of 11 tekens)` });
  const name = oneLine(p.name);
  if (!name) issues.push({ field: 'name', message: 'de naam van de begunstigde ontbreekt' });
  else if (length(name) > EPC_LIMITS.name) issues.push({ field: 'name', message: `de naam van de begunstigde is ${length(name)} tekens; een betaal-QR laat er ${EPC_LIMITS.name} toe` });
  const iban = normalizeIban(p.iban);
  if (!isValidIban(iban) || iban.length > 34) issues.push({ field: 'iban', message: `IBAN "${p.iban}" is ongeldig` });
  if (!Number.isSafeInteger(p.amountCents) || p.amountCents < 1 || p.amountCents > EPC_LIMITS.maxCents) {
    issues.push({ field: 'amount', message: `bedrag ${p.amountCents} (cent) ligt niet tussen EUR 0.01 en EUR 999999999.99` });
  }
  let structured = '';
  let unstructured = '';
  const reference = oneLine(p.reference);
  if (p.structured) {
    const digits = parseStructuredCommunication(reference);
    if (digits) structured = digits;
    else issues.push({ field: 'reference', message: `"${p.reference}" is geen geldige gestructureerde mededeling` });
  } else if (reference) {
    const rf = parseCreditorReference(reference);
    if (rf && rf.length <= EPC_LIMITS.structured) structured = rf;
    else unstructured = reference;
  }
  if (length(unstructured) > EPC_LIMITS.unstructured) {
    issues.push({ field: 'reference', message: `de mededeling is ${length(unstructured)} tekens; een betaal-QR laat er ${EPC_LIMITS.unstructured} toe` });
  }
  const lines = { bic: BIC.test(bic) ? bic : '', name, iban, amount: issues.some((i) => i.field === 'amount') ? '' : epcAmount(p.amountCents), structured, unstructured };
  const bytes = new TextEncoder().encode(join(lines)).length;
  if (bytes > EPC_LIMITS.bytes) issues.push({ field: 'payload', message: `de QR-inhoud is ${bytes} bytes; de richtlijn laat er ${EPC_LIMITS.bytes} toe` });
  return { lines, issues };
}

function join(l: Lines): string {
  const lines = ['BCD', '002', '1', 'SCT', l.bic, l.name, l.iban, l.amount, '', l.structured, l.unstructured, ''];
  while (lines.length > 7 && lines[lines.length - 1] === '') lines.pop();
  return lines.join('\n');
}

/** Everything that keeps `p` from making a valid payload; empty when epcPayload(p) succeeds. */
export function epcIssues(p: EpcPayment): EpcIssue[] {
  return build(p).issues;
}

/** The EPC069-12 payload for `p`. Throws a RangeError naming every problem when `p` is not valid. */
export function epcPayload(p: EpcPayment): string {
  const { lines, issues } = build(p);
  if (issues.length) throw new RangeError(`geen geldige betaal-QR: ${issues.map((i) => i.message).join('; ')}`);
  return join(lines);
}

/**
 * The payload a document should show, or null when it should show none. The BIC is optional in
 * version 002 within the EEA, so a mistyped BIC is left out rather than costing the whole QR;
 * any other problem means no QR (the payment details stay printed as text).
 */
export function epcPayloadForDocument(p: EpcPayment): string | null {
  const issues = epcIssues(p);
  if (issues.length === 0) return epcPayload(p);
  if (issues.every((i) => i.field === 'bic')) return epcIssues({ ...p, bic: '' }).length === 0 ? epcPayload({ ...p, bic: '' }) : null;
  return null;
}
