/**
 * `npm test`: every test, against real parts. Starts (installing if need be) the PostgreSQL the
 * integration suite runs on besides SQLite (and the two instances of test/e2e/reach.test.ts),
 * Debian's Chromium for the widget and end-to-end tests, and Debian's nginx, the HTTP cache in
 * front of two instances in test/deploy/. In CI a missing part is a failure; on a developer's
 * machine, a loud skip.
 *
 * TEST_SCOPE=node-version runs only what can differ on another Node (test/vitest.config.mts):
 * no type check, no PostgreSQL or nginx, no widget tests in Chromium (the browser's, not Node's).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ensureAdminBuild } from '../examples/admin-build';
import { ensureNativeModules } from '../examples/native-modules';
import { ensureChromium } from './support/chromium';
import { ensureNginx } from './support/nginx';
import { ensurePostgres } from './support/postgres';

const root = path.resolve(__dirname, '..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);
const env: NodeJS.ProcessEnv = { ...process.env };
const whole = env.TEST_SCOPE !== 'node-version';
const skipped: string[] = [];

function needPart(part: string, problem: string | null, skip: () => void) {
  if (!problem) return;
  if (process.env.CI) {
    console.error(`${part} is needed in CI and could not be had:\n${problem}`);
    process.exit(1);
  }
  console.warn(`\n!! ${part} could not be had, so its tests are SKIPPED:\n   ${problem}\n`);
  skipped.push(part);
  skip();
}

ensureNativeModules();
if (whole) {
  needPart('PostgreSQL', ensurePostgres(), () => (env.TEST_POSTGRES = 'off'));
  needPart('nginx', ensureNginx(), () => (env.TEST_CACHE = 'off'));
}
const chromium = ensureChromium();
needPart('Chromium', chromium, () => (env.TEST_E2E = 'off'));

const run = (command: string, args: string[]) => spawnSync(command, args, { cwd: root, env, stdio: 'inherit' }).status ?? 1;

// Types first: the widget's bundle and the tests are compiled without a type check.
let failed = 0;
if (whole) for (const project of ['plugin', 'plugin/admin', 'widget', 'test', 'examples/cms']) failed ||= run(bin('tsc'), ['-p', project, '--noEmit']);
if (failed) {
  console.error('Type errors: see above.');
  process.exit(failed);
}

// The end-to-end tests open the plugin's pages in the built admin panel.
if (whole && env.TEST_E2E !== 'off') ensureAdminBuild();

failed = run(bin('vitest'), ['run', '--config', 'test/vitest.config.mts', ...process.argv.slice(2)]);
if (whole && !chromium) failed ||= run(bin('web-test-runner'), ['--config', 'test/widget/web-test-runner.config.mjs']);
if (skipped.length) console.warn(`\n!! Skipped: ${skipped.join(', ')} (see above).`);
process.exit(failed);
