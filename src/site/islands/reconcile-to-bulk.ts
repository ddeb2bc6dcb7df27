/**
 * On the bulk page: when the reconcile page handed over the open invoices, put them in the file
 * input as a CSV, as if the user chose it, so bulk mode reads them through its own path (the
 * change event, or its check for a file chosen before it started).
 */
import { HANDOFF_FILE_NAME, takeHandOff } from '../lib/reconcile-handoff.ts';

const input = document.querySelector<HTMLInputElement>('#bk-file');
const csv = input && new URLSearchParams(window.location.search).get('van') === 'afletteren' ? takeHandOff() : null;
if (input && csv !== null) {
  const transfer = new DataTransfer();
  transfer.items.add(new File([csv], HANDOFF_FILE_NAME, { type: 'text/csv' }));
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}
