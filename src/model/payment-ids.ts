/** Payment identifiers: IBAN (ISO 13616 mod 97) and the Belgian structured communication (mod 97). */

/** Remainder of a long digit string modulo 97, computed in chunks to stay within safe integers. */
function mod97(digits: string): number {
  let rest = 0;
  for (let i = 0; i < digits.length; i += 7) rest = Number(`${rest}${digits.slice(i, i + 7)}`) % 97;
  return rest;
}

export function normalizeIban(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

/**
 * IBAN lengths of the countries a Flemish or Dutch business most often pays to or from (SWIFT IBAN
 * registry), so a truncated number is called too short instead of a wrong check digit.
 */
const IBAN_LENGTH: Readonly<Record<string, number>> = {
  AT: 20, BE: 16, CH: 21, DE: 22, DK: 18, ES: 24, FI: 18, FR: 27, GB: 22, IE: 22, IT: 27, LU: 20, NL: 18, NO: 15, PL: 28, PT: 25, SE: 24,
};

/** Why an IBAN cannot be right, or null when it is valid. */
export type IbanProblem = { kind: 'vorm' } | { kind: 'kort' | 'lang'; expected: number; actual: number } | { kind: 'controlegetal' };

export function ibanProblem(input: string): IbanProblem | null {
  const iban = normalizeIban(input);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]*$/.test(iban)) return { kind: 'vorm' };
  const expected = IBAN_LENGTH[iban.slice(0, 2)];
  if (expected !== undefined && iban.length !== expected) return { kind: iban.length < expected ? 'kort' : 'lang', expected, actual: iban.length };
  if (iban.length < 15) return { kind: 'kort', expected: 15, actual: iban.length };
  return isValidIban(iban) ? null : { kind: 'controlegetal' };
}

/** The problem in one Dutch sentence, the same on the template page and in bulk mode. */
export function ibanProblemMessage(problem: IbanProblem): string {
  switch (problem.kind) {
    case 'vorm':
      return 'Een IBAN begint met de landcode en twee cijfers, bijvoorbeeld BE71 0961 2345 6769.';
    case 'kort':
      return `Dit IBAN is te kort: het telt ${problem.actual} tekens, een IBAN van dit land telt er ${problem.expected}. Kijk na of er geen cijfers ontbreken.`;
    case 'lang':
      return `Dit IBAN is te lang: het telt ${problem.actual} tekens, een IBAN van dit land telt er ${problem.expected}.`;
    case 'controlegetal':
      return 'Dit IBAN klopt niet: het controlegetal past niet bij het nummer. Kijk na of u geen cijfer verkeerd typte.';
  }
}

export function isValidIban(input: string): boolean {
  const iban = normalizeIban(input);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  const digits = rearranged.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  return mod97(digits) === 1;
}

/** "BE71096123456769" -> "BE71 0961 2345 6769". */
export function formatIban(input: string): string {
  return normalizeIban(input).replace(/(.{4})(?=.)/g, '$1 ');
}

/** Check digits of a Belgian structured communication: base mod 97, where 0 becomes 97. */
export function structuredCheckDigits(base10: string): string {
  const rest = mod97(base10);
  return String(rest === 0 ? 97 : rest).padStart(2, '0');
}

/** Builds "+++123/4567/89012+++" from any number (e.g. an invoice number's digits), up to 10 digits. */
export function makeStructuredCommunication(source: string | number): string {
  const base = String(source).replace(/\D/g, '').slice(-10).padStart(10, '0');
  const digits = base + structuredCheckDigits(base);
  return `+++${digits.slice(0, 3)}/${digits.slice(3, 7)}/${digits.slice(7)}+++`;
}

/** Accepts "+++090/9337/55493+++", "***…***" or the 12 bare digits. */
export function parseStructuredCommunication(input: string): string | null {
  const digits = input.trim().replace(/^(\+{3}|\*{3})|(\+{3}|\*{3})$/g, '').replace(/[\s/]/g, '');
  if (!/^\d{12}$/.test(digits)) return null;
  return structuredCheckDigits(digits.slice(0, 10)) === digits.slice(10) ? digits : null;
}

/**
 * True when the text is meant as a Belgian structured communication but does not have its 12
 * digits: wrapped in +++/*** or grouped with slashes like 123/4567/89012.
 */
export function looksLikeStructuredAttempt(input: string): boolean {
  const text = input.trim();
  return /^(\+{3}|\*{3})[\d\s/]*(\+{3}|\*{3})?$/.test(text) || /^\d{2,4}\s*\/\s*\d{3,5}\s*\/\s*\d{3,6}$/.test(text);
}

/** True when the text has the shape of a Belgian structured communication (so it must also pass the check). */
export function looksStructured(input: string): boolean {
  return /^\s*(\+{3}|\*{3})?\s*\d{3}\s*\/\s*\d{4}\s*\/\s*\d{5}\s*(\+{3}|\*{3})?\s*$/.test(input);
}
