/**
 * The interest and costs calculation behind the calculator page and its printable annex: one
 * checked input in, one calculation and its Dutch wording out. Pure and browser-safe: it imports
 * the legal module's files directly (not its index, which would pull the holiday package into the
 * page) and never computes a figure itself. Unknown rates stay unknown: then there is no total.
 */
import { applicableCosts, type CostItem } from '../legal/costs.ts';
import { computeInterest, interestKindsFor, interestStartDate, type InterestLine, type InterestResult } from '../legal/interest.ts';
import { rateTable, type InterestKind } from '../legal/rates.ts';
import type { CustomerType, IsoDate, Jurisdiction, Source, Status } from '../legal/types.ts';
import { formatDateLong, formatMoney, formatPercent } from './format.ts';

export { formatDateLong, formatMoney, formatPercent };

export interface CalcInput {
  principalCents: number;
  dueDate: IsoDate;
  /** Last day of interest (inclusive): the payment date, or today. */
  until: IsoDate;
  untilIsToday: boolean;
  jurisdiction: Jurisdiction;
  customerType: CustomerType;
  kind: InterestKind;
  /** Invoice number or other reference for the annex; '' when none. */
  reference: string;
}

export const JURISDICTION_NAME: Record<Jurisdiction, string> = { be: 'België', nl: 'Nederland' };
export const CUSTOMER_NAME: Record<CustomerType, string> = { business: 'een onderneming (B2B)', consumer: 'een consument (B2C)' };

/** The kinds of interest that fit the debtor; the first is the default. */
export function kindChoices(jurisdiction: Jurisdiction, customerType: CustomerType): readonly { kind: InterestKind; label: string }[] {
  return interestKindsFor(jurisdiction, customerType);
}

// ---------------------------------------------------------------- the calculation

export interface CostRow {
  item: CostItem;
  /** Counted in the total: amounts the law itself sets (not a guide amount, not a contract clause). */
  inTotal: boolean;
}

export interface Calculation {
  input: CalcInput;
  /** First day of interest: the day after the due date. */
  from: IsoDate;
  kindLabel: string;
  interest: InterestResult;
  costs: CostRow[];
  /** Interest plus the counted costs; null when a part is unknown. */
  extrasCents: number | null;
  /** Principal plus `extrasCents`; null when a part is unknown. */
  totalCents: number | null;
}

/**
 * Which costs go into the total. BE B2B: the EUR 40 (due by law). NL B2B: the EUR 40 minimum, not
 * the scale (a guide amount). NL consumers: the scale, a legal maximum. BE consumers: nothing,
 * because both amounts need a clause in the contract.
 */
function countsInTotal(item: CostItem): boolean {
  if (item.amountCents === null) return false;
  if (item.id === 'be-b2b-forfait' || item.id === 'nl-b2b-minimum') return true;
  return item.id === 'nl-wik' && item.nature === 'maximum';
}

export function calculate(input: CalcInput): Calculation {
  const { principalCents, dueDate, until, jurisdiction, customerType, kind } = input;
  const from = interestStartDate(dueDate);
  const interest = computeInterest({ principalCents, from, to: until, jurisdiction, customerType, kind });
  const costs = applicableCosts({ jurisdiction, customerType, outstandingCents: principalCents, defaultDate: from }).map((item) => ({ item, inTotal: countsInTotal(item) }));
  const counted = costs.filter((c) => c.inTotal).reduce((sum, c) => sum + (c.item.amountCents ?? 0), 0);
  const extrasCents = interest.totalCents === null ? null : interest.totalCents + counted;
  const kindLabel = kindChoices(jurisdiction, customerType).find((c) => c.kind === kind)?.label ?? rateTable(jurisdiction, kind).name;
  return { input, from, kindLabel, interest, costs, extrasCents, totalCents: extrasCents === null ? null : principalCents + extrasCents };
}

// ---------------------------------------------------------------- words

/** Belgian and Dutch usage differ: "interest"/"interestvoet" in Belgium, "rente"/"rentevoet" in the Netherlands. */
export function words(jurisdiction: Jurisdiction): { interest: string; Interest: string; rate: string; Rate: string; period: string } {
  return jurisdiction === 'be'
    ? { interest: 'interest', Interest: 'Interest', rate: 'interestvoet', Rate: 'Interestvoet', period: 'semester' }
    : { interest: 'rente', Interest: 'Rente', rate: 'rentevoet', Rate: 'Rentevoet', period: 'halfjaar' };
}

