import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Playwright's *.spec.ts live in tests/e2e and must stay out of Vitest.
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/helpers/fast-check-seed.ts'],
    testTimeout: 60_000,
    // Some suites build a pack or run the CLI once in beforeAll: as slow as a test on a busy machine.
    hookTimeout: 60_000,
    reporters: ['default', 'json'],
    outputFile: { json: 'reports/unit.json' },
  },
});
