/**
 * The step editor: one fieldset per step, kept in place between renders (card i always shows
 * step i), so focus and half-typed text survive every change. Each edit is one Change for the
 * timeline core's reducer; the controller (timeline.ts) applies it and re-renders.
 */
import type { Channel } from '../../content/schema.ts';
import { CHANNEL_NOUN, dayLabel, longDate } from '../../timeline/format.ts';
import { LIMITS, nominalOffsets, type Change, type Plan } from '../../timeline/plan.ts';
import type { Schedule } from '../../timeline/schedule.ts';
import type { Warning } from '../../timeline/warnings.ts';
import { CHANNEL_LABEL, TONE_LABEL } from '../lib/labels.ts';
import { plural } from '../lib/timeline-view.ts';
import type { CatalogTemplate, StepChoices } from '../lib/timeline-types.ts';
import { h, setValue, sr } from './timeline-dom.ts';

export type Commit = (change: Exclude<Change, { type: 'undo' }>, label: string, after?: () => void) => Promise<boolean>;

type Field = 'titel' | 'offset' | 'anchor' | 'kanaal' | 'toon' | 'template' | 'termDays';

interface Card {
  li: HTMLLIElement;
  legend: HTMLElement;
  when: HTMLElement;
  error: HTMLElement;
  inputs: { titel: HTMLInputElement; offset: HTMLInputElement; anchor: HTMLSelectElement; kanaal: HTMLSelectElement; toon: HTMLSelectElement; template: HTMLSelectElement; termDays: HTMLInputElement };
  offsetHint: HTMLElement;
  templateKey: string;
  buttons: Record<'up' | 'down' | 'insert' | 'remove', HTMLButtonElement>;
}

const ACTIONS = { up: 'Omhoog', down: 'Omlaag', insert: 'Stap invoegen erna', remove: 'Verwijderen' } as const;

export class StepEditor {
  private readonly cards: Card[] = [];
  private plan: Plan | null = null;
  private readonly byKind: Map<string, CatalogTemplate[]>;
  private readonly list: HTMLOListElement;
  private readonly catalog: ReadonlyMap<string, CatalogTemplate>;
  private readonly commit: Commit;
  private readonly addButton: HTMLButtonElement;
  private readonly choices: StepChoices;

  constructor(list: HTMLOListElement, catalog: ReadonlyMap<string, CatalogTemplate>, commit: Commit, addButton: HTMLButtonElement, choices: StepChoices) {
    this.list = list;
    this.choices = choices;
    this.catalog = catalog;
    this.commit = commit;
    this.addButton = addButton;
    const sorted = [...catalog.values()].sort((a, b) => a.title.localeCompare(b.title, 'nl'));
    this.byKind = new Map(['email', 'brief', 'belscript'].map((k) => [k, sorted.filter((t) => t.kind === k)]));
    list.addEventListener('change', (event) => void this.onChange(event));
    list.addEventListener('click', (event) => this.onClick(event));
  }

  /** Focus a field or button of a step (after add, move, remove). */
  focus(index: number, what: Field | keyof Card['buttons']): void {
    const card = this.cards[index];
    if (!card) return void this.addButton.focus();
    const el = what in card.buttons ? card.buttons[what as keyof Card['buttons']] : card.inputs[what as Field];
    el.focus();
  }

