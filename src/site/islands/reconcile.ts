/**
 * The reconcile page's island (/afletteren/): files in (input or drop, many at once), the work in
 * a Web Worker, the result as tables with the reason of every match, confirm / undo / match by
 * hand, the lists as CSV and the hand-over of the open invoices to bulk mode. Nothing leaves the
 * browser. One small controller per part of the page, sharing one state.
 */
import { formatMoney } from '../../model/format.ts';
import { confirm, matchByHand, NO_DECISIONS, undo, type Decisions } from '../../reconcile/match.ts';
import type { InputFile } from '../../reconcile/files.ts';
import { handOff } from '../lib/reconcile-handoff.ts';
import { readJsonScript } from '../lib/json-script.ts';
import type { CalcModel } from '../lib/segment-calculator.ts';
import { playbooksPerCustomer } from '../lib/reconcile-segments.ts';
import type { CsvKind, WorkerRequest, WorkerResponse } from './reconcile-worker.ts';
import { dropZone, h } from '../lib/element.ts';
import { MAX_ROWS, invoiceRow, paymentRow, plural, table } from './reconcile-tables.ts';
import { renderAgeing, renderBehaviour } from './reconcile-overview.ts';
import { saveFile } from '../lib/save-file.ts';

type Result = Extract<WorkerResponse, { type: 'result' }>;
type CsvReply = Extract<WorkerResponse, { type: 'csv' }>;
type Filter = 'open' | 'alle' | 'betaald';

const MAX_TOTAL_BYTES = 300 * 1024 * 1024;

/** What the controllers share. */
interface Page {
  root: HTMLElement;
  $: <T extends Element>(selector: string) => T;
  say(message: string): void;
  send(message: WorkerRequest): void;
  model: CalcModel;
  /** The user's choice of segment per customer, over the suggestion. */
  segmentChoice: Map<string, string>;
  decisions: Decisions;
  last: Result | null;
  focusAfter: string | null;
  busy: boolean;
  setBusy(busy: boolean): void;
}

/** The status line: a new text node each time, so screen readers announce a repeated message too. */
function speaker(status: HTMLElement): (message: string) => void {
  return (message) => {
    status.textContent = '';
    window.setTimeout(() => (status.textContent = message), 30);
  };
}

/** Answers from the worker: a result to draw, a CSV someone waits for, the PDFs' zip, an error. */
function workerReplies(page: Page, worker: Worker, draw: () => void, pendingCsv: Map<string, (r: CsvReply) => void>): void {
  worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
    const msg = event.data;
    page.setBusy(false);
    if (msg.type === 'error') {
      page.say(`Er ging iets mis bij het lezen: ${msg.message}. Probeer het opnieuw of laad de pagina opnieuw.`);
      console.warn('Tijdig: afletteren mislukt', msg.message);
    } else if (msg.type === 'pdfs') {
      if (!msg.count) return page.say('Geen enkele open factuur had een PDF in haar XML-bestand.');
      saveFile(new Blob([msg.zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), 'originele-facturen-open.zip');
      page.say(`originele-facturen-open.zip is gedownload: ${plural(msg.count, 'PDF', "PDF's")}${msg.missing ? `; ${plural(msg.missing, 'open factuur had', 'open facturen hadden')} geen PDF` : ''}.`);
    } else if (msg.type === 'csv') {
      pendingCsv.get(msg.kind)?.(msg);
      pendingCsv.delete(msg.kind);
    } else {
      page.last = msg;
      page.decisions = msg.decisions;
      draw();
    }
  };
  worker.onerror = () => {
    page.setBusy(false);
    page.say('De rekenhulp van deze pagina kon niet starten. Laad de pagina opnieuw.');
  };
}

