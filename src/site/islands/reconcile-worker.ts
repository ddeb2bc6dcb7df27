/**
 * The reconcile page's Web Worker: reads the files, matches and makes the lists, so a large
 * statement never blocks the page. Keeps the files read and the user's decisions; each message
 * answers with the whole picture again (without the PDFs' bytes, which stay here).
 */
import { zipSync } from 'fflate';
import { clearHandedOffPdfs, handOffPdfs, type HandedPdf } from '../lib/reconcile-pdfs.ts';
import { ageing, ageingCsv, bulkCsv, customerBehaviour, NO_DECISIONS, openInvoiceRecords, openItemsCsv, readFiles, reconcile, unmatchedPaymentsCsv, type Decisions, type FileMessage, type FileSummary, type InputFile, type Ageing, type CustomerBehaviour, type Invoice, type Payment, type Reconciliation } from '../../reconcile/index.ts';

export type CsvKind = 'open' | 'betalingen' | 'bulk' | 'ouderdom';

export type WorkerRequest =
  | { type: 'add'; files: InputFile[] }
  | { type: 'clear' }
  | { type: 'decide'; decisions: Decisions }
  | { type: 'csv'; kind: CsvKind; playbooks?: Record<string, string> }
  | { type: 'pdfs' };

export type WorkerResponse =
  | { type: 'result'; rec: Reconciliation; files: FileSummary[]; messages: FileMessage[]; decisions: Decisions; ageing: Ageing; behaviour: CustomerBehaviour[]; ms: number }
  | { type: 'csv'; kind: CsvKind; csv: string; count: number }
  | { type: 'pdfs'; zip: Uint8Array; count: number; missing: number }
  | { type: 'error'; message: string };

let invoices: Invoice[] = [];
let payments: Payment[] = [];
let files: FileSummary[] = [];
let messages: FileMessage[] = [];
let decisions: Decisions = NO_DECISIONS;
let rec: Reconciliation = reconcile([], []);

/** The user's own calendar day, as the page shows dates. */
function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

const scope = self as unknown as { postMessage(message: WorkerResponse): void; onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null };
/** The PDFs of the invoices handed to bulk mode, with what identifies each invoice there. */
function pdfsToHandOff(open: ReturnType<typeof openInvoiceRecords>): Map<string, HandedPdf> {
  const out = new Map<string, HandedPdf>();
  for (const r of open.records) {
    const pdf = open.pdfs.get(r.nummer);
    if (pdf) out.set(r.nummer, { naam: pdf.naam, bytes: pdf.bytes, openstaand: r.openstaand, klant: r.naam });
  }
  return out;
}

const stripPdf = (i: Invoice): Invoice => (i.pdf ? { ...i, pdf: { ...i.pdf, bytes: new Uint8Array() } } : i);

function result(started: number): void {
  rec = reconcile(invoices, payments, decisions);
  const light: Reconciliation = { ...rec, invoices: rec.invoices.map((s) => ({ ...s, invoice: stripPdf(s.invoice) })), creditNotes: rec.creditNotes.map((c) => ({ ...c, invoice: stripPdf(c.invoice) })) };
  scope.postMessage({ type: 'result', rec: light, files, messages, decisions, ageing: ageing(rec, today()), behaviour: customerBehaviour(rec, today()), ms: Math.round(performance.now() - started) });
}

scope.onmessage = (event) => {
  const started = performance.now();
  const msg = event.data;
  try {
    if (msg.type === 'add') {
      // The payments read before go along, so overlaps between old and new statements count once (any format).
      const read = readFiles(msg.files, payments);
      payments.push(...read.payments);
      const known = new Set(invoices.map((i) => `${i.soort}|${i.klantSleutel}|${i.nummer}`));
      const again: FileMessage[] = [];
      for (const i of read.invoices) {
        if (!known.has(`${i.soort}|${i.klantSleutel}|${i.nummer}`)) invoices.push(i);
        else again.push({ bestand: i.bestand, ernst: 'let op', bericht: `${i.soort} ${i.nummer} was al gelezen en telt maar één keer mee` });
      }
      // One line per file and remark, however many movements it concerns.
      const unique = [...new Map(again.map((m) => [`${m.bestand}|${m.bericht}`, m])).values()];
      files = [...files, ...read.files];
      messages = [...messages, ...read.messages, ...unique];
      result(started);
    } else if (msg.type === 'clear') {
      [invoices, payments, files, messages, decisions] = [[], [], [], [], NO_DECISIONS];
      void clearHandedOffPdfs();
      result(started);
    } else if (msg.type === 'decide') {
      decisions = msg.decisions;
      result(started);
    } else if (msg.type === 'pdfs') {
      // The original PDFs of the open invoices, one folder per customer, to attach to the reminders.
      const open = rec.invoices.filter((s) => s.openstaand > 0);
      const files: Record<string, Uint8Array> = {};
      const safe = (t: string) => t.replace(/[^\p{L}\p{N} ._-]+/gu, '_').trim().slice(0, 80) || 'klant';
      for (const s of open) if (s.invoice.pdf) files[`${safe(s.invoice.klant.naam)}/${safe(s.invoice.nummer)}.pdf`] = s.invoice.pdf.bytes;
      const zip = zipSync(files, { level: 0, mtime: new Date('2026-01-01T00:00:00Z') });
      scope.postMessage({ type: 'pdfs', zip, count: Object.keys(files).length, missing: open.length - Object.keys(files).length });
    } else if (msg.type === 'csv') {
      if (msg.kind === 'bulk') {
        const open = openInvoiceRecords(rec, msg.playbooks ? { playbooks: msg.playbooks } : {});
        // The PDFs are stored before the page gets the CSV and moves on to bulk mode.
        void handOffPdfs(pdfsToHandOff(open)).then(() => scope.postMessage({ type: 'csv', kind: 'bulk', csv: bulkCsv(open.records), count: open.records.length }));
      } else if (msg.kind === 'open') {
        scope.postMessage({ type: 'csv', kind: msg.kind, csv: openItemsCsv(rec), count: rec.invoices.filter((s) => s.openstaand > 0).length });
      } else if (msg.kind === 'ouderdom') {
        const a = ageing(rec, today());
        scope.postMessage({ type: 'csv', kind: msg.kind, csv: ageingCsv(a), count: a.rows.length });
      } else {
        scope.postMessage({ type: 'csv', kind: msg.kind, csv: unmatchedPaymentsCsv(rec), count: rec.payments.filter((p) => p.rest > 0).length });
      }
    }
  } catch (error) {
    scope.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
