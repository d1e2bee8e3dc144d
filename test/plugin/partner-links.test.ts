/**
 * Partners keep their own services current: a service falling due for review e-mails its
 * provider's contact a private link (through Strapi's e-mail plugin and its nodemailer provider,
 * to a real SMTP server in the test), which opens a form to confirm the service or propose
 * changes; editors accept a proposal into the draft or decline it; nothing reaches readers before
 * an editor publishes. Every way a link can be wrong is refused with a page, never a 500.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formValuesOf } from '../../plugin/server/src/partners/form';
import { startCms, type TestCms } from '../support/cms';
import { editorToken } from '../support/editor';
import { startSmtpSink, type ReceivedMail, type SmtpSink } from '../support/smtp-sink';

const SERVICE = 'plugin::kinship-offer.service';
let cms: TestCms;
let sink: SmtpSink;
let token: string;

/** Long after the demo's reviews: every service is overdue. */
const later = new Date('2028-03-01T07:00:00Z');
const reminders = () => cms.strapi.plugin('kinship-offer').service('reminders');
const partnerLinks = () => cms.strapi.plugin('kinship-offer').service('partner-links');

const isLinkMail = (mail: ReceivedMail) => mail.subject.startsWith('Please check your service: ');
/** The private link in a partner's e-mail, and the service it names. */
function linkIn(mail: ReceivedMail) {
  const url = mail.text.match(/https?:\/\/\S+\/service-review\/\S+/)?.[0];
  if (!url) throw new Error(`no link in ${mail.text}`);
  const [documentId, secret] = new URL(url).pathname.split('/').slice(-2);
  return { url, documentId, secret };
}

