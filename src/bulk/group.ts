/**
 * Invoices per customer: one group per customer number, or (without one) per normalised name and
 * e-mail address; each group becomes one FillData with every open invoice in `facturen` (so the
 * invoice table lists them all) and the invoice with the oldest due date as `factuur`. Browser-safe
 * and pure.
 *
 * Choices written down because the letters depend on them:
 * - When a customer has overdue invoices, invoices that are not due yet are left out of the
 *   reminder (listed in `notYetDue`): a reminder must not ask for money that is not due. A customer
 *   with only invoices not yet due keeps them all (for a step before the due date).
 * - Statutory interest: fill() counts it from one due date on the whole total. With several due
 *   dates that overstates it, so here it is computed per invoice from its own due date (same legal
 *   module, same rates) and passed as `kosten.interest`. The template's interest breakdown is then
 *   left out for that customer (fill() shows none beside a given amount).
 * - Payment reference: the file's structured communication when all the customer's invoices share
 *   it; otherwise (option 'genereer') a valid Belgian one made from the invoice number (one invoice)
 *   or the customer number, and for the Netherlands the invoice numbers as a free reference.
 */
import type { FillData, Jurisdiction } from '../content/schema.ts';
import { normalizeName } from '../lib/normalize-name.ts';
import { interestAndGap } from '../model/compute.ts';
import { singleRatePercent } from '../legal/interest.ts';
import { daysBetween } from '../model/format.ts';
import { makeStructuredCommunication } from '../model/payment-ids.ts';
import type { CellIssue, CustomerType, InvoiceRecord } from './validate.ts';

export interface CustomerInvoice {
  row: number;
  nummer: string;
  datum?: string;
  vervaldatum: string;
  bedrag?: number;
  openstaand: number;
  mededeling?: string;
}

export type ReferenceSource = 'bestand' | 'factuurnummer' | 'klantnummer' | 'facturen' | null;

/** For the overview: where a payment reference came from, in Dutch; null when it came from the file. */
export function referenceNote(group: Pick<CustomerGroup, 'mededelingBron' | 'jurisdictie'>): string | null {
  switch (group.mededelingBron) {
    case 'factuurnummer':
      return 'gestructureerde mededeling gemaakt uit het factuurnummer';
    case 'klantnummer':
      return group.jurisdictie === 'be' ? 'gestructureerde mededeling gemaakt uit het klantnummer' : 'betalingskenmerk: het klantnummer';
    case 'facturen':
      return 'betalingskenmerk: de factuurnummers';
    default:
      return null;
  }
}

export interface CustomerGroup {
  /** Stable id of the customer within one file: use it for per-customer choices (plan overrides). */
  key: string;
  klant: NonNullable<FillData['klant']>;
  /** Every valid address found; klant.email is the first. */
  emails: string[];
  telefoon?: string;
  jurisdictie: Jurisdiction;
  klanttype: CustomerType;
  iban?: string;
  betaallink?: string;
  /** The invoices the message is about, oldest due date first. */
  invoices: CustomerInvoice[];
  /** Open invoices not due yet, left out because others are overdue. */
  notYetDue: CustomerInvoice[];
  oldestDue: string;
  /** Days from the oldest due date to today; negative before it. */
  daysLate: number;
  totalOpen: number;
  mededeling?: string;
  mededelingBron: ReferenceSource;
  /** Source rows (record numbers), every invoice of the customer. */
  rows: number[];
  /** Warnings found while grouping (conflicting names, addresses, countries, invoice numbers). */
  notes: CellIssue[];
  /** Per invoice, the "last reminder sent" cell, when the file has that column (plan.ts reads it). */
  laatsteStap?: string[];
  /** The playbook the file names for this customer (its rows' most common), as written; plan.ts resolves it. */
  draaiboek?: string;
}

export interface GroupOptions {
  /** YYYY-MM-DD: the day the reminders go out. */
  today: string;
  /** Rules for customers whose row names no country. Default 'be'. */
  jurisdiction?: Jurisdiction;
  /** Customer type when the file does not say. Default 'onderneming'. */
  klanttype?: CustomerType;
  /** Keep invoices not due yet in a reminder about overdue ones. Default false. */
  includeNotYetDue?: boolean;
  /** Make a payment reference when the file has none for the customer (see module comment). Default 'genereer'. */
  mededeling?: 'genereer' | 'alleen-bestand';
}

// ---------------------------------------------------------------- keys

/** "K-0427" and "k 0427" are one customer; "000123" and "123" too. */
export function normalizeCustomerNumber(value: string): string {
  const compact = value.toUpperCase().replace(/[\s.]+/g, '');
  return /^\d+$/.test(compact) ? compact.replace(/^0+(?=\d)/, '') : compact;
}

