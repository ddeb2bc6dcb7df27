/**
 * The plan on the page: the timeline core's editor (plan + undo stack), what each undo step undoes
 * in words, and the one render callback. The plan check (plan-schema.ts, with zod) loads with the
 * first change, not with the page; changes run one after the other, so an early second change
 * waits for the first.
 */
import { applyChangeWith, canUndo, createEditor, type Change, type Editor, type Plan, type Validate } from '../../timeline/plan.ts';

let validator: Promise<Validate> | undefined;
/** Starts loading the plan check (idempotent): call it when the user starts to interact. */
export const loadValidator = (): Promise<Validate> => (validator ??= import('../../timeline/plan-schema.ts').then((m) => m.validatePlan));

export interface PlanStateHooks {
  /** Draws everything from the current plan. */
  render: () => void;
  /** Announces a message in the status line. */
  say: (message: string) => void;
  /** Called before drawing a change that altered the plan, or an undo. */
  changed?: (undo: boolean) => void;
}

export class PlanState {
  editor: Editor;
  /** What each entry of editor.past undoes, in words. */
  private labels: string[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  private readonly hooks: PlanStateHooks;

  constructor(plan: Plan, hooks: PlanStateHooks) {
    this.editor = createEditor(plan);
    this.hooks = hooks;
  }

  get plan(): Plan {
    return this.editor.plan;
  }

  /** Applies a change; false (with the reason said) when the core refuses it. `after` runs once drawn. */
  commit(change: Exclude<Change, { type: 'undo' }>, label: string, after?: () => void): Promise<boolean> {
    return this.enqueue(async () => {
      const validate = await loadValidator().catch(() => null);
      if (!validate) {
        this.hooks.say('Deze wijziging kon niet geladen worden. Controleer uw verbinding met deze website en probeer het opnieuw.');
        return false;
      }
      const next = applyChangeWith(this.editor, change, validate);
      if (next.error) {
        this.hooks.say(next.error);
        return false;
      }
      const altered = next.plan !== this.editor.plan;
      this.editor = next;
      if (altered) {
        this.labels = [...this.labels, label].slice(-next.past.length);
        this.hooks.changed?.(false);
        this.hooks.render();
      }
      after?.();
      return true;
    });
  }

  /** Undoes the last change; the label of what was undone, or null when there was nothing to undo. */
  undo(): Promise<string | null> {
    return this.enqueue(async () => {
      if (!canUndo(this.editor)) return null;
      const label = this.labels.pop() ?? 'de laatste wijziging';
      // Undo only steps back to an earlier plan: no check needed.
      this.editor = applyChangeWith(this.editor, { type: 'undo' }, (p) => p as Plan);
      this.hooks.changed?.(true);
      this.hooks.render();
      return label;
    });
  }

  canUndo(): boolean {
    return canUndo(this.editor);
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

