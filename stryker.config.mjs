// Mutation testing (npm run mutation -- <module>): Stryker changes one detail of the code at a
// time and runs the Vitest tests that cover it; a surviving mutant is a bug the tests let through.
// scripts/mutation.ts picks the files per module; one module at a time, one process (CPU heavy).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  // A mutant in a module-level constant runs every test; they are few and slow: left out.
  ignoreStatic: true,
  coverageAnalysis: 'perTest',
  concurrency: 1,
  timeoutMS: 60000,
  reporters: ['clear-text', 'progress', 'json'],
  mutate: (process.env.STRYKER_MUTATE ?? '').split(',').filter(Boolean),
  jsonReporter: { fileName: process.env.STRYKER_REPORT ?? 'reports/mutation/mutation.json' },
  // One folder per module, so two modules can run side by side.
  tempDirName: process.env.STRYKER_TEMP ?? '.stryker-tmp',
  cleanTempDir: 'always',
  ignorePatterns: ['dist', 'public/downloads', 'public/schema', 'test-results', 'reports', 'out', '.tools', '.scratch', '.astro', '.ci', '.stryker-tmp*'],
  thresholds: { high: 80, low: 60, break: null },
};
