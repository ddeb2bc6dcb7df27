/**
 * From the reconciliation to reminders and lists: the invoices still open become the rows bulk
 * mode takes (InvoiceRecord, and a CSV with bulk mode's own column names, so they go through the
 * same validation, grouping and planning), and two lists for a spreadsheet: open items and
 * payments without an invoice. Cells are quoted and formula-safe (export/csv.ts).
 */
import type { Jurisdiction } from '../content/schema.ts';
import type { InvoiceRecord } from '../bulk/validate.ts';
import { toCsv, type CsvFlavour } from '../export/csv.ts';
import { looksStructured } from '../model/payment-ids.ts';
import type { InvoiceStatus, Reconciliation } from './match.ts';
import { addDaysIso } from './values.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[A-Za-z]{2,}$/;
const COUNTRY: Record<string, Jurisdiction> = { BE: 'be', NL: 'nl' };

export interface OpenRecords {
  records: InvoiceRecord[];
  /** Open invoices that could not become a row, with the reason in Dutch. */
  skipped: { nummer: string; reden: string }[];
  /** The original PDF per invoice number, to attach beside the reminder. */
  pdfs: Map<string, { naam: string; bytes: Uint8Array }>;
}

/** The structured communication as bulk mode reads it back ("090/9337/55493": no leading '+', which a spreadsheet would take for a formula). */
const ogmCell = (digits: string) => `${digits.slice(0, 3)}/${digits.slice(3, 7)}/${digits.slice(7)}`;

/** `playbooks`: per customer (klantSleutel) the playbook bulk mode uses for it (from its payment behaviour). */
export function openInvoiceRecords(rec: Reconciliation, options: { defaultTermDays?: number; playbooks?: Readonly<Record<string, string>> } = {}): OpenRecords {
  const records: InvoiceRecord[] = [];
  const skipped: OpenRecords['skipped'] = [];
  const pdfs: OpenRecords['pdfs'] = new Map();
  const open = rec.invoices.filter((s) => s.openstaand > 0);
  open.forEach((s: InvoiceStatus, i) => {
    const inv = s.invoice;
    const vervaldatum = inv.vervaldatum ?? (inv.datum ? addDaysIso(inv.datum, options.defaultTermDays ?? 30) : undefined);
    if (!vervaldatum) return skipped.push({ nummer: inv.nummer, reden: 'geen vervaldatum en geen factuurdatum' });
    if (!inv.klant.naam) return skipped.push({ nummer: inv.nummer, reden: 'de naam van de klant ontbreekt' });
    const k = inv.klant;
    const r: InvoiceRecord = { row: i + 2, nummer: inv.nummer, vervaldatum, bedrag: inv.bedrag, openstaand: s.openstaand, naam: k.naam, emails: k.email && EMAIL.test(k.email) ? [k.email] : [], klanttype: 'onderneming' };
    if (inv.datum) r.datum = inv.datum;
    if (inv.klantSleutel.startsWith('nr:')) r.klantnummer = inv.klantSleutel.slice(3);
    if (k.contactpersoon) r.contactpersoon = k.contactpersoon;
    if (k.telefoon) r.telefoon = k.telefoon;
    if (k.straat) r.straat = k.straat;
    if (k.postcode) r.postcode = k.postcode;
    if (k.gemeente) r.gemeente = k.gemeente;
    const land = k.land ? COUNTRY[k.land] : undefined;
    if (land) r.land = land;
    const draaiboek = options.playbooks?.[inv.klantSleutel];
    if (draaiboek) r.draaiboek = draaiboek;
    if (inv.ogm) r.mededeling = `+++${ogmCell(inv.ogm)}+++`;
    // A structured communication with wrong check digits is not repeated in a reminder.
    else if (inv.betaalReferentie && !looksStructured(inv.betaalReferentie)) r.mededeling = inv.betaalReferentie;
    records.push(r);
    if (inv.pdf) pdfs.set(inv.nummer, inv.pdf);
  });
  return { records, skipped, pdfs };
}

