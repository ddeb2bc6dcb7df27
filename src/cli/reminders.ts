/**
 * `tijdig herinneringen`: bulk mode on the command line. The same stages as the page
 * (src/bulk: columns, validate, group, plan, run); what differs is the edges: the CSV streams in
 * row by row, the zip streams out to a temporary file that is renamed only when it is complete,
 * and a row with an error stops the run (exit 1) unless --sla-fouten-over is given.
 *
 * Memory: flat in the size of the input. Pass 1 streams the rows, checks them and writes each
 * valid record to a bucket file on disk (disk-groups.ts: B buckets from the file's size, a few MB
 * each; TIJDIG_BUCKET_BYTES sets the size, internal, for tests); then one bucket at a time is
 * grouped and sorted, and the sorted buckets are merged, so customers come in the same order as
 * the page's (by name, then key) and the zip is byte for byte what one bucket gives. Planning and
 * the checks run over that merged stream a batch at a time; the overview, the calendar and the
 * notes go to temporary files and stream into the zip at the end. What stays in memory: one
 * bucket while it is grouped, one batch of customers, one customer's files, and the notes about
 * references or invoice numbers two customers share (only those customers). Temporary files live
 * in a private folder (mkdtemp) that is removed after success, an error and Ctrl+C.
 *
 * Peak memory: the live data stays near 60 MiB, but left alone V8 let the heap fill with garbage
 * on a long run (peak RSS 399, 522 and 669 MiB for 10,000, 100,000 and 200,000 invoices). The
 * launcher (bin/tijdig.mjs) therefore runs this in a child process with a capped heap (256 MiB
 * old space, 16 MiB semi-spaces): `node scripts/bench-bulk.ts cli` measured 346, 374, 390, 403
 * and 438 MiB (launcher + command) for 10,000, 20,000, 60,000, 100,000 and 200,000 invoices
 * (1.16x for 10x the input, 1.27x for 20x). What still rises is native memory, not the data: the
 * process reaches a plateau after ~30,000 invoices (malloc's heap, Buffers waiting for the next
 * full collection, 40-90 MiB of them), and a longer run meets a higher spike of it. The cap
 * costs CPU: back to back at 100,000 invoices 94 s instead of 77 s (peak 385 instead of 600 MiB;
 * 33 full collections instead of 11 per 20,000); 32 MiB semi-spaces cost less (86 s) and keep more (416 MiB).
 */
import { once } from 'node:events';
import { appendFileSync, createWriteStream, renameSync, rmSync, statSync, writeFileSync, type WriteStream } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { guessMapping, mappingProblems, type ColumnMapping } from '../bulk/columns.ts';
import type { BulkSender, CustomerGroup } from '../bulk/group.ts';
import { planCustomers, type PlannedCustomer, type PlanOptions, type StepChoice } from '../bulk/plan.ts';
import {
  bulkChecker,
  calendarParts,
  compareIssues,
  countOwnPlaybooks,
  csvText,
  customerEvent,
  customerIssues,
  entryDate,
  ISSUE_HEADER,
  issueCells,
  makeCustomer,
  readme,
  SUMMARY_HEADER,
  summaryCells,
  type BuildBulkInput,
  type BulkResult,
  type ZipData,
} from '../bulk/run.ts';
import { rowChecker, type CellIssue } from '../bulk/validate.ts';
import type { Channel, Workflow } from '../content/schema.ts';
import type { IcsEvent } from '../export/ics.ts';
import type { Content } from '../model/load.ts';
import { loadFonts } from '../pack/build.ts';
import { compileEmail, type CompiledEmail } from '../render/html/compile.ts';
import { FORMATS_FOR_CHANNEL, formatsFitting, type Format } from '../render/formats.ts';
import type { ReminderOptions } from './args.ts';
import { csvRows, readHead } from './csv-stream.ts';
import { CliError } from './errors.ts';
import { readMapping, readSender } from './files.ts';
import { bucketCount, diskGroups } from './disk-groups.ts';
import { progressBar } from './progress.ts';
import { LineFiles, readLines, readText, tempFolder } from './spill.ts';
import { streamingZip } from './zip-writer.ts';

export interface Io {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  /** Called with a cleanup to run if the process is interrupted (Ctrl+C); returns the unregister. */
  onInterrupt: (cleanup: () => void) => () => void;
}

/** At most this many row errors are printed; the rest are counted. */
const SHOWN_ERRORS = 20;
/** Records per bucket file on disk (JSON); TIJDIG_BUCKET_BYTES sets another size (internal, for tests). */
const BUCKET_BYTES = 4 * 1024 * 1024;
/** Customers planned at once; overview rows and calendar events written to disk at once. */
const PLAN_BATCH = 256;
const PIECE = 500;

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

