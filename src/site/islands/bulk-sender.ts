/**
 * The sender's details on the bulk page: the same fields, checks and stored details as the
 * template pages (lib/remembered.ts), so details typed there show up here and the other way round. "Vergeet mijn gegevens" clears them for every page.
 */
import type { BulkSender } from '../../bulk/index.ts';
import { parseInput, showFieldError } from '../lib/field-dom.ts';
import { forgetRemembered, restoreRemembered, saveRemembered, valuesOf } from '../lib/remembered.ts';
import type { FieldSpec } from '../lib/workbench-types.ts';

export interface SenderForm {
  /** The details as the run wants them; `invalid` is the first field with an error (shown). */
  read(): { sender: Pick<BulkSender, 'afzender' | 'ondertekenaar'>; invalid: HTMLElement | null };
  fillExample(): void;
  forget(): void;
}

type Input = HTMLInputElement | HTMLSelectElement;

export function initSender(form: HTMLFormElement, specs: readonly FieldSpec[], examples: Readonly<Record<string, string>>): SenderForm {
  const inputs = new Map<string, Input>();
  for (const spec of specs) {
    const input = form.elements.namedItem(spec.path);
    if (input instanceof HTMLInputElement || input instanceof HTMLSelectElement) inputs.set(spec.path, input);
  }
  const fields = specs.filter((f) => inputs.has(f.path));

  const parse = (spec: FieldSpec) => parseInput(spec, inputs.get(spec.path)!);
  const showError = (spec: FieldSpec, message: string | null) => showFieldError(spec, inputs.get(spec.path)!, message);

  const paths = fields.map((f) => f.path);
  const save = () => saveRemembered(valuesOf(inputs, paths));
  // Details typed on a template page (or here, last time).
  restoreRemembered(inputs, paths);

  const specOf = (target: EventTarget | null) => fields.find((f) => inputs.get(f.path) === target);
  form.addEventListener('input', (event) => {
    const spec = specOf(event.target);
    if (!spec) return;
    if (parse(spec).ok) showError(spec, null);
    save();
  });
  form.addEventListener('change', (event) => {
    const spec = specOf(event.target);
    if (!spec) return;
    const parsed = parse(spec);
    showError(spec, parsed.ok ? null : parsed.error);
  });
  form.addEventListener('submit', (event) => event.preventDefault());

  return {
    read() {
      const groups: Record<string, Record<string, string>> = {};
      let invalid: HTMLElement | null = null;
      for (const spec of fields) {
        const parsed = parse(spec);
        showError(spec, parsed.ok ? null : parsed.error);
        if (!parsed.ok) {
          invalid ??= inputs.get(spec.path)!;
          continue;
        }
        if (parsed.value === undefined) continue;
        const [group, name] = spec.path.split('.') as [string, string];
        (groups[group] ??= {})[name] = String(parsed.value);
      }
      const sender: Pick<BulkSender, 'afzender' | 'ondertekenaar'> = {};
      if (groups['afzender']) sender.afzender = groups['afzender'];
      if (groups['ondertekenaar']) sender.ondertekenaar = groups['ondertekenaar'];
      return { sender, invalid };
    },
    fillExample() {
      for (const spec of fields) {
        const input = inputs.get(spec.path)!;
        const example = examples[spec.path];
        if (!input.value && example !== undefined) input.value = example;
        showError(spec, null);
      }
      save();
    },
    forget() {
      forgetRemembered();
      for (const spec of fields) {
        inputs.get(spec.path)!.value = '';
        showError(spec, null);
      }
    },
  };
}
