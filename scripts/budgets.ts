// `node scripts/budgets.ts [--build] [--bench]`: size and speed budgets, checked against the limits
// in budgets.json. Prints one table (figure, measured, limit, status) and exits 1 when a figure is
// over its limit or a required figure could not be measured — a budget nobody can check is a
// failure, not a pass.
//
// Figures:
// - js.<page type>.initial: gzip bytes of the JavaScript a page loads by itself (<script src>,
//   modulepreload, and their static imports), the largest page of the type;
// - js.<page type>.onDemand: gzip bytes of what it may import later (dynamic import(), e.g. the
//   PDF and DOCX renderers on a template page), the largest page of the type;
// - js.unattributed: scripts in dist/ that no page reaches, so no page budget counts them;
// - js.template.firstInput: gzip bytes a template page has loaded once the user types, before a
//   download (the page plus the fill engine it imports on the first touch of the form);
// - pdf.firstDownloadBytes: what a template page fetches for its first PDF (the on-demand scripts
//   on the way to the PDF renderer and the Latin subset fonts), gzip;
// - dist.bytes: everything under dist/; pack.zipBytes: dist/downloads/tijdig-alles.zip;
// - build.seconds: `npm run build`, timed here, only with --build (it rebuilds dist/ first);
// - pdf.letterMs and docx.letterMs (ms per letter, the bench's 10th percentile), cli.memoryRatio
//   (the command line's peak memory, largest run over smallest) and pack.seconds (building the
//   whole pack) from reports/bench.json, written by `npm run bench`; --bench runs the bench first
//   (it needs Chromium and LibreOffice). Without a bench file these fail as "not measured".
// Gzip is level 9 per file, as a static host serves each file compressed on its own.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const args = new Set(process.argv.slice(2));
for (const a of args) if (!['--build', '--bench'].includes(a)) throw new Error(`unknown option ${a} (use --build and/or --bench)`);

interface Budget {
  limit: number;
  unit: 'bytes' | 'ms' | 's' | 'x';
  comment: string;
}
interface BudgetFile {
  /** Page type → dist-relative pattern(s); '*' is one path segment, '**' anything; first match wins. */
  pages: Record<string, string | string[]>;
  budgets: Record<string, Budget>;
}
const config = JSON.parse(readFileSync(join(root, 'budgets.json'), 'utf8')) as BudgetFile;

/** A measured value, or why there is none. `skipped` is not a failure: the figure was not asked for. */
type Figure = { value: number; note?: string } | { missing: string } | { skipped: string };
const figures = new Map<string, Figure>();

// ---------------------------------------------------------------- build time (optional)

/** Set when --build failed: what is in dist/ then is not this source tree, so nothing is read from it. */
let buildFailed: string | null = null;
if (args.has('--build')) {
  const start = performance.now();
  const build = spawnSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'inherit' });
  const seconds = (performance.now() - start) / 1000;
  if (build.status !== 0) buildFailed = `npm run build failed (exit ${build.status ?? build.signal}), so dist/ is stale or partial`;
  figures.set('build.seconds', buildFailed ? { missing: buildFailed } : { value: seconds });
} else {
  figures.set('build.seconds', { skipped: 'pass --build to time npm run build' });
}

// ---------------------------------------------------------------- JavaScript per page type

const files = (dir: string): string[] =>
  existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)])) : [];
const rel = (file: string) => relative(dist, file).split(sep).join('/');
const gzipCache = new Map<string, number>();
const gzipBytes = (file: string) => {
  let n = gzipCache.get(file);
  if (n === undefined) gzipCache.set(file, (n = gzipSync(readFileSync(file), { level: 9 }).length));
  return n;
};

