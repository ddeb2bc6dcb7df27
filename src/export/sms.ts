/**
 * A short SMS per playbook step that can use one: an e-mail step whose purpose is a reminder
 * (before the due date up to the last reminder). Formal notices, hand-overs and calls get none: an
 * SMS is no proof of a formal notice, and a call is a call.
 *
 * The wording is derived from the step's template: its purpose picks the sentence, its country
 * (or the customer's) the words, the fill data the values. Every text names the sender, the
 * invoice, the open amount, the payment link (the IBAN when the template has no payment button)
 * and the payment reference (gestructureerde mededeling in Belgium, betalingskenmerk in the
 * Netherlands), and stays within one SMS of 160
 * GSM-7 characters with the sample data where the values allow it. countSms says what it costs.
 *
 * Browser-safe: the template page's live counter fills the same text.
 */
import type { FillData, Jurisdiction, Purpose, Step } from '../content/schema.ts';
import { fill } from '../model/fill.ts';
import type { Inline, TemplateDoc } from '../model/types.ts';
import { countSms, type SmsCount } from './gsm.ts';

export type SmsPurpose = Extract<Purpose, 'preventief' | 'herinnering' | 'tweede-herinnering' | 'laatste-herinnering'>;
export const SMS_PURPOSES: readonly SmsPurpose[] = ['preventief', 'herinnering', 'tweede-herinnering', 'laatste-herinnering'];

// Placeholders in Tijdig's own syntax. Short on purpose: the sample sender, link and reference alone
// take 107 of the 160 characters. "Kenmerk" is the everyday Dutch word for the betalingskenmerk.
// A template without a payment button (a formal one) names the account instead, as its text does.
const WHERE = { link: 'Betaal: {{betaling.link}}', iban: 'Betaal op {{afzender.iban}}' } as const;
const REF: Record<Jurisdiction, string> = { be: 'mededeling {{betaling.mededeling}}', nl: 'kenmerk {{betaling.mededeling}}' };
const WHAT = 'factuur {{factuur.nummer}} ({{bedrag factuur.openstaand}})';

const SENTENCE: Record<SmsPurpose, string> = {
  preventief: `{{afzender.naam}}: ${WHAT} vervalt op {{datum factuur.vervaldatum}}.`,
  herinnering: `{{afzender.naam}}: ${WHAT} staat nog open.`,
  'tweede-herinnering': `{{afzender.naam}}: ${WHAT} staat nog steeds open.`,
  'laatste-herinnering': `{{afzender.naam}}, laatste herinnering: ${WHAT} staat nog open.`,
};

const wording = (purpose: SmsPurpose, jurisdiction: Jurisdiction, where: keyof typeof WHERE) => `${SENTENCE[purpose]} ${WHERE[where]}, ${REF[jurisdiction]}`;

export const PLACEHOLDER = /\{\{(?:(bedrag|datum) )?([a-z]+\.[A-Za-z]+)\}\}/g;

/** The wording as inline content, so fill() resolves it like any template text. */
export function parseSms(source: string): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const m of source.matchAll(PLACEHOLDER)) {
    if (m.index > last) out.push({ type: 'text', value: source.slice(last, m.index) });
    out.push(m[1] ? { type: 'placeholder', path: m[2]!, helper: m[1] as 'bedrag' | 'datum' } : { type: 'placeholder', path: m[2]! });
    last = m.index + m[0].length;
  }
  if (last < source.length) out.push({ type: 'text', value: source.slice(last) });
  return out;
}

export function isSmsPurpose(purpose: Purpose): purpose is SmsPurpose {
  return (SMS_PURPOSES as readonly Purpose[]).includes(purpose);
}

/** Whether a template can have an SMS: an e-mail reminder. */
export function hasSms(doc: Pick<TemplateDoc, 'kind' | 'purpose'>): boolean {
  return doc.kind === 'email' && isSmsPurpose(doc.purpose);
}

/** Whether a playbook step gets an SMS beside its message. */
export function stepHasSms(step: Step, doc: TemplateDoc | undefined): doc is TemplateDoc {
  return step.kanaal === 'email' && Boolean(doc) && hasSms(doc!);
}

/**
 * The texts a step can send by SMS: its template and that template's variants for other legal
 * cases (variantOf), each a reminder e-mail. The site shows one per country and customer type.
 */
export function smsDocsForStep(step: Step, templates: readonly TemplateDoc[]): TemplateDoc[] {
  if (step.kanaal !== 'email') return [];
  return templates.filter((t) => (t.id === step.template || t.variantOf === step.template) && hasSms(t));
}

/** The SMS wording with Tijdig placeholders, or null when the template gets no SMS. */
export function smsSource(doc: Pick<TemplateDoc, 'kind' | 'purpose' | 'jurisdiction' | 'blocks'>, jurisdiction?: Jurisdiction): string | null {
  if (!hasSms(doc)) return null;
  const where = doc.blocks.some((b) => b.type === 'paymentButton') ? 'link' : 'iban';
  return wording(doc.purpose as SmsPurpose, doc.jurisdiction ?? jurisdiction ?? 'be', where);
}

export interface FilledSms {
  text: string;
  count: SmsCount;
  /** Placeholders without a value: they show as [pad] in the text. */
  missing: string[];
}

/** The SMS of a template filled with data, with its length; null when the template gets none. */
export function fillSms(doc: TemplateDoc, data: FillData, options: { jurisdiction?: Jurisdiction } = {}): FilledSms | null {
  const jurisdiction = doc.jurisdiction ?? data.dossier?.jurisdictie ?? options.jurisdiction ?? 'be';
  const source = smsSource(doc, jurisdiction);
  if (!source) return null;
  const filled = fill({ ...doc, subject: parseSms(source), preheader: [], blocks: [] }, data, { jurisdiction });
  // Line breaks in a typed value would split the SMS oddly; one line reads best on a phone.
  const text = filled.subject.map((r) => r.text).join('').replace(/\s*[\r\n]+\s*/g, ' ');
  return { text, count: countSms(text), missing: filled.subject.flatMap((r) => (r.missing ? [r.missing] : [])) };
}

/** Every placeholder path the wording uses. */
export function smsPaths(source: string): string[] {
  return [...source.matchAll(PLACEHOLDER)].map((m) => m[2]!);
}

