/**
 * Computed fill values (days late, interest, costs, totals). Templates never do arithmetic: it all
 * happens here. Values the user typed win over computed ones; a figure the legal module does not
 * know (a future rate) stays unfilled rather than guessed.
 */
import type { FillData } from '../content/schema.ts';
import { applicableCosts, beB2bCompensationCents, beConsumerDamagesCapCents, nlCollectionCostsCents } from '../legal/costs.ts';
import { earliestNextStep, type Channel } from '../legal/terms.ts';
import { JURISDICTIONS } from '../jurisdiction/index.ts';
import { computeInterest, interestKindsFor, interestStartDate, singleRatePercent, type InterestResult } from '../legal/interest.ts';
import { addDays } from '../legal/dates.ts';
import { daysBetween } from './format.ts';

export interface Computed {
  'berekend.dagenTeLaat'?: number;
  'berekend.totaalOpen'?: number;
  'berekend.totaalTeBetalen'?: number;
  'berekend.saldo'?: number;
  'berekend.termijnbedrag'?: number;
  'berekend.incassokosten'?: number;
  'berekend.incassokostenBtw'?: number;
  'berekend.incassokostenTotaal'?: number;
  'berekend.betaalUiterlijk'?: string;
}

/** Days a consumer gets after receipt (BE Boek XIX, NL art. 6:96 lid 6 BW): the veertiendagentermijn. */
const CONSUMER_TERM_DAYS = 14;

/**
 * The collection costs the law sets for the case: NL the WIK scale on the principal (business and
 * consumer), BE consumer the art. XIX.4 WER maximum (only owed under a contract clause), BE
 * business the fixed EUR 40. Btw is added only in NL, and only when the creditor cannot deduct it
 * (Besluit vergoeding buitengerechtelijke incassokosten, art. 2 lid 3); Belgian law adds none.
 */
export function collectionCosts(data: FillData, principalCents: number): { costs: number; vat: number; total: number } | undefined {
  const jurisdiction = data.dossier?.jurisdictie;
  if (!jurisdiction || principalCents <= 0) return undefined;
  const consumer = data.dossier?.klanttype === 'consument';
  const costs = jurisdiction === 'nl' ? nlCollectionCostsCents(principalCents) : consumer ? beConsumerDamagesCapCents(principalCents) : beB2bCompensationCents();
  const vat = jurisdiction === 'nl' && data.kosten?.btwOpIncasso === 'ja' ? Math.round((costs * JURISDICTIONS.nl.vatStandardPercent.value) / 100) : 0;
  return { costs, vat, total: costs + vat };
}

/**
 * Last day to pay: 14 days from the day after the message is (presumed) received, by the
 * country's delivery rule in src/legal/terms.ts, moved off a weekend or holiday.
 */
export function payByDate(data: FillData, channel: Channel): string | undefined {
  const sentOn = data.data?.verzending;
  const jurisdiction = data.dossier?.jurisdictie;
  if (!sentOn || !jurisdiction) return undefined;
  return earliestNextStep({ sentOn, channel, jurisdiction, termDays: CONSUMER_TERM_DAYS }).termEnd;
}

export interface Installment {
  number: number;
  date?: string;
  amountCents: number;
}

/** Adds whole months to an ISO date, keeping the day where the month allows (31 Jan -> 28/29 Feb). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, lastDay));
  return first.toISOString().slice(0, 10);
}

/** Equal monthly instalments in cents; the last one absorbs the rounding so the sum is exact. */
export function installmentPlan(totalCents: number, count: number, firstDate?: string): Installment[] {
  const base = Math.floor(totalCents / count);
  return Array.from({ length: count }, (_, i) => {
    const item: Installment = { number: i + 1, amountCents: i === count - 1 ? totalCents - base * (count - 1) : base };
    if (firstDate) item.date = addMonths(firstDate, i);
    return item;
  });
}

/** The open invoices a message is about: the list when given, else the single invoice. */
export function openInvoices(data: FillData): NonNullable<FillData['facturen']> {
  if (data.facturen?.length) return data.facturen;
  return data.factuur ? [{ ...data.factuur, nummer: data.factuur.nummer ?? '' }] : [];
}

