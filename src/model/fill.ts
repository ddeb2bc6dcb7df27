/**
 * fill(model, data): resolves every placeholder and directive into plain text runs. A value is
 * always text (never parsed again), and an unfilled placeholder stays visible as "[pad]" with
 * `missing` set, so the blank pack is usable as it is and renderers can highlight the gap.
 */
import { PLACEHOLDERS, type FillData, type FormatHelper, type Jurisdiction } from '../content/schema.ts';
import { renderContext, type CustomerType } from '../jurisdiction/index.ts';
import { casesOf } from './variants.ts';
import { forCustomer, locale as localeById, type LocaleLabels } from '../locale/index.ts';
import { FRAMES } from './frame.ts';
import { calculate, installmentPlan, openInvoices, type Computed, type Figures } from './compute.ts';
import type { InterestResult } from '../legal/interest.ts';
import { formatDateLong, formatMoney, formatPercent } from './format.ts';
import { formatIban, isValidIban, normalizeIban, parseStructuredCommunication } from './payment-ids.ts';
import type { Block, EpcPayment, FilledBlock, FilledDocument, Inline, InvoiceRow, Run, TemplateDoc } from './types.ts';

export interface PlaceholderRef {
  path: string;
  helper?: FormatHelper;
  strong?: boolean;
}

export interface FillOptions {
  /** Used when neither the fill data nor the template fixes the country. Default: Belgium. */
  jurisdiction?: Jurisdiction;
  /** Used when the fill data does not say; default: the template's only customer type, else "onderneming". */
  customerType?: CustomerType;
  /** Replaces placeholder resolution; the HTML renderer uses it to compile once with slots. */
  placeholder?: (ref: PlaceholderRef) => Run;
  /**
   * The case and figures of an earlier fill of the SAME data (its FilledDocument), so filling
   * parts of it again (the designed e-mail's slots and blocks) computes nothing twice.
   */
  resolved?: Resolved;
}

/** What a fill resolves once: the case, its locale and the computed figures. */
export type Resolved = Pick<FilledDocument, 'jurisdiction' | 'customerType' | 'legalCase' | 'locale' | 'figures'>;

/** Exposed so a test can prove the letter frame parses cleanly. */
export { FRAME_PARSE_ISSUES } from './frame.ts';

/** Which computed amount a ::betaalgegevens block asks for. */
const AMOUNT_PATH = { open: 'berekend.totaalOpen', metKosten: 'berekend.totaalTeBetalen', saldo: 'berekend.saldo', termijn: 'berekend.termijnbedrag' } as const;


function rawValue(data: FillData, computed: Computed, path: string): unknown {
  if (path in computed) return computed[path as keyof Computed];
  const [group, name] = path.split('.');
  const section = (data as Record<string, unknown>)[group ?? ''];
  return section && typeof section === 'object' ? (section as Record<string, unknown>)[name ?? ''] : undefined;
}

/**
 * Stand-ins for values that exports rarely carry: with no contact person, "Beste {{klant.contactpersoon}}"
 * greets the company itself rather than printing a marker in every bulk letter.
 */
const FALLBACKS: Record<string, string> = { 'klant.contactpersoon': 'klant.naam' };

function lookup(data: FillData, computed: Computed, path: string): unknown {
  const value = rawValue(data, computed, path);
  const fallback = FALLBACKS[path];
  return (value === undefined || value === '') && fallback ? rawValue(data, computed, fallback) : value;
}

/** Formats one value by its field kind; returns undefined for empty or unusable values. */
export function formatValue(path: string, value: unknown): { text: string; href?: string } | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const kind = PLACEHOLDERS.get(path)?.kind;
  switch (kind) {
    case 'bedrag':
      return typeof value === 'number' ? { text: formatMoney(value) } : undefined;
    case 'datum':
      return { text: formatDateLong(String(value)) };
    case 'percentage':
      return typeof value === 'number' ? { text: formatPercent(value) } : undefined;
    case 'iban':
      return { text: isValidIban(String(value)) ? formatIban(String(value)) : String(value) };
    case 'url':
      return /^https:\/\//.test(String(value)) ? { text: String(value), href: String(value) } : { text: String(value) };
    case 'email':
      return /^[^\s@<>"]+@[^\s@<>"]+$/.test(String(value)) ? { text: String(value), href: `mailto:${String(value)}` } : { text: String(value) };
    default:
      return { text: String(value) };
  }
}

export function missingRun(path: string, strong?: boolean): Run {
  return strong ? { text: `[${path}]`, missing: path, strong } : { text: `[${path}]`, missing: path };
}

