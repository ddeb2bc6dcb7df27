/**
 * npm run mutation -- <module> [...]: Stryker on one module's files (kept out of npm test: a run
 * takes minutes). Modules: pdf (PDF layout), bulk (bulk planning), legal, share (timeline share
 * links), fill. Writes reports/mutation/<module>.json and prints the score.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Per module: the files mutated, and the test files that judge them. */
const MODULES: Record<string, { mutate: string[]; tests: string[] }> = {
  pdf: { mutate: ['src/render/pdf/layout.ts'], tests: ['tests/unit/render-pdf-layout.test.ts', 'tests/unit/render-pdf-internals.test.ts', 'tests/unit/render-pdf.test.ts'] },
  bulk: { mutate: ['src/bulk/plan.ts'], tests: ['tests/unit/bulk-group-plan.test.ts'] },
  // legal/module.test.ts is left out: it reads the source text for Node-only names, which Stryker's instrumented copy contains.
  legal: { mutate: ['src/legal/interest.ts', 'src/legal/costs.ts', 'src/legal/terms.ts'], tests: ['calendar', 'costs', 'honest-interest', 'interest', 'interest-edges', 'rates', 'terms'].map((f) => `tests/unit/legal/${f}.test.ts`) },
  share: { mutate: ['src/timeline/share.ts', 'src/timeline/share-dictionary.ts'], tests: ['tests/unit/timeline-io.test.ts', 'tests/unit/timeline-share-pinned.test.ts', 'tests/unit/timeline-share-reorder.test.ts'] },
  // fuzz-fill.test.ts is left out: it covers every line of fill.ts, so each mutant would rerun its ~60 s of
  // renders and parsers (hours for the module); fill.test.ts checks each value's place and form instead.
  fill: { mutate: ['src/model/fill.ts'], tests: ['tests/unit/model.test.ts', 'tests/unit/fill.test.ts'] },
};

const root = join(import.meta.dirname, '..');
const asked = process.argv.slice(2);
if (!asked.length || asked.some((m) => !MODULES[m])) {
  console.error(`Kies een of meer modules: ${Object.keys(MODULES).join(', ')} (bv. npm run mutation -- bulk)`);
  process.exit(2);
}
let failed = false;
for (const name of asked) {
  const report = `reports/mutation/${name}.json`;
  const env = { ...process.env, STRYKER_MUTATE: MODULES[name]!.mutate.join(','), STRYKER_TESTS: MODULES[name]!.tests.join(','), STRYKER_REPORT: report, STRYKER_TEMP: `.stryker-tmp-${name}` };
  const run = spawnSync('npx', ['stryker', 'run', 'stryker.config.mjs'], { cwd: root, stdio: 'inherit', env });
  if (run.status !== 0) {
    failed = true;
    continue;
  }
  const json = JSON.parse(readFileSync(join(root, report), 'utf8')) as { files: Record<string, { mutants: { status: string }[] }> };
  const mutants = Object.values(json.files).flatMap((f) => f.mutants);
  const killed = mutants.filter((m) => m.status === 'Killed' || m.status === 'Timeout').length;
  const valid = mutants.filter((m) => !['CompileError', 'RuntimeError', 'Ignored'].includes(m.status)).length;
  console.log(`mutation ${name}: ${killed}/${valid} gedood = ${valid ? ((killed / valid) * 100).toFixed(1) : '0'} %`);
}
process.exit(failed ? 1 : 0);
