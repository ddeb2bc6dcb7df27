/**
 * The interest and costs calculator page (/rekenhulp/): the form as typed, checked into one input
 * for the calculation in src/model/interest-calc.ts (shared with the printable annex).
 */
import type { CustomerType, IsoDate, Jurisdiction } from '../../legal/types.ts';
import { formatDateLong, kindChoices, needsFirstReminder, type CalcInput } from '../../model/interest-calc.ts';
import { parseEuroCents, parseField } from './field-input.ts';

export * from '../../model/interest-calc.ts';

/** The form as typed (radio values are the Dutch words used in the URL: ?land=be&klant=consument). */
export interface RawForm {
  bedrag: string;
  vervaldag: string;
  /** The browser holds a partly typed date it cannot read. */
  vervaldagOnvolledig?: boolean;
  betaaldag: string;
  betaaldagOnvolledig?: boolean;
  land: string;
  klant: string;
  soort: string;
  referentie: string;
  /** Belgian consumer: the date of the free first reminder. */
  eersteHerinnering?: string;
  eersteHerinneringOnvolledig?: boolean;
  /** Typed rates for periods we do not know, keyed by the period's first day ('2026-07-01'). */
  voeten?: Readonly<Record<string, string>>;
}

export type FieldName = 'bedrag' | 'vervaldag' | 'betaaldag' | 'referentie' | 'eersteHerinnering';
/** Errors per field; a typed rate's error is keyed `voet-<first day of its period>`. */
export type FieldErrors = Partial<Record<FieldName | `voet-${string}`, string>>;

export type ParseResult = { ok: true; input: CalcInput } | { ok: false; errors: FieldErrors };

export const MAX_CENTS = 100_000_000_000;
export const MAX_REFERENCE = 80;

export const CUSTOMER_VALUE: Record<CustomerType, string> = { business: 'onderneming', consumer: 'consument' };
export const jurisdictionOf = (value: string | null | undefined): Jurisdiction => (value === 'nl' ? 'nl' : 'be');
export const customerOf = (value: string | null | undefined): CustomerType => (value === 'consument' ? 'consumer' : 'business');

function parseDate(text: string, incomplete: boolean | undefined): { value?: IsoDate; error?: string } {
  const parsed = parseField('datum', text, { badDate: Boolean(incomplete) });
  if (!parsed.ok) return { error: parsed.error };
  return typeof parsed.value === 'string' ? { value: parsed.value } : {};
}

/** Form text → a checked input, or a Dutch message per field. `today` is the browser's local date. */
export function parseForm(raw: RawForm, today: IsoDate): ParseResult {
  const errors: FieldErrors = {};

  let principalCents = 0;
  const amount = raw.bedrag.trim();
  if (!amount) errors.bedrag = 'Vul het openstaande bedrag in, bijvoorbeeld 1.234,56.';
  else {
    const cents = parseEuroCents(amount);
    if (cents === null) errors.bedrag = 'Schrijf het bedrag in euro, met een komma voor de centen, bijvoorbeeld 1.234,56.';
    else if (cents === 0) errors.bedrag = 'Het bedrag moet groter zijn dan nul.';
    else if (cents > MAX_CENTS) errors.bedrag = 'Dit bedrag is te groot om mee te rekenen.';
    else principalCents = cents;
  }

  const due = raw.vervaldag.trim() || raw.vervaldagOnvolledig ? parseDate(raw.vervaldag, raw.vervaldagOnvolledig) : { error: 'Vul de vervaldag van de factuur in.' };
  if (due.error) errors.vervaldag = due.error;

  const paidText = raw.betaaldag.trim();
  const paid = paidText || raw.betaaldagOnvolledig ? parseDate(paidText, raw.betaaldagOnvolledig) : { value: today };
  const untilIsToday = !paidText && !raw.betaaldagOnvolledig;
  if (paid.error) errors.betaaldag = paid.error;
  else if (due.value && paid.value && paid.value <= due.value) {
    errors.betaaldag = untilIsToday
      ? `Vandaag (${formatDateLong(today)}) is de vervaldag nog niet voorbij. Vul een betaaldatum na de vervaldag in om vooruit te rekenen.`
      : 'De betaaldatum moet na de vervaldag liggen. Betaalde de klant op tijd, dan is er geen interest verschuldigd.';
  }

  const reference = raw.referentie.trim().replace(/\s+/g, ' ');
  if (reference.length > MAX_REFERENCE) errors.referentie = `Een referentie is hoogstens ${MAX_REFERENCE} tekens lang.`;

  const jurisdiction = jurisdictionOf(raw.land);
  const customerType = customerOf(raw.klant);

  let firstReminder: IsoDate | undefined;
  if (needsFirstReminder(jurisdiction, customerType)) {
    const text = raw.eersteHerinnering?.trim() ?? '';
    const reminder = text || raw.eersteHerinneringOnvolledig ? parseDate(text, raw.eersteHerinneringOnvolledig) : { error: 'Vul de datum van de eerste (gratis) herinnering in: bij een consument loopt de interest pas na haar termijn.' };
    if (reminder.error) errors.eersteHerinnering = reminder.error;
    else firstReminder = reminder.value;
  }

  const userRates: Record<IsoDate, number> = {};
  for (const [start, typed] of Object.entries(raw.voeten ?? {})) {
    if (!typed.trim()) continue;
    const parsed = parseField('percentage', typed);
    if (!parsed.ok) errors[`voet-${start}`] = parsed.error;
    else if (typeof parsed.value === 'number') {
      if (Math.abs(Math.round(parsed.value * 100) - parsed.value * 100) > 1e-6) errors[`voet-${start}`] = 'Schrijf de voet met hoogstens twee cijfers na de komma, bijvoorbeeld 10,25.';
      else userRates[start] = parsed.value;
    }
  }

  if (Object.keys(errors).length || !due.value || !paid.value) return { ok: false, errors };
  const choices = kindChoices(jurisdiction, customerType);
  const kind = choices.find((c) => c.kind === raw.soort)?.kind ?? choices[0]!.kind;
  return {
    ok: true,
    input: { principalCents, dueDate: due.value, until: paid.value, untilIsToday, jurisdiction, customerType, kind, reference, ...(firstReminder ? { firstReminder } : {}), userRates },
  };
}

/** Today in the browser's own time zone, as YYYY-MM-DD. */
export function localToday(now = new Date()): IsoDate {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
