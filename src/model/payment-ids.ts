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

/** True when the text has the shape of a Belgian structured communication (so it must also pass the check). */
export function looksStructured(input: string): boolean {
  return /^\s*(\+{3}|\*{3})?\s*\d{3}\s*\/\s*\d{4}\s*\/\s*\d{5}\s*(\+{3}|\*{3})?\s*$/.test(input);
}
