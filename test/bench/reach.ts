/**
 * Reach under load: how many events a second POST /api/kinship-offer/reach takes on this machine
 * while the offer is being read at the same time, and what that costs the offer's readers (their
 * p50 with reach traffic over their p50 alone, measured in the same run, so the ratio is what to
 * read on a noisy machine), twice: with reach traffic as fast as the endpoint takes it, and with
 * one batch a second for each offer read a second alone (every page view reporting). Each batch
 * is a typical page view's: shown, a choice, a service opened, a contact tapped. Load from autocannon (mcollina/autocannon), pinned exact as the rest
 * of the bench: a Node fetch loop on two cores cannot generate this load and measure it too.
 *
 * The CMS runs in its own process with the per-address limit raised (REACH_PER_MINUTE): here every
 * request comes from one address, where real readers' come from many.
 */
import { fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { buildOfferRequest } from '../../widget/src/api/client';
import { CONNECTIONS, SECONDS } from './harness';
import { READER_USER_AGENT } from '../support/browser';


export interface ReachBench {
  /** The offer read alone, then with reach traffic alongside. */
  offerAlone: { requestsPerSecond: number; p50: number };
  offerWithReach: { requestsPerSecond: number; p50: number };
  /** The offer read with one reach batch for each view the offer had alone (every page view reporting). */
  offerWithOneBatchPerView: { requestsPerSecond: number; p50: number; batchesPerSecond: number };
  reach: { batchesPerSecond: number; eventsPerSecond: number; accepted: number; refused: number; errors: number; p50: number };
  /** offerWithReach.p50 / offerAlone.p50: reach as fast as it is taken. */
  p50Ratio: number;
  /** offerWithOneBatchPerView.p50 / offerAlone.p50: reach at the rate real page views would send it. */
  p50RatioOneBatchPerView: number;
}

const run = (options: autocannon.Options) => autocannon({ connections: CONNECTIONS, duration: SECONDS, ...options });

export async function benchReach(): Promise<ReachBench> {
  const child = fork(path.join(__dirname, 'cms-process.ts'), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, TEST_DATABASE: 'sqlite', LOG_LEVEL: 'error', REACH_PER_MINUTE: '100000000', REACH_REPEAT_MINUTES: '0' },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const cmsUrl = await new Promise<string>((resolve, reject) => {
    child.once('message', (reply: any) => resolve(reply.url));
    child.once('exit', (code) => reject(new Error(`cms-process.ts exited with ${code}`)));
  });
  try {
    const offer = buildOfferRequest(new URL(`${cmsUrl}/graphql`), 'example-borough');
    const services = (await (await fetch(offer.url)).json()) as any;
    const [first] = services.data.kinshipOffer.services;
    const batch = {
      offer: 'example-borough',
      events: [['shown', 'full'], ['arrangement', 'special_guardianship_order'], ['support_type', 'financial_support'], ['service', first.uuid], ['phone', '']],
    };
    const reachRequest = {
      url: `${cmsUrl}/api/kinship-offer/reach`,
      method: 'POST' as const,
      headers: { 'content-type': 'text/plain;charset=UTF-8', origin: 'https://www.example-borough.gov.uk', 'user-agent': READER_USER_AGENT },
      body: JSON.stringify(batch),
    };
    const probe = await fetch(reachRequest.url, reachRequest);
    if (probe.status !== 202 || !((await probe.clone().json()) as any).data.counted) throw new Error(`The reach endpoint refused the bench's batch: ${probe.status} ${await probe.text()}`);

    await run({ url: offer.url, duration: 3 }); // warm up
    const alone = await run({ url: offer.url });
    const [withReach, reach] = await Promise.all([run({ url: offer.url }), run(reachRequest)]);
    const viewsPerSecond = Math.max(1, Math.round(alone.requests.average));
    const [withPaced, paced] = await Promise.all([run({ url: offer.url }), run({ ...reachRequest, overallRate: viewsPerSecond })]);
    const accepted = reach['2xx'];
    const result: ReachBench = {
      offerAlone: { requestsPerSecond: alone.requests.average, p50: alone.latency.p50 },
      offerWithReach: { requestsPerSecond: withReach.requests.average, p50: withReach.latency.p50 },
      offerWithOneBatchPerView: { requestsPerSecond: withPaced.requests.average, p50: withPaced.latency.p50, batchesPerSecond: paced['2xx'] / paced.duration },
      reach: {
        batchesPerSecond: accepted / reach.duration,
        eventsPerSecond: (accepted * batch.events.length) / reach.duration,
        accepted,
        refused: reach.non2xx,
        errors: reach.errors,
        p50: reach.latency.p50,
      },
      p50Ratio: withReach.latency.p50 / Math.max(alone.latency.p50, 0.001),
      p50RatioOneBatchPerView: withPaced.latency.p50 / Math.max(alone.latency.p50, 0.001),
    };

    console.log(`reach endpoint with the offer read at the same time (${CONNECTIONS} + ${CONNECTIONS} connections, ${SECONDS} s)`);
    console.log(`  reach: ${result.reach.eventsPerSecond.toFixed(0)} events/s (${result.reach.batchesPerSecond.toFixed(0)} batches of ${batch.events.length}/s), p50 ${result.reach.p50} ms, ${result.reach.refused} refused, ${result.reach.errors} errors`);
    console.log(`  offer: p50 ${result.offerAlone.p50} ms alone, ${result.offerWithReach.p50} ms with reach as fast as it is taken (×${result.p50Ratio.toFixed(2)}); ${result.offerAlone.requestsPerSecond.toFixed(0)} → ${result.offerWithReach.requestsPerSecond.toFixed(0)} req/s`);
    console.log(`  offer with one reach batch a view (${result.offerWithOneBatchPerView.batchesPerSecond.toFixed(0)} batches/s): p50 ${result.offerWithOneBatchPerView.p50} ms (×${result.p50RatioOneBatchPerView.toFixed(2)} of alone); ${result.offerWithOneBatchPerView.requestsPerSecond.toFixed(0)} req/s\n`);
    const out = path.resolve(__dirname, '../../bench-results');
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, 'reach.json'), JSON.stringify({ date: new Date().toISOString(), seconds: SECONDS, connections: CONNECTIONS, ...result }, null, 2));
    return result;
  } finally {
    child.send('stop');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}
