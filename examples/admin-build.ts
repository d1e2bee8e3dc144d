/**
 * The demo app's admin panel, built by `strapi build` (about a minute) into examples/cms/dist/build.
 * It bundles the plugin's admin part (plugin/dist/admin), so it is rebuilt whenever that changes:
 * the build records a hash of what it bundled.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const cmsDir = path.join(__dirname, 'cms');
const pluginAdminDir = path.join(__dirname, '..', 'plugin', 'dist', 'admin');
const buildDir = path.join(cmsDir, 'dist', 'build');
const stamp = path.join(buildDir, '.plugin-admin-hash');

/** The Strapi CLI. Its `bin` is not in the package's exports map: found beside its package.json. */
export const strapiBin = path.join(path.dirname(require.resolve('@strapi/strapi/package.json', { paths: [cmsDir] })), 'bin', 'strapi.js');

function hashOf(dir: string): string {
  const hash = createHash('sha256');
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else hash.update(path.relative(dir, full)).update(readFileSync(full));
    }
  };
  if (existsSync(dir)) walk(dir);
  return hash.digest('hex');
}

/** True when the admin panel is missing or older than the plugin's admin part. */
export const adminBuildIsStale = () =>
  !existsSync(path.join(buildDir, 'index.html')) || !existsSync(stamp) || readFileSync(stamp, 'utf8') !== hashOf(pluginAdminDir);

/** Builds the admin panel if it is stale (or `force`); exits the process if the build fails. */
export function ensureAdminBuild({ force = false } = {}) {
  if (!force && !adminBuildIsStale()) return;
  console.log('Building the Strapi admin panel with the plugin\'s pages (about a minute)…');
  const build = spawnSync(process.execPath, [strapiBin, 'build'], { cwd: cmsDir, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  writeFileSync(stamp, hashOf(pluginAdminDir));
}
