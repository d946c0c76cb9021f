import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

// The suites that `npm run mutation` (stryker.config.mjs) runs against each mutant: the pure core's
// and the application layer's, which run in process (SQLite in memory at most). The suites that
// start the CLI as a child process (test/e2e) test the built dist/, which mutants never reach.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['test/core/**/*.test.ts', 'test/app/**/*.test.ts'],
  },
});
