/**
 * The bulk page's tables and the mapping form, built as DOM nodes (every value from the file goes
 * in as text, never as HTML), from the pages the worker hands over (lib/bulk-view-model.ts).
 * Views only: the controllers (bulk-plan.ts, bulk-mapping.ts) own the state and the events.
 */
import type { Channel, Workflow } from '../../content/schema.ts';
import {
  BULK_FIELD_INFO,
  BULK_FIELDS,
  resolveMapping,
  stepLabel,
  type BulkField,
  type CellIssue,
  type ColumnMapping,
  type CustomerOverride,
  type PlannedCustomer,
  type StepChoice,
} from '../../bulk/index.ts';
import { formatDateShort, formatMoney } from '../../model/format.ts';
import type { BulkOverview, CustomerPage, RowPage, RowView } from '../lib/bulk-view-model.ts';

import { h } from '../lib/element.ts';

export { h };

/** "ongeldige vervaldatum" -> "Ongeldige vervaldatum". */
export const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export const plural = (n: number, one: string, many: string) => `${n.toLocaleString('nl-BE')} ${n === 1 ? one : many}`;

const SEVERITY_WORD: Record<CellIssue['severity'], string> = { fout: 'Fout', waarschuwing: 'Opmerking' };

// ---------------------------------------------------------------- mapping form

/** Fields the mapping still needs, for the red frame around them. */
export function missingFields(mapping: ColumnMapping, defaultTermDays: number | undefined): Set<BulkField> {
  const has = (f: BulkField) => (mapping.columns[f]?.length ?? 0) > 0;
  const missing = new Set<BulkField>();
  if (!has('factuurnummer')) missing.add('factuurnummer');
  if (!has('openstaand') && !has('bedrag')) missing.add('openstaand');
  if (!has('vervaldatum') && !(has('factuurdatum') && defaultTermDays !== undefined)) missing.add('vervaldatum');
  if (!has('klantnaam') && !has('contactpersoon')) missing.add('klantnaam');
  return missing;
}

export function renderMapping(container: HTMLElement, overview: BulkOverview, mapping: ColumnMapping, defaultTermDays: number | undefined): void {
  const { headers, sampleRows } = overview.file;
  const guessed = new Map(overview.guess.guessed.map((g) => [`${g.field}\u0000${g.header}`, g.confidence]));
  const owner = new Map<string, BulkField>();
  for (const field of BULK_FIELDS) for (const header of mapping.columns[field] ?? []) owner.set(header, field);
  const missing = missingFields(mapping, defaultTermDays);
  const sampleOf = (columns: readonly string[]): string => {
    const indexes = columns.map((c) => headers.indexOf(c)).filter((i) => i >= 0);
    for (const cells of sampleRows) {
      const value = indexes.map((i) => cells[i] ?? '').filter(Boolean).join(' ');
      if (value) return value.length > 60 ? `${value.slice(0, 59)}…` : value;
    }
    return '';
  };

  const cards = BULK_FIELDS.map((field) => {
    const info = BULK_FIELD_INFO[field];
    const chosen = mapping.columns[field] ?? [];
    const count = info.multiple ? Math.min(3, chosen.length + 1) : 1;
    const id = `bk-map-${field}`;
    const selects = Array.from({ length: count }, (_, index) => {
      const current = chosen[index] ?? '';
      const select = h('select', {
        id: `${id}-${index}`,
        'data-field': field,
        'data-index': index,
        'aria-describedby': `${id}-hint ${id}-sample`,
        ...(index === 0 ? {} : { 'aria-label': `${info.label}, aangevuld met kolom` }),
        ...(missing.has(field) && index === 0 ? { 'aria-invalid': 'true' } : {}),
      });
      select.append(h('option', { value: '' }, index === 0 ? '— geen kolom —' : '— geen extra kolom —'));
      for (const header of headers) {
        const other = owner.get(header);
        const note = other && other !== field ? ` (nu: ${BULK_FIELD_INFO[other].label.toLowerCase()})` : '';
        select.append(h('option', { value: header, selected: header === current }, `${header}${note}`));
      }
      return select;
    });
    const confidence = chosen.length ? guessed.get(`${field}\u0000${chosen[0]}`) : undefined;
    const sample = sampleOf(chosen);
    return h(
      'div',
      { class: `bk-map${missing.has(field) ? ' is-missing' : ''}`, 'data-map-field': field },
      h('label', { class: 'bk-map__label', for: `${id}-0` }, info.label, confidence ? h('span', { class: 'bk-badge' }, 'herkend') : null),
      h('div', { class: 'bk-map__selects' }, ...selects),
      h('span', { id: `${id}-hint`, class: 'field__hint' }, capitalize(info.hint)),
      h('span', { id: `${id}-sample`, class: 'bk-map__sample' }, chosen.length ? (sample ? `Bijvoorbeeld: ${sample}` : 'De eerste rijen zijn leeg in deze kolom.') : ''),
    );
  });
  container.replaceChildren(...cards);
}