const cents = (n: number, flavour: CsvFlavour) => {
  const s = (n / 100).toFixed(2);
  return flavour === 'excel-nl' ? s.replace('.', ',') : s;
};

/** Bulk mode's CSV: its own column names, so the mapping is found without help. */
export function bulkCsv(records: readonly InvoiceRecord[]): string {
  const head = ['Factuurnummer', 'Factuurdatum', 'Vervaldatum', 'Factuurbedrag', 'Openstaand', 'Klantnummer', 'Klantnaam', 'Contactpersoon', 'E-mail', 'Telefoon', 'Straat', 'Postcode', 'Gemeente', 'Land', 'Soort klant', 'Mededeling', 'Draaiboek'];
  const rows = records.map((r) => [
    r.nummer,
    r.datum ?? '',
    r.vervaldatum,
    r.bedrag === undefined ? '' : cents(r.bedrag, 'excel-nl'),
    cents(r.openstaand, 'excel-nl'),
    r.klantnummer ?? '',
    r.naam,
    r.contactpersoon ?? '',
    r.emails[0] ?? '',
    r.telefoon ?? '',
    r.straat ?? '',
    r.postcode ?? '',
    r.gemeente ?? '',
    r.land?.toUpperCase() ?? '',
    r.klanttype ?? '',
    r.mededeling?.replace(/^\+{3}|\+{3}$/g, '') ?? '',
    r.draaiboek ?? '',
  ]);
  return toCsv([head, ...rows], 'excel-nl');
}

/** Every invoice with its status, what was paid or credited, what is open and why. */
export function openItemsCsv(rec: Reconciliation, flavour: CsvFlavour = 'excel-nl', onlyOpen = true): string {
  const head = ['Factuurnummer', 'Klant', 'Klantnummer', 'Factuurdatum', 'Vervaldatum', 'Valuta', 'Factuurbedrag', 'Betaald', 'Gecrediteerd', 'Openstaand', 'Status', 'Gekoppeld op basis van'];
  const rows = rec.invoices
    .filter((s) => !onlyOpen || s.openstaand > 0)
    .map((s) => [
      s.invoice.nummer,
      s.invoice.klant.naam,
      s.invoice.klant.nummer ?? '',
      s.invoice.datum ?? '',
      s.invoice.vervaldatum ?? '',
      s.invoice.valuta,
      cents(s.invoice.bedrag, flavour),
      cents(s.betaald, flavour),
      cents(s.gecrediteerd, flavour),
      cents(s.openstaand, flavour),
      s.status,
      s.allocations.map((a) => `${a.reden} (${a.zekerheid})`).join(' | '),
    ]);
  return toCsv([head, ...rows], flavour);
}

/** Money in that is not (or not wholly) applied to an invoice. */
export function unmatchedPaymentsCsv(rec: Reconciliation, flavour: CsvFlavour = 'excel-nl'): string {
  const head = ['Datum', 'Valutadatum', 'Rekening', 'Tegenpartij', 'Rekening tegenpartij', 'Valuta', 'Bedrag', 'Niet toegewezen', 'Mededeling', 'Bestand', 'Suggesties'];
  const rows = rec.payments
    .filter((p) => p.rest > 0)
    .map((p) => [
      p.payment.datum,
      p.payment.valutadatum ?? '',
      p.payment.rekening,
      p.payment.tegenpartij ?? '',
      p.payment.tegenrekening ?? '',
      p.payment.valuta,
      cents(p.payment.bedrag, flavour),
      cents(p.rest, flavour),
      p.payment.ogm ? `OGM ${ogmCell(p.payment.ogm)}` : [p.payment.ongeldigeOgm ? `${p.payment.ongeldigeOgm} (gestructureerde mededeling met een fout controlegetal)` : '', p.payment.mededeling].filter(Boolean).join(' '),
      p.payment.bestand,
      p.suggesties.map((s) => s.reden).join(' | '),
    ]);
  return toCsv([head, ...rows], flavour);
}
