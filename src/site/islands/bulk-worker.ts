/**
 * The bulk page's Web Worker: reads, checks and plans the file (src/bulk prepareBulk) and makes
 * the zip (islands/bulk-run.ts, loaded on the first run), so a file of 20,000 rows never blocks
 * the page. It keeps the file's bytes and the last analysis: the page gets an overview and the
 * page of rows and customers it shows (lib/bulk-view-model.ts), never the 20,000 rows, whose copy
 * alone took the page a long task. Stop is the page ending this worker: nothing half-made survives it.
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
  if (request.type === 'view') {
    if (!last) throw new Error('Er is nog geen bestand gelezen.');
    post({ type: 'view', id: request.id, page: viewPage(last, request.view) });
    return;
  }
  if (request.bytes) bytes = request.bytes;
  if (!bytes) throw new Error('Er is nog geen bestand gelezen.');
  const started = performance.now();
  const prepared = prepareBulk(bytes, request.options);
  if (request.type === 'pack') return pack(request, prepared);
  last = prepared;
  post({ type: 'prepared', id: request.id, overview: overviewOf(prepared), page: viewPage(prepared, request.view), ms: performance.now() - started });
}

scope.onmessage = (event) => {
  const request = event.data;
  handle(request).catch((error: unknown) => {
    const e = error instanceof Error ? error : new Error(String(error));
    const problems = (e as Error & { problems?: readonly string[] }).problems;
    post({ type: 'error', id: request.id, name: e.name, message: e.message, ...(problems ? { problems: [...problems] } : {}) });
  });
};
