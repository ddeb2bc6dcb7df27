/**
 * The computed plan on screen: the visual timeline (CSS, positions as custom properties), the
 * schedule table with each step's warnings right under it, and the warnings about the plan as a
 * whole. Rebuilt on every change; focus on a link inside survives (replaceKeepingFocus).
 */
import { addDays, daysBetween } from '../../legal/dates.ts';
import type { IsoDate } from '../../legal/types.ts';
import { dayLabel, longDate } from '../../timeline/format.ts';
import type { Schedule, ScheduledStep } from '../../timeline/schedule.ts';
import type { Warning } from '../../timeline/warnings.ts';
import { CHANNEL_LABEL, offsetWords, TONE_LABEL } from '../lib/labels.ts';
import { invoiceLine, money, plural, rowName, rowNumber, SEVERITY_LABEL, TERM_LABEL } from '../lib/timeline-view.ts';
import type { CatalogTemplate } from '../lib/timeline-types.ts';
import { h, replaceKeepingFocus, sourceLink, sr, type Child } from './timeline-dom.ts';

const MONTHS = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
const shortDate = (d: IsoDate) => `${Number(d.slice(8))} ${MONTHS[Number(d.slice(5, 7)) - 1]}`;

const forRow = (warnings: readonly Warning[], s: Pick<ScheduledStep, 'stepIndex' | 'occurrence'>) => warnings.filter((w) => w.stepIndex === s.stepIndex && w.occurrence === s.occurrence);

function warningList(list: readonly Warning[], key: string): HTMLUListElement {
  return h(
    'ul',
    { class: 'tl-warnings' },
    ...list.map((w, k) =>
      h(
        'li',
        { class: `tl-warning tl-warning--${w.severity}`, 'data-warning': w.id },
        h('strong', {}, `${SEVERITY_LABEL[w.severity]}: `),
        w.message,
        w.sources.length > 0 &&
          h(
            'span',
            { class: 'tl-warning__sources' },
            ` ${w.sources.length === 1 ? 'Bron' : 'Bronnen'}: `,
            ...w.sources.flatMap((src, j) => {
              const link = sourceLink(src.title, src.url);
              if (link instanceof HTMLElement) link.dataset['key'] = `${key}-${k}-${j}`;
              return j === 0 ? [link] : ['; ', link];
            }),
            '.',
          ),
      ),
    ),
  );
}

/** Warnings about the plan as a whole (payment term), above the table. */
export function renderPlanWarnings(container: HTMLElement, warnings: readonly Warning[]): void {
  const general = warnings.filter((w) => w.stepIndex === null);
  replaceKeepingFocus(container, general.length > 0 && h('h3', {}, 'Over de hele planning'), general.length > 0 && warningList(general, 'plan'));
}

function dateCell(s: ScheduledStep): HTMLTableCellElement {
  const notes: Child[] = [];
  if (s.status === 'on-hold') return h('td', {}, h('span', { class: 'tl-muted' }, 'Nog geen datum: wacht tot de pauze voorbij is'));
  // The reason is "een zaterdag" for a weekend (the date already says so) or "Paasmaandag (een feestdag)".
  if (s.movedOffDay) notes.push(`verschoven van ${longDate(s.movedOffDay.from)}, ${s.movedOffDay.reason.startsWith('een ') ? 'in het weekend' : s.movedOffDay.reason}`);
  if (s.pausedDays > 0) notes.push(`${plural(s.pausedDays, 'dag', 'dagen')} later door een pauze`);
  if (s.gapDays > 0) notes.push(`${plural(s.gapDays, 'dag', 'dagen')} later voor de minimale tussentijd`);
  if (s.status === 'skipped') notes.push('overgeslagen: vóór uw eerste verzenddatum');
  return h('td', {}, h('time', { datetime: s.date! }, longDate(s.date!)), ...notes.map((n) => h('span', { class: 'tl-note' }, n)));
}

function termCell(s: ScheduledStep, schedule: Schedule): HTMLTableCellElement {
  const parts: Child[] = [];
  if (s.term) {
    parts.push(
      h(
        'span',
        { class: 'tl-note tl-note--first' },
        s.term.origin === 'until-next-step'
          ? `Betalen vóór de volgende stap: uiterlijk ${longDate(s.term.end)}`
          : `Geeft ${plural(s.term.days, 'dag', 'dagen')} (${TERM_LABEL[s.term.origin]}): betalen uiterlijk ${longDate(s.term.end)}`,
      ),
    );
  }
  const r = s.runningTerm;
  if (r && r.term.origin !== 'until-next-step') {
    const from = schedule.steps.find((x) => x.stepIndex === r.stepIndex && x.occurrence === r.occurrence);
    parts.push(h('span', { class: 'tl-note tl-running' }, `Loopt nog: de termijn uit ${from ? rowName(from).toLowerCase() : 'een vorige stap'}, tot en met ${longDate(r.term.end)}`));
  }
  return h('td', {}, ...(parts.length ? parts : [h('span', { class: 'tl-muted' }, '—')]));
}

