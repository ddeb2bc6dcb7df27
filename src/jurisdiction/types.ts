import type { Source } from '../legal/types.ts';
import type { LocaleId } from '../locale/index.ts';
import type { Jurisdiction } from './ids.ts';

/** Everything the kit knows about one country, in one place. */
export interface JurisdictionProfile {
  id: Jurisdiction;
  /** "België", "Nederland". */
  name: string;
  /** The Dutch its letters are written in. */
  locale: LocaleId;
  /** The standard btw rate, used for btw on collection costs when the creditor cannot deduct it. */
  vatStandardPercent: { value: number; source: Source };
}
