/**
 * The reconcile page's island (/afletteren/): files in (input or drop, many at once), the work in
 * a Web Worker, the result as tables with the reason of every match, confirm / undo / match by
 * hand, the lists as CSV and the hand-over of the open invoices to bulk mode. Nothing leaves the
 * browser.
 */
import { formatDateShort, formatMoney } from '../../model/format.ts';
import { confirm, matchByHand, NO_DECISIONS, undo, type Allocation, type Decisions, type InvoiceStatus, type PaymentStatus } from '../../reconcile/match.ts';
import type { InputFile } from '../../reconcile/files.ts';
import { handOff } from '../lib/reconcile-handoff.ts';
import type { Ageing } from '../../reconcile/ageing.ts';
import type { CustomerBehaviour } from '../../reconcile/behaviour.ts';
import { AGEING_BUCKETS } from '../../reconcile/labels.ts';
import { readJsonScript } from '../lib/json-script.ts';
import { reasonText, type CalcModel } from '../lib/segment-calculator.ts';
import { playbooksPerCustomer, suggestionFor } from '../lib/reconcile-segments.ts';
import type { CsvKind, WorkerRequest, WorkerResponse } from './reconcile-worker.ts';
import { dropZone, h } from '../lib/element.ts';

type Result = Extract<WorkerResponse, { type: 'result' }>;
type Filter = 'open' | 'alle' | 'betaald';

const MAX_ROWS = 300;
const MAX_TOTAL_BYTES = 300 * 1024 * 1024;
const CONFIDENCE_WORD = { zeker: 'zeker', hoog: 'zeer waarschijnlijk', middel: 'waarschijnlijk', laag: 'na te kijken' } as const;
const STATUS_CLASS = { open: 'rc-state--open', 'deels betaald': 'rc-state--deels', betaald: 'rc-state--betaald' } as const;


const plural = (n: number, one: string, many: string) => `${n.toLocaleString('nl-BE')} ${n === 1 ? one : many}`;
const money = (cents: number, valuta: string) => (valuta === 'EUR' ? formatMoney(cents) : `${valuta} ${(cents / 100).toFixed(2).replace('.', ',')}`);
const date = (iso: string | undefined) => (iso ? formatDateShort(iso) : '–');

