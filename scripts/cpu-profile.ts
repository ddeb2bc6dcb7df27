// Shared by the profile scripts: where a V8 CPU profile's samples land, as self time per function.
import type { Profiler } from 'node:inspector';

/** Prints the `top` functions by self time (share of samples), idle and program time left out. */
export function printSelfTime(profile: Profiler.Profile, top = 15): void {
  const self = new Map<string, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const counts = new Map<number, number>();
  for (const id of profile.samples ?? []) counts.set(id, (counts.get(id) ?? 0) + 1);
  let total = 0;
  for (const [id, count] of counts) {
    const f = byId.get(id)!.callFrame;
    if (f.functionName === '(idle)' || f.functionName === '(program)') continue;
    const file = f.url.replace(/^.*\/(node_modules\/|src\/)/, '$1');
    const key = `${f.functionName || '(anonymous)'} ${file ? `${file}:${f.lineNumber + 1}` : ''}`;
    self.set(key, (self.get(key) ?? 0) + count);
    total += count;
  }
  console.log(`self time, top ${top}:`);
  for (const [key, count] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${((100 * count) / total).toFixed(1).padStart(5)}%  ${key}`);
}
