/**
 * The settings form of the timeline builder as pure functions: what each field shows for a plan,
 * and what a typed value means (a change for the plan, or a Dutch message). Browser-safe, no DOM.
 */
import type { Jurisdiction } from '../../jurisdiction/ids.ts';
import { longDate } from '../../timeline/format.ts';
import { LIMITS, type Pause, type Plan, type PlanSettings } from '../../timeline/plan.ts';
import { parseEuroCents } from './field-input.ts';
import { amountInput } from './timeline-view.ts';

/** The text fields' values for a plan, by input name. */
export function settingsFormValues(plan: Plan): Record<string, string> {
  const s = plan.settings;
  return {
    titel: plan.meta.titel,
    invoiceDate: s.invoiceDate,
    dueDate: s.dueDate,
    amount: amountInput(s.amountCents),
    firstSendDate: s.firstSendDate ?? '',
    minGapDays: String(s.minGapDays),
    noticeTermDays: String(s.noticeTermDays),
    repeatEvery: String(plan.repeat?.everyDays ?? 7),
    repeatMax: String(plan.repeat?.maxRepeats ?? 3),
  };
}

/** What the undo message calls each setting: "de vervaldatum gewijzigd". */
export const SETTING_WORDS: Readonly<Record<string, string>> = {
  invoiceDate: 'de factuurdatum',
  dueDate: 'de vervaldatum',
  firstSendDate: 'de eerste verzenddatum',
  amount: 'het bedrag',
  customerType: 'het type klant',
  jurisdiction: 'het land',
  workingDaysOnly: 'de keuze voor werkdagen',
  minGapDays: 'de minimale tussentijd',
  enforceMinGap: 'de keuze om de tussentijd af te dwingen',
  noticeTermDays: 'de termijn van de ingebrekestelling',
  titel: 'de naam van de planning',
};

/** A date input's value: the date, null when empty (and allowed), or a Dutch message. */
export function readDateValue(value: string, badInput: boolean, required: boolean): { date: string | null } | { error: string } {
  if (badInput) return { error: 'Vul een volledige datum in (dag, maand en jaar).' };
  if (!value) return required ? { error: 'Vul een datum in.' } : { date: null };
  if (value < LIMITS.firstDate || value > LIMITS.lastDate) return { error: 'Kies een datum tussen 2000 en 2099.' };
  return { date: value };
}

/** A whole number from min to max, or a Dutch message. */
export function readIntValue(value: string, min: number, max: number): { value: number } | { error: string } {
  const text = value.trim();
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) return { error: `Kies een geheel getal van ${min} tot ${max}.` };
  return { value: Number(text) };
}

/** One changed setting field (not the dates or the repeat, which read several inputs): its patch or a message. */
export function settingPatch(name: string, value: string, checked: boolean): { patch: Partial<PlanSettings> } | { error: string } | null {
  switch (name) {
    case 'amount': {
      const cents = parseEuroCents(value);
      if (cents === null) return { error: 'Schrijf een bedrag in euro, bijvoorbeeld 1.234,56.' };
      if (cents > LIMITS.maxAmountCents) return { error: 'Dit bedrag is te groot.' };
      return { patch: { amountCents: cents } };
    }
    case 'customerType':
      return { patch: { customerType: value === 'consumer' ? 'consumer' : 'business' } };
    case 'jurisdiction':
      return { patch: { jurisdiction: value as Jurisdiction } };
    case 'workingDaysOnly':
    case 'enforceMinGap':
      return { patch: { [name]: checked } };
    case 'minGapDays':
    case 'noticeTermDays': {
      const read = name === 'minGapDays' ? readIntValue(value, 0, LIMITS.maxMinGapDays) : readIntValue(value, 1, LIMITS.maxNoticeTermDays);
      return 'error' in read ? read : { patch: { [name]: read.value } };
    }
    default:
      return null;
  }
}

const PAUSE_WORD = { betwisting: 'Betwisting', betaalbelofte: 'Betaalbelofte', andere: 'Pauze' } as const;

/** "Betwisting: van maandag 2 maart 2026 tot …", or "… sinds …, nog niet hervat" for an open pause. */
export const pauseText = (p: Pause): string =>
  `${PAUSE_WORD[p.reason]}: ${p.until ? `van ${longDate(p.from)} tot ${longDate(p.until)}` : `sinds ${longDate(p.from)}, nog niet hervat`}`;
