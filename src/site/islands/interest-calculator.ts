/**
 * The interest and costs calculator island (/rekenhulp/): reads the form, checks each field in
 * Dutch, computes with the legal module (lib/interest-calc.ts) and shows the breakdown per period,
 * the costs, the total and only the rules for the chosen country and customer. The words come from
 * lib/interest-result.ts; this file only builds elements and handles events. The PDF annex code
 * (render/pdf/annex.ts) and the fonts load on the first click. Nothing is sent.
 */
import type { Source, Status } from '../../legal/types.ts';
import { STATUS_LABEL, calculate, customerOf, jurisdictionOf, kindChoices, localToday, needsFirstReminder, parseForm, sourceTitle, summarySentence, type Calculation, type FieldErrors, type FieldName, type MissingRate, type RawForm } from '../lib/interest-calc.ts';
import {
  FIELDS,
  breakdownRows,
  breakdownTable,
  closingNotes,
  costLines,
  disclaimerForAnnex,
  firstInvalid,
  inputRows,
  introParts,
  pendingSummary,
  rateFields,
  ruleShown,
  singleKindText,
  totalRows,
  unknownWarning,
  visibleErrors,
} from '../lib/interest-result.ts';
import { loadPdfFonts } from './fonts.ts';
import { showError } from '../lib/field-dom.ts';
import { saveFile } from '../lib/save-file.ts';

/** The page's elements, found once. */
interface Page {
  form: HTMLFormElement;
  heading: HTMLElement;
  summary: HTMLElement;
  out: HTMLElement;
  actions: HTMLElement;
  actionsHint: HTMLElement;
  fileStatus: HTMLElement;
  annexButton: HTMLButtonElement;
  kindFieldset: HTMLFieldSetElement;
  kindOptions: HTMLElement;
  kindSingle: HTMLElement;
  reminderField: HTMLElement;
  rateFieldset: HTMLFieldSetElement;
  rateList: HTMLElement;
}

interface State {
  touched: Set<FieldName>;
  current: Calculation | null;
  summaryTimer: number;
  busy: boolean;
}

const root = document.querySelector<HTMLElement>('[data-interest]');
if (root) init(root);

function init(root: HTMLElement): void {
  const page = findParts(root);
  const state: State = { touched: new Set(), current: null, summaryTimer: 0, busy: false };
  chooseFromUrl(page.form);
  bindForm(page, state);
  root.querySelector<HTMLButtonElement>('[data-print]')?.addEventListener('click', () => window.print());
  page.annexButton.addEventListener('click', () => void annex(page, state));
  update(page, state, false);
}

function findParts(root: HTMLElement): Page {
  const $ = <T extends HTMLElement>(selector: string) => root.querySelector<T>(selector)!;
  return {
    form: $<HTMLFormElement>('form'),
    heading: $('#interest-resultaat'),
    summary: $('[data-summary]'),
    out: $('[data-result]'),
    actions: $('[data-actions]'),
    actionsHint: $('[data-actions-hint]'),
    fileStatus: $('[data-file-status]'),
    annexButton: $<HTMLButtonElement>('[data-annex]'),
    kindFieldset: $<HTMLFieldSetElement>('[data-kind-choice]'),
    kindOptions: $('[data-kind-options]'),
    kindSingle: $('[data-kind-single]'),
    reminderField: $('[data-first-reminder]'),
    rateFieldset: $<HTMLFieldSetElement>('[data-rate-fields]'),
    rateList: $('[data-rate-list]'),
  };
}

