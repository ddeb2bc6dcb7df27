/**
 * The non-rate rules as data (docs/legal-facts.md §1–§4): amounts in integer cents, terms in days, each with
 * its validity period, status and sources. Computations in costs.ts and terms.ts read these
 * objects, so a figure lives in exactly one place.
 */
import { SOURCES as S } from './sources.ts';
import type { Confidence, Fact, IsoDate, Source, Status } from './types.ts';

function fact<T>(
  value: T,
  status: Status,
  confidence: Confidence,
  sources: readonly Source[],
  validFrom: IsoDate | null = null,
  validTo: IsoDate | null = null,
  note?: string,
): Fact<T> {
  return Object.freeze(note === undefined ? { value, validFrom, validTo, status, confidence, sources } : { value, validFrom, validTo, status, confidence, sources, note });
}

/** One band of a piecewise scale: `percent` of the part of the amount in (fromCents, toCents]. */
export interface ScaleBand {
  /** Lower bound, exclusive, in cents. */
  readonly fromCents: number;
  /** Upper bound, inclusive, in cents; null = no upper bound. */
  readonly toCents: number | null;
  readonly percent: number;
}

/** Belgium, B2B: wet van 2 augustus 2002 (legal-facts.md §1). */
export const BE_B2B = Object.freeze({
  /** Interest and the EUR 40 are due from the day after the due date, by operation of law. */
  interestStartsDayAfterDueDate: fact(true, 'verified', 'high', [S.woltersKluwer, S.mondaq, S.corbusRate]),
  /** No formal notice (ingebrekestelling) is needed for interest or the EUR 40. */
  noticeRequired: fact(false, 'verified', 'high', [S.woltersKluwer, S.mondaq, S.corbusRate]),
  /** The statutory rate applies only when the parties agreed no other rate. */
  appliesUnlessOtherRateAgreed: fact(true, 'verified', 'high', [S.woltersKluwer, S.mondaq]),
  /** Fixed compensation for recovery costs (art. 6), on top of the interest. */
  fixedCompensationCents: fact(4000, 'verified', 'high', [S.klaarIncasso, S.wordscope]),
  /** Common reading: EUR 40 per invoice. Not seen in the article text (legal-facts.md §1.3). */
  fixedCompensationPerInvoice: fact(true, 'unverified', 'low-medium', [S.klaarIncasso], null, null, 'Common reading and practice; article text not seen.'),
  /** Other relevant collection costs may be claimed as a "redelijke schadeloosstelling" (art. 6). */
  reasonableExtraCostsAllowed: fact(true, 'verified', 'high', [S.wordscope]),
  /** Default term when nothing was agreed: 30 calendar days from the day after receipt of the invoice. */
  defaultTermDays: fact(30, 'verified', 'high', [S.rvcAdvocaten, S.goossens]),
  /** Agreed terms between undertakings: at most 60 calendar days (wet van 14 augustus 2021). */
  maxAgreedTermDays: fact(60, 'verified', 'high', [S.rvcAdvocaten, S.bouwunie, S.odigo, S.goossens], '2022-02-01'),
  /** Splitting a late period per semester is calculator practice; the statutory basis was not found. */
  rateFollowsRunningSemester: fact(true, 'unverified', 'low', [S.lawbase], null, null, 'No statutory text found (legal-facts.md §1.1).'),
});

/** Belgium, B2C: Boek XIX WER (legal-facts.md §2). */
export const BE_B2C = Object.freeze({
  /** In force for new contracts; for older contracts only for defaults from 1 December 2023. */
  inForce: fact('2023-09-01' as IsoDate, 'verified', 'high', [S.wet4mei2023, S.rdc, S.ardent, S.fiscosearchXix1], '2023-09-01'),
  existingContractsFrom: fact('2023-12-01' as IsoDate, 'verified', 'high', [S.wet4mei2023, S.rdc, S.ardent], '2023-12-01'),
  /** The first reminder for a missed due date is free. */
  firstReminderFree: fact(true, 'verified', 'high', [S.legalNewsXix, S.villajuris, S.bricks, S.rdc], '2023-09-01'),
  /** Subscriptions: the reminders for three missed due dates per calendar year are free. */
  subscriptionFreeDueDatesPerYear: fact(3, 'verified', 'high', [S.legalNewsXix, S.villajuris, S.bricks], '2023-09-01'),
  /** Each further reminder: at most EUR 7.50 plus the postage in force on the day of sending. */
  laterReminderMaxCents: fact(750, 'verified', 'high', [S.legalNewsXix, S.villajuris, S.bricks], '2023-09-01'),
  /** Minimum waiting period after the first reminder before a damages clause applies (calendar days). */
  waitDays: fact(14, 'verified', 'high', [S.legalNewsXix, S.villajuris], '2023-09-01'),
  /** E-mail and other electronic reminders: the period starts the calendar day after sending. */
  electronicStartsDayAfterSending: fact(true, 'verified', 'high', [S.legalNewsXix], '2023-09-01'),
  /** Paper reminders: the period starts on the third working day after sending. */
  paperStartsOnWorkingDayAfterSending: fact(3, 'verified', 'high', [S.legalNewsXix], '2023-09-01'),
  /** What counts as a "werkdag" is not defined in the sources; we exclude Sat, Sun and legal holidays. */
  workingDayDefinition: fact('ma–vr, geen wettelijke feestdag' as const, 'unverified', 'low', [S.legalNewsXix], null, null, 'Conservative choice (legal-facts.md §2.2).'),
  /** Reminders must be sent on a durable medium (letter, e-mail, even SMS). */
  durableMediumRequired: fact(true, 'verified', 'high', [S.legalNewsXix, S.villajuris, S.bricks, S.rdc], '2023-09-01'),
  /** Interest or fixed compensation only if agreed in advance and reciprocal. */
  clauseMustBeAgreedAndReciprocal: fact(true, 'verified', 'medium-high', [S.fairAdvocaten, S.gdwDeWilde], '2023-09-01'),
  /** Caps on the fixed compensation (art. XIX.4 WER), by outstanding balance. */
  damagesCap: fact(
    Object.freeze({
      /** Balance up to and including this amount: flat cap. */
      flatUpToCents: 15000,
      flatCapCents: 2000,
      /** Balance up to and including this amount: base + percent of the part above `flatUpToCents`. */
      middleUpToCents: 50000,
      middleBaseCents: 3000,
      middlePercent: 10,
      /** Above `middleUpToCents`: base + percent of the part above it, never above `maxCents`. */
      topBaseCents: 6500,
      topPercent: 5,
      maxCents: 200000,
    }),
    'verified',
    'high',
    [S.riccyFocke, S.fairAdvocaten, S.gdwDeWilde, S.knack],
    '2023-09-01',
  ),
  /** Contractual interest towards a consumer may not exceed the art. 5 rate of the 2002 law. */
  maxInterestIsCommercialRate: fact(true, 'verified', 'medium-high', [S.fairAdvocaten, S.leuropeinfo], '2023-09-01'),
  /** Does interest run from the due date or only after the 14-day wait? Open (legal-facts.md §2.5). */
  interestAccrualStart: fact(null, 'unknown', 'n/a', [S.riccyFocke, S.fairAdvocaten], '2023-09-01', null, 'Check art. XIX.2–XIX.4 on Justel before charging interest from the due date.'),
  /** Mandatory content of the first reminder (legal-facts.md §2.3). */
  mandatoryMentions: fact(
    Object.freeze(['saldo-en-schadebeding', 'naam-en-ondernemingsnummer', 'omschrijving-en-vervaldag', 'termijn-14-dagen'] as const),
    'verified',
    'high',
    [S.villajuris, S.vbAdvocaten, S.bricks],
    '2023-09-01',
  ),
});

