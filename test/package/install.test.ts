/**
 * The plugin as a council's developer gets it: `npm pack`ed, installed into a fresh Strapi 5 app
 * whose only kinship-offer setting is the one line the README gives, and started. The tarball must
 * carry what it needs (licence, compiled server and admin, type declarations, the widget) and
 * declare every package its code loads, rather than working only because npm hoisted it here.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '@strapi/strapi';
import { destroyKeepingListeners } from '../support/cms';
import { graphql, rest } from '../support/http';

const require = createRequire(__filename);
const { createStrapi } = require('@strapi/strapi') as typeof import('@strapi/strapi');

const root = path.resolve(__dirname, '../..');
/** Inside the repository, so the app finds Strapi in its node_modules as an installed app would in its own. */
const work = () => {
  mkdirSync(path.join(root, 'test', '.tmp'), { recursive: true });
  return mkdtempSync(path.join(root, 'test', '.tmp', 'fresh-app-'));
};

let dir: string;
let installed: string;
let manifest: { dependencies?: Record<string, string>; peerDependencies?: Record<string, string>; files?: string[] };
let strapi: Core.Strapi;
let url: string;

const files = (base: string, at = base): string[] =>
  readdirSync(at, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(base, path.join(at, entry.name)) : [path.relative(base, path.join(at, entry.name))],
  );

/** A new Strapi app, as create-strapi-app makes one, with the plugin's one line of configuration. */
function writeFreshApp(app: string) {
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(app, file)), { recursive: true });
    writeFileSync(path.join(app, file), text);
  };
  write('package.json', JSON.stringify({
    name: 'fresh-council-cms',
    private: true,
    dependencies: {
      '@strapi/strapi': '5.54.0',
      '@strapi/plugin-users-permissions': '5.54.0',
      '@strapi/plugin-graphql': '5.54.0',
      'strapi-plugin-kinship-offer': '0.1.0',
    },
  }));
  write('config/server.js', `module.exports = () => ({ host: '127.0.0.1', port: 0, app: { keys: ['fresh-key-1', 'fresh-key-2'] } });\n`);
  write('config/database.js', `module.exports = () => ({ connection: { client: 'sqlite', connection: { filename: ${JSON.stringify(path.join(app, '.tmp', 'data.db'))} }, useNullAsDefault: true } });\n`);
  write('config/admin.js', `module.exports = () => ({ auth: { secret: 'fresh-admin-secret' }, apiToken: { salt: 'fresh-salt' }, transfer: { token: { salt: 'fresh-transfer' } }, secrets: { encryptionKey: 'fresh-encryption-key-0123456789' } });\n`);
  write('config/middlewares.js', `module.exports = ['strapi::logger', 'strapi::errors', 'strapi::security', 'strapi::cors', 'strapi::poweredBy', 'strapi::query', 'strapi::body', 'strapi::session', 'strapi::favicon', 'strapi::public'];\n`);
  write('config/plugins.js', `module.exports = () => ({\n  'kinship-offer': { enabled: true },\n  'users-permissions': { config: { jwtSecret: 'fresh-jwt-secret' } },\n});\n`);
  write('src/index.js', 'module.exports = { register() {}, bootstrap() {} };\n');
  write('public/uploads/.gitkeep', '');
}

