/**
 * The sender's details on the bulk page: the same fields, checks and localStorage key as the
 * template pages (lib/workbench-types.ts STORAGE_KEY), so details typed there show up here and
 * the other way round. "Vergeet mijn gegevens" clears them for every page.
 */
import type { BulkSender } from '../../bulk/index.ts';
import { parseField } from '../lib/field-input.ts';
import { fieldId, STORAGE_KEY, type FieldSpec } from '../lib/workbench-types.ts';

export interface SenderForm {
  /** The details as the run wants them; `invalid` is the first field with an error (shown). */
  read(): { sender: Pick<BulkSender, 'afzender' | 'ondertekenaar'>; invalid: HTMLElement | null };
  fillExample(): void;
  forget(): void;
}

type Input = HTMLInputElement | HTMLSelectElement;

function readStored(): Record<string, string> {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}');
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, string>) : {};
  } catch {
    return {};
  }
}

export function initSender(form: HTMLFormElement, specs: readonly FieldSpec[], examples: Readonly<Record<string, string>>): SenderForm {
  const inputs = new Map<string, Input>();
  for (const spec of specs) {
    const input = form.elements.namedItem(spec.path);
    if (input instanceof HTMLInputElement || input instanceof HTMLSelectElement) inputs.set(spec.path, input);
  }
  const fields = specs.filter((f) => inputs.has(f.path));

  const parse = (spec: FieldSpec) => {
    const input = inputs.get(spec.path)!;
    return parseField(spec.kind, input.value, {
      badDate: input instanceof HTMLInputElement && input.type === 'date' && input.validity.badInput,
      ...(spec.options ? { options: spec.options } : {}),
      ...(spec.min !== undefined ? { min: spec.min } : {}),
      ...(spec.max !== undefined ? { max: spec.max } : {}),
    });
  };

  const showError = (spec: FieldSpec, message: string | null) => {
    const input = inputs.get(spec.path)!;
    const error = document.getElementById(`${fieldId(spec.path)}-fout`);
    if (error) {
      error.textContent = message ?? '';
      error.hidden = !message;
    }
    if (message) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  };

  const save = () => {
    const saved = readStored();
    for (const spec of fields) {
      const value = inputs.get(spec.path)!.value.trim();
      if (value) saved[spec.path] = value;
      else delete saved[spec.path];
    }
    try {
      if (Object.keys(saved).length) localStorage.setItem(STORAGE_KEY, JSON.stringify(saved));
      else localStorage.removeItem(STORAGE_KEY);
    } catch {
      // Storage full or blocked: remembering is a convenience, the form still works.
    }
  };

  // Details typed on a template page (or here, last time).
  const stored = readStored();
  for (const spec of fields) {
    const value = stored[spec.path];
    const input = inputs.get(spec.path)!;
    if (typeof value === 'string' && !input.value) input.value = value;
  }

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
      try {
        localStorage.removeItem(STORAGE_KEY);
      } catch {
        // nothing stored
      }
      for (const spec of fields) {
        inputs.get(spec.path)!.value = '';
        showError(spec, null);
      }
    },
  };
}
