/**
 * What a reader's browser keeps, behind the shared cache the README recommends: the committed
 * nginx configuration (examples/nginx/, run by test/support/nginx.ts) in front of the demo CMS,
 * and a host page in Chromium. Shared caches may serve a copy up to stale-while-revalidate old;
 * a browser must ask every time, so a reader who reloads once the cache has the publish sees it.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveExamples } from '../../examples/serve';
import { launchChromium } from '../support/browser';
import { startCms, type TestCms } from '../support/cms';
import { ensureNginx, startNginx, type Nginx } from '../support/nginx';

/** Fresh in nginx for a second, then served stale for up to 30 s while it fetches anew. */
const S = 1;
const W = 30;
const OFFER = 'plugin::kinship-offer.offer';
const missing = ensureNginx();

let cms: TestCms;
let nginx: Nginx;
let examples: { url: string; close: () => Promise<void> };
let browser: Browser;

beforeAll(async () => {
  if (missing) return;
  Object.assign(process.env, { CACHE_SHARED_MAX_AGE: String(S), CACHE_STALE_WHILE_REVALIDATE: String(W) });
  cms = await startCms();
  nginx = await startNginx({ upstreams: [cms.url] });
  examples = await serveExamples({ host: '127.0.0.1', port: 0, cmsUrl: nginx.url });
  browser = await launchChromium();
});
afterAll(async () => {
  delete process.env.CACHE_SHARED_MAX_AGE;
  delete process.env.CACHE_STALE_WHILE_REVALIDATE;
  await browser?.close();
  await examples?.close();
  await nginx?.stop();
  await cms?.stop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(missing)('behind nginx, in a reader\'s browser', () => {
  it('a reload shows a publish as soon as the shared cache has it, while nginx still serves stale while it revalidates', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    // nginx keeps a copy per Accept-Encoding (Vary): ask it as this browser does.
    const offerRequest = page.waitForRequest((request) => request.url().includes('/api/kinship-offer/view/'));
    await page.goto(`${examples.url}/council.html`);
    const contact = page.locator('kinship-offer [part="contact"]');
    await expect(contact.textContent()).resolves.toContain('020 7946 0000');

    const offer = await cms.strapi.documents(OFFER).findFirst({ filters: { slug: 'example-borough' }, locale: 'en' });
    await cms.strapi.documents(OFFER).update({ documentId: offer!.documentId, locale: 'en', data: { contactHours: 'Monday to Friday, 8am to 8pm (new hours)' } as any });
    await cms.strapi.documents(OFFER).publish({ documentId: offer!.documentId, locale: 'en' });

    // nginx: past S, the first reader gets the old copy at once (STALE) while nginx fetches the
    // new one in the background; then every reader gets the new one.
    await sleep(S * 1000 + 1100);
    // The widget's own request, as the browser sent it.
    const url = (await offerRequest).url();
    const acceptEncoding = (await (await offerRequest).allHeaders())['accept-encoding'];
    expect(acceptEncoding).toContain('br');
    const verdicts: string[] = [];
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const response = await fetch(url, { headers: { 'accept-encoding': acceptEncoding } });
      const hours = ((await response.json()) as any).data.kinshipOffer.contactHours as string;
      verdicts.push(`${response.headers.get('x-cache-status')} ${hours.includes('new hours') ? 'new' : 'old'}`);
      if (hours.includes('new hours')) break;
      await sleep(200);
    }
    expect(verdicts[0]).toMatch(/^(STALE|UPDATING) old$/);
    expect(verdicts.at(-1)).toMatch(/new$/);

    // The reader reloads 1.5 s after the publish was in the shared cache: their browser asks again
    // rather than show its own copy, which is still within stale-while-revalidate.
    await page.reload();
    await expect(contact.textContent()).resolves.toContain('(new hours)');
    await context.close();
  });
});
