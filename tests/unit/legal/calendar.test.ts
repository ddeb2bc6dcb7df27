import Holidays from 'date-holidays';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  NL_ATW_DECREE_DAYS,
  addDays,
  addWorkingDays,
  deliveryDate,
  earliestNextStep,
  easterSunday,
  holidayDataStatus,
  holidayOn,
  isWorkingDay,
  nextWorkingDay,
  publicHolidays,
  receiptDate,
  safeTermEnd,
  termEnd,
  weekday,
  workingDayOnOrAfter,
} from '../../../src/legal/index.ts';
import { dayMonth, firstTable, flat, isoDates, section, table } from './facts.ts';

const dates = (year: number, j: 'be' | 'nl') => publicHolidays(year, j).map((h) => h.date);

describe('date-holidays works in Node', () => {
  it('loads Belgian and Dutch public holidays', () => {
    const hd = new Holidays('BE', { types: ['public'] });
    expect(hd.getHolidays(2026).length).toBe(10);
  });
});

describe('Belgium: the ten legal holidays of legal-facts.md §4.1', () => {
  const rows = firstTable(section('### 4.1'));
  it('lists ten holidays', () => expect(rows.length).toBe(10));

  it.each([2019, 2020, 2023, 2024, 2025, 2026, 2027, 2030, 2035])('%i: exactly the ten, by rule', (year) => {
    const expected = rows
      .map(([, when]) => {
        const m = /Easter \+ (\d+)/.exec(when ?? '');
        return m ? addDays(easterSunday(year), Number(m[1])) : dayMonth(when ?? '', year);
      })
      .sort();
    expect(dates(year, 'be')).toEqual(expected);
  });

  it('community holidays and 15 Nov are not legal holidays', () => {
    expect(holidayOn('2025-07-11', 'be')).toBeUndefined();
    expect(holidayOn('2025-09-26', 'be')).toBeUndefined();
    expect(holidayOn('2025-11-15', 'be')).toBeUndefined();
    expect(isWorkingDay('2025-07-11', 'be')).toBe(true); // a Friday
  });
});

describe('computed dates of legal-facts.md §4.3', () => {
  const s43 = section('### 4.3');
  const rows = firstTable(s43);

  it('Easter Sunday', () => {
    const line = s43.split('\n').find((l) => l.startsWith('Easter Sunday')) ?? '';
    const listed = [...line.matchAll(/(\d{4}-\d{2}-\d{2})/g)].map((m) => m[1]);
    expect(listed.length).toBe(4);
    for (const d of listed) expect(easterSunday(Number(d?.slice(0, 4)))).toBe(d);
  });

  it.each(rows.map((r) => [r[0] ?? '', r] as const))('%s', (year, row) => {
    const [easterMonday, ascension, whitMonday, goodFriday, kingsDay] = row.slice(1).map((c) => dayMonth(c, year));
    for (const d of [easterMonday, ascension, whitMonday]) {
      expect(holidayOn(d ?? '', 'be')).toBeDefined();
      expect(holidayOn(d ?? '', 'nl')).toBeDefined();
    }
    expect(holidayOn(goodFriday ?? '', 'nl')?.name).toBe('Goede Vrijdag');
    expect(holidayOn(goodFriday ?? '', 'be')).toBeUndefined();
    expect(holidayOn(kingsDay ?? '', 'nl')?.name).toBe('Koningsdag');
    // Weekday names in the table agree with ours.
    const wd = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
    expect(wd[weekday(kingsDay ?? '')]).toBe((row[5] ?? '').slice(0, 3));
  });

  it('our computus agrees with date-holidays for 1950–2150', () => {
    const hd = new Holidays('NL', { types: ['public'] });
    for (let y = 1950; y <= 2150; y++) {
      const pasen = hd.getHolidays(y).find((h) => h.rule === 'easter');
      expect(pasen?.date.slice(0, 10)).toBe(easterSunday(y));
    }
  });
});

