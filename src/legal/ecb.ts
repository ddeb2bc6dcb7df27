/**
 * The ECB main refinancing rate as a step function over the changes in rate-data.ts, and the two
 * statutory formulas built on it. For checking the published rows (and for a maintainer before a
 * figure is published): the rate tables store published figures and never compute one from here.
 */
import { addDays } from './dates.ts';
import { ECB_MRO_KNOWN_THROUGH, ECB_MRO_ROWS } from './rate-data.ts';
import type { IsoDate, Jurisdiction, Source } from './types.ts';

/** The ECB rate in force on a day, with the change it comes from. */
export interface EcbRateOn {
  readonly ratePercent: number;
  /** Date of effect of the change that set it. */
  readonly since: IsoDate;
  readonly sources: readonly Source[];
}

/** The rate in force on `date`; undefined before the first recorded change or after the last day the record covers. */
export function ecbRateOn(date: IsoDate): EcbRateOn | undefined {
  if (date > ECB_MRO_KNOWN_THROUGH) return undefined;
  const row = ECB_MRO_ROWS.filter(([from]) => from <= date).at(-1);
  return row && Object.freeze({ ratePercent: row[1], since: row[0], sources: row[2] });
}

/**
 * The reference rate of a rate period starting on `periodStart` (1 January or 1 July): the rate of
 * the ECB's most recent main refinancing operation before that day (BE: art. 2, 4° wet van 2 augustus
 * 2002; NL: art. 6:120 lid 2 BW). Rate changes take effect on an operation's day, so this is the
 * rate in force on the day before.
 */
export function referenceRate(periodStart: IsoDate): EcbRateOn | undefined {
  return ecbRateOn(addDays(periodStart, -1));
}

/**
 * The statutory commercial rate for a period, from the reference rate: plus 8 points, in Belgium
 * rounded up to the next half point (art. 5), in the Netherlands not rounded. Undefined when the
 * reference rate is not on record. Computed in basis points, so no float error decides a rounding.
 */
export function statutoryCommercialRate(jurisdiction: Jurisdiction, periodStart: IsoDate): number | undefined {
  const ref = referenceRate(periodStart);
  if (ref === undefined) return undefined;
  const bp = Math.round(ref.ratePercent * 100) + 800;
  return (jurisdiction === 'be' ? Math.ceil(bp / 50) * 50 : bp) / 100;
}
