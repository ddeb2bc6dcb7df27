/** A form field's value read with its checks, and its error shown, the same way on every page. */
import { parseField, type Parsed } from './field-input.ts';
import { fieldId, type FieldSpec } from './workbench-types.ts';

/** The field's value as parseField reads it; a half-typed date (badInput) is an error. */
export function parseInput(spec: FieldSpec, input: HTMLInputElement | HTMLSelectElement): Parsed {
  return parseField(spec.kind, input.value, {
    badDate: input instanceof HTMLInputElement && input.type === 'date' && input.validity.badInput,
    ...(spec.options ? { options: spec.options } : {}),
    ...(spec.min !== undefined ? { min: spec.min } : {}),
    ...(spec.max !== undefined ? { max: spec.max } : {}),
  });
}

/** Shows (or clears) the message under the field and marks the input for assistive technology. */
export function showFieldError(spec: FieldSpec, input: HTMLElement, message: string | null): void {
  showError(input, document.getElementById(`${fieldId(spec.path)}-fout`), message);
}

/** Shows `message` in the field's error box (hidden when empty) and marks the field invalid. */
export function showError(input: HTMLElement, box: HTMLElement | null, message: string | null): void {
  if (box) {
    if (box.textContent !== (message ?? '')) box.textContent = message ?? '';
    box.hidden = !message;
  }
  if (message) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
}
