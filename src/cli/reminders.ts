/**
 * `tijdig herinneringen`: bulk mode on the command line. The same stages as the page
 * (src/bulk: columns, validate, group, plan, run); what differs is the edges: the CSV streams in
 * row by row, the zip streams out to a temporary file that is renamed only when it is complete,
 * and a row with an error stops the run (exit 1) unless --sla-fouten-over is given.
 *
 * Memory: the rendered files never accumulate (each customer's files go to disk before the next
 * customer) and the overview files are streamed in pieces; what stays is the plan per customer
 * (its group with the invoices the letter lists) and one overview row per customer, because
 * grouping needs every invoice of a customer before its reminder can be made. The file's own
 * records are dropped once grouped. So memory still grows with the number of customers, by a few
 * KB each; only grouping on disk would make it flat.
 */
import { once } from 'node:events';
import { createWriteStream, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { guessMapping, mappingProblems, type ColumnMapping } from '../bulk/columns.ts';
import { groupInvoices, type BulkSender } from '../bulk/group.ts';
import { planCustomers, type StepChoice } from '../bulk/plan.ts';
import { buildBulkSteps, checkBulkInput, type BuildBulkInput, type BulkResult } from '../bulk/run.ts';
import { rowChecker, type CellIssue, type InvoiceRecord } from '../bulk/validate.ts';
import type { Channel, Workflow } from '../content/schema.ts';
import type { Content } from '../model/load.ts';
import { loadFonts } from '../pack/build.ts';
import { compileEmail, type CompiledEmail } from '../render/html/compile.ts';
import { FORMATS_FOR_CHANNEL, formatsFitting, type Format } from '../render/formats.ts';
import type { ReminderOptions } from './args.ts';
import { csvRows, readHead } from './csv-stream.ts';
import { CliError } from './errors.ts';
import { readMapping, readSender } from './files.ts';
import { progressBar } from './progress.ts';
import { streamingZip } from './zip-writer.ts';

export interface Io {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  /** Called with a cleanup to run if the process is interrupted (Ctrl+C); returns the unregister. */
  onInterrupt: (cleanup: () => void) => () => void;
}

/** At most this many row errors are printed; the rest are counted. */
const SHOWN_ERRORS = 20;

const nl = (n: number) => n.toLocaleString('nl-BE');
const plural = (n: number, one: string, many: string) => `${nl(n)} ${n === 1 ? one : many}`;

function localToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** Dates written into the zip and its files: SOURCE_DATE_EPOCH when set (reproducible runs), else now. */
function runDate(): Date {
  const epoch = process.env['SOURCE_DATE_EPOCH'];
  return epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
}

export function findWorkflow(content: Content, id: string): Workflow {
  const workflow = content.workflows.find((w) => w.id === id);
  if (!workflow) throw new CliError(2, `Onbekend draaiboek "${id}". Kies uit: ${content.workflows.map((w) => w.id).join(', ')}.`);
  return workflow;
}

const where = (file: string, issue: Pick<CellIssue, 'row' | 'column'>) => `${basename(file)}, rij ${issue.row}${issue.column ? `, kolom "${issue.column}"` : ''}`;

function formatsPerChannel(list: readonly Format[] | undefined): Partial<Record<Channel, readonly Format[]>> | undefined {
  if (!list) return undefined;
  const out: Partial<Record<Channel, readonly Format[]>> = {};
  for (const channel of Object.keys(FORMATS_FOR_CHANNEL) as Channel[]) {
    const chosen = formatsFitting(channel).filter((f) => list.includes(f));
    // Plain text fits every channel: a step never ends up with no file at all.
    out[channel] = chosen.length ? chosen : ['txt'];
  }
  return out;
}

export async function runReminders(options: ReminderOptions, content: Content, io: Io): Promise<BulkResult & { path: string }> {
  const started = performance.now();
  const workflow = findWorkflow(content, options.draaiboek);
  const today = options.datum ?? localToday();
  const sender: BulkSender = {
    ...(options.afzender ? readSender(options.afzender) : {}),
    dossier: { jurisdictie: options.land ?? 'be', klanttype: options.klanttype ?? 'onderneming' },
  };
  if (options.betaallink) sender.betaallink = options.betaallink;
  const order = workflow.stappen.map((_, i) => i).sort((a, b) => workflow.stappen[a]!.offset - workflow.stappen[b]!.offset || a - b);
  let choice: StepChoice = 'automatisch';
  if (options.stap !== 'automatisch') {
    const index = order[options.stap - 1];
    if (index === undefined) throw new CliError(2, `--stap ${options.stap}: het draaiboek "${workflow.id}" heeft ${workflow.stappen.length} stappen.`);
    choice = index;
  }
  const out = resolve(options.uit ?? `tijdig-herinneringen-${today}.zip`);
  const outDir = dirname(out);
  try {
    if (!statSync(outDir).isDirectory()) throw new Error('not a directory');
  } catch {
    throw new CliError(1, `De map ${outDir} voor --uit bestaat niet.`);
  }

  // ---------------------------------------------------------------- reading
  const progress = progressBar(io.stderr, !options.stil && io.stderr.isTTY === true);
  const head = readHead(options.input, options.scheidingsteken ? { delimiter: options.scheidingsteken } : {});
  const file = options.input;
  if (!head.parsed.headers.length) throw new CliError(1, `${basename(file)}: het bestand is leeg; er staan geen facturen in.`);
  const sample = head.parsed.rows;
  const mapping: ColumnMapping = options.kolommen ? readMapping(options.kolommen) : guessMapping(head.parsed.headers, sample.map((r) => r.cells)).mapping;
  const missing = mappingProblems(mapping, options.betaaltermijn === undefined ? {} : { defaultTermDays: options.betaaltermijn });
  if (missing.length) {
    throw new CliError(
      1,
      `${basename(file)}: niet alle nodige kolommen zijn gevonden (kopregel op rij ${head.parsed.headerRow}: ${head.parsed.headers.map((h) => `"${h}"`).join(', ')}).\n` +
        missing.map((m) => `  - ${m}`).join('\n') +
        '\nGeef de kolommen zelf op met --kolommen (zie tijdig --help).',
    );
  }
  const checker = rowChecker(head.parsed.headers, head.parsed.delimiter, sample, mapping, {
    ...(options.betaaltermijn !== undefined ? { defaultTermDays: options.betaaltermijn } : {}),
    jurisdiction: options.land ?? 'be',
  });
  if (options.kolommen) {
    const absent = checker.fileIssues.filter((i) => /staat niet in dit bestand/.test(i.message));
    if (absent.length) throw new CliError(1, `${basename(file)}: ${absent.map((i) => i.message).join('; ')}.`);
  }
  const invoices: InvoiceRecord[] = [];
  const issues: CellIssue[] = [];
  const errors: CellIssue[] = [];
  const notInvoices: CellIssue[] = [];
  let rows = 0;
  let bytes = head.bomBytes;
  const reading = csvRows(file, head, (n) => {
    bytes += n;
    progress.update('Lezen', bytes, head.size, 'bytes');
  });
  let next = await reading.next();
  while (!next.done) {
    rows++;
    const { record, issues: rowIssues } = checker.check(next.value);
    for (const issue of rowIssues) {
      issues.push(issue);
      if (issue.severity !== 'fout') continue;
      // A title, a note or a totals line is not an invoice: skipped, never a reason to stop.
      if (issue.field === null) notInvoices.push(issue);
      else errors.push(issue);
    }
    if (record) invoices.push(record);
    next = await reading.next();
  }
  progress.done();
  const fileIssues = [...head.parsed.issues.filter((i) => /Windows-1252/.test(i.message)), ...checker.fileIssues, ...next.value.issues];
  for (const i of fileIssues) io.stderr.write(`Let op: ${basename(file)}${i.row ? `, rij ${i.row}` : ''}: ${i.message}.\n`);

  if (errors.length && !options.slaFoutenOver) {
    const rowsWithErrors = new Set(errors.map((e) => e.row)).size;
    const lines = errors.slice(0, SHOWN_ERRORS).map((e) => `  ${where(file, e)}: ${e.message}`);
    if (errors.length > SHOWN_ERRORS) lines.push(`  … en nog ${plural(errors.length - SHOWN_ERRORS, 'fout', 'fouten')}.`);
    throw new CliError(
      1,
      `${plural(rowsWithErrors, 'rij heeft', 'rijen hebben')} een fout; er is geen zip gemaakt.\n${lines.join('\n')}\n` +
        'Verbeter het bestand, of geef --sla-fouten-over om deze rijen over te slaan (ze komen dan in 00_meldingen.csv).',
    );
  }
  if (!invoices.length) {
    const reason = rows === 0 ? 'er staan geen rijen onder de kopregel' : `geen van de ${plural(rows, 'rij', 'rijen')} is een bruikbare factuur`;
    throw new CliError(1, `${basename(file)}: ${reason}; er is geen zip gemaakt.${notInvoices[0] ? `\n  ${where(file, notInvoices[0])}: ${notInvoices[0].message}` : ''}`);
  }

  // ---------------------------------------------------------------- planning
  const groups = groupInvoices(invoices, {
    today,
    jurisdiction: options.land ?? 'be',
    klanttype: options.klanttype ?? 'onderneming',
    includeNotYetDue: options.nogNietVervallen,
  });
  // The groups hold their own copy of what each letter needs: the records can go (~0.6 KB an invoice).
  const invoiceCount = invoices.length;
  invoices.length = 0;
  const customers = planCustomers(groups, {
    workflow,
    // A "Draaiboek" column (e.g. from the reconcile page) picks another playbook per customer.
    workflows: content.workflows,
    today,
    choice,
    cells: { headers: head.parsed.headers, mapping },
    ...(options.termijn !== undefined ? { termDays: options.termijn } : {}),
  });
  const formats = formatsPerChannel(options.formaten);
  const active = customers.filter((c) => c.status === 'klaar');
  const formatsOf = (channel: Channel) => formats?.[channel] ?? FORMATS_FOR_CHANNEL[channel];
  const compiled: Record<string, CompiledEmail> = {};
  for (const c of active) {
    if (c.channel !== 'email' || compiled[c.template!]) continue;
    if (!formatsOf('email').some((f) => f === 'html' || f === 'eml')) continue;
    const doc = content.templates.find((t) => t.id === c.template);
    if (doc?.kind === 'email') compiled[doc.id] = await compileEmail(doc);
  }
  const needsFonts = active.some((c) => formatsOf(c.channel!).includes('pdf'));
  const input: BuildBulkInput = {
    customers,
    workflow,
    templates: content.templates,
    compiled,
    ...(needsFonts ? { fonts: loadFonts() } : {}),
    sender,
    today,
    now: runDate(),
    issues,
    place: 'computer',
    ...(formats ? { formats } : {}),
  };
  // The warnings come from a dry fill of every message (each is filled once more): only when they are shown.
  const check = checkBulkInput(input, { warnings: !options.stil });
  if (check.errors.length) throw new CliError(1, `De herinneringen kunnen niet gemaakt worden:\n${check.errors.map((e) => `  - ${e}`).join('\n')}`);
  if (!options.stil) for (const w of check.warnings.slice(0, 10)) io.stderr.write(`Let op: ${w}.\n`);

  // ---------------------------------------------------------------- writing
  const temp = join(outDir, `.${basename(out)}.${process.pid}.tmp`);
  const stream = createWriteStream(temp, { flags: 'wx' });
  let failed: Error | null = null;
  stream.on('error', (error) => (failed = error));
  const cleanup = () => {
    stream.destroy();
    rmSync(temp, { force: true });
  };
  const unregister = io.onInterrupt(cleanup);
  try {
    await once(stream, 'open');
    const steps = buildBulkSteps({ ...input, archive: (mtime) => streamingZip(stream, mtime) });
    let step = await steps.next();
    while (!step.done) {
      progress.update('Maken', step.value.done, step.value.total, 'klanten');
      step = await steps.next();
    }
    progress.done();
    // archiver ends the file stream after the last byte: wait until it is closed.
    if (!stream.closed) await once(stream, 'close');
    if (failed) throw failed;
    renameSync(temp, out);
    const result = step.value;
    if (!options.stil) {
      const size = statSync(out).size;
      const c = result.counts;
      const seconds = (performance.now() - started) / 1000;
      io.stdout.write(
        `${basename(out)} is gemaakt: ${plural(c.aangemaakt, 'klant', 'klanten')} met een bericht, ${nl(c.wachten)} nog zonder stap, ${nl(c.overgeslagen)} overgeslagen${c.mislukt ? `, ${nl(c.mislukt)} mislukt` : ''} ` +
          `(${plural(invoiceCount, 'factuur', 'facturen')}, ${plural(result.files.length, 'bestand', 'bestanden')}, ${size < 1024 * 1024 ? `${nl(Math.ceil(size / 1024))} KB` : `${(size / 1024 / 1024).toLocaleString('nl-BE', { maximumFractionDigits: 1 })} MB`}, ${seconds.toLocaleString('nl-BE', { maximumFractionDigits: 1 })} s).\n`,
      );
      const skippedRows = new Set([...errors, ...notInvoices].map((e) => e.row)).size;
      const warnings = issues.filter((i) => i.severity === 'waarschuwing').length;
      if (skippedRows || warnings) io.stdout.write(`${plural(skippedRows, 'rij', 'rijen')} overgeslagen, ${plural(warnings, 'opmerking', 'opmerkingen')}: zie 00_meldingen.csv in de zip.\n`);
    }
    return { ...result, path: out };
  } catch (error) {
    cleanup();
    if (error instanceof CliError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC' || code === 'EACCES' || code === 'EROFS' || code === 'EEXIST') throw new CliError(1, `De zip kon niet geschreven worden in ${outDir} (${code}).`);
    throw error;
  } finally {
    unregister();
  }
}