// ---------------------------------------------------------------- tables a batch at a time

/** Rows built per task (a page of rows is one batch): a table of a few hundred rows is never one long task. */
const BATCH = 50;
const drawing = new WeakMap<HTMLElement, number>();
const latest = new WeakMap<HTMLElement, readonly PlannedCustomer[]>();

/** Appends `count` rows to `body`, BATCH per task; a newer table in `container` stops the old one. */
function fillBody(container: HTMLElement, body: HTMLElement, count: number, make: (index: number) => HTMLElement): void {
  const ticket = (drawing.get(container) ?? 0) + 1;
  drawing.set(container, ticket);
  const step = (from: number) => {
    if (drawing.get(container) !== ticket) return;
    const to = Math.min(count, from + BATCH);
    body.append(...Array.from({ length: to - from }, (_, k) => make(from + k)));
    if (to < count) window.setTimeout(() => step(to), 0);
  };
  step(0);
}

// ---------------------------------------------------------------- rows

function message(issue: CellIssue): HTMLElement {
  return h('span', { class: `bk-msg bk-msg--${issue.severity}` }, `${SEVERITY_WORD[issue.severity]}: ${issue.message}`);
}

/** The preview table of one page of rows (the worker filtered and cut it). */
export function renderRows(container: HTMLElement, page: RowPage, headers: readonly string[], mapping: ColumnMapping): void {
  const { indexes } = resolveMapping(mapping, headers);
  const fieldOfColumn = new Map<number, BulkField>();
  for (const field of BULK_FIELDS) for (const i of indexes[field] ?? []) if (!fieldOfColumn.has(i)) fieldOfColumn.set(i, field);
  const shown = page.rows;
  const head = h(
    'tr',
    {},
    h('th', { scope: 'col' }, 'Rij'),
    h('th', { scope: 'col' }, 'Status'),
    ...headers.map((header, i) => {
      const field = fieldOfColumn.get(i);
      return h('th', { scope: 'col', class: field ? undefined : 'is-unused' }, header, h('span', { class: 'bk-col-field' }, field ? `→ ${BULK_FIELD_INFO[field].label.toLowerCase()}` : 'niet gebruikt'));
    }),
  );
  const rowOf = (info: RowView) => {
    const skipped = info.status === 'fout' || info.status === 'klant-overgeslagen';
    const statusClass = skipped ? 'bk-status bk-status--fout' : info.status === 'ok' ? 'bk-status bk-status--ok' : 'bk-status';
    return h(
      'tr',
      { class: skipped ? 'is-skipped' : undefined, 'data-row': info.row, 'data-state': info.status },
      h('th', { scope: 'row', class: 'bk-num' }, String(info.row)),
      h('td', { 'data-col': 'status' }, h('span', { class: statusClass }, info.label), ...info.notes.map(message)),
      ...headers.map((_, i) => {
        const value = info.cells[i] ?? '';
        const issues = info.cellIssues[i] ?? [];
        const worst = issues.some((x) => x.severity === 'fout') ? 'fout' : issues.length ? 'waarschuwing' : null;
        return h(
          'td',
          { 'data-col': i, class: worst ? `is-${worst}` : undefined, 'data-severity': worst ?? undefined },
          value ? value : issues.length ? h('span', { class: 'bk-empty' }, 'leeg') : '',
          ...issues.map(message),
        );
      }),
    );
  };
  const { total, matching } = page;
  const caption = h('caption', {}, matching === total ? `${plural(total, 'rij', 'rijen')} uit uw bestand` : `${plural(matching, 'rij', 'rijen')} van de ${total.toLocaleString('nl-BE')}`, shown.length < matching ? ` (de eerste ${shown.length.toLocaleString('nl-BE')} getoond)` : '');
  const body = h('tbody', {});
  container.replaceChildren(matching ? h('table', { class: 'bk-table bk-rows' }, caption, h('thead', {}, head), body) : h('p', { class: 'bk-empty' }, 'Geen rijen om te tonen met deze keuze.'));
  fillBody(container, body, shown.length, (i) => rowOf(shown[i]!));
}