function filesIn(page: Page): void {
  const input = page.$<HTMLInputElement>('#rc-files');
  async function addFiles(list: FileList | File[]): Promise<void> {
    const chosen = [...list];
    if (!chosen.length) return;
    const total = chosen.reduce((s, f) => s + f.size, 0);
    if (total > MAX_TOTAL_BYTES) return page.say(`Samen zijn deze bestanden ${Math.round(total / 1024 / 1024)} MB: te veel voor één keer. Kies minder bestanden tegelijk.`);
    const files: InputFile[] = [];
    for (const file of chosen) {
      try {
        files.push({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
      } catch {
        page.say(`${file.name} kon niet geopend worden.`);
      }
    }
    page.setBusy(true);
    page.say(`${plural(files.length, 'bestand wordt', 'bestanden worden')} gelezen…`);
    page.send({ type: 'add', files });
  }
  input.addEventListener('change', () => {
    if (input.files) void addFiles(input.files).finally(() => (input.value = ''));
  });
  dropZone(page.$<HTMLElement>('[data-drop]'), (files) => void addFiles(files), () => page.say('Sleep de bestanden in het vak onder “Uw bestanden”.'));
  page.$<HTMLButtonElement>('[data-action="clear"]').addEventListener('click', () => {
    page.decisions = NO_DECISIONS;
    page.send({ type: 'clear' });
    page.say('Alle bestanden zijn gewist.');
  });
}

/** Confirm, undo and match by hand: buttons with data-do in the tables. */
function decisionsControl(page: Page): void {
  const decide = (next: Decisions, focusKey: string, message: string) => {
    if (page.busy) return;
    page.decisions = next;
    page.focusAfter = focusKey;
    page.setBusy(true);
    page.send({ type: 'decide', decisions: next });
    page.say(message);
  };
  page.root.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-do]');
    const last = page.last;
    if (!button || !last) return;
    const a = last.rec.allocations.find((x) => x.key === button.dataset.key);
    const action = button.dataset.do;
    if (action === 'confirm' && a) decide(confirm(page.decisions, a.key), `inv:${a.invoiceId}`, 'Koppeling bevestigd.');
    else if (action === 'undo' && a) decide(undo(page.decisions, a), `inv:${a.invoiceId}`, 'Koppeling ongedaan gemaakt. De betaling staat nu bij de betalingen zonder factuur, tenzij er een andere reden is.');
    else if (action === 'link') {
      const paymentId = button.dataset.payment!;
      const select = page.root.querySelector<HTMLSelectElement>(`select[data-for="${CSS.escape(paymentId)}"]`);
      const invoiceId = button.dataset.invoice ?? select?.value;
      if (!invoiceId) {
        page.say('Kies eerst een factuur.');
        select?.focus();
        return;
      }
      decide(matchByHand(page.decisions, paymentId, invoiceId), `inv:${invoiceId}`, 'Betaling gekoppeld.');
    }
  });
}

/** The lists as CSV, the PDFs, printing, the group per customer and the hand-over to bulk mode. */
function downloadsControl(page: Page, csvFromWorker: (kind: CsvKind, playbooks?: Record<string, string>) => Promise<CsvReply>): void {
  const lists: [string, CsvKind, string, (n: number) => string][] = [
    ['csv-open', 'open', 'openstaande-posten.csv', (n) => plural(n, 'factuur', 'facturen')],
    ['csv-betalingen', 'betalingen', 'betalingen-zonder-factuur.csv', (n) => plural(n, 'betaling', 'betalingen')],
    ['csv-ouderdom', 'ouderdom', 'ouderdomsanalyse.csv', (n) => plural(n, 'klant', 'klanten')],
  ];
  for (const [action, kind, name, count] of lists) {
    page.$<HTMLButtonElement>(`[data-action="${action}"]`).addEventListener('click', async () => {
      const r = await csvFromWorker(kind);
      saveFile(new Blob([r.csv], { type: 'text/csv;charset=utf-8' }), name);
      page.say(`${name} is gedownload (${count(r.count)}).`);
    });
  }
  page.$<HTMLButtonElement>('[data-action="pdfs"]').addEventListener('click', () => page.send({ type: 'pdfs' }));
  page.$<HTMLButtonElement>('[data-action="print"]').addEventListener('click', () => window.print());
  page.$<HTMLElement>('[data-behaviour]').addEventListener('change', (event) => {
    const select = (event.target as Element).closest<HTMLSelectElement>('select[data-segment-for]');
    if (!select) return;
    page.segmentChoice.set(select.dataset.segmentFor!, select.value);
    page.say(`Groep voor ${select.dataset.name} gekozen: ${select.selectedOptions[0]?.textContent ?? select.value}.`);
  });
  const handButton = page.$<HTMLButtonElement>('[data-action="bulk"]');
  handButton.addEventListener('click', async () => {
    // Each customer's playbook (the group chosen or suggested under "Betaalgedrag") goes along.
    const r = await csvFromWorker('bulk', page.last ? playbooksPerCustomer(page.last.behaviour, page.model, page.segmentChoice) : undefined);
    if (!r.count) return page.say('Er staat geen factuur meer open: er is niets om aan te manen.');
    if (!handOff(r.csv)) {
      saveFile(new Blob([r.csv], { type: 'text/csv;charset=utf-8' }), 'openstaande-facturen.csv');
      return page.say('Deze browser bewaart niets voor de volgende pagina. Het bestand is gedownload: laad het op de pagina Meerdere facturen.');
    }
    window.location.assign(handButton.dataset.href!);
  });
}

/** Every file read, with its remarks. */
function renderFiles(page: Page, result: Result): void {
  const { files, messages } = result;
  page.$<HTMLElement>('[data-files]').replaceChildren(
    ...files
      .filter((f) => f.soort !== 'zip' || messages.some((m) => m.bestand === f.bestand))
      .map((f) => {
        const mine = messages.filter((m) => m.bestand === f.bestand);
        const what = f.soort === 'onbekend' ? 'niet gelezen' : f.facturen ? f.soort.replace('ubl-', '') : f.soort === 'zip' ? 'zip' : `${f.soort}: ${plural(f.betalingen, 'beweging', 'bewegingen')}`;
        return h('li', { class: mine.some((m) => m.ernst === 'fout') ? 'rc-file rc-file--fout' : 'rc-file' }, h('strong', {}, f.bestand), ` – ${what}`, mine.length ? h('ul', {}, ...mine.map((m) => h('li', {}, `${m.ernst === 'fout' ? 'Fout' : 'Let op'}: ${m.bericht}`))) : null);
      }),
  );
  for (const el of page.root.querySelectorAll<HTMLElement>('[data-after]')) el.hidden = files.length === 0;
}

