/**
 * The widget's budgets, measured in real Chromium against the running demo CMS:
 * - the bundle as a first view downloads it (brotli; gzip too), against 15 KiB;
 * - a filter change on offers of 30, 300 and 3,000 services (the scale table's sizes), against 50 ms;
 * - a repeat view transfers no offer body again (the CMS answers 304);
 * - navigation to the offer rendered on the council example, against the same content served as a
 *   static HTML page from the same machine, measured in the same run (within 1.5×); and the same on
 *   Lighthouse's mobile profile (PHONE), the carer's phone, within 1.3×.
 *
 * `npx tsx test/bench/widget.ts` runs the navigation timings alone, against a demo CMS of its own.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { serveExamples } from '../../examples/serve';
import { launchChromium } from '../support/browser';

const ROOT = path.resolve(__dirname, '../..');
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * What a first view downloads of widget.js: the CMS sends the copy precompressed with brotli to
 * every browser that accepts it (all current ones), gzip to the rest. The budget is on the brotli copy
 * (what draws a service's details, service-details.js, comes after the first view and is not in it).
 */
export function bundleSize() {
  const served = path.join(ROOT, 'plugin/dist/widget/kinship-offer.js');
  const brotliBytes = readFileSync(`${served}.br`).length;
  const gzippedBytes = readFileSync(`${served}.gz`).length;
  return { brotliBytes, gzippedBytes, budgetBytes: 15 * 1024, ratio: brotliBytes / (15 * 1024) };
}

/** The sizes filter changes are timed at: the scale table's (./scale). */
export const FILTER_SIZES = [30, 300, 3000] as const;

/** Median time for a filter change to be rendered, over the demo offer grown (or cut) to `size` services. */
async function filterTime(browser: Browser, examplesUrl: string, cmsUrl: string, size: number) {
  const page = await browser.newPage();
  // The demo's services, as many times over as it takes, with distinct titles.
  await page.route(`${cmsUrl}/api/kinship-offer/view/**`, async (route) => {
    const response = await route.fetch();
    const body = await response.json();
    const services = body.data.kinshipOffer.services;
    body.data.kinshipOffer.services = Array.from({ length: Math.ceil(size / services.length) }, (_, copy) =>
      services.map((s: any) => ({ ...s, uuid: `${s.uuid}-${copy}`, title: `${s.title} ${copy + 1}` })),
    )
      .flat()
      .slice(0, size);
    await route.fulfill({ response, json: body });
  });
  await page.goto(`${examplesUrl}/council.html`);
  await page.locator('kinship-offer [part="contact"]').waitFor();
  const times = await page.locator('kinship-offer').evaluate(async (element: any) => {
    const root = element.shadowRoot;
    const inputs = [...root.querySelectorAll('input[type="radio"], input[type="checkbox"]')] as HTMLInputElement[];
    const samples: number[] = [];
    for (let i = 0; i < 40; i += 1) {
      const input = inputs[i % inputs.length];
      const started = performance.now();
      input.click();
      await element.updateComplete;
      samples.push(performance.now() - started);
    }
    return { samples, services: element.shadowRoot.querySelectorAll('[part="service"]').length };
  });
  await page.close();
  return { services: size, medianMs: median(times.samples), maxMs: Math.max(...times.samples), budgetMs: 50, ratio: median(times.samples) / 50 };
}

/** A first and a repeat view of the council page in one browser profile: what the repeat view transferred. */
async function repeatView(browser: Browser, examplesUrl: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const offerResponses: Array<{ status: number; bytes: number }> = [];
  page.on('response', async (response) => {
    if (!response.url().includes('/api/kinship-offer/view/')) return;
    const sizes = await response.request().sizes().catch(() => null);
    offerResponses.push({ status: response.status(), bytes: sizes?.responseBodySize ?? -1 });
  });
  for (let view = 0; view < 2; view += 1) {
    await page.goto(`${examplesUrl}/council.html`);
    await page.locator('kinship-offer [part="contact"]').waitFor();
  }
  await context.close();
  const [first, repeat] = offerResponses.filter((r) => r.status !== 204);
  return { first, repeat, repeatTransfersBody: !!repeat && repeat.status === 200 && repeat.bytes > 0 };
}

/**
 * Lighthouse's mobile profile (its "slow 4G" and a mid-range phone): 150 ms round trip, 1.6 Mbit/s
 * down, 750 kbit/s up, the CPU 4 times slower; applied through the Chrome DevTools Protocol.
 */
export const PHONE = { latencyMs: 150, downloadBitsPerSecond: 1_638_400, uploadBitsPerSecond: 750_000, cpuSlowdown: 4 };

export async function emulatePhone(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: PHONE.latencyMs,
    downloadThroughput: PHONE.downloadBitsPerSecond / 8,
    uploadThroughput: PHONE.uploadBitsPerSecond / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpuSlowdown });
}

/**
 * What a navigation waits for: the element's offer (the first frame after it fires
 * kinship-offer-load), the page's first contentful paint, or the first frame in which an element
 * matching `selector` is in the document, not before the first contentful paint (it may be below
 * the fold: the frame that could show it).
 */
export type Shown = 'kinship-offer-load' | 'first-contentful-paint' | { selector: string };