/** "sjablonen/*\/index.html" → a RegExp over dist-relative paths: '*' is one path segment, '**' anything. */
const glob = (pattern: string) => {
  const literal = (p: string) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${pattern.split('**').map((part) => part.split('*').map(literal).join('[^/]+')).join('.*')}$`);
};

/** Attributes of every <tag ...> in machine-written HTML (Astro output: no need for a full parser). */
function tags(html: string, name: string): { attrs: Map<string, string>; body: string }[] {
  const out: { attrs: Map<string, string>; body: string }[] = [];
  const re = new RegExp(`<${name}\\b([^>]*)>${name === 'script' ? '([\\s\\S]*?)</script>' : ''}`, 'gi');
  for (const m of html.matchAll(re)) {
    const attrs = new Map<string, string>();
    for (const a of (m[1] ?? '').matchAll(/([^\s=/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) attrs.set(a[1]!.toLowerCase(), a[2] ?? a[3] ?? a[4] ?? '');
    out.push({ attrs, body: m[2] ?? '' });
  }
  return out;
}

/** Resolves a URL from a page or a script to a file in dist/, or throws naming the reference. */
function resolveUrl(url: string, fromFile: string): string {
  if (/^[a-z]+:|^\/\//i.test(url)) throw new Error(`${rel(fromFile)} loads ${url} from another origin: not counted, so not allowed`);
  const clean = url.split(/[?#]/)[0]!;
  const file = clean.startsWith('/') ? join(dist, clean) : join(dirname(fromFile), clean);
  if (!file.startsWith(dist + sep) || !existsSync(file)) throw new Error(`${rel(fromFile)} references ${url}, which is not in dist/`);
  return file;
}

// Minified ES modules: `import{a as b}from"./x.js"`, `import"./x.js"`, `export*from"./x.js"`, and
// `import(\`./x.js\`)` for code loaded on demand.
const STATIC_IMPORT = /(?:^|[;\s}/)])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["'`]([^"'`]+\.m?js)["'`]/g;
const DYNAMIC_IMPORT = /\bimport\s*\(\s*["'`]([^"'`]+\.m?js)["'`]\s*\)/g;
// A Web Worker started by the page (`new Worker(new URL("./w.js", import.meta.url))`) is code it loads on demand too;
// so is one a worker starts, which Vite writes with a comment before the URL (`new URL(/* @vite-ignore */ "/_astro/w.js", …)`).
const WORKER = /\bnew\s+(?:Shared)?Worker\s*\(\s*new\s+URL\s*\(\s*(?:\/\*[^]*?\*\/\s*)*["'`]([^"'`]+\.m?js)["'`]/g;

function closure(entries: Iterable<string>, seen = new Set<string>()): Set<string> {
  const queue = [...entries];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(STATIC_IMPORT)) queue.push(resolveUrl(m[1]!, file));
  }
  return seen;
}

/** Every script file some page loads, now or on demand: the rest is counted in js.unattributed. */
const reached = new Set<string>();

/** Initial and on-demand JavaScript of one page, gzip bytes. Inline executable scripts count too. */
function pageJs(page: string): { initial: number; onDemand: number } {
  const html = readFileSync(page, 'utf8');
  const entries: string[] = [];
  let inline = 0;
  for (const { attrs, body } of tags(html, 'script')) {
    const type = (attrs.get('type') ?? '').toLowerCase();
    if (type && type !== 'module' && type !== 'text/javascript') continue; // JSON data, not code
    const src = attrs.get('src');
    if (src) entries.push(resolveUrl(src, page));
    else if (body.trim()) inline += gzipSync(body, { level: 9 }).length;
  }
  for (const { attrs } of tags(html, 'link')) {
    if (/\bmodulepreload\b/i.test(attrs.get('rel') ?? '') && attrs.get('href')) entries.push(resolveUrl(attrs.get('href')!, page));
  }
  const initial = closure(entries);
  const lazy = new Set<string>();
  const scan = [...initial];
  while (scan.length) {
    const file = scan.pop()!;
    const code = readFileSync(file, 'utf8');
    for (const m of [...code.matchAll(DYNAMIC_IMPORT), ...code.matchAll(WORKER)]) {
      for (const f of closure([resolveUrl(m[1]!, file)], new Set(initial))) {
        if (!initial.has(f) && !lazy.has(f)) {
          lazy.add(f);
          scan.push(f);
        }
      }
    }
  }
  for (const f of [...initial, ...lazy]) reached.add(f);
  const sum = (set: Set<string>) => [...set].reduce((n, f) => n + gzipBytes(f), 0);
  return { initial: inline + sum(initial), onDemand: sum(lazy) };
}

const pages = files(dist).filter((f) => f.endsWith('.html'));
/** Each page counts for the first page type whose pattern matches it (budgets.json order). */
const typeOf = new Map<string, string>();
for (const page of pages) {
  const type = Object.entries(config.pages).find(([, patterns]) => [patterns].flat().some((p) => glob(p).test(rel(page))))?.[0];
  if (type) typeOf.set(page, type);
}
const distProblem = buildFailed ?? (existsSync(join(dist, 'index.html')) ? null : 'dist/index.html is missing: build the site (npm run build)');
if (distProblem) {
  const why = distProblem;
  for (const type of Object.keys(config.pages)) for (const kind of ['initial', 'onDemand']) figures.set(`js.${type}.${kind}`, { missing: why });
} else {
  for (const [type, patterns] of Object.entries(config.pages)) {
    const matching = pages.filter((p) => typeOf.get(p) === type);
    if (!matching.length) {
      for (const kind of ['initial', 'onDemand']) figures.set(`js.${type}.${kind}`, { missing: `no page in dist/ matches ${[patterns].flat().join(' or ')} (routes changed? fix "pages" in budgets.json)` });
      continue;
    }
    try {
      const measured = matching.map((p) => ({ page: rel(p), ...pageJs(p) }));
      for (const kind of ['initial', 'onDemand'] as const) {
        const worst = measured.reduce((a, b) => (b[kind] > a[kind] ? b : a));
        figures.set(`js.${type}.${kind}`, { value: worst[kind], note: `${matching.length > 1 ? `largest of ${matching.length}: ` : ''}${worst.page}` });
      }
    } catch (error) {
      for (const kind of ['initial', 'onDemand']) figures.set(`js.${type}.${kind}`, { missing: (error as Error).message });
    }
  }
}

// A script no page reaches is in no page budget: a worker, a missed import form, or dead weight.
const scripts = files(dist).filter((f) => /\.m?js$/.test(f));
const unattributed = scripts.filter((f) => !reached.has(f));
figures.set(
  'js.unattributed',
  distProblem ? { missing: distProblem } : { value: unattributed.reduce((n, f) => n + gzipBytes(f), 0), note: unattributed.length ? unattributed.map(rel).join(', ') : `all ${scripts.length} scripts reached from a page` },
);

// ---------------------------------------------------------------- template page once the user types

/**
 * js.template.firstInput: what a template page has loaded once the user starts on the form, before
 * any download: the page's own scripts plus the fill engine it imports then (the on-demand chunk of
 * src/site/lib/workbench-engine.ts, named after it by the bundler) with its static imports.
 */
function firstInputJs(page: string): { value: number; note: string } {
  const html = readFileSync(page, 'utf8');
  const entries = tags(html, 'script').flatMap(({ attrs }) => (attrs.get('src') ? [resolveUrl(attrs.get('src')!, page)] : []));
  for (const { attrs } of tags(html, 'link')) if (/\bmodulepreload\b/i.test(attrs.get('rel') ?? '') && attrs.get('href')) entries.push(resolveUrl(attrs.get('href')!, page));
  const initial = closure(entries);
  const engines = [...initial].flatMap((file) => [...readFileSync(file, 'utf8').matchAll(DYNAMIC_IMPORT)].map((m) => resolveUrl(m[1]!, file))).filter((f) => /^workbench-engine[.-]/.test(f.split(sep).pop()!));
  if (!engines.length) throw new Error(`${rel(page)} imports no workbench-engine chunk: was src/site/lib/workbench-engine.ts renamed or inlined?`);
  const engine = new Set([...closure(engines, new Set(initial))].filter((f) => !initial.has(f)));
  const sum = (set: Set<string>) => [...set].reduce((n, f) => n + gzipBytes(f), 0);
  return { value: sum(initial) + sum(engine), note: `${rel(page)}: ${(sum(initial) / 1024).toFixed(1)} KiB page + ${(sum(engine) / 1024).toFixed(1)} KiB fill engine (${engine.size} files)` };
}

if (distProblem) figures.set('js.template.firstInput', { missing: distProblem });
else {
  try {
    const measured = pages.filter((p) => typeOf.get(p) === 'template').map(firstInputJs);
    figures.set('js.template.firstInput', measured.length ? measured.reduce((a, b) => (b.value > a.value ? b : a)) : { missing: 'no template page in dist/' });
  } catch (error) {
    figures.set('js.template.firstInput', { missing: (error as Error).message });
  }
}

// ---------------------------------------------------------------- first PDF download

/**
 * What a template page fetches for its first PDF: the on-demand scripts on the way from the page to
 * the PDF renderer (the chunk that writes CIDFontType2 fonts), each with its static imports, less
 * what the page already has, plus the Latin subset fonts (gzip, as a server would send them).
 */
function firstPdfDownload(page: string): { value: number; note: string } {
  const html = readFileSync(page, 'utf8');
  const entries = tags(html, 'script').flatMap(({ attrs }) => (attrs.get('src') ? [resolveUrl(attrs.get('src')!, page)] : []));
  const initial = closure(entries);
  // Breadth first over import(): each step is one lazily loaded chunk with the chain that led to it.
  const queue: { file: string; chain: string[] }[] = [...initial].map((file) => ({ file, chain: [] }));
  const visited = new Set<string>();
  while (queue.length) {
    const { file, chain } = queue.shift()!;
    for (const m of readFileSync(file, 'utf8').matchAll(DYNAMIC_IMPORT)) {
      const target = resolveUrl(m[1]!, file);
      if (visited.has(target) || initial.has(target)) continue;
      visited.add(target);
      const next = [...chain, target];
      const loaded = new Set<string>();
      for (const step of next) for (const f of closure([step], new Set(initial))) if (!initial.has(f)) loaded.add(f);
      if ([...loaded].some((f) => readFileSync(f, 'utf8').includes('CIDFontType2'))) {
        const fonts = ['DejaVuSans-Latin.ttf', 'DejaVuSans-Bold-Latin.ttf'].map((name) => join(dist, 'fonts', name));
        const missing = fonts.find((f) => !existsSync(f));
        if (missing) throw new Error(`${rel(missing)} is missing: the build writes it (astro.config.mjs)`);
        const js = [...loaded].reduce((n, f) => n + gzipBytes(f), 0);
        const font = fonts.reduce((n, f) => n + gzipBytes(f), 0);
        return { value: js + font, note: `${rel(page)}: ${(js / 1024).toFixed(1)} KiB JS (${loaded.size} files) + ${(font / 1024).toFixed(1)} KiB Latin fonts` };
      }
      queue.push({ file: target, chain: next });
    }
  }
  throw new Error(`${rel(page)} never loads the PDF renderer (no on-demand chunk writes CIDFontType2)`);
}

{
  const template = pages.find((p) => typeOf.get(p) === 'template');
  if (distProblem || !template) figures.set('pdf.firstDownloadBytes', { missing: distProblem ?? 'no template page in dist/' });
  else {
    try {
      figures.set('pdf.firstDownloadBytes', firstPdfDownload(template));
    } catch (error) {
      figures.set('pdf.firstDownloadBytes', { missing: (error as Error).message });
    }
  }
}

// ---------------------------------------------------------------- sizes

const all = files(dist);
figures.set('dist.bytes', distProblem ? { missing: distProblem } : { value: all.reduce((n, f) => n + statSync(f).size, 0), note: `${all.length} files` });
const zip = join(dist, 'downloads', 'tijdig-alles.zip');
figures.set('pack.zipBytes', buildFailed ? { missing: buildFailed } : existsSync(zip) ? { value: statSync(zip).size } : { missing: 'dist/downloads/tijdig-alles.zip is missing: run npm run build:pack' });

// ---------------------------------------------------------------- speed, from the bench

const benchFile = join(root, 'reports', 'bench.json');
/** Figure name → key in reports/bench.json. The PDF figure is the 10th percentile of the bench's
 * runs: on a busy machine the median measures the machine, the low percentile still the code. */
const BENCH_FIGURES = { 'pdf.letterMs': 'pdfLetterMsP10', 'docx.letterMs': 'docxLetterMsP10', 'pack.seconds': 'packSeconds' } as const;
let benchProblem: string | null = null;
if (args.has('--bench')) {
  const run = spawnSync(process.execPath, [join(root, 'scripts', 'bench.ts')], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) benchProblem = `npm run bench failed (exit ${run.status ?? run.signal})`;
}
if (!benchProblem && !existsSync(benchFile)) benchProblem = 'reports/bench.json is missing: run npm run bench first, or pass --bench';
const bench = benchProblem ? {} : (JSON.parse(readFileSync(benchFile, 'utf8')) as Record<string, unknown>);
const benchNote = `bench of ${String(bench['date'] ?? '?').slice(0, 16).replace('T', ' ')}`;
for (const [name, key] of Object.entries(BENCH_FIGURES)) {
  const value = bench[key];
  if (benchProblem) figures.set(name, { missing: benchProblem });
  else if (typeof value !== 'number') figures.set(name, { missing: `reports/bench.json has no ${key}: rerun npm run bench` });
  else figures.set(name, { value, note: name === 'pdf.letterMs' ? `10th percentile; median ${Number(bench['pdfLetterMs']).toFixed(2)} ms; ${benchNote}` : name === 'docx.letterMs' ? `10th percentile; median ${Number(bench['docxLetterMs']).toFixed(2)} ms; ${benchNote}` : benchNote });
}
// The command line's memory: peak RSS of its largest run over its smallest (a ratio, not a time).
const cliRuns = (bench['bulkCli'] ?? null) as { rows: number; peakRssMiB: number }[] | null;
if (benchProblem) figures.set('cli.memoryRatio', { missing: benchProblem });
else if (!cliRuns || cliRuns.length < 2) figures.set('cli.memoryRatio', { missing: 'reports/bench.json has no command-line runs of two sizes: rerun npm run bench without BENCH_BULK=0' });
else {
  const [small, large] = [cliRuns[0]!, cliRuns[cliRuns.length - 1]!];
  figures.set('cli.memoryRatio', { value: large.peakRssMiB / small.peakRssMiB, note: `${large.rows.toLocaleString('en')} vs ${small.rows.toLocaleString('en')} invoices: ${large.peakRssMiB.toFixed(0)} vs ${small.peakRssMiB.toFixed(0)} MiB; ${benchNote}` });
}

// ---------------------------------------------------------------- report

const format = (value: number, unit: Budget['unit']) =>
  unit === 'bytes' ? (value >= 1024 * 1024 ? `${(value / 1024 / 1024).toFixed(2)} MiB` : value >= 1024 ? `${(value / 1024).toFixed(1)} KiB` : `${value} B`) : unit === 'ms' ? `${value.toFixed(2)} ms` : unit === 'x' ? `${value.toFixed(2)}x` : `${value.toFixed(1)} s`;

const rows: string[][] = [];
const problems: string[] = [];
for (const name of new Set([...Object.keys(config.budgets), ...figures.keys()])) {
  const budget = config.budgets[name];
  const figure = figures.get(name);
  const unit = budget?.unit ?? (name.endsWith('Ms') ? 'ms' : /seconds$/i.test(name) ? 's' : 'bytes');
  const limit = budget ? format(budget.limit, unit) : '-';
  if (!figure) {
    rows.push([name, '-', limit, 'UNKNOWN', 'no such figure']);
    problems.push(`${name}: budgets.json has a limit for a figure this script does not measure (typo?)`);
  } else if ('skipped' in figure) {
    rows.push([name, '-', limit, 'skipped', figure.skipped]);
  } else if ('missing' in figure) {
    rows.push([name, '-', limit, 'NOT MEASURED', figure.missing]);
    problems.push(`${name}: could not be measured: ${figure.missing}`);
  } else if (!budget) {
    rows.push([name, format(figure.value, unit), limit, 'NO LIMIT', figure.note ?? '']);
    problems.push(`${name}: measured ${format(figure.value, unit)}, but budgets.json has no limit for it`);
  } else {
    const over = figure.value > budget.limit;
    rows.push([name, format(figure.value, unit), limit, over ? 'OVER' : 'ok', figure.note ?? '']);
    if (over) problems.push(`${name}: ${format(figure.value, unit)} is over its limit of ${format(budget.limit, unit)} (+${(((figure.value - budget.limit) / budget.limit) * 100).toFixed(1)} %)`);
  }
}
const head = ['figure', 'measured', 'limit', 'status', 'note'];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
const line = (r: string[]) => r.map((c, i) => (i === 1 || i === 2 ? c.padStart(widths[i]!) : i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd();
const builtAt = existsSync(join(dist, 'index.html')) ? statSync(join(dist, 'index.html')).mtime.toISOString().slice(0, 16).replace('T', ' ') : 'not built';
console.log(`\nTijdig budgets (limits: budgets.json; git ${gitHead()}; dist/ built ${builtAt} UTC)\n`);
console.log(line(head));
console.log(line(widths.map((w) => '-'.repeat(Math.min(w, 40)))));
for (const r of rows) console.log(line(r));
if (problems.length) {
  console.error(`\nFAILED: ${problems.length} budget problem(s):`);
  for (const p of problems) console.error(`  - ${p}`);
  process.exit(1);
}
console.log('\nAll budgets met.');

function gitHead(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}