// ---------------------------------------------------------------- customers

const NOUN: Record<Channel, [string, string]> = {
  email: ['e-mail', 'e-mails'],
  telefoon: ['belscript', 'belscripts'],
  brief: ['brief', 'brieven'],
  'aangetekende-brief': ['aangetekende brief', 'aangetekende brieven'],
  juridisch: ['brief voor de juridische stap', 'brieven voor de juridische stap'],
};

export function planSummaryText(s: BulkOverview['summary']): string {
  const made = (Object.entries(s.perKanaal) as [Channel, number][]).map(([channel, n]) => plural(n, ...NOUN[channel]));
  const parts = [made.length ? `Vandaag: ${made.join(', ')}.` : 'Vandaag krijgt geen enkele klant een bericht.'];
  if (s.wachten) parts.push(`${plural(s.wachten, 'klant wacht', 'klanten wachten')} nog.`);
  if (s.overgeslagen) parts.push(`${plural(s.overgeslagen, 'klant', 'klanten')} overgeslagen.`);
  return parts.join(' ');
}

function lateText(daysLate: number): string {
  if (daysLate > 0) return plural(daysLate, 'dag', 'dagen');
  if (daysLate === 0) return 'vervalt vandaag';
  return `vervalt over ${plural(-daysLate, 'dag', 'dagen')}`;
}

function resultCell(c: PlannedCustomer): HTMLTableCellElement {
  const warnings = [...new Set(c.issues.filter((i) => i.severity === 'waarschuwing').map((i) => i.message))];
  const next = c.next ? h('span', { class: 'bk-sub' }, `Daarna: ${c.next.label}, vanaf ${formatDateShort(c.next.date)}`) : null;
  if (c.status === 'klaar') {
    return h(
      'td',
      { 'data-col': 'resultaat' },
      h('span', { class: 'bk-status bk-status--ok' }, 'Wordt gemaakt'),
      c.nieuweTermijn ? h('span', { class: 'bk-sub' }, `Betalen uiterlijk op ${formatDateShort(c.nieuweTermijn)}`) : null,
      ...c.reasons.map((r) => h('span', { class: 'bk-sub' }, capitalize(r))),
      c.legal ? h('span', { class: 'bk-msg bk-msg--waarschuwing' }, 'Juridische stap: alleen als de vorige stappen verstuurd zijn') : null,
      next,
      ...warnings.map((w) => h('span', { class: 'bk-msg bk-msg--waarschuwing' }, `Opmerking: ${w}`)),
    );
  }
  if (c.status === 'wachten') {
    return h('td', { 'data-col': 'resultaat' }, h('span', { class: 'bk-status' }, 'Nog niets'), h('span', { class: 'bk-sub' }, capitalize(c.reasons.join('; '))), c.next ? h('span', { class: 'bk-sub' }, `Eerste stap: ${c.next.label}, op ${formatDateShort(c.next.date)}`) : null);
  }
  return h('td', { 'data-col': 'resultaat' }, h('span', { class: 'bk-status bk-status--fout' }, 'Overgeslagen'), ...c.reasons.map((r) => h('span', { class: 'bk-msg bk-msg--fout' }, capitalize(r))));
}

function stepSelect(c: PlannedCustomer, index: number, workflow: Workflow, choice: StepChoice, override: CustomerOverride | undefined): HTMLSelectElement {
  const name = c.group.klant.naam ?? 'deze klant';
  const select = h('select', { id: `bk-step-${index}`, 'data-key': c.group.key, 'aria-label': `Stap voor ${name}` });
  let autoLabel: string;
  if (typeof choice === 'number' && workflow.stappen[choice]) autoLabel = `Zoals voor iedereen: ${stepLabel(workflow.stappen[choice])}`;
  else {
    const auto = c.automatic;
    autoLabel = `Automatisch: ${auto === null ? 'nog geen stap' : stepLabel(workflow.stappen[auto]!)}`;
  }
  select.append(h('option', { value: '', selected: override === undefined }, autoLabel));
  const order = workflow.stappen.map((_, i) => i).sort((a, b) => workflow.stappen[a]!.offset - workflow.stappen[b]!.offset || a - b);
  for (const i of order) select.append(h('option', { value: String(i), selected: override === i }, stepLabel(workflow.stappen[i]!)));
  select.append(h('option', { value: 'overslaan', selected: override === 'overslaan' }, 'Deze klant overslaan'));
  return select;
}

