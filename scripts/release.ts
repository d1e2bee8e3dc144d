/**
 * `npm run release`: makes the two npm packages, the plugin (strapi-plugin-kinship-offer) and the
 * element (kinship-offer-widget), as tarballs in release/, so that publishing is one command for
 * whoever holds the npm account. Versions follow semver and move together.
 *
 *   npm run release -- --pack              the current version, packed (to install before it is on npm)
 *   npm run release -- 0.2.0 --dry-run     what a release would do, packed in a temporary folder;
 *                                          the repository is left as it was
 *   npm run release -- 0.2.0               sets the version in both packages, dates CHANGELOG.md's
 *                                          "Unreleased" section as [0.2.0], and packs
 *   npm run release -- 0.2.0 --publish     the same, then `npm publish` of both tarballs
 *
 * Exits 2, saying why, for a version that is not semver or not above the current one, or a
 * CHANGELOG.md whose "Unreleased" section is empty (a release says what changed: Keep a Changelog).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const PACKAGES = ['plugin', 'widget'];
const CHANGELOG = path.join(root, 'CHANGELOG.md');
const SEMVER = /^(\d+)\.(\d+)\.(\d+)(?:-[0-9A-Za-z.-]+)?$/;

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const version = args.find((arg) => !arg.startsWith('--'));

function refuse(message: string): never {
  console.error(`release: ${message}`);
  process.exit(2);
}

const manifestPath = (dir: string) => path.join(root, dir, 'package.json');
const readManifest = (dir: string) => JSON.parse(readFileSync(manifestPath(dir), 'utf8'));
const current: string = readManifest('plugin').version;

/** -1, 0 or 1: a against b, by major, minor and patch (a pre-release counts as below its release). */
function compare(a: string, b: string) {
  const [pa, pb] = [a, b].map((v) => SEMVER.exec(v)!.slice(1, 4).map(Number));
  for (let i = 0; i < 3; i += 1) if (pa[i] !== pb[i]) return Math.sign(pa[i] - pb[i]);
  return Math.sign(Number(!a.includes('-')) - Number(!b.includes('-')));
}

/** CHANGELOG.md with its Unreleased section dated as `version`, and a new empty Unreleased above it. */
function datedChangelog(text: string, release: string) {
  const match = /^## \[Unreleased\]\n([\s\S]*?)(?=^## \[|(?![\s\S]))/m.exec(text);
  if (!match || !match[1].trim()) refuse('CHANGELOG.md has nothing under "## [Unreleased]": say what this release changes first.');
  const today = new Date().toISOString().slice(0, 10);
  return text.replace('## [Unreleased]\n', `## [Unreleased]\n\n## [${release}] - ${today}\n`);
}

/** npm pack of each package into `destination`; returns the tarballs' paths. */
function pack(destination: string) {
  mkdirSync(destination, { recursive: true });
  return PACKAGES.map((dir) => {
    const name = execFileSync('npm', ['pack', '--silent', '--pack-destination', destination], { cwd: path.join(root, dir), encoding: 'utf8' }).trim().split('\n').pop()!;
    return path.join(destination, name);
  });
}

if (!version) {
  if (!flag('--pack')) refuse('give a version (npm run release -- 0.2.0 [--dry-run | --publish]) or --pack for the current one.');
  for (const tarball of pack(path.join(root, 'release'))) console.log(path.relative(root, tarball));
  process.exit(0);
}
if (!SEMVER.test(version)) refuse(`"${version}" is not a semver version such as 0.2.0.`);
if (compare(version, current) <= 0) refuse(`${version} is not above the current version, ${current}.`);

const originals = new Map([CHANGELOG, ...PACKAGES.map(manifestPath)].map((file) => [file, readFileSync(file, 'utf8')]));
const changelog = datedChangelog(originals.get(CHANGELOG)!, version);
try {
  for (const dir of PACKAGES) writeFileSync(manifestPath(dir), `${JSON.stringify({ ...readManifest(dir), version }, null, 2)}\n`);
  writeFileSync(CHANGELOG, changelog);
  const destination = flag('--dry-run') ? mkdtempSync(path.join(tmpdir(), 'kinship-offer-release-')) : path.join(root, 'release');
  const tarballs = pack(destination);
  console.log(`${flag('--dry-run') ? 'Would release' : 'Released'} ${current} → ${version}:`);
  for (const tarball of tarballs) console.log(`  ${tarball}`);
  if (flag('--publish')) for (const tarball of tarballs) execFileSync('npm', ['publish', tarball], { stdio: 'inherit' });
  else if (!flag('--dry-run')) console.log(`Publish with: ${tarballs.map((t) => `npm publish ${path.relative(root, t)}`).join(' && ')}`);
} finally {
  if (flag('--dry-run')) for (const [file, text] of originals) writeFileSync(file, text);
}