/** The value most rows agree on; ties go to the first row. */
function mostCommon<T>(values: readonly (T | undefined)[]): T | undefined {
  const counts = new Map<T, number>();
  let best: T | undefined;
  let bestCount = 0;
  for (const v of values) {
    if (v === undefined) continue;
    const n = (counts.get(v) ?? 0) + 1;
    counts.set(v, n);
    if (n > bestCount) [best, bestCount] = [v, n];
  }
  return best;
}

/** The key of a row with a customer number ("nr:…"), or null. */
export function numberKey(record: Pick<InvoiceRecord, 'klantnummer'>): string | null {
  const number = record.klantnummer ? normalizeCustomerNumber(record.klantnummer) : '';
  return number ? `nr:${number}` : null;
}

/** What a row without a customer number becomes: part of a numbered customer, or of a customer by name and address. */
export interface NameKeys {
  /** Rows that join the one numbered customer of their name: after that customer's own rows, in file order. */
  joins: { record: InvoiceRecord; key: string }[];
  /** Customers by name and address, in the order grouping makes them; `records` in the group's own order. */
  groups: { key: string; records: InvoiceRecord[] }[];
}

/**
 * Keys for the rows without a customer number (in file order), given every numbered key per
 * normalised name in the file. Only rows of the same name meet here, so a caller may do this one
 * name at a time (the command line does, per bucket of names on disk).
 */
export function nameKeys(withoutNumber: readonly InvoiceRecord[], numberByName: ReadonlyMap<string, ReadonlySet<string>>): NameKeys {
  const joins: NameKeys['joins'] = [];
  // A row without a number joins the numbered customer of the same name, when there is exactly one.
  const byName = new Map<string, Map<string, InvoiceRecord[]>>();
  for (const r of withoutNumber) {
    const name = normalizeName(r.naam);
    const numbered = numberByName.get(name);
    if (numbered?.size === 1) {
      joins.push({ record: r, key: [...numbered][0]! });
      continue;
    }
    const email = (r.emails[0] ?? '').toLowerCase();
    const emails = byName.get(name) ?? byName.set(name, new Map()).get(name)!;
    (emails.get(email) ?? emails.set(email, []).get(email)!).push(r);
  }
  const groups: NameKeys['groups'] = [];
  for (const [name, emails] of byName) {
    // Rows without an address join the one address this name has, if it has exactly one.
    const noEmail = emails.get('');
    const addressed = [...emails.keys()].filter((e) => e !== '');
    if (noEmail && addressed.length === 1) {
      emails.get(addressed[0]!)!.push(...noEmail);
      emails.delete('');
    }
    for (const [email, list] of emails) groups.push({ key: `naam:${name}|${email}`, records: list });
  }
  return { joins, groups };
}

function bucketRecords(records: readonly InvoiceRecord[]): { key: string; records: InvoiceRecord[] }[] {
  const byNumber = new Map<string, InvoiceRecord[]>();
  const numberByName = new Map<string, Set<string>>();
  const withoutNumber: InvoiceRecord[] = [];
  for (const r of records) {
    const key = numberKey(r);
    if (key) {
      (byNumber.get(key) ?? byNumber.set(key, []).get(key)!).push(r);
      const name = normalizeName(r.naam);
      (numberByName.get(name) ?? numberByName.set(name, new Set()).get(name)!).add(key);
    } else withoutNumber.push(r);
  }
  const { joins, groups } = nameKeys(withoutNumber, numberByName);
  for (const { record, key } of joins) byNumber.get(key)!.push(record);
  return [...[...byNumber].map(([key, list]) => ({ key, records: list })), ...groups];
}

// ---------------------------------------------------------------- references

const digitsOf = (s: string | undefined) => (s ?? '').replace(/\D/g, '');

