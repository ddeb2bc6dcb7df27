/**
 * Runs a synchronous function with a fixed clock and a seeded Math.random.
 *
 * Why: docx writes "now" into docProps/core.xml and into every zip entry's mtime, and gives each
 * hyperlink a relationship id from Math.random (nanoid). docx 9's Packer.pack compiles and zips
 * synchronously, so patching the globals for that one synchronous call makes the bytes
 * reproducible without the patch ever being visible to other code (no await happens inside).
 */
import { mulberry32 } from '../../lib/seeded-random.ts';

/**
 * A Date whose "now" is fixed and whose local-time getters read UTC, so the zip's DOS timestamps
 * (written from local time) do not depend on the machine's time zone.
 */
function fixedDateClass(Real: DateConstructor, fixed: number): DateConstructor {
  class FixedDate extends Real {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(fixed);
      else super(...(args as [string | number | Date]));
    }
    static override now(): number {
      return fixed;
    }
    override getFullYear(): number {
      return this.getUTCFullYear();
    }
    override getMonth(): number {
      return this.getUTCMonth();
    }
    override getDate(): number {
      return this.getUTCDate();
    }
    override getDay(): number {
      return this.getUTCDay();
    }
    override getHours(): number {
      return this.getUTCHours();
    }
    override getMinutes(): number {
      return this.getUTCMinutes();
    }
    override getSeconds(): number {
      return this.getUTCSeconds();
    }
    override getTimezoneOffset(): number {
      return 0;
    }
  }
  return FixedDate as DateConstructor;
}

/** Parses the ISO date once, so a bad value fails before any global is touched. */
export function parseFixedDate(iso: string): number {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) throw new RangeError(`fixedDate is geen geldige ISO-datum: ${JSON.stringify(iso)}`);
  return time;
}

/** Calls `fn` with Math.random seeded and, when `fixedTime` is given, Date frozen at that instant. */
export function runFrozen<T>(fixedTime: number | undefined, fn: () => T): T {
  const RealDate = globalThis.Date;
  const realRandom = Math.random;
  Math.random = mulberry32(0x7113d19);
  if (fixedTime !== undefined) globalThis.Date = fixedDateClass(RealDate, fixedTime);
  try {
    return fn();
  } finally {
    globalThis.Date = RealDate;
    Math.random = realRandom;
  }
}
