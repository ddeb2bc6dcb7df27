/**
 * Makes the bulk zip in the browser: loaded with import() on the first click of "Maak het
 * pakket". Fetches the playbook's templates (/meerdere-facturen/draaiboeken/<id>.json, same
 * origin) and, when a letter or phone script is made, the PDF fonts (/fonts/); then runs
 * src/bulk/run.ts, which hands the event loop back between customers so the page stays usable.
 * Nothing is sent: the only requests are these GETs for the site's own files.
 */
import { PLACEHOLDERS, type Workflow } from '../../content/schema.ts';
import type { BulkSender, PlannedCustomer, Prepared } from '../../bulk/index.ts';
import { BulkInputError, buildBulkSteps, type BulkProgress, type BulkResult } from '../../bulk/run.ts';
import { FORMAT_INFO } from '../../render/formats.ts';
import { bulkWorkflowDataUrl } from '../lib/bulk-routes.ts';
import type { BulkWorkflowData } from '../lib/bulk-types.ts';
import { handedOffPdfs } from '../lib/reconcile-pdfs.ts';
import { mergeWorkflowData, playbooksInUse } from '../lib/bulk-playbooks.ts';

export interface PackInput {
  prepared: Prepared;
  workflow: Workflow;
  sender: BulkSender;
  today: string;
  signal: AbortSignal;
  onProgress: (progress: BulkProgress) => void;
}

export interface PackOutput {
  result: BulkResult;
  /** What the messages still show as a placeholder, in Dutch, most frequent first. */
  missing: string[];
}

export { BulkInputError };

const workflowData = new Map<string, Promise<BulkWorkflowData>>();
let fonts: Promise<{ regular: Uint8Array; bold: Uint8Array }> | undefined;

async function getBytes(url: string, signal: AbortSignal): Promise<Response> {
  const response = await fetch(url, { credentials: 'same-origin', signal });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response;
}

function loadWorkflow(id: string, signal: AbortSignal): Promise<BulkWorkflowData> {
  let pending = workflowData.get(id);
  if (!pending) {
    pending = getBytes(bulkWorkflowDataUrl(id), signal).then((r) => r.json() as Promise<BulkWorkflowData>);
    workflowData.set(id, pending);
    pending.catch(() => workflowData.delete(id));
  }
  return pending;
}

function loadFonts(signal: AbortSignal): Promise<{ regular: Uint8Array; bold: Uint8Array }> {
  const get = async (name: string) => new Uint8Array(await (await getBytes(`/fonts/${name}`, signal)).arrayBuffer());
  fonts ??= Promise.all([get('DejaVuSans.ttf'), get('DejaVuSans-Bold.ttf')]).then(([regular, bold]) => ({ regular, bold }));
  fonts.catch(() => (fonts = undefined));
  return fonts;
}

/** A plain macrotask (no 4 ms clamp like a nested setTimeout), queued behind whatever already waits. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

const needsPdf = (customers: readonly PlannedCustomer[]) => customers.some((c) => c.status === 'klaar' && c.channel !== 'email');

/** "niet ingevuld: afzender.iban, klant.straat" notes in the overview -> "IBAN (uw gegevens): 180 berichten". */
function missingPlaceholders(result: BulkResult): string[] {
  const counts = new Map<string, number>();
  for (const row of result.summary) {
    for (const note of row.opmerkingen) {
      const m = /^niet ingevuld: (.+)$/.exec(note);
      if (!m) continue;
      for (const path of m[1]!.split(', ')) counts.set(path, (counts.get(path) ?? 0) + 1);
    }
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([path, n]) => {
      const label = PLACEHOLDERS.get(path)?.label ?? path;
      const whose = path.startsWith('afzender.') || path.startsWith('ondertekenaar.') ? 'uw gegevens' : path.startsWith('klant.') ? 'de klant' : path.split('.')[0];
      return `${label} (${whose}) ontbreekt in ${n === 1 ? '1 bericht' : `${n.toLocaleString('nl-BE')} berichten`}; daar staat nu [${path}].`;
    });
}

export async function makePack(input: PackInput): Promise<PackOutput> {
  const { prepared, workflow, sender, today, signal } = input;
  const pdf = needsPdf(prepared.customers);
  // The format registry loads the PDF and DOCX renderers on first use; asking for them now loads
  // them while the templates and fonts download, and the run then finds them ready.
  if (pdf) void Promise.all([FORMAT_INFO.pdf.load(), FORMAT_INFO.docx.load()]).catch(() => undefined);
  const [loaded, loadedFonts] = await Promise.all([Promise.all(playbooksInUse(workflow.id, prepared.customers).map((id) => loadWorkflow(id, signal))), pdf ? loadFonts(signal) : Promise.resolve(undefined)]);
  const data = mergeWorkflowData(loaded);
  // The original invoice PDFs, when the reconcile page handed these invoices over (else none).
  const invoicePdfs = await handedOffPdfs(prepared.validation.invoices);
  signal.throwIfAborted();
  const steps = buildBulkSteps({
    customers: prepared.customers,
    workflow,
    templates: data.templates,
    compiled: data.compiled,
    ...(loadedFonts ? { fonts: loadedFonts } : {}),
    sender,
    today,
    issues: prepared.validation.issues,
    signal,
    ...(invoicePdfs.size ? { invoicePdfs } : {}),
  });
  let result: BulkResult;
  let turn = performance.now();
  for (;;) {
    const next = await steps.next();
    if (next.done) {
      result = next.value;
      break;
    }
    input.onProgress(next.value);
    // run.ts hands back the event loop with scheduler.yield() every ~10 ms, and Chromium runs that
    // continuation before other waiting tasks. An ordinary task every ~40 ms lets timers, messages
    // and the rest of the page have their turn too.
    if (performance.now() - turn > 40) {
      await nextTask();
      turn = performance.now();
    }
  }
  return { result, missing: missingPlaceholders(result) };
}