// Function declarations, not arrow constants: init() runs at load, above this line.
function field(form: HTMLFormElement, name: FieldName): HTMLInputElement {
  return form.elements.namedItem(name) as HTMLInputElement;
}
function checked(form: HTMLFormElement, name: string): string {
  return form.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`)?.value ?? '';
}
function rateInputs(page: Page): NodeListOf<HTMLInputElement> {
  return page.rateList.querySelectorAll<HTMLInputElement>('input[data-period]');
}

/** A link from a guide may choose the country and the customer: /rekenhulp/?land=nl&klant=consument. */
function chooseFromUrl(form: HTMLFormElement): void {
  const params = new URLSearchParams(window.location.search);
  for (const name of ['land', 'klant']) {
    const value = params.get(name);
    const radio = value ? form.querySelector<HTMLInputElement>(`input[name="${name}"][value="${CSS.escape(value)}"]`) : null;
    if (radio) radio.checked = true;
  }
}

function readRaw(page: Page): RawForm {
  const { form } = page;
  const due = field(form, 'vervaldag');
  const paid = field(form, 'betaaldag');
  const reminder = field(form, 'eersteHerinnering');
  const voeten: Record<string, string> = {};
  rateInputs(page).forEach((input) => (voeten[input.dataset['period']!] = input.value));
  return {
    eersteHerinnering: reminder.value,
    eersteHerinneringOnvolledig: reminder.validity.badInput,
    voeten,
    bedrag: field(form, 'bedrag').value,
    vervaldag: due.value,
    vervaldagOnvolledig: due.validity.badInput,
    betaaldag: paid.value,
    betaaldagOnvolledig: paid.validity.badInput,
    land: checked(form, 'land'),
    klant: checked(form, 'klant'),
    soort: checked(form, 'soort'),
    referentie: field(form, 'referentie').value,
  };
}

/** The interest kinds for the chosen debtor: radios when there is a choice, else one line of text. */
function syncChoices(page: Page): void {
  const jurisdiction = jurisdictionOf(checked(page.form, 'land'));
  const customerType = customerOf(checked(page.form, 'klant'));
  const choices = kindChoices(jurisdiction, customerType);
  const key = `${jurisdiction}-${customerType}`;
  if (page.kindOptions.dataset['key'] !== key) {
    // Another debtor: back to the usual kind for that debtor (the first).
    const radios = choices.map((choice, i) => {
      const radio = el('input', { type: 'radio', name: 'soort', value: choice.kind });
      radio.checked = i === 0;
      return el('label', { class: 'choice' }, radio, ` ${choice.label}`);
    });
    page.kindOptions.replaceChildren(...radios);
    page.kindOptions.dataset['key'] = key;
  }
  page.kindFieldset.hidden = choices.length < 2;
  page.kindSingle.hidden = choices.length >= 2;
  page.kindSingle.textContent = singleKindText(jurisdiction, choices);
  page.reminderField.hidden = !needsFirstReminder(jurisdiction, customerType);

  // Only the rules and the notice for this country and this kind of customer.
  document.querySelectorAll<HTMLElement>('[data-rules]').forEach((group) => (group.hidden = group.dataset['rules'] !== jurisdiction));
  document.querySelectorAll<HTMLElement>('[data-audience]').forEach((rule) => (rule.hidden = !ruleShown(rule.dataset['audience'], customerType)));
  document.querySelectorAll<HTMLElement>('[data-disclaimer]').forEach((note) => (note.hidden = note.dataset['disclaimer'] !== jurisdiction));
}

/** Shows each field's message as visibleErrors decides, and every typed rate's; returns how many show. */
function showErrors(page: Page, errors: FieldErrors, touched: ReadonlySet<FieldName>, all: boolean): number {
  let shown = 0;
  const messages = visibleErrors(errors, touched, all);
  for (const name of FIELDS) {
    const input = field(page.form, name);
    showError(input, document.getElementById(`${input.id}-fout`), messages[name]);
    if (messages[name]) shown++;
  }
  // A typed rate is checked as soon as something is typed in it.
  rateInputs(page).forEach((input) => {
    const message = errors[`voet-${input.dataset['period']!}`] ?? '';
    showError(input, document.getElementById(`${input.id}-fout`), message);
    if (message) shown++;
  });
  return shown;
}

/** One field per period whose rate we do not know, with the legal formula; rebuilt only when the periods change, so typing keeps focus. */
function syncRateFields(page: Page, missing: readonly MissingRate[], jurisdiction: 'be' | 'nl'): void {
  const { key, fields } = rateFields(missing, jurisdiction);
  if (page.rateList.dataset['key'] === key) return;
  const kept = new Map([...rateInputs(page)].map((f) => [f.dataset['period']!, f.value]));
  const boxes = fields.map((f) => {
    const input = el('input', { id: f.id, name: `voet-${f.period}`, type: 'text', inputmode: 'decimal', autocomplete: 'off', spellcheck: 'false', maxlength: '10', 'data-period': f.period, 'aria-describedby': `${f.id}-hint ${f.id}-fout` });
    input.value = kept.get(f.period) ?? '';
    return el('div', { class: 'field' }, el('label', { for: f.id }, f.label), input, el('span', { id: `${f.id}-hint`, class: 'field__hint' }, f.help), el('span', { id: `${f.id}-fout`, class: 'field__error', hidden: '' }));
  });
  page.rateList.replaceChildren(...boxes);
  page.rateList.dataset['key'] = key;
  page.rateFieldset.hidden = missing.length === 0;
}

/** The live region speaks once the user stops typing, not at every key. */
function setSummary(page: Page, state: State, text: string, now: boolean): void {
  window.clearTimeout(state.summaryTimer);
  const apply = () => {
    if (page.summary.textContent !== text) page.summary.textContent = text;
  };
  if (now) apply();
  else state.summaryTimer = window.setTimeout(apply, 700);
}

function showResult(page: Page, calc: Calculation | null): void {
  page.out.replaceChildren(...(calc ? renderResult(calc) : []));
  page.actions.hidden = !calc;
  page.actionsHint.hidden = !calc;
}

function update(page: Page, state: State, all: boolean): FieldErrors | null {
  syncChoices(page);
  const parsed = parseForm(readRaw(page), localToday());
  if (!parsed.ok) {
    const shown = showErrors(page, parsed.errors, state.touched, all);
    state.current = null;
    showResult(page, null);
    setSummary(page, state, pendingSummary(shown), all);
    return parsed.errors;
  }
  showErrors(page, {}, state.touched, all);
  const calc = calculate(parsed.input);
  state.current = calc;
  syncRateFields(page, calc.missingRates, calc.input.jurisdiction);
  showResult(page, calc);
  setSummary(page, state, summarySentence(calc), all);
  return null;
}

function bindForm(page: Page, state: State): void {
  const { form } = page;
  form.addEventListener('input', () => update(page, state, false));
  form.addEventListener('change', (event) => {
    const name = (event.target as HTMLInputElement).name as FieldName;
    if (FIELDS.includes(name)) state.touched.add(name);
    update(page, state, false);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    FIELDS.forEach((f) => state.touched.add(f));
    const errors = update(page, state, true);
    const first = errors ? firstInvalid(errors) : undefined;
    const badRate = page.rateList.querySelector<HTMLInputElement>('input[aria-invalid="true"]');
    if (first) field(form, first).focus();
    else if (badRate) badRate.focus();
    else page.heading.focus();
  });
  form.addEventListener('reset', () => {
    // The browser resets the fields after this event.
    window.setTimeout(() => {
      state.touched.clear();
      page.fileStatus.textContent = '';
      update(page, state, false);
    });
  });
}

async function annex(page: Page, state: State): Promise<void> {
  const calc = state.current;
  if (!calc || state.busy) return;
  state.busy = true;
  page.annexButton.setAttribute('aria-disabled', 'true');
  page.annexButton.setAttribute('aria-busy', 'true');
  say(page, 'De bijlage wordt gemaakt…');
  try {
    const disclaimer = disclaimerForAnnex(document.querySelector(`[data-disclaimer="${calc.input.jurisdiction}"]`)?.textContent);
    const [{ renderAnnexPdf, annexFileName }, fonts] = await Promise.all([import('../../render/pdf/annex.ts'), loadPdfFonts([JSON.stringify(calc), disclaimer])]);
    const bytes = await renderAnnexPdf(calc, { fonts, disclaimer, createdOn: localToday() });
    const name = annexFileName(calc);
    saveFile(new Blob([bytes as BlobPart], { type: 'application/pdf' }), name);
    say(page, `${name} is gedownload.`);
  } catch (error) {
    console.warn('Tijdig: bijlage maken mislukt', error);
    say(page, 'De bijlage kon niet gemaakt worden. Probeer het opnieuw.');
  } finally {
    state.busy = false;
    page.annexButton.removeAttribute('aria-disabled');
    page.annexButton.removeAttribute('aria-busy');
  }
}

function say(page: Page, message: string): void {
  page.fileStatus.textContent = '';
  window.setTimeout(() => (page.fileStatus.textContent = message), 30);
}

// ---------------------------------------------------------------- rendering

type Child = Node | string;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

function badge(status: Status): HTMLElement {
  return el('span', { class: `badge badge--${status}` }, STATUS_LABEL[status]);
}

function sourceLinks(sources: readonly Source[]): Child[] {
  const out: Child[] = [];
  sources.forEach((s, i) => {
    if (i > 0) out.push('; ');
    out.push(s.url ? el('a', { href: s.url, rel: 'noreferrer' }, sourceTitle(s)) : el('span', {}, sourceTitle(s)));
  });
  return out;
}

function sourcesLine(sources: readonly Source[]): HTMLElement {
  return el('p', { class: 'interest__sources' }, sources.length === 1 ? 'Bron: ' : 'Bronnen: ', ...sourceLinks(sources), '.');
}

function renderResult(calc: Calculation): Node[] {
  const intro = introParts(calc);
  const unknown = unknownWarning(calc);
  return [
    inputsList(calc),
    el('p', {}, intro.before, el('strong', {}, intro.days), intro.after),
    ...(unknown ? [el('div', { class: 'interest__warning', 'data-unknown': '' }, el('p', {}, el('strong', {}, unknown.heading)), el('ul', {}, ...unknown.lines.map((l) => el('li', {}, l))), el('p', {}, unknown.advice))] : []),
    ...breakdown(calc),
    el('h3', {}, 'Zo is er gerekend'),
    el('ul', { class: 'interest__notes' }, ...calc.interest.notes.map((note) => el('li', {}, ...(note.status === 'verified' ? [] : [badge(note.status), ' ']), note.text, sourcesLine(note.sources)))),
    el('h3', {}, 'Vergoedingen en kosten'),
    costsList(calc),
    el('h3', {}, 'Totaal'),
    totalsTable(calc),
    ...closing(calc),
  ];
}

function inputsList(calc: Calculation): HTMLElement {
  const dl = el('dl', { class: 'interest__inputs' });
  for (const [term, value] of inputRows(calc)) dl.append(el('dt', {}, term), el('dd', {}, value));
  return el('div', { class: 'print-only' }, el('h3', {}, 'Gegevens'), dl);
}

/** The breakdown per period: heading and table. */
function breakdown(calc: Calculation): Node[] {
  const words = breakdownTable(calc);
  const head = el('tr', {}, ...words.columns.map((title, i) => el('th', i === 0 || i === 5 ? { scope: 'col' } : { scope: 'col', class: 'num' }, title)));
  const body = el('tbody', {}, ...breakdownRows(calc).map((row) => {
    const period = el('th', { scope: 'row' }, row.period, el('br'), el('span', { class: 'small' }, row.name));
    const days = el('td', { class: 'num' }, row.days);
    if (!row.rate) return el('tr', { class: 'is-unknown', 'data-line': 'unknown' }, period, days, el('td', { class: 'num' }, badge('unknown')), el('td', { class: 'num' }, row.base), el('td', { class: 'num' }, row.amount), el('td', {}, 'Niet berekend'));
    const rate = el('td', { class: 'num' }, row.rate.text);
    if (row.rate.note === 'typed') rate.append(el('br'), el('span', { class: 'badge badge--unverified', 'data-typed': '' }, 'zelf ingevuld'));
    else if (row.rate.note) rate.append(el('br'), badge(row.rate.note));
    return el('tr', { 'data-line': 'known' }, period, days, rate, el('td', { class: 'num' }, row.base), el('td', { class: 'num' }, row.amount), el('td', { class: 'interest__sources' }, ...sourceLinks(row.sources)));
  }));
  const foot = el('tfoot', {}, el('tr', {}, el('th', { scope: 'row' }, 'Samen'), el('td', { class: 'num' }, words.days), el('td'), el('td'), el('td', { class: 'num', 'data-interest-total': '' }, words.total), el('td')));
  const table = el('table', { 'data-breakdown': '' }, el('caption', { class: 'visually-hidden' }, words.caption), el('thead', {}, head), body, foot);
  return [el('h3', { id: 'interest-perioden' }, words.heading), el('div', { class: 'table-scroll' }, table)];
}

function costsList(calc: Calculation): HTMLElement {
  const items = costLines(calc).map((c) =>
    el('li', { 'data-cost': c.id }, el('strong', {}, c.label), ': ', c.amount, c.nature, ...(c.status ? [' ', badge(c.status)] : []), el('ul', {}, ...c.conditions.map((t) => el('li', {}, t))), sourcesLine(c.sources)),
  );
  return el('ul', { class: 'interest__costs' }, ...items);
}

function totalsTable(calc: Calculation): HTMLElement {
  const rows = totalRows(calc).map((r) => el('tr', r.total ? { class: 'is-total', 'data-total': r.total } : {}, el('th', { scope: 'row' }, r.label), el('td', { class: 'num' }, r.value)));
  return el('div', { class: 'table-scroll' }, el('table', { class: 'interest__totals' }, el('caption', { class: 'visually-hidden' }, 'Totaal'), el('tbody', {}, ...rows)));
}

function closing(calc: Calculation): Node[] {
  const notes = closingNotes(calc);
  return [
    ...(notes.noTotal ? [el('p', { 'data-no-total': '' }, el('strong', {}, 'Geen totaal'), ': ', notes.noTotal)] : []),
    ...(notes.typed ? [el('p', { 'data-typed-rates': '' }, notes.typed)] : []),
    ...(notes.notYet ? [el('p', { 'data-not-yet': '' }, notes.notYet)] : []),
    ...(notes.leftOut ? [el('p', { class: 'small' }, notes.leftOut)] : []),
  ];
}