function customerRow(c: PlannedCustomer, index: number, workflow: Workflow, choice: StepChoice, overrides: Readonly<Record<string, CustomerOverride>>): HTMLTableRowElement {
  const g = c.group;
  const invoices = g.invoices.map((i) => i.nummer);
  const shownNumbers = invoices.length > 6 ? [...invoices.slice(0, 5), `en nog ${invoices.length - 5}`] : invoices;
  return h(
    'tr',
    { 'data-key': g.key, 'data-state': c.status },
    h('th', { scope: 'row' }, g.klant.naam ?? '', g.klant.klantnummer ? h('span', { class: 'bk-sub' }, `Klantnummer ${g.klant.klantnummer}`) : null, g.klant.email ? h('span', { class: 'bk-sub' }, g.klant.email) : null),
    h(
      'td',
      { 'data-col': 'facturen' },
      invoices.length === 1 ? `1 factuur: ${invoices[0]}` : `${invoices.length} facturen: ${shownNumbers.join(', ')}`,
      invoices.length > 1 ? h('span', { class: 'bk-sub' }, 'Samen in één bericht, met een overzicht') : null,
      g.notYetDue.length ? h('span', { class: 'bk-sub' }, `${plural(g.notYetDue.length, 'factuur', 'facturen')} nog niet vervallen, niet opgenomen`) : null,
    ),
    h('td', { class: 'bk-num', 'data-col': 'openstaand' }, formatMoney(g.totalOpen)),
    h('td', { 'data-col': 'te-laat' }, lateText(g.daysLate), h('span', { class: 'bk-sub' }, `Vervaldag ${formatDateShort(g.oldestDue)}`)),
    // A customer with its own playbook (a "Draaiboek" column) chooses among that playbook's steps.
    h('td', { 'data-col': 'stap' }, stepSelect(c, index, c.workflow ?? workflow, c.workflow ? 'automatisch' : choice, overrides[g.key])),
    resultCell(c),
  );
}

export function renderCustomers(container: HTMLElement, page: CustomerPage, workflow: Workflow, choice: StepChoice, overrides: Readonly<Record<string, CustomerOverride>>): void {
  const { customers: shown, total } = page;
  const caption = h('caption', {}, `${plural(total, 'klant', 'klanten')}${shown.length < total ? ` (de eerste ${shown.length.toLocaleString('nl-BE')} getoond)` : ''}`);
  const head = h('tr', {}, ...['Klant', 'Facturen', 'Openstaand', 'Te laat', 'Stap vandaag', 'Resultaat'].map((t) => h('th', { scope: 'col' }, t)));
  const body = h('tbody', {});
  container.replaceChildren(total ? h('table', { class: 'bk-table bk-customers' }, caption, h('thead', {}, head), body) : h('p', { class: 'bk-empty' }, 'Geen klanten: geen enkele rij is bruikbaar.'));
  latest.set(container, shown);
  // Rows still to come are drawn from the latest plan (a per-customer choice may replan meanwhile).
  fillBody(container, body, shown.length, (i) => customerRow(latest.get(container)![i]!, i, workflow, choice, overrides));
}

/** After a per-customer choice: new result cells, the selects (and the focus) stay. */
export function updateCustomerResults(container: HTMLElement, customers: readonly PlannedCustomer[]): void {
  latest.set(container, customers);
  const byKey = new Map(customers.map((c) => [c.group.key, c]));
  for (const row of container.querySelectorAll<HTMLTableRowElement>('tr[data-key]')) {
    const c = byKey.get(row.dataset['key']!);
    if (!c) continue;
    row.dataset['state'] = c.status;
    row.querySelector('td[data-col="resultaat"]')?.replaceWith(resultCell(c));
  }
}
