/**
 * Matching payments to invoices, explainable: every allocation says why and how sure it is.
 * Order of the passes (each only takes what the earlier ones left):
 *   1. credit notes on the invoices they name (else the customer's oldest open invoice);
 *   2. matches the user made by hand;
 *   3. the structured communication (OGM) of the invoice;
 *   4. the invoice number or payment reference in the free text (one payment may name several);
 *   5. the amount together with the counterparty (an account seen before for that customer, or
 *      the name); several equal candidates are a suggestion, never a guess.
 * The user's choices are a small state (Decisions) and confirm / undo / matchByHand are pure
 * functions on it; reconcile() recomputes the whole picture from invoices, payments and choices.
 */
import type { Invoice, Payment } from './types.ts';
import { nameMatch, nameWords } from './names.ts';
import { formatStructured } from './values.ts';

export type Confidence = 'zeker' | 'hoog' | 'middel' | 'laag';
/** For sorting and a figure on screen. */
export const CONFIDENCE_SCORE: Record<Confidence, number> = { zeker: 1, hoog: 0.9, middel: 0.7, laag: 0.5 };
export type MatchSource = 'creditnota' | 'handmatig' | 'ogm' | 'factuurnummer' | 'bedrag-tegenpartij';

export interface Allocation {
  /** Stable id of the pair, used by confirm and undo. */
  key: string;
  invoiceId: string;
  paymentId?: string;
  creditNoteId?: string;
  /** Cents applied to the invoice. */
  bedrag: number;
  bron: MatchSource;
  zekerheid: Confidence;
  /** Why, in Dutch, for the overview. */
  reden: string;
  status: 'automatisch' | 'bevestigd' | 'handmatig';
}

export interface ManualMatch {
  paymentId: string;
  invoiceId: string;
  /** Cents; without it as much as both allow. */
  bedrag?: number;
}

export interface Decisions {
  confirmed: readonly string[];
  rejected: readonly string[];
  manual: readonly ManualMatch[];
}

export const NO_DECISIONS: Decisions = { confirmed: [], rejected: [], manual: [] };

export type InvoiceState = 'open' | 'deels betaald' | 'betaald';

export interface InvoiceStatus {
  invoice: Invoice;
  status: InvoiceState;
  betaald: number;
  gecrediteerd: number;
  /** What is still to pay, in cents (0 when paid or overpaid). */
  openstaand: number;
  allocations: Allocation[];
}

export interface Suggestion {
  invoiceId: string;
  reden: string;
}

export interface PaymentStatus {
  payment: Payment;
  toegewezen: number;
  /** Not applied to any invoice: an unknown payment, or what is left after an overpayment. */
  rest: number;
  allocations: Allocation[];
  suggesties: Suggestion[];
}

export interface Reconciliation {
  invoices: InvoiceStatus[];
  /** Money in only; money out is counted in `uitgaand`. */
  payments: PaymentStatus[];
  creditNotes: { invoice: Invoice; gebruikt: number; rest: number }[];
  allocations: Allocation[];
  counts: { open: number; deels: number; betaald: number; betalingenGekoppeld: number; betalingenOnbekend: number; uitgaand: number };
}

// ---------------------------------------------------------------- decisions (pure)

const without = (list: readonly string[], key: string) => list.filter((k) => k !== key);

export function confirm(d: Decisions, key: string): Decisions {
  return d.confirmed.includes(key) ? d : { ...d, confirmed: [...d.confirmed, key], rejected: without(d.rejected, key) };
}

/** Undo an allocation: a manual one is removed, an automatic one is rejected so it does not come back. */
export function undo(d: Decisions, allocation: Pick<Allocation, 'key' | 'status' | 'paymentId' | 'invoiceId'>): Decisions {
  if (allocation.status === 'handmatig') return { ...d, manual: d.manual.filter((m) => !(m.paymentId === allocation.paymentId && m.invoiceId === allocation.invoiceId)) };
  return { ...d, confirmed: without(d.confirmed, allocation.key), rejected: d.rejected.includes(allocation.key) ? d.rejected : [...d.rejected, allocation.key] };
}

