/**
 * When a legal term starts and ends after a reminder is sent (docs/legal-facts.md §2.2, §3.6, §4.2).
 *
 * Vocabulary: a term of N days has day 1 = its start day and ends at the end of day N.
 * `deliveryDate` returns day 1: the day from which the law counts the term.
 * - BE consumers (Boek XIX): e-mail → the calendar day after sending; letter → the third working
 *   day after sending (statutory text, High).
 * - NL consumers (6:96 lid 6, HR 2016): the day after the debtor *received* the letter. The
 *   creditor must prove receipt, so without a known receipt date we assume, conservatively:
 *   e-mail received the day it is sent; a (registered) letter received on the third working day
 *   after posting (the margin the Belgian legislator chose; we found no Dutch figure).
 *   Pass `receivedOn` when the real receipt date is known (e.g. track & trace).
 */
import { addWorkingDays, isWorkingDay, nextWorkingDay, workingDayOnOrAfter } from './calendar.ts';
import { addDays, daysBetween, toDayNumber } from './dates.ts';
import { BE_B2C, NL } from './rules.ts';
import { SOURCES as S } from './sources.ts';
import type { IsoDate, Jurisdiction, LegalNote } from './types.ts';

export type Channel = 'email' | 'letter' | 'registered-letter';

export interface DeliveryOptions {
  /** NL only: the day the debtor actually received the message. Ignored for BE, where the statute counts from sending. */
  readonly receivedOn?: IsoDate;
}

/** Working days after posting on which an NL letter is assumed received (assumption, see file comment). */
export const NL_ASSUMED_LETTER_RECEIPT_WORKING_DAYS = 3;

/** Day 1 of a legal term started by a reminder sent on `sentOn` (see the file comment for the rules). */
export function deliveryDate(sentOn: IsoDate, channel: Channel, jurisdiction: Jurisdiction, options: DeliveryOptions = {}): IsoDate {
  toDayNumber(sentOn);
  if (jurisdiction === 'be') {
    if (channel === 'email') return addDays(sentOn, 1);
    return addWorkingDays(sentOn, BE_B2C.paperStartsOnWorkingDayAfterSending.value, 'be');
  }
  return addDays(receiptDate(sentOn, channel, options.receivedOn), 1);
}

/** NL: the (known or assumed) day of receipt. */
export function receiptDate(sentOn: IsoDate, channel: Channel, receivedOn?: IsoDate): IsoDate {
  if (receivedOn !== undefined) {
    if (daysBetween(sentOn, receivedOn) < 0) throw new RangeError(`Ontvangen (${receivedOn}) kan niet vóór verzonden (${sentOn}) liggen.`);
    return receivedOn;
  }
  if (channel === 'email') return sentOn;
  return addWorkingDays(sentOn, NL_ASSUMED_LETTER_RECEIPT_WORKING_DAYS, 'nl');
}

/** Last day of a term of `days` calendar days that starts on `start` (day 1). */
export function termEnd(start: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`Een termijn telt minstens 1 dag, niet ${days}.`);
  return addDays(start, days - 1);
}

/**
 * termEnd, moved to the next working day when it falls on a weekend or holiday. The Atw does this
 * for statutory terms in NL (its reach to the 14-day letter is unverified); in BE it is extra
 * margin. Giving the debtor a day more never makes a reminder non-compliant.
 */
export function safeTermEnd(start: IsoDate, days: number, jurisdiction: Jurisdiction): IsoDate {
  return workingDayOnOrAfter(termEnd(start, days), jurisdiction);
}

export interface NextStepInput {
  readonly sentOn: IsoDate;
  readonly channel: Channel;
  readonly jurisdiction: Jurisdiction;
  /** Length of the term given in the reminder; default: the statutory 14 days (BE Boek XIX, NL 6:96 lid 6). */
  readonly termDays?: number;
  /** NL only: the actual receipt date, when known. */
  readonly receivedOn?: IsoDate;
  /** Move a term end that falls on a weekend or holiday to the next working day (default true). */
  readonly extendToWorkingDay?: boolean;
  /** Also move the next step itself onto a working day (default false). */
  readonly nextStepOnWorkingDay?: boolean;
}