describe('Netherlands: Algemene termijnenwet (legal-facts.md §4.2)', () => {
  const s42 = section('### 4.2');

  it('adds every decree day the document lists, and no other', () => {
    const decree = table(s42);
    const listed = decree.flatMap(([, days]) => isoDates(days ?? ''));
    expect(decree.map((r) => r[0])).toEqual(['2023–2025', '2026–2028']);
    expect([NL_ATW_DECREE_DAYS.fromYear, NL_ATW_DECREE_DAYS.toYear]).toEqual([2023, 2028]);
    expect(listed.length).toBe(10);
    expect([...NL_ATW_DECREE_DAYS.dates].sort()).toEqual(listed.sort());
    for (const d of listed) {
      expect(isWorkingDay(d, 'nl')).toBe(false);
      expect(holidayOn(d, 'nl')?.origin).toBe('atw');
    }
    // A decree day is not a Belgian holiday.
    expect(isWorkingDay('2026-01-02', 'be')).toBe(true);
  });

  it('5 May every year, Goede Vrijdag, Koningsdag on 26 April when the 27th is a Sunday', () => {
    for (const y of [2024, 2025, 2026, 2027, 2031]) expect(holidayOn(`${y}-05-05`, 'nl')?.name).toBe('Bevrijdingsdag');
    expect(holidayOn('2025-04-26', 'nl')?.name).toBe('Koningsdag');
    expect(holidayOn('2025-04-27', 'nl')).toBeUndefined();
    expect(holidayOn('2026-04-03', 'nl')?.name).toBe('Goede Vrijdag');
    expect(flat('### 4.2')).toMatch(/Bevrijdingsdag 5 May \*\*every year\*\*/);
    expect(flat('### 4.2')).toMatch(/Goede Vrijdag \(treated as equal, art\. 3 lid 2\)/);
    expect(flat('### 4.2')).toMatch(/Koningsdag \(27 April, or 26 April when the 27th is a Sunday\)/);
  });

  it('knows how complete each year is', () => {
    expect(holidayDataStatus(2026, 'nl')).toBe('verified');
    expect(holidayDataStatus(2029, 'nl')).toBe('unknown');
    expect(holidayDataStatus(2022, 'nl')).toBe('unknown');
    expect(holidayDataStatus(2040, 'be')).toBe('verified');
  });
});

