/**
 * Reconcile: read invoices (UBL) and bank statements (CODA, camt), match payments to invoices
 * with a reason for each match, and hand the invoices still open to bulk mode. Pure and
 * browser-safe; the site runs it in a Web Worker.
 */
export * from './types.ts';
export * from './files.ts';
export * from './match.ts';
export * from './reminders.ts';
export * from './ageing.ts';
export * from './behaviour.ts';
