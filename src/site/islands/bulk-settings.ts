/**
 * The bulk page's settings (step 4 and the payment link): playbook, sending date, which step, what
 * was sent before, country, customer type, default payment term. Remembered in this browser;
 * read with their checks (lib/bulk-form.ts) into the options every analysis and run uses.
 */
import type { Workflow } from '../../content/schema.ts';
import { stepLabel, type PrepareOptions, type StepChoice } from '../../bulk/index.ts';
import { CHANNEL_LABELS } from '../../export/schedule.ts';
import { offsetLabel } from '../../vocabulary/naming.ts';
import { checkPaymentLink, isValidToday, localToday, parseChoice, parseSent, parseTermDays, stepOrder, validSettings } from '../lib/bulk-form.ts';
import { readJson, writeJson } from '../lib/bulk-storage.ts';
import { SETTINGS_STORAGE_KEY } from '../lib/bulk-types.ts';
import { h } from '../lib/element.ts';
import { showError } from '../lib/field-dom.ts';
import type { BulkContext } from './bulk-context.ts';

export interface SettingsController {
  workflow(): Workflow;
  choice(): StepChoice;
  /** The sending date, or null (and its error shown). */
  readToday(): string | null;
  readTerm(): { ok: boolean; days?: number };
  readLink(): { ok: boolean; value?: string };
  /** The fields to focus when the run finds an error. */
  readonly todayInput: HTMLInputElement;
  readonly linkInput: HTMLInputElement;
  dossier(): { jurisdictie: 'be' | 'nl'; klanttype: 'onderneming' | 'consument' };
  /** Options for an analysis or a run of the current file on `today`. */
  options(today: string): PrepareOptions;
}

export interface SettingsEvents {
  /** A setting of step 4 changed; the playbook itself when `workflow` is true. */
  changed(workflow: boolean): void;
  /** The default payment term changed to a valid value. */
  termChanged(): void;
}

function fillChoices(w: Workflow, choiceSelect: HTMLSelectElement, sentSelect: HTMLSelectElement, stepsLine: HTMLElement): void {
  const order = stepOrder(w);
  const keep = (select: HTMLSelectElement, kept: string, fallback: string) => (select.value = [...select.options].some((o) => o.value === kept) ? kept : fallback);
  const kept = choiceSelect.value;
  choiceSelect.replaceChildren(h('option', { value: 'automatisch' }, 'Per klant de stap die vandaag aan de beurt is'), ...order.map((i) => h('option', { value: String(i) }, `Iedereen: ${stepLabel(w.stappen[i]!)}`)));
  keep(choiceSelect, kept, 'automatisch');
  const keptSent = sentSelect.value;
  sentSelect.replaceChildren(
    h('option', { value: 'onbekend' }, 'Weet ik niet: begin bij de eerste stap'),
    h('option', { value: 'geen' }, 'Nog niets'),
    ...order.map((i) => h('option', { value: String(i) }, `Tot en met ${stepLabel(w.stappen[i]!)}`)),
    h('option', { value: 'volgens-schema' }, 'Alles wat volgens het draaiboek al aan de beurt was'),
  );
  keep(sentSelect, keptSent, 'onbekend');
  stepsLine.textContent = `Stappen: ${order.map((i) => `${offsetLabel(w.stappen[i]!.offset)} ${CHANNEL_LABELS[w.stappen[i]!.kanaal]}`).join(' → ')}`;
}

