/**
 * Late-payment interest, split exactly over the periods in which a rate applies.
 *
 * Conventions (stated because the sources do not fix them all):
 * - `from` and `to` are both inclusive: interest accrues on every day from `from` to `to`.
 *   For B2B debts `from` is the day after the due date (use `interestStartDate`).
 * - Within a year simple interest, actual days / 365, also in leap years. Our sources name no day-count
 *   convention, so this is flagged 'unverified' in the result notes.
 * - NL: both Dutch rates compound yearly (legal-facts.md §3.1), so after each full year counted from
 *   `from` that year's interest is added to the principal. BE: no compounding.
 * - The period is also split on the rate grid (BE commercial and NL: 1 January / 1 July; BE legal:
 *   1 January) so every line shows one published rate (legal-facts.md §1.1: calculator practice).
 * - Rounding: each line is computed exactly (integer arithmetic) and rounded half up to the cent;
 *   the total is the sum of the rounded lines.
 * - A period without a known rate is returned as `{ unknown: true }` with the reason, and the
 *   total is then null: we never guess a rate.
 */
import { addDays, addYears, daysBetween, toDayNumber } from './dates.ts';
import { ratePeriodOn, rateTable } from './rates.ts';
import type { InterestKind, RateTable, RateTableId } from './rates.ts';
import { BE_B2B, BE_B2C, NL } from './rules.ts';
import { SOURCES as S } from './sources.ts';
import type { CustomerType, IsoDate, Jurisdiction, LegalNote, Source, Status } from './types.ts';

export type { InterestKind } from './rates.ts';

export interface InterestInput {
  /** Outstanding principal in euro cents (a non-negative integer). */
  readonly principalCents: number;
  /** First day on which interest accrues (inclusive). */
  readonly from: IsoDate;
  /** Last day on which interest accrues (inclusive). `to` = `from` − 1 means no days. */
  readonly to: IsoDate;
  readonly jurisdiction: Jurisdiction;
  readonly customerType: CustomerType;
  /**
   * 'commercial': BE art. 5 rate of the wet van 2 augustus 2002 (for a consumer: the maximum a
   * contractual clause may charge) / NL wettelijke handelsrente.
   * 'legal': BE wettelijke interestvoet / NL wettelijke rente.
   */
  readonly kind: InterestKind;
  /**
   * Rates the user typed for periods whose rate is not in our table, keyed by the first day of the
   * rate period ('2026-07-01'; see `ratePeriodStart`). Never replaces a published rate.
   */
  readonly userRates?: Readonly<Record<IsoDate, number>>;
}

interface LineBase {
  readonly periodStart: IsoDate;
  readonly periodEnd: IsoDate;
  readonly days: number;
  /** Rate-table label of the period ("2024 H1", "2025", "2024-07-01"), or null outside the table. */
  readonly label: string | null;
}

export interface KnownInterestLine extends LineBase {
  readonly unknown: false;
  /** Amount the interest is computed on (principal, plus capitalised interest in NL). */
  readonly baseCents: number;
  readonly ratePercent: number;
  /** Rounded half up to the cent. */
  readonly amountCents: number;
  /** The source a Dutch letter shows: always a Dutch-language one, an official one when we have it. */
  readonly source: Source;
  /** Dutch-language sources for the rate, `source` first. */
  readonly sources: readonly Source[];
  readonly status: Exclude<Status, 'unknown'>;
  /** 'table': a rate from our table; 'user': a rate the user typed for a period we do not know. */
  readonly origin: 'table' | 'user';
}

export type UnknownReason = 'no-rate-in-table' | 'rate-not-yet-known' | 'base-depends-on-unknown-period';

export interface UnknownInterestLine extends LineBase {
  readonly unknown: true;
  readonly reason: UnknownReason;
  /** Plain Dutch: which period and why. */
  readonly explanation: string;
}

export type InterestLine = KnownInterestLine | UnknownInterestLine;

export interface InterestResult {
  readonly breakdown: readonly InterestLine[];
  /** Sum of all lines; null when any line is unknown. */
  readonly totalCents: number | null;
  /** Sum of the lines whose rate is known (a lower bound when `totalCents` is null). */
  readonly knownTotalCents: number;
  readonly unknownPeriods: readonly { readonly periodStart: IsoDate; readonly periodEnd: IsoDate; readonly reason: UnknownReason }[];
  /** Days from `from` to `to`, both inclusive. */
  readonly days: number;
  readonly table: RateTableId;
  readonly dayCount: 'actual/365';
  readonly rounding: 'half-up-per-line';
  readonly compounding: 'none' | 'yearly';
  /** Assumptions and applicability remarks, in Dutch, with their status. */
  readonly notes: readonly LegalNote[];
}