const admin = (path: string, init: RequestInit = {}) =>
  fetch(`${cms.url}/kinship-offer${path}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers } });

/** Posts the form as a browser does (urlencoded). */
const post = (url: string, fields: Record<string, string>) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields) });

/** The service's public fields as the form shows them (what a browser posts back untouched). */
async function formAsShown(documentId: string) {
  const published = await cms.strapi.documents(SERVICE).findOne({ documentId, status: 'published' });
  return formValuesOf(published as any);
}

const publicTitle = async (documentId: string) =>
  ((await (await fetch(`${cms.url}/api/kinship-offer/services/${documentId}`)).json()) as any).data?.title;

/** A link sent `daysAgo` days ago to the service's provider, read from the sink. */
async function linkSent(documentId: string, daysAgo = 0) {
  const before = sink.received.length;
  const formUrl = (id: string, secret: string) => `${cms.url}/api/kinship-offer/service-review/${id}/${secret}`;
  const link = await partnerLinks().send(documentId, { requestedBy: 'A. Editor', formUrl, now: new Date(Date.now() - daysAgo * 86_400_000) });
  const [mail] = (await sink.waitFor(before + 1)).slice(before);
  return { ...linkIn(mail), id: link.id as string };
}

beforeAll(async () => {
  sink = await startSmtpSink();
  Object.assign(process.env, { SMTP_HOST: sink.host, SMTP_PORT: String(sink.port) });
  cms = await startCms();
  // Links are made only from the app's public address.
  cms.strapi.config.set('server.url', cms.url);
  cms.strapi.config.set('plugin::kinship-offer.partnerFormPerMinute', 100_000);
  token = await editorToken(cms);
});
afterAll(async () => {
  await cms?.stop();
  await sink?.close();
  delete process.env.SMTP_HOST;
  delete process.env.SMTP_PORT;
});

describe('a service falling due for review', () => {
  let mails: ReceivedMail[];

  it('e-mails its provider one private link, over SMTP, however many instances run the reminder', async () => {
    // Two runs at once on one database race for every claim as two instances would.
    const [a, b] = await Promise.all([reminders().run({ today: later }), reminders().run({ today: later })]);
    const links = a.partnerLinks + b.partnerLinks;
    expect(links).toBeGreaterThan(5);
    await sink.waitFor(a.sent + b.sent + links);
    mails = sink.received.filter(isLinkMail);
    expect(mails).toHaveLength(links);
    // One link per service, never two.
    expect(new Set(mails.map((mail) => linkIn(mail).documentId)).size).toBe(links);
    expect(mails[0].text).toMatch(/you need no account/);
    expect(mails[0].from).toContain('kinship-offer@example.gov.uk');

    const nextDay = await reminders().run({ today: new Date('2028-03-02T07:00:00Z') });
    expect(nextDay.partnerLinks).toBe(0);
    expect(sink.received.filter(isLinkMail)).toHaveLength(links);
  });

  it("goes to the service's contact, and its link opens a form with the service as readers see it", async () => {
    const { url, documentId } = linkIn(mails[0]);
    const service: any = await cms.strapi.documents(SERVICE).findOne({ documentId, status: 'published', populate: ['contacts', 'provider'] as any });
    expect(mails[0].to).toBe(service.contacts.find((contact: any) => contact.email)?.email ?? service.provider.email);

    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await response.text();
    expect(html).toContain(`Check your service: ${service.title}`);
    expect(html).toContain('<form method="post"');
    expect(html).toContain(`value="${service.title}"`);
    expect(html).toContain('Yes, it is still correct');
  });
});

describe('the form', () => {
  it('"still correct" records the review date and who confirmed, on the draft', async () => {
    const { url, documentId } = await linkSent((await cms.strapi.documents(SERVICE).findFirst({ filters: { title: 'Kinship navigators' }, status: 'published' }))!.documentId);
    const response = await post(url, { action: 'confirm', name: 'Sam Partner', ...(await formAsShown(documentId)) });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('your service is confirmed');
    const draft: any = await cms.strapi.documents(SERVICE).findOne({ documentId, status: 'draft' });
    expect(draft.lastReviewedAt).toBe(new Date().toISOString().slice(0, 10));
    expect(draft.lastReviewedBy).toBe('Sam Partner (provider, by e-mailed link)');
  });

  it('sends a proposal to editors; accepting puts it in the draft, and readers see nothing until an editor publishes', async () => {
    const { documentId } = (await cms.strapi.documents(SERVICE).findFirst({ filters: { title: 'Kinship navigators' }, status: 'published' }))!;
    const { url } = await linkSent(documentId);
    const shown = await formAsShown(documentId);
    const sent = await post(url, { ...shown, action: 'propose', name: 'Sam Partner', title: 'Kinship navigators (North)', minimumAge: '3', note: 'We moved on 1 March.' });
    expect(sent.status).toBe(200);
    expect(await sent.text()).toContain('your changes have been sent');

    const listed = await admin(`/proposals?service=${documentId}`);
    expect(listed.status).toBe(200);
    const [proposal] = ((await listed.json()) as any).data;
    expect(proposal).toMatchObject({ proposedBy: 'Sam Partner', note: 'We moved on 1 March.', status: 'pending', service: { documentId } });
    expect(proposal.changes).toEqual([
      { field: 'title', label: 'Name of the service', published: 'Kinship navigators', draft: 'Kinship navigators', proposed: 'Kinship navigators (North)' },
      expect.objectContaining({ field: 'minimumAge', proposed: 3 }),
    ]);
    expect(await publicTitle(documentId)).toBe('Kinship navigators');

    expect((await admin(`/proposals/${proposal.id}/accept`, { method: 'POST', body: '{}' })).status).toBe(200);
    const draft: any = await cms.strapi.documents(SERVICE).findOne({ documentId, status: 'draft' });
    expect(draft).toMatchObject({ title: 'Kinship navigators (North)', minimumAge: 3 });
    expect(await publicTitle(documentId)).toBe('Kinship navigators');
    // Accepted once: it is no longer waiting.
    expect((await admin(`/proposals/${proposal.id}/accept`, { method: 'POST', body: '{}' })).status).toBe(404);

    await cms.strapi.documents(SERVICE).publish({ documentId });
    expect(await publicTitle(documentId)).toBe('Kinship navigators (North)');
  });

  it('records a declined proposal with its reason, and changes nothing', async () => {
    const { documentId, title } = (await cms.strapi.documents(SERVICE).findFirst({ filters: { title: { $ne: 'Kinship navigators (North)' } }, status: 'published' })) as any;
    const { url } = await linkSent(documentId);
    expect((await post(url, { ...(await formAsShown(documentId)), action: 'propose', name: 'Sam Partner', title: 'Something else' })).status).toBe(200);
    const [proposal] = ((await (await admin(`/proposals?service=${documentId}`)).json()) as any).data;
    expect((await admin(`/proposals/${proposal.id}/decline`, { method: 'POST', body: JSON.stringify({ data: {} }) })).status).toBe(400);
    expect((await admin(`/proposals/${proposal.id}/decline`, { method: 'POST', body: JSON.stringify({ data: { reason: 'The service keeps its name.' } }) })).status).toBe(200);
    const draft: any = await cms.strapi.documents(SERVICE).findOne({ documentId, status: 'draft' });
    expect(draft.title).toBe(title);
    expect(((await (await admin(`/proposals?service=${documentId}`)).json()) as any).data).toEqual([]);
  });
});

describe('a link that opens nothing', () => {
  let services: string[];
  beforeAll(async () => {
    services = (await cms.strapi.documents(SERVICE).findMany({ status: 'published', limit: 3 })).map((service) => service.documentId);
  });

  const refusal = async (url: string, status: number, heading: string) => {
    for (const response of [await fetch(url), await post(url, { action: 'confirm', name: 'Sam Partner' })]) {
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await response.text()).toContain(`<h1>${heading}</h1>`);
    }
  };

  it('is refused once used for a proposal', async () => {
    const { url } = await linkSent(services[1]);
    expect((await post(url, { ...(await formAsShown(services[1])), action: 'propose', name: 'Sam Partner', alert: 'Closed this week' })).status).toBe(200);
    await refusal(url, 410, 'This link has already been used');
  });

  it('stores one proposal of two sent at the same moment with one link', async () => {
    const { documentId, secret } = await linkSent(services[2]);
    // Both posts found the link open before either was stored: the step that stores one uses it up.
    const [first, second] = [await partnerLinks().open(documentId, secret), await partnerLinks().open(documentId, secret)];
    const proposal = { name: 'Sam Partner', note: '', changes: { alert: 'Closed on Mondays' }, current: {} };
    expect(await Promise.all([partnerLinks().propose(first.link, proposal), partnerLinks().propose(second.link, proposal)])).toEqual(expect.arrayContaining([true, false]));
    expect(((await (await admin(`/proposals?service=${documentId}`)).json()) as any).data).toHaveLength(1);
  });

  it('is refused when tampered with, cut short or made up', async () => {
    const { url, documentId, secret } = await linkSent(services[0]);
    const flipped = `${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`;
    await refusal(url.replace(secret, flipped), 404, 'This link does not work');
    await refusal(url.replace(secret, secret.slice(0, 20)), 404, 'This link does not work');
    await refusal(url.replace(secret, 'x'.repeat(5000)), 404, 'This link does not work');
    expect((await fetch(url.replace(documentId, 'not-a-service'))).status).toBe(403);
  });

  it("is refused for another service's page", async () => {
    const { url, documentId } = await linkSent(services[0]);
    await refusal(url.replace(documentId, services[2]), 403, 'This link is for a different service');
  });

  it('is refused once revoked by an editor', async () => {
    const { url, id } = await linkSent(services[0]);
    expect((await fetch(url)).status).toBe(200);
    const revoked = await admin(`/partner-links/${services[0]}/${id}`, { method: 'DELETE' });
    expect(revoked.status).toBe(200);
    await refusal(url, 410, 'This link has been cancelled');
    const listed = ((await (await admin(`/partner-links/${services[0]}`)).json()) as any).data;
    expect(listed.links.find((link: any) => link.id === id).state).toBe('revoked');
  });

  it('is refused after partnerLinkDays (30 by default), and opens the day before', async () => {
    expect(cms.strapi.plugin('kinship-offer').config('partnerLinkDays')).toBe(30);
    expect((await fetch((await linkSent(services[0], 29)).url)).status).toBe(200);
    await refusal((await linkSent(services[0], 31)).url, 410, 'This link has expired');
  });
});

describe('an editor sending a link', () => {
  it('e-mails the provider a link at once', async () => {
    const before = sink.received.length;
    const sent = await admin(`/partner-links/${(await cms.strapi.documents(SERVICE).findFirst({ status: 'published' }))!.documentId}`, { method: 'POST', body: '{}' });
    expect(sent.status).toBe(200);
    expect(((await sent.json()) as any).data).toMatchObject({ state: 'open', requestedBy: expect.any(String) });
    const [mail] = (await sink.waitFor(before + 1)).slice(before);
    expect((await fetch(linkIn(mail).url)).status).toBe(200);
  });

  it('is refused, and sends nothing, while the public address (PUBLIC_URL) is not set: a Host header never makes a link', async () => {
    const before = sink.received.length;
    cms.strapi.config.set('server.url', '');
    try {
      const documentId = (await cms.strapi.documents(SERVICE).findFirst({ status: 'published' }))!.documentId;
      const refused = await admin(`/partner-links/${documentId}`, { method: 'POST', body: '{}', headers: { host: 'attacker.example' } });
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as any).error.message).toMatch(/PUBLIC_URL/);
      const run = await reminders().run({ today: new Date('2031-01-01T07:00:00Z') });
      expect(run.partnerLinks).toBe(0);
    } finally {
      cms.strapi.config.set('server.url', cms.url);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sink.received.slice(before).filter(isLinkMail)).toEqual([]);
  });

  it('is refused for a service that does not exist', async () => {
    expect((await admin('/partner-links/not-a-service', { method: 'POST', body: '{}' })).status).toBe(404);
  });

  it('needs an editor', async () => {
    expect((await fetch(`${cms.url}/kinship-offer/proposals`)).status).toBe(401);
    expect((await fetch(`${cms.url}/kinship-offer/partner-links/x`, { method: 'POST' })).status).toBe(401);
  });
});

describe('junk in the form', () => {
  let url: string;
  let documentId: string;
  beforeAll(async () => {
    documentId = (await cms.strapi.documents(SERVICE).findMany({ status: 'published', limit: 1, sort: 'title:desc' }))[0].documentId;
    ({ url } = await linkSent(documentId));
  });

  it('answers 422 with every problem beside its field, keeping everything typed', async () => {
    const typed = { ...(await formAsShown(documentId)), action: 'propose', name: 'Sam <b>Partner</b>', title: 'A new name', minimumAge: 'ten', summary: 'S'.repeat(5000), referralUrl: 'javascript:alert(1)', note: 'Please call me' };
    const response = await post(url, typed);
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toMatch(/<title>Error: /);
    expect(html).toContain('There is a problem');
    expect(html).toContain('Youngest age, in years must be a whole number');
    expect(html).toContain('Summary must be 400 characters or fewer (it has 5000)');
    expect(html).toContain('Enter a web address that starts with https://');
    // What the partner typed is all still there, escaped.
    expect(html).toContain('value="A new name"');
    expect(html).toContain('value="ten"');
    expect(html).toContain(`>${'S'.repeat(5000)}</textarea>`);
    expect(html).toContain('value="Sam &lt;b&gt;Partner&lt;/b&gt;"');
    expect(html).toContain('>Please call me</textarea>');
    expect(html).not.toContain('<b>Partner</b>');
    // Nothing was stored; the link still works.
    expect(((await (await admin(`/proposals?service=${documentId}`)).json()) as any).data).toEqual([]);
    expect((await fetch(url)).status).toBe(200);
  });

  it('answers 422 to "still correct" without a name, or with changed fields', async () => {
    expect((await post(url, { ...(await formAsShown(documentId)), action: 'confirm', name: '' })).status).toBe(422);
    const changed = await post(url, { ...(await formAsShown(documentId)), action: 'confirm', name: 'Sam', title: 'Changed' });
    expect(changed.status).toBe(422);
    expect(await changed.text()).toContain('value="Changed"');
  });

  it('answers 400 to a post that is not the form, and 4xx to oversized or unreadable bodies, never 5xx', async () => {
    expect((await post(url, {})).status).toBe(400);
    expect((await post(url, { action: 'delete-everything', name: 'x' })).status).toBe(400);
    const json = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action: 'propose', name: { $ne: 1 }, title: ['a', 'b'] }) });
    expect(json.status).toBe(422);
    const broken = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"action":' });
    expect(broken.status).toBeGreaterThanOrEqual(400);
    expect(broken.status).toBeLessThan(500);
    const huge = await post(url, { action: 'propose', name: 'Sam', note: 'n'.repeat(2_000_000) });
    expect(huge.status).toBeGreaterThanOrEqual(400);
    expect(huge.status).toBeLessThan(500);
    expect((await fetch(url)).status).toBe(200);
  });

  it('limits how often one address may ask (partnerFormPerMinute), with a page', async () => {
    cms.strapi.config.set('plugin::kinship-offer.partnerFormPerMinute', 3);
    try {
      const statuses = [];
      for (let i = 0; i < 4; i += 1) statuses.push((await fetch(url)).status);
      expect(statuses).toContain(429);
      const refused = await fetch(url);
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(await refused.text()).toContain('<h1>Too many requests</h1>');
    } finally {
      cms.strapi.config.set('plugin::kinship-offer.partnerFormPerMinute', 100_000);
    }
  });
});
