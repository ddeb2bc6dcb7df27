/**
 * The reconcile page hands the invoices still open to bulk mode through sessionStorage: this tab
 * only, gone when the tab closes, never sent anywhere. Bulk mode reads it once and removes it.
 */
export const HANDOFF_KEY = 'tijdig:afletteren:open:v1';
export const HANDOFF_FILE_NAME = 'openstaande-facturen-na-afletteren.csv';

export function handOff(csv: string): boolean {
  try {
    sessionStorage.setItem(HANDOFF_KEY, csv);
    return true;
  } catch {
    return false;
  }
}

/** The handed-over CSV, once. */
export function takeHandOff(): string | null {
  try {
    const csv = sessionStorage.getItem(HANDOFF_KEY);
    if (csv !== null) sessionStorage.removeItem(HANDOFF_KEY);
    return csv;
  } catch {
    return null;
  }
}

/** The reconcile page. */
export const RECONCILE_PAGE = '/afletteren/';
