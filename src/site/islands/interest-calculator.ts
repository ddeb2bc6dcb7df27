/**
 * The interest and costs calculator island (/rekenhulp/): reads the form, checks each field in
 * Dutch, computes with the legal module (lib/interest-calc.ts) and shows the breakdown per period,
 * the costs, the total and only the rules for the chosen country and customer. The PDF annex code
 * (render/pdf/annex.ts) and the fonts load on the first click. Nothing is sent.
 */
import type { InterestLine } from '../../legal/interest.ts';
import type { Source, Status } from '../../legal/types.ts';
import {
  CUSTOMER_NAME,
  JURISDICTION_NAME,
  NATURE_LABEL,
  STATUS_LABEL,
  calculate,
  costLabel,
  customerOf,
  formatDateLong,
  fromReason,
  formatMoney,
  formatPercent,
  jurisdictionOf,
  kindChoices,
  localToday,
  needsFirstReminder,
  parseForm,
  periodName,
  phraseOf,
  sourceTitle,
  summarySentence,
  typedRatesSentence,
  unknownSentence,
  untilPhrase,
  words,
  type CalcInput,
  type Calculation,
  type FieldErrors,
  type FieldName,
  type MissingRate,
  type RawForm,
} from '../lib/interest-calc.ts';
import { loadPdfFonts } from './fonts.ts';
import { showError } from '../lib/field-dom.ts';

const FIELDS: readonly FieldName[] = ['bedrag', 'vervaldag', 'betaaldag', 'eersteHerinnering', 'referentie'];

const root = document.querySelector<HTMLElement>('[data-interest]');
if (root) init(root);

