/**
 * Public API of the legal-rules module: rules as data with their sources and status, and pure
 * computations on top of them. Isomorphic: no Node-only imports, safe for the browser bundle.
 * Every figure is documented with its source in docs/legal-facts.md; a value nobody published is 'unknown'.
 */
export type { Confidence, CustomerType, Fact, IsoDate, Jurisdiction, LegalNote, Source, Status } from './types.ts';
export { SOURCES } from './sources.ts';
export type { SourceId } from './sources.ts';

export { addDays, addYears, daysBetween, easterSunday, isIsoDate, isLeapYear, isWeekend, weekday } from './dates.ts';

export { BE_COMMERCIAL_RATES, BE_LEGAL_RATES, NL_COMMERCIAL_RATES, NL_LEGAL_RATES, RATE_TABLES, ratePeriodOn, rateTable } from './rates.ts';
export { ECB_MRO_KNOWN_THROUGH, ECB_MRO_ROWS, FORMULA_SOURCES, RATES_CHECKED_ON, RATE_SOURCES } from './rate-data.ts';
export type { EcbRow, RateRow } from './rate-data.ts';
export { ecbRateOn, referenceRate, statutoryCommercialRate } from './ecb.ts';
export type { EcbRateOn } from './ecb.ts';
export type { InterestKind, RatePeriod, RateTable, RateTableId } from './rates.ts';

export { BE_B2B, BE_B2C, NL } from './rules.ts';
export type { ScaleBand } from './rules.ts';

export { computeInterest, interestKindsFor, interestStartDate, lettersSources, missingRateHelp, ratePeriodStart, simpleInterestCents, singleRatePercent } from './interest.ts';
export type { InterestInput, InterestLine, InterestResult, KnownInterestLine, UnknownInterestLine, UnknownReason } from './interest.ts';

export { applicableCosts, beB2bCompensationCents, beConsumerDamagesCapCents, beConsumerReminderFeeCapCents, nlCollectionCostsCents } from './costs.ts';
export type { CostId, CostItem, CostsInput } from './costs.ts';

export { HOLIDAY_SOURCES, NL_ATW_DECREE_DAYS, addWorkingDays, holidayDataStatus, holidayOn, isWorkingDay, nextWorkingDay, publicHolidays, workingDayOnOrAfter } from './calendar.ts';
export type { PublicHoliday } from './calendar.ts';

export { NL_ASSUMED_LETTER_RECEIPT_WORKING_DAYS, deliveryDate, earliestNextStep, receiptDate, safeTermEnd, termEnd } from './terms.ts';
export type { Channel, DeliveryOptions, NextStepInput, NextStepPlan } from './terms.ts';

export { DISCLAIMER, EXPLANATIONS, euro, explanationsFor, percent } from './explain.ts';
export type { Caveat, Explanation } from './explain.ts';
