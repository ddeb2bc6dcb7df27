/**
 * The timeline builder's island (/tijdlijn/): wires small controllers around one PlanState (plan +
 * undo, timeline-state.ts) and redraws after every change: the settings form (timeline-settings.ts),
 * the step editor (timeline-editor.ts), the schedule (timeline-schedule.ts), the share link
 * (timeline-share.ts), the exports (timeline-downloads.ts) and the pack form (timeline-pack-form.ts).
 * The first paint needs only the plan, the schedule and its warnings; the plan check, the link
 * encoder, the exports and the pack load with import() when they are first needed.
 */
import { buildTimelineWith, type Warning } from '../../timeline/warnings.ts';
import { LIMITS, PlanError, blankPlan, createSettings, type Plan } from '../../timeline/plan.ts';
import type { Schedule } from '../../timeline/schedule.ts';
import { readJsonScript } from '../lib/json-script.ts';
import { fillCatalog, legalCaseOf } from '../lib/timeline-catalog.ts';
import { planFor, sharedState, startPlan, type Start } from '../lib/timeline-start.ts';
import type { CatalogTemplate, TimelineData } from '../lib/timeline-types.ts';
import { defaultSettingsInput, localToday, warningCount } from '../lib/timeline-view.ts';
import { exportFile, watchImport, type ExportContext } from './timeline-downloads.ts';
import { StepEditor } from './timeline-editor.ts';
import { PackForm, type PackContext } from './timeline-pack-form.ts';
import { renderPlanWarnings, renderTable, renderVisual } from './timeline-schedule.ts';
import { SettingsForm } from './timeline-settings.ts';
import { ShareLink, loadShare } from './timeline-share.ts';
import { PlanState, loadValidator } from './timeline-state.ts';

const root = document.querySelector<HTMLElement>('[data-timeline]');
if (root) void firstPlan(readJsonScript<TimelineData>('tj-timeline-data')).then((start) => new TimelineBuilder(root, start));

/** The plan the page opens with; a shared link's decoder is loaded first, only when there is one. */
async function firstPlan(model: TimelineData): Promise<{ model: TimelineData; start: Start }> {
  const settings = createSettings(defaultSettingsInput(localToday()));
  const decode = sharedState(location.hash) === null ? undefined : await loadShare().then(
    (share) => share.decodeState,
    () => () => new PlanError('Deze link kon niet gelezen worden: de pagina is niet volledig geladen.'),
  );
  return { model, start: startPlan({ hash: location.hash, search: location.search, workflows: model.workflows, defaultWorkflow: model.defaultWorkflow, settings, ...(decode ? { decode } : {}) }) };
}

class TimelineBuilder {
  private readonly root: HTMLElement;
  private readonly model: TimelineData;
  private readonly today = localToday();
  /** Steps name base templates; this maps each to its text for the plan's case, refilled in place on a switch. */
  private readonly catalog = new Map<string, CatalogTemplate>();
  private catalogCase = '';
  private readonly state: PlanState;
  private readonly settings: SettingsForm;
  private readonly steps: StepEditor;
  private readonly share: ShareLink;
  private readonly pack: PackForm;
  private readonly loadError: HTMLElement;
  private readonly status: HTMLElement;
  /** The schedule and warnings on screen (set by render()). */
  private view!: { schedule: Schedule; warnings: Warning[] };

  constructor(root: HTMLElement, { model, start }: { model: TimelineData; start: Start }) {
    this.root = root;
    this.model = model;
    this.status = this.$('[data-status]');
    this.loadError = this.$('[data-load-error]');
    if (start.workflowId) this.$<HTMLSelectElement>('#tl-start').value = start.workflowId;
    if (start.problem) this.showLoadError(start.problem);
    const say = (message: string) => this.say(message);
    this.state = new PlanState(start.plan, { render: () => this.render(), say, changed: (undo) => this.changed(undo) });
    this.settings = new SettingsForm(this.$('form[data-settings]'), this.state, say);
    this.syncCatalog(start.plan);
    this.steps = new StepEditor(this.$('[data-steps]'), this.catalog, (change, label, after) => this.state.commit(change, label, after), this.$('[data-action="add"]'), model.choices);
    this.share = new ShareLink(this.$('[data-share]'), start.problem === null, {
      plan: () => this.state.plan,
      open: (plan) => void this.state.commit({ type: 'replace', plan }, 'de planning uit een link geopend'),
      fail: (message) => this.showLoadError(message),
      say,
    });
    this.pack = new PackForm(this.$('form[data-pack-form]'), this.$('[data-pack-status]'), model);
    watchImport(this.$('#tl-import'), this.$('#tl-import-fout'), { settings: () => this.state.plan.settings, open: (plan, label) => this.state.commit({ type: 'replace', plan }, label), say });
    root.addEventListener('click', (event) => void this.onClick(event));
    document.addEventListener('keydown', (event) => this.onKey(event));
    // The plan check is needed from the first change on: fetch it as soon as the user turns to the page.
    for (const type of ['focusin', 'pointerdown'] as const) root.addEventListener(type, () => void loadValidator().catch(() => undefined), { once: true });
    this.render();
  }

  private $<T extends Element = HTMLElement>(selector: string): T {
    return this.root.querySelector<T>(selector)!;
  }

