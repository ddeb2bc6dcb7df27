/** Small Dutch formatting helpers for the timeline's messages. Pure string work on UTC calendar days. */
import type { Channel, Jurisdiction, Tone } from '../content/schema.ts';
import { holidayOn } from '../legal/calendar.ts';
import { weekday } from '../legal/dates.ts';
import type { IsoDate } from '../legal/types.ts';

const WEEKDAYS = ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag'];
const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** "2026-03-10" → "dinsdag 10 maart 2026". */
export function longDate(date: IsoDate): string {
  const [y, m, d] = date.split('-');
  return `${WEEKDAYS[weekday(date)]} ${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`;
}

/** "D-5", "D+0", "D+13": the shared notation (vocabulary/naming.ts), under the timeline's name. */
export { offsetLabel as dayLabel } from '../vocabulary/naming.ts';

/** "1 dag", "14 dagen". */
export function days(n: number): string {
  return `${n} ${Math.abs(n) === 1 ? 'dag' : 'dagen'}`;
}

/** Why a date is not a working day: "een zaterdag", "Paasmaandag (een feestdag)". */
export function nonWorkingReason(date: IsoDate, jurisdiction: Jurisdiction): string {
  const holiday = holidayOn(date, jurisdiction);
  if (holiday) return `${holiday.name} (een feestdag)`;
  return `een ${WEEKDAYS[weekday(date)]}`;
}

/** Channel as a noun in running text. */
export const CHANNEL_NOUN: Readonly<Record<Channel, string>> = Object.freeze({
  email: 'e-mail',
  telefoon: 'telefoongesprek',
  brief: 'brief',
  'aangetekende-brief': 'aangetekende brief',
  juridisch: 'juridische stap',
});

/** Tone as printed: the content's own labels. */
export const TONE_WORD: Readonly<Record<Tone, string>> = Object.freeze({
  vriendelijk: 'vriendelijk',
  professioneel: 'professioneel',
  kordaat: 'kordaat',
  formeel: 'formeel',
});
