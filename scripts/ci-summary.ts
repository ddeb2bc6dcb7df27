// Prints "tests: N passed, N failed" from the Vitest and Playwright JSON reports; exits 1 on any
// failure, a missing report, or when no test ran at all. A test file that could not load counts as
// a failure of its own (its tests never ran, so no test count shows it) and is named.
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';

let passed = 0;
let failed = 0;
const problems: string[] = [];
const times: string[] = [];
if (process.argv.includes('--failed-before-tests')) {
  failed += 1;
  problems.push('the build failed before any test ran');
}
const read = (path: string): Record<string, unknown> | null => {
  if (!existsSync(path)) {
    problems.push(`${path} is missing (that runner did not finish)`);
    failed += 1;
    return null;
  }
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
};

interface VitestFile { name: string; status: string; message?: string; assertionResults: unknown[]; startTime: number; endTime: number }

if (!process.argv.includes('--failed-before-tests')) {
  const unit = read('reports/unit.json');
  if (unit) {
    passed += Number(unit['numPassedTests'] ?? 0);
    failed += Number(unit['numFailedTests'] ?? 0);
    const files = (unit['testResults'] ?? []) as VitestFile[];
    // A file that failed with no test results never loaded (an import or top-level error).
    const unloaded = files.filter((f) => f.status === 'failed' && f.assertionResults.length === 0);
    if (unloaded.length) {
      failed += unloaded.length;
      problems.push(`${unloaded.length} unit test file(s) could not load: ${unloaded.map((f) => `${relative(process.cwd(), f.name)} (${(f.message ?? '').split('\n')[0]})`).join('; ')}`);
    }
    const end = Math.max(...files.map((f) => f.endTime), Number(unit['startTime']));
    times.push(`unit ${((end - Number(unit['startTime'])) / 1000).toFixed(0)} s in ${files.length} files`);
  }
  const e2e = read('reports/e2e.json');
  if (e2e) {
    const stats = (e2e['stats'] ?? {}) as Record<string, number>;
    passed += stats['expected'] ?? 0;
    failed += (stats['unexpected'] ?? 0) + (stats['flaky'] ?? 0);
    const errors = (e2e['errors'] as { message?: string }[] | undefined) ?? [];
    if (errors.length) {
      failed += errors.length;
      problems.push(`playwright reported ${errors.length} error(s) outside tests (a spec file that could not load counts here): ${errors.map((e) => (e.message ?? '').split('\n')[0]).join('; ')}`);
    }
    if (stats['duration']) times.push(`browser ${(stats['duration'] / 1000).toFixed(0)} s`);
  }
}
for (const p of problems) console.error(`ci-summary: ${p}`);
if (times.length) console.log(`ci-summary: test time ${times.join(', ')}`);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
