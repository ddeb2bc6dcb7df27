/**
 * Pure helpers of the timeline builder: Dutch wording and figures for the table, the CSV rows,
 * the fill data of one step for the pack, and the default plan. Browser-safe, no DOM.
 */
import type { FillData } from '../../content/schema.ts';
import { addDays } from '../../legal/dates.ts';
import type { IsoDate } from '../../legal/types.ts';
import { formatDateShort, formatMoney } from '../../model/format.ts';
import { slugify } from '../../vocabulary/naming.ts';
import { dayLabel } from '../../timeline/format.ts';
import type { Plan, PlanSettings } from '../../timeline/plan.ts';
import type { PlanRow } from '../../timeline/rows.ts';
import type { ScheduledStep, TermOrigin } from '../../timeline/schedule.ts';
import type { Severity, Warning } from '../../timeline/warnings.ts';
import { CHANNEL_LABEL, JURISDICTION_LABEL, TONE_LABEL } from './labels.ts';
import type { CatalogTemplate } from './timeline-types.ts';

/** Today in the user's own time zone, as YYYY-MM-DD. */
export function localToday(now = new Date()): IsoDate {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A fresh plan's invoice: dated today, due in 30 days, EUR 1.000, a Belgian business. */
export function defaultSettingsInput(today: IsoDate) {
  return { invoiceDate: today, dueDate: addDays(today, 30), amountCents: 100_000, customerType: 'business' as const, jurisdiction: 'be' as const };
}

/** 123456 -> "1.234,56": the amount as the user types it. */
export const amountInput = (cents: number) => formatMoney(cents).replace(/^-?€\s*/, '');

/** 123456 -> "€ 1.234,56"; null (a rate we do not know yet) -> "onbekend". */
export const money = (cents: number | null | undefined) => (cents === null || cents === undefined ? 'onbekend' : formatMoney(cents));

/** 123456 -> "1234,56": a number Dutch-language Excel reads as such. */
export const csvMoney = (cents: number | null) => (cents === null ? '' : `${cents < 0 ? '-' : ''}${Math.floor(Math.abs(cents) / 100)},${String(Math.abs(cents) % 100).padStart(2, '0')}`);

export const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const SEVERITY_LABEL: Record<Severity, string> = { error: 'Fout', warning: 'Let op', info: 'Ter info' };

export const TERM_LABEL: Record<TermOrigin, string> = {
  custom: 'eigen termijn',
  statutory: 'wettelijke termijn',
  notice: 'termijn van de ingebrekestelling',
  'until-next-step': 'tot de volgende stap',
  'last-step': 'standaardtermijn na de laatste stap',
};

/** "3", or "6.2" for the second repeat of step 6: the same numbering as planRows. */
export const rowNumber = (s: Pick<ScheduledStep, 'stepIndex' | 'occurrence'>) => (s.occurrence === 0 ? String(s.stepIndex + 1) : `${s.stepIndex + 1}.${s.occurrence}`);

/** "Stap 3", "Herhaling 2 van stap 6". */
export const rowName = (s: Pick<ScheduledStep, 'stepIndex' | 'occurrence'>) => (s.occurrence === 0 ? `Stap ${s.stepIndex + 1}` : `Herhaling ${s.occurrence} van stap ${s.stepIndex + 1}`);

/** For the live region: "2 waarschuwingen (1 fout) en 1 opmerking." */
export function warningCount(warnings: readonly Warning[]): string {
  const errors = warnings.filter((w) => w.severity === 'error').length;
  const serious = errors + warnings.filter((w) => w.severity === 'warning').length;
  const info = warnings.length - serious;
  const notes = info ? plural(info, 'opmerking', 'opmerkingen') : '';
  if (!serious) return notes ? `Geen waarschuwingen, wel ${notes}.` : 'Geen waarschuwingen.';
  const head = `${plural(serious, 'waarschuwing', 'waarschuwingen')}${errors ? ` (${plural(errors, 'fout', 'fouten')})` : ''}`;
  return `${head}${notes ? ` en ${notes}` : ''}.`;
}

/** The invoice in one line, for the table caption and the read-me. */
export function invoiceLine(settings: PlanSettings, long: (d: IsoDate) => string): string {
  const who = settings.customerType === 'consumer' ? 'een consument' : 'een onderneming';
  return `Factuur van ${long(settings.invoiceDate)}, vervalt op ${long(settings.dueDate)}: ${formatMoney(settings.amountCents)} open bij ${who}, recht van ${JURISDICTION_LABEL[settings.jurisdiction]}.`;
}

export const STATUS_WORD = { planned: 'gepland', skipped: 'overgeslagen', 'on-hold': 'gepauzeerd' } as const;

export const CSV_HEADERS = [
  'Stap',
  'Datum',
  'Dag t.o.v. vervaldag',
  'Status',
  'Kanaal',
  'Toon',
  'Titel',
  'Sjabloon',
  'Interest (EUR)',
  'Kosten (EUR)',
  'Totaal (EUR)',
  'Betalen uiterlijk op',
  'Waarschuwingen',
] as const;

/** The schedule as spreadsheet rows (header first), for toCsv(…, 'excel-nl'). */
export function csvTable(rows: readonly PlanRow[], catalog: ReadonlyMap<string, CatalogTemplate>): string[][] {
  return [
    [...CSV_HEADERS],
    ...rows.map((r) => [
      r.number,
      r.date ? formatDateShort(r.date) : '',
      r.offset === null ? '' : String(r.offset),
      STATUS_WORD[r.status],
      CHANNEL_LABEL[r.channel],
      TONE_LABEL[r.tone],
      r.title,
      catalog.get(r.template)?.title ?? r.template,
      csvMoney(r.interestCents),
      csvMoney(r.costsCents),
      csvMoney(r.totalCents),
      r.termEnd ? formatDateShort(r.termEnd) : '',
      r.warnings.join('\n'),
    ]),
  ];
}

/**
 * What the pack fills into one step's template: the user's own details plus what the plan knows
 * (invoice, country, the step's sending date and "pay by" date, the costs that apply that day).
 * Interest is left to fill(), which computes the same statutory figure from these dates.
 */
export function stepFillData(plan: Plan, s: ScheduledStep, user: FillData): FillData {
  const { settings } = plan;
  const data: FillData = {
    ...user,
    dossier: { ...user.dossier, jurisdictie: settings.jurisdiction, klanttype: settings.customerType === 'consumer' ? 'consument' : 'onderneming' },
    factuur: { ...user.factuur, datum: settings.invoiceDate, vervaldatum: settings.dueDate, bedrag: settings.amountCents, openstaand: settings.amountCents },
    data: { ...user.data, ...(s.date ? { verzending: s.date } : {}), ...(s.term ? { nieuweTermijn: s.term.end } : {}) },
  };
  const costs: NonNullable<FillData['kosten']> = { ...user.kosten };
  // A Belgian consumer owes damages only under a clause in your terms: the amount is yours to fill in.
  if (s.costs?.cents !== null && s.costs?.cents !== undefined && !(settings.jurisdiction === 'be' && settings.customerType === 'consumer')) costs.forfait = s.costs.cents;
  if (settings.interestKind !== null && s.interest?.cents !== null && s.interest?.cents !== undefined) costs.interest = s.interest.cents;
  if (Object.keys(costs).length) data.kosten = costs;
  return data;
}

/** "03_D+13_tweede-herinnering", "06-2_D+55_overdracht": one folder per sent step in the zip. */
export function packFolder(s: ScheduledStep): string {
  const number = String(s.stepIndex + 1).padStart(2, '0') + (s.occurrence ? `-${s.occurrence}` : '');
  return `${number}_${dayLabel(s.offset ?? 0)}_${slugify(s.step.titel) || 'stap'}`;
}

/** "tijdlijn-slechte-betalers-2026-03-31": the stem of every file the builder saves. */
export const fileStem = (plan: Plan) => `tijdlijn-${slugify(plan.meta.titel) || 'planning'}-${plan.settings.dueDate}`;