/**
 * The case a document is filled for. A template written for one country keeps that country (its
 * law is in the text); otherwise the fill data decides, then the options, then Belgium. The
 * customer type comes from the data, the options, or the template's only one.
 */
export function fillCase(doc: Pick<TemplateDoc, 'cases' | 'jurisdiction'>, data: FillData, options: Pick<FillOptions, 'jurisdiction' | 'customerType'> = {}): { jurisdiction: Jurisdiction; customerType: CustomerType } {
  const jurisdiction = doc.jurisdiction ?? data.dossier?.jurisdictie ?? options.jurisdiction ?? 'be';
  const types = [...new Set(casesOf(doc).filter((c) => c.startsWith(`${jurisdiction}-`)).map((c) => c.slice(jurisdiction.length + 1) as CustomerType))];
  const customerType = data.dossier?.klanttype ?? options.customerType ?? (types.length === 1 ? types[0]! : 'onderneming');
  return { jurisdiction, customerType };
}

/**
 * What a fill resolves, once: the case this letter is written for (an unknown country or customer
 * type is an error in Dutch, UnknownCaseError, never quietly another one), its locale, and the
 * figures, which follow that case whatever the data said.
 */
export function resolveFill(doc: Pick<TemplateDoc, 'cases' | 'jurisdiction' | 'kind' | 'locale'>, data: FillData, options: Pick<FillOptions, 'jurisdiction' | 'customerType'> = {}): Resolved {
  const found = fillCase(doc, data, options);
  const { jurisdiction, customerType, legalCase, locale } = renderContext(found.jurisdiction, found.customerType, doc.locale);
  const figures = calculate(withCase(data, { jurisdiction, customerType }), doc.kind === 'email' ? 'email' : 'letter');
  return { jurisdiction, customerType, legalCase, locale: locale.id, figures };
}

const withCase = (data: FillData, c: Pick<Resolved, 'jurisdiction' | 'customerType'>): FillData => ({ ...data, dossier: { ...data.dossier, jurisdictie: c.jurisdiction, klanttype: c.customerType } });