  update(plan: Plan, schedule: Schedule, warnings: readonly Warning[]): void {
    this.plan = plan;
    while (this.cards.length < plan.steps.length) this.cards.push(this.card(this.cards.length));
    while (this.cards.length > plan.steps.length) this.cards.pop()!.li.remove();
    const nominal = nominalOffsets(plan.steps);
    plan.steps.forEach((step, i) => {
      const card = this.cards[i]!;
      const row = schedule.steps.find((s) => s.stepIndex === i && s.occurrence === 0);
      card.legend.textContent = `Stap ${i + 1}${step.titel.trim() ? `: ${step.titel.trim()}` : ''}`;
      const key = `${step.kanaal}|${step.template}`;
      if (card.templateKey !== key) {
        card.inputs.template.replaceChildren(...this.templateOptions(step.kanaal, step.template));
        card.templateKey = key;
      }
      const replaced = [
        setValue(card.inputs.titel, step.titel),
        setValue(card.inputs.offset, String(step.offset)),
        setValue(card.inputs.anchor, i === 0 ? 'vervaldag' : step.anchor),
        setValue(card.inputs.kanaal, step.kanaal),
        setValue(card.inputs.toon, step.toon),
        setValue(card.inputs.termDays, step.termDays === undefined ? '' : String(step.termDays)),
        setValue(card.inputs.template, step.template),
      ];
      // Another step's content moved here (move, remove, undo): an error about the old text no longer applies.
      if (replaced.includes(true)) this.showError(i, null);
      const n = nominal[i]!;
      card.offsetHint.textContent =
        step.anchor === 'vorige' && i > 0 ? `${plural(step.offset, 'dag', 'dagen')} na stap ${i}, dus ${dayLabel(n)}` : n === 0 ? 'D+0: op de vervaldag' : `${dayLabel(n)}: ${plural(Math.abs(n), 'dag', 'dagen')} ${n < 0 ? 'vóór' : 'na'} de vervaldag`;
      card.when.replaceChildren(...this.when(i, row, warnings));
      card.buttons.up.setAttribute('aria-disabled', String(i === 0));
      card.buttons.down.setAttribute('aria-disabled', String(i === plan.steps.length - 1));
      card.buttons.insert.setAttribute('aria-disabled', String(plan.steps.length >= LIMITS.maxSteps));
    });
    this.addButton.setAttribute('aria-disabled', String(plan.steps.length >= LIMITS.maxSteps));
  }

  private when(i: number, row: Schedule['steps'][number] | undefined, warnings: readonly Warning[]): (Node | string)[] {
    const mine = warnings.filter((w) => w.stepIndex === i && w.severity !== 'info');
    const out: (Node | string)[] = [];
    if (!row) return out;
    if (row.status === 'on-hold') out.push('Wacht tot de pauze voorbij is');
    else out.push(`${dayLabel(row.offset!)} · ${longDate(row.date!)}${row.status === 'skipped' ? ' · overgeslagen' : ''}`);
    if (mine.length) {
      out.push(' · ', h('a', { href: `#tl-rij-${i + 1}`, class: 'tl-step__warn' }, `⚠ ${plural(mine.length, 'waarschuwing', 'waarschuwingen')}`, sr(` bij stap ${i + 1}, in het overzicht`)));
    }
    return out;
  }

  private templateOptions(channel: Channel, current: string): HTMLOptionElement[] {
    const kinds = this.choices.kindsForChannel[channel];
    const fitting = kinds.flatMap((k) => this.byKind.get(k) ?? []);
    const options = [h('option', { value: '' }, '(nog geen sjabloon)')];
    for (const t of fitting) options.push(h('option', { value: t.id }, t.registered ? `${t.title} (aangetekend)` : t.title));
    if (current && !fitting.some((t) => t.id === current)) {
      const known = this.catalog.get(current);
      options.push(h('option', { value: current }, known ? `${known.title} (past niet bij dit kanaal)` : `${current} (onbekend sjabloon)`));
    }
    return options;
  }

