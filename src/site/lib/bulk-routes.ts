/** The bulk reminders page and the static files it fetches (same origin). */
export const BULK_PAGE = '/meerdere-facturen/';

/** The templates and compiled e-mails of one playbook, fetched only when the pack is made. */
export const bulkWorkflowDataUrl = (id: string) => `${BULK_PAGE}draaiboeken/${encodeURIComponent(id)}.json`;
