/**
 * Terms after a reminder (src/legal/terms.ts; legal-facts.md §2.2 for Belgium, §3.6 for the
 * Netherlands): which day the term starts, when it ends, when the next step may go out, and the
 * notes that say which of these dates rest on an assumption. calendar.test.ts holds the calendar
 * cases; this file the edges: the day of receipt itself, a next step that already falls on a working
 * day, a term of a length other than 14, and the Dutch errors.
 */
import { describe, expect, it } from 'vitest';
import { BE_B2C, NL, NL_ASSUMED_LETTER_RECEIPT_WORKING_DAYS, deliveryDate, earliestNextStep, isWorkingDay, receiptDate, safeTermEnd, termEnd } from '../../../src/legal/index.ts';
import { flat } from './facts.ts';

describe('the figures the terms use are those of legal-facts.md', () => {
  it('BE: 14 calendar days, from the day after an e-mail or the third working day after a letter', () => {
    const s22 = flat('### 2.2');
    expect(s22).toMatch(/at least \*\*14 calendar days\*\*/);
    expect(s22).toMatch(/calendar day after an e-mail is sent, and on the \*\*third working day\*\*/);
    expect(BE_B2C.waitDays.value).toBe(14);
    expect(BE_B2C.paperStartsOnWorkingDayAfterSending.value).toBe(3);
  });

  it('NL: 14 days after receipt; a letter assumed received on the third working day', () => {
    expect(flat('### 3.6')).toMatch(/a letter on the \*\*third working day\*\* after posting/);
    expect(NL.fourteenDayLetterDays.value).toBe(14);
    expect(NL_ASSUMED_LETTER_RECEIPT_WORKING_DAYS).toBe(3);
  });
});

describe('receiptDate (NL)', () => {
  it('a letter received the day it was sent counts from the next day', () => {
    expect(receiptDate('2026-03-02', 'letter', '2026-03-02')).toBe('2026-03-02');
    expect(deliveryDate('2026-03-02', 'registered-letter', 'nl', { receivedOn: '2026-03-02' })).toBe('2026-03-03');
  });

  it('a receipt date before sending is refused in Dutch', () => {
    expect(() => receiptDate('2026-03-02', 'letter', '2026-03-01')).toThrow('Ontvangen (2026-03-01) kan niet vóór verzonden (2026-03-02) liggen.');
  });

  it('an e-mail counts as received on the day it is sent, also on a Sunday', () => {
    expect(receiptDate('2026-03-08', 'email')).toBe('2026-03-08');
    expect(deliveryDate('2026-03-08', 'email', 'nl')).toBe('2026-03-09');
  });

  it('a registered letter is assumed received like a letter: on the third working day', () => {
    // Fri 6 Mar 2026: Mon 9, Tue 10, Wed 11.
    expect(receiptDate('2026-03-06', 'registered-letter')).toBe('2026-03-11');
  });
});

describe('deliveryDate', () => {
  it('refuses a date that does not exist', () => {
    expect(() => deliveryDate('2026-02-30', 'email', 'be')).toThrow(RangeError);
    expect(() => deliveryDate('2026-02-30', 'email', 'nl')).toThrow(RangeError);
  });
});

describe('termEnd', () => {
  it('counts the start day as day 1, for any length', () => {
    expect(termEnd('2026-01-31', 2)).toBe('2026-02-01');
    expect(termEnd('2024-02-15', 15)).toBe('2024-02-29');
  });

  it('refuses a term shorter than one day or not in whole days, in Dutch', () => {
    expect(() => termEnd('2026-05-01', 0)).toThrow('Een termijn telt minstens 1 dag, niet 0.');
    expect(() => termEnd('2026-05-01', -3)).toThrow(/minstens 1 dag/);
    expect(() => termEnd('2026-05-01', 1.5)).toThrow(/minstens 1 dag, niet 1\.5/);
  });

  it('safeTermEnd leaves an end on a working day alone and moves one on a weekend', () => {
    // Day 14 from Mon 2 Mar 2026 is Sun 15 Mar → Mon 16 Mar; from Wed 4 Mar it is Tue 17 Mar.
    expect(safeTermEnd('2026-03-02', 14, 'be')).toBe('2026-03-16');
    expect(safeTermEnd('2026-03-04', 14, 'be')).toBe('2026-03-17');
  });
});

