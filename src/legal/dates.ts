/**
 * Calendar-date arithmetic on 'YYYY-MM-DD' strings. Everything goes through whole UTC days
 * (Date.UTC), so a daylight-saving switch or the machine's time zone can never shift a date.
 */
import type { IsoDate } from './types.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Dates already converted, both ways: interest and term rules ask for the same few dates again and again. */
const dayOf = new Map<string, number>();
const dateOf = new Map<number, IsoDate>();
/** Cleared when full, so a long run with many dates never grows them without bound. */
const CACHE_LIMIT = 20_000;

/** Days since 1970-01-01 for a valid ISO date; throws a RangeError on anything else (no guessing). */
export function toDayNumber(date: IsoDate): number {
  const known = dayOf.get(date);
  if (known !== undefined) return known;
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`Ongeldige datum "${date}": verwacht JJJJ-MM-DD.`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  // Date.UTC silently rolls 2025-02-30 over to March; reject it instead.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new RangeError(`Ongeldige datum "${date}": die dag bestaat niet.`);
  }
  if (dayOf.size >= CACHE_LIMIT) dayOf.clear();
  dayOf.set(date, ms / MS_PER_DAY);
  return ms / MS_PER_DAY;
}

/** Inverse of toDayNumber. */
export function fromDayNumber(day: number): IsoDate {
  if (!Number.isInteger(day)) throw new RangeError(`Dagnummer moet een geheel getal zijn, niet ${day}.`);
  let date = dateOf.get(day);
  if (date === undefined) {
    date = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    if (dateOf.size >= CACHE_LIMIT) dateOf.clear();
    dateOf.set(day, date);
  }
  return date;
}

/** True for a well-formed, existing calendar date. */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  try {
    toDayNumber(value);
    return true;
  } catch {
    return false;
  }
}

/** `date` plus `days` calendar days (negative goes back). */
export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError(`Aantal dagen moet een geheel getal zijn, niet ${days}.`);
  return fromDayNumber(toDayNumber(date) + days);
}

/** Calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** 0 = Sunday … 6 = Saturday, like Date#getUTCDay. */
export function weekday(date: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

export function isWeekend(date: IsoDate): boolean {
  const d = weekday(date);
  return d === 0 || d === 6;
}

export function yearOf(date: IsoDate): number {
  toDayNumber(date);
  return Number(date.slice(0, 4));
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The later / earlier of two dates. ISO strings of equal length sort like the dates they name. */
export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}
export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

/**
 * The same calendar day `years` years later. A 29 February start lands on 1 March in a common
 * year, so a "full year" counted from it never ends before the day it would have ended on.
 */
export function addYears(date: IsoDate, years: number): IsoDate {
  toDayNumber(date);
  const y = Number(date.slice(0, 4)) + years;
  const md = date.slice(5);
  if (md === '02-29' && !isLeapYear(y)) return `${String(y).padStart(4, '0')}-03-01`;
  return `${String(y).padStart(4, '0')}-${md}`;
}

/** Easter Sunday (Gregorian computus, anonymous algorithm). Used for Goede Vrijdag under the Atw. */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
