/**
 * What the calculator page (/rekenhulp/) shows, as plain text: the result of a calculation and the
 * form's state, worked out without the DOM so tests can read it. islands/interest-calculator.ts
 * only turns this into elements.
 */
import type { InterestLine } from '../../legal/interest.ts';
import type { Source, Status } from '../../legal/types.ts';
import {
  CUSTOMER_NAME,
  JURISDICTION_NAME,
  costLabel,
  formatDateLong,
  formatMoney,
  formatPercent,
  fromReason,
  periodName,
  phraseOf,
  typedRatesSentence,
  unknownSentence,
  untilPhrase,
  words,
  type CalcInput,
  type Calculation,
  type FieldErrors,
  type FieldName,
  type MissingRate,
} from './interest-calc.ts';

// ---------------------------------------------------------------- the result

/** The printed "Gegevens" list: what was typed, in words. */
export function inputRows(calc: Calculation): [string, string][] {
  const { input } = calc;
  const w = words(input.jurisdiction);
  return [
    ['Openstaand bedrag', formatMoney(input.principalCents)],
    ['Vervaldag', formatDateLong(input.dueDate)],
    ...(input.firstReminder ? ([['Eerste herinnering', formatDateLong(input.firstReminder)]] as [string, string][]) : []),
    [`${w.Interest} vanaf`, `${formatDateLong(calc.from)} (${fromReason(calc)})`],
    ['Tot en met', `${formatDateLong(input.until)}${input.untilIsToday ? ' (vandaag)' : ' (de betaaldatum)'}`],
    ['Recht', JURISDICTION_NAME[input.jurisdiction]],
    ['Klant', CUSTOMER_NAME[input.customerType]],
    [`Soort ${w.interest}`, calc.kindLabel],
    ...(input.reference ? ([['Referentie', input.reference]] as [string, string][]) : []),
  ];
}

/** The opening sentence, split around the day count that is shown in bold. */
export function introParts(calc: Calculation): { before: string; days: string; after: string } {
  const w = words(calc.input.jurisdiction);
  const { days } = calc.interest;
  const kind = `${calc.kindLabel.charAt(0).toLowerCase()}${calc.kindLabel.slice(1)}`;
  return {
    before: `${w.Interest} vanaf ${formatDateLong(calc.from)}, ${fromReason(calc)}, ${untilPhrase(calc.input)}: `,
    days: `${days} ${days === 1 ? 'dag' : 'dagen'}`,
    after: `. Berekend als: ${kind}.`,
  };
}

/** The warning above the table when a period's rate is unknown; null when every rate is known. */
export function unknownWarning(calc: Calculation): { heading: string; lines: string[]; advice: string } | null {
  const unknown = calc.interest.breakdown.filter((l): l is Extract<InterestLine, { unknown: true }> => l.unknown);
  if (!unknown.length) return null;
  const { jurisdiction } = calc.input;
  const w = words(jurisdiction);
  return {
    heading: `Geen totaal: voor ${unknown.length === 1 ? 'één periode' : `${unknown.length} periodes`} is de ${w.rate} onbekend.`,
    lines: unknown.map((l) => unknownSentence(calc, l)),
    advice: `We vullen nooit een ${w.rate} in die we niet kennen. Zoek de ${w.rate} voor die periode op bij een officiële bron ${jurisdiction === 'be' ? 'voor u hem aanrekent' : 'voordat u hem in rekening brengt'}, en vul hem in bij de gegevens hierboven: dan rekenen we hem mee.`,
  };
}

/** One row of the table per period; `rate` and `amount` are null for a period whose rate is unknown. */
export interface BreakdownRow {
  period: string;
  name: string;
  days: string;
  rate: { text: string; note: 'typed' | Exclude<Status, 'verified'> | null } | null;
  base: string;
  amount: string;
  sources: readonly Source[];
}

export function breakdownRows(calc: Calculation): BreakdownRow[] {
  return calc.interest.breakdown.map((line) => {
    const row = { period: `${formatDateLong(line.periodStart)} – ${formatDateLong(line.periodEnd)}`, name: periodName(calc, line), days: String(line.days) };
    if (line.unknown) return { ...row, rate: null, base: '–', amount: 'onbekend', sources: [] };
    const note = line.origin === 'user' ? 'typed' : line.status === 'verified' ? null : line.status;
    return { ...row, rate: { text: formatPercent(line.ratePercent), note }, base: formatMoney(line.baseCents), amount: formatMoney(line.amountCents), sources: line.sources };
  });
}

/** The table's words: heading, caption, column heads and the footer. */
export function breakdownTable(calc: Calculation): { heading: string; caption: string; columns: string[]; days: string; total: string } {
  const w = words(calc.input.jurisdiction);
  const { interest } = calc;
  return {
    heading: `${w.Interest} per periode`,
    caption: `${w.Interest} per periode, met het aantal dagen, de ${w.rate}, het bedrag waarop gerekend is, de ${w.interest} en de bron`,
    columns: ['Periode', 'Dagen', w.Rate, 'Berekend over', w.Interest, 'Bron'],
    days: String(interest.days),
    total: interest.totalCents === null ? 'onbekend' : formatMoney(interest.totalCents),
  };
}

/** One line per cost rule: its amount, its nature when the label does not say it, its conditions. */
export interface CostLine {
  id: string;
  label: string;
  amount: string;
  nature: string;
  status: Exclude<Status, 'verified'> | null;
  conditions: readonly string[];
  sources: readonly Source[];
}

export function costLines(calc: Calculation): CostLine[] {
  return calc.costs.map(({ item }) => {
    const full = costLabel(item);
    return {
      id: item.id,
      label: item.label,
      amount: item.amountCents === null ? 'onbekend' : formatMoney(item.amountCents),
      nature: full === item.label ? '' : full.slice(item.label.length),
      status: item.status === 'verified' ? null : item.status,
      conditions: item.conditions,
      sources: item.sources,
    };
  });
}

