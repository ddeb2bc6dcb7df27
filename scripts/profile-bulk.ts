// Where the bulk page's run goes (issue 17): /meerdere-facturen/ on the built site (dist/) in
// Chromium, the bulk worker's CPU profile (Chrome DevTools protocol, Profiler on the worker
// target) from "Maak het pakket" to the download, summed per built chunk and per function.
// Usage: node scripts/profile-bulk.ts [invoices=500] [invoices per customer=4] [sent, e.g. volgens-schema];
// BENCH_PORT (4391).
// PROFILE_DIST=<dir> serves another build (TIJDIG_SOURCEMAP=1 astro build --outDir <dir>), whose
// source maps name the modules instead of the chunks.
// Figures only: the bench (scripts/bench-bulk.ts) has the click -> download seconds.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type CDPSession } from '@playwright/test';
import { answerTheForm } from './bench-bulk.ts';
import { invoiceLines } from './bulk-data.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const TODAY = '2026-06-15';
const invoices = Number(process.argv[2] ?? 500);
const perCustomer = Number(process.argv[3] ?? 4);
const sent = process.argv[4];

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** A chunk's source map as lines of [generated column, source index, source line]. */
interface SourceMap {
  sources: string[];
  lines: [number, number, number][][];
}

function readSourceMap(file: string): SourceMap | null {
  let raw: { sources: string[]; mappings: string };
  try {
    raw = JSON.parse(readFileSync(file, 'utf8')) as typeof raw;
  } catch {
    return null;
  }
  const lines: [number, number, number][][] = [];
  let src = 0;
  let srcLine = 0;
  for (const line of raw.mappings.split(';')) {
    const segments: [number, number, number][] = [];
    let col = 0;
    for (const segment of line.split(',')) {
      if (!segment) continue;
      const values: number[] = [];
      let value = 0;
      let shift = 0;
      for (const ch of segment) {
        const digit = B64.indexOf(ch);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      col += values[0]!;
      if (values.length >= 4) {
        src += values[1]!;
        srcLine += values[2]!;
        segments.push([col, src, srcLine]);
      }
    }
    lines.push(segments);
  }
  return { sources: raw.sources.map((s) => s.replace(/^(\.\.\/)+/, '').replace(/^.*node_modules\//, 'npm:')), lines };
}

/** The original file and line of a generated position, or null. */
function original(map: SourceMap, line: number, column: number): { source: string; line: number } | null {
  const segments = map.lines[line];
  if (!segments?.length) return null;
  let found: [number, number, number] | null = null;
  for (const s of segments) {
    if (s[0] > column) break;
    found = s;
  }
  found ??= segments[0]!;
  return { source: map.sources[found[1]]!, line: found[2] + 1 };
}

/** Messages to a worker through the page's session (non-flat auto-attach: works beside Playwright's own). */
class WorkerChannel {
  private next = 1;
  private readonly waiting = new Map<number, (result: unknown) => void>();
  private readonly session: CDPSession;
  readonly sessionId: string;
  constructor(session: CDPSession, sessionId: string) {
    this.session = session;
    this.sessionId = sessionId;
  }
  handle(message: string): void {
    const parsed = JSON.parse(message) as { id?: number; result?: unknown; error?: unknown };
    if (parsed.id && this.waiting.has(parsed.id)) {
      this.waiting.get(parsed.id)!(parsed.result ?? parsed.error);
      this.waiting.delete(parsed.id);
    }
  }
  send<T>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = this.next++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve as (r: unknown) => void);
      void this.session.send('Target.sendMessageToTarget', { sessionId: this.sessionId, message: JSON.stringify({ id, method, params }) });
    });
  }
}