/**
 * Milliseconds from navigation start until `url` shows what `shown` names, in a new browser
 * profile (nothing cached), on this machine's speed or (`phone`) on Lighthouse's mobile profile.
 */
export async function timeToShown(browser: Browser, url: string, shown: Shown, { phone = false } = {}): Promise<number> {
  const context = await browser.newContext();
  const tab = await context.newPage();
  if (phone) await emulatePhone(tab);
  if (shown === 'kinship-offer-load') {
    await tab.addInitScript(() =>
      document.addEventListener('kinship-offer-load', () => requestAnimationFrame(() => ((window as any).shownAt = performance.now())), { once: true }),
    );
  } else if (typeof shown === 'object') {
    await tab.addInitScript((selector: string) => {
      const observer = new MutationObserver(() => {
        if (!document.querySelector(selector)) return;
        observer.disconnect();
        requestAnimationFrame(() => ((window as any).shownAt = performance.now()));
      });
      observer.observe(document, { childList: true, subtree: true });
    }, shown.selector);
  }
  await tab.goto(url);
  const ms = await tab.waitForFunction((what) => {
    const painted = performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
    if (what === 'first-contentful-paint') return painted;
    const at = (window as any).shownAt as number | undefined;
    return what === 'kinship-offer-load' ? at : at && painted && Math.max(at, painted);
  }, shown);
  const value = (await ms.jsonValue()) as number;
  await context.close();
  return value;
}

/**
 * The council example, and the same content as one static page, from the same machine: on this
 * machine's own speed, and (`phone`) on Lighthouse's mobile profile.
 */
async function timeToOffer(browser: Browser, examplesUrl: string, { phone = false, runs = 12 } = {}) {
  const page = await browser.newPage();
  await page.goto(`${examplesUrl}/council.html`);
  await page.locator('kinship-offer [part="contact"]').waitFor();
  // The rendered offer, flattened into plain HTML with the element's styles inline.
  const staticHtml = await page.evaluate(() => {
    const element = document.querySelector('kinship-offer') as any;
    const css = (element.constructor.elementStyles as Array<{ cssText: string }>).map((s) => s.cssText).join('\n').replaceAll(':host', '.host');
    const copy = document.documentElement.cloneNode(true) as HTMLElement;
    copy.querySelector('script[type="module"]')?.remove();
    const host = copy.querySelector('kinship-offer')!;
    const replacement = document.createElement('div');
    replacement.className = 'host';
    replacement.innerHTML = `<style>${css}</style>${element.shadowRoot.innerHTML}`;
    host.replaceWith(replacement);
    return `<!doctype html>${copy.outerHTML}`;
  });
  await page.close();
  const server = createServer((request, response) => {
    if (request.url?.startsWith('/assets/')) {
      response.writeHead(200, { 'content-type': 'text/css' }).end(readFileSync(path.join(ROOT, 'examples/embed', request.url)));
    } else response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(staticHtml);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const staticUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/council.html`;

  const widgetTimes: number[] = [];
  const staticTimes: number[] = [];
  for (let i = 0; i < runs + 2; i += 1) {
    widgetTimes.push(await timeToShown(browser, `${examplesUrl}/council.html`, 'kinship-offer-load', { phone }));
    staticTimes.push(await timeToShown(browser, staticUrl, 'first-contentful-paint', { phone }));
  }
  server.close();
  const widgetMs = median(widgetTimes.slice(2));
  const staticMs = median(staticTimes.slice(2));
  return { widgetMs, staticMs, ratio: widgetMs / staticMs, budgetRatio: phone ? 1.3 : 1.5 };
}

/** One at a time: timings taken side by side would slow each other. */
async function timeEachInTurn<T, R>(inputs: readonly T[], measure: (input: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (const input of inputs) results.push(await measure(input));
  return results;
}

export async function benchWidget(cmsUrl: string) {
  const examples = await serveExamples({ host: '127.0.0.1', port: 0, cmsUrl });
  const browser = await launchChromium();
  try {
    return {
      bundle: bundleSize(),
      filter: await timeEachInTurn(FILTER_SIZES, (size) => filterTime(browser, examples.url, cmsUrl, size)),
      repeatView: await repeatView(browser, examples.url),
      timeToOffer: await timeToOffer(browser, examples.url),
      phoneTimeToOffer: await timeToOffer(browser, examples.url, { phone: true, runs: 5 }),
    };
  } finally {
    await browser.close();
    await examples.close();
  }
}

/** Alone: the navigation timings, on this machine's speed and on the phone profile. */
if (require.main === module) {
  (async () => {
    const { start, stop } = await import('./harness');
    const cms = await start('cms-process.ts');
    const examples = await serveExamples({ host: '127.0.0.1', port: 0, cmsUrl: cms.url });
    const browser = await launchChromium();
    for (const phone of [false, true]) {
      const t = await timeToOffer(browser, examples.url, { phone, runs: 5 });
      console.log(`${phone ? 'phone (Lighthouse mobile)' : 'this machine'}: widget ${t.widgetMs.toFixed(0)} ms, static HTML ${t.staticMs.toFixed(0)} ms (×${t.ratio.toFixed(2)}; budget ×${t.budgetRatio})`);
    }
    await browser.close();
    await examples.close();
    await stop(cms);
  })().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