export function matchByHand(d: Decisions, paymentId: string, invoiceId: string, bedrag?: number): Decisions {
  const manual = d.manual.filter((m) => !(m.paymentId === paymentId && m.invoiceId === invoiceId));
  const key = pairKey(paymentId, invoiceId);
  return { ...d, manual: [...manual, bedrag === undefined ? { paymentId, invoiceId } : { paymentId, invoiceId, bedrag }], rejected: without(d.rejected, key) };
}

export const pairKey = (from: string, invoiceId: string) => `${from}→${invoiceId}`;

// ---------------------------------------------------------------- matching

const euro = (cents: number) => `€ ${(cents / 100).toFixed(2).replace('.', ',')}`;
const LABEL = /^(?:FACTUURNUMMER|FACTUURNR|FACTUUR|FACTUREN|FACTURE|FACTURA|FACT|FAKTUUR|INVOICE|INV|NUMMER|NR|NO|REF)\.?/;

/** Keys an invoice number is found by: letters and digits only, and its digits when there are enough. */
export function numberKeys(nummer: string): string[] {
  const plain = nummer.toUpperCase().replace(/[^A-Z0-9]/g, '');
  const digits = plain.replace(/\D/g, '');
  const keys = new Set<string>();
  if (plain.length >= 4 && /\d/.test(plain)) keys.add(plain);
  if (digits.length >= 5) keys.add(digits);
  return [...keys];
}