export function fill(doc: TemplateDoc, typedData: FillData, options: FillOptions = {}): FilledDocument {
  const resolved = options.resolved ?? resolveFill(doc, typedData, options);
  const { jurisdiction, figures } = resolved;
  const { computed } = figures;
  // Computed interest and compensation fill the kosten.* placeholders the user left empty.
  const data: FillData = { ...withCase(typedData, resolved), kosten: figures.costs };
  const locale = localeById(resolved.locale);
  const labels = locale.labels;
  const FRAME = FRAMES[locale.id];
  const explained = explainedGaps(typedData, figures, labels);
  const resolve =
    options.placeholder ??
    ((ref: PlaceholderRef): Run => {
      const formatted: Run | undefined = formatValue(ref.path, lookup(data, computed, ref.path)) ?? explained[ref.path];
      if (!formatted) return missingRun(ref.path, ref.strong);
      if (formatted.missing) return ref.strong ? { ...formatted, strong: true } : formatted;
      const run: Run = { text: formatted.text };
      if (formatted.href) run.href = formatted.href;
      if (ref.strong) run.strong = true;
      return run;
    });
  const runs = (content: Inline[]): Run[] =>
    content.map((i) => (i.type === 'text' ? (i.strong ? { text: i.value, strong: true } : { text: i.value }) : resolve(i)));
  const value = (path: string, raw?: unknown): Run[] => {
    if (options.placeholder) return [options.placeholder({ path })];
    const formatted = raw === undefined ? undefined : formatValue(path, raw);
    return [formatted ? { text: formatted.text } : missingRun(path)];
  };
  const money = (path: string) => runs([{ type: 'placeholder', path, helper: 'bedrag' }]);

  const blocks = doc.blocks.flatMap((block: Block): FilledBlock | FilledBlock[] => {
    switch (block.type) {
      case 'heading':
        return { type: 'heading', level: block.level, runs: runs(block.content) };
      case 'paragraph':
        return { type: 'paragraph', runs: runs(block.content) };
      case 'list':
        return { type: 'list', items: block.items.map(runs) };
      case 'deadline':
        return { type: 'deadline', runs: runs(block.content) };
      case 'invoiceTable': {
        const invoices = options.placeholder ? [{ nummer: undefined }] : openInvoices(data);
        const rows: InvoiceRow[] = (invoices.length ? invoices : [{ nummer: undefined }]).map((f) => ({
          nummer: value('factuur.nummer', f.nummer || undefined),
          datum: value('factuur.datum', 'datum' in f ? f.datum : undefined),
          vervaldatum: value('factuur.vervaldatum', 'vervaldatum' in f ? f.vervaldatum : undefined),
          bedrag: value('factuur.bedrag', 'bedrag' in f ? f.bedrag : undefined),
          openstaand: value('factuur.openstaand', ('openstaand' in f ? f.openstaand : undefined) ?? ('bedrag' in f ? f.bedrag : undefined)),
        }));
        return { type: 'invoiceTable', columns: labels.invoiceColumns, rows, totalLabel: labels.invoiceTotal, total: money('berekend.totaalOpen') };
      }
      case 'paymentDetails': {
        const pay = labels.payment;
        const lines = [
          ...(block.withCosts
            ? [
                { label: pay.open, value: money('berekend.totaalOpen') },
                { label: forCustomer(pay.interest, resolved.customerType), value: money('kosten.interest') },
                { label: pay.compensation, value: money('kosten.forfait') },
              ]
            : []),
          ...(block.amount === 'saldo' ? [{ label: pay.received, value: money('betaling.ontvangen') }] : []),
          { label: block.amount === 'termijn' ? pay.toPayPerInstalment : pay.toPay, value: money(AMOUNT_PATH[block.amount ?? (block.withCosts ? 'metKosten' : 'open')]) },
          { label: pay.iban, value: runs([{ type: 'placeholder', path: 'afzender.iban' }]) },
          { label: pay.bic, value: runs([{ type: 'placeholder', path: 'afzender.bic' }]) },
          { label: pay.beneficiary, value: runs([{ type: 'placeholder', path: 'afzender.naam' }]) },
          { label: pay.reference, value: runs([{ type: 'placeholder', path: 'betaling.mededeling' }]) },
        ];
        return { type: 'paymentDetails', lines };
      }
      case 'paymentButton': {
        const [link] = runs([{ type: 'placeholder', path: 'betaling.link' }]);
        const button: FilledBlock = { type: 'paymentButton', label: runs(block.label) };
        if (link?.missing) button.hrefMissing = link.missing;
        else if (link?.href) button.href = link.href;
        else if (link?.slot) button.hrefSlot = link.slot;
        else if (link && options.placeholder) button.href = link.text;
        else button.hrefMissing = 'betaling.link';
        return button;
      }
      case 'signature':
        return { type: 'signature', lines: FRAME.signature.map(runs) };
      case 'interestBreakdown': {
        const open = computed['berekend.totaalOpen'];
        // A typed interest amount is the user's own figure: a statutory breakdown beside it would contradict it.
        if (typedData.kosten?.interest !== undefined) return [];
        const intro: FilledBlock[] = block.intro.length ? [{ type: 'paragraph', runs: runs(block.intro) }] : [];
        const result = options.placeholder || open === undefined ? null : figures.interest;
        if (!result && !options.placeholder && figures.interestGap === 'needs-first-reminder') {
          return [...intro, { type: 'list', items: [[{ text: labels.interest.notComputedFirstReminder, missing: 'data.eersteHerinnering' }]] }];
        }
        if (!result) return [...intro, { type: 'list', items: [runs(FRAME.interestPending)] }];
        const items: Run[][] = result.breakdown.map((line) => {
          const w = labels.interest;
          const period = `${formatDateLong(line.periodStart)} – ${formatDateLong(line.periodEnd)}: ${line.days} ${w.days}`;
          if (line.unknown) return [{ text: `${period}: ` }, { text: w.unknownRate, missing: 'kosten.interestvoet' }];
          return [{ text: `${period} ${w.at} ${formatPercent(line.ratePercent)} ${w.on} ${formatMoney(line.baseCents)} = ` }, { text: formatMoney(line.amountCents), strong: true }];
        });
        const sources = [...new Set(result.breakdown.flatMap((l) => (l.unknown ? [] : [l.source.title])))];
        // A source title may end in its own "?" or ".": no second full stop after it.
        const sourceLine = sources.length ? ` ${labels.interest.source}: ${sources.join('; ')}`.replace(/([^?.!])$/, '$1.') : '';
        items.push([{ text: `${forCustomer(labels.interest.method, resolved.customerType)}${sourceLine}` }]);
        return [...intro, { type: 'list', items }];
      }
      case 'installmentPlan': {
        const count = data.afspraak?.aantalTermijnen;
        const total = computed['berekend.saldo'] ?? computed['berekend.totaalOpen'];
        if (options.placeholder || !count || total === undefined) {
          const w = labels.instalments;
          return { type: 'list', items: [[{ text: `${w.plan}: ` }, missingRun('afspraak.aantalTermijnen'), { text: ` ${w.from} ` }, missingRun('afspraak.eersteTermijn')]] };
        }
        const first = data.afspraak?.eersteTermijn;
        return {
          type: 'list',
          items: installmentPlan(total, count, first).map((t) => [
            { text: `${labels.instalments.instalment} ${t.number}: ` },
            { text: formatMoney(t.amountCents), strong: true },
            { text: ` ${labels.instalments.payBy} ` },
            t.date ? { text: formatDateLong(t.date) } : missingRun('afspraak.eersteTermijn'),
          ]),
        };
      }
    }
  });

  return {
    id: doc.id,
    kind: doc.kind,
    title: doc.title,
    purpose: doc.purpose,
    tone: doc.tone,
    registered: doc.registered,
    jurisdiction,
    customerType: resolved.customerType,
    legalCase: resolved.legalCase,
    locale: locale.id,
    labels,
    lang: locale.lang,
    subject: runs(doc.subject),
    preheader: runs(doc.preheader),
    letter: {
      sender: FRAME.sender.map(runs),
      // "t.a.v." only when a contact person is known; the name line already says who it is for.
      recipient: [FRAME.recipientName, ...(!data.klant?.naam || data.klant.contactpersoon ? [FRAME.attention] : []), ...FRAME.recipientAddress].map(runs),
      placeAndDate: runs(FRAME.placeAndDate),
      reference: runs(FRAME.reference),
    },
    blocks,
    epc: options.placeholder ? null : epcPayment(data, computed, doc),
    figures,
  };
}

