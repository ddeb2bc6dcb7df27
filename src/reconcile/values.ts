/** Small value readers shared by the file readers: amounts to cents, dates, company numbers. */
import { normalizeIban, parseStructuredCommunication } from '../model/payment-ids.ts';
import { normalizeName } from '../lib/normalize-name.ts';

/** "1234.5" or "-12.30" -> cents; null when not a plain decimal number. Never goes through a float. */
export function decimalToCents(raw: string | undefined): number | null {
  const m = /^\s*([+-]?)(\d+)(?:[.,](\d*))?\s*$/.exec(raw ?? '');
  if (!m) return null;
  const frac = (m[3] ?? '').padEnd(3, '0');
  // Half up on the third decimal (CODA and some UBL give three).
  let cents = Number(m[2]) * 100 + Number(frac.slice(0, 2)) + (Number(frac[2]) >= 5 ? 1 : 0);
  if (!Number.isSafeInteger(cents)) return null;
  if (m[1] === '-') cents = -cents;
  return cents;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A real calendar date in YYYY-MM-DD (no Date object: this runs for every line of a statement). */
export function isIsoDate(value: string | undefined): value is string {
  if (!value || value.length !== 10 || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const y = Number(value.slice(0, 4));
  const m = Number(value.slice(5, 7));
  const d = Number(value.slice(8, 10));
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= DAYS_IN_MONTH[m - 1]! + (leap ? 1 : 0);
}

/** The date part of "2026-03-01" or "2026-03-01T10:00:00+01:00". */
export function isoDatePart(value: string | undefined): string | undefined {
  const d = value?.trim().slice(0, 10);
  return isIsoDate(d) ? d : undefined;
}

export function addDaysIso(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** CODA's DDMMYY; years 00–69 are 20xx. Null for 000000 or an impossible date. */
export function ddmmyy(raw: string): string | undefined {
  if (!/^\d{6}$/.test(raw) || raw === '000000') return undefined;
  const yy = Number(raw.slice(4, 6));
  const iso = `${yy < 70 ? 2000 + yy : 1900 + yy}-${raw.slice(2, 4)}-${raw.slice(0, 2)}`;
  return isIsoDate(iso) ? iso : undefined;
}

/** The 12 digits of a structured communication hidden in a text ("+++090/9337/55493+++", "090933755493"), when valid. */
export function findStructured(text: string | undefined): { valid?: string; invalid?: string } {
  if (!text) return {};
  // Most texts hold no 12 digits at all: skip the regular expression for them.
  let digits = 0;
  for (let i = 0; i < text.length && digits < 12; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
  }
  if (digits < 12) return {};
  const candidates = text.match(/(?:\+{3}|\*{3})?\s*(?<!\d)\d{3}\s*\/?\s*\d{4}\s*\/?\s*\d{5}(?!\d)\s*(?:\+{3}|\*{3})?/g) ?? [];
  let invalid: string | undefined;
  for (const c of candidates) {
    const digits = c.replace(/\D/g, '');
    if (digits.length !== 12) continue;
    const ok = parseStructuredCommunication(digits);
    if (ok) return { valid: ok };
    // Only a reference written in the +++…+++ form (or alone) counts as a failed structured one.
    if (/[+*]{3}/.test(c) || c.trim().length === text.trim().length) invalid ??= c.trim();
  }
  return invalid ? { invalid } : {};
}

/** "+++090/9337/55493+++" from 12 digits. */
export function formatStructured(digits: string): string {
  return `+++${digits.slice(0, 3)}/${digits.slice(3, 7)}/${digits.slice(7)}+++`;
}

/** Digits and letters of a company number, upper case, without a BE/NL prefix: one key for "BE 0123.456.789" and "0123456789". */
export function companyKey(raw: string): string {
  const plain = raw.toUpperCase().replace(/[^A-Z0-9]/g, '');
  const stripped = plain.replace(/^(BE|NL)(?=\d)/, '');
  // Belgian enterprise numbers are 10 digits; an old 9-digit VAT number gets its leading zero.
  return /^\d{9}$/.test(stripped) ? `0${stripped}` : stripped;
}

export function normalizeAccount(raw: string): string {
  return normalizeIban(raw).replace(/[^A-Z0-9]/g, '');
}

/** Remainder of a long digit string divided by 97, a few digits at a time (no BigInt needed). */
function mod97(digits: string): number {
  let rest = 0;
  for (let i = 0; i < digits.length; i += 7) rest = Number(`${rest}${digits.slice(i, i + 7)}`) % 97;
  return rest;
}

/**
 * An old Belgian account number (12 digits, as CODA structure 0 gives it) as its IBAN, so the same
 * account in a camt file (always an IBAN) is recognised; anything else is returned as it is.
 */
export function belgianAccountIban(account: string): string {
  if (!/^\d{12}$/.test(account)) return account;
  const check = mod97(account.slice(0, 10)) || 97;
  if (check !== Number(account.slice(10))) return account;
  // "BE" is 11 14 in the IBAN check, followed by 00.
  return `BE${String(98 - mod97(`${account}111400`)).padStart(2, '0')}${account}`;
}

/** Lower case, no accents, no legal form, single spaces: for comparing names. */
export function nameKey(name: string): string {
  return normalizeName(name)
    .replace(/\b(nv|bv|bvba|srl|sprl|sa|cv|cvba|vof|comm ?v|vzw|b v|n v|ltd|gmbh)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