/** "1e semester 2026" (BE), "2e halfjaar 2025" (NL), "2026" (BE wettelijke interestvoet, per year). */
export function periodName(calc: Calculation, line: InterestLine): string {
  const year = line.periodStart.slice(0, 4);
  if (rateTable(calc.input.jurisdiction, calc.input.kind).grid === 'year') return year;
  const half = Number(line.periodStart.slice(5, 7)) <= 6 ? 1 : 2;
  return `${half}e ${words(calc.input.jurisdiction).period} ${year}`;
}

/** The same with its article, for running text: "het 2e semester 2026", "2026". */
export function periodPhrase(calc: Calculation, line: InterestLine): string {
  const name = periodName(calc, line);
  return /^\d{4}$/.test(name) ? name : `het ${name}`;
}

export const STATUS_LABEL: Record<Status, string> = { verified: 'geverifieerd', unverified: 'niet geverifieerd', unknown: 'onbekend' };

export const NATURE_LABEL: Record<CostItem['nature'], string> = {
  fixed: 'vast bedrag',
  maximum: 'maximum',
  minimum: 'minimum',
  reference: 'richtbedrag',
};

/** Why a period has no amount, in one Dutch sentence. */
export function unknownSentence(calc: Calculation, line: Extract<InterestLine, { unknown: true }>): string {
  const w = words(calc.input.jurisdiction);
  const span = `${formatDateLong(line.periodStart)} tot en met ${formatDateLong(line.periodEnd)}`;
  switch (line.reason) {
    case 'rate-not-yet-known':
      return `De ${w.rate} voor ${periodPhrase(calc, line)} is nog niet bekend, dus ${span} is niet berekend.`;
    case 'no-rate-in-table':
      return `Voor ${periodPhrase(calc, line)} staat geen ${w.rate} in onze tabel, dus ${span} is niet berekend.`;
    case 'base-depends-on-unknown-period':
      return `${span} is niet berekend: na een vol jaar wordt de ${w.interest} bij de hoofdsom geteld, en die ${w.interest} is onbekend voor een eerdere periode.`;
  }
}

/** One line for the live region: the outcome in a sentence or two. */
export function summarySentence(calc: Calculation): string {
  const w = words(calc.input.jurisdiction);
  const { interest } = calc;
  const days = `${interest.days} ${interest.days === 1 ? 'dag' : 'dagen'}`;
  if (interest.totalCents === null) {
    const first = interest.breakdown.find((l) => l.unknown);
    const which = first ? periodPhrase(calc, first) : 'een periode';
    return `${w.Interest} over ${days}: geen totaal, want de ${w.rate} voor ${which} is onbekend.`;
  }
  const parts = [`${w.Interest} over ${days}: ${formatMoney(interest.totalCents)}.`];
  if (calc.extrasCents !== null && calc.extrasCents !== interest.totalCents) parts.push(`Met de kosten: ${formatMoney(calc.extrasCents)}.`);
  if (calc.totalCents !== null) parts.push(`Samen met de hoofdsom: ${formatMoney(calc.totalCents)}.`);
  return parts.join(' ');
}

/** A source's title for readers: without the legal module's note about its own facts file. */
export function sourceTitle(source: Source): string {
  return source.title.replace(/\s*\((zonder adres|adres ingekort) in legal\.md\)/, '').replace(/, (zonder adres|adres ingekort) in legal\.md\)/, ')');
}

/** "Forfaitaire schadevergoeding (vast bedrag)"; no second "(minimum)" when the label already says it. */
export function costLabel(item: CostItem): string {
  const nature = NATURE_LABEL[item.nature];
  return item.label.toLowerCase().includes(nature) ? item.label : `${item.label} (${nature})`;
}

/** Sources without duplicates, in order of first use. */
export function uniqueSources(lists: readonly (readonly Source[])[]): Source[] {
  const seen = new Set<string>();
  const out: Source[] = [];
  for (const s of lists.flat()) {
    const key = `${s.title}\u0000${s.url ?? ''}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(s);
    }
  }
  return out;
}

/** "tot en met 30 mei 2026, de betaaldatum" / "tot en met vandaag, 23 november 2026". */
export function untilPhrase(input: CalcInput): string {
  return input.untilIsToday ? `tot en met vandaag, ${formatDateLong(input.until)}` : `tot en met ${formatDateLong(input.until)}, de betaaldatum`;
}