/**
 * Words for the values compute() leaves empty on purpose, so a letter says why instead of a bare
 * marker or a silent gap: several rates (named per period), interest that cannot be computed, and
 * a total that would leave it out. Gaps stay `missing` so every renderer highlights them.
 */
function explainedGaps(data: FillData, figures: Figures, labels: LocaleLabels): Partial<Record<string, Run>> {
  const { computed, interest: result, interestGap: gap } = figures;
  const out: Partial<Record<string, Run>> = {};
  if (computed['berekend.totaalOpen'] === undefined) return out;
  const w = labels.interest;
  if (gap === 'rate-unknown') out['kosten.interest'] = { text: w.notComputedRate, missing: 'kosten.interest' };
  if (gap === 'needs-first-reminder') out['kosten.interest'] = { text: w.notComputedFirstReminder, missing: 'kosten.interest' };
  if (computed['berekend.totaalTeBetalen'] === undefined) out['berekend.totaalTeBetalen'] = { text: w.totalIncomplete, missing: 'berekend.totaalTeBetalen' };
  if (result && data.kosten?.interestvoet === undefined) {
    const parts = ratePeriods(result, w.unknownRate);
    const wording = parts.length > 1 ? w.severalRates(parts) : parts[0]?.rate;
    // An unknown period stays marked, so the user types the rate or the amount before sending.
    if (wording !== undefined && (parts.length > 1 || result.totalCents === null)) {
      out['kosten.interestvoet'] = result.totalCents === null ? { text: wording, missing: 'kosten.interestvoet' } : { text: wording };
    }
  }
  return out;
}

/** Consecutive lines with the same rate joined: each rate (or `unknown`) with the last day it applied. */
function ratePeriods(result: InterestResult, unknown: string): { rate: string; until: string }[] {
  const parts: { rate: string; until: string }[] = [];
  for (const line of result.breakdown) {
    const rate = line.unknown ? unknown : formatPercent(line.ratePercent);
    const last = parts.at(-1);
    if (last && last.rate === rate) last.until = line.periodEnd;
    else parts.push({ rate, until: line.periodEnd });
  }
  return parts.map((p) => ({ rate: p.rate, until: formatDateLong(p.until) }));
}

/** The SEPA QR data, only when a payment is asked and every required part is present and valid. */
function epcPayment(data: FillData, computed: Computed, doc: TemplateDoc): EpcPayment | null {
  const asksPayment = doc.blocks.some((b) => b.type === 'paymentDetails' || b.type === 'paymentButton');
  const details = doc.blocks.find((b) => b.type === 'paymentDetails');
  const key = details?.type === 'paymentDetails' ? (details.amount ?? (details.withCosts ? 'metKosten' : 'open')) : 'open';
  const amount = computed[AMOUNT_PATH[key]];
  const iban = data.afzender?.iban;
  const name = data.afzender?.naam;
  if (!asksPayment || !amount || !iban || !isValidIban(iban) || !name) return null;
  const reference = data.betaling?.mededeling ?? '';
  const structured = parseStructuredCommunication(reference);
  return {
    bic: data.afzender?.bic ?? '',
    name,
    iban: normalizeIban(iban),
    amountCents: amount,
    reference: structured ?? reference,
    structured: structured !== null,
  };
}