/** Interest on the step's day; when a rate is not known yet, the known part as a minimum. */
function interestCell(s: ScheduledStep): HTMLTableCellElement {
  const i = s.interest;
  if (!i) return h('td', { class: 'num' }, '—');
  if (i.cents !== null) return h('td', { class: 'num' }, money(i.cents), i.days > 0 && h('span', { class: 'tl-note' }, plural(i.days, 'dag', 'dagen')));
  return h('td', { class: 'num' }, i.knownCents > 0 ? `minstens ${money(i.knownCents)}` : 'onbekend', h('span', { class: 'tl-note' }, 'rentevoet nog niet bekend'));
}

function totalText(s: ScheduledStep, amountCents: number): string {
  if (!s.date) return '—';
  if (s.totalCents !== null) return money(s.totalCents);
  if (s.interest && s.interest.cents === null && s.costs?.cents !== null && s.costs?.cents !== undefined) return `minstens ${money(amountCents + s.interest.knownCents + s.costs.cents)}`;
  return 'onbekend';
}

export function renderTable(container: HTMLElement, schedule: Schedule, warnings: readonly Warning[], catalog: ReadonlyMap<string, CatalogTemplate>): void {
  const { plan } = schedule;
  const columns = ['Stap', 'Datum', 'Dag', 'Kanaal en toon', 'Sjabloon', 'Interest', 'Kosten', 'Totaal', 'Termijn'];
  const body = h('tbody');
  for (const s of schedule.steps) {
    const number = rowNumber(s);
    const mine = forRow(warnings, s);
    const template = catalog.get(s.step.template);
    const worst = mine.find((w) => w.severity === 'error') ? 'error' : mine.find((w) => w.severity === 'warning') ? 'warning' : null;
    body.append(
      h(
        'tr',
        { id: `tl-rij-${number}`, 'data-row': number, 'data-date': s.date ?? '', 'data-state': s.status, class: `tl-row tl-row--${s.status}${worst ? ` tl-row--${worst}` : ''}` },
        h('th', { scope: 'row' }, h('span', { class: 'tl-num' }, number), h('span', { class: 'tl-row__title' }, s.step.titel || rowName(s))),
        dateCell(s),
        h('td', { class: 'tl-nowrap' }, s.offset === null ? '—' : h('abbr', { title: offsetWords(s.offset) }, dayLabel(s.offset))),
        h('td', {}, CHANNEL_LABEL[s.step.kanaal], h('span', { class: 'tl-note' }, `toon: ${TONE_LABEL[s.step.toon].toLowerCase()}`)),
        h('td', {}, template ? h('a', { href: `/sjablonen/${template.id}/`, 'data-key': `tpl-${number}` }, template.title) : h('span', { class: 'tl-muted' }, s.step.template ? `${s.step.template} (onbekend)` : 'nog geen sjabloon')),
        interestCell(s),
        h('td', { class: 'num' }, s.costs ? money(s.costs.cents) : '—'),
        h('td', { class: 'num' }, totalText(s, plan.settings.amountCents)),
        termCell(s, schedule),
      ),
    );
    if (mine.length) {
      body.append(h('tr', { class: 'tl-warn-row', 'data-warnings-for': number }, h('td', { colspan: columns.length }, h('span', { class: 'visually-hidden' }, `Bij ${rowName(s).toLowerCase()}:`), warningList(mine, `w-${number}`))));
    }
  }
  const table = h(
    'table',
    { class: 'tl-table', 'aria-describedby': 'tl-table-note' },
    h('caption', { class: 'visually-hidden' }, invoiceLine(plan.settings, longDate)),
    h('thead', {}, h('tr', {}, ...columns.map((c, i) => h('th', { scope: 'col', class: i >= 5 && i <= 7 ? 'num' : null }, c)))),
    body,
  );
  const note = h(
    'p',
    { class: 'small', id: 'tl-table-note' },
    'Interest: de wettelijke interest van de dag na de vervaldag tot en met de dag van de stap. Is de rentevoet voor een deel van die periode nog niet bekendgemaakt, dan ziet u wat al vaststaat. Kosten: de vergoeding die u die dag mag vragen. Totaal: bedrag, interest en kosten samen.',
  );
  if (!schedule.steps.length) return replaceKeepingFocus(container, h('p', { class: 'tl-muted' }, 'Deze planning heeft nog geen stappen. Voeg er een toe bij “De stappen”.'));
  replaceKeepingFocus(container, h('p', { class: 'tl-invoice', 'aria-hidden': 'true' }, invoiceLine(plan.settings, longDate)), h('div', { class: 'table-scroll' }, table), note);
}

/** Greedy lanes so that labels closer than `gap` percent do not overlap. */
function lanes(xs: readonly number[], gap: number, max: number): number[] {
  const ends: number[] = [];
  return xs.map((x) => {
    let lane = ends.findIndex((end) => x - end >= gap);
    if (lane < 0) lane = ends.length < max ? ends.length : ends.indexOf(Math.min(...ends));
    ends[lane] = x;
    return lane;
  });
}

