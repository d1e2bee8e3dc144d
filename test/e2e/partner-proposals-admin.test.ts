/**
 * An editor reviews a partner's proposed changes in the built Strapi admin, in real Chromium: the
 * panel beside the service e-mails a review link (to a real SMTP server) and lists it; the
 * proposals page shows each changed field side by side; accepting puts the change in the draft
 * while readers still see the published service; declining asks for a reason. Axe finds nothing.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formValuesOf } from '../../plugin/server/src/partners/form';
import { axeViolations, launchChromium } from '../support/browser';
import { startCms, type TestCms } from '../support/cms';
import { signInToAdmin } from '../support/editor';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';

const ADMIN_BUILD = path.resolve(__dirname, '../../examples/cms/dist/build/index.html');
const SERVICE = 'plugin::kinship-offer.service';

let cms: TestCms;
let sink: SmtpSink;
let browser: Browser;
let page: Page;
let navigators: { documentId: string };

beforeAll(async () => {
  if (!existsSync(ADMIN_BUILD)) throw new Error('The admin panel is not built: `npm test` builds it (examples/admin-build.ts)');
  sink = await startSmtpSink();
  Object.assign(process.env, { SMTP_HOST: sink.host, SMTP_PORT: String(sink.port) });
  cms = await startCms({ admin: true });
  cms.strapi.config.set('server.url', cms.url);
  navigators = (await cms.strapi.documents(SERVICE).findFirst({ filters: { title: 'Kinship navigators' }, status: 'published' }))!;
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1440, height: 1000 }, baseURL: cms.url })).newPage();
  await signInToAdmin(page);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await cms?.stop();
  await sink?.close();
  delete process.env.SMTP_HOST;
  delete process.env.SMTP_PORT;
});

/** The partner's side: opens the e-mailed link and proposes `changes`. */
async function propose(changes: Record<string, string>) {
  const url = sink.received.at(-1)!.text.match(/https?:\/\/\S+\/service-review\/\S+/)![0];
  const published = await cms.strapi.documents(SERVICE).findOne({ documentId: navigators.documentId, status: 'published' });
  const answer = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ ...formValuesOf(published as any), action: 'propose', name: 'Sam Partner', ...changes }) });
  expect(answer.status).toBe(200);
}

describe("a partner's proposed changes, in the admin", () => {
  it('the panel beside the service e-mails the provider a review link and lists it', async () => {
    await page.goto(`/admin/content-manager/collection-types/${SERVICE}/${navigators.documentId}`);
    const send = page.getByRole('button', { name: 'E-mail a review link to the provider' });
    await send.click();
    await sink.waitFor(1, 15_000);
    expect(sink.received[0].subject).toBe('Please check your service: Kinship navigators');
    await page.getByRole('list', { name: 'Review links sent' }).getByText(/opens until/).waitFor();
  });

  it('shows each change side by side; accepting puts it in the draft, readers see nothing until publish', async () => {
    await propose({ title: 'Kinship navigators (North)' });
    await page.goto('/admin/plugins/kinship-offer/proposals');
    const table = page.getByRole('table', { name: 'What Sam Partner proposed' });
    await table.waitFor();
    const row = await table.getByRole('row', { name: /Name of the service/ }).getByRole('cell').allTextContents();
    expect(row).toEqual(['Kinship navigators', 'Kinship navigators', 'Kinship navigators (North)']);
    expect(await axeViolations(page, 'main')).toEqual([]);

    await page.getByRole('button', { name: 'Accept into the draft' }).click();
    await page.getByText('No changes are waiting.').waitFor();
    const draft: any = await cms.strapi.documents(SERVICE).findOne({ documentId: navigators.documentId, status: 'draft' });
    expect(draft.title).toBe('Kinship navigators (North)');
    const published: any = await cms.strapi.documents(SERVICE).findOne({ documentId: navigators.documentId, status: 'published' });
    expect(published.title).toBe('Kinship navigators');
  });

  it('declines with a reason, and changes nothing', async () => {
    await page.goto(`/admin/content-manager/collection-types/${SERVICE}/${navigators.documentId}`);
    await page.getByRole('button', { name: 'E-mail a review link to the provider' }).click();
    await sink.waitFor(2, 15_000);
    await propose({ alert: 'Closed for ever' });
    await page.goto('/admin/plugins/kinship-offer/proposals');
    await page.getByRole('button', { name: 'Decline…' }).click();
    const decline = page.getByRole('button', { name: 'Decline with this reason' });
    expect(await decline.isDisabled()).toBe(true);
    await page.getByRole('textbox', { name: 'Why you are declining it' }).fill('We checked: it is open.');
    expect(await axeViolations(page, 'main')).toEqual([]);
    await decline.click();
    await page.getByText('No changes are waiting.').waitFor();
    const draft: any = await cms.strapi.documents(SERVICE).findOne({ documentId: navigators.documentId, status: 'draft' });
    expect(draft.alert ?? null).not.toBe('Closed for ever');
  });
});
