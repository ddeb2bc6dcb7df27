/**
 * The personalised pack's form: shows only the fields the plan's templates ask for, reads them
 * with the same checks as a template page, remembers the sender's details in this browser
 * (lib/remembered.ts), and makes the zip (timeline-pack.ts, loaded on the first click).
 */
import type { FillData } from '../../content/schema.ts';
import type { Plan } from '../../timeline/plan.ts';
import type { Schedule } from '../../timeline/schedule.ts';
import { parseInput, showFieldError } from '../lib/field-dom.ts';
import { forgetRemembered, restoreRemembered, saveRemembered, valuesOf } from '../lib/remembered.ts';
import { neededFields } from '../lib/timeline-catalog.ts';
import type { CatalogTemplate, TimelineData } from '../lib/timeline-types.ts';
import { plural } from '../lib/timeline-view.ts';
import { REMEMBERED_GROUPS, type FieldSpec } from '../lib/workbench-types.ts';
import { download } from './timeline-dom.ts';

export interface PackContext {
  plan: Plan;
  schedule: Schedule;
  catalog: ReadonlyMap<string, CatalogTemplate>;
  shareUrl: string;
}

export class PackForm {
  private readonly form: HTMLFormElement;
  private readonly status: HTMLElement;
  private readonly inputs = new Map<string, HTMLInputElement | HTMLSelectElement>();
  private readonly fields: FieldSpec[];
  private readonly remembered: FieldSpec[];
  private readonly examples: Record<string, string>;
  private needed = new Set<string>();
  private packing = false;

  constructor(form: HTMLFormElement, status: HTMLElement, model: Pick<TimelineData, 'fields' | 'examples'>) {
    this.form = form;
    this.status = status;
    this.examples = model.examples;
    for (const f of model.fields) {
      const el = form.elements.namedItem(f.path);
      if (el instanceof HTMLInputElement || el instanceof HTMLSelectElement) this.inputs.set(f.path, el);
    }
    this.fields = model.fields.filter((f) => this.inputs.has(f.path));
    this.remembered = this.fields.filter((f) => REMEMBERED_GROUPS.includes(f.group));
    restoreRemembered(this.inputs, this.remembered.map((f) => f.path));
    form.addEventListener('submit', (event) => event.preventDefault());
    form.addEventListener('input', (event) => this.onEdit(event.target, false));
    form.addEventListener('change', (event) => this.onEdit(event.target, true));
  }

  /** Shows the fields the plan's templates need, hides the rest (and a group left empty). */
  update(plan: Plan, catalog: ReadonlyMap<string, CatalogTemplate>): void {
    this.needed = neededFields(plan, catalog);
    for (const wrapper of this.form.querySelectorAll<HTMLElement>('[data-field-path]')) wrapper.hidden = !this.needed.has(wrapper.dataset['fieldPath']!);
    for (const set of this.form.querySelectorAll<HTMLFieldSetElement>('fieldset')) set.hidden = !set.querySelector('[data-field-path]:not([hidden])');
  }

  say(message: string): void {
    this.status.textContent = '';
    window.setTimeout(() => (this.status.textContent = message), 30);
  }

  private error(f: FieldSpec, message: string | null): void {
    showFieldError(f, this.inputs.get(f.path)!, message);
  }

  private saveRemembered(): void {
    saveRemembered(valuesOf(this.inputs, this.remembered.map((f) => f.path)));
  }

  private onEdit(target: EventTarget | null, changed: boolean): void {
    const f = this.fields.find((x) => this.inputs.get(x.path) === target);
    if (!f) return;
    const parsed = parseInput(f, this.inputs.get(f.path)!);
    // While typing, only clear an error; on leaving the field, show it.
    if (changed) this.error(f, parsed.ok ? null : parsed.error);
    else if (parsed.ok) this.error(f, null);
    if (!changed && REMEMBERED_GROUPS.includes(f.group)) this.saveRemembered();
  }

