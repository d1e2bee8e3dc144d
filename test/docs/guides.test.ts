/**
 * Docs that cannot rot: the README and the guides in docs/ are checked against the code they
 * describe. A link inside the repository must reach its file and heading; a file the prose names
 * must exist; every plugin option must be in the operators' table with its real default, and
 * nothing else may be; every `npm run` names a script; every plugin config sample must pass the
 * plugin's own validator.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import pluginConfig from '../../plugin/server/src/config';

const root = path.resolve(__dirname, '../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const DOCS = ['README.md', 'CHANGELOG.md', 'SECURITY.md', 'plugin/README.md', ...readdirSync(path.join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)]
  .filter((file) => existsSync(path.join(root, file)));

/** What a run makes and git ignores (the demo's database, test artifacts): named, never committed. */
const generated = (file: string) => spawnSync('git', ['check-ignore', '-q', file], { cwd: root }).status === 0;

/** Text outside fenced code blocks (links and paths in samples are the sample's, not ours). */
const prose = (text: string) => text.replace(/^```[\s\S]*?^```/gm, '');
/** Fenced code blocks of a language: their bodies. */
const blocks = (text: string, language: string) =>
  [...text.matchAll(new RegExp(`^\`\`\`${language}\\n([\\s\\S]*?)^\`\`\``, 'gm'))].map((match) => match[1]);

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
const anchorOf = (heading: string) =>
  heading.trim().toLowerCase().replace(/[`*_]/g, '').replace(/[^\p{L}\p{N} -]/gu, '').replace(/ /g, '-');
const anchorsIn = (text: string) => new Set([...prose(text).matchAll(/^#{1,6} (.+)$/gm)].map((match) => anchorOf(match[1])));

describe.each(DOCS)('%s', (doc) => {
  const text = read(doc);

  it('links only to files and headings that exist', () => {
    const broken: string[] = [];
    for (const [, target] of prose(text).matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/i.test(target)) continue; // https:, mailto:, …
      const [file, anchor] = target.split('#');
      const resolved = file ? path.join(path.dirname(doc), file) : doc;
      if (!existsSync(path.join(root, resolved))) broken.push(`${target} (no file ${resolved})`);
      else if (anchor && resolved.endsWith('.md') && !anchorsIn(read(resolved)).has(anchor)) broken.push(`${target} (no heading #${anchor} in ${resolved})`);
    }
    expect(broken).toEqual([]);
  });

  it('names only files and folders of the repository that exist', () => {
    const missing = [...prose(text).matchAll(/`((?:plugin|widget|examples|test|docs)\/[\w./-]+)`/g)]
      .map((match) => match[1].replace(/[.,]$/, ''))
      .filter((file) => !file.includes('*') && !existsSync(path.join(root, file)) && !generated(file));
    expect(missing).toEqual([]);
  });

  it('runs only npm scripts that exist', () => {
    const scripts = Object.keys(JSON.parse(read('package.json')).scripts);
    const named = [...text.matchAll(/npm run ([\w:-]+)/g)].map((match) => match[1]);
    expect(named.filter((name) => !scripts.includes(name))).toEqual([]);
  });

  it('gives plugin settings the plugin accepts', () => {
    for (const sample of blocks(text, 'ts').filter((code) => code.includes("'kinship-offer'"))) {
      const code = sample.replace(/\/\/.*$/gm, '').trim();
      const body = code.startsWith('export default') ? code.replace(/^export default\s*\(\)\s*=>\s*/, 'return ') : `return ({ ${code} })`;
      const settings = new Function(body)()['kinship-offer'];
      const config = settings.config ?? {};
      for (const key of Object.keys(config)) expect(pluginConfig.default, `${doc}: "${key}" is not a plugin setting`).toHaveProperty(key);
      expect(() => pluginConfig.validator({ ...pluginConfig.default, ...config }), sample).not.toThrow();
    }
  });
});

describe('the operators guide', () => {
  /** Every plugin setting with its default, `cache.sharedMaxAge` for nested ones. */
  const settings: Array<[string, unknown]> = Object.entries(pluginConfig.default).flatMap(([key, value]): Array<[string, unknown]> =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.entries(value).map(([inner, innerValue]): [string, unknown] => [`${key}.${inner}`, innerValue])
      : [[key, value]],
  );
  /** Rows of the settings table: | `name` … | plugin config | default | what it does |. */
  const rows = new Map(
    [...read('docs/operators.md').matchAll(/^\| `([\w.]+)`[^|]*\| plugin config \| ([^|]+) \|/gm)].map((match) => [match[1], match[2].trim()]),
  );

  it.each(settings)('lists the setting %s with its default', (name, value) => {
    expect(rows.has(name), `docs/operators.md has no row for ${name}`).toBe(true);
    const written = rows.get(name)!.replace(/`/g, '').replace(/,/g, '');
    expect(written).toBe(typeof value === 'object' ? JSON.stringify(value) : String(value));
  });

  it('lists no setting the plugin does not have', () => {
    const names = settings.map(([name]) => name);
    expect([...rows.keys()].filter((name) => !names.includes(name))).toEqual([]);
  });
});