describe('working days', () => {
  it('skips weekends and holidays', () => {
    expect(isWorkingDay('2026-05-16', 'be')).toBe(false); // Saturday
    expect(isWorkingDay('2026-05-14', 'be')).toBe(false); // Hemelvaart
    expect(isWorkingDay('2026-05-15', 'be')).toBe(true);
    expect(isWorkingDay('2026-05-15', 'nl')).toBe(false); // Atw decree day
    expect(nextWorkingDay('2024-12-24', 'nl')).toBe('2024-12-30'); // 25, 26 Christmas, 27 decree day, weekend
    expect(nextWorkingDay('2024-12-24', 'be')).toBe('2024-12-26');
    expect(nextWorkingDay('2026-07-17', 'be')).toBe('2026-07-20');
    expect(workingDayOnOrAfter('2026-07-21', 'be')).toBe('2026-07-22');
    expect(workingDayOnOrAfter('2026-07-22', 'be')).toBe('2026-07-22');
    expect(addWorkingDays('2026-07-17', 3, 'be')).toBe('2026-07-23'); // Mon 20, (Tue 21 holiday), Wed 22, Thu 23
    expect(() => addWorkingDays('2026-07-17', 0, 'be')).toThrow(RangeError);
  });

  it('nextWorkingDay is always a later working day, with only non-working days in between', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 12 }), fc.constantFrom('be' as const, 'nl' as const), (offset, j) => {
        const d = addDays('2019-01-01', offset);
        const n = nextWorkingDay(d, j);
        expect(n > d).toBe(true);
        expect(isWorkingDay(n, j)).toBe(true);
        for (let x = addDays(d, 1); x < n; x = addDays(x, 1)) expect(isWorkingDay(x, j)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('does not depend on the machine time zone', () => {
    const saved = process.env.TZ;
    try {
      for (const [tz, year] of [['Pacific/Kiritimati', 2031], ['America/Los_Angeles', 2032], ['Europe/Brussels', 2033]] as const) {
        process.env.TZ = tz;
        expect(dates(year, 'be')).toContain(addDays(easterSunday(year), 1));
        expect(dates(year, 'be')).toContain(`${year}-07-21`);
        expect(dates(year, 'nl')).toContain(`${year}-12-26`);
        // Last Sunday of March (DST starts) and of October (DST ends): plain day steps.
        expect(addDays(`${year}-03-29`, 1)).toBe(`${year}-03-30`);
        expect(addDays(`${year}-10-25`, 7)).toBe(`${year}-11-01`);
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe('deliveryDate: day 1 of the term', () => {
  it('BE e-mail: the calendar day after sending, weekends included', () => {
    expect(deliveryDate('2026-04-03', 'email', 'be')).toBe('2026-04-04'); // Fri → Sat
    expect(deliveryDate('2025-12-24', 'email', 'be')).toBe('2025-12-25'); // holiday does not matter
  });

  it('BE letter: the third working day after sending', () => {
    expect(deliveryDate('2026-04-01', 'letter', 'be')).toBe('2026-04-07'); // Thu 2, Fri 3, (Easter Monday 6), Tue 7
    expect(deliveryDate('2025-12-24', 'letter', 'be')).toBe('2025-12-30'); // (25), Fri 26, Mon 29, Tue 30
    expect(deliveryDate('2026-05-09', 'letter', 'be')).toBe('2026-05-13'); // sent Sat: Mon 11, Tue 12, Wed 13
    expect(deliveryDate('2026-05-12', 'registered-letter', 'be')).toBe('2026-05-18'); // Wed 13, (Hemelvaart 14), Fri 15, Mon 18
    expect(deliveryDate('2026-05-12', 'letter', 'be', { receivedOn: '2026-05-13' })).toBe('2026-05-18'); // receipt is irrelevant in BE
  });

  it('NL: the day after (assumed) receipt', () => {
    expect(receiptDate('2026-04-30', 'email')).toBe('2026-04-30');
    expect(deliveryDate('2026-04-30', 'email', 'nl')).toBe('2026-05-01');
    // Letter assumed received on the 3rd working day: Fri 1 May, Mon 4, (Bevrijdingsdag 5), Wed 6.
    expect(receiptDate('2026-04-30', 'letter')).toBe('2026-05-06');
    expect(deliveryDate('2026-04-30', 'letter', 'nl')).toBe('2026-05-07');
    expect(deliveryDate('2026-04-30', 'registered-letter', 'nl')).toBe('2026-05-07');
    expect(deliveryDate('2026-03-02', 'letter', 'nl', { receivedOn: '2026-03-03' })).toBe('2026-03-04');
    expect(() => deliveryDate('2026-03-02', 'letter', 'nl', { receivedOn: '2026-03-01' })).toThrow(RangeError);
  });
});

describe('termEnd, safeTermEnd and earliestNextStep', () => {
  it('a term of 14 days ends on day 14', () => {
    expect(termEnd('2026-05-01', 14)).toBe('2026-05-14');
    expect(termEnd('2026-05-01', 1)).toBe('2026-05-01');
    expect(() => termEnd('2026-05-01', 0)).toThrow(RangeError);
  });

  it('NL: a term ending on Hemelvaart + decree day + weekend runs to Monday', () => {
    expect(safeTermEnd('2026-05-01', 14, 'nl')).toBe('2026-05-18');
    const plan = earliestNextStep({ sentOn: '2026-04-30', channel: 'email', jurisdiction: 'nl' });
    expect(plan).toMatchObject({ termStart: '2026-05-01', termEnd: '2026-05-18', earliestNextStep: '2026-05-19' });
    expect(plan.notes.map((n) => n.id)).toEqual(['nl-ontvangst-email', 'nl-atw-verlenging']);
    const strict = earliestNextStep({ sentOn: '2026-04-30', channel: 'email', jurisdiction: 'nl', extendToWorkingDay: false });
    expect(strict).toMatchObject({ termEnd: '2026-05-14', earliestNextStep: '2026-05-15' });
    const onWorkingDay = earliestNextStep({ sentOn: '2026-04-30', channel: 'email', jurisdiction: 'nl', extendToWorkingDay: false, nextStepOnWorkingDay: true });
    expect(onWorkingDay.earliestNextStep).toBe('2026-05-18');
  });

  it('BE consumer letter: 3rd working day, then 14 calendar days', () => {
    const plan = earliestNextStep({ sentOn: '2026-04-01', channel: 'letter', jurisdiction: 'be' });
    expect(plan).toMatchObject({ termStart: '2026-04-07', termEnd: '2026-04-20', earliestNextStep: '2026-04-21' });
    expect(plan.notes.map((n) => [n.id, n.status])).toEqual([['be-werkdag', 'unverified']]);
  });

  it('BE e-mail whose term would end on a Sunday gets the Monday', () => {
    // Sent Sat 2026-03-07 → day 1 Sun 8 Mar → day 14 Sat 21 Mar → next working day Mon 23 Mar.
    const plan = earliestNextStep({ sentOn: '2026-03-07', channel: 'email', jurisdiction: 'be' });
    expect(plan).toMatchObject({ termStart: '2026-03-08', termEnd: '2026-03-23', earliestNextStep: '2026-03-24' });
    expect(plan.notes.map((n) => n.id)).toEqual(['be-marge-werkdag']);
  });

  it('a known receipt date replaces the NL assumption', () => {
    const plan = earliestNextStep({ sentOn: '2026-03-02', channel: 'letter', jurisdiction: 'nl', receivedOn: '2026-03-03', termDays: 15 });
    expect(plan).toMatchObject({ termStart: '2026-03-04', termEnd: '2026-03-18', earliestNextStep: '2026-03-19' });
    expect(plan.notes).toEqual([]);
  });

  it('properties: the next step is always after a full term of at least 14 days after sending', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 365 * 8 }),
        fc.constantFrom('email' as const, 'letter' as const, 'registered-letter' as const),
        fc.constantFrom('be' as const, 'nl' as const),
        (offset, channel, jurisdiction) => {
          const sentOn = addDays('2023-01-01', offset);
          const p = earliestNextStep({ sentOn, channel, jurisdiction });
          expect(p.termStart > sentOn).toBe(true);
          expect(p.termEnd >= termEnd(p.termStart, 14)).toBe(true);
          expect(isWorkingDay(p.termEnd, jurisdiction)).toBe(true);
          expect(p.earliestNextStep).toBe(addDays(p.termEnd, 1));
        },
      ),
      { numRuns: 500 },
    );
  });
});
