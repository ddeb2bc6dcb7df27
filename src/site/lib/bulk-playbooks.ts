/**
 * Bulk mode with a playbook per customer (a "draaiboek" column, e.g. from the reconcile page): the
 * run needs the templates of every playbook in use, not only the page's. Pure.
 */
import type { PlannedCustomer } from '../../bulk/plan.ts';
import type { BulkWorkflowData } from './bulk-types.ts';

/** The page's playbook first, then every other one a customer that gets files today uses. */
export function playbooksInUse(pageWorkflow: string, customers: readonly PlannedCustomer[]): string[] {
  const ids = new Set([pageWorkflow]);
  for (const c of customers) if (c.status === 'klaar' && c.workflow) ids.add(c.workflow.id);
  return [...ids];
}

/** Several playbooks' templates and compiled e-mails as one (a template shared by two comes once). */
export function mergeWorkflowData(list: readonly BulkWorkflowData[]): Pick<BulkWorkflowData, 'templates' | 'compiled'> {
  const templates = new Map(list.flatMap((d) => d.templates.map((t) => [t.id, t] as const)));
  return { templates: [...templates.values()], compiled: Object.assign({}, ...list.map((d) => d.compiled)) };
}
