/**
 * A playbook per customer: the file (or the reconcile page, from the customer's payment behaviour)
 * may name one per row — by id ("wanbetaler"), title ("Draaiboek slechte betalers") or segment
 * ("Slechte betalers", "VIP-klanten"). Without one, or with a name no playbook has, the playbook
 * chosen on the page applies. Pure.
 */
import type { Workflow } from '../content/schema.ts';

const flat = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '');

/** Names of the segments of the segmentation guide that are not their playbook's id. */
const SEGMENT_NAMES: Record<string, string> = {
  slechtebetaler: 'wanbetaler',
  slechtebetalers: 'wanbetaler',
  wanbetalers: 'wanbetaler',
  vipklant: 'vip',
  vipklanten: 'vip',
  standaardklant: 'standaard',
  standaardklanten: 'standaard',
};

/** The playbook a cell names; `unknown` when it names none of `workflows`. */
export function resolvePlaybook(written: string | undefined, workflows: readonly Workflow[] | undefined): { workflow?: Workflow; unknown?: string } {
  const key = written ? flat(written) : '';
  if (!key || !workflows?.length) return {};
  const id = SEGMENT_NAMES[key] ?? key;
  const found = workflows.find((w) => flat(w.id) === id || flat(w.titel) === key || flat(w.titel).replace(/^draaiboek/, '') === key);
  return found ? { workflow: found } : { unknown: written! };
}
