/**
 * The public pages (issue 19), against the running demo CMS:
 * - a cached page under load, the demo offer's page and one of its service pages, against the
 *   floor: the same bytes, headers and compression from a plain Node server (./static-process),
 *   in alternating rounds in the same run (./harness `versusFloor`);
 * - the first service on screen on the offer's page with Lighthouse's mobile profile (./widget
 *   `PHONE`), from the CMS and from the floor serving the same HTML as a static file (the bytes
 *   Chromium was sent, same compression; what the page loads comes from the CMS for both): median
 *   of 5 after 2 warm-ups, taken in turns, within ×1.1.
 *
 * `npx tsx test/bench/pages.ts` runs these alone, against a demo CMS and a floor of its own
 * (BENCH_SECONDS and BENCH_CONCURRENCY as for `npm run bench`; the plugin built first).
 */
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { BROWSER_ENCODINGS, ms, rawGet, serveOnFloor, start, stop, table, versusFloor, type Child } from './harness';
import { timeToShown } from './widget';

const SLUG = 'example-borough';
/** The first service in the offer's list of services (widget/src/render/finder). */
const FIRST_SERVICE = '[part="service"]';
/** The goal: the first service on a phone within ×1.1 of the same HTML as a static file. */
const PHONE_GOAL = 1.1;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Milliseconds until the first service of the page at `pageUrl` is on screen on a phone, from the
 * CMS and from the floor serving the HTML Chromium was sent; the floor then serves that page.
 */
async function firstServiceOnPhone(browser: Browser, floor: Child, pageUrl: string, runs = 5) {
  // What Chromium asks for over plain http (no br outside secure contexts), so the floor's copy is what it would get.
  const probe = await browser.newPage();
  const response = await probe.goto(pageUrl);
  const acceptEncoding = (await response!.request().headerValue('accept-encoding')) ?? '';
  await probe.close();
  const sample = await rawGet(pageUrl, { 'accept-encoding': acceptEncoding });
  if (sample.status !== 200 || sample.headers['x-cache'] !== 'HIT') throw new Error(`The offer's page was ${sample.status} ${sample.headers['x-cache']}, not a cached 200`);
  await serveOnFloor(floor, sample);
  const staticUrl = `${floor.url}/${SLUG}`;
  const cmsTimes: number[] = [];
  const staticTimes: number[] = [];
  for (let i = 0; i < runs + 2; i += 1) {
    cmsTimes.push(await timeToShown(browser, pageUrl, { selector: FIRST_SERVICE }, { phone: true }));
    staticTimes.push(await timeToShown(browser, staticUrl, { selector: FIRST_SERVICE }, { phone: true }));
  }
  const cmsMs = median(cmsTimes.slice(2));
  const staticMs = median(staticTimes.slice(2));
  return { cmsMs, staticMs, ratio: cmsMs / staticMs, goalRatio: PHONE_GOAL, contentEncoding: sample.headers['content-encoding'] ?? 'identity', bytes: sample.body.length };
}

/** Every measurement of the pages, with the CMS at `cmsUrl` and the floor `floor` (which ends serving the offer's page). */
export async function benchPages(cmsUrl: string, floor: Child) {
  const offerUrl = `${cmsUrl}/kinship-offer/${SLUG}`;
  const offer = await rawGet(offerUrl);
  const uuid = /\/services\/([0-9a-f-]{36})"/.exec(offer.body.toString('utf8'))?.[1];
  if (offer.status !== 200 || !uuid) throw new Error(`The demo offer's page did not load (${offer.status})`);
  const serviceUrl = `${cmsUrl}/kinship-offer/${SLUG}/services/${uuid}`;
  const cached = {
    offer: await versusFloor(floor, offerUrl, { headers: BROWSER_ENCODINGS }),
    service: await versusFloor(floor, serviceUrl, { headers: BROWSER_ENCODINGS }),
  };
  const browser = await launchChromium();
  try {
    return { cached, phone: await firstServiceOnPhone(browser, floor, offerUrl) };
  } finally {
    await browser.close();
  }
}

/** Prints what `benchPages` measured. */
export function printPages({ cached, phone }: Awaited<ReturnType<typeof benchPages>>) {
  table('Public pages, cached (br; floor: the same bytes from a plain Node server)', [
    ['the demo offer\'s page', cached.offer],
    ['a service\'s page', cached.service],
  ]);
  console.log(
    `  first service on the offer's page on a phone (Lighthouse mobile: 150 ms RTT, 1.6 Mbit/s, CPU ×4; ${phone.contentEncoding}, ${phone.bytes} bytes): ` +
      `CMS ${ms(phone.cmsMs)}, static file ${ms(phone.staticMs)} (×${phone.ratio.toFixed(2)}; goal ×${phone.goalRatio}: ${phone.ratio <= phone.goalRatio ? 'met' : 'MISSED'})`,
  );
}

/** Alone: `npx tsx test/bench/pages.ts`. */
if (require.main === module) {
  (async () => {
    const floor = await start('static-process.ts', { body: Buffer.from('ok').toString('base64'), headers: { 'content-type': 'text/plain' } });
    const cms = await start('cms-process.ts');
    printPages(await benchPages(cms.url, floor));
    await stop(cms);
    floor.child.kill();
  })().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
