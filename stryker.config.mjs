// @ts-check
/**
 * Mutation testing of the pure core (`npm run mutate`): Stryker changes one thing at a time in
 * these modules (a `<` to `<=`, a 2_000 to 0, a condition to `true`, a string to "") and runs the
 * unit tests; a mutant the tests do not notice "survives". The report is written to
 * reports/mutation/index.html (see README, "Mutation testing").
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'test/vitest.unit.config.mts' },
  // Every file that holds a protection of the read model, the feed, reach or the element's state.
  // Run one or two at a time (`npm run mutate -- --mutate <file>`, test/MUTATION.md says how);
  // the whole scope at once takes hours on two cores.
  mutate: [
    'plugin/server/src/validation/**/*.ts',
    'plugin/server/src/documents/**/*.ts',
    'plugin/server/src/middlewares/strict-query.ts',
    'plugin/server/src/middlewares/rate-limit.ts',
    'plugin/server/src/graphql/**/*.ts',
    'plugin/server/src/compliance/report.ts',
    // The feedback checks (readSubmission); the rest of the controller is the database's, tested
    // against a real Strapi in test/plugin/feedback.test.ts.
    'plugin/server/src/controllers/feedback.ts:14-52',
    'plugin/server/src/locales.ts',
    'plugin/server/src/offer-view/**/*.ts',
    'plugin/server/src/oruk/**/*.ts',
    'plugin/server/src/reach/**/*.ts',
    // The services that guard data: the public role's grants (never feedback), the reminders' claims.
    'plugin/server/src/services/public-access.ts',
    'plugin/server/src/services/reminders.ts',
    'widget/src/filters.ts',
    'widget/src/url-state.ts',
    'widget/src/render/blocks.ts',
    'widget/src/format/phone.ts',
  ],
  coverageAnalysis: 'perTest',
  // Only mutants in code or tests changed since the last run are tried again (per machine:
  // reports/ is not committed); `--force` tries every one.
  incremental: true,
  incrementalFile: 'reports/mutation/incremental.json',
  // Static mutants (module-level constants: the rule tables, scheme lists, regular expressions)
  // each need every unit test again, which takes this run from about 15 minutes to hours
  // on two cores; test/MUTATION.md lists the faults of that kind tried by hand. Run
  // `npm run mutate -- --ignoreStatic false` to include them.
  ignoreStatic: true,
  // Two cores, shared: one vitest worker.
  concurrency: 1,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  thresholds: { high: 90, low: 85, break: null },
};