  private card(i: number): Card {
    const id = (f: string) => `tl-s${i}-${f}`;
    const field = (f: Field, label: string, control: HTMLElement, ...extra: Node[]) =>
      h('div', { class: `field tl-step__${f}` }, h('label', { for: id(f) }, label), control, ...extra);
    const select = (f: Field, options: [string, string][]) => h('select', { id: id(f), 'data-field': f }, ...options.map(([v, l]) => h('option', { value: v }, l)));
    const offsetHint = h('span', { class: 'field__hint', id: id('offset-hint') });
    const termHint = h('span', { class: 'field__hint', id: id('termDays-hint') }, 'Leeg: automatisch · 0: geen termijn');
    const error = h('span', { class: 'field__error', id: id('fout'), hidden: true });
    const inputs: Card['inputs'] = {
      titel: h('input', { id: id('titel'), type: 'text', maxlength: 200, autocomplete: 'off', 'data-field': 'titel', 'aria-describedby': id('fout') }),
      offset: h('input', { id: id('offset'), type: 'number', step: 1, min: LIMITS.minOffset, max: LIMITS.maxOffset, inputmode: 'numeric', 'data-field': 'offset', 'aria-describedby': `${id('offset-hint')} ${id('fout')}` }),
      anchor: select('anchor', [['vervaldag', 'de vervaldag'], ['vorige', 'de vorige stap']]),
      kanaal: select('kanaal', this.choices.channels.map((c) => [c, CHANNEL_LABEL[c]])),
      toon: select('toon', this.choices.tones.map((t) => [t, TONE_LABEL[t]])),
      template: h('select', { id: id('template'), 'data-field': 'template' }),
      termDays: h('input', { id: id('termDays'), type: 'number', step: 1, min: 0, max: LIMITS.maxTermDays, inputmode: 'numeric', 'data-field': 'termDays', 'aria-describedby': `${id('termDays-hint')} ${id('fout')}` }),
    };
    if (i === 0) {
      inputs.anchor.disabled = true;
      inputs.anchor.setAttribute('aria-describedby', id('anchor-hint'));
    }
    const button = (action: keyof typeof ACTIONS) => h('button', { type: 'button', class: `button button--small ${action === 'remove' ? 'button--ghost tl-remove' : 'button--ghost'}`, 'data-step-action': action }, ACTIONS[action], sr(` (stap ${i + 1})`));
    const buttons = { up: button('up'), down: button('down'), insert: button('insert'), remove: button('remove') };
    const legend = h('legend');
    const when = h('p', { class: 'tl-step__when' });
    const li = h(
      'li',
      { class: 'tl-step', 'data-index': i },
      h(
        'fieldset',
        {},
        legend,
        when,
        h(
          'div',
          { class: 'tl-step__grid' },
          field('titel', 'Titel', inputs.titel),
          field('offset', 'Dag', inputs.offset, offsetHint),
          field('anchor', 'Geteld vanaf', inputs.anchor, ...(i === 0 ? [h('span', { class: 'field__hint', id: id('anchor-hint') }, 'De eerste stap telt altijd vanaf de vervaldag')] : [])),
          field('kanaal', 'Kanaal', inputs.kanaal),
          field('toon', 'Toon', inputs.toon),
          field('template', 'Sjabloon', inputs.template),
          field('termDays', 'Termijn voor de klant (dagen)', inputs.termDays, termHint),
        ),
        error,
        h('div', { class: 'actions tl-step__actions', role: 'group', 'aria-label': `Stap ${i + 1} verplaatsen of verwijderen` }, buttons.up, buttons.down, buttons.insert, buttons.remove),
      ),
    );
    this.list.append(li);
    return { li, legend, when, error, inputs, offsetHint, templateKey: '', buttons };
  }

  private indexOf(target: EventTarget | null): number {
    const li = target instanceof Element ? target.closest<HTMLElement>('[data-index]') : null;
    return li ? Number(li.dataset['index']) : -1;
  }

  private showError(i: number, message: string | null, input?: HTMLElement): void {
    const card = this.cards[i];
    if (!card) return;
    card.error.textContent = message ?? '';
    card.error.hidden = !message;
    for (const el of Object.values(card.inputs)) el.removeAttribute('aria-invalid');
    if (message && input) input.setAttribute('aria-invalid', 'true');
  }