function init(root: HTMLElement): void {
  const $ = <T extends Element>(selector: string) => root.querySelector<T>(selector)!;
  const status = $<HTMLElement>('[data-status]');
  const input = $<HTMLInputElement>('#rc-files');
  const drop = $<HTMLElement>('[data-drop]');
  const fileList = $<HTMLElement>('[data-files]');
  const after = root.querySelectorAll<HTMLElement>('[data-after]');
  const summary = $<HTMLElement>('[data-summary]');
  const filterSelect = $<HTMLSelectElement>('#rc-filter');
  const invoiceBox = $<HTMLElement>('[data-invoices]');
  const paymentBox = $<HTMLElement>('[data-payments]');
  const handButton = $<HTMLButtonElement>('[data-action="bulk"]');
  const ageingBox = $<HTMLElement>('[data-ageing]');
  const behaviourBox = $<HTMLElement>('[data-behaviour]');
  const model = readJsonScript<CalcModel>('tj-segment-model');
  /** The user's choice of segment per customer, over the suggestion. */
  const segmentChoice = new Map<string, string>();

  let decisions: Decisions = NO_DECISIONS;
  let last: Result | null = null;
  let focusAfter: string | null = null;
  let busy = false;

  const worker = new Worker(new URL('./reconcile-worker.ts', import.meta.url), { type: 'module', name: 'tijdig-afletteren' });
  const send = (message: WorkerRequest) => worker.postMessage(message);
  const pendingCsv = new Map<string, (r: Extract<WorkerResponse, { type: 'csv' }>) => void>();

  const say = (message: string) => {
    status.textContent = '';
    // A new text node, so screen readers announce the same message twice in a row too.
    window.setTimeout(() => (status.textContent = message), 30);
  };

  worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
    const msg = event.data;
    busy = false;
    root.removeAttribute('aria-busy');
    if (msg.type === 'error') {
      say(`Er ging iets mis bij het lezen: ${msg.message}. Probeer het opnieuw of laad de pagina opnieuw.`);
      console.warn('Tijdig: afletteren mislukt', msg.message);
      return;
    }
    if (msg.type === 'pdfs') {
      if (!msg.count) {
        say('Geen enkele open factuur had een PDF in haar XML-bestand.');
        return;
      }
      const url = URL.createObjectURL(new Blob([msg.zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }));
      const a = h('a', { href: url, download: 'originele-facturen-open.zip' });
      document.body.append(a);
      a.click();
      a.remove();
      window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
      say(`originele-facturen-open.zip is gedownload: ${plural(msg.count, 'PDF', "PDF's")}${msg.missing ? `; ${plural(msg.missing, 'open factuur had', 'open facturen hadden')} geen PDF` : ''}.`);
      return;
    }
    if (msg.type === 'csv') {
      pendingCsv.get(msg.kind)?.(msg);
      pendingCsv.delete(msg.kind);
      return;
    }
    last = msg;
    decisions = msg.decisions;
    render();
  };
  worker.onerror = () => {
    busy = false;
    say('De rekenhulp van deze pagina kon niet starten. Laad de pagina opnieuw.');
  };

  const csvFromWorker = (kind: CsvKind, playbooks?: Record<string, string>) =>
    new Promise<Extract<WorkerResponse, { type: 'csv' }>>((resolve) => {
      pendingCsv.set(kind, resolve);
      send({ type: 'csv', kind, ...(playbooks ? { playbooks } : {}) });
    });

  // ---------------------------------------------------------------- files in

  async function addFiles(list: FileList | File[]): Promise<void> {
    const chosen = [...list];
    if (!chosen.length) return;
    const total = chosen.reduce((s, f) => s + f.size, 0);
    if (total > MAX_TOTAL_BYTES) {
      say(`Samen zijn deze bestanden ${Math.round(total / 1024 / 1024)} MB: te veel voor één keer. Kies minder bestanden tegelijk.`);
      return;
    }
    const files: InputFile[] = [];
    for (const file of chosen) {
      try {
        files.push({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
      } catch {
        say(`${file.name} kon niet geopend worden.`);
      }
    }
    busy = true;
    root.setAttribute('aria-busy', 'true');
    say(`${plural(files.length, 'bestand wordt', 'bestanden worden')} gelezen…`);
    send({ type: 'add', files });
  }

  input.addEventListener('change', () => {
    if (input.files) void addFiles(input.files).finally(() => (input.value = ''));
  });
  dropZone(drop, (files) => void addFiles(files), () => say('Sleep de bestanden in het vak onder “Uw bestanden”.'));

  $<HTMLButtonElement>('[data-action="clear"]').addEventListener('click', () => {
    decisions = NO_DECISIONS;
    send({ type: 'clear' });
    say('Alle bestanden zijn gewist.');
  });

  // ---------------------------------------------------------------- decisions

  const decide = (next: Decisions, focusKey: string, message: string) => {
    if (busy) return;
    decisions = next;
    focusAfter = focusKey;
    busy = true;
    send({ type: 'decide', decisions });
    say(message);
  };

  root.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-do]');
    if (!button || !last) return;
    const find = (key: string) => last!.rec.allocations.find((a) => a.key === key);
    const action = button.dataset.do;
    if (action === 'confirm') {
      const a = find(button.dataset.key!);
      if (a) decide(confirm(decisions, a.key), `inv:${a.invoiceId}`, 'Koppeling bevestigd.');
    } else if (action === 'undo') {
      const a = find(button.dataset.key!);
      if (a) decide(undo(decisions, a), `inv:${a.invoiceId}`, 'Koppeling ongedaan gemaakt. De betaling staat nu bij de betalingen zonder factuur, tenzij er een andere reden is.');
    } else if (action === 'link') {
      const paymentId = button.dataset.payment!;
      const select = root.querySelector<HTMLSelectElement>(`select[data-for="${CSS.escape(paymentId)}"]`);
      const invoiceId = button.dataset.invoice ?? select?.value;
      if (!invoiceId) {
        say('Kies eerst een factuur.');
        select?.focus();
        return;
      }
      decide(matchByHand(decisions, paymentId, invoiceId), `inv:${invoiceId}`, 'Betaling gekoppeld.');
    }
  });

  filterSelect.addEventListener('change', () => render());

  // ---------------------------------------------------------------- out

  function download(csv: string, name: string): void {
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const a = h('a', { href: url, download: name });
    document.body.append(a);
    a.click();
    a.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  $<HTMLButtonElement>('[data-action="csv-open"]').addEventListener('click', async () => {
    const r = await csvFromWorker('open');
    download(r.csv, 'openstaande-posten.csv');
    say(`openstaande-posten.csv is gedownload (${plural(r.count, 'factuur', 'facturen')}).`);
  });
  $<HTMLButtonElement>('[data-action="csv-betalingen"]').addEventListener('click', async () => {
    const r = await csvFromWorker('betalingen');
    download(r.csv, 'betalingen-zonder-factuur.csv');
    say(`betalingen-zonder-factuur.csv is gedownload (${plural(r.count, 'betaling', 'betalingen')}).`);
  });
  $<HTMLButtonElement>('[data-action="csv-ouderdom"]').addEventListener('click', async () => {
    const r = await csvFromWorker('ouderdom');
    download(r.csv, 'ouderdomsanalyse.csv');
    say(`ouderdomsanalyse.csv is gedownload (${plural(r.count, 'klant', 'klanten')}).`);
  });
  $<HTMLButtonElement>('[data-action="pdfs"]').addEventListener('click', () => send({ type: 'pdfs' }));
  $<HTMLButtonElement>('[data-action="print"]').addEventListener('click', () => window.print());
  behaviourBox.addEventListener('change', (event) => {
    const select = (event.target as Element).closest<HTMLSelectElement>('select[data-segment-for]');
    if (!select) return;
    segmentChoice.set(select.dataset.segmentFor!, select.value);
    say(`Groep voor ${select.dataset.name} gekozen: ${select.selectedOptions[0]?.textContent ?? select.value}.`);
  });

  handButton.addEventListener('click', async () => {
    // Each customer's playbook (the group chosen or suggested under "Betaalgedrag") goes along.
    const r = await csvFromWorker('bulk', last ? playbooksPerCustomer(last.behaviour, model, segmentChoice) : undefined);
    if (!r.count) {
      say('Er staat geen factuur meer open: er is niets om aan te manen.');
      return;
    }
    if (!handOff(r.csv)) {
      download(r.csv, 'openstaande-facturen.csv');
      say('Deze browser bewaart niets voor de volgende pagina. Het bestand is gedownload: laad het op de pagina Meerdere facturen.');
      return;
    }
    window.location.assign(handButton.dataset.href!);
  });

  // ---------------------------------------------------------------- render

  function allocationItem(a: Allocation, valuta: string): HTMLElement {
    const label = a.status === 'handmatig' ? 'door u gekoppeld' : a.status === 'bevestigd' ? 'bevestigd' : CONFIDENCE_WORD[a.zekerheid];
    return h(
      'li',
      { class: `rc-why rc-why--${a.zekerheid}` },
      h('span', {}, `${money(a.bedrag, valuta)}: ${a.reden} `),
      h('span', { class: `rc-badge rc-badge--${a.status === 'automatisch' ? a.zekerheid : 'zeker'}` }, label),
      ' ',
      a.status === 'automatisch' && a.bron !== 'creditnota' ? h('button', { type: 'button', class: 'button button--ghost button--small', 'data-do': 'confirm', 'data-key': a.key }, 'Klopt') : null,
      a.bron !== 'creditnota' ? h('button', { type: 'button', class: 'button button--ghost button--small', 'data-do': 'undo', 'data-key': a.key }, 'Ongedaan maken') : null,
    );
  }

  function invoiceRow(s: InvoiceStatus): HTMLElement {
    const inv = s.invoice;
    return h(
      'tr',
      { 'data-invoice': inv.nummer, 'data-state': s.status },
      h('th', { scope: 'row', tabindex: -1, 'data-focus': `inv:${inv.id}` }, inv.nummer, inv.pdf ? h('span', { class: 'small' }, ' (met PDF)') : null),
      h('td', {}, inv.klant.naam || '–'),
      h('td', {}, date(inv.vervaldatum)),
      h('td', { class: 'num' }, money(inv.bedrag, inv.valuta)),
      h('td', { class: 'num' }, money(s.openstaand, inv.valuta)),
      h('td', {}, h('span', { class: `rc-state ${STATUS_CLASS[s.status]}` }, s.status)),
      h('td', {}, s.allocations.length ? h('ul', { class: 'rc-whys' }, ...s.allocations.map((a) => allocationItem(a, inv.valuta))) : h('span', { class: 'small' }, 'geen betaling gevonden')),
    );
  }

  function paymentRow(p: PaymentStatus, openInvoices: InvoiceStatus[]): HTMLElement {
    const pay = p.payment;
    const selectId = `rc-link-${pay.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
    const suggestions = p.suggesties.map((s) => {
      const inv = last!.rec.invoices.find((i) => i.invoice.id === s.invoiceId);
      return h('li', {}, `${s.reden} `, inv && inv.openstaand > 0 ? h('button', { type: 'button', class: 'button button--ghost button--small', 'data-do': 'link', 'data-payment': pay.id, 'data-invoice': s.invoiceId }, `Koppel aan ${inv.invoice.nummer}`) : null);
    });
    return h(
      'tr',
      { 'data-payment': pay.id },
      h('th', { scope: 'row' }, date(pay.datum)),
      h('td', {}, pay.tegenpartij ?? '–', pay.tegenrekening ? h('span', { class: 'small rc-block' }, pay.tegenrekening) : null),
      h('td', { class: 'num' }, money(pay.bedrag, pay.valuta), p.toegewezen ? h('span', { class: 'small rc-block' }, `niet toegewezen: ${money(p.rest, pay.valuta)}`) : null),
      h('td', {}, pay.ogm ? `OGM ${pay.ogm.slice(0, 3)}/${pay.ogm.slice(3, 7)}/${pay.ogm.slice(7)}` : pay.mededeling || '–', pay.ongeldigeOgm ? h('span', { class: 'small rc-block' }, `gestructureerde mededeling ${pay.ongeldigeOgm} met een fout controlegetal`) : null),
      h(
        'td',
        {},
        suggestions.length ? h('ul', { class: 'rc-whys' }, ...suggestions) : null,
        openInvoices.length
          ? h(
              'div',
              { class: 'rc-link' },
              h('label', { for: selectId, class: 'small' }, 'Koppel aan factuur'),
              h('select', { id: selectId, 'data-for': pay.id }, h('option', { value: '' }, 'kies…'), ...openInvoices.slice(0, 500).map((i) => h('option', { value: i.invoice.id }, `${i.invoice.nummer} – ${i.invoice.klant.naam} – ${money(i.openstaand, i.invoice.valuta)}`))),
              h('button', { type: 'button', class: 'button button--small', 'data-do': 'link', 'data-payment': pay.id }, 'Koppel'),
            )
          : null,
      ),
    );
  }

  function table(caption: string, head: string[], rows: HTMLElement[], total: number): HTMLElement {
    return h(
      'div',
      { class: 'table-scroll' },
      h('table', { class: 'rc-table' }, h('caption', {}, caption), h('thead', {}, h('tr', {}, ...head.map((t) => h('th', { scope: 'col' }, t)))), h('tbody', {}, ...rows)),
      total > rows.length ? h('p', { class: 'small' }, `De eerste ${rows.length} van ${total} staan hier; de CSV-lijst bevat ze allemaal.`) : null,
    );
  }

  const SVG = 'http://www.w3.org/2000/svg';
  function svg(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /** Bars as SVG attributes (no style attribute: the page's CSP allows none). */
  function ageingChart(a: Ageing): SVGElement {
    const max = Math.max(...a.total.buckets, 1);
    const [w, barH, gap, labelW] = [640, 26, 10, 170];
    const chart = svg('svg', { viewBox: `0 0 ${w} ${AGEING_BUCKETS.length * (barH + gap)}`, role: 'img', 'aria-labelledby': 'rc-chart-title', class: 'rc-chart' });
    chart.append(svg('title', { id: 'rc-chart-title' }, `Openstaand bedrag per ouderdom: ${AGEING_BUCKETS.map((b, i) => `${b} ${formatMoney(a.total.buckets[i]!)}`).join(', ')}`));
    AGEING_BUCKETS.forEach((label, i) => {
      const y = i * (barH + gap);
      const width = Math.round(((w - labelW - 110) * a.total.buckets[i]!) / max);
      chart.append(svg('text', { x: 0, y: y + barH * 0.7, class: 'rc-chart__label' }, label));
      chart.append(svg('rect', { x: labelW, y, width: Math.max(width, 1), height: barH, class: `rc-chart__bar rc-chart__bar--${i}` }));
      chart.append(svg('text', { x: labelW + width + 6, y: y + barH * 0.7, class: 'rc-chart__value' }, formatMoney(a.total.buckets[i]!)));
    });
    return chart;
  }

  function renderAgeing(a: Ageing): void {
    const line = (r: Ageing['total'], head: boolean) =>
      h('tr', {}, h('th', { scope: 'row' }, head ? h('strong', {}, r.naam) : r.naam), h('td', { class: 'num' }, String(r.facturen)), ...r.buckets.map((c) => h('td', { class: 'num' }, c ? formatMoney(c) : '–')), h('td', { class: 'num' }, h('strong', {}, formatMoney(r.totaal))));
    const notes = [
      a.dso === null ? `Geen facturen van de laatste ${a.dsoDays} dagen: de gemiddelde betaaltermijn (DSO) is niet te berekenen.` : `DSO (days sales outstanding): ${a.dso} dagen — wat open staat, gedeeld door wat u de laatste ${a.dsoDays} dagen factureerde, maal ${a.dsoDays}.`,
      a.otherCurrency ? `${plural(a.otherCurrency, 'open factuur', 'open facturen')} in een andere munt dan de euro ${a.otherCurrency === 1 ? 'telt' : 'tellen'} niet mee.` : '',
      a.assumedDue ? `${plural(a.assumedDue, 'factuur zonder', 'facturen zonder')} vervaldag: gerekend met 30 dagen na de factuurdatum.` : '',
    ].filter(Boolean);
    const parts: Node[] = [a.total.facturen ? ageingChart(a) : h('p', {}, 'Er staat niets open.'), ...notes.map((n) => h('p', { class: 'small' }, n))];
    if (a.total.facturen)
      parts.push(
        h(
            'div',
            { class: 'table-scroll' },
            h('table', { class: 'rc-table' }, h('caption', {}, `Ouderdom van wat open staat op ${formatDateShort(a.today)}, per klant`), h('thead', {}, h('tr', {}, ...['Klant', 'Facturen', ...AGEING_BUCKETS, 'Totaal'].map((t) => h('th', { scope: 'col' }, t)))), h('tbody', {}, ...a.rows.slice(0, MAX_ROWS).map((r) => line(r, false))), h('tfoot', {}, line(a.total, true))),
        ),
      );
    ageingBox.replaceChildren(...parts);
  }

  function renderBehaviour(list: CustomerBehaviour[]): void {
    const rows = list.slice(0, MAX_ROWS).map((c) => {
      const s = suggestionFor(c, model);
      const id = `rc-seg-${c.klantSleutel.replace(/[^A-Za-z0-9_-]/g, '_')}`;
      const chosen = segmentChoice.get(c.klantSleutel) ?? s?.segment ?? '';
      return h(
        'tr',
        { 'data-customer': c.naam },
        h('th', { scope: 'row' }, c.naam),
        h('td', { class: 'num' }, `${c.betaald} / ${c.facturen}`),
        h('td', { class: 'num' }, c.gemiddeldDagenTeLaat === null ? '–' : String(c.gemiddeldDagenTeLaat).replace('.', ',')),
        h('td', { class: 'num' }, c.aandeelMeerDan15 === null ? '–' : `${c.aandeelMeerDan15} %`),
        h('td', {}, s ? h('span', {}, h('strong', {}, s.titel), h('ul', { class: 'rc-whys' }, ...s.reasons.slice(0, 3).map((r) => h('li', { class: 'small' }, reasonText(r, model, s.segment))), s.missingForVip.length ? h('li', { class: 'small' }, `Voor VIP ontbreekt wat een uittreksel niet toont: ${s.missingForVip.map((m) => m.label.toLowerCase()).join('; ')}.`) : null)) : h('span', { class: 'small' }, 'nog geen vervallen factuur: geen voorstel')),
        h('td', {}, h('label', { for: id, class: 'rc-visually-hidden' }, `Groep voor ${c.naam}`), h('select', { id, 'data-segment-for': c.klantSleutel, 'data-name': c.naam }, h('option', { value: '' }, 'geen keuze'), ...model.segments.map((seg) => h('option', { value: seg.id, selected: seg.id === chosen }, seg.titel)))),
      );
    });
    behaviourBox.replaceChildren(
      list.length
        ? h('div', { class: 'table-scroll' }, h('table', { class: 'rc-table' }, h('caption', {}, 'Betaalgedrag per klant, uit de gekoppelde betalingen'), h('thead', {}, h('tr', {}, ...['Klant', 'Betaald', 'Gem. dagen te laat', 'Meer dan 15 dagen te laat', 'Voorstel en waarom', 'Uw keuze'].map((t) => h('th', { scope: 'col' }, t)))), h('tbody', {}, ...rows)))
        : h('p', {}, 'Nog geen facturen.'),
    );
  }

  function render(): void {
    if (!last) return;
    renderAgeing(last.ageing);
    renderBehaviour(last.behaviour);
    const { rec, files, messages, ms } = last;
    fileList.replaceChildren(
      ...files
        .filter((f) => f.soort !== 'zip' || messages.some((m) => m.bestand === f.bestand))
        .map((f) => {
          const mine = messages.filter((m) => m.bestand === f.bestand);
          const what = f.soort === 'onbekend' ? 'niet gelezen' : f.facturen ? f.soort.replace('ubl-', '') : f.soort === 'zip' ? 'zip' : `${f.soort}: ${plural(f.betalingen, 'beweging', 'bewegingen')}`;
          return h('li', { class: mine.some((m) => m.ernst === 'fout') ? 'rc-file rc-file--fout' : 'rc-file' }, h('strong', {}, f.bestand), ` – ${what}`, mine.length ? h('ul', {}, ...mine.map((m) => h('li', {}, `${m.ernst === 'fout' ? 'Fout' : 'Let op'}: ${m.bericht}`))) : null);
        }),
    );
    for (const el of after) el.hidden = files.length === 0;
    const c = rec.counts;
    const openTotal = rec.invoices.reduce((s, i) => s + (i.invoice.valuta === 'EUR' ? i.openstaand : 0), 0);
    summary.textContent = `${plural(rec.invoices.length, 'factuur', 'facturen')}: ${c.betaald} betaald, ${c.deels} deels betaald, ${c.open} open; nog te ontvangen ${formatMoney(openTotal)}. ${plural(rec.payments.length, 'ontvangst', 'ontvangsten')}: ${c.betalingenGekoppeld} gekoppeld, ${c.betalingenOnbekend} zonder factuur.`;

    const filter = filterSelect.value as Filter;
    const shown = rec.invoices.filter((s) => (filter === 'alle' ? true : filter === 'open' ? s.openstaand > 0 : s.openstaand === 0));
    invoiceBox.replaceChildren(
      shown.length
        ? table(filter === 'open' ? 'Facturen die nog (deels) open staan' : filter === 'betaald' ? 'Betaalde facturen' : 'Alle facturen', ['Factuur', 'Klant', 'Vervaldag', 'Bedrag', 'Open', 'Status', 'Waarom'], shown.slice(0, MAX_ROWS).map(invoiceRow), shown.length)
        : h('p', {}, filter === 'open' ? 'Geen enkele factuur staat nog open.' : 'Geen facturen om te tonen.'),
    );
    const openInvoices = rec.invoices.filter((s) => s.openstaand > 0);
    const loose = rec.payments.filter((p) => p.rest > 0);
    paymentBox.replaceChildren(
      loose.length ? table('Ontvangsten die (deels) bij geen factuur horen', ['Datum', 'Betaler', 'Bedrag', 'Mededeling', 'Suggestie of koppelen'], loose.slice(0, MAX_ROWS).map((p) => paymentRow(p, openInvoices)), loose.length) : h('p', {}, 'Elke ontvangst hoort bij een factuur.'),
    );
    handButton.disabled = openInvoices.length === 0;
    handButton.textContent = openInvoices.length ? `Maak herinneringen voor ${plural(openInvoices.length, 'open factuur', 'open facturen')}` : 'Geen open facturen';
    if (focusAfter) {
      const target = root.querySelector<HTMLElement>(`[data-focus="${CSS.escape(focusAfter)}"]`);
      (target ?? summary).focus();
      focusAfter = null;
    } else {
      say(`Gelezen in ${ms} ms. ${summary.textContent}`);
    }
  }
}

const root = document.querySelector<HTMLElement>('[data-reconcile]');
if (root) init(root);