/**
 * First day of statutory interest. Usually the day after the due date. A Belgian consumer owes
 * interest only after the term of the free first reminder (Boek XIX WER): from the day after that
 * term ends, counted from `data.eersteHerinnering` by the post rule (the later of the two delivery
 * rules, so the amount is never too high). 'needs-first-reminder' when that date is missing.
 */
export function interestFrom(data: FillData): string | 'needs-first-reminder' | null {
  const due = data.factuur?.vervaldatum ?? data.facturen?.[0]?.vervaldatum;
  if (!due) return null;
  const afterDue = interestStartDate(due);
  if (data.dossier?.jurisdictie !== 'be' || data.dossier.klanttype !== 'consument') return afterDue;
  const reminder = data.data?.eersteHerinnering;
  if (!reminder) return 'needs-first-reminder';
  const { termEnd } = earliestNextStep({ sentOn: reminder, channel: 'letter', jurisdiction: 'be', termDays: CONSUMER_TERM_DAYS });
  const afterTerm = addDays(termEnd, 1);
  return afterTerm > afterDue ? afterTerm : afterDue;
}

/** Statutory interest from `interestFrom` up to the sending date, when the file says which law applies; null when none can be computed. */
export function statutoryInterest(data: FillData, principalCents: number): InterestResult | null {
  return interestSince(data, principalCents, interestFrom(data));
}

/** statutoryInterest with its first day already known, so one calculation asks for it once. */
function interestSince(data: FillData, principalCents: number, from: ReturnType<typeof interestFrom>): InterestResult | null {
  const until = data.data?.verzending;
  const jurisdiction = data.dossier?.jurisdictie;
  if (!until || !jurisdiction || principalCents <= 0 || from === null || from === 'needs-first-reminder') return null;
  const customerType = data.dossier?.klanttype === 'consument' ? 'consumer' : 'business';
  if (from > until) return null;
  const [kind] = interestKindsFor(jurisdiction, customerType);
  return computeInterest({ principalCents, from, to: until, jurisdiction, customerType, kind: kind!.kind });
}

/**
 * Why the statutory interest cannot be printed although it applies: a rate is not known for part
 * of the span, or a Belgian consumer's first reminder date is missing. Null when the user typed the
 * interest, when it is computed, or when none runs yet. A letter never totals without it.
 */
export type InterestGap = 'rate-unknown' | 'needs-first-reminder';
export function interestGap(data: FillData, principalCents: number | undefined): InterestGap | null {
  if (data.kosten?.interest !== undefined || principalCents === undefined || principalCents <= 0) return null;
  return interestAndGap(data, principalCents).gap;
}

/** statutoryInterest and interestGap of a principal, computed once (the user's typed interest aside). */
export function interestAndGap(data: FillData, principalCents: number): { interest: InterestResult | null; gap: InterestGap | null } {
  const from = interestFrom(data);
  const interest = interestSince(data, principalCents, from);
  return { interest, gap: principalCents > 0 ? gapOf(data, from, interest) : null };
}

/** interestGap from a first day and an interest result already computed. */
function gapOf(data: FillData, from: ReturnType<typeof interestFrom>, interest: InterestResult | null): InterestGap | null {
  if (!data.data?.verzending || !data.dossier?.jurisdictie || from === null) return null;
  if (from === 'needs-first-reminder') return 'needs-first-reminder';
  return interest && interest.totalCents === null ? 'rate-unknown' : null;
}

/** The fixed compensation (BE B2B), the minimum (NL B2B) or the WIK scale (NL consumers) that applies by law. */
function statutoryCosts(data: FillData, openCents: number): number | undefined {
  const jurisdiction = data.dossier?.jurisdictie;
  if (!jurisdiction || openCents <= 0) return undefined;
  const customerType = data.dossier?.klanttype === 'consument' ? 'consumer' : 'business';
  // Belgian consumers owe damages only under a contract clause, so nothing is computed for them.
  if (jurisdiction === 'be' && customerType === 'consumer') return undefined;
  // A Dutch consumer is charged what the veertiendagenbrief announced: the WIK scale plus btw when added.
  if (jurisdiction === 'nl' && customerType === 'consumer') return collectionCosts(data, openCents)?.total;
  const item = applicableCosts({ jurisdiction, customerType, outstandingCents: openCents }).find((c) => c.nature !== 'reference' && c.amountCents !== null);
  return item?.amountCents ?? undefined;
}