export interface NextStepPlan {
  /** Day 1 of the term. */
  readonly termStart: IsoDate;
  /** Last day the debtor can still pay within the term. */
  readonly termEnd: IsoDate;
  /** First day the next step (costs, interest clause, next reminder) may be taken. */
  readonly earliestNextStep: IsoDate;
  /** Assumptions behind these dates, in Dutch. */
  readonly notes: readonly LegalNote[];
}

/** Term start, term end and the first day after it, for a reminder sent on `sentOn`. */
export function earliestNextStep(input: NextStepInput): NextStepPlan {
  const { sentOn, channel, jurisdiction } = input;
  const days = input.termDays ?? (jurisdiction === 'be' ? BE_B2C.waitDays.value : NL.fourteenDayLetterDays.value);
  const start = deliveryDate(sentOn, channel, jurisdiction, input.receivedOn === undefined ? {} : { receivedOn: input.receivedOn });
  const plainEnd = termEnd(start, days);
  const end = input.extendToWorkingDay === false ? plainEnd : safeTermEnd(start, days, jurisdiction);
  const next = addDays(end, 1);
  const notes: LegalNote[] = [];
  if (jurisdiction === 'be' && channel !== 'email') notes.push(BE_WORKING_DAY_NOTE);
  if (jurisdiction === 'nl' && input.receivedOn === undefined) notes.push(channel === 'email' ? NL_EMAIL_RECEIPT_NOTE : NL_LETTER_RECEIPT_NOTE);
  if (end !== plainEnd) notes.push(jurisdiction === 'nl' ? NL_ATW_NOTE : BE_MARGIN_NOTE);
  return Object.freeze({
    termStart: start,
    termEnd: end,
    earliestNextStep: input.nextStepOnWorkingDay === true && !isWorkingDay(next, jurisdiction) ? nextWorkingDay(next, jurisdiction) : next,
    notes: Object.freeze(notes),
  });
}

const BE_WORKING_DAY_NOTE: LegalNote = Object.freeze({
  id: 'be-werkdag',
  text: 'Als werkdag tellen we maandag tot vrijdag, behalve wettelijke feestdagen. De wet omschrijft "werkdag" niet nader; zaterdag niet meetellen is de voorzichtige keuze.',
  status: 'unverified',
  sources: [S.legalNewsXix],
});

const NL_EMAIL_RECEIPT_NOTE: LegalNote = Object.freeze({
  id: 'nl-ontvangst-email',
  text: 'Aangenomen: een e-mail is ontvangen op de dag van verzending. U moet de ontvangst kunnen aantonen; weet u de echte ontvangstdatum, reken dan daarmee.',
  status: 'unverified',
  sources: [S.phr2016938, S.nvi],
});

const NL_LETTER_RECEIPT_NOTE: LegalNote = Object.freeze({
  id: 'nl-ontvangst-brief',
  text: 'Aangenomen: een brief is ontvangen op de derde werkdag na verzending. Dat is een veilige marge, geen wettelijke regel. U moet de ontvangst kunnen aantonen; weet u de echte ontvangstdatum, reken dan daarmee.',
  status: 'unverified',
  sources: [S.phr2016938, S.nvi],
});

const NL_ATW_NOTE: LegalNote = Object.freeze({
  id: 'nl-atw-verlenging',
  text: 'De termijn zou eindigen in een weekend of op een feestdag en is verlengd tot de eerstvolgende werkdag, zoals de Algemene termijnenwet doet. Of die wet ook voor de veertiendagenbrief geldt, is niet zeker; de extra dag is een veilige marge.',
  status: 'unverified',
  sources: [S.wikipediaAtw, S.staatsrechtpraktijk],
});

const BE_MARGIN_NOTE: LegalNote = Object.freeze({
  id: 'be-marge-werkdag',
  text: 'De termijn zou eindigen in een weekend of op een feestdag; we laten hem doorlopen tot de eerstvolgende werkdag. Dat is extra marge: de wet vraagt minstens 14 kalenderdagen.',
  status: 'verified',
  sources: [S.legalNewsXix],
});
