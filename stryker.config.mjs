// Mutation testing: `npm run mutation` (StrykerJS under Node 24, through scripts/node.mjs).
// Extra arguments go to `stryker run`, e.g. `npm run mutation -- --mutate src/core/money.ts`.
// The report: reports/mutation/index.html (and mutation.json beside it).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  mutate: ['src/core/**/*.ts', 'src/app/**/*.ts'],
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  // Each test is timed against the mutants it covers, and only those tests run for a mutant.
  coverageAnalysis: 'perTest',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  // The console gets the score table; each mutant, and the tests, are in the HTML report.
  clearTextReporter: { reportTests: false, reportMutants: false, logTests: false },
  // What a sandbox copy of the project does not need.
  ignorePatterns: ['dist', 'dist.next-*', 'coverage', 'reports', '.bench', '*.db', '*.db-wal', '*.db-shm'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
  thresholds: { high: 80, low: 60, break: null },
};

export default config;
