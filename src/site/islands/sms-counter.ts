/**
 * Live SMS text and counter on a template page: reads the workbench form (the same fields and
 * parsing as the workbench), fills the SMS and counts it. The user may edit the text; the counter
 * follows, and "Zet de tekst terug" fills it in again. Loaded on demand by SmsCounter.astro, so
 * it fills in at once from what the form already holds.
 */
import type { FillData } from '../../content/schema.ts';
import { countSms, describeSmsCount } from '../../export/gsm.ts';
import { fillSms } from '../../export/sms.ts';
import { parseField } from '../lib/field-input.ts';
import { readJsonScript } from '../lib/json-script.ts';
import type { WorkbenchData } from '../lib/workbench-types.ts';

function init(root: HTMLElement): void {
  const model = readJsonScript<WorkbenchData>('tj-template-data');
  const form = document.querySelector<HTMLFormElement>('form[data-fill-form]');
  const text = root.querySelector<HTMLTextAreaElement>('[data-sms-text]')!;
  const count = root.querySelector<HTMLElement>('[data-sms-count]')!;
  // Typed into before this module arrived: keep the user's text.
  let edited = text.value !== text.defaultValue;

  const readData = (): FillData => {
    const data: Record<string, Record<string, string | number>> = {};
    for (const field of model.fields) {
      const input = form?.elements.namedItem(field.path);
      if (!(input instanceof HTMLInputElement || input instanceof HTMLSelectElement)) continue;
      const parsed = parseField(field.kind, input.value, field.options ? { options: field.options } : {});
      if (!parsed.ok || parsed.value === undefined) continue;
      const [group, name] = field.path.split('.') as [string, string];
      (data[group] ??= {})[name] = parsed.value;
    }
    return data as FillData;
  };
  const showCount = () => (count.textContent = describeSmsCount(countSms(text.value)));
  const refill = () => {
    const sms = edited ? null : fillSms(model.doc, readData());
    if (sms) text.value = sms.text;
    showCount();
  };

  let pending = 0;
  const later = () => {
    window.clearTimeout(pending);
    pending = window.setTimeout(refill, 150);
  };
  // The workbench's example and clear buttons set values without input events: a click refreshes too.
  for (const type of ['input', 'change', 'click']) document.querySelector('[data-workbench]')?.addEventListener(type, later);
  text.addEventListener('input', () => {
    edited = true;
    showCount();
  });
  root.querySelector('[data-sms-reset]')?.addEventListener('click', () => {
    edited = false;
    refill();
  });
  root.querySelector('[data-sms-copy]')?.addEventListener('click', () => void navigator.clipboard?.writeText(text.value));
  // The form may already hold values (remembered, typed, an example): fill them in now and once the
  // workbench has settled.
  refill();
  window.setTimeout(refill, 300);
}

const root = document.querySelector<HTMLElement>('[data-sms]');
if (root) init(root);