export interface RemindersDone {
  path: string;
  counts: BulkResult['counts'];
  /** Files in the zip. */
  files: number;
  invoices: number;
}

export async function runReminders(options: ReminderOptions, content: Content, io: Io): Promise<RemindersDone> {
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
  let temp: ReturnType<typeof tempFolder>;
  try {
    temp = tempFolder();
  } catch (error) {
    throw new CliError(1, `De tijdelijke map ${tmpdir()} is niet bruikbaar (${(error as NodeJS.ErrnoException).code ?? String(error)}); er is geen zip geschreven. Kies een andere map met TMPDIR=<map>.`);
  }
  const zipTemp = join(outDir, `.${basename(out)}.${process.pid}.tmp`);
  let stream: WriteStream | null = null;
  const cleanup = () => {
    stream?.destroy();
    if (stream) rmSync(zipTemp, { force: true });
    temp.remove();
  };
  const unregister = io.onInterrupt(cleanup);
  try {
    // For the launcher (bin/tijdig.mjs): the temporary zip to remove if this process is ended without cleaning up.
    writeFileSync(temp.file('zip-pad'), zipTemp);
    const envBytes = Number(process.env['TIJDIG_BUCKET_BYTES']);
    const grouping = diskGroups(temp.file, bucketCount(head.size, envBytes > 0 ? envBytes : BUCKET_BYTES));
    // The file's own messages, in file order (by row, then column), for 00_meldingen.csv.
    const fileNotes = new LineFiles([temp.file('meldingen-bestand')]);
    const shownErrors: CellIssue[] = [];
    let firstNotInvoice: CellIssue | null = null;
    let rows = 0;
    let invoiceCount = 0;
    let issueCount = 0;
    let warnings = 0;
    let errors = 0;
    let rowsWithErrors = 0;
    let skippedRows = 0;
    let bytes = head.bomBytes;
    const reading = csvRows(file, head, (n) => {
      bytes += n;
      progress.update('Lezen', bytes, head.size, 'bytes');
    });
    let next = await reading.next();
    while (!next.done) {
      rows++;
      const { record, issues: rowIssues } = checker.check(next.value);
      let error = false;
      let skipped = false;
      for (const issue of rowIssues) {
        if (issue.severity === 'waarschuwing') warnings++;
        if (issue.severity !== 'fout') continue;
        skipped = true;
        // A title, a note or a totals line is not an invoice: skipped, never a reason to stop.
        if (issue.field === null) firstNotInvoice ??= issue;
        else {
          error = true;
          if (errors++ < SHOWN_ERRORS) shownErrors.push(issue);
        }
      }
      if (error) rowsWithErrors++;
      if (skipped) skippedRows++;
      for (const issue of [...rowIssues].sort(compareIssues)) fileNotes.append(0, JSON.stringify(issue));
      issueCount += rowIssues.length;
      if (record) {
        invoiceCount++;
        grouping.add(record);
      }
      next = await reading.next();
    }
    fileNotes.close();
    progress.done();
    const fileIssues = [...head.parsed.issues.filter((i) => /Windows-1252/.test(i.message)), ...checker.fileIssues, ...next.value.issues];
    for (const i of fileIssues) io.stderr.write(`Let op: ${basename(file)}${i.row ? `, rij ${i.row}` : ''}: ${i.message}.\n`);

    if (errors && !options.slaFoutenOver) {
      const lines = shownErrors.map((e) => `  ${where(file, e)}: ${e.message}`);
      if (errors > SHOWN_ERRORS) lines.push(`  … en nog ${plural(errors - SHOWN_ERRORS, 'fout', 'fouten')}.`);
      throw new CliError(
        1,
        `${plural(rowsWithErrors, 'rij heeft', 'rijen hebben')} een fout; er is geen zip gemaakt.\n${lines.join('\n')}\n` +
          'Verbeter het bestand, of geef --sla-fouten-over om deze rijen over te slaan (ze komen dan in 00_meldingen.csv).',
      );
    }
    if (!invoiceCount) {
      const reason = rows === 0 ? 'er staan geen rijen onder de kopregel' : `geen van de ${plural(rows, 'rij', 'rijen')} is een bruikbare factuur`;
      throw new CliError(1, `${basename(file)}: ${reason}; er is geen zip gemaakt.${firstNotInvoice ? `\n  ${where(file, firstNotInvoice)}: ${firstNotInvoice.message}` : ''}`);
    }

    // ---------------------------------------------------------------- grouping and planning, a bucket at a time
    const total = await grouping.finish({
      today,
      jurisdiction: options.land ?? 'be',
      klanttype: options.klanttype ?? 'onderneming',
      includeNotYetDue: options.nogNietVervallen,
    });
    const planOptions: PlanOptions = {
      workflow,
      // A "Draaiboek" column (e.g. from the reconcile page) picks another playbook per customer.
      workflows: content.workflows,
      today,
      choice,
      cells: { headers: head.parsed.headers, mapping },
      ...(options.termijn !== undefined ? { termDays: options.termijn } : {}),
    };
    /** Every customer planned, in the run's order, a batch at a time. */
    async function* planned(): AsyncGenerator<{ customer: PlannedCustomer; bucket: number }> {
      let batch: { group: CustomerGroup; bucket: number }[] = [];
      const flush = function* () {
        const customers = planCustomers(batch.map((b) => b.group), planOptions);
        for (let i = 0; i < customers.length; i++) yield { customer: customers[i]!, bucket: batch[i]!.bucket };
        batch = [];
      };
      for (const entry of grouping.groups()) {
        batch.push(entry);
        if (batch.length < PLAN_BATCH) continue;
        yield* flush();
        // A turn for the event loop, so Ctrl+C is answered.
        await new Promise((resolve) => setImmediate(resolve));
      }
      yield* flush();
    }

    const formats = formatsPerChannel(options.formaten);
    const formatsOf = (channel: Channel) => formats?.[channel] ?? FORMATS_FOR_CHANNEL[channel];
    const compiled: Record<string, CompiledEmail> = {};
    const input: BuildBulkInput = {
      customers: [],
      workflow,
      templates: content.templates,
      compiled,
      sender,
      today,
      now: runDate(),
      place: 'computer',
      ...(formats ? { formats } : {}),
    };
    // One pass over every customer for the checks (the warnings come from a dry fill of every
    // message: only when they are shown), the LEESMIJ's playbook counts and the customers' notes.
    const check = bulkChecker(input, { warnings: !options.stil });
    const playbooks = new Map<string, number>();
    const customerNotes = new LineFiles(Array.from({ length: grouping.buckets }, (_, i) => temp.file(`meldingen-${i}`)));
    let noteCount = 0;
    for await (const { customer, bucket } of planned()) {
      check.add([customer]);
      countOwnPlaybooks([customer], playbooks);
      for (const issue of customerIssues(customer)) {
        customerNotes.append(bucket, JSON.stringify(issue));
        noteCount++;
      }
    }
    customerNotes.close();
    // Each bucket's notes in file order; a row belongs to one customer, so a bucket's rows are its own.
    for (const path of customerNotes.paths) {
      const notes = [...readLines(path)].map((l) => JSON.parse(l) as CellIssue).sort(compareIssues);
      if (notes.length) writeFileSync(path, `${notes.map((n) => JSON.stringify(n)).join('\n')}\n`);
    }
    for (const [id, channel] of check.used) {
      if (channel !== 'email' || !formatsOf('email').some((f) => f === 'html' || f === 'eml')) continue;
      const doc = content.templates.find((t) => t.id === id);
      if (doc?.kind === 'email') compiled[id] = await compileEmail(doc);
    }
    if ([...check.used.values()].some((channel) => formatsOf(channel).includes('pdf'))) input.fonts = loadFonts();
    const checked = check.result();
    if (checked.errors.length) throw new CliError(1, `De herinneringen kunnen niet gemaakt worden:\n${checked.errors.map((e) => `  - ${e}`).join('\n')}`);
    if (!options.stil) for (const w of checked.warnings.slice(0, 10)) io.stderr.write(`Let op: ${w}.\n`);

    // ---------------------------------------------------------------- writing
    stream = createWriteStream(zipTemp, { flags: 'wx' });
    let failed: Error | null = null;
    stream.on('error', (error) => (failed = error));
    await once(stream, 'open');
    const now = input.now!;
    const sink = streamingZip(stream, entryDate(today), temp.file('centrale-map'));
    let fileCount = 0;
    const add = async (name: string, data: ZipData, compress: boolean) => {
      await sink.add(name, data, compress);
      fileCount++;
    };
    const templates = new Map(content.templates.map((t) => [t.id, t]));
    const width = Math.max(3, String(total).length);
    const counts = { aangemaakt: 0, wachten: 0, overgeslagen: 0, mislukt: 0 };
    const calendar = calendarParts(workflow);
    const summaryPath = temp.file('overzicht.csv');
    const calendarPath = temp.file('volgende-stappen.ics');
    let summaryRows: string[][] = [[...SUMMARY_HEADER]];
    let summaryStarted = false;
    let events: IcsEvent[] = [];
    const flush = () => {
      if (summaryRows.length) appendFileSync(summaryPath, csvText(summaryRows, !summaryStarted));
      summaryStarted = true;
      if (events.length) appendFileSync(calendarPath, calendar.events(events));
      summaryRows = [];
      events = [];
    };
    let position = 0;
    for await (const { customer } of planned()) {
      const row = await makeCustomer(customer, position++, width, input, now, templates, add);
      counts[row.status]++;
      summaryRows.push(summaryCells(row, customer));
      const event = customerEvent(customer, row, input.uidDomain ?? 'tijdig.local', now);
      if (event) events.push(event);
      if (summaryRows.length >= PIECE) flush();
      progress.update('Maken', position, total, 'klanten');
    }
    flush();
    progress.done();
    const hasNotes = issueCount + noteCount > 0;
    await add('00_overzicht.csv', readText(summaryPath), true);
    await add('00_volgende-stappen.ics', pieces(calendar.opening, readText(calendarPath), calendar.end), true);
    if (hasNotes) await add('00_meldingen.csv', notesCsv([temp.file('meldingen-bestand'), ...customerNotes.paths]), true);
    await add('00_LEESMIJ.txt', readme(input, counts, hasNotes, playbooks), true);
    await sink.finish();
    // The zip writer ends the file stream after the last byte: wait until it is closed.
    if (!stream.closed) await once(stream, 'close');
    if (failed) throw failed;
    renameSync(zipTemp, out);
    if (!options.stil) {
      const size = statSync(out).size;
      const c = counts;
      const seconds = (performance.now() - started) / 1000;
      io.stdout.write(
        `${basename(out)} is gemaakt: ${plural(c.aangemaakt, 'klant', 'klanten')} met een bericht, ${nl(c.wachten)} nog zonder stap, ${nl(c.overgeslagen)} overgeslagen${c.mislukt ? `, ${nl(c.mislukt)} mislukt` : ''} ` +
          `(${plural(invoiceCount, 'factuur', 'facturen')}, ${plural(fileCount, 'bestand', 'bestanden')}, ${size < 1024 * 1024 ? `${nl(Math.ceil(size / 1024))} KB` : `${(size / 1024 / 1024).toLocaleString('nl-BE', { maximumFractionDigits: 1 })} MB`}, ${seconds.toLocaleString('nl-BE', { maximumFractionDigits: 1 })} s).\n`,
      );
      if (skippedRows || warnings) io.stdout.write(`${plural(skippedRows, 'rij', 'rijen')} overgeslagen, ${plural(warnings, 'opmerking', 'opmerkingen')}: zie 00_meldingen.csv in de zip.\n`);
    }
    return { path: out, counts, files: fileCount, invoices: invoiceCount };
  } catch (error) {
    cleanup();
    if (error instanceof CliError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC' || code === 'EACCES' || code === 'EROFS' || code === 'EEXIST') {
      // The grouping's temporary files can need several times the input: say which folder is full.
      const path = (error as NodeJS.ErrnoException).path;
      if (path?.startsWith(temp.path)) throw new CliError(1, `De tijdelijke bestanden konden niet geschreven worden in ${temp.path} (${code}); er is geen zip geschreven. Maak daar ruimte vrij of kies een andere map met TMPDIR=<map>.`);
      throw new CliError(1, `De zip kon niet geschreven worden in ${outDir} (${code}).`);
    }
    throw error;
  } finally {
    unregister();
    temp.remove();
  }
}