function chooseReference(
  invoices: readonly CustomerInvoice[],
  klantnummer: string | undefined,
  jurisdiction: Jurisdiction,
  mode: GroupOptions['mededeling'],
): { mededeling?: string; bron: ReferenceSource } {
  const given = new Set(invoices.map((i) => i.mededeling));
  if (given.size === 1 && invoices[0]?.mededeling) return { mededeling: invoices[0].mededeling, bron: 'bestand' };
  if (mode === 'alleen-bestand') return { bron: null };
  if (jurisdiction === 'be') {
    if (invoices.length === 1 && digitsOf(invoices[0]!.nummer)) return { mededeling: makeStructuredCommunication(digitsOf(invoices[0]!.nummer)), bron: 'factuurnummer' };
    if (digitsOf(klantnummer)) return { mededeling: makeStructuredCommunication(digitsOf(klantnummer)), bron: 'klantnummer' };
    return { bron: null };
  }
  const numbers = invoices.map((i) => i.nummer);
  const text = `${numbers.length === 1 ? 'Factuur' : 'Facturen'} ${numbers.join(', ')}`;
  if (text.length <= 40) return { mededeling: text, bron: 'facturen' };
  if (klantnummer && `Klantnummer ${klantnummer}`.length <= 40) return { mededeling: `Klantnummer ${klantnummer}`, bron: 'klantnummer' };
  return { bron: null };
}

// ---------------------------------------------------------------- grouping

const byDue = (a: CustomerInvoice, b: CustomerInvoice) => (a.vervaldatum < b.vervaldatum ? -1 : a.vervaldatum > b.vervaldatum ? 1 : a.row - b.row);

function note(row: number, field: CellIssue['field'], message: string, value = ''): CellIssue {
  return { row, field, column: null, columnIndex: null, value, severity: 'waarschuwing', message };
}