  private say(message: string): void {
    this.status.textContent = '';
    window.setTimeout(() => (this.status.textContent = message), 30);
  }

  private showLoadError(message: string): void {
    this.loadError.textContent = message;
    this.loadError.hidden = false;
  }

  private changed(undo: boolean): void {
    this.share.writeHash = true;
    if (!undo) this.loadError.hidden = true;
  }

  private syncCatalog(plan: Plan): void {
    const legalCase = legalCaseOf(plan.settings);
    if (legalCase === this.catalogCase) return;
    this.catalogCase = legalCase;
    fillCatalog(this.catalog, this.model.templates, legalCase);
  }

  private render(): void {
    const { plan } = this.state;
    this.syncCatalog(plan);
    this.view = buildTimelineWith(plan, [...this.catalog.values()], this.model.choices);
    const { schedule, warnings } = this.view;
    this.settings.render(plan);
    this.steps.update(plan, schedule, warnings);
    renderPlanWarnings(this.$('[data-plan-warnings]'), warnings);
    renderVisual(this.$('[data-visual]'), schedule, warnings, this.today);
    renderTable(this.$('[data-schedule]'), schedule, warnings, this.catalog);
    this.$('[data-warning-count]').textContent = warningCount(warnings);
    this.$('[data-action="undo"]').setAttribute('aria-disabled', String(!this.state.canUndo()));
    this.share.update();
    this.pack.update(plan, this.catalog);
  }

  /** What an export or the pack works on: the plan and schedule on screen, taken at the click. */
  private async context(): Promise<ExportContext & PackContext> {
    const { plan } = this.state;
    const { schedule } = this.view;
    return { plan, schedule, catalog: this.catalog, user: this.pack.data(false) ?? {}, shareUrl: await this.share.url() };
  }

  private async undo(): Promise<void> {
    const label = await this.state.undo();
    if (label === null) return this.say('Er is niets meer om ongedaan te maken.');
    // The focused element went away with the change (an added step): keep the keyboard user on the page.
    if (!document.activeElement || document.activeElement === document.body) this.$<HTMLButtonElement>('[data-action="undo"]').focus();
    this.say(`Ongedaan gemaakt: ${label}.`);
  }

  private async addStep(): Promise<void> {
    const at = this.state.plan.steps.length;
    await this.state.commit({ type: 'addStep' }, 'een stap toegevoegd', () => this.steps.focus(at, 'titel'));
    this.say(this.state.plan.steps.length > at ? `Stap ${at + 1} is toegevoegd: kies een titel, een dag en een sjabloon.` : '');
  }

  private async loadStart(): Promise<void> {
    const id = this.$<HTMLSelectElement>('#tl-start').value;
    const workflow = this.model.workflows.find((w) => w.id === id);
    const plan = planFor(this.model.workflows, id, this.state.plan.settings) ?? blankPlan(this.state.plan.settings);
    if (await this.state.commit({ type: 'replace', plan }, workflow ? `het draaiboek ${workflow.titel} geladen` : 'een lege planning geladen')) {
      this.say(workflow ? `Het draaiboek ${workflow.titel} is geladen, met uw factuurgegevens.` : 'U begint met een lege planning. Voeg een eerste stap toe.');
    }
  }

  private readonly actions: Record<string, (button: HTMLButtonElement) => unknown> = {
    undo: () => this.undo(),
    add: () => this.addStep(),
    sort: () => this.state.commit({ type: 'sortByDate' }, 'de stappen in volgorde van datum gezet'),
    start: () => this.loadStart(),
    pause: () => this.settings.pause(),
    resume: () => this.settings.resume(),
    print: () => window.print(),
    'copy-link': () => this.share.copy(),
    zip: (button) => this.pack.make(button, () => this.context(), this.$('[data-progress]')),
    'pack-example': () => this.pack.example(),
    'pack-forget': () => this.pack.forget(),
  };

  private async onClick(event: Event): Promise<void> {
    const button = event.target instanceof Element ? event.target.closest<HTMLButtonElement>('button') : null;
    if (!button || !this.root.contains(button)) return;
    if (button.getAttribute('aria-disabled') === 'true') {
      if (button.dataset['action'] === 'add' || button.dataset['stepAction'] === 'insert') this.say(`Een planning telt hoogstens ${LIMITS.maxSteps} stappen.`);
      return;
    }
    const pause = button.dataset['removePause'];
    if (pause !== undefined) return void (await this.state.commit({ type: 'removePause', index: Number(pause) }, 'een pauze verwijderd'));
    const action = this.actions[button.dataset['action'] ?? ''];
    if (action) return void (await action(button));
    const format = button.dataset['export'];
    if (format === 'ics' || format === 'csv' || format === 'json') await exportFile(button, format, () => this.context(), (message) => this.say(message));
  }

  // Ctrl+Z (Cmd+Z): undo the last change to the plan, except while typing text the browser can undo itself.
  private onKey(event: KeyboardEvent): void {
    if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey || event.key.toLowerCase() !== 'z') return;
    const target = event.target;
    if (target instanceof HTMLElement && target.closest('[data-pack-form], #tl-share, #tl-import')) return;
    if (target instanceof HTMLInputElement && /^(text|number|date|search)$/.test(target.type) && target.value !== (target.dataset['committed'] ?? target.value)) return;
    event.preventDefault();
    void this.undo();
  }
}