function init(root: HTMLElement): void {
  const $ = <T extends HTMLElement>(selector: string) => root.querySelector<T>(selector)!;
  const form = $<HTMLFormElement>('form');
  const heading = $<HTMLElement>('#interest-resultaat');
  const summary = $<HTMLElement>('[data-summary]');
  const out = $<HTMLElement>('[data-result]');
  const actions = $<HTMLElement>('[data-actions]');
  const actionsHint = $<HTMLElement>('[data-actions-hint]');
  const fileStatus = $<HTMLElement>('[data-file-status]');
  const annexButton = $<HTMLButtonElement>('[data-annex]');
  const kindFieldset = $<HTMLFieldSetElement>('[data-kind-choice]');
  const kindOptions = $<HTMLElement>('[data-kind-options]');
  const kindSingle = $<HTMLElement>('[data-kind-single]');
  const reminderField = $<HTMLElement>('[data-first-reminder]');
  const rateFieldset = $<HTMLFieldSetElement>('[data-rate-fields]');
  const rateList = $<HTMLElement>('[data-rate-list]');
  const input = (name: FieldName) => form.elements.namedItem(name) as HTMLInputElement;
  const checked = (name: string) => form.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`)?.value ?? '';

  const touched = new Set<FieldName>();
  let current: Calculation | null = null;
  let summaryTimer = 0;

  // A link from a guide may choose the country and the customer: /rekenhulp/?land=nl&klant=consument.
  const params = new URLSearchParams(window.location.search);
  for (const name of ['land', 'klant']) {
    const value = params.get(name);
    const radio = value ? form.querySelector<HTMLInputElement>(`input[name="${name}"][value="${CSS.escape(value)}"]`) : null;
    if (radio) radio.checked = true;
  }

  function raw(): RawForm {
    const due = input('vervaldag');
    const paid = input('betaaldag');
    const reminder = input('eersteHerinnering');
    const voeten: Record<string, string> = {};
    rateList.querySelectorAll<HTMLInputElement>('input[data-period]').forEach((field) => (voeten[field.dataset['period']!] = field.value));
    return {
      eersteHerinnering: reminder.value,
      eersteHerinneringOnvolledig: reminder.validity.badInput,
      voeten,
      bedrag: input('bedrag').value,
      vervaldag: due.value,
      vervaldagOnvolledig: due.validity.badInput,
      betaaldag: paid.value,
      betaaldagOnvolledig: paid.validity.badInput,
      land: checked('land'),
      klant: checked('klant'),
      soort: checked('soort'),
      referentie: input('referentie').value,
    };
  }

  /** The interest kinds for the chosen debtor: radios when there is a choice, else one line of text. */
  function syncChoices(): void {
    const jurisdiction = jurisdictionOf(checked('land'));
    const customerType = customerOf(checked('klant'));
    const choices = kindChoices(jurisdiction, customerType);
    const key = `${jurisdiction}-${customerType}`;
    if (kindOptions.dataset['key'] !== key) {
      // Another debtor: back to the usual kind for that debtor (the first).
      const keep = choices[0]?.kind;
      kindOptions.replaceChildren(
        ...choices.map((choice) => {
          const label = el('label', { class: 'choice' });
          const radio = el('input', { type: 'radio', name: 'soort', value: choice.kind });
          radio.checked = choice.kind === keep;
          label.append(radio, ` ${choice.label}`);
          return label;
        }),
      );
      kindOptions.dataset['key'] = key;
    }
    kindFieldset.hidden = choices.length < 2;
    kindSingle.hidden = choices.length >= 2;
    kindSingle.textContent = choices.length === 1 ? `Soort ${words(jurisdiction).interest}: ${choices[0]!.label}.` : '';
    reminderField.hidden = !needsFirstReminder(jurisdiction, customerType);

    // Only the rules and the notice for this country and this kind of customer.
    document.querySelectorAll<HTMLElement>('[data-rules]').forEach((group) => (group.hidden = group.dataset['rules'] !== jurisdiction));
    document.querySelectorAll<HTMLElement>('[data-audience]').forEach((rule) => {
      const audience = rule.dataset['audience'];
      rule.hidden = audience !== 'all' && audience !== customerType;
    });
    document.querySelectorAll<HTMLElement>('[data-disclaimer]').forEach((note) => (note.hidden = note.dataset['disclaimer'] !== jurisdiction));
  }

  function showErrors(errors: FieldErrors, all: boolean): number {
    let shown = 0;
    for (const name of FIELDS) {
      const field = input(name);
      const box = document.getElementById(`${field.id}-fout`)!;
      // A payment date before the due date is only pointed out once the due date was filled in.
      const visible = all || touched.has(name) || (name === 'betaaldag' && touched.has('vervaldag') && !errors.vervaldag);
      const message = visible ? (errors[name] ?? '') : '';
      showError(field, box, message);
      if (message) shown++;
    }
    // A typed rate is checked as soon as something is typed in it.
    rateList.querySelectorAll<HTMLInputElement>('input[data-period]').forEach((field) => {
      const message = errors[`voet-${field.dataset['period']!}`] ?? '';
      showError(field, document.getElementById(`${field.id}-fout`), message);
      if (message) shown++;
    });
    return shown;
  }

  /** One field per period whose rate we do not know, with the legal formula; rebuilt only when the periods change, so typing keeps focus. */
  function syncRateFields(missing: readonly MissingRate[], jurisdiction: 'be' | 'nl'): void {
    const key = `${jurisdiction}:${missing.map((m) => m.periodStart).join(',')}`;
    if (rateList.dataset['key'] === key) return;
    const kept = new Map([...rateList.querySelectorAll<HTMLInputElement>('input[data-period]')].map((f) => [f.dataset['period']!, f.value]));
    const w = words(jurisdiction);
    rateList.replaceChildren(
      ...missing.map((m) => {
        const id = `interest-voet-${m.periodStart}`;
        const field = el('input', { id, name: `voet-${m.periodStart}`, type: 'text', inputmode: 'decimal', autocomplete: 'off', spellcheck: 'false', maxlength: '10', 'data-period': m.periodStart, 'aria-describedby': `${id}-hint ${id}-fout` });
        field.value = kept.get(m.periodStart) ?? '';
        return el(
          'div',
          { class: 'field' },
          el('label', { for: id }, `${w.Rate} voor ${phraseOf(m.name)} (% per jaar)`),
          field,
          el('span', { id: `${id}-hint`, class: 'field__hint' }, m.help),
          el('span', { id: `${id}-fout`, class: 'field__error', hidden: '' }),
        );
      }),
    );
    rateList.dataset['key'] = key;
    rateFieldset.hidden = missing.length === 0;
  }

  /** The live region speaks once the user stops typing, not at every key. */
  function setSummary(text: string, now: boolean): void {
    window.clearTimeout(summaryTimer);
    const apply = () => {
      if (summary.textContent !== text) summary.textContent = text;
    };
    if (now) apply();
    else summaryTimer = window.setTimeout(apply, 700);
  }

  function update(all: boolean): FieldErrors | null {
    syncChoices();
    const parsed = parseForm(raw(), localToday());
    if (!parsed.ok) {
      const shown = showErrors(parsed.errors, all);
      current = null;
      out.replaceChildren();
      actions.hidden = true;
      actionsHint.hidden = true;
      setSummary(shown ? `Kijk de gegevens na: ${shown === 1 ? 'één veld is' : `${shown} velden zijn`} niet in orde.` : 'Vul het bedrag en de vervaldag in om te rekenen.', all);
      return parsed.errors;
    }
    showErrors({}, all);
    current = calculate(parsed.input);
    syncRateFields(current.missingRates, current.input.jurisdiction);
    out.replaceChildren(...renderResult(current));
    actions.hidden = false;
    actionsHint.hidden = false;
    setSummary(summarySentence(current), all);
    return null;
  }

  form.addEventListener('input', () => update(false));
  form.addEventListener('change', (event) => {
    const name = (event.target as HTMLInputElement).name as FieldName;
    if (FIELDS.includes(name)) touched.add(name);
    update(false);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    FIELDS.forEach((f) => touched.add(f));
    const errors = update(true);
    const first = errors ? FIELDS.find((f) => errors[f]) : undefined;
    const badRate = rateList.querySelector<HTMLInputElement>('input[aria-invalid="true"]');
    if (first) input(first).focus();
    else if (badRate) badRate.focus();
    else heading.focus();
  });
  form.addEventListener('reset', () => {
    // The browser resets the fields after this event.
    window.setTimeout(() => {
      touched.clear();
      fileStatus.textContent = '';
      update(false);
    });
  });

  root.querySelector<HTMLButtonElement>('[data-print]')?.addEventListener('click', () => window.print());

  let busy = false;
  annexButton.addEventListener('click', () => void annex());

  async function annex(): Promise<void> {
    const calc = current;
    if (!calc || busy) return;
    busy = true;
    annexButton.setAttribute('aria-disabled', 'true');
    annexButton.setAttribute('aria-busy', 'true');
    say('De bijlage wordt gemaakt…');
    try {
      const disclaimer = document.querySelector(`[data-disclaimer="${calc.input.jurisdiction}"]`)?.textContent?.replace(/^\s*\S+:\s*/, '').trim() ?? '';
      const [{ renderAnnexPdf, annexFileName }, fonts] = await Promise.all([import('../../render/pdf/annex.ts'), loadPdfFonts([JSON.stringify(calc), disclaimer])]);
      const bytes = await renderAnnexPdf(calc, { fonts, disclaimer, createdOn: localToday() });
      const name = annexFileName(calc);
      const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/pdf' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      link.hidden = true;
      document.body.append(link);
      link.click();
      link.remove();
      window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
      say(`${name} is gedownload.`);
    } catch (error) {
      console.warn('Tijdig: bijlage maken mislukt', error);
      say('De bijlage kon niet gemaakt worden. Probeer het opnieuw.');
    } finally {
      busy = false;
      annexButton.removeAttribute('aria-disabled');
      annexButton.removeAttribute('aria-busy');
    }
  }

  function say(message: string): void {
    fileStatus.textContent = '';
    window.setTimeout(() => (fileStatus.textContent = message), 30);
  }

  update(false);
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

function inputsList(input: CalcInput, calc: Calculation): HTMLElement {
  const w = words(input.jurisdiction);
  const rows: [string, string][] = [
    ['Openstaand bedrag', formatMoney(input.principalCents)],
    ['Vervaldag', formatDateLong(input.dueDate)],
    ...(input.firstReminder ? ([['Eerste herinnering', formatDateLong(input.firstReminder)]] as [string, string][]) : []),
    [`${w.Interest} vanaf`, `${formatDateLong(calc.from)} (${fromReason(calc)})`],
    ['Tot en met', `${formatDateLong(input.until)}${input.untilIsToday ? ' (vandaag)' : ' (de betaaldatum)'}`],
    ['Recht', JURISDICTION_NAME[input.jurisdiction]],
    ['Klant', CUSTOMER_NAME[input.customerType]],
    [`Soort ${w.interest}`, calc.kindLabel],
    ...(input.reference ? ([['Referentie', input.reference]] as [string, string][]) : []),
  ];
  const dl = el('dl', { class: 'interest__inputs' });
  for (const [term, value] of rows) dl.append(el('dt', {}, term), el('dd', {}, value));
  return el('div', { class: 'print-only' }, el('h3', {}, 'Gegevens'), dl);
}

function renderResult(calc: Calculation): Node[] {
  const { input, interest } = calc;
  const w = words(input.jurisdiction);
  const nodes: Node[] = [inputsList(input, calc)];

  nodes.push(
    el(
      'p',
      {},
      `${w.Interest} vanaf ${formatDateLong(calc.from)}, ${fromReason(calc)}, ${untilPhrase(input)}: `,
      el('strong', {}, `${interest.days} ${interest.days === 1 ? 'dag' : 'dagen'}`),
      `. Berekend als: ${calc.kindLabel.charAt(0).toLowerCase()}${calc.kindLabel.slice(1)}.`,
    ),
  );

  const unknown = interest.breakdown.filter((l): l is Extract<InterestLine, { unknown: true }> => l.unknown);
  if (unknown.length) {
    nodes.push(
      el(
        'div',
        { class: 'interest__warning', 'data-unknown': '' },
        el('p', {}, el('strong', {}, `Geen totaal: voor ${unknown.length === 1 ? 'één periode' : `${unknown.length} periodes`} is de ${w.rate} onbekend.`)),
        el('ul', {}, ...unknown.map((l) => el('li', {}, unknownSentence(calc, l)))),
        el(
          'p',
          {},
          `We vullen nooit een ${w.rate} in die we niet kennen. Zoek de ${w.rate} voor die periode op bij een officiële bron ${input.jurisdiction === 'be' ? 'voor u hem aanrekent' : 'voordat u hem in rekening brengt'}, en vul hem in bij de gegevens hierboven: dan rekenen we hem mee.`,
        ),
      ),
    );
  }

  // The breakdown per period.
  nodes.push(el('h3', { id: 'interest-perioden' }, `${w.Interest} per periode`));
  const table = el('table', { 'data-breakdown': '' });
  table.append(
    el('caption', { class: 'visually-hidden' }, `${w.Interest} per periode, met het aantal dagen, de ${w.rate}, het bedrag waarop gerekend is, de ${w.interest} en de bron`),
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        el('th', { scope: 'col' }, 'Periode'),
        el('th', { scope: 'col', class: 'num' }, 'Dagen'),
        el('th', { scope: 'col', class: 'num' }, w.Rate),
        el('th', { scope: 'col', class: 'num' }, 'Berekend over'),
        el('th', { scope: 'col', class: 'num' }, w.Interest),
        el('th', { scope: 'col' }, 'Bron'),
      ),
    ),
  );
  const body = el('tbody');
  for (const line of interest.breakdown) {
    const period = el('th', { scope: 'row' }, `${formatDateLong(line.periodStart)} – ${formatDateLong(line.periodEnd)}`, el('br'), el('span', { class: 'small' }, periodName(calc, line)));
    const days = el('td', { class: 'num' }, String(line.days));
    if (line.unknown) {
      body.append(
        el(
          'tr',
          { class: 'is-unknown', 'data-line': 'unknown' },
          period,
          days,
          el('td', { class: 'num' }, badge('unknown')),
          el('td', { class: 'num' }, '–'),
          el('td', { class: 'num' }, 'onbekend'),
          el('td', {}, 'Niet berekend'),
        ),
      );
    } else {
      const rate = el('td', { class: 'num' }, formatPercent(line.ratePercent));
      if (line.origin === 'user') rate.append(el('br'), el('span', { class: 'badge badge--unverified', 'data-typed': '' }, 'zelf ingevuld'));
      else if (line.status !== 'verified') rate.append(el('br'), badge(line.status));
      body.append(
        el(
          'tr',
          { 'data-line': 'known' },
          period,
          days,
          rate,
          el('td', { class: 'num' }, formatMoney(line.baseCents)),
          el('td', { class: 'num' }, formatMoney(line.amountCents)),
          el('td', { class: 'interest__sources' }, ...sourceLinks(line.sources)),
        ),
      );
    }
  }
  table.append(
    body,
    el(
      'tfoot',
      {},
      el(
        'tr',
        {},
        el('th', { scope: 'row' }, 'Samen'),
        el('td', { class: 'num' }, String(interest.days)),
        el('td'),
        el('td'),
        el('td', { class: 'num', 'data-interest-total': '' }, interest.totalCents === null ? 'onbekend' : formatMoney(interest.totalCents)),
        el('td'),
      ),
    ),
  );
  nodes.push(el('div', { class: 'table-scroll' }, table));

  // How it was computed.
  nodes.push(el('h3', {}, 'Zo is er gerekend'));
  nodes.push(
    el(
      'ul',
      { class: 'interest__notes' },
      ...interest.notes.map((note) => el('li', {}, ...(note.status === 'verified' ? [] : [badge(note.status), ' ']), note.text, sourcesLine(note.sources))),
    ),
  );

  // Compensation and costs.
  nodes.push(el('h3', {}, 'Vergoedingen en kosten'));
  nodes.push(
    el(
      'ul',
      { class: 'interest__costs' },
      ...calc.costs.map(({ item }) =>
        el(
          'li',
          { 'data-cost': item.id },
          el('strong', {}, item.label),
          ': ',
          item.amountCents === null ? 'onbekend' : formatMoney(item.amountCents),
          item.label.toLowerCase().includes(NATURE_LABEL[item.nature]) ? '' : ` (${NATURE_LABEL[item.nature]})`,
          ...(item.status === 'verified' ? [] : [' ', badge(item.status)]),
          el('ul', {}, ...item.conditions.map((c) => el('li', {}, c))),
          sourcesLine(item.sources),
        ),
      ),
    ),
  );

  // The total.
  nodes.push(el('h3', {}, 'Totaal'));
  const totals = el('table', { class: 'interest__totals' });
  const row = (label: string, value: string, attrs: Record<string, string> = {}) => el('tr', attrs, el('th', { scope: 'row' }, label), el('td', { class: 'num' }, value));
  const tbody = el('tbody');
  tbody.append(row('Openstaand bedrag (hoofdsom)', formatMoney(input.principalCents)));
  tbody.append(row(w.Interest, interest.totalCents === null ? 'onbekend' : formatMoney(interest.totalCents)));
  for (const { item } of calc.costs.filter((c) => c.inTotal)) tbody.append(row(costLabel(item), formatMoney(item.amountCents ?? 0)));
  if (calc.extrasCents !== null && calc.totalCents !== null) {
    tbody.append(row(`${w.Interest} en kosten samen`, formatMoney(calc.extrasCents), { class: 'is-total', 'data-total': 'extra' }));
    tbody.append(row('Totaal met de hoofdsom', formatMoney(calc.totalCents), { class: 'is-total', 'data-total': 'all' }));
  }
  totals.append(el('caption', { class: 'visually-hidden' }, 'Totaal'), tbody);
  nodes.push(el('div', { class: 'table-scroll' }, totals));
  if (calc.totalCents === null) {
    const missing = calc.missingRates.filter((m) => m.typed === null).map((m) => phraseOf(m.name));
    nodes.push(el('p', { 'data-no-total': '' }, el('strong', {}, 'Geen totaal'), `: de ${w.interest} voor ${missing.length ? missing.join(' en ') : 'een periode'} ontbreekt, want de ${w.rate} is niet bekend. Vul hem in bij de gegevens om mee te rekenen.`));
  }
  const typed = typedRatesSentence(calc);
  if (typed) nodes.push(el('p', { 'data-typed-rates': '' }, typed));
  if (calc.notYetRunning) nodes.push(el('p', { 'data-not-yet': '' }, `Op ${formatDateLong(input.until)} loopt nog geen ${w.interest}: die begint pas op ${formatDateLong(calc.from)}, ${fromReason(calc)}.`));

  const left = calc.costs.filter((c) => !c.inTotal);
  if (left.length) {
    nodes.push(
      el(
        'p',
        { class: 'small' },
        `Niet in het totaal: ${left.map(({ item }) => `${item.label.charAt(0).toLowerCase()}${item.label.slice(1)} (${whyNotCounted(item.id)})`).join('; ')}.`,
      ),
    );
  }
  return nodes;
}

function whyNotCounted(id: string): string {
  switch (id) {
    case 'be-b2c-schadebeding':
      return 'alleen als uw contract of algemene voorwaarden een schadebeding bevatten';
    case 'be-b2c-herinnering':
      return 'per herinnering, vanaf de tweede';
    case 'nl-wik':
      return 'het totaal telt het wettelijke minimum';
    default:
      return 'het bedrag is onbekend';
  }
}
