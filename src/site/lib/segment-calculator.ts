/**
 * The segmentation calculator, following the reasoning of the segmentation guide:
 *  1. any alarm signal of the bad-payer segment (one of its numeric thresholds is met) → bad payer;
 *  2. otherwise every numeric VIP threshold is known and met → VIP;
 *  3. otherwise → standard.
 * The thresholds are the numeric bounds of content/segments/*.yaml (min/max inclusive, boven
 * exclusive: "meer dan 15" lets 15,5 count); indicators
 * are matched across segments by their name. Pure: used at build time (model) and in the browser.
 */
import type { Segment } from '../../content/schema.ts';

export interface CalcIndicator {
  /** Stable key derived from the name, used as the form field name. */
  key: string;
  /** The name without its unit, e.g. "Gemiddeld aantal dagen te laat t.o.v. de vervaldatum". */
  label: string;
  /** The unit written in parentheses at the end of the name, e.g. "dagen", "procent". */
  unit: string;
}

export interface CalcCriterion {
  key: string;
  drempel: string;
  min?: number;
  max?: number;
  /** Exclusive lower bound ("meer dan"). */
  above?: number;
}

export interface CalcSegment {
  id: string;
  titel: string;
  playbook: string;
  criteria: CalcCriterion[];
}

export interface CalcModel {
  indicators: CalcIndicator[];
  segments: CalcSegment[];
  /** Indicators no segment gives numbers for (e.g. the payment method): shown, not computed. */
  qualitative: { label: string; drempels: { segment: string; drempel: string }[] }[];
}

export interface Reason {
  /** The segment whose threshold this is. */
  segment: string;
  key: string;
  label: string;
  unit: string;
  value: number | undefined;
  drempel: string;
  met: boolean;
}

export interface Suggestion {
  segment: string;
  titel: string;
  playbook: string;
  /** Why, in order of weight: the thresholds that decided it. */
  reasons: Reason[];
  /** The VIP thresholds still blank, when they are all that kept a customer from VIP. */
  missingForVip: CalcIndicator[];
}

const ALARM = 'wanbetaler';
const ALL_OF = 'vip';
const FALLBACK = 'standaard';

export function indicatorKey(name: string): string {
  return name
    .replace(/\s*\([^)]*\)\s*$/, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function splitName(name: string): { label: string; unit: string } {
  const m = /^(.*?)\s*\(([^)]*)\)\s*$/.exec(name);
  return m ? { label: m[1]!, unit: m[2]! } : { label: name, unit: '' };
}

export function buildModel(segments: readonly Segment[]): CalcModel {
  const numeric = new Map<string, CalcIndicator>();
  const textual = new Map<string, CalcModel['qualitative'][number]>();
  for (const segment of segments) {
    for (const ind of segment.indicatoren) {
      const key = indicatorKey(ind.naam);
      if (ind.min !== undefined || ind.max !== undefined || ind.boven !== undefined) {
        if (!numeric.has(key)) numeric.set(key, { key, ...splitName(ind.naam) });
      }
    }
  }
  for (const segment of segments) {
    for (const ind of segment.indicatoren) {
      const key = indicatorKey(ind.naam);
      if (numeric.has(key)) continue;
      const entry = textual.get(key) ?? { label: splitName(ind.naam).label, drempels: [] };
      entry.drempels.push({ segment: segment.titel, drempel: ind.drempel });
      textual.set(key, entry);
    }
  }
  return {
    indicators: [...numeric.values()],
    segments: segments.map((s) => ({
      id: s.id,
      titel: s.titel,
      playbook: s.playbook,
      criteria: s.indicatoren
        .filter((i) => i.min !== undefined || i.max !== undefined || i.boven !== undefined)
        .map((i) => {
          const c: CalcCriterion = { key: indicatorKey(i.naam), drempel: i.drempel };
          if (i.min !== undefined) c.min = i.min;
          if (i.max !== undefined) c.max = i.max;
          if (i.boven !== undefined) c.above = i.boven;
          return c;
        }),
    })),
    qualitative: [...textual.values()],
  };
}

export const meets = (c: CalcCriterion, value: number): boolean =>
  (c.min === undefined || value >= c.min) && (c.max === undefined || value <= c.max) && (c.above === undefined || value > c.above);

export function suggest(model: CalcModel, values: Readonly<Record<string, number | undefined>>): Suggestion | null {
  const known = Object.values(values).some((v) => v !== undefined);
  if (!known) return null;
  const indicator = new Map(model.indicators.map((i) => [i.key, i]));
  const reasonsOf = (s: CalcSegment) => s.criteria.map((c): Reason => {
    const ind = indicator.get(c.key)!;
    const value = values[c.key];
    return { segment: s.id, key: c.key, label: ind.label, unit: ind.unit, value, drempel: c.drempel, met: value !== undefined && meets(c, value) };
  });
  const segment = (id: string) => model.segments.find((s) => s.id === id);
  const result = (s: CalcSegment, reasons: Reason[], missingForVip: CalcIndicator[] = []): Suggestion => ({
    segment: s.id,
    titel: s.titel,
    playbook: s.playbook,
    reasons,
    missingForVip,
  });

  const alarm = segment(ALARM);
  if (alarm) {
    const signals = reasonsOf(alarm).filter((r) => r.met);
    if (signals.length) return result(alarm, signals);
  }
  const vip = segment(ALL_OF);
  const vipReasons = vip ? reasonsOf(vip) : [];
  if (vip && vipReasons.length && vipReasons.every((r) => r.met)) return result(vip, vipReasons);
  const fallback = segment(FALLBACK);
  if (!fallback) return null;
  // Why not VIP: the thresholds missed first, then the blanks.
  const missed = vipReasons.filter((r) => r.value !== undefined && !r.met);
  const blanks = missed.length ? [] : vipReasons.filter((r) => r.value === undefined).map((r) => indicator.get(r.key)!);
  const ownReasons = reasonsOf(fallback).filter((r) => r.value !== undefined);
  return result(fallback, [...missed, ...ownReasons], blanks);
}

