/**
 * `npm run size`: what the widget bundle weighs (raw, gzip -9, brotli 11, in bytes) and what each
 * source module costs in it, so a change that grows the bundle shows where. Reads the build's
 * widget/dist/kinship-offer.js and its source map; no dependency beyond Node.
 *
 * Then the English first view: what a reader downloads before the offer is on screen, the served
 * widget.js as the CMS sends it (brotli) and the demo offer's answer to the widget (the recorded
 * fixture, compressed as the CMS sends it to every reader after the first: brotli 11), against the
 * first view before the languages work. Exits 1 when it is larger. Printed beside it, not counted:
 * service-details.js, which the element imports once the offer is shown (test/e2e/example-pages
 * proves the order), and so what a reader who stays on the page has downloaded in all.
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
const SERVED = path.join(ROOT, 'plugin/dist/widget/kinship-offer.js.br');
const SERVED_DETAILS = path.join(ROOT, 'plugin/dist/widget/service-details.js.br');
const DEMO_OFFER = path.join(ROOT, 'test/widget/fixtures/example-borough.json');

/**
 * The English first view before the languages work (5c595da, measured there): widget.js 14,656 B
 * and the demo offer's answer 9,109 B, brotli as the CMS sent them. Issue 24: it does not grow.
 */
export const FIRST_VIEW_BASELINE = 23_765;

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

/** The report, as `npm run size` prints it. */
function main() {
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

  const served = readFileSync(SERVED).length;
  const offer = brotli(JSON.stringify(JSON.parse(readFileSync(DEMO_OFFER, 'utf8'))));
  const firstView = served + offer;
  console.log(`\nEnglish first view: widget.js ${served} B + the demo offer ${offer} B = ${firstView} B brotli; before the languages work ${FIRST_VIEW_BASELINE} B: ${firstView <= FIRST_VIEW_BASELINE ? 'no larger' : `LARGER by ${firstView - FIRST_VIEW_BASELINE} B`}`);
  const details = readFileSync(SERVED_DETAILS).length;
  console.log(`After it, once the offer is shown: service-details.js ${details} B brotli; in all ${firstView + details} B`);
  if (firstView > FIRST_VIEW_BASELINE) process.exitCode = 1;
}

if (require.main === module) main();
