/**
 * A partner's review link with two instances of the CMS on one PostgreSQL, each running the daily
 * review job at the same moment, sending through a real SMTP server: each service that fell due
 * gets one e-mail, and its link, opened on either instance in Chromium, is a form a keyboard user
 * can complete and axe finds nothing in, before and after an error.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchChromium } from '../support/browser';
import { startCluster, type Cluster } from '../support/cluster';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';

/** The address links are made from (PUBLIC_URL): the instances' own is taken in its place to open one. */
const PUBLIC_URL = 'https://cms.example.test';

let cluster: Cluster;
let sink: SmtpSink;
let browser: Browser;

describe.skipIf(process.env.TEST_POSTGRES === 'off')("a provider's review link, with two instances on one PostgreSQL", { timeout: 120_000 }, () => {
  beforeAll(async () => {
    sink = await startSmtpSink();
    cluster = await startCluster({ instances: 2, env: { SMTP_HOST: sink.host, SMTP_PORT: String(sink.port), PUBLIC_URL } });
    browser = await launchChromium();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await cluster?.close();
    await sink?.close();
  });

  let links: string[];

  it('is e-mailed once per service that fell due, whichever instance claims it', async () => {
    const today = '2028-03-01T07:00:00Z';
    const runs = await Promise.all([cluster.request<any>(0, 'run-reminders', { today }), cluster.request<any>(1, 'run-reminders', { today })]);
    const sent = runs[0].partnerLinks + runs[1].partnerLinks;
    expect(sent).toBeGreaterThan(5);
    await sink.waitFor(runs[0].sent + runs[1].sent + sent, 20_000);
    links = sink.received.filter((mail) => mail.subject.startsWith('Please check your service: ')).map((mail) => mail.text.match(/https:\/\/\S+\/service-review\/\S+/)![0]);
    expect(links).toHaveLength(sent);
    expect(new Set(links.map((link) => link.split('/').at(-2))).size).toBe(sent);
    // The next day, on either instance: nothing more.
    const again = await cluster.request<any>(1, 'run-reminders', { today: '2028-03-02T07:00:00Z' });
    expect(again.partnerLinks).toBe(0);
  });

  it('opens, on either instance, a form axe finds nothing in, that a keyboard user completes', async () => {
    // axe is added to the page as a script, which the CMS's Content-Security-Policy would refuse.
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    try {
      const link = links[0].replace(PUBLIC_URL, cluster.urls[1]);
      await page.goto(link);
      expect(await page.locator('h1').textContent()).toMatch(/^Check your service: /);
      expect(await axeViolations(page)).toEqual([]);

      // An error: the summary is announced and links to the field; what was typed stays.
      const youngest = page.getByLabel('Youngest age, in years (optional)');
      const original = await youngest.inputValue();
      await youngest.fill('ten');
      await nextPageAfter(page, () => page.getByRole('button', { name: 'Send the changes to the council' }).click());
      expect(await page.title()).toMatch(/^Error: /);
      expect(await page.getByRole('alert').textContent()).toContain('Enter your name');
      expect(await page.getByLabel('Youngest age, in years (optional)').inputValue()).toBe('ten');
      expect(await axeViolations(page)).toEqual([]);

      // By keyboard alone, from the top of the page: the skip link, the summary's link, then the name.
      await page.locator('body').focus();
      const focused = () => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name ?? '');
      for (let tabs = 0; tabs < 6 && (await focused()) !== 'name'; tabs += 1) await page.keyboard.press('Tab');
      expect(await focused()).toBe('name');
      await page.keyboard.type('Sam Partner');
      await youngest.fill(original);
      await page.getByRole('button', { name: 'Yes, it is still correct' }).focus();
      await nextPageAfter(page, () => page.keyboard.press('Enter'));
      expect(await page.locator('h1').textContent()).toBe('Thank you: your service is confirmed');
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

/**
 * Does `action` (a form's submission) and waits for the page it leads to: waiting for the load
 * state alone can answer for the page still shown, before the browser has begun to leave it.
 */
async function nextPageAfter(page: Page, action: () => Promise<unknown>) {
  const navigated = page.waitForEvent('framenavigated', (frame) => frame === page.mainFrame());
  await action();
  await navigated;
  await page.waitForLoadState();
}