/** Candidate invoice numbers in a payment's free text. */
export function textKeys(text: string): string[] {
  const keys = new Set<string>();
  for (const raw of text.toUpperCase().split(/[\s,;:+&()[\]#"'*]+/)) {
    const token = raw.replace(/^[^A-Z0-9]+|[^A-Z0-9]+$/g, '');
    if (!token) continue;
    for (const variant of [token, token.replace(LABEL, '')]) {
      const plain = variant.replace(/[^A-Z0-9]/g, '');
      if (plain.length >= 4 && /\d/.test(plain)) keys.add(plain);
      const digits = plain.replace(/\D/g, '');
      if (digits.length >= 5) keys.add(digits);
    }
  }
  return [...keys];
}

/** Plain code-unit order: ISO dates sort as text, and localeCompare is far too slow for 50,000 lines. */
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byDue = (a: Invoice, b: Invoice) => cmp(a.vervaldatum ?? a.datum ?? '', b.vervaldatum ?? b.datum ?? '') || cmp(a.nummer, b.nummer);

export function reconcile(invoices: readonly Invoice[], allPayments: readonly Payment[], decisions: Decisions = NO_DECISIONS): Reconciliation {
  const confirmed = new Set(decisions.confirmed);
  const rejected = new Set(decisions.rejected);
  const bills = invoices.filter((i) => i.soort === 'factuur').slice().sort(byDue);
  const credits = invoices.filter((i) => i.soort === 'creditnota');
  const payments = allPayments.filter((p) => p.richting === 'in').slice().sort((a, b) => cmp(a.datum, b.datum) || cmp(a.id, b.id));
  const byId = new Map(bills.map((i) => [i.id, i]));
  const paymentById = new Map(payments.map((p) => [p.id, p]));

  const open = new Map(bills.map((i) => [i.id, i.bedrag]));
  const rest = new Map(payments.map((p) => [p.id, p.bedrag]));
  const creditRest = new Map(credits.map((c) => [c.id, c.bedrag]));
  const allocations: Allocation[] = [];
  const suggestions = new Map<string, Suggestion[]>();
  const suggest = (paymentId: string, s: Suggestion) => suggestions.set(paymentId, [...(suggestions.get(paymentId) ?? []), s]);

  const allocate = (from: { paymentId?: string; creditNoteId?: string }, invoiceId: string, bron: MatchSource, zekerheid: Confidence, reden: string, max?: number): number => {
    const source = from.paymentId ?? from.creditNoteId!;
    const key = pairKey(source, invoiceId);
    if (bron !== 'handmatig' && rejected.has(key)) return 0;
    const available = from.paymentId ? rest.get(from.paymentId)! : creditRest.get(from.creditNoteId!)!;
    const amount = Math.min(available, open.get(invoiceId)!, max ?? Infinity);
    if (amount <= 0) return 0;
    open.set(invoiceId, open.get(invoiceId)! - amount);
    if (from.paymentId) rest.set(from.paymentId, available - amount);
    else creditRest.set(from.creditNoteId!, available - amount);
    allocations.push({ key, invoiceId, ...from, bedrag: amount, bron, zekerheid, reden, status: bron === 'handmatig' ? 'handmatig' : confirmed.has(key) ? 'bevestigd' : 'automatisch' });
    return amount;
  };

  // 1. Credit notes.
  const byNumber = new Map<string, Invoice[]>();
  for (const inv of bills) byNumber.set(inv.nummer, [...(byNumber.get(inv.nummer) ?? []), inv]);
  for (const cn of credits) {
    const named = cn.crediteert.flatMap((n) => byNumber.get(n) ?? []).filter((i) => i.valuta === cn.valuta);
    const sameCustomer = named.filter((i) => i.klantSleutel === cn.klantSleutel);
    const targets = sameCustomer.length ? sameCustomer : named;
    for (const inv of targets) allocate({ creditNoteId: cn.id }, inv.id, 'creditnota', 'zeker', `creditnota ${cn.nummer} verwijst naar deze factuur`);
    if (!cn.crediteert.length) {
      for (const inv of bills.filter((i) => i.klantSleutel === cn.klantSleutel && i.valuta === cn.valuta && open.get(i.id)! > 0)) {
        allocate({ creditNoteId: cn.id }, inv.id, 'creditnota', 'middel', `creditnota ${cn.nummer} noemt geen factuur; verrekend met de oudste open factuur van deze klant`);
        if (!creditRest.get(cn.id)) break;
      }
    }
  }

  // 2. By hand.
  for (const m of decisions.manual) {
    const p = paymentById.get(m.paymentId);
    const inv = byId.get(m.invoiceId);
    if (!p || !inv) continue;
    allocate({ paymentId: p.id }, inv.id, 'handmatig', 'zeker', 'door u gekoppeld', m.bedrag);
  }

  // 3. Structured communication.
  const byOgm = new Map<string, Invoice[]>();
  for (const inv of bills) if (inv.ogm) byOgm.set(inv.ogm, [...(byOgm.get(inv.ogm) ?? []), inv]);
  for (const p of payments) {
    if (!p.ogm || !rest.get(p.id)) continue;
    for (const inv of byOgm.get(p.ogm) ?? []) {
      if (inv.valuta !== p.valuta) continue;
      const before = open.get(inv.id)!;
      const got = allocate({ paymentId: p.id }, inv.id, 'ogm', 'zeker', `gestructureerde mededeling ${formatStructured(p.ogm)} van deze factuur`);
      if (got && got < before) allocations.at(-1)!.reden += ` (deelbetaling: ${euro(got)} van ${euro(before)})`;
    }
  }

  // 4. Invoice number or payment reference in the free text.
  const byKey = new Map<string, Invoice[]>();
  const index = (key: string, inv: Invoice) => {
    const list = byKey.get(key) ?? [];
    if (!list.includes(inv)) list.push(inv);
    byKey.set(key, list);
  };
  for (const inv of bills) {
    for (const k of numberKeys(inv.nummer)) index(k, inv);
    const ref = inv.betaalReferentie?.toUpperCase().replace(/[^A-Z0-9]/g, '');
    if (ref && ref.length >= 6 && !inv.ogm) index(ref, inv);
  }
  const spaced = new Map<string, Invoice[]>();
  for (const inv of bills) {
    const ref = inv.betaalReferentie?.toUpperCase().replace(/[^A-Z0-9]/g, '');
    if (ref && ref.length >= 10 && !inv.ogm && /\s/.test(inv.betaalReferentie!)) spaced.set(ref, [...(spaced.get(ref) ?? []), inv]);
  }
  const spacedLengths = new Set([...spaced.keys()].map((k) => k.length));
  for (const p of payments) {
    if (!rest.get(p.id) || !p.mededeling) continue;
    const text = p.mededeling.toUpperCase();
    const found = new Set<Invoice>();
    for (const k of textKeys(text)) for (const inv of byKey.get(k) ?? []) if (inv.valuta === p.valuta) found.add(inv);
    // A reference with spaces ("2015 0483 0000 0000") is found in the text without spaces.
    if (spacedLengths.size) {
      const squeezed = text.replace(/[^A-Z0-9]/g, '');
      for (const len of spacedLengths) for (let i = 0; i + len <= squeezed.length; i++) for (const inv of spaced.get(squeezed.slice(i, i + len)) ?? []) if (inv.valuta === p.valuta) found.add(inv);
    }
    if (!found.size) continue;
    const list = [...found].sort(byDue);
    const openOnes = list.filter((i) => open.get(i.id)! > 0);
    for (const inv of list.filter((i) => !openOnes.includes(i))) suggest(p.id, { invoiceId: inv.id, reden: `de mededeling noemt factuur ${inv.nummer}, die al betaald is: dubbele betaling?` });
    if (!openOnes.length) continue;
    const totalOpen = openOnes.reduce((s, i) => s + open.get(i.id)!, 0);
    const exact = totalOpen === rest.get(p.id);
    const names = openOnes.map((i) => i.nummer).join(', ');
    for (const inv of openOnes) {
      const before = open.get(inv.id)!;
      const reden = openOnes.length > 1 ? `factuurnummers ${names} in de mededeling (één betaling voor ${openOnes.length} facturen)` : `factuurnummer ${inv.nummer} in de mededeling`;
      const got = allocate({ paymentId: p.id }, inv.id, 'factuurnummer', exact ? 'hoog' : 'middel', reden);
      if (got && got < before) allocations.at(-1)!.reden += ` (deelbetaling: ${euro(got)} van ${euro(before)})`;
    }
  }

  // 5. Amount + counterparty. Accounts that paid a customer's invoices before point to that customer.
  const accountCustomer = new Map<string, string>();
  for (const a of allocations) {
    const p = a.paymentId ? paymentById.get(a.paymentId) : undefined;
    if (p?.tegenrekening && a.bron !== 'creditnota') accountCustomer.set(p.tegenrekening, byId.get(a.invoiceId)!.klantSleutel);
  }
  const words = new Map<string, string[]>();
  const wordsOf = (name: string | undefined) => {
    if (!name) return [];
    let w = words.get(name);
    if (!w) words.set(name, (w = nameWords(name)));
    return w;
  };
  const byAmount = new Map<string, Invoice[]>();
  for (const inv of bills) if (open.get(inv.id)! > 0) byAmount.set(`${inv.valuta}|${open.get(inv.id)}`, [...(byAmount.get(`${inv.valuta}|${open.get(inv.id)}`) ?? []), inv]);
  for (const p of payments) {
    const left = rest.get(p.id)!;
    if (!left || left !== p.bedrag) continue;
    const knownCustomer = p.tegenrekening ? accountCustomer.get(p.tegenrekening) : undefined;
    const candidates = (byAmount.get(`${p.valuta}|${left}`) ?? []).filter((i) => open.get(i.id) === left && !rejected.has(pairKey(p.id, i.id)));
    const viaAccount = knownCustomer ? candidates.filter((i) => i.klantSleutel === knownCustomer) : [];
    const names = new Map(candidates.map((i) => [i.id, nameMatch(p.tegenpartij, i.klant.naam, wordsOf)]));
    // Only a name that matches as a whole links a payment; one that matches in part is a suggestion.
    const viaName = candidates.filter((i) => names.get(i.id) === 'gelijk' || names.get(i.id) === 'volledig');
    const chosen = viaAccount.length ? viaAccount : viaName;
    if (chosen.length === 1) {
      const inv = chosen[0]!;
      const how = names.get(inv.id) === 'volledig' ? ` (komt overeen met ${inv.klant.naam})` : '';
      const why = viaAccount.length ? `bedrag ${euro(left)} en rekening ${p.tegenrekening}, waarmee deze klant eerder betaalde` : `bedrag ${euro(left)} en naam "${p.tegenpartij}"${how}; geen factuurnummer in de mededeling`;
      allocate({ paymentId: p.id }, inv.id, 'bedrag-tegenpartij', viaAccount.length ? 'middel' : 'laag', why);
      continue;
    }
    const partly = candidates.filter((i) => names.get(i.id) === 'deels');
    const shown = chosen.length ? chosen : [...partly, ...candidates.filter((i) => names.get(i.id) !== 'deels')];
    for (const inv of shown.slice(0, 5)) {
      const reden = chosen.length
        ? `zelfde bedrag en klant, maar ${chosen.length} facturen komen in aanmerking`
        : names.get(inv.id) === 'deels'
          ? `zelfde bedrag (${euro(left)}); de naam "${p.tegenpartij}" lijkt deels op ${inv.klant.naam}`
          : `zelfde bedrag (${euro(left)}), andere of onbekende betaler`;
      suggest(p.id, { invoiceId: inv.id, reden });
    }
  }

  // Results.
  const perInvoice = new Map<string, Allocation[]>();
  const perPayment = new Map<string, Allocation[]>();
  for (const a of allocations) {
    perInvoice.set(a.invoiceId, [...(perInvoice.get(a.invoiceId) ?? []), a]);
    if (a.paymentId) perPayment.set(a.paymentId, [...(perPayment.get(a.paymentId) ?? []), a]);
  }
  const invoiceStatuses: InvoiceStatus[] = bills.map((invoice) => {
    const list = perInvoice.get(invoice.id) ?? [];
    const gecrediteerd = list.filter((a) => a.bron === 'creditnota').reduce((s, a) => s + a.bedrag, 0);
    const betaald = list.filter((a) => a.bron !== 'creditnota').reduce((s, a) => s + a.bedrag, 0);
    const openstaand = open.get(invoice.id)!;
    const status: InvoiceState = openstaand === 0 ? 'betaald' : betaald + gecrediteerd > 0 ? 'deels betaald' : 'open';
    return { invoice, status, betaald, gecrediteerd, openstaand, allocations: list };
  });
  const paymentStatuses: PaymentStatus[] = payments.map((payment) => {
    const list = perPayment.get(payment.id) ?? [];
    const toegewezen = list.reduce((s, a) => s + a.bedrag, 0);
    return { payment, toegewezen, rest: payment.bedrag - toegewezen, allocations: list, suggesties: suggestions.get(payment.id) ?? [] };
  });
  return {
    invoices: invoiceStatuses,
    payments: paymentStatuses,
    creditNotes: credits.map((invoice) => ({ invoice, gebruikt: invoice.bedrag - creditRest.get(invoice.id)!, rest: creditRest.get(invoice.id)! })),
    allocations,
    counts: {
      open: invoiceStatuses.filter((s) => s.status === 'open').length,
      deels: invoiceStatuses.filter((s) => s.status === 'deels betaald').length,
      betaald: invoiceStatuses.filter((s) => s.status === 'betaald').length,
      betalingenGekoppeld: paymentStatuses.filter((s) => s.toegewezen > 0).length,
      betalingenOnbekend: paymentStatuses.filter((s) => s.toegewezen === 0).length,
      uitgaand: allPayments.length - payments.length,
    },
  };
}
