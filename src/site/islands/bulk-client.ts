/**
 * The page's side of the bulk worker (islands/bulk-worker.ts): promises for "read and plan this
 * file" and "make the zip", progress as it comes, and stop() that ends the worker at once. A new
 * worker starts on the next call; the file's bytes are sent again only when the worker lacks them.
 */
import type { BulkSender, PrepareOptions } from '../../bulk/index.ts';
import type { BulkProgress } from '../../bulk/run.ts';
import type { BulkOverview, ViewPage, ViewRequest } from '../lib/bulk-view-model.ts';
import type { BulkWorkerReply, BulkWorkerRequest, PackedZip } from './bulk-worker.ts';

/** A request as the page makes it: the id is added here, and the bytes left out when the worker has them. */
type Outgoing = BulkWorkerRequest extends infer R ? (R extends BulkWorkerRequest ? Omit<R, 'id' | 'bytes'> & { bytes?: Uint8Array } : never) : never;

interface Pending {
  resolve: (reply: BulkWorkerReply) => void;
  reject: (error: Error) => void;
  onProgress?: (progress: BulkProgress) => void;
}

/** An error from the worker, with the name the run gave it (BulkInputError carries `problems`). */
function workerError(reply: Extract<BulkWorkerReply, { type: 'error' }>): Error {
  const error = new Error(reply.message) as Error & { problems?: readonly string[] };
  error.name = reply.name;
  if (reply.problems) error.problems = reply.problems;
  return error;
}

export class BulkClient {
  private worker: Worker | null = null;
  /** The bytes the current worker holds. */
  private held: Uint8Array | null = null;
  /** The current worker holds an analysis that view() can page through. */
  private analyzed = false;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./bulk-worker.ts', import.meta.url), { type: 'module', name: 'tijdig-meerdere-facturen' });
    worker.onmessage = (event: MessageEvent<BulkWorkerReply>) => {
      const reply = event.data;
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      if (reply.type === 'progress') {
        waiting.onProgress?.(reply.progress);
        return;
      }
      this.pending.delete(reply.id);
      if (reply.type === 'error') waiting.reject(workerError(reply));
      else waiting.resolve(reply);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      this.fail(new Error(`De verwerking in de achtergrond liep vast${event.message ? `: ${event.message}` : ''}.`));
    };
    this.worker = worker;
    return worker;
  }

  private send(request: Outgoing, onProgress?: (p: BulkProgress) => void): Promise<BulkWorkerReply> {
    const worker = this.start();
    const id = this.nextId++;
    const { bytes, ...rest } = request;
    const message = { ...rest, id, ...(!bytes || this.held === bytes ? {} : { bytes }) } as BulkWorkerRequest;
    if (bytes) this.held = bytes;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, ...(onProgress ? { onProgress } : {}) });
      worker.postMessage(message);
    });
  }

  private fail(error: Error): void {
    this.worker?.terminate();
    this.worker = null;
    this.held = null;
    this.analyzed = false;
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const p of waiting) p.reject(error);
  }

  /** Reads, checks and plans the file off the main thread; answers the overview and the page of rows and customers asked for. */
  async prepare(bytes: Uint8Array, options: PrepareOptions, view: ViewRequest): Promise<{ overview: BulkOverview; page: ViewPage }> {
    const reply = await this.send({ type: 'prepare', bytes, options, view });
    if (reply.type !== 'prepared') throw new Error('unexpected reply');
    this.analyzed = true;
    return { overview: reply.overview, page: reply.page };
  }

  /** Another page of the last analysis (a filter, "more rows"); null when the worker no longer has it (after Stop). */
  async view(view: ViewRequest): Promise<ViewPage | null> {
    if (!this.analyzed) return null;
    const reply = await this.send({ type: 'view', view });
    if (reply.type !== 'view') throw new Error('unexpected reply');
    return reply.page;
  }

  /** Makes the zip off the main thread; `signal` stops it (the worker is ended). */
  async pack(bytes: Uint8Array, options: PrepareOptions, sender: BulkSender, signal: AbortSignal, onProgress: (p: BulkProgress) => void): Promise<{ result: PackedZip; missing: string[] }> {
    signal.throwIfAborted();
    const stop = () => this.fail(signal.reason instanceof Error ? signal.reason : new DOMException('Gestopt', 'AbortError'));
    signal.addEventListener('abort', stop, { once: true });
    try {
      const reply = await this.send({ type: 'pack', bytes, options, sender }, onProgress);
      if (reply.type !== 'packed') throw new Error('unexpected reply');
      return { result: reply.result, missing: reply.missing };
    } finally {
      signal.removeEventListener('abort', stop);
    }
  }
}
