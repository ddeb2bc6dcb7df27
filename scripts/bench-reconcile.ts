/**
 * Bench figure for reconcile (issue 15): 10,000 generated UBL invoices and 50,000 generated
 * statement entries (25,000 CODA movements + 25,000 camt.053 entries), read and matched as the
 * page's worker does. A figure, not a test. Alone: node scripts/bench-reconcile.ts
 */
import { strToU8 } from 'fflate';
import { makeStructuredCommunication } from '../src/model/payment-ids.ts';
import { readFiles, type InputFile } from '../src/reconcile/files.ts';
import { reconcile } from '../src/reconcile/match.ts';
import { bulkCsv, openInvoiceRecords } from '../src/reconcile/reminders.ts';
import { camtFile, codaFile, latin1, ublDocument, type CamtEntry, type CodaMovement } from '../tests/fixtures/reconcile/make.ts';

export interface ReconcileBench {
  invoices: number;
  entries: number;
  inputMegabytes: number;
  readInvoicesMs: number;
  readStatementsMs: number;
  matchMs: number;
  toBulkMs: number;
  totalMs: number;
  heapMegabytes: number;
  paid: number;
  partly: number;
  open: number;
  unmatchedPayments: number;
}

/** A small seeded generator, so every run reads the same files. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function benchReconcile(invoiceCount = 10_000, entryCount = 50_000): ReconcileBench {
  const random = rng(15);
  const customers = Array.from({ length: 800 }, (_, i) => ({ name: `Klant ${i} BV`, id: String(400000000 + i * 7).padStart(10, '0'), iban: `BE${String(10 + (i % 89)).padStart(2, '0')}0012${String(i).padStart(8, '0')}` }));
  const invoices: { nummer: string; ogm: string; cents: number; customer: (typeof customers)[number] }[] = [];
  const invoiceFiles: InputFile[] = [];
  for (let i = 0; i < invoiceCount; i++) {
    const customer = customers[Math.floor(random() * customers.length)]!;
    const cents = 1000 + Math.floor(random() * 500_000);
    const nummer = `F2026-${String(i + 1).padStart(5, '0')}`;
    const ogm = makeStructuredCommunication(`26${String(i + 1).padStart(8, '0')}`).replace(/\D/g, '');
    invoices.push({ nummer, ogm, cents, customer });
    const xml = ublDocument({ id: nummer, issueDate: '2026-09-01', dueDate: '2026-10-01', buyer: { name: customer.name, street: 'Kerkstraat', building: '1', city: 'Gent', zip: '9000', country: 'BE', endpoint: { scheme: '0208', id: customer.id }, email: 'boekhouding@klant.example' }, payable: (cents / 100).toFixed(2), paymentId: ogm, iban: 'BE68539007547034' });
    invoiceFiles.push({ name: `${nummer}.xml`, bytes: strToU8(xml) });
  }
  // Payments: most by OGM, some by invoice number, some by amount and name, some partial, some unknown.
  const pick = () => invoices[Math.floor(random() * invoices.length)]!;
  const payment = (): { cents: number; ogm?: string; text?: string; name: string; iban: string } => {
    const r = random();
    const inv = pick();
    if (r < 0.55) return { cents: inv.cents, ogm: inv.ogm, name: inv.customer.name, iban: inv.customer.iban };
    if (r < 0.7) return { cents: inv.cents, text: `factuur ${inv.nummer}`, name: inv.customer.name, iban: inv.customer.iban };
    if (r < 0.8) return { cents: inv.cents, text: 'betaling', name: inv.customer.name, iban: inv.customer.iban };
    if (r < 0.85) return { cents: Math.floor(inv.cents / 2), ogm: inv.ogm, name: inv.customer.name, iban: inv.customer.iban };
    return { cents: 100 + Math.floor(random() * 100_000), text: `ref ${Math.floor(random() * 1e9)}`, name: `Onbekend ${Math.floor(random() * 1000)}`, iban: 'BE43068999999501' };
  };
  const half = Math.floor(entryCount / 2);
  const movements: CodaMovement[] = Array.from({ length: half }, (_, i) => {
    const p = payment();
    const m: CodaMovement = { cents: p.cents, credit: true, date: '151026', name: p.name, iban: p.iban, ref: `B${String(i).padStart(12, '0')}` };
    if (p.ogm) m.ogm = p.ogm;
    if (p.text) m.text = p.text;
    return m;
  });
  const entries: CamtEntry[] = Array.from({ length: entryCount - half }, (_, i) => {
    const p = payment();
    const e: CamtEntry = { ref: `N${i}`, amount: (p.cents / 100).toFixed(2), credit: true, date: '2026-10-20', name: p.name, iban: p.iban };
    if (p.ogm) e.scor = p.ogm;
    if (p.text) e.ustrd = p.text;
    return e;
  });
  const statementFiles: InputFile[] = [
    { name: 'groot.cod', bytes: latin1(codaFile({ account: 'BE68539007547034', holder: 'ATELIER TIJDIG BV', date: '311026', seq: 1, movements })) },
    { name: 'groot-camt053.xml', bytes: strToU8(camtFile({ account: 'BE68539007547034', stmtId: 'BENCH', seq: 2, entries })) },
  ];
  const inputBytes = [...invoiceFiles, ...statementFiles].reduce((s, f) => s + f.bytes.length, 0);

  const t0 = performance.now();
  const readInvoices = readFiles(invoiceFiles);
  const t1 = performance.now();
  const readStatements = readFiles(statementFiles);
  const t2 = performance.now();
  const rec = reconcile(readInvoices.invoices, readStatements.payments);
  const t3 = performance.now();
  bulkCsv(openInvoiceRecords(rec).records);
  const t4 = performance.now();
  const heap = process.memoryUsage().heapUsed;
  if (readInvoices.invoices.length !== invoiceCount || readStatements.payments.length !== entryCount) throw new Error(`bench: ${readInvoices.invoices.length} facturen en ${readStatements.payments.length} betalingen gelezen`);
  return {
    invoices: invoiceCount,
    entries: entryCount,
    inputMegabytes: inputBytes / 1024 / 1024,
    readInvoicesMs: t1 - t0,
    readStatementsMs: t2 - t1,
    matchMs: t3 - t2,
    toBulkMs: t4 - t3,
    totalMs: t4 - t0,
    heapMegabytes: heap / 1024 / 1024,
    paid: rec.counts.betaald,
    partly: rec.counts.deels,
    open: rec.counts.open,
    unmatchedPayments: rec.counts.betalingenOnbekend,
  };
}

export function printReconcile(b: ReconcileBench): void {
  console.log(`  reconcile: ${b.invoices.toLocaleString('en')} UBL invoices + ${b.entries.toLocaleString('en')} statement entries (${b.inputMegabytes.toFixed(0)} MB) in ${(b.totalMs / 1000).toFixed(2)} s (target <= 3 s)`);
  console.log(`    read invoices ${b.readInvoicesMs.toFixed(0)} ms, read CODA + camt ${b.readStatementsMs.toFixed(0)} ms, match ${b.matchMs.toFixed(0)} ms, open invoices to bulk CSV ${b.toBulkMs.toFixed(0)} ms; heap ${b.heapMegabytes.toFixed(0)} MB`);
  console.log(`    result: ${b.paid} paid, ${b.partly} partly paid, ${b.open} open; ${b.unmatchedPayments} payments without invoice`);
}

if (import.meta.url === `file://${process.argv[1]}`) printReconcile(benchReconcile());
