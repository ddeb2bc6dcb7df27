/**
 * The template page's island: wires small controllers, one concern each: the form and its checks
 * (workbench-form.ts), the user's remembered details (workbench-remembered.ts), the live previews
 * (workbench-preview.ts, which loads the fill engine on first need), copying (workbench-copy.ts)
 * and downloads (workbench-downloads.ts, whose renderers load on the first click).
 * Nothing leaves the browser; the user's own details are kept in localStorage until forgotten.
 */
import { readJsonScript } from '../lib/json-script.ts';
import type { WorkbenchData } from '../lib/workbench-types.ts';
import { copyController } from './workbench-copy.ts';
import { downloadsController } from './workbench-downloads.ts';
import { formController, type WorkbenchForm } from './workbench-form.ts';
import { previewController, type Preview } from './workbench-preview.ts';
import { rememberedController, type Remembered } from './workbench-remembered.ts';

const root = document.querySelector<HTMLElement>('[data-workbench]');
if (root) init(root);

/** Announces a message in the status line; a fresh text node so screen readers repeat it too. */
function announcer(status: HTMLElement): (message: string) => void {
  return (message) => {
    status.textContent = '';
    window.setTimeout(() => (status.textContent = message), 30);
  };
}

/** Typing clears a field's error and follows in the previews; leaving it shows a new error. */
function wireForm(form: WorkbenchForm, preview: Preview, remembered: Remembered, say: (message: string) => void): void {
  form.element.addEventListener('input', (event) => {
    const field = form.fieldOf(event.target);
    if (field) {
      if (form.parse(field).ok) form.showError(field, null);
      if (remembered.holds(field)) remembered.save();
    }
    preview.schedule();
  });
  form.element.addEventListener('change', (event) => {
    const field = form.fieldOf(event.target);
    if (field) {
      const parsed = form.parse(field);
      form.showError(field, parsed.ok ? null : parsed.error);
    }
    preview.schedule();
  });
  form.element.addEventListener('submit', (event) => {
    event.preventDefault();
    const invalid = form.validate();
    if (invalid) {
      invalid.focus();
      say('Niet alle velden kloppen: kijk de rode meldingen na.');
    }
    void preview.render();
  });
}

/** The buttons above the form that change many fields at once. */
function wireActions(root: HTMLElement, form: WorkbenchForm, preview: Preview, remembered: Remembered, say: (message: string) => void): void {
  const on = (action: string, run: () => string) =>
    root.querySelector(`[data-action="${action}"]`)?.addEventListener('click', () => {
      const message = run();
      void preview.render();
      say(message);
    });
  on('forget', () => {
    remembered.forget();
    return 'Uw bedrijfsgegevens zijn gewist uit deze browser.';
  });
  on('example', () => {
    form.fillExamples();
    remembered.save();
    return 'Lege velden zijn ingevuld met een voorbeeld. Vervang ze door uw eigen gegevens.';
  });
  on('clear', () => {
    form.clearCustomer();
    return 'De klant- en factuurgegevens zijn leeggemaakt.';
  });
}

function init(root: HTMLElement): void {
  const model = readJsonScript<WorkbenchData>('tj-template-data');
  const say = announcer(root.querySelector<HTMLElement>('[data-status]')!);
  const form = formController(root.querySelector<HTMLFormElement>('form[data-fill-form]')!, model);
  const preview = previewController(root, model, form, say);
  const remembered = rememberedController(form);
  wireForm(form, preview, remembered, say);
  wireActions(root, form, preview, remembered, say);
  copyController(root, preview, say);
  downloadsController(root, form, preview, say);
  // The engine loads as soon as the user reaches for the form, so the first keystroke finds it.
  for (const type of ['focusin', 'pointerdown']) root.addEventListener(type, preview.warm, { once: true });
  // The previews were built for the untouched form: fill only when the form holds something else.
  if (remembered.restore() || form.touched()) void preview.render();
}
