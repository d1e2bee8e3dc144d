/**
 * `npm run size`: what the widget bundle weighs (raw, gzip -9, brotli 11, in bytes) and what each
 * source module costs in it, so a change that grows the bundle shows where. Reads the build's
 * widget/dist/kinship-offer.js and its source map; no dependency beyond Node.
 *
 * A module's "gzip" is what the gzipped bundle loses without that module's minified characters:
 * gzip shares repeated text between modules, so these do not add up to the total, and code that
 * repeats another module's text costs little. Node's zlib at level 9 gives a few bytes more than
 * the gzip command (`gzip -9c widget/dist/kinship-offer.js | wc -c`), about 60 in 15,600.
 */
import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const ROOT = path.resolve(__dirname, '../..');
const BUNDLE = path.join(ROOT, 'widget/dist/kinship-offer.js');

const gzip = (text: string) => gzipSync(text, { level: 9 }).length;
const brotli = (text: string) =>
  brotliCompressSync(text, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: text.length } }).length;

/** Each character of the bundle with the source module it came from (by the nearest mapping before it). */
function modulesOf(code: string, map: SourceMap): string[] {
  const owners: string[] = [];
  code.split('\n').forEach((line, lineNumber) => {
    let owner = '(rollup)';
    for (let column = 0; column < line.length; column += 1) {
      const entry = map.findEntry(lineNumber, column) as { generatedLine?: number; generatedColumn?: number; originalSource?: string };
      if (entry.originalSource && entry.generatedLine === lineNumber && entry.generatedColumn === column) {
        owner = path.relative(ROOT, path.resolve(path.dirname(BUNDLE), entry.originalSource)).replace(/^node_modules\//, '');
      }
      owners.push(owner);
    }
    owners.push(owner); // the newline
  });
  return owners;
}

const code = readFileSync(BUNDLE, 'utf8');
const map = new SourceMap(JSON.parse(readFileSync(`${BUNDLE}.map`, 'utf8')));
const owners = modulesOf(code, map);
const total = gzip(code);
console.log(`widget/dist/kinship-offer.js: ${Buffer.byteLength(code)} B raw, ${total} B gzip -9, ${brotli(code)} B brotli 11`);
console.log(`${'raw'.padStart(7)} ${'gzip'.padStart(6)}  module`);
const rows = [...new Set(owners)].map((module) => {
  const without = [...code + '\n'].filter((_, i) => owners[i] !== module).join('');
  return { module, raw: owners.filter((owner) => owner === module).length, gzip: total - gzip(without) };
});
for (const row of rows.sort((a, b) => b.gzip - a.gzip)) console.log(`${String(row.raw).padStart(7)} ${String(row.gzip).padStart(6)}  ${row.module}`);
