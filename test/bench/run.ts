/**
 * `npm run bench`: the public kinshipOffer query on the demo offer against a floor measured in the
 * same run (the same response bytes from a plain Node HTTP server). Machines here are noisy, so
 * read the ratio, not the milliseconds. Results also go to bench-results/latest.json.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildOfferRequest } from '../../widget/src/api/client';
import { OFFER_QUERY } from '../../widget/src/api/offer-query';
import { load, type LoadResult } from './load';
import { benchReach } from './reach';
import { soak } from './soak';
import { benchWidget } from './widget';

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 10);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const WARM_UP_SECONDS = 3;

function start(script: string, message?: string): Promise<{ child: ChildProcess; url: string }> {
  const child = fork(path.join(__dirname, script), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, TEST_DATABASE: 'sqlite', LOG_LEVEL: 'error' },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  if (message) child.send(message);
  return new Promise((resolve, reject) => {
    child.once('message', (reply: any) => resolve({ child, url: reply.url }));
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}

const row = (name: string, r: LoadResult) =>
  `${name.padEnd(26)} ${r.requestsPerSecond.toFixed(0).padStart(8)} ${r.p50.toFixed(2).padStart(8)} ${r.p95.toFixed(2).padStart(8)} ${String(r.errors).padStart(7)}`;

async function main() {
  const cms = await start('cms-process.ts');
  // The widget's own request (a GET the plugin answers from its cache while content is unchanged),
  // and the same query as a POST, which always runs GraphQL: the cost of a cache miss.
  const widgetRequest = buildOfferRequest(new URL(`${cms.url}/graphql`), 'example-borough');
  const post = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: OFFER_QUERY, variables: { slug: 'example-borough' } }) };
  const sample = await fetch(widgetRequest.url, widgetRequest.init);
  const body = await sample.text();
  if (!JSON.parse(body).data?.kinshipOffer) throw new Error(`The demo offer did not load: ${body.slice(0, 300)}`);
  const floor = await start('static-process.ts', body);

  const query = () => fetch(widgetRequest.url, widgetRequest.init);
  const uncached = () => fetch(`${cms.url}/graphql`, post);
  const staticFile = () => fetch(floor.url);
  for (const send of [query, uncached, staticFile]) await load(send, { concurrency: CONCURRENCY, seconds: WARM_UP_SECONDS });
  const results = {
    kinshipOffer: await load(query, { concurrency: CONCURRENCY, seconds: SECONDS }),
    kinshipOfferUncached: await load(uncached, { concurrency: CONCURRENCY, seconds: SECONDS }),
    staticFloor: await load(staticFile, { concurrency: CONCURRENCY, seconds: SECONDS }),
  };

  console.log(`\nkinshipOffer query on the demo offer (${Buffer.byteLength(body)} bytes, ${CONCURRENCY} concurrent clients, ${SECONDS} s each)\n`);
  console.log(`${''.padEnd(26)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'errors'.padStart(7)}`);
  console.log(row('widget GET (cached)', results.kinshipOffer));
  console.log(row('POST (GraphQL each time)', results.kinshipOfferUncached));
  console.log(row('static JSON (floor)', results.staticFloor));
  const ratios = {
    p50: results.kinshipOffer.p50 / results.staticFloor.p50,
    p95: results.kinshipOffer.p95 / results.staticFloor.p95,
    throughput: results.staticFloor.requestsPerSecond / results.kinshipOffer.requestsPerSecond,
  };
  const uncachedP50 = results.kinshipOfferUncached.p50 / results.staticFloor.p50;
  console.log(`\nratio to the floor: widget GET p50 ×${ratios.p50.toFixed(1)}, p95 ×${ratios.p95.toFixed(1)}, throughput ÷${ratios.throughput.toFixed(1)}; POST p50 ×${uncachedP50.toFixed(1)}\n`);

  const load50 = await soak(cms, query);
  console.log(`${load50.clients} concurrent clients for ${load50.steady.seconds.toFixed(0)} s (the widget's request)`);
  console.log(`  ${load50.steady.requestsPerSecond.toFixed(0)} req/s, p50 ${load50.steady.p50.toFixed(1)} ms, p99 ${load50.steady.p99.toFixed(1)} ms, ${load50.steady.errors} errors in ${load50.steady.requests} requests`);
  console.log(`  CMS RSS ${load50.rssMiB.before.toFixed(0)} MiB before, ${load50.rssMiB.after.toFixed(0)} MiB after, peak ${load50.rssMiB.peak.toFixed(0)} MiB (since start)`);
  console.log(`  restart under load: down ${(load50.restart.downMs / 1000).toFixed(1)} s, ${load50.restart.errors} of ${load50.restart.requests} requests failed meanwhile; published services ${load50.restart.publishedBefore} before, ${load50.restart.publishedAfter} after\n`);

  const widget = await benchWidget(cms.url);
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
  console.log('<kinship-offer> in Chromium');
  console.log(`  bundle on the wire (brotli): ${kb(widget.bundle.brotliBytes)} of ${kb(widget.bundle.budgetBytes)} (×${widget.bundle.ratio.toFixed(2)} of budget); gzip ${kb(widget.bundle.gzippedBytes)}`);
  console.log(`  filter change, 300 services: median ${widget.filter.medianMs.toFixed(1)} ms, worst ${widget.filter.maxMs.toFixed(1)} ms (×${widget.filter.ratio.toFixed(2)} of the 50 ms budget)`);
  console.log(`  repeat view:                offer body ${widget.repeatView.repeat?.bytes} bytes (first view ${widget.repeatView.first?.bytes} bytes): ${widget.repeatView.repeatTransfersBody ? 'sent again' : 'not sent again'}`);
  console.log(`  navigation to offer shown:  widget ${widget.timeToOffer.widgetMs.toFixed(0)} ms, static HTML ${widget.timeToOffer.staticMs.toFixed(0)} ms (×${widget.timeToOffer.ratio.toFixed(2)}; budget ×1.5)\n`);

  const out = path.resolve(__dirname, '../../bench-results');
  mkdirSync(out, { recursive: true });
  writeFileSync(
    path.join(out, 'latest.json'),
    JSON.stringify({ date: new Date().toISOString(), bytes: Buffer.byteLength(body), concurrency: CONCURRENCY, seconds: SECONDS, results, ratios, load50, widget }, null, 2),
  );

  floor.child.kill();
  cms.child.send('stop');
  await new Promise((resolve) => cms.child.once('exit', resolve));

  await benchReach();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
