/**
 * The bulk page's Web Worker: reads, checks and plans the file (src/bulk prepareBulk) and makes
 * the zip (islands/bulk-run.ts), so a file of 20,000 rows never blocks the page. It keeps the
 * file's bytes and the last analysis: the page gets an overview and the page of rows and
 * customers it shows (lib/bulk-view-model.ts), never the 20,000 rows, whose copy alone took the
 * page a long task. Once a file is read it loads the run and what the run will need (preload),
 * while the user fills in the form; a run with the options of the last analysis uses that
 * analysis instead of reading the file again. Stop is the page ending this worker (and its zip
 * worker): nothing half-made survives it.
 */
import { prepareBulk, type BulkSender, type Prepared, type PrepareOptions } from '../../bulk/index.ts';
import type { BulkProgress } from '../../bulk/run.ts';
import { overviewOf, viewPage, type BulkOverview, type ViewPage, type ViewRequest } from '../lib/bulk-view-model.ts';

export type BulkWorkerRequest =
  | { type: 'prepare'; id: number; bytes?: Uint8Array; options: PrepareOptions; view: ViewRequest }
  | { type: 'view'; id: number; view: ViewRequest }
  | { type: 'pack'; id: number; bytes?: Uint8Array; options: PrepareOptions; sender: BulkSender };

/** What the page needs of a finished run: the zip and a few counts (not the overview rows). */
export interface PackedZip {
  zip: Uint8Array;
  fileName: string;
  fileCount: number;
  counts: { aangemaakt: number; wachten: number; overgeslagen: number; mislukt: number };
}

export type BulkWorkerReply =
  | { type: 'prepared'; id: number; overview: BulkOverview; page: ViewPage; ms: number }
  | { type: 'view'; id: number; page: ViewPage }
  | { type: 'progress'; id: number; progress: BulkProgress }
  | { type: 'packed'; id: number; result: PackedZip; missing: string[] }
  | { type: 'error'; id: number; name: string; message: string; problems?: readonly string[] };

interface WorkerScope {
  onmessage: ((event: MessageEvent<BulkWorkerRequest>) => void) | null;
  postMessage(message: BulkWorkerReply, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;
const post = (message: BulkWorkerReply, transfer: Transferable[] = []) => scope.postMessage(message, transfer);

let bytes: Uint8Array | null = null;
let last: Prepared | null = null;
/** The options the last analysis was made with, as JSON, with the mapping it used. */
let lastKey: string | null = null;

/** Options as a key: plain data (they came through postMessage), the mapping made explicit. */
const optionsKey = (options: PrepareOptions, mapping = options.mapping) => JSON.stringify({ ...options, mapping });

/** Quiet time after the last answer before preloading, so the page draws it with the second core to itself. */
const PRELOAD_AFTER_MS = 400;
let preloadTimer: ReturnType<typeof setTimeout> | undefined;

/** Loads the run and what it will need once the page is quiet; a failure shows again in the run. */
function preload(prepared: Prepared, options: PrepareOptions): void {
  clearTimeout(preloadTimer);
  if (prepared.mappingProblems.length || !prepared.summary.klaar) return;
  preloadTimer = setTimeout(() => {
    import('./bulk-run.ts').then(({ preload: start }) => start(prepared, options.workflow)).catch(() => undefined);
  }, PRELOAD_AFTER_MS);
}

async function pack(request: Extract<BulkWorkerRequest, { type: 'pack' }>, prepared: Prepared): Promise<void> {
  const { makePack } = await import('./bulk-run.ts');
  const { result, missing } = await makePack({
    prepared,
    workflow: request.options.workflow,
    sender: request.sender,
    today: request.options.today,
    // Stop ends the worker; this signal is never aborted from here.
    signal: new AbortController().signal,
    onProgress: (progress) => post({ type: 'progress', id: request.id, progress }),
  });
  const packed: PackedZip = { zip: result.zip, fileName: result.fileName, fileCount: result.files.length, counts: result.counts };
  post({ type: 'packed', id: request.id, result: packed, missing }, [result.zip.buffer as ArrayBuffer]);
}

async function handle(request: BulkWorkerRequest): Promise<void> {
  if (request.type === 'pack') clearTimeout(preloadTimer);
  if (request.type === 'view') {
    if (!last) throw new Error('Er is nog geen bestand gelezen.');
    post({ type: 'view', id: request.id, page: viewPage(last, request.view) });
    return;
  }
  if (request.bytes) {
    bytes = request.bytes;
    last = null;
    lastKey = null;
  }
  if (!bytes) throw new Error('Er is nog geen bestand gelezen.');
  const started = performance.now();
  if (request.type === 'pack') {
    // The page plans again with the date read at the click; unchanged options give the same plan.
    const same = last && lastKey === optionsKey(request.options);
    return pack(request, same ? last! : prepareBulk(bytes, request.options));
  }
  const prepared = prepareBulk(bytes, request.options);
  last = prepared;
  lastKey = optionsKey(request.options, prepared.mapping);
  post({ type: 'prepared', id: request.id, overview: overviewOf(prepared), page: viewPage(prepared, request.view), ms: performance.now() - started });
  preload(prepared, request.options);
}

scope.onmessage = (event) => {
  const request = event.data;
  handle(request).catch((error: unknown) => {
    const e = error instanceof Error ? error : new Error(String(error));
    const problems = (e as Error & { problems?: readonly string[] }).problems;
    post({ type: 'error', id: request.id, name: e.name, message: e.message, ...(problems ? { problems: [...problems] } : {}) });
  });
};