const setVars = (el: HTMLElement, vars: Record<string, string | number>) => {
  for (const [k, v] of Object.entries(vars)) el.style.setProperty(`--${k}`, String(v));
  return el;
};

export function renderVisual(container: HTMLElement, schedule: Schedule, warnings: readonly Warning[], today: IsoDate): void {
  const { plan } = schedule;
  const dated = schedule.steps.filter((s) => s.date !== null);
  if (!dated.length) return replaceKeepingFocus(container, h('p', { class: 'tl-muted' }, 'Nog geen stappen met een datum.'));
  const terms = dated.filter((s) => s.status === 'planned' && s.term && s.term.origin !== 'until-next-step');
  const points = [plan.settings.dueDate, ...dated.map((s) => s.date!), ...terms.map((s) => s.term!.end), ...plan.pauses.flatMap((p) => (p.until ? [p.from, p.until] : [p.from]))].sort();
  const start = addDays(points[0]!, -2);
  const end = addDays(points.at(-1)!, 3);
  const span = Math.max(1, daysBetween(start, end));
  const x = (d: IsoDate) => Math.min(100, Math.max(0, (daysBetween(start, d) / span) * 100));

  const pinLanes = lanes(dated.map((s) => x(s.date!)), 6.5, 4);
  const pins = dated.map((s, i) => {
    const mine = forRow(warnings, s).filter((w) => w.severity !== 'info');
    const name = `${rowName(s)}, ${CHANNEL_LABEL[s.step.kanaal].toLowerCase()}, ${longDate(s.date!)}${s.status === 'skipped' ? ', overgeslagen' : ''}${mine.length ? `, ${plural(mine.length, 'waarschuwing', 'waarschuwingen')}` : ''}`;
    return setVars(
      h(
        'li',
        { class: `tl-pin tl-pin--${s.step.kanaal}${s.status === 'skipped' ? ' tl-pin--skipped' : ''}${mine.length ? ' tl-pin--warn' : ''}` },
        h('span', { class: 'tl-pin__dot', 'aria-hidden': 'true' }, rowNumber(s)),
        h('span', { class: 'tl-pin__date', 'aria-hidden': 'true' }, `${shortDate(s.date!)}${mine.length ? ' ⚠' : ''}`),
        sr(name),
      ),
      { x: `${x(s.date!).toFixed(2)}%`, lane: pinLanes[i]! },
    );
  });

  const bandLanes = lanes(terms.map((s) => x(s.term!.start)), 0, 3);
  const bands = terms.map((s, i) => {
    const from = x(s.term!.start);
    const to = x(addDays(s.term!.end, 1));
    return setVars(h('li', { class: 'tl-band tl-band--term' }, h('span', {}, rowNumber(s))), { x: `${from.toFixed(2)}%`, w: `${Math.max(0.5, to - from).toFixed(2)}%`, lane: bandLanes[i]! });
  });
  const pauses = plan.pauses.map((p) => {
    const from = x(p.from);
    const to = p.until ? x(p.until) : 100;
    return setVars(h('li', { class: 'tl-band tl-band--pause' }), { x: `${from.toFixed(2)}%`, w: `${Math.max(0.5, to - from).toFixed(2)}%` });
  });
  const line = (cls: string, d: IsoDate, label: string) => setVars(h('div', { class: `tl-line ${cls}`, 'aria-hidden': 'true' }, h('span', {}, label)), { x: `${x(d).toFixed(2)}%` });

  const area = setVars(
    h(
      'div',
      { class: 'tl-vis__area' },
      h('div', { class: 'tl-vis__axis', 'aria-hidden': 'true' }),
      line('tl-line--due', plan.settings.dueDate, 'Vervaldag'),
      today > start && today < end && line('tl-line--today', today, 'Vandaag'),
      h('ul', { class: 'tl-vis__bands', 'aria-hidden': 'true' }, ...pauses, ...bands),
      h('ol', { class: 'tl-vis__pins', 'aria-label': 'Stappen op de tijdlijn' }, ...pins),
    ),
    { lanes: Math.max(...pinLanes) + 1, bandlanes: terms.length ? Math.max(...bandLanes) + 1 : 0 },
  );
  const legend = h(
    'p',
    { class: 'tl-vis__legend small' },
    h('span', { class: 'tl-key tl-key--term', 'aria-hidden': 'true' }),
    ' termijn die de klant krijgt (met het nummer van de stap) ',
    plan.pauses.length > 0 && h('span', { class: 'tl-key tl-key--pause', 'aria-hidden': 'true' }),
    plan.pauses.length > 0 && ' pauze ',
    ` · van ${longDate(start)} tot ${longDate(end)}`,
  );
  replaceKeepingFocus(container, h('figure', { class: 'tl-vis', 'aria-labelledby': 'tl-tijdlijn' }, area, legend));
}
