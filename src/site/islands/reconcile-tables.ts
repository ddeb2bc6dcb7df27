/**
 * The reconcile page's tables: an invoice with the reason of every match (confirm, undo), a payment
 * without an invoice (its suggestions and a hand match). DOM builders only; the buttons carry
 * data-do attributes that the page's click handler reads.
 */
import { formatDateShort, formatMoney } from '../../model/format.ts';
import type { Allocation, InvoiceStatus, PaymentStatus } from '../../reconcile/match.ts';
import { h } from '../lib/element.ts';

export const MAX_ROWS = 300;
const CONFIDENCE_WORD = { zeker: 'zeker', hoog: 'zeer waarschijnlijk', middel: 'waarschijnlijk', laag: 'na te kijken' } as const;
const STATUS_CLASS = { open: 'rc-state--open', 'deels betaald': 'rc-state--deels', betaald: 'rc-state--betaald' } as const;

export const plural = (n: number, one: string, many: string) => `${n.toLocaleString('nl-BE')} ${n === 1 ? one : many}`;
const money = (cents: number, valuta: string) => (valuta === 'EUR' ? formatMoney(cents) : `${valuta} ${(cents / 100).toFixed(2).replace('.', ',')}`);
const date = (iso: string | undefined) => (iso ? formatDateShort(iso) : '–');

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

export function invoiceRow(s: InvoiceStatus): HTMLElement {
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

export function paymentRow(p: PaymentStatus, openInvoices: readonly InvoiceStatus[], all: readonly InvoiceStatus[]): HTMLElement {
  const pay = p.payment;
  const selectId = `rc-link-${pay.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const suggestions = p.suggesties.map((s) => {
    const inv = all.find((i) => i.invoice.id === s.invoiceId);
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

export function table(caption: string, head: string[], rows: HTMLElement[], total: number): HTMLElement {
  return h(
    'div',
    { class: 'table-scroll' },
    h('table', { class: 'rc-table' }, h('caption', {}, caption), h('thead', {}, h('tr', {}, ...head.map((t) => h('th', { scope: 'col' }, t)))), h('tbody', {}, ...rows)),
    total > rows.length ? h('p', { class: 'small' }, `De eerste ${rows.length} van ${total} staan hier; de CSV-lijst bevat ze allemaal.`) : null,
  );
}
