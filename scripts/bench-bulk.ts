// Bulk figures for `npm run bench` (also runnable alone: node scripts/bench-bulk.ts [cli] [browser]):
// - cli: the command line on generated exports of 10,000 and 100,000 invoices, run as a child
//   process, with wall time, CPU time (user + sys) and peak resident memory (VmHWM, polled from
//   /proc, of the launcher plus the process it starts), per 1,000 invoices and as the ratio of the
//   peaks (flat memory: close to 1.0); BENCH_CLI_ROWS=20000,60000,100000,200000 picks other sizes.
// - browser: /meerdere-facturen/ in Chromium on the built site (dist/, served by astro preview):
//   500 invoices / 200 customers (issue 17's case) and 20,000 invoices / 5,000 customers from file
//   to download, with the main thread's long tasks (PerformanceObserver 'longtask') while the
//   worker reads and builds. BENCH_BROWSER_ROWS picks other sizes: "500:2.5" is 500 invoices,
//   2.5 per customer (default 4), "500:2.5:volgens-schema" also answers "Wat kregen de klanten
//   al?" so (every step up to today sent: letters and phone scripts besides e-mails, with PDF and
//   DOCX; without it everyone starts at the first e-mail); BENCH_BROWSER_REPEAT=5 runs each size 5 times and prints the
//   median; BENCH_PORT another port for the preview server.
// Figures, never assertions.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { invoiceLines } from './bulk-data.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const TODAY = '2026-06-15';

export interface CliFigure {
  rows: number;
  seconds: number;
  /** User + system CPU seconds of the child. */
  cpuSeconds: number;
  rowsPerSecond: number;
  /** Launcher + command process (bin/tijdig.mjs starts the command in a child of its own). */
  peakRssMiB: number;
  /** Of which the command's process. */
  commandPeakRssMiB: number;
  zipMiB: number;
  csvMiB: number;
}

async function writeCsv(file: string, rows: number, perCustomer = 4): Promise<void> {
  const out = createWriteStream(file);
  for (const line of invoiceLines(rows, TODAY, undefined, perCustomer)) if (!out.write(`${line}\r\n`)) await once(out, 'drain');
  out.end();
  await once(out, 'close');
}

/** Peak resident memory of a running process so far, in KiB (Linux). */
function peakKiB(pid: number): number {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** The processes a process started (Linux /proc). */
function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** User + system CPU seconds of a process so far (Linux /proc, clock ticks of 1/100 s). */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

async function runCli(csv: string, zip: string, sender: string): Promise<{ seconds: number; peak: number; commandPeak: number; cpu: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [join(ROOT, 'bin/tijdig.mjs'), 'herinneringen', csv, '--datum', TODAY, '--afzender', sender, '--uit', zip, '--stil'], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, SOURCE_DATE_EPOCH: '1781510400' } });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  // Per process: VmHWM only rises, so the last reading before a process ends is its peak (to
  // within 50 ms); CPU likewise. The launcher's child is found once it exists.
  const peaks = new Map<number, number>();
  const cpus = new Map<number, number>();
  const timer = setInterval(() => {
    for (const pid of [child.pid!, ...childrenOf(child.pid!)]) {
      const kib = peakKiB(pid);
      const s = cpuSeconds(pid);
      if (kib) peaks.set(pid, Math.max(peaks.get(pid) ?? 0, kib));
      if (s) cpus.set(pid, Math.max(cpus.get(pid) ?? 0, s));
    }
  }, 50);
  const [code] = (await once(child, 'exit')) as [number | null];
  clearInterval(timer);
  if (code !== 0) throw new Error(`tijdig exited ${code}: ${stderr}`);
  const sum = (m: Map<number, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  const commandPeak = Math.max(0, ...[...peaks].filter(([pid]) => pid !== child.pid).map(([, kib]) => kib));
  return { seconds: (performance.now() - started) / 1000, peak: sum(peaks), commandPeak, cpu: sum(cpus) };
}

