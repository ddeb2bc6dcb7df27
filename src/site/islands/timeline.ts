/**
 * The timeline builder's island (/tijdlijn/). Holds one Editor of the timeline core (plan + undo
 * stack) and re-renders after every change: the settings form, the step editor, the visual
 * timeline and the table. The plan lives in the URL fragment (`#plan=…`, never sent to a server),
 * so a reload or a shared link shows the same plan. Calendar, spreadsheet and pack code load with
 * import() on first use; the DOCX and PDF renderers one step later, only for the pack.
 */
import type { FillData, Jurisdiction } from '../../content/schema.ts';
import type { LegalCase } from '../../jurisdiction/ids.ts';
import {
  LIMITS,
  PlanError,
  applyChange,
  blankPlan,
  buildTimeline,
  canUndo,
  createEditor,
  createSettings,
  decodeState,
  encodeState,
  longDate,
  planFromWorkflow,
  planToWorkflowJson,
  workflowJsonToPlan,
  type Change,
  type Editor,
  type Plan,
  type PlanSettings,
  type Schedule,
  type Warning,
} from '../../timeline/index.ts';
import { parseInput, showFieldError } from '../lib/field-dom.ts';
import { parseEuroCents } from '../lib/field-input.ts';
import { readJsonScript } from '../lib/json-script.ts';
import { SHARE_PREFIX, type CatalogTemplate, type TimelineData } from '../lib/timeline-types.ts';
import { amountInput, defaultSettingsInput, fileStem, localToday, plural, warningCount } from '../lib/timeline-view.ts';
import { forgetRemembered, restoreRemembered, saveRemembered as saveStored, valuesOf } from '../lib/remembered.ts';
import { REMEMBERED_GROUPS, type FieldSpec } from '../lib/workbench-types.ts';
import { h, setValue, sr } from './timeline-dom.ts';
import { StepEditor } from './timeline-editor.ts';
import { renderPlanWarnings, renderTable, renderVisual } from './timeline-schedule.ts';

const PAUSE_WORD = { betwisting: 'Betwisting', betaalbelofte: 'Betaalbelofte', andere: 'Pauze' } as const;

const root = document.querySelector<HTMLElement>('[data-timeline]');
if (root) init(root);

