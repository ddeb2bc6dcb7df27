/**
 * The interest and costs calculation behind the calculator page and its printable annex: one
 * checked input in, one calculation and its Dutch wording out. Pure and browser-safe: it imports
 * the legal module's files directly (not its index) and never computes a figure itself. Unknown
 * rates stay unknown unless the user types them: then there is no total.
 */
import type { FillData } from '../content/schema.ts';
import { applicableCosts, type CostItem } from '../legal/costs.ts';
import { addDays } from '../legal/dates.ts';
import { computeInterest, interestKindsFor, missingRateHelp, ratePeriodStart, type InterestLine, type InterestResult } from '../legal/interest.ts';
import { rateTable, type InterestKind } from '../legal/rates.ts';
import type { CustomerType, IsoDate, Jurisdiction, Source, Status } from '../legal/types.ts';
import { interestFrom } from './compute.ts';
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
  /** Belgian consumer: the day the free first reminder was sent (interest runs only after its term). */
  firstReminder?: IsoDate;
  /** Rates the user typed for periods whose rate we do not know, keyed by the period's first day. */
  userRates?: Readonly<Record<IsoDate, number>>;
}

/** A Belgian consumer owes interest only after the term of a free first reminder, so its date is asked. */
export function needsFirstReminder(jurisdiction: Jurisdiction, customerType: CustomerType): boolean {
  return jurisdiction === 'be' && customerType === 'consumer';
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

/** A rate period with no rate in our table: the user may type it (`typed`), with the legal formula as help. */
export interface MissingRate {
  periodStart: IsoDate;
  /** "2e semester 2026". */
  name: string;
  help: string;
  /** The rate the user typed, or null. */
  typed: number | null;
}

export interface Calculation {
  input: CalcInput;
  /** First day of interest: the day after the due date, or after the first reminder's term (BE consumer). */
  from: IsoDate;
  fromRule: 'after-due' | 'after-first-reminder';
  /** Interest has not started by `input.until` (0 days). */
  notYetRunning: boolean;
  missingRates: MissingRate[];
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

/** First day of interest, by the same rule the letters use (model/compute.ts `interestFrom`). */
export function interestStart(input: Pick<CalcInput, 'dueDate' | 'jurisdiction' | 'customerType' | 'firstReminder'>): { from: IsoDate; rule: Calculation['fromRule'] } {
  const data = {
    factuur: { vervaldatum: input.dueDate },
    dossier: { jurisdictie: input.jurisdiction, klanttype: input.customerType === 'consumer' ? 'consument' : 'onderneming' },
    data: input.firstReminder ? { eersteHerinnering: input.firstReminder } : undefined,
  } as FillData;
  const from = interestFrom(data);
  if (from === 'needs-first-reminder' || from === null) throw new RangeError('Vul de datum van de eerste (gratis) herinnering in: pas na haar termijn loopt de interest.');
  return { from, rule: from > addDays(input.dueDate, 1) ? 'after-first-reminder' : 'after-due' };
}

export function calculate(input: CalcInput): Calculation {
  const { principalCents, until, jurisdiction, customerType, kind } = input;
  const { from, rule } = interestStart(input);
  const notYetRunning = from > until;
  const table = rateTable(jurisdiction, kind);
  const interest = computeInterest({ principalCents, from, to: notYetRunning ? addDays(from, -1) : until, jurisdiction, customerType, kind, userRates: input.userRates ?? {} });
  const costs = applicableCosts({ jurisdiction, customerType, outstandingCents: principalCents, defaultDate: from }).map((item) => ({ item, inTotal: countsInTotal(item) }));
  const counted = costs.filter((c) => c.inTotal).reduce((sum, c) => sum + (c.item.amountCents ?? 0), 0);
  const extrasCents = interest.totalCents === null ? null : interest.totalCents + counted;
  const kindLabel = kindChoices(jurisdiction, customerType).find((c) => c.kind === kind)?.label ?? rateTable(jurisdiction, kind).name;
  const calc: Calculation = { input, from, fromRule: rule, notYetRunning, missingRates: [], kindLabel, interest, costs, extrasCents, totalCents: extrasCents === null ? null : principalCents + extrasCents };
  // Periods without a table rate: the unknown ones and the ones the user typed.
  for (const line of interest.breakdown) {
    if (line.unknown ? line.reason === 'base-depends-on-unknown-period' : line.origin !== 'user') continue;
    const periodStart = ratePeriodStart(table, line.periodStart);
    if (calc.missingRates.some((m) => m.periodStart === periodStart)) continue;
    calc.missingRates.push({ periodStart, name: periodName(calc, line), help: missingRateHelp(table, periodStart), typed: line.unknown ? null : line.ratePercent });
  }
  return calc;
}

/** Why interest starts on `from`, for running text: "de dag na de vervaldag". */
export function fromReason(calc: Calculation): string {
  return calc.fromRule === 'after-first-reminder'
    ? `de dag na de termijn van de eerste herinnering van ${formatDateLong(calc.input.firstReminder!)}`
    : 'de dag na de vervaldag';
}

// ---------------------------------------------------------------- words

/**
 * Belgian and Dutch usage differ: "interest"/"interestvoet", "vervaldag", "30 dagen aan 8 % op € 100" in
 * Belgium; "rente"/"rentevoet", "vervaldatum", "30 dagen tegen 8 % over € 100" in the Netherlands.
 */
export function words(jurisdiction: Jurisdiction): { interest: string; Interest: string; rate: string; Rate: string; period: string; due: string; at: string; on: string } {
  return jurisdiction === 'be'
    ? { interest: 'interest', Interest: 'Interest', rate: 'interestvoet', Rate: 'Interestvoet', period: 'semester', due: 'Vervaldag', at: 'aan', on: 'op' }
    : { interest: 'rente', Interest: 'Rente', rate: 'rentevoet', Rate: 'Rentevoet', period: 'halfjaar', due: 'Vervaldatum', at: 'tegen', on: 'over' };
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
  return phraseOf(periodName(calc, line));
}

/** A period's name with its article: "het 2e semester 2026", but a year stays "2026". */
export function phraseOf(name: string): string {
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
  if (calc.notYetRunning) return `De ${w.interest} loopt pas vanaf ${formatDateLong(calc.from)}, ${fromReason(calc)}: nog geen ${w.interest} verschuldigd.`;
  if (interest.totalCents === null) {
    const missing = calc.missingRates.filter((m) => m.typed === null).map((m) => phraseOf(m.name));
    const which = missing.length ? missing.join(' en ') : 'een periode';
    return `${w.Interest} over ${days}: geen totaal, want de ${w.interest} voor ${which} ontbreekt: de ${w.rate} is onbekend. Vul hem in bij de gegevens om mee te rekenen.`;
  }
  const parts = [`${w.Interest} over ${days}: ${formatMoney(interest.totalCents)}.`];
  if (calc.extrasCents !== null && calc.extrasCents !== interest.totalCents) parts.push(`Met de kosten: ${formatMoney(calc.extrasCents)}.`);
  if (calc.totalCents !== null) parts.push(`Samen met de hoofdsom: ${formatMoney(calc.totalCents)}.`);
  const typed = typedRatesSentence(calc);
  if (typed) parts.push(typed);
  return parts.join(' ');
}

/** "De interestvoet voor het 2e semester 2026 (3 %) is zelf ingevuld, niet uit onze tabel."; '' when none was typed. */
export function typedRatesSentence(calc: Calculation): string {
  const typed = calc.missingRates.filter((m) => m.typed !== null);
  if (!typed.length) return '';
  const w = words(calc.input.jurisdiction);
  const list = typed.map((m) => `${phraseOf(m.name)} (${formatPercent(m.typed!)})`).join(' en ');
  return `De ${w.rate} voor ${list} is zelf ingevuld, niet uit onze tabel.`;
}

/** A source's title for readers: without the legal module's note about its own facts file. */
export function sourceTitle(source: Source): string {
  return source.title.replace(/\s*\((zonder adres|adres ingekort) in legal\.md\)/, '').replace(/, (zonder adres|adres ingekort) in legal\.md\)/, ')');
}

/** "Forfaitaire schadevergoeding (vast bedrag)"; no second "(minimum)" when the label already says it. */
export function costLabel(item: CostItem): string {
  const nature = NATURE_LABEL[item.nature];
  if (item.label.toLowerCase().includes(nature)) return item.label;
  // "… (staffel)" becomes "… (staffel, maximum)": one bracket, not two in a row.
  return item.label.endsWith(')') ? `${item.label.slice(0, -1)}, ${nature})` : `${item.label} (${nature})`;
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