/** B2B interest runs from the day after the due date (BE art. 5 wet 2002; NL 6:119a lid 1). */
export function interestStartDate(dueDate: IsoDate): IsoDate {
  return addDays(dueDate, 1);
}

const DAY_BASIS = 365n;

/** principal × rate × days / 365, rounded half up to the cent, in exact integer arithmetic. */
export function simpleInterestCents(baseCents: number, ratePercent: number, days: number): number {
  assertCents(baseCents, 'baseCents');
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`Aantal dagen moet een geheel getal ≥ 0 zijn, niet ${days}.`);
  const hundredths = Math.round(ratePercent * 100);
  if (!Number.isFinite(ratePercent) || ratePercent < 0 || Math.abs(hundredths - ratePercent * 100) > 1e-6) {
    throw new RangeError(`Rentevoet ${ratePercent} % heeft meer dan twee decimalen of is ongeldig.`);
  }
  const num = BigInt(baseCents) * BigInt(hundredths) * BigInt(days);
  const den = 10_000n * DAY_BASIS; // percent → fraction (100) and hundredths of a percent (100)
  return Number((2n * num + den) / (2n * den));
}

/** Interest over [from, to], split per rate period (see the file comment for every convention). */
export function computeInterest(input: InterestInput): InterestResult {
  const { principalCents, from, to, jurisdiction, customerType, kind } = input;
  assertCents(principalCents, 'principalCents');
  for (const [start, rate] of Object.entries(input.userRates ?? {})) {
    if (!Number.isFinite(rate) || rate < 0 || rate > 100) throw new RangeError(`De ingevulde rentevoet voor de periode vanaf ${start} moet tussen 0 en 100 % liggen, niet ${rate}.`);
  }
  const totalDays = daysBetween(from, to) + 1;
  if (totalDays < 0) throw new RangeError(`Einddatum ${to} ligt vóór begindatum ${from}.`);
  if (jurisdiction === 'nl' && customerType === 'consumer' && kind === 'commercial') {
    throw new RangeError('De wettelijke handelsrente geldt alleen voor handelsovereenkomsten, niet voor consumenten. Gebruik de wettelijke rente.');
  }
  const table = rateTable(jurisdiction, kind);
  const compounding = table.compounding;

  const breakdown = interestLines(table, principalCents, from, to, input.userRates ?? {});
  const unknownLines = breakdown.filter((l): l is UnknownInterestLine => l.unknown);
  const knownTotalCents = breakdown.reduce((sum, l) => (l.unknown ? sum : sum + l.amountCents), 0);
  return Object.freeze({
    breakdown: Object.freeze(breakdown),
    totalCents: unknownLines.length === 0 ? knownTotalCents : null,
    knownTotalCents,
    unknownPeriods: Object.freeze(unknownLines.map(({ periodStart, periodEnd, reason }) => Object.freeze({ periodStart, periodEnd, reason }))),
    days: totalDays,
    table: table.id,
    dayCount: 'actual/365',
    rounding: 'half-up-per-line',
    compounding,
    notes: Object.freeze(notesFor(input, table, breakdown)),
  });
}

/**
 * The breakdown over one rate table (exported for tests that need a table with a gap).
 * Assumes validated input; `computeInterest` is the public entry point.
 */
