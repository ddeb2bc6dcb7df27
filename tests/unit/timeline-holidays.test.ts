/**
 * The browser's stand-in for date-holidays (src/site/lib/timeline-holidays.mjs) gives exactly what
 * the real package gives src/legal/calendar.ts, for both countries and every year it accepts.
 */
import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import { holidayModuleSource } from '../../src/site/lib/timeline-holidays.mjs';

async function standIn(): Promise<typeof Holidays> {
  const url = `data:text/javascript;base64,${Buffer.from(holidayModuleSource()).toString('base64')}`;
  return ((await import(/* @vite-ignore */ url)) as { default: typeof Holidays }).default;
}

describe('browser holiday table', () => {
  it('matches date-holidays for BE and NL, 1900–2199', async () => {
    const Table = await standIn();
    for (const country of ['BE', 'NL']) {
      const real = new Holidays(country, { types: ['public'], languages: ['nl'] });
      const table = new Table(country, { types: ['public'], languages: ['nl'] });
      for (let year = 1900; year <= 2199; year++) {
        const pick = (list: { date: string; name: string; type: string }[]) => list.map(({ date, name, type }) => ({ date, name, type }));
        expect(pick(table.getHolidays(year, 'nl')), `${country} ${year}`).toEqual(pick(real.getHolidays(year, 'nl')));
      }
    }
  });

  it('refuses what it does not know instead of answering wrongly', async () => {
    const Table = await standIn();
    expect(() => new Table('DE', { types: ['public'], languages: ['nl'] })).toThrow();
    expect(() => new Table('BE', { types: ['public', 'bank'], languages: ['nl'] })).toThrow();
    expect(() => new Table('BE', { types: ['public'], languages: ['nl'] }).getHolidays(2200, 'nl')).toThrow(RangeError);
  });

  it('stays small', () => {
    expect(holidayModuleSource().length).toBeLessThan(40_000);
  });
});
