/**
 * The scale table: fictional offers (./fictional-offers) of 30, 300 and 3,000 services in
 * instances holding 1, 10 and 100 offers, each read as the widget reads it:
 * - cached: throughput and p50 beside the floor (the same compressed bytes from a plain server);
 * - cold (content just changed: a service of that offer edited and published first): p50, and the
 *   database queries the read ran, which stay the same whatever the number of services; and cold
 *   after a change every service shows (a term relabelled), which reads every service again;
 * - the CMS's resident memory before the row (idle) and at its peak during it.
 * And the Open Referral feed's `/services` (one page, every service) and `/services/{id}` at 30
 * and 1,000 services (issue 10), beside the floor.
 *
 * The grid is the useful subset of 1, 10, 100 offers × 30, 300, 3,000 services (inserting offers
 * takes most of the time): offers grow in two instances, one of 30-service offers (1, 10, 100 of
 * them) and one where offers of 300, 1,000 and 3,000 services are added in turn, each read on its own.
 * BENCH_SCALE=quick keeps 1×30, 10×30 and 1×300, and the feed at 30 and 300.
 */
import { writeFileSync } from 'node:fs';
import { buildOfferRequest } from '../../widget/src/api/client';
import { ask, BROWSER_ENCODINGS, coldReads, rawGet, SECONDS, start, stop, versusFloor, type Child, type VersusFloor } from './harness';
import { rssMiB } from './soak';

const QUICK = process.env.BENCH_SCALE === 'quick';
/**
 * autocannon's latency histogram counts whole milliseconds: a cached p50 of 0 means under 1 ms,
 * and ratios to it are taken against 1 ms, as lower bounds.
 */
const WHOLE_MS = 1;
const SCALE_SECONDS = Math.min(SECONDS, 5);

export interface ScaleRow {
  /** Generated offers in the instance (the demo's two besides), and services in the offer read. */
  offers: number;
  services: number;
  cached: VersusFloor;
  cold: { p50: number; queries: number };
  /** After a change every service shows (a term's label): every service read again. */
  coldEveryService: { p50: number; queries: number };
  /** Cold p50 over cached p50 (at least 1 ms: see WHOLE_MS); a lower bound when `cachedUnderOneMs`. */
  coldOverCached: number;
  cachedUnderOneMs: boolean;
  rssMiB: { idle: number; peak: number };
}

export interface FeedRow {
  services: number;
  list: VersusFloor;
  one: VersusFloor;
}

const offerUrl = (cms: Child, slug: string) => buildOfferRequest(new URL(`${cms.url}/graphql`), slug).url;

async function generate(cms: Child, offers: number, services: number, firstOffer: number): Promise<string[]> {
  const { slugs, seconds } = await ask(cms.child, { generate: { offers, services, firstOffer } });
  console.log(`  inserted ${offers} offer(s) of ${services} services in ${seconds.toFixed(0)} s`);
  return slugs;
}

async function row(cms: Child, floor: Child, slug: string, offers: number, services: number): Promise<ScaleRow> {
  const pid = cms.child.pid!;
  // Linux: writing 5 to clear_refs resets the peak (VmHWM) to the present size.
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
  const idle = rssMiB(pid, 'VmRSS');
  const url = offerUrl(cms, slug);
  const cached = await versusFloor(floor, url, { seconds: SCALE_SECONDS });
  const cold = await coldReads(cms, url, slug, services >= 3000 ? 5 : 9);
  const coldEveryService = await coldReads(cms, url, slug, services >= 3000 ? 3 : 5, { everyService: true });
  const result = { offers, services, cached, cold, coldEveryService, coldOverCached: cold.p50 / Math.max(cached.cms.p50, WHOLE_MS), cachedUnderOneMs: cached.cms.p50 < WHOLE_MS, rssMiB: { idle, peak: rssMiB(pid, 'VmHWM') } };
  console.log(`  ${offers}×${services}: cached ${cached.cms.requestsPerSecond.toFixed(0)} req/s (×${cached.throughputRatio.toFixed(2)} of the floor), cold p50 ${cold.p50.toFixed(0)} ms (${coldEveryService.p50.toFixed(0)} ms with every service read again)`);
  return result;
}

async function feed(cms: Child, floor: Child, slug: string, services: number): Promise<FeedRow> {
  const base = `${cms.url}/api/kinship-offer/oruk/${slug}`;
  const page = JSON.parse((await rawGet(`${base}/services`)).body.toString('utf8'));
  if (page.total_items !== services) throw new Error(`The feed of ${slug} lists ${page.total_items} services, not ${services}`);
  return {
    services,
    list: await versusFloor(floor, `${base}/services`, { seconds: SCALE_SECONDS }),
    one: await versusFloor(floor, `${base}/services/${page.contents[0].id}`, { seconds: SCALE_SECONDS }),
  };
}

export async function benchScale(floor: Child) {
  const rows: ScaleRow[] = [];
  const feeds: FeedRow[] = [];

  console.log('scale: an instance of 30-service offers');
  let cms = await start('cms-process.ts');
  const [small] = await generate(cms, 1, 30, 0);
  rows.push(await row(cms, floor, small, 1, 30));
  feeds.push(await feed(cms, floor, small, 30));
  await generate(cms, 9, 30, 1);
  rows.push(await row(cms, floor, small, 10, 30));
  if (!QUICK) {
    await generate(cms, 90, 30, 10);
    rows.push(await row(cms, floor, small, 100, 30));
  }
  await stop(cms);

  console.log('scale: an instance of large offers');
  cms = await start('cms-process.ts');
  const [large] = await generate(cms, 1, 300, 100);
  rows.push(await row(cms, floor, large, 1, 300));
  if (QUICK) feeds.push(await feed(cms, floor, large, 300));
  else {
    const [thousand] = await generate(cms, 1, 1000, 101);
    feeds.push(await feed(cms, floor, thousand, 1000));
    const [largest] = await generate(cms, 1, 3000, 102);
    rows.push(await row(cms, floor, largest, 3, 3000));
  }
  await stop(cms);

  // Growth in services, one offer read: cold p50 and peak memory per tenfold.
  const byServices = (services: number) => rows.find((r) => r.services === services);
  const growth = [
    [30, 300],
    [300, 3000],
  ]
    .filter(([from, to]) => byServices(from) && byServices(to))
    .map(([from, to]) => ({ from, to, cold: byServices(to)!.cold.p50 / byServices(from)!.cold.p50, cachedP50: Math.max(byServices(to)!.cached.cms.p50, WHOLE_MS) / Math.max(byServices(from)!.cached.cms.p50, WHOLE_MS) }));
  return { rows, feeds, growth, headers: BROWSER_ENCODINGS };
}
