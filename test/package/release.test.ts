/**
 * `npm run release` (scripts/release.ts), as whoever publishes runs it: a dry run packs both
 * packages at the new version and leaves the repository as it was; a version it cannot take is
 * refused with a reason.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
// Packing must not build again: the build is npm test's.
const env = { ...process.env, npm_config_ignore_scripts: 'true' };
const release = (...args: string[]) => spawnSync('npm', ['run', '--silent', 'release', '--', ...args], { cwd: root, env, encoding: 'utf8' });
const tracked = ['CHANGELOG.md', 'plugin/package.json', 'widget/package.json'];
const snapshot = () => tracked.map((file) => readFileSync(path.join(root, file), 'utf8'));

describe('npm run release', () => {
  it('packs the plugin and the element at the new version in a dry run, and changes no file', () => {
    const before = snapshot();
    const run = release('99.0.0', '--dry-run');
    expect(run.status, run.stderr).toBe(0);
    const tarballs = run.stdout.split('\n').map((line) => line.trim()).filter((line) => line.endsWith('.tgz'));
    expect(tarballs.map((t) => path.basename(t)).sort()).toEqual(['kinship-offer-widget-99.0.0.tgz', 'strapi-plugin-kinship-offer-99.0.0.tgz']);
    const manifest = JSON.parse(execFileSync('tar', ['-xzOf', tarballs.find((t) => t.includes('strapi-plugin'))!, 'package/package.json'], { encoding: 'utf8' }));
    expect(manifest.version).toBe('99.0.0');
    // The widget's module and the chunk it imports once an offer is shown.
    const widgetFiles = execFileSync('tar', ['-tzf', tarballs.find((t) => t.includes('kinship-offer-widget'))!], { encoding: 'utf8' }).split('\n');
    expect(widgetFiles).toEqual(expect.arrayContaining(['package/dist/kinship-offer.js', 'package/dist/service-details.js']));
    expect(snapshot()).toEqual(before);
  }, 120_000);

  it.each([
    ['1.2', '"1.2" is not a semver version'],
    ['0.0.1', 'is not above the current version'],
  ])('refuses %s with a reason', (version, reason) => {
    const run = release(version, '--dry-run');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(reason);
  });

  it('asks for a version or --pack', () => {
    const run = release();
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('give a version');
  });
});