function init(root: HTMLElement): void {
  const model = readJsonScript<TimelineData>('tj-timeline-data');
  // Steps name base templates; the catalog maps each base id to its text for the plan's case
  // (refilled in place when the country or customer type changes, so every reader sees the switch).
  const catalog = new Map<string, CatalogTemplate>();
  let catalogCase = '';
  function loadCatalog(settings: Plan['settings']): void {
    const legalCase = `${settings.jurisdiction}-${settings.customerType === 'consumer' ? 'consument' : 'onderneming'}` as LegalCase;
    if (legalCase === catalogCase) return;
    catalogCase = legalCase;
    catalog.clear();
    for (const base of model.templates.filter((t) => t.variantOf === null)) {
      const text = model.templates.find((t) => (t.id === base.id || t.variantOf === base.id) && t.cases.includes(legalCase));
      if (text) catalog.set(base.id, { ...text, id: base.id, file: text.id });
    }
  }
  const $ = <T extends Element>(sel: string) => root.querySelector<T>(sel)!;
  const form = $<HTMLFormElement>('form[data-settings]');
  const input = (name: string) => form.elements.namedItem(name) as HTMLInputElement;
  const status = $<HTMLElement>('[data-status]');
  const loadError = $<HTMLElement>('[data-load-error]');
  const count = $<HTMLElement>('[data-warning-count]');
  const undoButton = $<HTMLButtonElement>('[data-action="undo"]');
  const addButton = $<HTMLButtonElement>('[data-action="add"]');
  const shareInput = $<HTMLInputElement>('[data-share]');
  const today = localToday();

  // ---------------------------------------------------------------- the first plan

  const settings = createSettings(defaultSettingsInput(today));
  const fromWorkflow = (id: string, s: PlanSettings) => {
    const workflow = model.workflows.find((w) => w.id === id);
    return workflow ? planFromWorkflow(workflow, s) : null;
  };
  let first = fromWorkflow(model.defaultWorkflow, settings) ?? blankPlan(settings);
  let problem: string | null = null;
  if (location.hash.startsWith(SHARE_PREFIX)) {
    const decoded = decodeState(location.hash.slice(SHARE_PREFIX.length));
    if (decoded instanceof PlanError) problem = `Deze link kon niet geopend worden. ${decoded.message} U ziet nu het standaarddraaiboek; de link in de adresbalk blijft staan tot u iets wijzigt.`;
    else first = decoded;
  } else {
    const id = new URLSearchParams(location.search).get('draaiboek');
    if (id !== null) {
      const plan = fromWorkflow(id, settings);
      if (plan) {
        first = plan;
        $<HTMLSelectElement>('#tl-start').value = id;
      } else problem = `Een draaiboek “${id.slice(0, 60)}” kennen we niet. U ziet nu het standaarddraaiboek; kies hieronder een ander vertrekpunt.`;
    }
  }
  if (problem) {
    loadError.textContent = problem;
    loadError.hidden = false;
  }

  let editor: Editor = createEditor(first);
  /** What each entry of editor.past undoes, in words. */
  let labels: string[] = [];
  let writeHash = problem === null;
  /** The schedule and warnings on screen (set by render()). */
  let view: { schedule: Schedule; warnings: Warning[] };

  const say = (message: string) => {
    status.textContent = '';
    window.setTimeout(() => (status.textContent = message), 30);
  };

  loadCatalog(editor.plan.settings);
  const stepEditor = new StepEditor($<HTMLOListElement>('[data-steps]'), catalog, commit, addButton);

  function commit(change: Change, label: string, after?: () => void): boolean {
    const next = applyChange(editor, change);
    if (next.error) {
      say(next.error);
      return false;
    }
    const changed = next.plan !== editor.plan;
    editor = next;
    if (changed) {
      labels = [...labels, label].slice(-editor.past.length);
      writeHash = true;
      loadError.hidden = true;
      render();
    }
    after?.();
    return true;
  }

  function undo(): void {
    if (!canUndo(editor)) return say('Er is niets meer om ongedaan te maken.');
    const label = labels.pop();
    editor = applyChange(editor, { type: 'undo' });
    writeHash = true;
    render();
    // The focused element went away with the change (an added step): keep the keyboard user on the page.
    if (!document.activeElement || document.activeElement === document.body) undoButton.focus();
    say(`Ongedaan gemaakt: ${label ?? 'de laatste wijziging'}.`);
  }

  // ---------------------------------------------------------------- rendering

  function shareUrl(plan: Plan): string {
    return `${location.origin}${location.pathname}${SHARE_PREFIX}${encodeState(plan)}`;
  }

  function render(): void {
    const { plan } = editor;
    loadCatalog(plan.settings);
    view = buildTimeline(plan, [...catalog.values()]);
    renderSettings(plan.settings, plan);
    renderPauses(plan);
    stepEditor.update(plan, view.schedule, view.warnings);
    renderPlanWarnings($('[data-plan-warnings]'), view.warnings);
    renderVisual($('[data-visual]'), view.schedule, view.warnings, today);
    renderTable($('[data-schedule]'), view.schedule, view.warnings, catalog);
    count.textContent = warningCount(view.warnings);
    undoButton.setAttribute('aria-disabled', String(!canUndo(editor)));
    const url = shareUrl(plan);
    shareInput.value = url;
    if (writeHash && location.href !== url) history.replaceState(null, '', url);
    updatePackFields(plan);
  }

  function renderSettings(s: PlanSettings, plan: Plan): void {
    const values: Record<string, string> = {
      titel: plan.meta.titel,
      invoiceDate: s.invoiceDate,
      dueDate: s.dueDate,
      amount: amountInput(s.amountCents),
      firstSendDate: s.firstSendDate ?? '',
      minGapDays: String(s.minGapDays),
      noticeTermDays: String(s.noticeTermDays),
      repeatEvery: String(plan.repeat?.everyDays ?? 7),
      repeatMax: String(plan.repeat?.maxRepeats ?? 3),
    };
    for (const [name, value] of Object.entries(values)) if (setValue(input(name), value)) fieldError(name, null);
    for (const radio of form.querySelectorAll<HTMLInputElement>('input[name="customerType"]')) radio.checked = radio.value === s.customerType;
    for (const radio of form.querySelectorAll<HTMLInputElement>('input[name="jurisdiction"]')) radio.checked = radio.value === s.jurisdiction;
    input('workingDaysOnly').checked = s.workingDaysOnly;
    input('enforceMinGap').checked = s.enforceMinGap;
    input('repeatOn').checked = plan.repeat !== null;
    input('repeatEvery').disabled = plan.repeat === null;
    input('repeatMax').disabled = plan.repeat === null;
  }

  function renderPauses(plan: Plan): void {
    const list = $<HTMLUListElement>('[data-pauses]');
    const items = plan.pauses.map((p, i) =>
      h(
        'li',
        {},
        h('span', {}, `${PAUSE_WORD[p.reason]}: ${p.until ? `van ${longDate(p.from)} tot ${longDate(p.until)}` : `sinds ${longDate(p.from)}, nog niet hervat`}`),
        h('button', { type: 'button', class: 'button button--small button--ghost', 'data-remove-pause': i, 'data-key': `pause-${i}` }, 'Verwijder', sr(` de pauze vanaf ${longDate(p.from)}`)),
      ),
    );
    const focusKey = document.activeElement instanceof HTMLElement && list.contains(document.activeElement) ? document.activeElement.dataset['key'] : undefined;
    list.replaceChildren(...items);
    list.hidden = items.length === 0;
    if (focusKey) (list.querySelector<HTMLElement>(`[data-key="${focusKey}"]`) ?? input('pauseFrom')).focus();
    $<HTMLElement>('[data-resume]').hidden = !plan.pauses.some((p) => p.until === null);
  }

  // ---------------------------------------------------------------- the settings form

  const fieldError = (name: string, message: string | null) => {
    const el = document.getElementById(`tl-${name}-fout`);
    const target = form.elements.namedItem(name);
    if (el) {
      el.textContent = message ?? '';
      el.hidden = !message;
    }
    if (target instanceof HTMLInputElement) {
      if (message) target.setAttribute('aria-invalid', 'true');
      else target.removeAttribute('aria-invalid');
    }
  };

  /** A date from a date input: null when empty, false (with the message shown) when wrong. */
  function readDate(name: string, required: boolean): string | null | false {
    const el = input(name);
    const message = el.validity.badInput
      ? 'Vul een volledige datum in (dag, maand en jaar).'
      : !el.value
        ? required
          ? 'Vul een datum in.'
          : null
        : el.value < LIMITS.firstDate || el.value > LIMITS.lastDate
          ? 'Kies een datum tussen 2000 en 2099.'
          : null;
    fieldError(name, message);
    if (message) return false;
    return el.value || null;
  }

  function readInt(name: string, min: number, max: number): number | null {
    const value = input(name).value.trim();
    if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
      fieldError(name, `Kies een geheel getal van ${min} tot ${max}.`);
      return null;
    }
    return Number(value);
  }

  const SETTING_WORDS: Record<string, string> = {
    invoiceDate: 'de factuurdatum',
    dueDate: 'de vervaldatum',
    firstSendDate: 'de eerste verzenddatum',
    amount: 'het bedrag',
    customerType: 'het type klant',
    jurisdiction: 'het land',
    workingDaysOnly: 'de keuze voor werkdagen',
    minGapDays: 'de minimale tussentijd',
    enforceMinGap: 'de keuze om de tussentijd af te dwingen',
    noticeTermDays: 'de termijn van de ingebrekestelling',
    titel: 'de naam van de planning',
  };

  form.addEventListener('submit', (event) => event.preventDefault());
  form.addEventListener('change', (event) => {
    const target = event.target as HTMLInputElement;
    const name = target.name;
    const set = (patch: Partial<PlanSettings>) => commit({ type: 'setSettings', patch }, `${SETTING_WORDS[name] ?? 'een instelling'} gewijzigd`) && fieldError(name, null);
    switch (name) {
      case 'invoiceDate':
      case 'dueDate':
      case 'firstSendDate': {
        const value = readDate(name, name !== 'firstSendDate');
        if (value === false) return;
        set({ [name]: value });
        break;
      }
      case 'amount': {
        const cents = parseEuroCents(target.value);
        if (cents === null) return fieldError(name, 'Schrijf een bedrag in euro, bijvoorbeeld 1.234,56.');
        if (cents > LIMITS.maxAmountCents) return fieldError(name, 'Dit bedrag is te groot.');
        set({ amountCents: cents });
        break;
      }
      case 'customerType':
        set({ customerType: target.value === 'consumer' ? 'consumer' : 'business' });
        break;
      case 'jurisdiction':
        set({ jurisdiction: target.value as Jurisdiction });
        break;
      case 'workingDaysOnly':
      case 'enforceMinGap':
        set({ [name]: target.checked });
        break;
      case 'minGapDays':
      case 'noticeTermDays': {
        const value = name === 'minGapDays' ? readInt(name, 0, LIMITS.maxMinGapDays) : readInt(name, 1, LIMITS.maxNoticeTermDays);
        if (value !== null) set({ [name]: value });
        break;
      }
      case 'repeatOn':
      case 'repeatEvery':
      case 'repeatMax': {
        if (!input('repeatOn').checked) {
          commit({ type: 'setRepeat', repeat: null }, 'het herhalen van de laatste stap uitgezet');
          break;
        }
        const everyDays = readInt('repeatEvery', 1, LIMITS.maxRepeatEveryDays);
        const maxRepeats = readInt('repeatMax', 1, LIMITS.maxRepeats);
        if (everyDays === null || maxRepeats === null) return;
        if (commit({ type: 'setRepeat', repeat: { everyDays, maxRepeats } }, 'het herhalen van de laatste stap gewijzigd')) {
          fieldError('repeatEvery', null);
          fieldError('repeatMax', null);
        }
        break;
      }
      case 'titel':
        if (commit({ type: 'setMeta', patch: { titel: target.value.trim() || 'Eigen draaiboek' } }, `${SETTING_WORDS[name]} gewijzigd`)) fieldError(name, null);
        break;
    }
  });

  // ---------------------------------------------------------------- buttons

  root.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest<HTMLButtonElement>('button') : null;
    if (!button || !root.contains(button)) return;
    if (button.getAttribute('aria-disabled') === 'true') {
      if (button.dataset['action'] === 'add' || button.dataset['stepAction'] === 'insert') say(`Een planning telt hoogstens ${LIMITS.maxSteps} stappen.`);
      return;
    }
    const pause = button.dataset['removePause'];
    if (pause !== undefined) {
      commit({ type: 'removePause', index: Number(pause) }, 'een pauze verwijderd');
      return;
    }
    switch (button.dataset['action']) {
      case 'undo':
        return undo();
      case 'add': {
        const at = editor.plan.steps.length;
        commit({ type: 'addStep' }, 'een stap toegevoegd', () => stepEditor.focus(at, 'titel'));
        return say(editor.plan.steps.length > at ? `Stap ${at + 1} is toegevoegd: kies een titel, een dag en een sjabloon.` : '');
      }
      case 'sort':
        commit({ type: 'sortByDate' }, 'de stappen in volgorde van datum gezet');
        return;
      case 'start': {
        const id = $<HTMLSelectElement>('#tl-start').value;
        const workflow = model.workflows.find((w) => w.id === id);
        const plan = workflow ? planFromWorkflow(workflow, editor.plan.settings) : blankPlan(editor.plan.settings);
        if (commit({ type: 'replace', plan }, workflow ? `het draaiboek ${workflow.titel} geladen` : 'een lege planning geladen')) {
          say(workflow ? `Het draaiboek ${workflow.titel} is geladen, met uw factuurgegevens.` : 'U begint met een lege planning. Voeg een eerste stap toe.');
        }
        return;
      }
      case 'pause': {
        const from = readDate('pauseFrom', true);
        const until = readDate('pauseUntil', false);
        if (!from || until === false) return;
        const reason = ($<HTMLSelectElement>('#tl-pauseReason').value || 'andere') as 'betwisting' | 'betaalbelofte' | 'andere';
        if (until !== null && until <= from) return fieldError('pauseUntil', 'Hervat op een dag na het begin van de pauze.');
        if (commit({ type: 'pause', from, until, reason }, 'een pauze toegevoegd')) {
          fieldError('pauseFrom', null);
          fieldError('pauseUntil', null);
          say(until ? `Pauze toegevoegd: de stappen vanaf ${longDate(from)} schuiven op.` : `Pauze toegevoegd: de stappen vanaf ${longDate(from)} wachten tot u hervat.`);
        }
        return;
      }
      case 'resume': {
        const on = readDate('resumeOn', true);
        if (!on) return;
        if (commit({ type: 'resume', on }, 'de planning hervat')) {
          fieldError('resumeOn', null);
          say(`De planning loopt weer vanaf ${longDate(on)}.`);
        }
        return;
      }
      case 'print':
        return window.print();
      case 'copy-link':
        return void copyLink();
      case 'zip':
        return void makePack(button);
      case 'pack-example':
        return packExample();
      case 'pack-forget':
        return packForget();
    }
    const format = button.dataset['export'];
    if (format === 'ics' || format === 'csv' || format === 'json') void exportFile(button, format);
  });

  // Ctrl+Z (Cmd+Z): undo the last change to the plan, except while typing text the browser can undo itself.
  document.addEventListener('keydown', (event) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey || event.key.toLowerCase() !== 'z') return;
    const target = event.target;
    if (target instanceof HTMLElement && target.closest('[data-pack-form], #tl-share, #tl-import')) return;
    if (target instanceof HTMLInputElement && /^(text|number|date|search)$/.test(target.type) && target.value !== (target.dataset['committed'] ?? target.value)) return;
    event.preventDefault();
    undo();
  });

  // A pasted share link in the same tab changes only the fragment: load it. Other fragments (the
  // skip link, a link to a row) get the plan's fragment back, so the address bar keeps the plan.
  window.addEventListener('hashchange', () => {
    if (location.hash.startsWith(SHARE_PREFIX)) {
      if (location.hash.slice(SHARE_PREFIX.length) === encodeState(editor.plan)) return;
      const decoded = decodeState(location.hash.slice(SHARE_PREFIX.length));
      if (decoded instanceof PlanError) {
        loadError.textContent = `Deze link kon niet geopend worden. ${decoded.message}`;
        loadError.hidden = false;
        return;
      }
      commit({ type: 'replace', plan: decoded }, 'de planning uit een link geopend');
    } else if (writeHash) history.replaceState(null, '', shareUrl(editor.plan));
  });

  // ---------------------------------------------------------------- exports

  function download(data: BlobPart, name: string, type: string): void {
    const url = URL.createObjectURL(new Blob([data], { type }));
    const link = h('a', { href: url, download: name, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  async function exportFile(button: HTMLButtonElement, format: 'ics' | 'csv' | 'json'): Promise<void> {
    const { plan } = editor;
    const stem = fileStem(plan);
    try {
      if (format === 'json') {
        const json = planToWorkflowJson(plan);
        if (json instanceof PlanError) return say(json.message);
        download(`${JSON.stringify(json, null, 2)}\n`, `${stem}.json`, 'application/json');
        return say(`${stem}.json is bewaard. Open het later opnieuw met “Een bewaard draaiboek openen”.`);
      }
      button.setAttribute('aria-busy', 'true');
      const exports = await import('./timeline-exports.ts');
      if (format === 'ics') {
        const sent = view.schedule.steps.filter((s) => s.status === 'planned').length;
        if (!sent) return say('Er is nog geen stap met een datum om in uw agenda te zetten.');
        const ics = exports.makeIcs({ plan, schedule: view.schedule, catalog, user: readPackData(false) ?? {}, shareUrl: shareUrl(plan), origin: location.origin, host: location.hostname || 'tijdig', now: new Date() });
        download(ics, `${stem}.ics`, 'text/calendar;charset=utf-8');
        say(`${stem}.ics is bewaard: ${plural(sent, 'afspraak', 'afspraken')} voor uw agenda, elk met een herinnering om 9 uur.`);
      } else {
        download(exports.makeCsv(plan, catalog, [...catalog.values()]), `${stem}.csv`, 'text/csv;charset=utf-8');
        say(`${stem}.csv is bewaard. Open het in Excel of een ander rekenblad.`);
      }
    } catch (error) {
      console.warn('Tijdig: export mislukt', error);
      say('Dit bestand kon niet gemaakt worden. Probeer het opnieuw.');
    } finally {
      button.removeAttribute('aria-busy');
    }
  }

  const importInput = $<HTMLInputElement>('#tl-import');
  const importError = $<HTMLElement>('#tl-import-fout');
  importInput.addEventListener('change', async () => {
    const file = importInput.files?.[0];
    if (!file) return;
    const fail = (message: string) => {
      importError.textContent = message;
      importError.hidden = false;
      importInput.setAttribute('aria-invalid', 'true');
      say(`${message} Uw planning is niet gewijzigd.`);
    };
    try {
      if (file.size > 1_000_000) return fail('Dit bestand is te groot voor een draaiboek (meer dan 1 MB).');
      const plan = workflowJsonToPlan(await file.text(), editor.plan.settings);
      if (plan instanceof PlanError) return fail(plan.message);
      importError.hidden = true;
      importInput.removeAttribute('aria-invalid');
      if (commit({ type: 'replace', plan }, `het draaiboek uit ${file.name} geopend`)) say(`${file.name} is geopend: ${plural(plan.steps.length, 'stap', 'stappen')}. Vergist? Maak het ongedaan.`);
    } catch {
      fail('Dit bestand kon niet gelezen worden.');
    } finally {
      importInput.value = '';
    }
  });

  async function copyLink(): Promise<void> {
    try {
      await navigator.clipboard.writeText(shareInput.value);
      say('De link staat op het klembord. Wie hem opent, ziet deze planning.');
    } catch {
      shareInput.focus();
      shareInput.select();
      say('Kopiëren lukte niet in deze browser. De link is geselecteerd: kopieer hem met Ctrl+C.');
    }
  }

  // ---------------------------------------------------------------- the pack

  const packForm = $<HTMLFormElement>('form[data-pack-form]');
  const packStatus = $<HTMLElement>('[data-pack-status]');
  const progress = $<HTMLElement>('[data-progress]');
  const bar = progress.querySelector('progress')!;
  const packInputs = new Map<string, HTMLInputElement | HTMLSelectElement>();
  for (const f of model.fields) {
    const el = packForm.elements.namedItem(f.path);
    if (el instanceof HTMLInputElement || el instanceof HTMLSelectElement) packInputs.set(f.path, el);
  }
  const packFields = model.fields.filter((f) => packInputs.has(f.path));
  const remembered = packFields.filter((f) => REMEMBERED_GROUPS.includes(f.group));
  let needed = new Set<string>();

  const packSay = (message: string) => {
    packStatus.textContent = '';
    window.setTimeout(() => (packStatus.textContent = message), 30);
  };

  function updatePackFields(plan: Plan): void {
    needed = new Set(plan.steps.flatMap((s) => catalog.get(s.template)?.fields ?? []));
    for (const wrapper of packForm.querySelectorAll<HTMLElement>('[data-field-path]')) wrapper.hidden = !needed.has(wrapper.dataset['fieldPath']!);
    for (const set of packForm.querySelectorAll<HTMLFieldSetElement>('fieldset')) set.hidden = !set.querySelector('[data-field-path]:not([hidden])');
  }

  const parsePack = (f: FieldSpec) => parseInput(f, packInputs.get(f.path)!);
  const packError = (f: FieldSpec, message: string | null) => showFieldError(f, packInputs.get(f.path)!, message);

  /** The pack form as fill data; with `strict`, null (and the first error focused) when a visible field is wrong. */
  function readPackData(strict: boolean): FillData | null {
    const data: Record<string, Record<string, string | number>> = {};
    let firstBad: HTMLElement | null = null;
    for (const f of packFields) {
      const parsed = parsePack(f);
      if (!parsed.ok) {
        if (strict && needed.has(f.path)) {
          packError(f, parsed.error);
          firstBad ??= packInputs.get(f.path)!;
        }
        continue;
      }
      if (parsed.value === undefined) continue;
      const [group, name] = f.path.split('.') as [string, string];
      (data[group] ??= {})[name] = parsed.value;
    }
    if (firstBad) {
      const details = packForm.closest('details');
      if (details) details.open = true;
      firstBad.focus();
      return null;
    }
    return data as FillData;
  }

  const rememberedPaths = remembered.map((f) => f.path);
  const saveRemembered = () => saveStored(valuesOf(packInputs, rememberedPaths));
  restoreRemembered(packInputs, rememberedPaths);

  packForm.addEventListener('submit', (event) => event.preventDefault());
  packForm.addEventListener('input', (event) => {
    const f = packFields.find((x) => packInputs.get(x.path) === event.target);
    if (!f) return;
    if (parsePack(f).ok) packError(f, null);
    if (REMEMBERED_GROUPS.includes(f.group)) saveRemembered();
  });
  packForm.addEventListener('change', (event) => {
    const f = packFields.find((x) => packInputs.get(x.path) === event.target);
    if (!f) return;
    const parsed = parsePack(f);
    packError(f, parsed.ok ? null : parsed.error);
  });

  function packExample(): void {
    for (const f of packFields) {
      const el = packInputs.get(f.path)!;
      const example = model.examples[f.path];
      if (!el.value && example !== undefined && needed.has(f.path)) el.value = example;
      packError(f, null);
    }
    saveRemembered();
    packSay('Lege velden zijn ingevuld met een voorbeeld. Vervang ze door uw eigen gegevens.');
  }

  function packForget(): void {
    forgetRemembered();
    for (const f of remembered) {
      packInputs.get(f.path)!.value = '';
      packError(f, null);
    }
    packSay('Uw bedrijfsgegevens zijn gewist uit deze browser.');
  }

  let packing = false;
  async function makePack(button: HTMLButtonElement): Promise<void> {
    if (packing) return;
    const user = readPackData(true);
    if (!user) return packSay('Niet alle gegevens kloppen: kijk de rode meldingen na.');
    const { plan } = editor;
    const { schedule } = view;
    if (!schedule.steps.some((s) => s.status === 'planned' && catalog.has(s.step.template))) return packSay('Geen enkele stap heeft een datum en een sjabloon: er is nog niets om in te vullen.');
    packing = true;
    button.setAttribute('aria-busy', 'true');
    button.setAttribute('aria-disabled', 'true');
    progress.hidden = false;
    bar.value = 0;
    packSay('Het pakket wordt gemaakt…');
    const started = performance.now();
    try {
      const { buildPack } = await import('./timeline-pack.ts');
      let lastSaid = 0;
      const result = await buildPack({
        plan,
        schedule,
        catalog,
        templates: [...catalog.values()],
        user,
        shareUrl: shareUrl(plan),
        origin: location.origin,
        host: location.hostname || 'tijdig',
        onProgress: (done, total) => {
          bar.max = total;
          bar.value = done;
          // Announce now and then, not on every file.
          if (performance.now() - lastSaid > 2000) {
            lastSaid = performance.now();
            packStatus.textContent = `Bezig: ${done} van ${total} bestanden…`;
          }
        },
      });
      const ms = Math.round(performance.now() - started);
      download(result.bytes as BlobPart, result.name, 'application/zip');
      packStatus.dataset['ms'] = String(ms);
      packSay(`${result.name} is klaar: ${plural(result.files, 'bestand', 'bestanden')}, gemaakt in ${(ms / 1000).toFixed(1).replace('.', ',')} s.${result.left.length ? ` Niet in het pakket: ${result.left.join('; ')}.` : ''}`);
    } catch (error) {
      console.warn('Tijdig: pakket maken mislukt', error);
      packSay('Het pakket kon niet gemaakt worden. Controleer uw verbinding met deze website en probeer het opnieuw.');
    } finally {
      packing = false;
      progress.hidden = true;
      button.removeAttribute('aria-busy');
      button.removeAttribute('aria-disabled');
    }
  }

  render();
}
