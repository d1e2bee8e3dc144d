import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Pure tests, no server and no browser: the plugin's rules, the widget's pure modules (the
 * widget's own tests in test/widget/ run in Chromium, except test/widget/unit/) and the docs
 * against the code they describe. Also what
 * `npm run mutate` runs against each mutant (see vitest.unit.config.mts).
 */
export const UNIT_TESTS = ['plugin/unit/**/*.test.ts', 'widget/unit/**/*.test.ts', 'docs/**/*.test.ts'];

/** Prepares the demo's database once per run; each file's Strapi starts on a copy (see the file). */
const PREPARED_DEMO_DATABASE = 'support/database-template.ts';

/**
 * Plugin tests: pure units once, and the integration suite against a real Strapi on SQLite and,
 * when test/run.ts found a PostgreSQL server (always in CI), on PostgreSQL too.
 */
const integration = (database: 'sqlite' | 'postgres', include = ['plugin/*.test.ts']) => ({
  extends: true,
  test: {
    name: database,
    include,
    env: { TEST_DATABASE: database },
    globalSetup: [PREPARED_DEMO_DATABASE],
  },
});

/**
 * TEST_SCOPE=node-version (CI's runs on Node 22 and 24, test/other-node.ts): only what can behave
 * differently on another Node. The rest is JavaScript whose behaviour Node's version does not
 * change, run once on the machine's Node. What differs by version: native code (better-sqlite3,
 * built per ABI, under every Strapi here), what the plugin answers with from Node's own libraries
 * (zlib's brotli and gzip, crypto's ETag hashes, http), V8 (graphql-jit compiles queries to
 * functions; Apollo's stack traces), ICU (Intl's plural rules, dates, language names, in the units),
 * ES modules loaded with require() (the pages' server renderer, the plain-English check's retext),
 * the demo app's first start on an empty database, and the demo with its pages in Chromium.
 */
const NODE_VERSION_SENSITIVE = {
  unit: UNIT_TESTS,
  sqlite: ['demo-seed', 'drafts', 'kinship-offer-query', 'offer-request-answer', 'http-caching', 'oruk-feed', 'saving', 'pages', 'plain-english'].map((name) => `plugin/${name}.test.ts`),
  e2e: ['e2e/example-pages.test.ts'],
};

/**
 * The example pages against the demo CMS in Chromium, on SQLite; e2e/reach.test.ts runs two
 * instances on one PostgreSQL (test/support/cluster.ts) and skips with TEST_POSTGRES=off.
 */
const endToEnd = (include = ['e2e/**/*.test.ts']) => ({
  extends: true,
  test: { name: 'e2e', include, env: { TEST_DATABASE: 'sqlite' }, globalSetup: [PREPARED_DEMO_DATABASE] },
});

const projectsOfNodeVersion = () => [
  { extends: true, test: { name: 'unit', include: NODE_VERSION_SENSITIVE.unit } },
  integration('sqlite', NODE_VERSION_SENSITIVE.sqlite),
  endToEnd(NODE_VERSION_SENSITIVE.e2e),
];

export default defineConfig({
  test: {
    root: import.meta.dirname,
    pool: 'forks',
    // A file per core, not vitest's one fewer: each file's Strapi, Chromium and databases wait on
    // one another often enough that another file fills the time (README: Tests, the figures).
    maxWorkers: availableParallelism(),
    testTimeout: 30_000,
    hookTimeout: 120_000,
    silent: 'passed-only',
    projects: process.env.TEST_SCOPE === 'node-version' ? projectsOfNodeVersion() : [
      { extends: true, test: { name: 'unit', include: UNIT_TESTS } },
      // The packed plugin installed into a fresh Strapi app: once, on its own SQLite.
      { extends: true, test: { name: 'package', include: ['package/**/*.test.ts'] } },
      integration('sqlite'),
      ...(process.env.TEST_POSTGRES === 'off' ? [] : [integration('postgres')]),
      // Two instances on one PostgreSQL behind nginx (test/run.ts starts or installs both).
      ...(process.env.TEST_POSTGRES === 'off' || process.env.TEST_CACHE === 'off'
        ? []
        : [{ extends: true, test: { name: 'deploy', include: ['deploy/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 240_000 } }]),
      ...(process.env.TEST_E2E === 'off' ? [] : [endToEnd()]),
    ],
  },
});