export type IndicatorInput = { ok: true; value: number | undefined } | { ok: false; error: string };

/**
 * Typed text -> a value for one indicator, or a precise Dutch message: "1,5" and "1.5" are 1.5,
 * "30 %" is 30 for a percentage only, blank is undefined (it does not count).
 */
export function readIndicator(ind: CalcIndicator, raw: string): IndicatorInput {
  const text = raw.trim().replace(/\s/g, '');
  if (!text) return { ok: true, value: undefined };
  const percent = ind.unit === 'procent';
  if (text.includes('%') && !percent) return { ok: false, error: `Dit is ${ind.unit === 'dagen' ? 'een aantal dagen' : ind.unit === 'jaren' ? 'een aantal jaren' : 'een aantal'}, geen percentage: vul een getal in zonder %.` };
  const number = text.replace(/%$/, '').replace(',', '.');
  if (/^-\d+([.]\d+)?$/.test(number)) return { ok: false, error: 'Een negatief getal kan hier niet: vul 0 of meer in.' };
  if (!/^\d+([.]\d+)?$/.test(number)) return { ok: false, error: 'Vul een getal in, bijvoorbeeld 12 of 0,5.' };
  const value = Number(number);
  if (percent && /^aandeel/i.test(ind.label) && value > 100) return { ok: false, error: 'Een aandeel ligt tussen 0 en 100 %.' };
  return { ok: true, value };
}

export interface Calculation {
  /** A message per indicator key whose text cannot be used. */
  errors: Record<string, string>;
  /** Null while any field is invalid or nothing is filled in. */
  suggestion: Suggestion | null;
}

/** The whole form at once: no suggestion while one field is wrong, so no result rests on a guess. */
export function calculate(model: CalcModel, raw: Readonly<Record<string, string>>): Calculation {
  const errors: Record<string, string> = {};
  const values: Record<string, number | undefined> = {};
  for (const ind of model.indicators) {
    const read = readIndicator(ind, raw[ind.key] ?? '');
    if (read.ok) values[ind.key] = read.value;
    else errors[ind.key] = read.error;
  }
  return { errors, suggestion: Object.keys(errors).length ? null : suggest(model, values) };
}

/** "1 dag", "15,5 dagen", "1 jaar", "30 %", "0" (a count has no unit word). */
export function formatValue(value: number, unit: string): string {
  const number = String(value).replace('.', ',');
  if (unit === 'procent') return `${number} %`;
  if (unit === 'dagen') return `${number} ${value === 1 ? 'dag' : 'dagen'}`;
  if (unit === 'jaren') return `${number} jaar`;
  return number;
}

/** One line of the "why": the value and the threshold it met or missed. */
export function reasonText(reason: Reason, model: CalcModel, chosen: string): string {
  const value = reason.value === undefined ? 'niet ingevuld' : formatValue(reason.value, reason.unit);
  const of = model.segments.find((s) => s.id === reason.segment)?.titel.toLowerCase() ?? reason.segment;
  if (reason.segment !== chosen) return `${reason.label}: ${value}. Dat haalt de drempel voor ${of} niet (${reason.drempel}).`;
  return `${reason.label}: ${value}. Drempel voor ${of}: ${reason.drempel}.`;
}

/** What the page shows for a calculation: a hint while nothing can be said, else the verdict and why. */
export type Outcome =
  | { kind: 'hint'; text: string }
  | { kind: 'verdict'; segment: string; titel: string; reasons: string[]; playbook: string; linkText: string };

export function outcome(model: CalcModel, calculation: Calculation): Outcome {
  const { errors, suggestion } = calculation;
  if (Object.keys(errors).length) return { kind: 'hint', text: 'Verbeter eerst de velden met een melding; dan stelt de rekenhulp een groep voor.' };
  if (!suggestion) return { kind: 'hint', text: 'Vul minstens één indicator in om een voorstel te krijgen.' };
  const reasons = suggestion.reasons.map((r) => reasonText(r, model, suggestion.segment));
  if (suggestion.segment === FALLBACK && !suggestion.reasons.some((r) => r.segment === ALL_OF)) reasons.unshift('Geen enkel alarmsignaal van een slechte betaler.');
  if (suggestion.missingForVip.length) reasons.push(`Voor VIP moet ook dit bekend zijn: ${suggestion.missingForVip.map((i) => i.label.toLowerCase()).join('; ')}.`);
  return { kind: 'verdict', segment: suggestion.segment, titel: suggestion.titel, reasons, playbook: suggestion.playbook, linkText: `Bekijk het draaiboek voor ${suggestion.titel.toLowerCase()}` };
}