const port = Number(process.env['BENCH_PORT'] ?? 4391);
const base = `http://127.0.0.1:${port}`;
const dist = process.env['PROFILE_DIST'] ?? join(ROOT, 'dist');
const server = spawn(join(ROOT, 'node_modules/.bin/astro'), ['preview', '--host', '127.0.0.1', '--port', String(port), '--ignore-lock', '--outDir', dist], { cwd: ROOT, stdio: 'ignore' });
const dir = mkdtempSync(join(tmpdir(), 'tijdig-profile-bulk-'));
const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'] });
try {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/meerdere-facturen/`)).ok) break;
    } catch {
      // not up yet
    }
    if (i > 400) throw new Error('preview did not answer');
    await new Promise((r) => setTimeout(r, 250));
  }
  const context = await browser.newContext({ acceptDownloads: true, locale: 'nl-BE', timezoneId: 'Europe/Brussels' });
  const page = await context.newPage();
  const session = await context.newCDPSession(page);
  const channels = new Map<string, WorkerChannel>();
  let worker: WorkerChannel | null = null;
  session.on('Target.receivedMessageFromTarget', (e: { sessionId: string; message: string }) => channels.get(e.sessionId)?.handle(e.message));
  session.on('Target.attachedToTarget', (e: { sessionId: string; targetInfo: { type: string; url: string } }) => {
    const channel = new WorkerChannel(session, e.sessionId);
    channels.set(e.sessionId, channel);
    if (/bulk-worker/.test(e.targetInfo.url)) worker = channel;
    void channel.send('Runtime.runIfWaitingForDebugger');
  });
  await session.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  await page.goto(`${base}/meerdere-facturen/`);
  await page.locator('[data-needs-js]').waitFor();
  const file = join(dir, 'facturen.csv');
  const lines = [...invoiceLines(invoices, TODAY, undefined, perCustomer)];
  writeFileSync(file, `${lines.join('\r\n')}\r\n`);
  let t = performance.now();
  await page.locator('#bk-file').setInputFiles(file);
  await page.locator('[data-status]').filter({ hasText: 'is gelezen' }).waitFor({ timeout: 300_000 });
  console.log(`file -> plan ${((performance.now() - t) / 1000).toFixed(2)} s`);
  await answerTheForm(page, sent, Number(process.env['PROFILE_PAUSE_MS'] ?? 1500));
  if (!worker) throw new Error('no bulk worker attached');
  const w = worker as WorkerChannel;
  await w.send('Profiler.enable');
  await w.send('Profiler.setSamplingInterval', { interval: Number(process.env['PROFILE_INTERVAL_US'] ?? 250) });
  await w.send('Profiler.start');
  t = performance.now();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 600_000 }), page.getByRole('button', { name: 'Maak het pakket' }).click()]);
  const seconds = (performance.now() - t) / 1000;
  const { profile } = await w.send<{ profile: Profile }>('Profiler.stop');
  const zip = join(dir, 'out.zip');
  await download.saveAs(zip);
  const kinds = new Map<string, number>();
  for (const name of execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).split('\n').filter(Boolean)) kinds.set(name.replace(/^.*\./, '.'), (kinds.get(name.replace(/^.*\./, '.')) ?? 0) + 1);
  console.log(`click -> download ${seconds.toFixed(2)} s; zip ${(readFileSync(zip).length / 1024).toFixed(0)} KiB: ${[...kinds].map(([k, n]) => `${n} ${k}`).join(', ')}`);

  // Self time per node from the samples.
  const self = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) self.set(profile.samples[i]!, (self.get(profile.samples[i]!) ?? 0) + profile.timeDeltas[i]! / 1000);
  const byChunk = new Map<string, number>();
  const byFunction = new Map<string, number>();
  const bySource = new Map<string, number>();
  const maps = new Map<string, SourceMap | null>();
  for (const node of profile.nodes) {
    const ms = self.get(node.id) ?? 0;
    if (!ms) continue;
    const { url, functionName, lineNumber, columnNumber } = node.callFrame;
    const chunk = url ? url.replace(/^.*\//, '') : functionName ? `(${functionName})` : '(native)';
    byChunk.set(chunk, (byChunk.get(chunk) ?? 0) + ms);
    if (url && !maps.has(chunk)) maps.set(chunk, readSourceMap(join(dist, '_astro', `${chunk}.map`)));
    const at = url && maps.get(chunk) ? original(maps.get(chunk)!, lineNumber, columnNumber) : null;
    const source = at ? at.source : chunk;
    bySource.set(source, (bySource.get(source) ?? 0) + ms);
    const key = at ? `${at.source}:${at.line} ${functionName || '(anonymous)'}` : `${chunk} ${functionName || '(anonymous)'}:${lineNumber + 1}:${columnNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const idle = byChunk.get('(idle)') ?? 0;
  console.log(`worker profile: ${(total / 1000).toFixed(2)} s sampled, ${((total - idle) / 1000).toFixed(2)} s busy`);
  const top = (map: Map<string, number>, n: number) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .forEach(([k, ms]) => console.log(`  ${ms.toFixed(0).padStart(6)} ms  ${((ms / total) * 100).toFixed(1).padStart(5)} %  ${k}`));
  console.log('per chunk (self time):');
  top(byChunk, 20);
  if ([...maps.values()].some(Boolean)) {
    console.log('per source file (self time, from the source maps):');
    top(bySource, 25);
  }
  console.log('per function (self time):');
  top(byFunction, Number(process.env['PROFILE_TOP'] ?? 30));
  // What each chunk is: the modules Vite put in it are named in its import list and content.
  const assets = join(dist, '_astro');
  for (const chunk of [...byChunk.keys()].filter((c) => c.endsWith('.js'))) {
    const found = readdirSync(assets).includes(chunk);
    if (!found) continue;
    const size = readFileSync(join(assets, chunk)).length;
    console.log(`  ${chunk}: ${(size / 1024).toFixed(0)} KiB`);
  }
  // Where the worker waits: idle stretches over 15 ms, with what ran just before and after.
  const nodeById = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const where = (id: number) => {
    const names: string[] = [];
    for (let at: number | undefined = id; at !== undefined && names.length < 4; at = parent.get(at)) {
      const f = nodeById.get(at)!.callFrame;
      if (f.functionName === '(root)') break;
      const m = f.url ? maps.get(f.url.replace(/^.*\//, '')) : null;
      const o = m ? original(m, f.lineNumber, f.columnNumber) : null;
      names.push(o ? `${o.source.replace(/^.*\//, '')}:${o.line}` : f.functionName || '?');
    }
    return names.join(' < ');
  };
  let clock = 0;
  let gapStart = -1;
  let before = -1;
  const gaps: string[] = [];
  for (let i = 0; i < profile.samples.length; i++) {
    clock += profile.timeDeltas[i]! / 1000;
    const idle = nodeById.get(profile.samples[i]!)!.callFrame.functionName === '(idle)';
    if (idle && gapStart < 0) gapStart = clock;
    if (!idle) {
      if (gapStart >= 0 && clock - gapStart > 15) gaps.push(`  ${gapStart.toFixed(0).padStart(6)} ms +${(clock - gapStart).toFixed(0).padStart(4)} ms idle, after ${before >= 0 ? where(before) : '-'}; then ${where(profile.samples[i]!)}`);
      gapStart = -1;
      before = profile.samples[i]!;
    }
  }
  if (gapStart >= 0) gaps.push(`  ${gapStart.toFixed(0).padStart(6)} ms +${(clock - gapStart).toFixed(0).padStart(4)} ms idle at the end, after ${before >= 0 ? where(before) : '-'}`);
  console.log(`idle stretches over 15 ms (of ${clock.toFixed(0)} ms):`);
  for (const g of gaps) console.log(g);
  if (process.env['PROFILE_OUT']) writeFileSync(process.env['PROFILE_OUT'], JSON.stringify(profile));
  await context.close();
} finally {
  await browser.close();
  server.kill();
  rmSync(dir, { recursive: true, force: true });
}
