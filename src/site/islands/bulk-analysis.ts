/**
 * Asks the worker to read, check and plan the file again after a change, and to page through the
 * last analysis. A later change wins: an answer that arrives after a newer question is dropped.
 * The mapping remembered for these columns is applied on the first read of a file.
 */
import { serializeMapping } from '../../bulk/index.ts';
import { rememberedMapping } from '../lib/bulk-storage.ts';
import type { BulkOverview, ViewPage } from '../lib/bulk-view-model.ts';
import type { BulkContext } from './bulk-context.ts';
import type { SettingsController } from './bulk-settings.ts';

export interface AnalysisController {
  /** Reads the file again with the current settings; false when nothing could be read or a newer analysis took its place. */
  analyze(): Promise<boolean>;
  /** Asks for the page of rows and customers in state.view; false when it was superseded. */
  showPage(): Promise<boolean>;
}

export interface AnalysisEvents {
  /** The file could not be read at all. */
  unreadable(): void;
}

/** A macrotask, so the answer is drawn in a task of its own. */
const nextTask = () => new Promise((resolve) => window.setTimeout(resolve, 0));

export function initAnalysis(ctx: BulkContext, settings: SettingsController, events: AnalysisEvents): AnalysisController {
  const { state, client } = ctx;
  let ticket = 0;

  async function ask(bytes: Uint8Array, today: string): Promise<{ overview: BulkOverview; page: ViewPage; source: typeof state.mappingSource }> {
    const base = settings.options(today);
    if (state.mapping) return { ...(await client.prepare(bytes, { ...base, mapping: state.mapping }, state.view)), source: state.mappingSource };
    const first = await client.prepare(bytes, base, state.view);
    const remembered = rememberedMapping(first.overview.file.headers);
    if (!remembered) return { ...first, source: 'herkend' };
    if (serializeMapping(remembered) === serializeMapping(first.overview.mapping)) return { ...first, source: 'onthouden' };
    return { ...(await client.prepare(bytes, { ...base, mapping: remembered }, state.view)), source: 'onthouden' };
  }

  async function analyze(): Promise<boolean> {
    const bytes = state.bytes;
    const today = settings.readToday();
    if (!bytes || !today) return false;
    const mine = ++ticket;
    let answer: Awaited<ReturnType<typeof ask>>;
    try {
      answer = await ask(bytes, today);
    } catch (error) {
      if (mine !== ticket || (error as Error).name === 'AbortError') return false;
      console.warn('Tijdig: bestand lezen mislukt', error);
      events.unreadable();
      return false;
    }
    await nextTask();
    // A later change (another file, setting or column) asked again meanwhile: its answer counts.
    if (mine !== ticket || bytes !== state.bytes) return false;
    Object.assign(state, { mapping: answer.overview.mapping, mappingSource: answer.source, overview: answer.overview, page: answer.page });
    return true;
  }

  async function showPage(): Promise<boolean> {
    const mine = ++ticket;
    const bytes = state.bytes;
    let page: ViewPage | null;
    try {
      page = await client.view(state.view);
    } catch {
      page = null;
    }
    // The worker was ended (Stop) and lost the analysis: read the file again.
    if (!page) return mine === ticket && analyze();
    if (mine !== ticket || bytes !== state.bytes) return false;
    state.page = page;
    return true;
  }

  return { analyze, showPage };
}
