/**
 * The npm package (kinship-offer-widget) as a site's own bundler takes it: packed as npm packs it,
 * unpacked into a site's node_modules, bundled by esbuild and Rollup in the ways docs/web-teams.md
 * ("The npm package") says work, with code splitting and without, as a classic script, and served
 * as it is. In Chromium, against the demo CMS, each page shows the offer, and a service opened shows
 * its details (dist/service-details.js, which the module imports once an offer is shown).
 * esbuild and Rollup are the repository's own (tsx's and the widget's build's), not added for this.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { startCms, type TestCms } from '../support/cms';
import { freshFolder } from '../support/fresh-app';

const require = createRequire(__filename);
const root = path.resolve(__dirname, '../..');
let site: string;
let cms: TestCms;
let server: Server;
let siteUrl: string;
let browser: Browser;

/** What a site writes: one import of the package. */
const ENTRY = "import 'kinship-offer-widget';\n";

const page = (script: string, { module = true, lang = '' } = {}) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Site</title><link rel="icon" href="data:,"></head><body>
<kinship-offer offer="example-borough" endpoint="${cms.url}/graphql"${lang ? ` lang="${lang}"` : ''}><p>Fallback</p></kinship-offer>
<script${module ? ' type="module"' : ''} src="${script}"></script>
</body></html>`;

beforeAll(async () => {
  site = freshFolder();
  // The package as npm packs it (files, exports), from the build the suite made.
  const tarball = execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', site], { cwd: path.join(root, 'widget'), encoding: 'utf8' }).trim();
  const installed = path.join(site, 'node_modules', 'kinship-offer-widget');
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['-xzf', path.join(site, tarball), '-C', installed, '--strip-components=1']);
  writeFileSync(path.join(site, 'main.js'), ENTRY);

  cms = await startCms();
  server = createServer((request, response) => {
    const file = path.join(site, decodeURIComponent(new URL(request.url!, 'http://site').pathname));
    try {
      const body = readFileSync(file);
      response.writeHead(200, { 'content-type': file.endsWith('.html') ? 'text/html' : file.endsWith('.json') ? 'application/json' : 'text/javascript' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  siteUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
  await cms?.stop();
  if (site) rmSync(site, { recursive: true, force: true });
});

/** Opens the page; the offer must show, and a service opened its cost, with nothing wrong in the console. */
async function showsDetails(address: string) {
  const tab = await browser.newPage();
  const problems: string[] = [];
  tab.on('pageerror', (error) => problems.push(error.message));
  tab.on('console', (message) => ['error', 'warning'].includes(message.type()) && problems.push(message.text()));
  try {
    await tab.goto(`${siteUrl}/${address}`);
    const widget = tab.locator('kinship-offer');
    const service = widget.locator('[part="service"]').nth(1);
    await service.locator('summary').click();
    await service.locator('.details').waitFor();
    expect(await service.locator('.details').textContent()).toContain('Cost');
    expect(problems).toEqual([]);
  } finally {
    await tab.close();
  }
}

describe('the npm package in a site', { timeout: 60_000 }, () => {
  it('served as it is: the module imports its second file from beside itself', async () => {
    writeFileSync(path.join(site, 'as-is.html'), page('/node_modules/kinship-offer-widget/dist/kinship-offer.js'));
    await showsDetails('as-is.html');
  });

  it.each([
    ['esbuild, split', { splitting: true, format: 'esm' }, true],
    ['esbuild, not split', { format: 'esm' }, true],
    // esbuild's default format: a classic script, with no import.meta.url (packs have no address).
    ['esbuild, as a classic script', {}, false],
  ] as const)('%s', async (name, options, module) => {
    const out = name.replace(/\W+/g, '-');
    const { build } = require('esbuild') as typeof import('esbuild');
    await build({ absWorkingDir: site, entryPoints: ['main.js'], bundle: true, ...options, outdir: out, logLevel: 'silent' });
    writeFileSync(path.join(site, out, 'index.html'), page('main.js', { module }));
    await showsDetails(`${out}/index.html`);
    // Another language, its pack not beside the bundle (the guide says to copy it there): English words, not the fallback.
    writeFileSync(path.join(site, out, 'cy.html'), page('main.js', { module, lang: 'cy' }));
    await showsDetailsAllowingMissingPack(`${out}/cy.html`);
  });

  it.each([false, true])('Rollup, inlineDynamicImports: %s', async (inline) => {
    const { rollup } = await import('rollup');
    const { nodeResolve } = await import('@rollup/plugin-node-resolve');
    const out = `rollup-${inline}`;
    const bundle = await rollup({ input: path.join(site, 'main.js'), plugins: [nodeResolve({ rootDir: site })], logLevel: 'silent' });
    await bundle.write({ dir: path.join(site, out), format: 'es', inlineDynamicImports: inline });
    await bundle.close();
    writeFileSync(path.join(site, out, 'index.html'), page('main.js'));
    await showsDetails(`${out}/index.html`);
  });
});

/** As showsDetails, but the pack's 404 (the browser logs it as an error) is expected. */
async function showsDetailsAllowingMissingPack(address: string) {
  const tab = await browser.newPage();
  const problems: string[] = [];
  tab.on('pageerror', (error) => problems.push(error.message));
  tab.on('console', (message) => message.type() === 'warning' && problems.push(message.text()));
  try {
    await tab.goto(`${siteUrl}/${address}`);
    const service = tab.locator('kinship-offer [part="service"]').nth(1);
    await service.locator('summary').click();
    await service.locator('.details').waitFor();
    expect(problems).toEqual([]);
  } finally {
    await tab.close();
  }
}
