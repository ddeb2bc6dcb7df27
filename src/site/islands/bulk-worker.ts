/**
 * The bulk page's Web Worker: reads, checks and plans the file (src/bulk prepareBulk) and makes
 * the zip (islands/bulk-run.ts, loaded on the first run), so a file of 20,000 rows never blocks
 * the page. Keeps the file's bytes, so later messages only carry the settings. Stop is the page
 * ending this worker: nothing half-made survives it.
 */
import { prepareBulk, type BulkSender, type Prepared, type PrepareOptions } from '../../bulk/index.ts';
import type { BulkProgress, BulkResult } from '../../bulk/run.ts';

export type BulkWorkerRequest =
  | { type: 'prepare'; id: number; bytes?: Uint8Array; options: PrepareOptions }
  | { type: 'pack'; id: number; bytes?: Uint8Array; options: PrepareOptions; sender: BulkSender };

export type BulkWorkerReply =
  /** `prepared.validation.invoices` is empty: see handle(). */
  | { type: 'prepared'; id: number; prepared: Prepared; ms: number }
  | { type: 'progress'; id: number; progress: BulkProgress }
  | { type: 'packed'; id: number; result: BulkResult; missing: string[] }
  | { type: 'error'; id: number; name: string; message: string; problems?: readonly string[] };

interface WorkerScope {
  onmessage: ((event: MessageEvent<BulkWorkerRequest>) => void) | null;
  postMessage(message: BulkWorkerReply, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;
const post = (message: BulkWorkerReply, transfer: Transferable[] = []) => scope.postMessage(message, transfer);

let bytes: Uint8Array | null = null;

async function handle(request: BulkWorkerRequest): Promise<void> {
  if (request.bytes) bytes = request.bytes;
  if (!bytes) throw new Error('Er is nog geen bestand gelezen.');
  const started = performance.now();
  const prepared = prepareBulk(bytes, request.options);
  if (request.type === 'prepare') {
    // The page never reads the valid invoices one by one (it shows rows and customers): they stay
    // here, which saves the page the copy of 20,000 records.
    const view: Prepared = { ...prepared, validation: { ...prepared.validation, invoices: [] } };
    post({ type: 'prepared', id: request.id, prepared: view, ms: performance.now() - started });
    return;
  }
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
  post({ type: 'packed', id: request.id, result, missing }, [result.zip.buffer as ArrayBuffer]);
}

scope.onmessage = (event) => {
  const request = event.data;
  handle(request).catch((error: unknown) => {
    const e = error instanceof Error ? error : new Error(String(error));
    const problems = (e as Error & { problems?: readonly string[] }).problems;
    post({ type: 'error', id: request.id, name: e.name, message: e.message, ...(problems ? { problems: [...problems] } : {}) });
  });
};
