/**
 * Which plan a fresh /tijdlijn/ shows: a shared link's plan (`#plan=…`), the playbook named by
 * `?draaiboek=…`, or the default playbook, with a Dutch message when the link or the name could not
 * be used. Pure: the link decoder is passed in, so the page loads it only when there is a link.
 */
import type { Workflow } from '../../content/schema.ts';
import { PlanError, blankPlan, planFromWorkflow, type Plan, type PlanSettings } from '../../timeline/plan.ts';
import { SHARE_PREFIX } from './timeline-types.ts';

export interface StartInput {
  /** location.hash and location.search. */
  hash: string;
  search: string;
  workflows: readonly Workflow[];
  defaultWorkflow: string;
  settings: PlanSettings;
  /** share.ts decodeState; needed only when `hash` holds a plan. */
  decode?: (state: string) => Plan | PlanError;
}

export interface Start {
  plan: Plan;
  /** Shown above the builder; while it is set the address bar keeps the link until the user changes something. */
  problem: string | null;
  /** The playbook to select in "Begin met", when the address named one. */
  workflowId: string | null;
}

export const sharedState = (hash: string): string | null => (hash.startsWith(SHARE_PREFIX) ? hash.slice(SHARE_PREFIX.length) : null);

export function planFor(workflows: readonly Workflow[], id: string, settings: PlanSettings): Plan | null {
  const workflow = workflows.find((w) => w.id === id);
  return workflow ? planFromWorkflow(workflow, settings) : null;
}

export function startPlan(input: StartInput): Start {
  const fallback = planFor(input.workflows, input.defaultWorkflow, input.settings) ?? blankPlan(input.settings);
  const state = sharedState(input.hash);
  if (state !== null) {
    if (!input.decode) throw new Error('startPlan: a shared link needs the decoder');
    const decoded = input.decode(state);
    if (decoded instanceof PlanError) {
      return { plan: fallback, workflowId: null, problem: `Deze link kon niet geopend worden. ${decoded.message} U ziet nu het standaarddraaiboek; de link in de adresbalk blijft staan tot u iets wijzigt.` };
    }
    return { plan: decoded, workflowId: null, problem: null };
  }
  const id = new URLSearchParams(input.search).get('draaiboek');
  if (id === null) return { plan: fallback, workflowId: null, problem: null };
  const plan = planFor(input.workflows, id, input.settings);
  if (plan) return { plan, workflowId: id, problem: null };
  return { plan: fallback, workflowId: null, problem: `Een draaiboek “${id.slice(0, 60)}” kennen we niet. U ziet nu het standaarddraaiboek; kies hieronder een ander vertrekpunt.` };
}