describe('earliestNextStep', () => {
  it('BE e-mail, a term of 14 days ending on a working day: no note, next step the day after', () => {
    // Sent Tue 3 Mar 2026 → day 1 Wed 4 Mar → day 14 Tue 17 Mar.
    const plan = earliestNextStep({ sentOn: '2026-03-03', channel: 'email', jurisdiction: 'be' });
    expect(plan).toEqual({ termStart: '2026-03-04', termEnd: '2026-03-17', earliestNextStep: '2026-03-18', notes: [] });
    expect(Object.isFrozen(plan)).toBe(true);
  });

  it('uses the term the reminder gave when it is not 14 days', () => {
    const plan = earliestNextStep({ sentOn: '2026-03-03', channel: 'email', jurisdiction: 'be', termDays: 8 });
    expect(plan).toMatchObject({ termStart: '2026-03-04', termEnd: '2026-03-11', earliestNextStep: '2026-03-12' });
    const nl = earliestNextStep({ sentOn: '2026-03-03', channel: 'email', jurisdiction: 'nl', termDays: 30 });
    expect(nl).toMatchObject({ termStart: '2026-03-04', termEnd: '2026-04-02', earliestNextStep: '2026-04-03' });
  });

  it('NL default: the statutory 14 days from the day after receipt', () => {
    // Sent Tue 3 Mar 2026 by e-mail → day 1 Wed 4 Mar → day 14 Tue 17 Mar.
    expect(earliestNextStep({ sentOn: '2026-03-03', channel: 'email', jurisdiction: 'nl' })).toMatchObject({ termEnd: '2026-03-17', earliestNextStep: '2026-03-18' });
  });

  it('a next step already on a working day stays there when asked for a working day', () => {
    const plan = earliestNextStep({ sentOn: '2026-03-03', channel: 'email', jurisdiction: 'be', nextStepOnWorkingDay: true });
    expect(plan.earliestNextStep).toBe('2026-03-18');
    expect(isWorkingDay(plan.earliestNextStep, 'be')).toBe(true);
  });

  it('a next step on a Saturday moves to Monday only when asked', () => {
    // Sent Thu 5 Mar 2026 → day 1 Fri 6 → day 14 Thu 19 → next Fri 20; with 15 days → next Sat 21.
    const loose = earliestNextStep({ sentOn: '2026-03-05', channel: 'email', jurisdiction: 'be', termDays: 15 });
    expect(loose).toMatchObject({ termEnd: '2026-03-20', earliestNextStep: '2026-03-21' });
    const onWorkingDay = earliestNextStep({ sentOn: '2026-03-05', channel: 'email', jurisdiction: 'be', termDays: 15, nextStepOnWorkingDay: true });
    expect(onWorkingDay.earliestNextStep).toBe('2026-03-23');
    expect(earliestNextStep({ sentOn: '2026-03-05', channel: 'email', jurisdiction: 'be', termDays: 15, nextStepOnWorkingDay: false }).earliestNextStep).toBe('2026-03-21');
  });

  it('the working-day extension is on unless switched off', () => {
    // Sent Sat 7 Mar 2026 → day 14 Sat 21 Mar; extended to Mon 23 Mar.
    const on = earliestNextStep({ sentOn: '2026-03-07', channel: 'email', jurisdiction: 'be', extendToWorkingDay: true });
    expect(on.termEnd).toBe('2026-03-23');
    const off = earliestNextStep({ sentOn: '2026-03-07', channel: 'email', jurisdiction: 'be', extendToWorkingDay: false });
    expect(off).toEqual({ termStart: '2026-03-08', termEnd: '2026-03-21', earliestNextStep: '2026-03-22', notes: [] });
  });

  it('names each assumption once, with its status', () => {
    const ids = (input: Parameters<typeof earliestNextStep>[0]) => earliestNextStep(input).notes.map((n) => [n.id, n.status]);
    // BE registered letter, Mon 2 Mar 2026 → day 1 Thu 5 Mar → day 14 Wed 18 Mar: only the working-day definition.
    expect(ids({ sentOn: '2026-03-02', channel: 'registered-letter', jurisdiction: 'be' })).toEqual([['be-werkdag', 'unverified']]);
    // NL letter without a known receipt: assumed on the third working day (Thu 5 Mar) → day 14 Fri 20 Mar.
    expect(ids({ sentOn: '2026-03-02', channel: 'letter', jurisdiction: 'nl' })).toEqual([['nl-ontvangst-brief', 'unverified']]);
    expect(ids({ sentOn: '2026-03-02', channel: 'email', jurisdiction: 'nl' })).toEqual([['nl-ontvangst-email', 'unverified']]);
    // NL e-mail sent Sat 7 Mar → day 14 Sat 21 Mar, extended: the Atw note, not the Belgian margin one.
    expect(ids({ sentOn: '2026-03-07', channel: 'email', jurisdiction: 'nl', receivedOn: '2026-03-07' })).toEqual([['nl-atw-verlenging', 'unverified']]);
    expect(ids({ sentOn: '2026-03-07', channel: 'email', jurisdiction: 'be' })).toEqual([['be-marge-werkdag', 'verified']]);
  });

  it('each note says in Dutch what was assumed and cites a source', () => {
    const texts = (input: Parameters<typeof earliestNextStep>[0]) => earliestNextStep(input).notes.map((n) => [n.text, n.sources.length > 0]);
    expect(texts({ sentOn: '2026-03-02', channel: 'letter', jurisdiction: 'nl' })[0]).toEqual([expect.stringMatching(/^Aangenomen: een brief is ontvangen op de derde werkdag/), true]);
    expect(texts({ sentOn: '2026-03-02', channel: 'email', jurisdiction: 'nl' })[0]).toEqual([expect.stringMatching(/^Aangenomen: een e-mail is ontvangen op de dag van verzending/), true]);
    expect(texts({ sentOn: '2026-03-02', channel: 'letter', jurisdiction: 'be' })[0]).toEqual([expect.stringMatching(/maandag tot vrijdag, behalve wettelijke feestdagen/), true]);
  });
});
