/**
 * What the bulk page's controllers share: the page's data, the state of the file and its analysis,
 * the worker client and the status line. Each controller (bulk-file, bulk-mapping, bulk-plan,
 * bulk-runner, bulk-downloads, bulk-settings, bulk-sender) owns its own part of the page.
 */
import type { ColumnMapping, CustomerOverride, Delimiter } from '../../bulk/index.ts';
import type { BulkOverview, ViewPage, ViewRequest } from '../lib/bulk-view-model.ts';
import type { BulkPageData } from '../lib/bulk-types.ts';
import { BulkClient } from './bulk-client.ts';

/**
 * Rows and customers per page (and per "Toon meer"). The browser lays out a whole table again for
 * every change; 200 rows of 13 columns took 100-250 ms of layout per draw on a busy machine
 * (Chrome trace), 50 keep each draw well under the 100 ms of a long task.
 */
export const PAGE_ROWS = 50;
export const PAGE_CUSTOMERS = 50;

export interface BulkState {
  bytes: Uint8Array | null;
  fileName: string;
  delimiter: Delimiter | undefined;
  mapping: ColumnMapping | null;
  mappingSource: 'herkend' | 'onthouden' | 'zelf';
  /** The worker's last analysis as the page sees it: an overview and the page of rows and customers shown. */
  overview: BulkOverview | null;
  page: ViewPage | null;
  overrides: Record<string, CustomerOverride>;
  view: ViewRequest;
  running: AbortController | null;
}

export interface BulkContext {
  root: HTMLElement;
  model: BulkPageData;
  state: BulkState;
  client: BulkClient;
  /** The page's status line (a live region). */
  status: HTMLElement;
  $<T extends Element>(selector: string): T;
  say(element: HTMLElement, message: string): void;
}

export const freshView = (): ViewRequest => ({ filter: 'alle', rowLimit: PAGE_ROWS, customerLimit: PAGE_CUSTOMERS });

export function createContext(root: HTMLElement, model: BulkPageData): BulkContext {
  const $ = <T extends Element>(selector: string) => root.querySelector<T>(selector)!;
  return {
    root,
    model,
    client: new BulkClient(),
    status: $<HTMLElement>('[data-status]'),
    $,
    state: { bytes: null, fileName: '', delimiter: undefined, mapping: null, mappingSource: 'herkend', overview: null, page: null, overrides: {}, view: freshView(), running: null },
    say(element, message) {
      element.textContent = '';
      // A fresh text node, so a repeated message is announced again.
      window.setTimeout(() => (element.textContent = message), 30);
    },
  };
}