/** Netherlands (legal-facts.md §3). */
export const NL = Object.freeze({
  /** Handelsrente runs without notice from the day after the agreed last day of payment. */
  commercialInterestStartsDayAfterDueDate: fact(true, 'verified', 'high', [S.wetboekplus119a]),
  /** Without an agreed date: 30 days after receipt of the invoice (or goods, if later). */
  defaultTermDays: fact(30, 'verified', 'high', [S.wetboekplus119a]),
  /** Agreed B2B terms above 60 days are valid only if not grossly unfair (6:119a lid 5). */
  longTermScrutinyAboveDays: fact(60, 'unverified', 'medium', [S.bw6], null, null, 'Article cited from secondary summaries; its text was not read.'),
  /** A large company paying an SME may agree at most 30 days (6:119a lid 6). */
  largeToSmeMaxTermDays: fact(30, 'verified', 'high', [S.executiveFinance, S.tweedeKamer35769], '2022-07-01'),
  /** Both rates compound yearly: after each full year the interest is added to the principal. */
  yearlyCompounding: fact(true, 'verified', 'high', [S.bw6]),
  /** B2B: at least EUR 40 collection costs, without a reminder, from the day after the due date (6:96 lid 4). */
  b2bMinimumCollectionCents: fact(4000, 'verified', 'high', [S.wetboekplus96]),
  /** WIK scale (Besluit vergoeding voor buitengerechtelijke incassokosten, Stb. 2012, 141, art. 2). */
  wik: fact(
    Object.freeze({
      bands: Object.freeze<ScaleBand[]>([
        { fromCents: 0, toCents: 250000, percent: 15 },
        { fromCents: 250000, toCents: 500000, percent: 10 },
        { fromCents: 500000, toCents: 1000000, percent: 5 },
        { fromCents: 1000000, toCents: 20000000, percent: 1 },
        { fromCents: 20000000, toCents: null, percent: 0.5 },
      ]),
      minCents: 4000,
      maxCents: 677500,
    }),
    'verified',
    'high',
    [S.stb2012141],
    '2012-07-01',
  ),
  /** The scale is applied to the principal only, not to principal plus interest. */
  wikOnPrincipalOnly: fact(true, 'verified', 'medium-high', [S.huurregels]),
  /** Mandatory towards consumers (6:96 lid 5); supplementary law for others. */
  wikMandatoryForConsumers: fact(true, 'verified', 'high', [S.wetboekplus96, S.huurregels]),
  /** Art. 2 lid 3: increased by VAT if the creditor cannot deduct VAT (detail not fully checked). */
  wikVatIncrease: fact(true, 'unverified', 'medium', [S.stb2012141]),
  /** 14-day letter (6:96 lid 6): term of 14 days starting the day after the debtor received it. */
  fourteenDayLetterDays: fact(14, 'verified', 'high', [S.wetboekplus96, S.phr2016938, S.nvi, S.vastgoedAdvocaat, S.huurregels]),
  /** The letter must state the exact amount of collection costs charged if payment does not follow. */
  fourteenDayLetterMustStateCosts: fact(true, 'verified', 'medium-high', [S.nvi, S.vastgoedAdvocaat, S.huurregels]),
  /** Whether the Atw extends the 14-day term past a weekend or holiday: not verified (legal-facts.md §3.6). */
  atwAppliesToFourteenDayLetter: fact(null, 'unknown', 'n/a', [S.wikipediaAtw], null, null, 'Safe practice: a term that ends on a working day, or extra margin.'),
});