/** One customer from its rows (in grouping's order: they decide ties between disagreeing rows). */
export function makeGroup(key: string, records: InvoiceRecord[], options: GroupOptions): CustomerGroup {
  const notes: CellIssue[] = [];
  const first = records[0]!;
  // Customer details: the value most rows agree on, with a warning when rows disagree.
  /** `what`: "een andere naam", "een ander adres" (Dutch gender). */
  const pick = <T extends string>(field: CellIssue['field'], what: string, get: (r: InvoiceRecord) => T | undefined, show: (v: T) => string = String): T | undefined => {
    const value = mostCommon(records.map(get));
    const others = [...new Set(records.map(get).filter((v): v is T => v !== undefined && v !== value))];
    if (value !== undefined && others.length) {
      const row = records.find((r) => get(r) !== undefined && get(r) !== value)!.row;
      notes.push(note(row, field, `${what} dan op de andere rijen van deze klant; gebruikt: ${show(value)}`, show(others[0]!)));
    }
    return value;
  };
  const naam = pick('klantnaam', 'een andere naam', (r) => r.naam) ?? first.naam;
  const klantnummer = mostCommon(records.map((r) => r.klantnummer));
  const contactpersoon = pick('contactpersoon', 'een andere contactpersoon', (r) => r.contactpersoon);
  const addressOf = (r: InvoiceRecord) => (r.straat || r.postcode || r.gemeente ? JSON.stringify([r.straat ?? '', r.postcode ?? '', r.gemeente ?? '']) : undefined);
  const showAddress = (json: string) => {
    const [s, p, g] = JSON.parse(json) as [string, string, string];
    return [s, [p, g].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  };
  const address = pick('straat', 'een ander adres', addressOf, showAddress);
  const [straat, postcode, gemeente] = address ? (JSON.parse(address) as [string, string, string]) : ['', '', ''];
  const land = pick('land', 'een ander land', (r) => r.land, (v) => v.toUpperCase());
  const klanttype = pick('klanttype', 'een andere soort klant', (r) => r.klanttype);
  const draaiboek = pick('draaiboek', 'een ander draaiboek', (r) => r.draaiboek);
  const telefoon = mostCommon(records.map((r) => r.telefoon));
  const iban = mostCommon(records.map((r) => r.iban));
  // Addresses: the most common first address first, then every other valid one.
  const firstEmail = mostCommon(records.map((r) => r.emails[0]?.toLowerCase()));
  const emails = [...new Set([...(firstEmail ? [firstEmail] : []), ...records.flatMap((r) => r.emails.map((e) => e.toLowerCase()))])];
  const links = new Set(records.map((r) => r.betaallink));

  const all: CustomerInvoice[] = records
    .map((r) => {
      const inv: CustomerInvoice = { row: r.row, nummer: r.nummer, vervaldatum: r.vervaldatum, openstaand: r.openstaand };
      if (r.datum) inv.datum = r.datum;
      if (r.bedrag !== undefined) inv.bedrag = r.bedrag;
      if (r.mededeling) inv.mededeling = r.mededeling;
      return inv;
    })
    .sort(byDue);
  const overdue = all.filter((i) => i.vervaldatum < options.today);
  const keepAll = options.includeNotYetDue || overdue.length === 0;
  const invoices = keepAll ? all : overdue;
  const notYetDue = keepAll ? [] : all.filter((i) => i.vervaldatum >= options.today);
  const oldestDue = invoices[0]!.vervaldatum;
  const jurisdictie = land ?? options.jurisdiction ?? 'be';
  const reference = chooseReference(invoices, klantnummer, jurisdictie, options.mededeling ?? 'genereer');

  const klant: NonNullable<FillData['klant']> = { naam };
  if (contactpersoon) klant.contactpersoon = contactpersoon;
  if (straat) klant.straat = straat;
  if (postcode) klant.postcode = postcode;
  if (gemeente) klant.gemeente = gemeente;
  if (emails[0]) klant.email = emails[0];
  if (klantnummer) klant.klantnummer = klantnummer;

  const group: CustomerGroup = {
    key,
    klant,
    emails,
    jurisdictie,
    klanttype: klanttype ?? options.klanttype ?? 'onderneming',
    invoices,
    notYetDue,
    oldestDue,
    daysLate: daysBetween(oldestDue, options.today),
    totalOpen: invoices.reduce((sum, i) => sum + i.openstaand, 0),
    mededelingBron: reference.bron,
    rows: records.map((r) => r.row).sort((a, b) => a - b),
    notes,
  };
  if (telefoon) group.telefoon = telefoon;
  if (iban) group.iban = iban;
  const sent = invoices.map((i) => records.find((r) => r.row === i.row)!.laatsteStap).filter((v): v is string => v !== undefined);
  if (sent.length) group.laatsteStap = sent;
  if (draaiboek) group.draaiboek = draaiboek;
  if (reference.mededeling) group.mededeling = reference.mededeling;
  // One payment link only makes sense when every invoice has the same one.
  const [link] = links;
  if (links.size === 1 && link) group.betaallink = link;
  return group;
}

/** Generated references to check for sharing: the file's own references are left as they are. */
export const generatedReference = (g: CustomerGroup): string | null => (g.mededeling && g.mededelingBron !== 'bestand' ? g.mededeling : null);

/** A generated reference that `customers` customers would share is not used. */
export function dropSharedReference(g: CustomerGroup, customers: number): void {
  g.notes.push(note(g.rows[0]!, 'mededeling', `de gemaakte mededeling ${g.mededeling} zou voor ${customers} klanten gelden; niet gebruikt`));
  delete g.mededeling;
  g.mededelingBron = null;
}

/** How invoice numbers are compared across customers. */
export const invoiceNumberKey = (nummer: string): string => nummer.trim().toLowerCase();

/** The group's invoice numbers to compare, each once, with the first invoice that has it. */
export function invoiceNumbers(g: CustomerGroup): Map<string, CustomerInvoice> {
  const out = new Map<string, CustomerInvoice>();
  for (const i of [...g.invoices, ...g.notYetDue]) if (!out.has(invoiceNumberKey(i.nummer))) out.set(invoiceNumberKey(i.nummer), i);
  return out;
}

/** One invoice number for two customers: a typo or a merged export; either way one of the letters is wrong. `names`: every customer with it, in grouping's order. */
export function noteSharedInvoice(g: CustomerGroup, invoice: Pick<CustomerInvoice, 'row' | 'nummer'>, names: readonly string[]): void {
  const others = names.filter((n) => n !== g.klant.naam);
  g.notes.push(note(invoice.row, 'factuurnummer', `factuurnummer ${invoice.nummer} staat ook bij ${others.join(', ') || 'een andere klant'}; kijk na welke klant deze factuur echt kreeg`, invoice.nummer));
}

const collator = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });
/** The order of customers in a run: by name, then key. */
export const compareGroups = (a: Pick<CustomerGroup, 'klant' | 'key'>, b: Pick<CustomerGroup, 'klant' | 'key'>): number =>
  collator.compare(a.klant.naam ?? '', b.klant.naam ?? '') || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** Groups valid invoices per customer, sorted by customer name (then key), so the output order is stable. */
export function groupInvoices(records: readonly InvoiceRecord[], options: GroupOptions): CustomerGroup[] {
  const groups = bucketRecords(records).map(({ key, records: list }) => makeGroup(key, list, options));
  // Two customers may still end up with the same generated reference (e.g. numbers differing only in letters).
  const refs = new Map<string, CustomerGroup[]>();
  for (const g of groups) {
    const ref = generatedReference(g);
    if (ref) (refs.get(ref) ?? refs.set(ref, []).get(ref)!).push(g);
  }
  for (const list of refs.values()) if (list.length > 1) for (const g of list) dropSharedReference(g, list.length);
  const byNumber = new Map<string, { g: CustomerGroup; invoice: CustomerInvoice }[]>();
  for (const g of groups) for (const [nummer, invoice] of invoiceNumbers(g)) (byNumber.get(nummer) ?? byNumber.set(nummer, []).get(nummer)!).push({ g, invoice });
  for (const list of byNumber.values()) {
    if (list.length < 2) continue;
    const names = list.map(({ g }) => g.klant.naam ?? g.key);
    for (const { g, invoice } of list) noteSharedInvoice(g, invoice, names);
  }
  return groups.sort(compareGroups);
}