export async function benchCli(sizes = (process.env['BENCH_CLI_ROWS'] ?? '10000,100000').split(',').map(Number)): Promise<CliFigure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'tijdig-bench-cli-'));
  const sender = join(dir, 'afzender.yaml');
  writeFileSync(sender, readFileSync(join(ROOT, 'tests/fixtures/cli/afzender.yaml')));
  const figures: CliFigure[] = [];
  try {
    for (const rows of sizes) {
      const csv = join(dir, `facturen-${rows}.csv`);
      const zip = join(dir, `herinneringen-${rows}.zip`);
      await writeCsv(csv, rows);
      const { seconds, peak, commandPeak, cpu } = await runCli(csv, zip, sender);
      figures.push({ rows, seconds, cpuSeconds: cpu, rowsPerSecond: rows / seconds, peakRssMiB: peak / 1024, commandPeakRssMiB: commandPeak / 1024, zipMiB: statSync(zip).size / 1024 / 1024, csvMiB: statSync(csv).size / 1024 / 1024 });
      rmSync(zip);
      rmSync(csv);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}

export function printCli(figures: readonly CliFigure[]): void {
  console.log('  command line: tijdig herinneringen (standaard, 4 invoices per customer, every step; child process)');
  for (const f of figures) {
    console.log(
      `    ${f.rows.toLocaleString('en').padStart(7)} invoices (${f.csvMiB.toFixed(1)} MiB csv)  ${f.seconds.toFixed(1).padStart(6)} s (cpu ${f.cpuSeconds.toFixed(1)} s)  ${f.rowsPerSecond.toFixed(0).padStart(5)} rows/s` +
        `  peak RSS ${f.peakRssMiB.toFixed(0)} MiB (command ${f.commandPeakRssMiB.toFixed(0)}), ${((f.peakRssMiB / f.rows) * 1000).toFixed(2)} MiB per 1,000 rows  zip ${f.zipMiB.toFixed(0)} MiB`,
    );
  }
  // Peak memory against the smallest run: flat memory gives ratios close to 1.0.
  const [a] = figures;
  for (const b of figures.slice(1)) {
    const growth = ((b.peakRssMiB - a!.peakRssMiB) / (b.rows - a!.rows)) * 1000;
    console.log(`    memory ratio ${b.rows / a!.rows}x the input: peak RSS ${(b.peakRssMiB / a!.peakRssMiB).toFixed(2)}x (${growth >= 0 ? '+' : ''}${growth.toFixed(2)} MiB per 1,000 rows more)`);
  }
}

export interface BrowserFigure {
  invoices: number;
  customers: number;
  /** The answer to "Wat kregen de klanten al?", when not the default (first step for everyone). */
  sent?: string;
  /** File chosen -> rows checked and plan shown. */
  readSeconds: number;
  readLongTasks: number;
  readLongestTaskMs: number;
  /** Click on "Maak het pakket" -> download. */
  runSeconds: number;
  /** CPU seconds the browser used from the click to the download (all its threads and processes). */
  runCpuSeconds: number;
  runLongTasks: number;
  runLongestTaskMs: number;
  /** Every run's click -> download seconds, when the size was run several times (the figure is their median). */
  runs?: number[];
}

async function waitForServer(url: string, ms: number): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > end) throw new Error(`${url} did not answer`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * CPU seconds (user + system) used so far by this process's descendants, the preview server's
 * tree left out: the browser's processes, whose threads (page, workers) do the run. Less moved by
 * other work on the machine than wall time. Linux /proc; 0 elsewhere.
 */
function browserCpuSeconds(server: number | undefined): number {
  const parents = new Map<number, number>();
  const ticks = new Map<number, number>();
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return 0;
  }
  for (const d of pids) {
    try {
      // After the ")" that ends the command name: state, ppid, … utime (14th field), stime (15th).
      const fields = readFileSync(`/proc/${d}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
      parents.set(Number(d), Number(fields[1]));
      ticks.set(Number(d), Number(fields[11]) + Number(fields[12]));
    } catch {
      // the process ended meanwhile
    }
  }
  const inTree = (pid: number) => {
    for (let at: number | undefined = pid; at !== undefined && at > 1; at = parents.get(at)) {
      if (at === server) return false;
      if (at === process.pid) return pid !== process.pid;
    }
    return false;
  };
  let total = 0;
  for (const [pid, t] of ticks) if (inTree(pid)) total += t;
  return total / 100; // USER_HZ
}

const tasksSince = (page: Page, from: number) => page.evaluate((n) => (window as unknown as { tjLongTasks: number[] }).tjLongTasks.slice(n), from);
const taskCount = (page: Page) => page.evaluate(() => (window as unknown as { tjLongTasks: number[] }).tjLongTasks.length);

/**
 * What a user does between reading the file and making the pack: says what the customers already
 * got (`sent`), confirms a legal step if asked, fills in the sender (the example), and takes
 * `pauseMs` for it, in which the page loads what the run will need.
 */
export async function answerTheForm(page: Page, sent: string | undefined, pauseMs: number): Promise<void> {
  if (sent) {
    await page.locator('#bk-sent').selectOption(sent);
    await page.locator('[data-status]').filter({ hasText: 'Bijgewerkt' }).waitFor({ timeout: 300_000 });
    const legal = page.locator('[data-legal-ok]');
    if (await legal.isVisible()) await legal.check();
  }
  await page.getByRole('button', { name: 'Vul een voorbeeld in' }).click();
  await page.waitForTimeout(pauseMs);
}

async function browserRun(page: Page, base: string, invoices: number, perCustomer: number, sent: string | undefined, dir: string, server: number | undefined): Promise<BrowserFigure> {
  await page.goto(`${base}/meerdere-facturen/`);
  await page.locator('[data-needs-js]').waitFor();
  // A file on disk, as a user picks it: Playwright hands a buffer to the page by decoding base64 in
  // the page's own JavaScript, a long task of its own that no user ever has.
  // BENCH_FILE_INPUT=buffer measures the old way, for comparison with figures taken before.
  const file = join(dir, 'facturen.csv');
  await writeCsv(file, invoices, perCustomer);
  const input = process.env['BENCH_FILE_INPUT'] === 'buffer' ? { name: 'facturen.csv', mimeType: 'text/csv', buffer: readFileSync(file) } : file;
  let from = await taskCount(page);
  let started = performance.now();
  await page.locator('#bk-file').setInputFiles(input);
  await page.locator('[data-status]').filter({ hasText: 'is gelezen' }).waitFor({ timeout: 300_000 });
  const readSeconds = (performance.now() - started) / 1000;
  const read = await tasksSince(page, from);
  const customers = Number((await page.locator('[data-row-summary]').textContent())?.match(/Samen ([\d.]+) klant/)?.[1]?.replace(/\./g, '') ?? 0);
  await answerTheForm(page, sent, Number(process.env['BENCH_FORM_MS'] ?? 1500));
  from = await taskCount(page);
  const cpu = browserCpuSeconds(server);
  started = performance.now();
  await Promise.all([page.waitForEvent('download', { timeout: 1_800_000 }), page.getByRole('button', { name: 'Maak het pakket' }).click()]);
  const runSeconds = (performance.now() - started) / 1000;
  const runCpuSeconds = browserCpuSeconds(server) - cpu;
  const run = await tasksSince(page, from);
  return { invoices, customers, ...(sent ? { sent } : {}), readSeconds, readLongTasks: read.length, readLongestTaskMs: Math.max(0, ...read), runSeconds, runCpuSeconds, runLongTasks: run.length, runLongestTaskMs: Math.max(0, ...run) };
}

const middle = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** The run with the median click -> download time of several. */
function medianRun(runs: BrowserFigure[]): BrowserFigure {
  const m = middle(runs.map((r) => r.runSeconds));
  return { ...runs.find((r) => r.runSeconds === m)!, readSeconds: middle(runs.map((r) => r.readSeconds)), runCpuSeconds: middle(runs.map((r) => r.runCpuSeconds)), runs: runs.map((r) => r.runSeconds) };
}

/** Needs a built site in dist/ (npm run build). */
export async function benchBrowser(sizes = (process.env['BENCH_BROWSER_ROWS'] ?? '500:2.5,20000').split(',')): Promise<BrowserFigure[]> {
  const repeat = Math.max(1, Number(process.env['BENCH_BROWSER_REPEAT'] ?? 1));
  const port = Number(process.env['BENCH_PORT'] ?? 4391);
  const server = spawn(join(ROOT, 'node_modules/.bin/astro'), ['preview', '--host', '127.0.0.1', '--port', String(port), '--ignore-lock'], { cwd: ROOT, stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  const dir = mkdtempSync(join(tmpdir(), 'tijdig-bench-browser-'));
  const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'] });
  try {
    await waitForServer(`${base}/meerdere-facturen/`, 120_000);
    const figures: BrowserFigure[] = [];
    for (const size of sizes) {
      const [rows, per, sent] = size.split(':');
      const invoices = Number(rows);
      const perCustomer = per ? Number(per) : 4;
      const runs: BrowserFigure[] = [];
      for (let i = 0; i < repeat; i++) {
        const context = await browser.newContext({ acceptDownloads: true, locale: 'nl-BE', timezoneId: 'Europe/Brussels' });
        const page = await context.newPage();
        await page.addInitScript(() => {
          const seen: number[] = [];
          (window as unknown as { tjLongTasks: number[] }).tjLongTasks = seen;
          new PerformanceObserver((list) => list.getEntries().forEach((e) => seen.push(e.duration))).observe({ type: 'longtask', buffered: true });
        });
        runs.push(await browserRun(page, base, invoices, perCustomer, sent, dir, server.pid));
        await context.close();
      }
      figures.push(repeat > 1 ? medianRun(runs) : runs[0]!);
    }
    return figures;
  } finally {
    await browser.close();
    server.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function printBrowser(figures: readonly BrowserFigure[]): void {
  console.log('  bulk page in Chromium (worker): file -> plan, click -> download; main-thread long tasks (> 50 ms)');
  for (const f of figures) {
    console.log(
      `    ${f.invoices.toLocaleString('en').padStart(6)} invoices / ${f.customers.toLocaleString('en')} customers${f.sent ? ` (${f.sent})` : ''}  read ${f.readSeconds.toFixed(2)} s (${f.readLongTasks} long tasks, longest ${f.readLongestTaskMs.toFixed(0)} ms)` +
        `  run ${f.runSeconds.toFixed(2)} s, browser CPU ${f.runCpuSeconds.toFixed(2)} s (${f.runLongTasks} long tasks, longest ${f.runLongestTaskMs.toFixed(0)} ms)` +
        (f.runs ? `  median of ${f.runs.map((r) => r.toFixed(2)).join(', ')} s` : ''),
    );
  }
}

if (import.meta.main) {
  const parts = process.argv.slice(2);
  const all = parts.length === 0;
  const report: Record<string, unknown> = { date: new Date().toISOString(), node: process.version };
  if (all || parts.includes('cli')) {
    report['cli'] = await benchCli();
    printCli(report['cli'] as CliFigure[]);
  }
  if (all || parts.includes('browser')) {
    report['browser'] = await benchBrowser();
    printBrowser(report['browser'] as BrowserFigure[]);
  }
  mkdirSync(join(ROOT, 'reports'), { recursive: true });
  writeFileSync(join(ROOT, 'reports/bench-bulk.json'), `${JSON.stringify(report, null, 2)}\n`);
}