beforeAll(async () => {
  dir = work();
  // Packed as the README says (npm run release -- --pack); the build is npm test's, so packing does not run it again.
  const packed = execFileSync('npm', ['run', '--silent', 'release', '--', '--pack'], { cwd: root, encoding: 'utf8', env: { ...process.env, npm_config_ignore_scripts: 'true' } });
  const tarball = path.resolve(root, packed.trim().split('\n').find((line) => line.includes('strapi-plugin-kinship-offer'))!);
  const app = path.join(dir, 'app');
  writeFreshApp(app);
  mkdirSync(path.join(app, 'node_modules'), { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', path.join(app, 'node_modules')]);
  installed = path.join(app, 'node_modules', 'strapi-plugin-kinship-offer');
  renameSync(path.join(app, 'node_modules', 'package'), installed);
  manifest = JSON.parse(readFileSync(path.join(installed, 'package.json'), 'utf8'));

  process.env.LOG_LEVEL ??= 'warn';
  strapi = await createStrapi({ appDir: app, distDir: app, autoReload: false, serveAdminPanel: false }).load();
  await strapi.listen();
  const address = strapi.server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('Strapi is not listening on a port');
  url = `http://127.0.0.1:${address.port}`;
}, 180_000);

afterAll(async () => {
  if (strapi) await destroyKeepingListeners(strapi);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the packed plugin', () => {
  it('carries its licence, compiled server and admin, type declarations and the widget', () => {
    const packed = files(installed);
    expect(packed).toEqual(
      expect.arrayContaining([
        'LICENSE',
        'README.md',
        'package.json',
        'dist/server/src/index.js',
        'dist/server/src/index.d.ts',
        'dist/shared/offer-view.d.ts',
        'dist/admin/admin/src/index.js',
        'dist/widget/kinship-offer.js',
        'dist/widget/kinship-offer.js.br',
        'dist/widget/kinship-offer.js.gz',
      ]),
    );
    expect(readFileSync(path.join(installed, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
    expect(packed.filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))).toEqual([]);
  });

  it('declares every package its code loads', () => {
    const declared = new Set([...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})]);
    const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
    const loaded = new Set<string>();
    // The pages' renderer is an ES module (.mjs): its imports are declared too.
    for (const file of files(installed).filter((file) => /\.m?js$/.test(file) && !file.startsWith('dist/widget/'))) {
      const source = readFileSync(path.join(installed, file), 'utf8');
      for (const [, specifier] of source.matchAll(/(?:require\(|from |import\()\s*["']([^"'.][^"']*)["']/g)) {
        const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
        if (!builtins.has(specifier) && !builtins.has(name)) loaded.add(name);
      }
    }
    expect([...loaded].filter((name) => !declared.has(name))).toEqual([]);
    expect(loaded).toContain('graphql-depth-limit');
  });
});

describe('a fresh Strapi 5 app with the one line of configuration', () => {
  it('has the content types and the public read API', async () => {
    expect(strapi.contentType('plugin::kinship-offer.offer')).toBeDefined();
    const { status, body } = await rest(url, '/offers');
    expect(status).toBe(200);
    expect(body.data).toEqual([]);
  });

  it('answers the GraphQL queries the README names', async () => {
    const { data, errors } = await graphql(url, '{ kinshipOffer(slug: "none") { name } kinshipOfferOffers { name } kinshipOfferServices { title } }');
    expect(errors).toBeUndefined();
    expect(data).toEqual({ kinshipOffer: null, kinshipOfferOffers: [], kinshipOfferServices: [] });
  });

  it('serves the widget', async () => {
    const response = await fetch(`${url}/api/kinship-offer/widget.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    expect(await response.text()).toContain('kinship-offer');
  });

  it('loads an offer through the importer and shows it once published', async () => {
    await strapi.plugin('kinship-offer').service('importer').importOffer({
      offer: { name: 'Fresh Council', slug: 'fresh-council', councils: [{ name: 'Fresh Council', gssCode: 'E06000999' }] },
      services: [],
    });
    const { data } = await graphql(url, '{ kinshipOffer(slug: "fresh-council") { name locale } }');
    expect(data.kinshipOffer).toEqual({ name: 'Fresh Council', locale: 'en' });
  });

  it('serves the offer\'s public page from its own build, and its stylesheet', async () => {
    const response = await fetch(`${url}/kinship-offer/fresh-council`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<h1 class="first">Fresh Council</h1>');
    const stylesheet = /<link rel="stylesheet" href="([^"]+)">/.exec(html)![1];
    expect((await fetch(stylesheet)).status).toBe(200);
  });
});
