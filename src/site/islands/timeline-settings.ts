/**
 * The settings form (invoice, customer, options, repeat) and the pauses: shows the plan's values,
 * turns each edit into one change for PlanState, and shows a Dutch message under a wrong field.
 */
import { longDate } from '../../timeline/format.ts';
import { LIMITS, type Plan, type PlanSettings } from '../../timeline/plan.ts';
import { SETTING_WORDS, pauseText, readDateValue, readIntValue, settingPatch, settingsFormValues } from '../lib/timeline-settings-form.ts';
import { h, setValue, sr } from './timeline-dom.ts';
import type { PlanState } from './timeline-state.ts';

export class SettingsForm {
  private readonly form: HTMLFormElement;
  private readonly state: PlanState;
  private readonly say: (message: string) => void;

  constructor(form: HTMLFormElement, state: PlanState, say: (message: string) => void) {
    this.form = form;
    this.state = state;
    this.say = say;
    form.addEventListener('submit', (event) => event.preventDefault());
    form.addEventListener('change', (event) => void this.onChange(event.target as HTMLInputElement));
  }

  input(name: string): HTMLInputElement {
    return this.form.elements.namedItem(name) as HTMLInputElement;
  }

  render(plan: Plan): void {
    const s = plan.settings;
    for (const [name, value] of Object.entries(settingsFormValues(plan))) if (setValue(this.input(name), value)) this.fieldError(name, null);
    for (const radio of this.form.querySelectorAll<HTMLInputElement>('input[name="customerType"]')) radio.checked = radio.value === s.customerType;
    for (const radio of this.form.querySelectorAll<HTMLInputElement>('input[name="jurisdiction"]')) radio.checked = radio.value === s.jurisdiction;
    this.input('workingDaysOnly').checked = s.workingDaysOnly;
    this.input('enforceMinGap').checked = s.enforceMinGap;
    this.input('repeatOn').checked = plan.repeat !== null;
    this.input('repeatEvery').disabled = plan.repeat === null;
    this.input('repeatMax').disabled = plan.repeat === null;
    this.renderPauses(plan);
  }

  private renderPauses(plan: Plan): void {
    const list = this.form.querySelector<HTMLUListElement>('[data-pauses]')!;
    const items = plan.pauses.map((p, i) =>
      h(
        'li',
        {},
        h('span', {}, pauseText(p)),
        h('button', { type: 'button', class: 'button button--small button--ghost', 'data-remove-pause': i, 'data-key': `pause-${i}` }, 'Verwijder', sr(` de pauze vanaf ${longDate(p.from)}`)),
      ),
    );
    const focusKey = document.activeElement instanceof HTMLElement && list.contains(document.activeElement) ? document.activeElement.dataset['key'] : undefined;
    list.replaceChildren(...items);
    list.hidden = items.length === 0;
    if (focusKey) (list.querySelector<HTMLElement>(`[data-key="${focusKey}"]`) ?? this.input('pauseFrom')).focus();
    this.form.querySelector<HTMLElement>('[data-resume]')!.hidden = !plan.pauses.some((p) => p.until === null);
  }

  fieldError(name: string, message: string | null): void {
    const el = document.getElementById(`tl-${name}-fout`);
    const target = this.form.elements.namedItem(name);
    if (el) {
      el.textContent = message ?? '';
      el.hidden = !message;
    }
    if (target instanceof HTMLInputElement) {
      if (message) target.setAttribute('aria-invalid', 'true');
      else target.removeAttribute('aria-invalid');
    }
  }

  /** A date from a date input: null when empty, false (with the message shown) when wrong. */
  readDate(name: string, required: boolean): string | null | false {
    const el = this.input(name);
    const read = readDateValue(el.value, el.validity.badInput, required);
    this.fieldError(name, 'error' in read ? read.error : null);
    return 'error' in read ? false : read.date;
  }

  private readInt(name: string, min: number, max: number): number | null {
    const read = readIntValue(this.input(name).value, min, max);
    if ('error' in read) this.fieldError(name, read.error);
    return 'error' in read ? null : read.value;
  }

  private async onChange(target: HTMLInputElement): Promise<void> {
    const name = target.name;
    const set = async (patch: Partial<PlanSettings>) => {
      if (await this.state.commit({ type: 'setSettings', patch }, `${SETTING_WORDS[name] ?? 'een instelling'} gewijzigd`)) this.fieldError(name, null);
    };
    if (name === 'invoiceDate' || name === 'dueDate' || name === 'firstSendDate') {
      const value = this.readDate(name, name !== 'firstSendDate');
      if (value !== false) await set({ [name]: value });
    } else if (name === 'repeatOn' || name === 'repeatEvery' || name === 'repeatMax') {
      await this.changeRepeat();
    } else if (name === 'titel') {
      if (await this.state.commit({ type: 'setMeta', patch: { titel: target.value.trim() || 'Eigen draaiboek' } }, `${SETTING_WORDS[name]} gewijzigd`)) this.fieldError(name, null);
    } else {
      const read = settingPatch(name, target.value, target.checked);
      if (read && 'error' in read) this.fieldError(name, read.error);
      else if (read) await set(read.patch);
    }
  }

  private async changeRepeat(): Promise<void> {
    if (!this.input('repeatOn').checked) {
      await this.state.commit({ type: 'setRepeat', repeat: null }, 'het herhalen van de laatste stap uitgezet');
      return;
    }
    const everyDays = this.readInt('repeatEvery', 1, LIMITS.maxRepeatEveryDays);
    const maxRepeats = this.readInt('repeatMax', 1, LIMITS.maxRepeats);
    if (everyDays === null || maxRepeats === null) return;
    if (await this.state.commit({ type: 'setRepeat', repeat: { everyDays, maxRepeats } }, 'het herhalen van de laatste stap gewijzigd')) {
      this.fieldError('repeatEvery', null);
      this.fieldError('repeatMax', null);
    }
  }

  async pause(): Promise<void> {
    const from = this.readDate('pauseFrom', true);
    const until = this.readDate('pauseUntil', false);
    if (!from || until === false) return;
    const reason = (this.form.querySelector<HTMLSelectElement>('#tl-pauseReason')!.value || 'andere') as 'betwisting' | 'betaalbelofte' | 'andere';
    if (until !== null && until <= from) return this.fieldError('pauseUntil', 'Hervat op een dag na het begin van de pauze.');
    if (await this.state.commit({ type: 'pause', from, until, reason }, 'een pauze toegevoegd')) {
      this.fieldError('pauseFrom', null);
      this.fieldError('pauseUntil', null);
      this.say(until ? `Pauze toegevoegd: de stappen vanaf ${longDate(from)} schuiven op.` : `Pauze toegevoegd: de stappen vanaf ${longDate(from)} wachten tot u hervat.`);
    }
  }

  async resume(): Promise<void> {
    const on = this.readDate('resumeOn', true);
    if (!on) return;
    if (await this.state.commit({ type: 'resume', on }, 'de planning hervat')) {
      this.fieldError('resumeOn', null);
      this.say(`De planning loopt weer vanaf ${longDate(on)}.`);
    }
  }
}
