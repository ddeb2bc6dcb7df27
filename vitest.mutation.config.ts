// Vitest for mutation runs only: the test files that judge one module (scripts/mutation.ts sets
// STRYKER_TESTS), so each mutant runs seconds of tests instead of the whole suite.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: (process.env['STRYKER_TESTS'] ?? 'tests/unit/**/*.test.ts').split(','),
    environment: 'node',
    testTimeout: 60_000,
  },
});
