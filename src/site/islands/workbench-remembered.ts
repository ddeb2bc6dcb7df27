/**
 * The user's own details on the template page (sender and signer), kept in this browser by the
 * shared store (lib/remembered.ts): restored into empty fields on load, saved while typed,
 * and wiped by "Vergeet mijn gegevens".
 */
import { forgetRemembered, restoreRemembered, saveRemembered, valuesOf } from '../lib/remembered.ts';
import { REMEMBERED_GROUPS, type FieldSpec } from '../lib/workbench-types.ts';
import type { WorkbenchForm } from './workbench-form.ts';

export interface Remembered {
  /** Whether the field is one of the user's own details. */
  holds(field: FieldSpec): boolean;
  /** Puts stored details into empty fields; true when it filled any. */
  restore(): boolean;
  save(): void;
  /** Forgets the stored details and empties their fields. */
  forget(): void;
}

export function rememberedController(form: WorkbenchForm): Remembered {
  const holds = (field: FieldSpec) => REMEMBERED_GROUPS.includes(field.group);
  const fields = form.fields.filter(holds);
  const paths = fields.map((f) => f.path);
  return {
    holds,
    restore() {
      const before = JSON.stringify(valuesOf(form.inputs, paths));
      restoreRemembered(form.inputs, paths);
      return JSON.stringify(valuesOf(form.inputs, paths)) !== before;
    },
    save: () => saveRemembered(valuesOf(form.inputs, paths)),
    forget() {
      forgetRemembered();
      for (const field of fields) {
        form.inputs.get(field.path)!.value = '';
        form.showError(field, null);
      }
    },
  };
}
