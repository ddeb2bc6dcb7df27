/** Calendar dates as day numbers: remembered conversions give what a fresh one gives, and a bad date still fails. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, fromDayNumber, toDayNumber } from '../../../src/legal/dates.ts';

const iso = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe('day numbers', () => {
  it('convert both ways, the same the first time and every time after (property test)', () => {
    fc.assert(
      fc.property(iso, fc.integer({ min: -400, max: 400 }), (date, days) => {
        const [y, m, d] = date.split('-').map(Number) as [number, number, number];
        for (let i = 0; i < 2; i++) {
          expect(toDayNumber(date)).toBe(Date.UTC(y, m - 1, d) / 86_400_000);
          expect(fromDayNumber(toDayNumber(date))).toBe(date);
          expect(daysBetween(date, addDays(date, days))).toBe(days);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('still refuses a date that does not exist, or a day that is not whole, after many good ones', () => {
    for (let day = 0; day < 25_000; day++) toDayNumber(fromDayNumber(day));
    expect(() => toDayNumber('2025-02-30')).toThrow(RangeError);
    expect(() => toDayNumber('2025-2-3')).toThrow(/JJJJ-MM-DD/);
    expect(() => fromDayNumber(1.5)).toThrow(RangeError);
    expect(fromDayNumber(20_000)).toBe('2024-10-04');
  });
});
