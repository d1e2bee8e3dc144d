/**
 * A new Strapi 5 app as a council's developer makes one (create-strapi-app's files, by hand), with
 * the plugin installed from the tarball `npm run release -- --pack` makes and its one line of
 * configuration, outside the repository: Strapi's CLI takes the nearest tsconfig.json above an app
 * for the app's own, and the repository's would make `strapi build` compile the tests. Its
 * node_modules holds the unpacked plugin and links to the repository's packages (Strapi, React,
 * the plugin's dependencies), as npm would have installed them, but not to the workspaces.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strapiBin } from '../../examples/admin-build';

const root = path.resolve(__dirname, '../..');

/** A new empty folder outside the repository; the caller removes it. */
export const freshFolder = () => mkdtempSync(path.join(tmpdir(), 'kinship-offer-fresh-app-'));

/**
 * Packs the plugin as the README says (npm run release -- --pack) and returns the tarball's path.
 * The build is npm test's (`npm run build`), so packing does not run it again.
 */
export function packPlugin() {
  const packed = execFileSync('npm', ['run', '--silent', 'release', '--', '--pack'], { cwd: root, encoding: 'utf8', env: { ...process.env, npm_config_ignore_scripts: 'true' } });
  return path.resolve(root, packed.trim().split('\n').find((line) => line.includes('strapi-plugin-kinship-offer'))!);
}

/**
 * The packages create-strapi-app declares for the admin panel (Strapi's build refuses to run
 * without them), at the versions the demo app declares.
 */
const ADMIN_PACKAGES = ['react', 'react-dom', 'react-router-dom', 'styled-components'];

/**
 * Writes a new Strapi app in `app` with the plugin's one line of configuration and unpacks
 * `tarball` into its node_modules; returns the installed plugin's folder.
 */
export function writeFreshApp(app: string, tarball: string) {
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(app, file)), { recursive: true });
    writeFileSync(path.join(app, file), text);
  };
  const demo = JSON.parse(readFileSync(path.join(root, 'examples', 'cms', 'package.json'), 'utf8')).dependencies as Record<string, string>;
  write('package.json', JSON.stringify({
    name: 'fresh-council-cms',
    private: true,
    dependencies: {
      '@strapi/strapi': '5.54.0',
      '@strapi/plugin-users-permissions': '5.54.0',
      '@strapi/plugin-graphql': '5.54.0',
      'strapi-plugin-kinship-offer': '0.1.0',
      ...Object.fromEntries(ADMIN_PACKAGES.map((name) => [name, demo[name]])),
    },
  }));
  write('config/server.js', `module.exports = () => ({ host: '127.0.0.1', port: 0, app: { keys: ['fresh-key-1', 'fresh-key-2'] } });\n`);
  write('config/database.js', `module.exports = () => ({ connection: { client: 'sqlite', connection: { filename: ${JSON.stringify(path.join(app, '.tmp', 'data.db'))} }, useNullAsDefault: true } });\n`);
  write('config/admin.js', `module.exports = () => ({ auth: { secret: 'fresh-admin-secret' }, apiToken: { salt: 'fresh-salt' }, transfer: { token: { salt: 'fresh-transfer' } }, secrets: { encryptionKey: 'fresh-encryption-key-0123456789' } });\n`);
  write('config/middlewares.js', `module.exports = ['strapi::logger', 'strapi::errors', 'strapi::security', 'strapi::cors', 'strapi::poweredBy', 'strapi::query', 'strapi::body', 'strapi::session', 'strapi::favicon', 'strapi::public'];\n`);
  write('config/plugins.js', `module.exports = () => ({\n  'kinship-offer': { enabled: true },\n  'users-permissions': { config: { jwtSecret: 'fresh-jwt-secret' } },\n});\n`);
  write('src/index.js', 'module.exports = { register() {}, bootstrap() {} };\n');
  write('public/uploads/.gitkeep', '');

  const modules = path.join(app, 'node_modules');
  mkdirSync(modules, { recursive: true });
  // The workspaces (this plugin among them) are links in the repository's node_modules: left out.
  for (const name of readdirSync(path.join(root, 'node_modules'))) {
    const from = path.join(root, 'node_modules', name);
    if (!name.startsWith('.') && !lstatSync(from).isSymbolicLink()) symlinkSync(from, path.join(modules, name));
  }
  execFileSync('tar', ['-xzf', tarball, '-C', path.join(app, 'node_modules')]);
  const installed = path.join(app, 'node_modules', 'strapi-plugin-kinship-offer');
  renameSync(path.join(app, 'node_modules', 'package'), installed);
  return installed;
}

/**
 * `strapi build` in `app`, as its developer runs it before `strapi start`: the admin panel with the
 * installed plugin's admin part, into app/dist/build. Throws with Strapi's output if it fails.
 */
export function buildAdmin(app: string) {
  const build = spawnSync(process.execPath, [strapiBin, 'build'], { cwd: app, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`strapi build failed in the fresh app:\n${build.stdout}\n${build.stderr}`);
}
