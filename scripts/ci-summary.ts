// Prints "tests: N passed, N failed" from the Vitest and Playwright JSON reports; exits 1 on any
// failure, a missing report, or when no test ran at all.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
const problems: string[] = [];
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
if (!process.argv.includes('--failed-before-tests')) {
  const unit = read('reports/unit.json');
  if (unit) {
    passed += Number(unit['numPassedTests'] ?? 0);
    failed += Number(unit['numFailedTests'] ?? 0);
  }
  const e2e = read('reports/e2e.json');
  if (e2e) {
    const stats = (e2e['stats'] ?? {}) as Record<string, number>;
    passed += stats['expected'] ?? 0;
    failed += (stats['unexpected'] ?? 0) + (stats['flaky'] ?? 0);
    const errors = (e2e['errors'] as unknown[] | undefined)?.length ?? 0;
    if (errors) { failed += errors; problems.push(`playwright reported ${errors} error(s) outside tests`); }
  }
}
for (const p of problems) console.error(`ci-summary: ${p}`);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