export function interestLines(table: RateTable, principalCents: number, from: IsoDate, to: IsoDate, userRates: Readonly<Record<IsoDate, number>> = {}): InterestLine[] {
  const breakdown: InterestLine[] = [];
  if (daysBetween(from, to) >= 0) {
    const compounding = table.compounding;
    const anniversaries = compounding === 'yearly' ? yearStarts(from, to) : [from];
    const starts = boundaries(table, from, to, anniversaries);
    const yearTotals: (number | null)[] = [];
    for (let i = 0; i < starts.length; i++) {
      const periodStart = starts[i] as IsoDate;
      const next = starts[i + 1];
      const periodEnd = next === undefined ? to : addDays(next, -1);
      const days = daysBetween(periodStart, periodEnd) + 1;
      const yearIndex = anniversaries.filter((a) => a <= periodStart).length - 1;
      const period = ratePeriodOn(table, periodStart);
      const label = period?.label ?? null;
      const unknown = (reason: UnknownReason, explanation: string): UnknownInterestLine =>
        Object.freeze({ unknown: true, periodStart, periodEnd, days, label, reason, explanation });

      let line: InterestLine;
      const base = baseFor(principalCents, yearTotals, yearIndex);
      const typed = period?.ratePercent == null ? userRates[ratePeriodStart(table, periodStart)] : undefined;
      if (typed !== undefined && base !== null) {
        const source = userRateSource(table);
        line = Object.freeze({
          unknown: false,
          periodStart,
          periodEnd,
          days,
          label: label ?? ratePeriodStart(table, periodStart),
          baseCents: base,
          ratePercent: typed,
          amountCents: simpleInterestCents(base, typed, days),
          source,
          sources: Object.freeze([source]),
          status: 'unverified',
          origin: 'user',
        });
      } else if (period === undefined) {
        line = unknown('no-rate-in-table', `Geen gepubliceerde rentevoet in onze tabel voor ${periodStart} t/m ${periodEnd}; deze periode is niet berekend.`);
      } else if (period.ratePercent === null || period.status === 'unknown') {
        line = unknown('rate-not-yet-known', `De rentevoet voor ${period.label} is nog niet bekend; ${periodStart} t/m ${periodEnd} is niet berekend.`);
      } else if (base === null) {
        line = unknown('base-depends-on-unknown-period', `De rente over ${periodStart} t/m ${periodEnd} hangt af van een eerdere periode waarvan de rentevoet onbekend is (rente op rente).`);
      } else {
        const sources = lettersSources(period.sources, table);
        line = Object.freeze({
          unknown: false,
          periodStart,
          periodEnd,
          days,
          label,
          baseCents: base,
          ratePercent: period.ratePercent,
          amountCents: simpleInterestCents(base, period.ratePercent, days),
          source: sources[0] as Source,
          sources,
          status: period.status,
          origin: 'table',
        });
      }
      breakdown.push(line);
      const prev = yearTotals[yearIndex];
      yearTotals[yearIndex] = line.unknown || prev === null ? null : (prev ?? 0) + line.amountCents;
    }
  }

  return breakdown;
}

/** Which kinds of interest fit a debtor, most usual first, with a Dutch label for a form. */
export function interestKindsFor(jurisdiction: Jurisdiction, customerType: CustomerType): readonly { readonly kind: InterestKind; readonly label: string }[] {
  if (jurisdiction === 'nl') {
    return customerType === 'business'
      ? [{ kind: 'commercial', label: 'Wettelijke handelsrente' }]
      : [{ kind: 'legal', label: 'Wettelijke rente' }];
  }
  return customerType === 'business'
    ? [{ kind: 'commercial', label: 'Nalatigheidsinteresten (wet van 2 augustus 2002)' }]
    : [
        { kind: 'legal', label: 'Wettelijke interestvoet (zonder contractueel schadebeding)' },
        { kind: 'commercial', label: 'Maximale contractuele nalatigheidsinterest (interestvoet van de wet van 2 augustus 2002)' },
      ];
}

