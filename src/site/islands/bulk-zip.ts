/**
 * The bulk worker's side of the zip worker (islands/bulk-zip-worker.ts): a ZipSink for the run
 * (src/bulk/run.ts) that hands every file to the zip worker and gets the zip back at the end.
 * Deflating is about a third of a run of e-mails; in its own worker it runs beside the rendering.
 * add() waits only when the zip worker falls more than MAX_PENDING behind, so memory stays
 * bounded on a large run. Where a worker cannot start another worker, the run keeps its own
 * in-memory zip (zipSinkFactory answers null).
 */
import type { ZipData, ZipSink } from '../../bulk/run.ts';
import type { ZipWorkerReply, ZipWorkerRequest } from './bulk-zip-worker.ts';

/** Characters or bytes sent and not yet added to the zip. */
const MAX_PENDING = 8 * 1024 * 1024;

export interface WorkerZipSink extends ZipSink {
  /** The finished zip (after finish()). */
  readonly zip: Uint8Array;
  /** Ends the zip worker (a run that failed half-way). */
  close(): void;
}

const startWorker = () => new Worker(new URL('./bulk-zip-worker.ts', import.meta.url), { type: 'module', name: 'tijdig-zip' });

/** One worker started ahead (while the user fills in the form), taken by the next run. */
let spare: Worker | null = null;

/** Starts a zip worker now, so the run finds it loaded. */
export function prestartZipWorker(): void {
  if (typeof Worker !== 'function' || spare) return;
  const worker = startWorker();
  // A spare that fails to load before a run takes it is dropped: the run starts its own worker and
  // reports that one's error instead of waiting for a worker that is gone (workerSink sets its own handler).
  worker.onerror = (event) => {
    event.preventDefault();
    worker.terminate();
    if (spare === worker) spare = null;
  };
  spare = worker;
}

/**
 * The same content as the run gives it, in a form that can be posted: pieces as an array, bytes
 * as a copy whose buffer is handed over (the run may still hold the original, and a view may share
 * its buffer with other data).
 */
function postable(data: ZipData): { data: Uint8Array | string | string[]; size: number; transfer: Transferable[] } {
  if (typeof data === 'string') return { data, size: data.length, transfer: [] };
  if (data instanceof Uint8Array) {
    const copy = data.slice();
    return { data: copy, size: data.length, transfer: [copy.buffer] };
  }
  const pieces = Array.from(data);
  return { data: pieces, size: pieces.reduce((n, p) => n + p.length, 0), transfer: [] };
}

function workerSink(worker: Worker, mtime: Date): WorkerZipSink {
  let pending = 0;
  let failure: Error | null = null;
  let zip: Uint8Array | null = null;
  let wake: (() => void) | null = null;
  let done: { resolve: () => void; reject: (error: Error) => void } | null = null;
  const post = (message: ZipWorkerRequest, transfer: Transferable[] = []) => worker.postMessage(message, transfer);
  const fail = (error: Error) => {
    failure ??= error;
    worker.terminate();
    wake?.();
    done?.reject(failure);
  };
  worker.onmessage = ({ data: reply }: MessageEvent<ZipWorkerReply>) => {
    if (reply.type === 'added') {
      pending -= reply.size;
      if (pending <= MAX_PENDING / 2) wake?.();
    } else if (reply.type === 'done') {
      zip = reply.zip;
      worker.terminate();
      done?.resolve();
    } else fail(new Error(`De zip kon niet gemaakt worden: ${reply.message}`));
  };
  worker.onerror = (event) => {
    event.preventDefault();
    fail(new Error(`De zip kon niet gemaakt worden${event.message ? `: ${event.message}` : ''}.`));
  };
  post({ type: 'start', mtime });
  return {
    get zip() {
      if (!zip) throw new Error('de zip is nog niet klaar');
      return zip;
    },
    async add(name, data, compress) {
      if (failure) throw failure;
      const { data: sent, size, transfer } = postable(data);
      pending += size;
      post({ type: 'add', name, data: sent, compress, size }, transfer);
      while (pending > MAX_PENDING && !failure) await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
      if (failure) throw failure;
    },
    close: () => worker.terminate(),
    finish() {
      if (failure) return Promise.reject(failure);
      return new Promise<void>((resolve, reject) => {
        done = { resolve, reject };
        post({ type: 'finish' });
      });
    },
  };
}

/** A ZipSink factory for BuildBulkInput.archive that deflates in a zip worker; null when no worker can be started here. */
export function zipSinkFactory(): { archive: (mtime: Date) => WorkerZipSink; sink: () => WorkerZipSink | null } | null {
  if (typeof Worker !== 'function') return null;
  let made: WorkerZipSink | null = null;
  return {
    archive: (mtime) => {
      const worker = spare ?? startWorker();
      spare = null;
      made = workerSink(worker, mtime);
      return made;
    },
    sink: () => made,
  };
}