  /** The form as fill data; with `strict`, null (and the first wrong visible field focused) when a needed field is wrong. */
  data(strict: boolean): FillData | null {
    const data: Record<string, Record<string, string | number>> = {};
    let firstBad: HTMLElement | null = null;
    for (const f of this.fields) {
      const parsed = parseInput(f, this.inputs.get(f.path)!);
      if (!parsed.ok) {
        if (strict && this.needed.has(f.path)) {
          this.error(f, parsed.error);
          firstBad ??= this.inputs.get(f.path)!;
        }
        continue;
      }
      if (parsed.value === undefined) continue;
      const [group, name] = f.path.split('.') as [string, string];
      (data[group] ??= {})[name] = parsed.value;
    }
    if (!firstBad) return data as FillData;
    const details = this.form.closest('details');
    if (details) details.open = true;
    firstBad.focus();
    return null;
  }

  example(): void {
    for (const f of this.fields) {
      const el = this.inputs.get(f.path)!;
      const example = this.examples[f.path];
      if (!el.value && example !== undefined && this.needed.has(f.path)) el.value = example;
      this.error(f, null);
    }
    this.saveRemembered();
    this.say('Lege velden zijn ingevuld met een voorbeeld. Vervang ze door uw eigen gegevens.');
  }

  forget(): void {
    forgetRemembered();
    for (const f of this.remembered) {
      this.inputs.get(f.path)!.value = '';
      this.error(f, null);
    }
    this.say('Uw bedrijfsgegevens zijn gewist uit deze browser.');
  }

  /** Makes and downloads the zip, with a progress bar; one at a time. */
  async make(button: HTMLButtonElement, context: () => Promise<PackContext>, progress: HTMLElement): Promise<void> {
    if (this.packing) return;
    const user = this.data(true);
    if (!user) return this.say('Niet alle gegevens kloppen: kijk de rode meldingen na.');
    const { plan, schedule, catalog, shareUrl } = await context();
    if (!schedule.steps.some((s) => s.status === 'planned' && catalog.has(s.step.template))) return this.say('Geen enkele stap heeft een datum en een sjabloon: er is nog niets om in te vullen.');
    this.packing = true;
    button.setAttribute('aria-busy', 'true');
    button.setAttribute('aria-disabled', 'true');
    const bar = progress.querySelector('progress')!;
    progress.hidden = false;
    bar.value = 0;
    this.say('Het pakket wordt gemaakt…');
    const started = performance.now();
    try {
      const { buildPack } = await import('./timeline-pack.ts');
      let lastSaid = 0;
      const result = await buildPack({
        plan,
        schedule,
        catalog,
        templates: [...catalog.values()],
        user,
        shareUrl,
        origin: location.origin,
        host: location.hostname || 'tijdig',
        onProgress: (done, total) => {
          bar.max = total;
          bar.value = done;
          // Announce now and then, not on every file.
          if (performance.now() - lastSaid > 2000) {
            lastSaid = performance.now();
            this.status.textContent = `Bezig: ${done} van ${total} bestanden…`;
          }
        },
      });
      const ms = Math.round(performance.now() - started);
      download(result.bytes as BlobPart, result.name, 'application/zip');
      this.status.dataset['ms'] = String(ms);
      this.say(`${result.name} is klaar: ${plural(result.files, 'bestand', 'bestanden')}, gemaakt in ${(ms / 1000).toFixed(1).replace('.', ',')} s.${result.left.length ? ` Niet in het pakket: ${result.left.join('; ')}.` : ''}`);
    } catch (error) {
      console.warn('Tijdig: pakket maken mislukt', error);
      this.say('Het pakket kon niet gemaakt worden. Controleer uw verbinding met deze website en probeer het opnieuw.');
    } finally {
      this.packing = false;
      progress.hidden = true;
      button.removeAttribute('aria-busy');
      button.removeAttribute('aria-disabled');
    }
  }
}