export function initSettings(ctx: BulkContext, events: SettingsEvents): SettingsController {
  const { $, model, state } = ctx;
  const form = $<HTMLFormElement>('[data-settings]');
  const [workflowSelect, choiceSelect, sentSelect, jurisdictionSelect, klanttypeSelect] = ['#bk-workflow', '#bk-choice', '#bk-sent', '#bk-jurisdiction', '#bk-klanttype'].map((s) => $<HTMLSelectElement>(s)) as [HTMLSelectElement, HTMLSelectElement, HTMLSelectElement, HTMLSelectElement, HTMLSelectElement];
  const [todayInput, termInput, linkInput] = ['#bk-today', '#bk-term', '#bk-betaallink'].map((s) => $<HTMLInputElement>(s)) as [HTMLInputElement, HTMLInputElement, HTMLInputElement];
  const errorOf = (input: HTMLInputElement) => $<HTMLElement>(`#${input.id}-fout`);

  const stored = validSettings(readJson(SETTINGS_STORAGE_KEY), model.workflows.map((w) => w.id));
  if (stored.workflow) workflowSelect.value = stored.workflow;
  if (stored.jurisdiction) jurisdictionSelect.value = stored.jurisdiction;
  if (stored.klanttype) klanttypeSelect.value = stored.klanttype;
  if (stored.betaallink !== undefined) linkInput.value = stored.betaallink;
  if (stored.defaultTermDays !== undefined) termInput.value = stored.defaultTermDays;
  todayInput.value = localToday();

  const save = () =>
    writeJson(SETTINGS_STORAGE_KEY, {
      workflow: workflowSelect.value,
      jurisdiction: jurisdictionSelect.value,
      klanttype: klanttypeSelect.value,
      ...(linkInput.value.trim() ? { betaallink: linkInput.value.trim() } : {}),
      ...(termInput.value.trim() ? { defaultTermDays: termInput.value.trim() } : {}),
    });
  const workflow = () => model.workflows.find((w) => w.id === workflowSelect.value) ?? model.workflows[0]!;
  const refill = () => fillChoices(workflow(), choiceSelect, sentSelect, $<HTMLElement>('[data-workflow-steps]'));

  const controller: SettingsController = {
    workflow,
    todayInput,
    linkInput,
    choice: () => parseChoice(choiceSelect.value),
    readToday() {
      const ok = isValidToday(todayInput.value, todayInput.validity.badInput);
      showError(todayInput, errorOf(todayInput), ok ? null : 'Vul een volledige verzenddatum in (dag, maand en jaar).');
      return ok ? todayInput.value : null;
    },
    readTerm: () => parseTermDays(termInput.value),
    readLink() {
      const link = checkPaymentLink(linkInput.value);
      showError(linkInput, errorOf(linkInput), link.ok ? null : 'Vul een volledig webadres in dat met https:// begint.');
      return link;
    },
    dossier: () => ({ jurisdictie: jurisdictionSelect.value === 'nl' ? 'nl' : 'be', klanttype: klanttypeSelect.value === 'consument' ? 'consument' : 'onderneming' }),
    options(today) {
      const term = parseTermDays(termInput.value);
      const { jurisdictie, klanttype } = controller.dossier();
      return {
        today,
        workflow: workflow(), workflows: model.workflows, // every playbook a "Draaiboek" column may name
        jurisdiction: jurisdictie,
        klanttype,
        choice: parseChoice(choiceSelect.value),
        sent: parseSent(sentSelect.value),
        overrides: state.overrides,
        ...(state.delimiter ? { delimiter: state.delimiter } : {}),
        ...(term.days !== undefined ? { defaultTermDays: term.days } : {}),
      };
    },
  };

  form.addEventListener('submit', (event) => event.preventDefault());
  form.addEventListener('change', (event) => {
    const isWorkflow = event.target === workflowSelect;
    if (isWorkflow) refill();
    save();
    events.changed(isWorkflow);
  });
  termInput.addEventListener('change', () => {
    const term = parseTermDays(termInput.value);
    showError(termInput, errorOf(termInput), term.ok ? null : 'Schrijf een aantal dagen van 1 tot 365, bijvoorbeeld 30.');
    if (!term.ok) return;
    save();
    events.termChanged();
  });
  linkInput.addEventListener('change', () => {
    if (controller.readLink().ok) save();
  });
  refill();
  return controller;
}
