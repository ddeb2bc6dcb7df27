/**
 * The closing line CI reads: a unit test file that cannot load (import error, top-level throw) is
 * a failure that names the file, never hidden behind a passing count. Report shapes are the ones
 * Vitest 5 and Playwright write (checked on real runs of both).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const SCRIPT = join(import.meta.dirname, '..', '..', 'scripts', 'ci-summary.ts');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function summary(unit: object | null, e2e: object | null): { code: number; out: string; err: string } {
  const dir = mkdtempSync(join(tmpdir(), 'tijdig-summary-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'reports'));
  if (unit) writeFileSync(join(dir, 'reports', 'unit.json'), JSON.stringify(unit));
  if (e2e) writeFileSync(join(dir, 'reports', 'e2e.json'), JSON.stringify(e2e));
  try {
    const out = execFileSync(process.execPath, [SCRIPT], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { code: 0, out, err: '' };
  } catch (e) {
    const x = e as { status: number; stdout: string; stderr: string };
    return { code: x.status, out: x.stdout, err: x.stderr };
  }
}

const file = (name: string, status: string, tests: number, message = '') => ({
  name: `/repo/tests/unit/${name}`,
  status,
  message,
  startTime: 1000,
  endTime: 4000,
  assertionResults: Array.from({ length: tests }, () => ({ status: status === 'failed' ? 'failed' : 'passed' })),
});
const unitReport = (files: ReturnType<typeof file>[]) => ({
  numPassedTests: files.filter((f) => f.status === 'passed').reduce((s, f) => s + f.assertionResults.length, 0),
  numFailedTests: files.filter((f) => f.status === 'failed').reduce((s, f) => s + f.assertionResults.length, 0),
  startTime: 1000,
  testResults: files,
});
const e2eReport = { stats: { expected: 3, unexpected: 0, flaky: 0, duration: 12_000 }, errors: [] };

describe('scripts/ci-summary.ts', () => {
  it('counts passes of both runners and reports their time', () => {
    const r = summary(unitReport([file('a.test.ts', 'passed', 4)]), e2eReport);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^tests: 7 passed, 0 failed$/m);
    expect(r.out).toMatch(/test time unit 3 s in 1 files, browser 12 s/);
  });

  it('counts each test file that could not load as a failure and names it', () => {
    const r = summary(unitReport([file('a.test.ts', 'passed', 4), file('legal/rates.test.ts', 'failed', 0, 'legal facts not found\n  at x'), file('b.test.ts', 'failed', 0, 'Cannot find module')]), e2eReport);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^tests: 7 passed, 2 failed$/m);
    expect(r.err).toContain('2 unit test file(s) could not load');
    expect(r.err).toContain('tests/unit/legal/rates.test.ts (legal facts not found)');
  });

  it('adds failing tests, Playwright errors outside tests and a missing report', () => {
    const r = summary(unitReport([file('a.test.ts', 'failed', 2)]), { ...e2eReport, errors: [{ message: 'SyntaxError in bulk.spec.ts\nmore' }] });
    expect(r.out).toMatch(/^tests: 3 passed, 3 failed$/m);
    expect(r.err).toContain('SyntaxError in bulk.spec.ts');
    const missing = summary(unitReport([file('a.test.ts', 'passed', 1)]), null);
    expect(missing.code).toBe(1);
    expect(missing.out).toMatch(/^tests: 1 passed, 1 failed$/m);
  });

  it('fails when nothing ran', () => {
    const r = summary(unitReport([]), { stats: { expected: 0 }, errors: [] });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^tests: 0 passed, 0 failed$/m);
  });
});
