// `node scripts/profile-pdf.ts [runs] [--time-only]`: renders the bench's letter N times (default 2,000) under the V8 profiler
// and prints where the time goes: self time per function, top 15, as % of the sampled time.
// Also prints the median and 10th percentile per letter, from a loop without and one with the profiler.
import { Session } from 'node:inspector/promises';
import { printSelfTime } from './cpu-profile.ts';
import { sampleFillData } from '../src/content/schema.ts';
import { fill } from '../src/model/fill.ts';
import { loadFonts } from '../src/pack/build.ts';
import { readContent } from '../src/pack/read-content.ts';
import { renderPdf } from '../src/render/pdf/index.ts';

const RUNS = Number(process.argv[2] ?? 2000);
const loaded = readContent(process.cwd());
if (!loaded.ok) throw new Error('content is invalid: run npm run check:content');
const { templates } = loaded.content;
const letter = templates.find((t) => t.kind === 'brief' && t.registered) ?? templates.find((t) => t.kind === 'brief')!;
const filled = fill(letter, sampleFillData());
const fonts = loadFonts();
for (let i = 0; i < 300; i++) await renderPdf(filled, { fonts }); // warm-up: JIT, caches, fonts
const summary = (label: string, times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  console.log(`pdf letter ${letter.id}, ${label}: median ${sorted[Math.floor(times.length / 2)]!.toFixed(3)} ms, 10th percentile ${sorted[Math.floor((times.length - 1) * 0.1)]!.toFixed(3)} ms (${times.length} runs)`);
};
const plainTimes: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const start = performance.now();
  await renderPdf(filled, { fonts });
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
  await renderPdf(filled, { fonts });
  times.push(performance.now() - start);
}
const { profile } = await session.post('Profiler.stop');
session.disconnect();

summary('profiler on', times);
printSelfTime(profile);
