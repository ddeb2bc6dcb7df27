/**
 * The plan view: the table of rows (with their check per cell) and the table of customers (with
 * today's step per customer), a page at a time. The worker filters and cuts the pages
 * (lib/bulk-view-model.ts); "more rows", the filter and a per-customer step ask it again.
 */
import type { BulkOverview } from '../lib/bulk-view-model.ts';
import type { RowFilter } from '../lib/bulk-view-model.ts';
import type { AnalysisController } from './bulk-analysis.ts';
import { PAGE_CUSTOMERS, PAGE_ROWS, type BulkContext } from './bulk-context.ts';
import type { SettingsController } from './bulk-settings.ts';
import { plural, renderCustomers, renderRows, updateCustomerResults } from './bulk-view.ts';

export interface PlanController {
  /** Draws the row summary and both tables from state.overview and state.page. */
  render(): void;
}

export interface PlanEvents {
  /** A per-customer step changed the plan: the counts and the run's readiness follow. */
  replanned(): void;
}

export function rowSummaryText(overview: BulkOverview): string {
  const counts = overview.counts;
  return (
    `${plural(counts.rows, 'rij', 'rijen')} gelezen: ${plural(counts.valid, 'factuur', 'facturen')} in orde` +
    `${counts.skipped ? `, ${plural(counts.skipped, 'rij gaat', 'rijen gaan')} niet mee door een fout` : ''}` +
    `${counts.warnings ? `, ${plural(counts.warnings, 'opmerking', 'opmerkingen')}` : ''}. ` +
    `Samen ${plural(overview.customerCount, 'klant', 'klanten')}.`
  );
}

export function initPlan(ctx: BulkContext, settings: SettingsController, analysis: AnalysisController, events: PlanEvents): PlanController {
  const { $, state } = ctx;
  const rowsBox = $<HTMLElement>('[data-rows]');
  const rowFilter = $<HTMLSelectElement>('#bk-row-filter');
  const moreRows = $<HTMLButtonElement>('[data-action="more-rows"]');
  const customersBox = $<HTMLElement>('[data-customers]');
  const moreCustomers = $<HTMLButtonElement>('[data-action="more-customers"]');

  function renderRowTable(): void {
    const page = state.page!.rows;
    renderRows(rowsBox, page, state.overview!.file.headers, state.mapping!);
    moreRows.hidden = page.rows.length >= page.matching;
  }

  function renderCustomerTable(): void {
    const page = state.page!.customers;
    renderCustomers(customersBox, page, settings.workflow(), settings.choice(), state.overrides);
    moreCustomers.hidden = page.customers.length >= page.total;
  }

  async function turnPage(change: Partial<typeof state.view>, draw: () => void): Promise<void> {
    Object.assign(state.view, change);
    if (state.overview && (await analysis.showPage())) draw();
  }

  rowFilter.addEventListener('change', () => void turnPage({ filter: rowFilter.value as RowFilter, rowLimit: PAGE_ROWS }, renderRowTable));
  moreRows.addEventListener('click', () => void turnPage({ rowLimit: state.view.rowLimit + PAGE_ROWS }, renderRowTable));
  moreCustomers.addEventListener('click', () => void turnPage({ customerLimit: state.view.customerLimit + PAGE_CUSTOMERS }, renderCustomerTable));

  customersBox.addEventListener('change', async (event) => {
    const select = event.target;
    if (!(select instanceof HTMLSelectElement) || !select.dataset['key'] || !state.bytes || !state.mapping) return;
    const key = select.dataset['key'];
    if (select.value === '') delete state.overrides[key];
    else state.overrides[key] = select.value === 'overslaan' ? 'overslaan' : Number(select.value);
    if (!(await analysis.analyze())) return;
    // The selects (and the focus) stay: only the result cells are drawn again.
    updateCustomerResults(customersBox, state.page!.customers.customers);
    renderRowTable();
    events.replanned();
    const c = state.page!.customers.customers.find((x) => x.group.key === key);
    if (c) ctx.say(ctx.status, `${c.group.klant.naam ?? 'Klant'}: ${c.status === 'klaar' ? 'wordt gemaakt' : c.status === 'wachten' ? 'nog niets vandaag' : 'overgeslagen'}.`);
  });

  return {
    render() {
      $<HTMLElement>('[data-row-summary]').textContent = rowSummaryText(state.overview!);
      renderRowTable();
      renderCustomerTable();
    },
  };
}
