/**
 * Makes the bulk zip in the browser. The worker loads this module once a file is read and calls
 * preload(), which fetches what the run will need while the user fills in the form: the
 * playbook's templates (/meerdere-facturen/draaiboeken/<id>.json, same origin), the renderers of
 * the formats in use, the PDF fonts (/fonts/, the Latin subsets unless a text needs more) when a letter or phone script is made, and a zip
 * worker (islands/bulk-zip.ts). makePack then runs src/bulk/run.ts, which hands the event loop
 * back between customers, with the zip deflated in that second worker.
 * Nothing is sent: the only requests are these GETs for the site's own files.
 */
import { PLACEHOLDERS, type Workflow } from '../../content/schema.ts';
import type { BulkSender, PlannedCustomer, Prepared } from '../../bulk/index.ts';
import { BulkInputError, buildBulkSteps, type BulkProgress, type BulkResult } from '../../bulk/run.ts';
import { FORMAT_INFO, FORMATS_FOR_CHANNEL, type Format } from '../../render/formats.ts';
import { bulkWorkflowDataUrl } from '../lib/bulk-routes.ts';
import type { BulkWorkflowData } from '../lib/bulk-types.ts';
import { handedOffPdfs } from '../lib/reconcile-pdfs.ts';
import { mergeWorkflowData, playbooksInUse } from '../lib/bulk-playbooks.ts';
import { prestartZipWorker, zipSinkFactory } from './bulk-zip.ts';
import { loadPdfFonts } from './fonts.ts';

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


const needsPdf = (customers: readonly PlannedCustomer[]) => customers.some((c) => c.status === 'klaar' && c.channel !== 'email');

/** The formats today's messages are made in. */
function formatsInUse(customers: readonly PlannedCustomer[]): Format[] {
  const formats = new Set<Format>();
  for (const c of customers) if (c.status === 'klaar' && c.channel) for (const f of FORMATS_FOR_CHANNEL[c.channel]) formats.add(f);
  return [...formats];
}

/** Never aborted: what preload() starts is kept for the run, whatever happens to one request. */
const NO_SIGNAL = new AbortController().signal;

/**
 * Starts loading what a run of this plan needs (templates, renderers, fonts, a zip worker), so the
 * click finds it ready. Failures are dropped here: the run asks again and reports them.
 */
export function preload(prepared: Prepared, workflow: Workflow): void {
  const swallow = (p: Promise<unknown>) => void p.catch(() => undefined);
  for (const id of playbooksInUse(workflow.id, prepared.customers)) swallow(loadWorkflow(id, NO_SIGNAL));
  for (const format of formatsInUse(prepared.customers)) swallow(FORMAT_INFO[format].load());
  // The Latin subsets (about 54 KiB gzip) print nearly every letter; a name outside them fetches the full fonts then.
  if (needsPdf(prepared.customers)) swallow(loadPdfFonts([]));
  prestartZipWorker();
}

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
  // The format registry loads the renderers on first use; asking for them now (if preload() has
  // not) loads them while the templates and fonts download, and the run then finds them ready.
  for (const format of formatsInUse(prepared.customers)) void FORMAT_INFO[format].load().catch(() => undefined);
  const loaded = await Promise.all(playbooksInUse(workflow.id, prepared.customers).map((id) => loadWorkflow(id, signal)));
  const data = mergeWorkflowData(loaded);
  // The original invoice PDFs, when the reconcile page handed these invoices over (else none).
  const invoicePdfs = await handedOffPdfs(prepared.validation.invoices);
  signal.throwIfAborted();
  const zip = zipSinkFactory();
  const steps = buildBulkSteps({
    customers: prepared.customers,
    workflow,
    templates: data.templates,
    compiled: data.compiled,
    ...(pdf ? { fonts: loadPdfFonts } : {}),
    sender,
    today,
    issues: prepared.validation.issues,
    signal,
    ...(invoicePdfs.size ? { invoicePdfs } : {}),
    ...(zip ? { archive: zip.archive } : {}),
  });
  let result: BulkResult;
  for (;;) {
    let next: IteratorResult<BulkProgress, BulkResult>;
    try {
      next = await steps.next();
    } catch (error) {
      zip?.sink()?.close();
      throw error;
    }
    if (next.done) {
      // With a zip worker the run's result has no bytes: the worker's zip is the file.
      const sink = zip?.sink();
      result = sink ? { ...next.value, zip: sink.zip } : next.value;
      break;
    }
    // run.ts hands back the event loop (a plain macrotask) every ~10 ms: the worker's messages have their turn.
    input.onProgress(next.value);
  }
  return { result, missing: missingPlaceholders(result) };
}
