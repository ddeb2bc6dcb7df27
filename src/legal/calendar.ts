/**
 * Public holidays and working days per jurisdiction. Holidays come from the `date-holidays`
 * package (type 'public' only); for the Netherlands we add the days the Algemene termijnenwet
 * treats as holidays but the package does not mark 'public' (docs/legal-facts.md §4.2): Goede Vrijdag,
 * 5 mei every year, and the days made equivalent by Royal Decree.
 */
import Holidays from 'date-holidays';
import { addDays, easterSunday, isWeekend, toDayNumber, yearOf } from './dates.ts';
import { SOURCES as S } from './sources.ts';
import type { IsoDate, Jurisdiction, Source, Status } from './types.ts';

export interface PublicHoliday {
  readonly date: IsoDate;
  /** Dutch name. */
  readonly name: string;
  /** 'date-holidays' for the package's list; 'atw' for days added under the Algemene termijnenwet. */
  readonly origin: 'date-holidays' | 'atw';
}

/** Days equivalent to a holiday by Royal Decree under Atw art. 3 lid 3 (legal-facts.md §4.2). */
export const NL_ATW_DECREE_DAYS = Object.freeze({
  /** Years for which the decree days are known; outside them the list is unknown. */
  fromYear: 2023,
  toYear: 2028,
  dates: Object.freeze(['2023-04-28', '2023-05-19', '2024-05-10', '2024-12-27', '2025-05-30', '2026-01-02', '2026-05-15', '2027-05-07', '2028-04-28', '2028-05-26'] as IsoDate[]),
  status: 'verified' as Status,
  confidence: 'medium-high' as const,
  sources: Object.freeze([S.sterfgevalAtw]) as readonly Source[],
});

export const HOLIDAY_SOURCES: Readonly<Record<Jurisdiction, readonly Source[]>> = Object.freeze({
  be: Object.freeze([S.feiertageBelgien, S.acvFeestdagen]),
  nl: Object.freeze([S.staatsrechtpraktijk, S.wikipediaAtw, S.sterfgevalAtw, S.groningenKoningsdag]),
});

// One parser per jurisdiction, made on first use: building it parses the package's data.
const engines = new Map<Jurisdiction, Holidays>();
function engine(jurisdiction: Jurisdiction): Holidays {
  let hd = engines.get(jurisdiction);
  if (!hd) {
    hd = new Holidays(jurisdiction.toUpperCase(), { types: ['public'], languages: ['nl'] });
    engines.set(jurisdiction, hd);
  }
  return hd;
}

const cache = new Map<string, ReadonlyMap<IsoDate, PublicHoliday>>();

function holidayMap(year: number, jurisdiction: Jurisdiction): ReadonlyMap<IsoDate, PublicHoliday> {
  const key = `${jurisdiction}:${year}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const map = new Map<IsoDate, PublicHoliday>();
  for (const h of engine(jurisdiction).getHolidays(year, 'nl')) {
    if (h.type !== 'public') continue;
    // `h.date` is "YYYY-MM-DD hh:mm:ss" in the country's own calendar: take the day, never `h.start`
    // (a Date in the machine's time zone).
    const date = h.date.slice(0, 10);
    if (!map.has(date)) map.set(date, Object.freeze({ date, name: h.name, origin: 'date-holidays' }));
  }
  if (jurisdiction === 'nl') {
    const add = (date: IsoDate, name: string) => {
      if (!map.has(date)) map.set(date, Object.freeze({ date, name, origin: 'atw' }));
    };
    add(addDays(easterSunday(year), -2), 'Goede Vrijdag');
    add(`${year}-05-05`, 'Bevrijdingsdag');
    for (const d of NL_ATW_DECREE_DAYS.dates) if (yearOf(d) === year) add(d, 'Gelijkgestelde dag (Algemene termijnenwet)');
  }
  const frozen = new Map([...map.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
  cache.set(key, frozen);
  return frozen;
}

/** Public holidays of one year, sorted by date. */
export function publicHolidays(year: number, jurisdiction: Jurisdiction): readonly PublicHoliday[] {
  if (!Number.isInteger(year) || year < 1900 || year > 2199) throw new RangeError(`Jaar buiten bereik: ${year}.`);
  return [...holidayMap(year, jurisdiction).values()];
}

/** The holiday on `date`, if any. */
export function holidayOn(date: IsoDate, jurisdiction: Jurisdiction): PublicHoliday | undefined {
  return holidayMap(yearOf(date), jurisdiction).get(date);
}

/**
 * How complete the holiday list of a year is. Belgium's ten legal holidays follow fixed rules.
 * For the Netherlands the Atw decree days are only known for the years legal-facts.md §4.2 lists.
 */
export function holidayDataStatus(year: number, jurisdiction: Jurisdiction): Status {
  if (jurisdiction === 'be') return 'verified';
  return year >= NL_ATW_DECREE_DAYS.fromYear && year <= NL_ATW_DECREE_DAYS.toYear ? 'verified' : 'unknown';
}

/**
 * Monday to Friday and not a public holiday. For Belgium the sources do not define "werkdag";
 * excluding Saturday is the conservative reading (legal-facts.md §2.2). For the Netherlands this is
 * the Atw reading (Saturday, Sunday and recognised holidays are not working days).
 */
export function isWorkingDay(date: IsoDate, jurisdiction: Jurisdiction): boolean {
  toDayNumber(date);
  return !isWeekend(date) && holidayOn(date, jurisdiction) === undefined;
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(date: IsoDate, jurisdiction: Jurisdiction): IsoDate {
  let d = addDays(date, 1);
  while (!isWorkingDay(d, jurisdiction)) d = addDays(d, 1);
  return d;
}

/** `date` itself when it is a working day, otherwise the next working day. */
export function workingDayOnOrAfter(date: IsoDate, jurisdiction: Jurisdiction): IsoDate {
  return isWorkingDay(date, jurisdiction) ? date : nextWorkingDay(date, jurisdiction);
}

/** The `n`-th working day after `date` (n ≥ 1); `date` itself never counts. */
export function addWorkingDays(date: IsoDate, n: number, jurisdiction: Jurisdiction): IsoDate {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`Aantal werkdagen moet een geheel getal ≥ 1 zijn, niet ${n}.`);
  let d = date;
  for (let i = 0; i < n; i++) d = nextWorkingDay(d, jurisdiction);
  return d;
}
