/**
 * The template page's form state: the inputs of the page's fields, their values read with the
 * same checks as everywhere (field-dom.ts) into fill data, errors shown per field, and the two
 * buttons that change many fields at once (example, clear).
 */
import type { FillData } from '../../content/schema.ts';
import type { LegalCase } from '../../jurisdiction/ids.ts';
import { parseInput, showFieldError } from '../lib/field-dom.ts';
import type { Parsed } from '../lib/field-input.ts';
import { REMEMBERED_GROUPS, type FieldSpec, type WorkbenchData } from '../lib/workbench-types.ts';

type Input = HTMLInputElement | HTMLSelectElement;

export interface WorkbenchForm {
  element: HTMLFormElement;
  /** The page's fields that have an input in the form. */
  fields: readonly FieldSpec[];
  inputs: ReadonlyMap<string, Input>;
  parse(field: FieldSpec): Parsed;
  showError(field: FieldSpec, message: string | null): void;
  /** The field whose input is `target`, if any. */
  fieldOf(target: EventTarget | null): FieldSpec | undefined;
  /** Every valid, non-empty value as fill data; a field with an error is left out. */
  read(): FillData;
  /** Shows every field's error; returns the first input with one, or null when all are right. */
  validate(): Input | null;
  /** Whether any input differs from the page as built (typed, restored by the browser, autofilled). */
  touched(): boolean;
  /** Puts the page's example into every empty field. */
  fillExamples(): void;
  /** Empties the customer and invoice fields; the user's own details and the choices stay. */
  clearCustomer(): void;
}

export function formController(form: HTMLFormElement, model: Pick<WorkbenchData, 'fields' | 'examples' | 'caseExamples'>): WorkbenchForm {
  const inputs = new Map<string, Input>();
  for (const field of model.fields) {
    const input = form.elements.namedItem(field.path);
    if (input instanceof HTMLInputElement || input instanceof HTMLSelectElement) inputs.set(field.path, input);
  }
  const fields = model.fields.filter((f) => inputs.has(f.path));
  const parse = (field: FieldSpec) => parseInput(field, inputs.get(field.path)!);
  const showError = (field: FieldSpec, message: string | null) => showFieldError(field, inputs.get(field.path)!, message);
  // The examples of the case chosen in the form: a Dutch or consumer letter gets examples that fit it.
  const examples = (): Readonly<Record<string, string>> => {
    const chosen = `${inputs.get('dossier.jurisdictie')?.value}-${inputs.get('dossier.klanttype')?.value}` as LegalCase;
    return model.caseExamples?.[chosen] ?? model.examples;
  };
  const showExamples = () => {
    const current = examples();
    for (const [path, input] of inputs) {
      if (!(input instanceof HTMLInputElement) || input.type === 'date' || !(path in current)) continue;
      input.placeholder = current[path] ? `bv. ${current[path]}` : '';
    }
  };
  form.addEventListener('change', (event) => {
    const target = event.target;
    if (target === inputs.get('dossier.jurisdictie') || target === inputs.get('dossier.klanttype')) showExamples();
  });

  return {
    element: form,
    fields,
    inputs,
    parse,
    showError,
    fieldOf: (target) => fields.find((f) => inputs.get(f.path) === target),
    read() {
      const data: Record<string, Record<string, string | number>> = {};
      for (const field of fields) {
        const parsed = parse(field);
        if (!parsed.ok || parsed.value === undefined) continue;
        const [group, name] = field.path.split('.') as [string, string];
        (data[group] ??= {})[name] = parsed.value;
      }
      return data as FillData;
    },
    validate() {
      let first: Input | null = null;
      for (const field of fields) {
        const parsed = parse(field);
        showError(field, parsed.ok ? null : parsed.error);
        if (!parsed.ok && !first) first = inputs.get(field.path)!;
      }
      return first;
    },
    touched: () =>
      [...inputs.values()].some((input) =>
        input instanceof HTMLSelectElement ? [...input.options].some((o) => o.selected !== o.defaultSelected) : input.value !== input.defaultValue,
      ),
    fillExamples() {
      const current = examples();
      for (const field of fields) {
        const input = inputs.get(field.path)!;
        const example = current[field.path];
        if (!input.value && example) input.value = example;
        showError(field, null);
      }
    },
    clearCustomer() {
      for (const field of fields) {
        if (REMEMBERED_GROUPS.includes(field.group) || field.options) continue;
        inputs.get(field.path)!.value = '';
        showError(field, null);
      }
    },
  };
}