function assertCents(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} moet een geheel aantal eurocent ≥ 0 zijn, niet ${value}.`);
}

/** Start days of each compounding year inside [from, to]: from, from + 1 year, … */
function yearStarts(from: IsoDate, to: IsoDate): IsoDate[] {
  const out = [from];
  for (let k = 1; ; k++) {
    const a = addYears(from, k);
    if (a > to) return out;
    out.push(a);
  }
}

/** Sorted first days of the lines: every place where the rate, the grid or the compounding year changes. */
function boundaries(table: RateTable, from: IsoDate, to: IsoDate, anniversaries: readonly IsoDate[]): IsoDate[] {
  const set = new Set<IsoDate>([from]);
  const inside = (d: IsoDate) => d > from && d <= to;
  const firstYear = Number(from.slice(0, 4));
  const lastYear = Number(to.slice(0, 4));
  for (let y = firstYear; y <= lastYear; y++) {
    for (const md of table.grid === 'half-year' ? ['01-01', '07-01'] : ['01-01']) {
      const d = `${y}-${md}`;
      if (inside(d)) set.add(d);
    }
  }
  for (const p of table.periods) {
    if (inside(p.validFrom)) set.add(p.validFrom);
    const after = addDays(p.validTo, 1);
    if (inside(after)) set.add(after);
  }
  for (const a of anniversaries) if (inside(a)) set.add(a);
  return [...set].sort((a, b) => toDayNumber(a) - toDayNumber(b));
}

/** Principal plus the interest of every earlier, completed compounding year; null if one is unknown. */
function baseFor(principalCents: number, yearTotals: readonly (number | null)[], yearIndex: number): number | null {
  let base = principalCents;
  for (let k = 0; k < yearIndex; k++) {
    const t = yearTotals[k];
    if (t === null) return null;
    base += t ?? 0;
  }
  return base;
}

/**
 * The sources a Dutch letter may show for a rate: official Dutch-language ones only. A customer is
 * never sent to a law firm's blog or a code table; a rate that only such sources report shows the
 * table's official Dutch page, where the rate is published (its status stays in the data).
 */
export function lettersSources(sources: readonly Source[], table: RateTable): readonly Source[] {
  const official = sources.filter((s) => s.language === 'nl' && s.official);
  return Object.freeze(official.length ? official : [table.reference]);
}

/** First day of the rate period that holds `date`: 1 January or 1 July (half-year grid), 1 January (year). */
export function ratePeriodStart(table: RateTable, date: IsoDate): IsoDate {
  const year = date.slice(0, 4);
  return table.grid === 'year' || date.slice(5) < '07-01' ? `${year}-01-01` : `${year}-07-01`;
}

/** The source line of a rate the user typed: says so, so no letter shows an empty or false "Bron". */
function userRateSource(table: RateTable): Source {
  const title =
    table.jurisdiction === 'be'
      ? 'Interestvoet zelf ingevuld volgens de wettelijke berekening; nog niet gevonden in het Belgisch Staatsblad'
      : 'Rentevoet zelf ingevuld volgens de wettelijke berekening; nog niet gevonden in een officiële bekendmaking';
  return Object.freeze({ title, url: null, ref: 'legal-facts.md §7', official: false, language: 'nl' });
}

/**
 * The one rate that applied on every day of the calculation, or null when there were several (or
 * one is unknown). A sentence such as "interest at X % per year" may only use this value.
 */
export function singleRatePercent(result: InterestResult): number | null {
  const rates = new Set<number>();
  for (const line of result.breakdown) {
    if (line.unknown) return null;
    rates.add(line.ratePercent);
  }
  return rates.size === 1 ? ([...rates][0] as number) : null;
}

/**
 * What the user must know to type a rate that is not yet published: the period, how the law sets
 * the rate, and where it will be published. Dutch, ready to print.
 */
export function missingRateHelp(table: RateTable, periodStart: IsoDate): string {
  const word = table.jurisdiction === 'be' ? 'interestvoet' : 'rentevoet';
  const year = periodStart.slice(0, 4);
  const when = table.grid === 'year' ? year : `${periodStart.slice(5) === '01-01' ? 'het eerste' : 'het tweede'} ${table.jurisdiction === 'be' ? 'semester' : 'halfjaar'} van ${year}`;
  return `De ${word} voor ${when} kennen wij nog niet. De wet bepaalt hem zo: ${table.formula}. Zoek het gepubliceerde cijfer op bij ${table.reference.title}${table.reference.url ? ` (${table.reference.url})` : ''} en vul het in; wij rekenen het dan als zelf ingevuld.`;
}

function notesFor(input: InterestInput, table: RateTable, lines: readonly InterestLine[]): LegalNote[] {
  const notes: LegalNote[] = [
    {
      id: 'dagtelling',
      // NL rates compound yearly (rente op rente), so "enkelvoudig" would be untrue there.
      text: `${table.compounding === 'yearly' ? 'Berekend per dag binnen elk jaar' : 'Berekend als enkelvoudige interest'}: werkelijk aantal dagen gedeeld door 365, ook in een schrikkeljaar. Elke regel is afgerond op de cent (half naar boven). De bronnen schrijven geen dagtelling voor.`,
      status: 'unverified',
      sources: table.sources,
    },
  ];
  if (table.grid === 'half-year' && table.jurisdiction === 'be') {
    notes.push({
      id: 'be-semesters',
      text: 'Per semester geldt de rentevoet van dat semester, zoals rekentools dat doen. De wettekst die dat voorschrijft, is niet nagekeken.',
      status: BE_B2B.rateFollowsRunningSemester.status,
      sources: BE_B2B.rateFollowsRunningSemester.sources,
    });
  }
  if (table.compounding === 'yearly') {
    notes.push({
      id: 'nl-rente-op-rente',
      text: 'Na elk vol jaar wordt de rente van dat jaar bij de hoofdsom opgeteld (rente op rente, art. 6:119 lid 2 en 6:119a lid 3 BW).',
      status: NL.yearlyCompounding.status,
      sources: NL.yearlyCompounding.sources,
    });
  }
  const { jurisdiction, customerType, kind } = input;
  if (jurisdiction === 'be' && customerType === 'consumer' && kind === 'commercial') {
    notes.push({
      id: 'be-b2c-maximum',
      text: 'Bij een consument is dit het maximum: u mag alleen nalatigheidsinteresten aanrekenen als uw contract of algemene voorwaarden dat vooraf bepalen, wederkerig, en pas na de gratis eerste herinnering en de wachttermijn van 14 dagen.',
      status: BE_B2C.maxInterestIsCommercialRate.status,
      sources: [...BE_B2C.maxInterestIsCommercialRate.sources, ...BE_B2C.clauseMustBeAgreedAndReciprocal.sources],
    });
  }
  if (jurisdiction === 'be' && customerType === 'consumer' && kind === 'commercial') {
    notes.push({
      id: 'be-b2c-begin',
      text: 'Of de interest bij een consument al vanaf de vervaldag mag lopen, of pas na de wachttermijn van 14 dagen, is niet uitgeklaard. Laat dit nakijken voor u interest vanaf de vervaldag aanrekent.',
      status: BE_B2C.interestAccrualStart.status,
      sources: BE_B2C.interestAccrualStart.sources,
    });
  }
  if (jurisdiction === 'be' && customerType === 'consumer' && kind === 'legal') {
    notes.push({
      id: 'be-wettelijk-ingebrekestelling',
      text: 'Let op: de bronnen spreken elkaar hier tegen. Volgens sommige kunt u bij een consument zonder geldig schadebeding alleen de hoofdsom vragen; volgens andere geldt dan de wettelijke interestvoet, vanaf de ingebrekestelling. Laat dit nakijken voor u wettelijke interest aanrekent.',
      status: 'unverified',
      sources: [S.fairAdvocaten, S.gdwDeWilde, S.lydian, S.kluwerImmo],
    });
  }
  if (jurisdiction === 'be' && customerType === 'business' && kind === 'legal') {
    notes.push({
      id: 'be-b2b-geen-wettelijke',
      text: 'Tussen ondernemingen geldt voor handelstransacties niet de wettelijke interestvoet maar de interestvoet van de wet van 2 augustus 2002.',
      status: 'verified',
      sources: [S.lydian, S.kluwerImmo],
    });
  }
  if (jurisdiction === 'nl' && customerType === 'business' && kind === 'legal') {
    notes.push({
      id: 'nl-b2b-handelsrente',
      text: 'Bij een handelsovereenkomst geldt de wettelijke handelsrente; de wettelijke rente is voor andere vorderingen.',
      status: 'verified',
      sources: [S.wetboekplus119a],
    });
  }
  if (jurisdiction === 'nl' && kind === 'legal') {
    notes.push({
      id: 'nl-verzuim',
      text: 'De wettelijke rente loopt vanaf het verzuim: bij een vaste betaaldag meestal vanaf de dag na die betaaldag, anders pas na een schriftelijke ingebrekestelling met een redelijke termijn.',
      status: 'verified',
      sources: [S.wetboekplus83, S.wetboekplusIngebrekestelling],
    });
  }
  const be = table.jurisdiction === 'be';
  if (lines.some((l) => !l.unknown && l.origin === 'table' && l.status === 'unverified')) {
    notes.push({
      id: 'voorlopige-rentevoet',
      text: be
        ? 'Minstens één gebruikte interestvoet hebben wij nog niet in het Belgisch Staatsblad of bij de FOD Financiën teruggevonden. Kijk hem na voor u dit bedrag aanrekent.'
        : 'Minstens één gebruikt rentepercentage hebben wij nog niet in een officiële bekendmaking teruggevonden. Controleer het voordat u dit bedrag in rekening brengt.',
      status: 'unverified',
      sources: [table.reference],
    });
  }
  if (lines.some((l) => !l.unknown && l.origin === 'user')) {
    notes.push({
      id: 'zelf-ingevulde-rentevoet',
      text: `${be ? 'Voor minstens één periode rekenen we met een interestvoet die u zelf invulde' : 'Voor minstens één periode rekenen we met een rentepercentage dat u zelf invulde'}, omdat wij het officiële cijfer nog niet kennen. De wet bepaalt het zo: ${table.formula}.`,
      status: 'unverified',
      sources: [table.reference, ...table.formulaSources],
    });
  }
  return notes.map((n) => Object.freeze({ ...n, sources: lettersSources(n.sources, table) }));
}
