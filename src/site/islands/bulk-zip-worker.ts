/**
 * The bulk run's zip, deflated in a worker of its own (started by the bulk worker,
 * islands/bulk-zip.ts): the run renders the next customer while this one compresses the last, so
 * a run uses two cores. The writer is the run's own (src/bulk/zip-memory.ts), fed the same data in
 * the same order, so the zip has the same bytes as one made in a single thread.
 */
import { ZipWriter } from '../../bulk/zip-memory.ts';

export type ZipWorkerRequest =
  | { type: 'start'; mtime: Date }
  /** Text in pieces comes as an array of its pieces, pushed one by one as the run would. */
  | { type: 'add'; name: string; data: Uint8Array | string | string[]; compress: boolean; size: number }
  | { type: 'finish' };

export type ZipWorkerReply = { type: 'added'; size: number } | { type: 'done'; zip: Uint8Array } | { type: 'error'; message: string };

interface WorkerScope {
  onmessage: ((event: MessageEvent<ZipWorkerRequest>) => void) | null;
  postMessage(message: ZipWorkerReply, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

let writer: ZipWriter | null = null;
let failed = false;

scope.onmessage = ({ data: request }) => {
  if (failed) return;
  try {
    if (request.type === 'start') writer = new ZipWriter(request.mtime);
    else if (!writer) throw new Error('de zip is niet begonnen');
    else if (request.type === 'add') {
      writer.add(request.name, request.data, request.compress);
      scope.postMessage({ type: 'added', size: request.size });
    } else {
      const zip = writer.finish();
      writer = null;
      scope.postMessage({ type: 'done', zip }, [zip.buffer as ArrayBuffer]);
    }
  } catch (error) {
    failed = true;
    scope.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
