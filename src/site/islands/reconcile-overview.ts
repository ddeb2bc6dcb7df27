/**
 * The reconcile page's overviews: the ageing of what is open (an SVG bar chart and a table, with
 * the DSO) and the payment behaviour per customer with the suggested group and the user's choice.
 */
import { formatDateShort, formatMoney } from '../../model/format.ts';
import type { Ageing } from '../../reconcile/ageing.ts';
import type { CustomerBehaviour } from '../../reconcile/behaviour.ts';
import { AGEING_BUCKETS } from '../../reconcile/labels.ts';
import { h } from '../lib/element.ts';
import { suggestionFor } from '../lib/reconcile-segments.ts';
import { reasonText, type CalcModel } from '../lib/segment-calculator.ts';
import { MAX_ROWS, plural } from './reconcile-tables.ts';

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

export function renderAgeing(ageingBox: HTMLElement, a: Ageing): void {
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

export function renderBehaviour(behaviourBox: HTMLElement, list: readonly CustomerBehaviour[], model: CalcModel, segmentChoice: ReadonlyMap<string, string>): void {
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
