// `node scripts/profile-docx.ts [runs] [--time-only | --direct]`: renders the bench's letter N times (default 2,000), each
// with its own customer and invoice number as in bulk mode, and prints the median and 10th percentile per letter and the CPU
// time; then the same under the V8 profiler with self time per function, top 15, as % of the sampled time.
// --direct times docx building and packing every letter itself (the path before templates; also what the first letter of
// a shape costs), so before and after can be run back to back.
import { Session } from 'node:inspector/promises';
import { printSelfTime } from './cpu-profile.ts';
import { sampleFillData } from '../src/content/schema.ts';
import { fill } from '../src/model/fill.ts';
import { readContent } from '../src/pack/read-content.ts';
import { renderDocx, renderDocxDirect } from '../src/render/docx/index.ts';

const RUNS = Number(process.argv[2] ?? 2000);
const mode = process.argv[3];
const render = mode === '--direct' ? renderDocxDirect : renderDocx;
const loaded = readContent(process.cwd());
if (!loaded.ok) throw new Error('content is invalid: run npm run check:content');
const { templates } = loaded.content;
const letter = templates.find((t) => t.kind === 'brief' && t.registered) ?? templates.find((t) => t.kind === 'brief')!;
const data = sampleFillData();
const letters = Array.from({ length: 64 }, (_, i) => fill(letter, { ...data, klant: { ...data.klant, naam: `${data.klant?.naam ?? 'Klant'} ${i}` }, factuur: { ...data.factuur, nummer: `2026-${1000 + i}` } }));
for (let i = 0; i < 300; i++) await render(letters[i % letters.length]!); // warm-up: JIT, templates
const summary = (label: string, times: number[], cpuMicros: number) => {
  const sorted = [...times].sort((a, b) => a - b);
  console.log(
    `docx letter ${letter.id}${mode === '--direct' ? ' (docx builds and packs each)' : ''}, ${label}: median ${sorted[Math.floor(times.length / 2)]!.toFixed(3)} ms, ` +
      `10th percentile ${sorted[Math.floor((times.length - 1) * 0.1)]!.toFixed(3)} ms, CPU ${(cpuMicros / 1000 / times.length).toFixed(3)} ms per letter (${times.length} runs)`,
  );
};
async function loop(): Promise<{ times: number[]; cpu: number }> {
  const times: number[] = [];
  const cpu = process.cpuUsage();
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await render(letters[i % letters.length]!);
    times.push(performance.now() - start);
  }
  const used = process.cpuUsage(cpu);
  return { times, cpu: used.user + used.system };
}
const plain = await loop();
summary('profiler off', plain.times, plain.cpu);
if (mode === '--time-only' || mode === '--direct') process.exit(0);

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 50 });
await session.post('Profiler.start');
const profiled = await loop();
const { profile } = await session.post('Profiler.stop');
session.disconnect();

summary('profiler on', profiled.times, profiled.cpu);
printSelfTime(profile);