  private async onChange(event: Event): Promise<void> {
    const target = event.target;
    if (!(target instanceof HTMLInputElement || target instanceof HTMLSelectElement) || !this.plan) return;
    const i = this.indexOf(target);
    const step = this.plan.steps[i];
    if (!step) return;
    const f = target.dataset['field'] as Field;
    const n = i + 1;
    const value = target.value.trim();
    const int = (min: number, max: number, what: string): number | null => {
      if (!/^-?\d+$/.test(value) || Number(value) < min || Number(value) > max) {
        this.showError(i, `Kies voor ${what} een geheel getal van ${min} tot ${max}.`, target);
        return null;
      }
      return Number(value);
    };
    let ok = true;
    switch (f) {
      case 'titel':
        ok = await this.commit({ type: 'updateStep', index: i, patch: { titel: value } }, `de titel van stap ${n} gewijzigd`);
        break;
      case 'offset': {
        const min = step.anchor === 'vorige' && i > 0 ? 0 : LIMITS.minOffset;
        const offset = int(min, LIMITS.maxOffset, 'de dag');
        if (offset === null) return;
        ok = await this.commit({ type: 'updateStep', index: i, patch: { offset } }, `de dag van stap ${n} gewijzigd`);
        break;
      }
      case 'anchor':
        ok = await this.commit({ type: 'setAnchor', index: i, anchor: value === 'vorige' ? 'vorige' : 'vervaldag' }, `het vertrekpunt van stap ${n} gewijzigd`);
        break;
      case 'kanaal': {
        const kanaal = value as Channel;
        const kind = this.catalog.get(step.template)?.kind;
        const keep = !kind || this.choices.kindsForChannel[kanaal].includes(kind);
        ok = await this.commit({ type: 'updateStep', index: i, patch: keep ? { kanaal } : { kanaal, template: '' } }, `het kanaal van stap ${n} gewijzigd`, () => {
          if (!keep) this.showError(i, `Het vorige sjabloon past niet bij een ${CHANNEL_NOUN[kanaal]}. Kies een nieuw sjabloon.`);
        });
        break;
      }
      case 'toon':
        ok = await this.commit({ type: 'updateStep', index: i, patch: { toon: value as Plan['steps'][number]['toon'] } }, `de toon van stap ${n} gewijzigd`);
        break;
      case 'template':
        ok = await this.commit({ type: 'updateStep', index: i, patch: { template: value } }, `het sjabloon van stap ${n} gewijzigd`);
        break;
      case 'termDays': {
        if (value === '') {
          ok = await this.commit({ type: 'updateStep', index: i, patch: { termDays: undefined } }, `de termijn van stap ${n} gewijzigd`);
          break;
        }
        const termDays = int(0, LIMITS.maxTermDays, 'de termijn');
        if (termDays === null) return;
        ok = await this.commit({ type: 'updateStep', index: i, patch: { termDays } }, `de termijn van stap ${n} gewijzigd`);
        break;
      }
    }
    if (ok && f !== 'kanaal') this.showError(i, null);
    // A refused choice: show the plan's value again (a text field keeps what was typed, with the message).
    if (!ok && target instanceof HTMLSelectElement) target.value = target.dataset['committed'] ?? target.value;
  }

  private onClick(event: Event): void {
    const button = event.target instanceof Element ? event.target.closest<HTMLButtonElement>('[data-step-action]') : null;
    if (!button || !this.plan || button.getAttribute('aria-disabled') === 'true') return;
    const i = this.indexOf(button);
    const last = this.plan.steps.length - 1;
    const n = i + 1;
    switch (button.dataset['stepAction']) {
      case 'up':
        void this.commit({ type: 'moveStep', from: i, to: i - 1 }, `stap ${n} naar boven verplaatst`, () => this.focus(i - 1, i - 1 === 0 ? 'down' : 'up'));
        break;
      case 'down':
        void this.commit({ type: 'moveStep', from: i, to: i + 1 }, `stap ${n} naar beneden verplaatst`, () => this.focus(i + 1, i + 1 === last ? 'up' : 'down'));
        break;
      case 'insert':
        void this.commit({ type: 'addStep', at: i + 1 }, `een stap toegevoegd na stap ${n}`, () => this.focus(i + 1, 'titel'));
        break;
      case 'remove':
        void this.commit({ type: 'removeStep', index: i }, `stap ${n} verwijderd`, () => (last === 0 ? this.addButton.focus() : this.focus(Math.min(i, last - 1), 'remove')));
        break;
    }
  }
}