/** The counts, the invoice and payment tables and the hand-over button; then focus or announce. */
function renderResult(page: Page, result: Result): void {
  const { rec, ms } = result;
  const summary = page.$<HTMLElement>('[data-summary]');
  const c = rec.counts;
  const openTotal = rec.invoices.reduce((s, i) => s + (i.invoice.valuta === 'EUR' ? i.openstaand : 0), 0);
  summary.textContent = `${plural(rec.invoices.length, 'factuur', 'facturen')}: ${c.betaald} betaald, ${c.deels} deels betaald, ${c.open} open; nog te ontvangen ${formatMoney(openTotal)}. ${plural(rec.payments.length, 'ontvangst', 'ontvangsten')}: ${c.betalingenGekoppeld} gekoppeld, ${c.betalingenOnbekend} zonder factuur.`;
  const filter = page.$<HTMLSelectElement>('#rc-filter').value as Filter;
  const shown = rec.invoices.filter((s) => (filter === 'alle' ? true : filter === 'open' ? s.openstaand > 0 : s.openstaand === 0));
  page.$<HTMLElement>('[data-invoices]').replaceChildren(
    shown.length
      ? table(filter === 'open' ? 'Facturen die nog (deels) open staan' : filter === 'betaald' ? 'Betaalde facturen' : 'Alle facturen', ['Factuur', 'Klant', 'Vervaldag', 'Bedrag', 'Open', 'Status', 'Waarom'], shown.slice(0, MAX_ROWS).map(invoiceRow), shown.length)
      : h('p', {}, filter === 'open' ? 'Geen enkele factuur staat nog open.' : 'Geen facturen om te tonen.'),
  );
  const openInvoices = rec.invoices.filter((s) => s.openstaand > 0);
  const loose = rec.payments.filter((p) => p.rest > 0);
  page.$<HTMLElement>('[data-payments]').replaceChildren(
    loose.length ? table('Ontvangsten die (deels) bij geen factuur horen', ['Datum', 'Betaler', 'Bedrag', 'Mededeling', 'Suggestie of koppelen'], loose.slice(0, MAX_ROWS).map((p) => paymentRow(p, openInvoices, rec.invoices)), loose.length) : h('p', {}, 'Elke ontvangst hoort bij een factuur.'),
  );
  const handButton = page.$<HTMLButtonElement>('[data-action="bulk"]');
  handButton.disabled = openInvoices.length === 0;
  handButton.textContent = openInvoices.length ? `Maak herinneringen voor ${plural(openInvoices.length, 'open factuur', 'open facturen')}` : 'Geen open facturen';
  if (page.focusAfter) {
    (page.root.querySelector<HTMLElement>(`[data-focus="${CSS.escape(page.focusAfter)}"]`) ?? summary).focus();
    page.focusAfter = null;
  } else page.say(`Gelezen in ${ms} ms. ${summary.textContent}`);
}

function init(root: HTMLElement): void {
  const worker = new Worker(new URL('./reconcile-worker.ts', import.meta.url), { type: 'module', name: 'tijdig-afletteren' });
  const $ = <T extends Element>(selector: string) => root.querySelector<T>(selector)!;
  const page: Page = {
    root,
    $,
    say: speaker($<HTMLElement>('[data-status]')),
    send: (message) => worker.postMessage(message),
    model: readJsonScript<CalcModel>('tj-segment-model'),
    segmentChoice: new Map(),
    decisions: NO_DECISIONS,
    last: null,
    focusAfter: null,
    busy: false,
    setBusy(busy) {
      page.busy = busy;
      if (busy) root.setAttribute('aria-busy', 'true');
      else root.removeAttribute('aria-busy');
    },
  };
  const draw = () => {
    if (!page.last) return;
    renderAgeing($<HTMLElement>('[data-ageing]'), page.last.ageing);
    renderBehaviour($<HTMLElement>('[data-behaviour]'), page.last.behaviour, page.model, page.segmentChoice);
    renderFiles(page, page.last);
    renderResult(page, page.last);
  };
  const pendingCsv = new Map<string, (r: CsvReply) => void>();
  const csvFromWorker = (kind: CsvKind, playbooks?: Record<string, string>) =>
    new Promise<CsvReply>((resolve) => {
      pendingCsv.set(kind, resolve);
      page.send({ type: 'csv', kind, ...(playbooks ? { playbooks } : {}) });
    });
  workerReplies(page, worker, draw, pendingCsv);
  filesIn(page);
  decisionsControl(page);
  $<HTMLSelectElement>('#rc-filter').addEventListener('change', draw);
  downloadsControl(page, csvFromWorker);
}

const root = document.querySelector<HTMLElement>('[data-reconcile]');
if (root) init(root);
