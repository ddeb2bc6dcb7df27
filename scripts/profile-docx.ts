// `node scripts/profile-docx.ts [runs] [--time-only]`: renders the bench's letter N times (default 2,000) under the V8 profiler
// and prints where the time goes: self time per function, top 15, as % of the sampled time.
// Also prints the median and 10th percentile per letter, from a loop without and one with the profiler.
import { Session } from 'node:inspector/promises';
import { sampleFillData } from '../src/content/schema.ts';
import { fill } from '../src/model/fill.ts';
import { readContent } from '../src/pack/read-content.ts';
import { renderDocx } from '../src/render/docx/index.ts';

const RUNS = Number(process.argv[2] ?? 1000);
const loaded = readContent(process.cwd());
if (!loaded.ok) throw new Error('content is invalid: run npm run check:content');
const { templates } = loaded.content;
const letter = templates.find((t) => t.kind === 'brief' && t.registered) ?? templates.find((t) => t.kind === 'brief')!;
const filled = fill(letter, sampleFillData());
for (let i = 0; i < 300; i++) await renderDocx(filled); // warm-up: JIT, caches, fonts
const summary = (label: string, times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  console.log(`docx letter ${letter.id}, ${label}: median ${sorted[Math.floor(times.length / 2)]!.toFixed(3)} ms, 10th percentile ${sorted[Math.floor((times.length - 1) * 0.1)]!.toFixed(3)} ms (${times.length} runs)`);
};
const plainTimes: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const start = performance.now();
  await renderDocx(filled);
  plainTimes.push(performance.now() - start);
}
summary('profiler off', plainTimes);
if (process.argv[3] === '--time-only') process.exit(0);

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 50 });
await session.post('Profiler.start');
const times: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const start = performance.now();
  await renderDocx(filled);
  times.push(performance.now() - start);
}
const { profile } = await session.post('Profiler.stop');
session.disconnect();

// Self time per function: samples landing on a node, attributed by name and place.
const self = new Map<string, number>();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const counts = new Map<number, number>();
for (const id of profile.samples ?? []) counts.set(id, (counts.get(id) ?? 0) + 1);
let total = 0;
for (const [id, count] of counts) {
  const node = byId.get(id)!;
  const f = node.callFrame;
  if (f.functionName === '(idle)' || f.functionName === '(program)') continue;
  const file = f.url.replace(/^.*\/(node_modules\/|src\/)/, '$1');
  const key = `${f.functionName || '(anonymous)'} ${file ? `${file}:${f.lineNumber + 1}` : ''}`;
  self.set(key, (self.get(key) ?? 0) + count);
  total += count;
}
summary('profiler on', times);
console.log('self time, top 15:');
for (const [key, count] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${((100 * count) / total).toFixed(1).padStart(5)}%  ${key}`);