// ---------------------------------------------------------------- fill data

/** The sender's side of every message: from the page's form. */
export interface BulkSender {
  afzender?: FillData['afzender'];
  ondertekenaar?: FillData['ondertekenaar'];
  /** The sender's defaults; a customer's country (column "land") overrides `jurisdictie`. */
  dossier?: FillData['dossier'];
  /** A general payment page (https) for customers whose rows have no payment link of their own. */
  betaallink?: string;
}

function withoutEmpty<T extends object>(value: T | undefined): T | undefined {
  if (!value) return undefined;
  const entries = Object.entries(value).filter(([, v]) => v !== undefined && v !== null && v !== '');
  return entries.length ? (Object.fromEntries(entries) as T) : undefined;
}

/**
 * Statutory interest per invoice from its own due date (see the module comment). Null when a
 * rate is unknown or nothing applies, so fill() decides as usual.
 */
export function interestPerInvoice(group: CustomerGroup, today: string): { interest: number; interestvoet?: number } | null {
  const dueDates = new Set(group.invoices.map((i) => i.vervaldatum));
  if (dueDates.size < 2 || !group.invoices.some((i) => i.vervaldatum < today)) return null;
  let total = 0;
  const rates = new Set<number | null>();
  for (const inv of group.invoices) {
    if (inv.vervaldatum >= today) continue;
    const data: FillData = { dossier: { jurisdictie: group.jurisdictie, klanttype: group.klanttype }, factuur: { vervaldatum: inv.vervaldatum }, data: { verzending: today } };
    // A Belgian consumer's interest needs the first reminder's date, which a CSV does not hold: fill() says so.
    const { interest: result, gap } = interestAndGap(data, inv.openstaand);
    if (gap === 'needs-first-reminder') return null;
    if (!result) continue; // interest starts after today
    if (result.totalCents === null) return null;
    total += result.totalCents;
    rates.add(singleRatePercent(result));
  }
  // A rate goes into the letter only when one rate applied to every invoice's whole span.
  const [rate] = rates;
  return rates.size === 1 && rate !== null && rate !== undefined ? { interest: total, interestvoet: rate } : { interest: total };
}

/**
 * One customer's FillData: sender, customer, all open invoices, oldest as `factuur`, today as
 * sending date, and the payment term of the planned step (PlannedCustomer.nieuweTermijn).
 */
export function customerFillData(group: CustomerGroup, sender: BulkSender, today: string, nieuweTermijn?: string): FillData {
  const oldest = group.invoices[0]!;
  const factuur: NonNullable<FillData['factuur']> = { nummer: oldest.nummer, vervaldatum: oldest.vervaldatum, openstaand: oldest.openstaand };
  if (oldest.datum) factuur.datum = oldest.datum;
  if (oldest.bedrag !== undefined) factuur.bedrag = oldest.bedrag;
  const data: FillData = {
    dossier: { ...withoutEmpty(sender.dossier), jurisdictie: group.jurisdictie, klanttype: group.klanttype },
    klant: group.klant,
    factuur,
    facturen: group.invoices.map((i) => {
      const row: NonNullable<FillData['facturen']>[number] = { nummer: i.nummer, vervaldatum: i.vervaldatum, openstaand: i.openstaand };
      if (i.datum) row.datum = i.datum;
      if (i.bedrag !== undefined) row.bedrag = i.bedrag;
      return row;
    }),
    data: nieuweTermijn ? { verzending: today, nieuweTermijn } : { verzending: today },
  };
  const afzender = withoutEmpty(sender.afzender);
  if (afzender) data.afzender = afzender;
  const ondertekenaar = withoutEmpty(sender.ondertekenaar);
  if (ondertekenaar) data.ondertekenaar = ondertekenaar;
  const generalLink = sender.betaallink && /^https:\/\/\S+$/i.test(sender.betaallink) ? sender.betaallink : undefined;
  const betaling = withoutEmpty({ mededeling: group.mededeling, link: group.betaallink ?? generalLink });
  if (betaling) data.betaling = betaling;
  const interest = interestPerInvoice(group, today);
  if (interest) data.kosten = interest;
  return data;
}