/** The costs block with computed interest, rate and compensation where the user left them empty. */
export function effectiveCosts(data: FillData, openCents: number | undefined): NonNullable<FillData['kosten']> {
  const interest = openCents === undefined || data.kosten?.interest !== undefined ? null : statutoryInterest(data, openCents);
  return costsWith(data, openCents, interest);
}

function costsWith(data: FillData, openCents: number | undefined, interest: InterestResult | null): NonNullable<FillData['kosten']> {
  const typed = data.kosten ?? {};
  const costs: NonNullable<FillData['kosten']> = { ...typed };
  if (openCents === undefined) return costs;
  if (interest && interest.totalCents !== null) costs.interest = interest.totalCents;
  // One rate only when one rate applied to the whole span; fill() words several rates itself.
  const single = interest ? singleRatePercent(interest) : null;
  if (typed.interestvoet === undefined && single !== null) costs.interestvoet = single;
  if (typed.forfait === undefined) {
    const forfait = statutoryCosts(data, openCents);
    if (forfait !== undefined) costs.forfait = forfait;
  }
  return costs;
}

/**
 * Everything a fill computes, once: the berekend.* values, the costs block with what the law adds,
 * the statutory interest (null when typed or none applies) and why it is missing when it is.
 * The filled document carries it, so every format and export reads these figures.
 */
export interface Figures {
  computed: Computed;
  costs: NonNullable<FillData['kosten']>;
  interest: InterestResult | null;
  interestGap: InterestGap | null;
}

/** `channel`: how the message travels, for the pay-by date (a letter arrives later than an e-mail). */
export function calculate(data: FillData, channel: Channel = 'letter'): Figures {
  const result: Computed = {};
  const payBy = payByDate(data, channel);
  if (payBy) result['berekend.betaalUiterlijk'] = payBy;
  const due = data.factuur?.vervaldatum ?? data.facturen?.[0]?.vervaldatum;
  if (due && data.data?.verzending) result['berekend.dagenTeLaat'] = Math.max(0, daysBetween(due, data.data.verzending));
  const amounts = openInvoices(data).map((f) => f.openstaand ?? f.bedrag);
  if (!amounts.length || !amounts.every((a) => a !== undefined)) return { computed: result, costs: { ...data.kosten }, interest: null, interestGap: null };
  const open = (amounts as number[]).reduce((sum, a) => sum + a, 0);
  result['berekend.totaalOpen'] = open;
  const from = interestFrom(data);
  const typedInterest = data.kosten?.interest !== undefined;
  const interest = typedInterest ? null : interestSince(data, open, from);
  const costs = costsWith(data, open, interest);
  // No total that silently leaves out a part: without the interest or the compensation there is none.
  const notYetRunning = from !== null && from !== 'needs-first-reminder' && data.data?.verzending !== undefined && from > data.data.verzending;
  if (costs.interest !== undefined && costs.forfait !== undefined) result['berekend.totaalTeBetalen'] = open + costs.interest + costs.forfait;
  else if (costs.forfait !== undefined && notYetRunning) result['berekend.totaalTeBetalen'] = open + costs.forfait;
  if (data.betaling?.ontvangen !== undefined) result['berekend.saldo'] = Math.max(0, open - data.betaling.ontvangen);
  const collection = collectionCosts(data, open);
  if (collection) {
    result['berekend.incassokosten'] = collection.costs;
    result['berekend.incassokostenBtw'] = collection.vat;
    result['berekend.incassokostenTotaal'] = collection.total;
  }
  const count = data.afspraak?.aantalTermijnen;
  if (count) result['berekend.termijnbedrag'] = installmentPlan(result['berekend.saldo'] ?? open, count)[0]!.amountCents;
  return { computed: result, costs, interest, interestGap: typedInterest || open <= 0 ? null : gapOf(data, from, interest) };
}

/** The berekend.* values alone, for exports that need no more. */
export const compute = (data: FillData, channel: Channel = 'letter'): Computed => calculate(data, channel).computed;