function* pieces(...parts: (string | Iterable<string>)[]): Generator<string> {
  for (const part of parts) {
    if (typeof part === 'string') yield part;
    else yield* part;
  }
}

/** 00_meldingen.csv from files of notes each in file order: merged by row, then column; on a tie the earlier file first (the file's own notes). */
function* notesCsv(paths: readonly string[]): Generator<string> {
  const heads: { issue: CellIssue; source: number; rest: Generator<string> }[] = [];
  const take = (source: number, rest: Generator<string>) => {
    const next = rest.next();
    if (!next.done) heads.push({ issue: JSON.parse(next.value) as CellIssue, source, rest });
  };
  paths.forEach((path, source) => take(source, readLines(path)));
  let rows: string[][] = [[...ISSUE_HEADER]];
  let first = true;
  while (heads.length) {
    // Few files (one per bucket): a scan for the smallest is enough.
    let best = 0;
    for (let i = 1; i < heads.length; i++) {
      const order = compareIssues(heads[i]!.issue, heads[best]!.issue) || heads[i]!.source - heads[best]!.source;
      if (order < 0) best = i;
    }
    const [head] = heads.splice(best, 1);
    rows.push(issueCells(head!.issue));
    take(head!.source, head!.rest);
    if (rows.length >= PIECE) {
      yield csvText(rows, first);
      first = false;
      rows = [];
    }
  }
  if (rows.length || first) yield csvText(rows, first);
}
