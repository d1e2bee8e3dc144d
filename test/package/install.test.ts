/**
 * The plugin as a council's developer gets it: `npm pack`ed, installed into a fresh Strapi 5 app
 * whose only kinship-offer setting is the one line the README gives (test/support/fresh-app.ts),
 * its admin panel built, and started. The tarball must carry what it needs (licence, compiled server
 * and admin, type declarations, the widget) and declare every package its code loads, rather than
 * working only because npm hoisted it here; and an editor must be able to use the admin's forms
 * there as in the demo (the same scenario as test/e2e/editor-forms.test.ts, in Chromium).
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '@strapi/strapi';
import { editorCreatesAnOffer, listsShowLabels, openAdmin, SLOW } from '../support/admin-forms';
import { destroyKeepingListeners } from '../support/cms';
import { buildAdmin, freshFolder, packPlugin, writeFreshApp } from '../support/fresh-app';
import { graphql, rest } from '../support/http';

const require = createRequire(__filename);
const { createStrapi } = require('@strapi/strapi') as typeof import('@strapi/strapi');

/** Chromium drives the fresh app's admin unless test/run.ts found none (then the e2e tests skip too). */
const withAdmin = process.env.TEST_E2E !== 'off';

let dir: string;
let installed: string;
let manifest: { dependencies?: Record<string, string>; peerDependencies?: Record<string, string>; files?: string[] };
let strapi: Core.Strapi;
let url: string;
let browser: Browser | undefined;

const files = (base: string, at = base): string[] =>
  readdirSync(at, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(base, path.join(at, entry.name)) : [path.relative(base, path.join(at, entry.name))],
  );

beforeAll(async () => {
  dir = freshFolder();
  const app = path.join(dir, 'app');
  installed = writeFreshApp(app, packPlugin());
  manifest = JSON.parse(readFileSync(path.join(installed, 'package.json'), 'utf8'));
  // Its admin panel as its developer builds it (about 35 s of CPU, most of it Vite bundling Strapi's own admin).
  if (withAdmin) buildAdmin(app);

  process.env.LOG_LEVEL ??= 'warn';
  strapi = await createStrapi({ appDir: app, distDir: app, autoReload: false, serveAdminPanel: withAdmin }).load();
  await strapi.listen();
  const address = strapi.server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('Strapi is not listening on a port');
  url = `http://127.0.0.1:${address.port}`;
}, 600_000);

afterAll(async () => {
  await browser?.close();
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
        'dist/widget/service-details.js',
        'dist/widget/service-details.js.br',
        'dist/widget/service-details.js.gz',
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

describe.skipIf(!withAdmin)('an editor in the fresh app\'s admin', { timeout: SLOW * 3 }, () => {
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    // The first administrator, as the admin's welcome form registers them.
    const response = await fetch(`${url}/admin/register-admin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ firstname: 'Fresh', lastname: 'Editor', email: 'fresh-editor@example.gov.uk', password: 'Fresh-Editor-2026' }),
    });
    expect(response.status).toBe(200);
    ({ browser, page, problems } = await openAdmin(url, ((await response.json()) as { data: { token: string } }).data.token));
  }, 120_000);

  it('creates a service and an offer without typing JSON; the element\'s read and the feed show exactly that', () => editorCreatesAnOffer(page, url, 'fresh-app-forms'));

  it('sees labels, not codes, in the lists', () => listsShowLabels(page));

  it('raised no error in the page', () => {
    expect(problems).toEqual([]);
  });
});
