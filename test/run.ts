/**
 * `npm test`: every test, against real parts. Starts (installing if need be) the PostgreSQL the
 * integration suite runs on besides SQLite; in CI a missing PostgreSQL is a failure, on a
 * developer's machine a loud skip.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ensurePostgres } from './support/postgres';

const root = path.resolve(__dirname, '..');
const env: NodeJS.ProcessEnv = { ...process.env };

const postgresProblem = ensurePostgres();
if (postgresProblem) {
  if (process.env.CI) {
    console.error(`PostgreSQL is needed in CI and could not be started:\n${postgresProblem}`);
    process.exit(1);
  }
  console.warn(`\n!! PostgreSQL could not be started, so the PostgreSQL suite is SKIPPED:\n   ${postgresProblem}\n`);
  env.TEST_POSTGRES = 'off';
}

const vitest = spawnSync(
  path.join(root, 'node_modules', '.bin', 'vitest'),
  ['run', '--config', 'test/vitest.config.mts', ...process.argv.slice(2)],
  { cwd: root, env, stdio: 'inherit' },
);
process.exit(vitest.status ?? 1);
