import { defineConfig } from 'vitest/config';

// COWORK_TEST_DB=postgres runs the suites against PostgreSQL (COWORK_TEST_PG_URL names the
// server); see test/helpers/targets.ts. `npm test` runs SQLite, then PostgreSQL when it can.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    globalSetup: ['test/helpers/global-setup.ts'],
    setupFiles: ['test/helpers/setup.ts'],
  },
});