/** The totals table: principal, interest, each counted cost and, when all are known, the sums. */
export function totalRows(calc: Calculation): { label: string; value: string; total?: 'extra' | 'all' }[] {
  const { input, interest } = calc;
  const w = words(input.jurisdiction);
  const rows: { label: string; value: string; total?: 'extra' | 'all' }[] = [
    { label: 'Openstaand bedrag (hoofdsom)', value: formatMoney(input.principalCents) },
    { label: w.Interest, value: interest.totalCents === null ? 'onbekend' : formatMoney(interest.totalCents) },
    ...calc.costs.filter((c) => c.inTotal).map(({ item }) => ({ label: costLabel(item), value: formatMoney(item.amountCents ?? 0) })),
  ];
  if (calc.extrasCents !== null && calc.totalCents !== null) {
    rows.push({ label: `${w.Interest} en kosten samen`, value: formatMoney(calc.extrasCents), total: 'extra' });
    rows.push({ label: 'Totaal met de hoofdsom', value: formatMoney(calc.totalCents), total: 'all' });
  }
  return rows;
}

/** The sentences under the totals (`noTotal` follows a bold "Geen totaal: "); each is null (or '') when it does not apply. */
export function closingNotes(calc: Calculation): { noTotal: string | null; typed: string; notYet: string | null; leftOut: string | null } {
  const { input } = calc;
  const w = words(input.jurisdiction);
  const missing = calc.missingRates.filter((m) => m.typed === null).map((m) => phraseOf(m.name));
  const left = calc.costs.filter((c) => !c.inTotal);
  return {
    noTotal: calc.totalCents === null ? `de ${w.interest} voor ${missing.length ? missing.join(' en ') : 'een periode'} ontbreekt, want de ${w.rate} is niet bekend. Vul hem in bij de gegevens om mee te rekenen.` : null,
    typed: typedRatesSentence(calc),
    notYet: calc.notYetRunning ? `Op ${formatDateLong(input.until)} loopt nog geen ${w.interest}: die begint pas op ${formatDateLong(calc.from)}, ${fromReason(calc)}.` : null,
    leftOut: left.length ? `Niet in het totaal: ${left.map(({ item }) => `${item.label.charAt(0).toLowerCase()}${item.label.slice(1)} (${whyNotCounted(item.id)})`).join('; ')}.` : null,
  };
}

/** Why a cost rule is left out of the total. */
export function whyNotCounted(id: string): string {
  switch (id) {
    case 'be-b2c-schadebeding':
      return 'alleen als uw contract of algemene voorwaarden een schadebeding bevatten';
    case 'be-b2c-herinnering':
      return 'per herinnering, vanaf de tweede';
    case 'nl-wik':
      return 'het totaal telt het wettelijke minimum';
    default:
      return 'het bedrag is onbekend';
  }
}

// ---------------------------------------------------------------- the form

/** The fields in the order of the form: the first with an error gets the focus. */
export const FIELDS: readonly FieldName[] = ['bedrag', 'vervaldag', 'betaaldag', 'eersteHerinnering', 'referentie'];

/**
 * The message each field shows now: a field speaks once it was left (touched) or the form was
 * sent (`all`); a payment date before the due date is pointed out once the due date was filled in.
 */
export function visibleErrors(errors: FieldErrors, touched: ReadonlySet<FieldName>, all: boolean): Record<FieldName, string> {
  const shown = {} as Record<FieldName, string>;
  for (const name of FIELDS) {
    const visible = all || touched.has(name) || (name === 'betaaldag' && touched.has('vervaldag') && !errors.vervaldag);
    shown[name] = visible ? (errors[name] ?? '') : '';
  }
  return shown;
}

/** The live region's words while the form cannot be computed. */
export function pendingSummary(shown: number): string {
  if (!shown) return 'Vul het bedrag en de vervaldag in om te rekenen.';
  return `Kijk de gegevens na: ${shown === 1 ? 'één veld is' : `${shown} velden zijn`} niet in orde.`;
}

/** The first field (in form order) with an error, to move the focus to. */
export function firstInvalid(errors: FieldErrors): FieldName | undefined {
  return FIELDS.find((f) => errors[f]);
}

/** One typed-rate field per unknown period: id, label and help, and a key that changes only with the periods. */
export function rateFields(missing: readonly MissingRate[], jurisdiction: 'be' | 'nl'): { key: string; fields: { id: string; period: string; label: string; help: string }[] } {
  const w = words(jurisdiction);
  return {
    key: `${jurisdiction}:${missing.map((m) => m.periodStart).join(',')}`,
    fields: missing.map((m) => ({ id: `interest-voet-${m.periodStart}`, period: m.periodStart, label: `${w.Rate} voor ${phraseOf(m.name)} (% per jaar)`, help: m.help })),
  };
}

/** The one line shown instead of radios when the debtor has a single kind of interest. */
export function singleKindText(jurisdiction: 'be' | 'nl', choices: readonly { label: string }[]): string {
  return choices.length === 1 ? `Soort ${words(jurisdiction).interest}: ${choices[0]!.label}.` : '';
}

/** Whether a rule marked data-audience shows for this customer ('all', 'business' or 'consumer'). */
export function ruleShown(audience: string | undefined, customerType: CalcInput['customerType']): boolean {
  return audience === 'all' || audience === customerType;
}

/** The page's notice for the annex, without the country name it starts with ("België: …"). */
export function disclaimerForAnnex(text: string | null | undefined): string {
  return text?.replace(/^\s*\S+:\s*/, '').trim() ?? '';
}
