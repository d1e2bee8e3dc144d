/**
 * Readers' feedback: public, validated, rate-limited per address, stored for editors and never
 * readable by the public.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { OFFER_QUERY } from '../../plugin/shared/offer-query';
import { DEMO_ADMIN, startCms, type TestCms } from '../support/cms';
import { graphql } from '../support/http';

let cms: TestCms;
beforeAll(async () => {
  cms = await startCms();
});
afterAll(async () => cms?.stop());

const FEEDBACK = 'plugin::kinship-offer.feedback';
const aMinuteAgo = () => Date.now() - 60_000;
const send = (data: Record<string, unknown>) =>
  fetch(`${cms.url}/api/kinship-offer/feedback`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ data }) });
const stored = () => cms.strapi.db.query(FEEDBACK).count();

describe('a burst of 200 submissions from one address', () => {
  it('accepts 10 a minute, refuses the rest with 429, stores every accepted one, and readers are still served', async () => {
    const before = await stored();
    const statuses: number[] = [];
    const readers: number[] = [];
    // 200 from 20 at once: enough to race the limit; 1,000 took over 30 s on a loaded two-core
    // PostgreSQL run, and a burst left running past its test wrote into the next one's counts.
    const submissions = Array.from({ length: 200 }, (_, i) => i);
    const worker = async () => {
      while (submissions.length) {
        submissions.pop();
        statuses.push((await send({ offer: 'example-borough', helpful: true, startedAt: aMinuteAgo() })).status);
      }
    };
    const reader = async () => {
      while (submissions.length) readers.push((await graphql(cms.url, OFFER_QUERY, { slug: 'example-borough' })).status);
    };
    await Promise.all([...Array.from({ length: 20 }, worker), reader(), reader()]);
    const accepted = statuses.filter((s) => s === 202).length;
    expect(accepted).toBe(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(190);
    expect(await stored()).toBe(before + accepted);
    expect(readers.length).toBeGreaterThan(0);
    expect(readers.every((s) => s === 200)).toBe(true);
  }, 120_000);
});

describe('submitting feedback', () => {
  beforeAll(() => cms.strapi.config.set('plugin::kinship-offer.feedbackPerMinute', 100_000));

  it('stores "was this helpful" and a message about an offer, and answers 202', async () => {
    const before = await stored();
    const response = await send({ offer: 'example-borough', helpful: false, message: 'The support group times are out of date.', startedAt: aMinuteAgo() });
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ data: { received: true } });
    expect(await stored()).toBe(before + 1);
    const latest = await cms.strapi.db.query(FEEDBACK).findOne({ orderBy: { id: 'desc' }, populate: ['offer'] });
    expect(latest).toMatchObject({ helpful: false, message: 'The support group times are out of date.', offer: { slug: 'example-borough' } });
  });

  it('stores a message with a NUL character in it (which PostgreSQL\'s text refuses), without the NUL', async () => {
    const response = await send({ offer: 'example-borough', helpful: false, message: 'Times \u0000are wrong', startedAt: aMinuteAgo() });
    expect(response.status).toBe(202);
    const latest = await cms.strapi.db.query(FEEDBACK).findOne({ orderBy: { id: 'desc' } });
    expect(latest.message).toBe('Times are wrong');
  });

  it('takes feedback about a service of the offer, by its UUID', async () => {
    const service = await cms.strapi.db.query('plugin::kinship-offer.service').findOne({ where: { title: 'Kinship navigators', publishedAt: { $notNull: true } } });
    expect((await send({ offer: 'example-borough', service: service.uuid, helpful: true, startedAt: aMinuteAgo() })).status).toBe(202);
    const shared = await send({ offer: 'example-shared-service', service: service.uuid, helpful: true, startedAt: aMinuteAgo() });
    expect(shared.status).toBe(400);
    expect(((await shared.json()) as any).error.message).toBe('That service is not published in this offer');
  });

  it.each([
    [{ offer: 'example-borough', helpful: true, name: 'Jo' }, 'Unknown field "name". Send offer, service, helpful, message.'],
    [{ helpful: true }, 'Name the offer the feedback is about (its slug).'],
    [{ offer: 'no-such-council', helpful: true }, 'There is no published offer "no-such-council"'],
    [{ offer: 'example-borough', helpful: 'yes' }, 'helpful must be true or false'],
    [{ offer: 'example-borough', message: 'x'.repeat(1001) }, 'message must be text of up to 1000 characters'],
    [{ offer: 'example-borough' }, 'Say whether it was helpful, or what is missing or wrong.'],
    [{ offer: 'example-borough', helpful: true, startedAt: 'just now' }, 'The feedback was sent too quickly: please try again.'],
  ])('refuses %j with 400: %s', async (data, message) => {
    const before = await stored();
    const body: Record<string, unknown> = { startedAt: aMinuteAgo(), ...data };
    if (body.startedAt === 'just now') body.startedAt = Date.now();
    const response = await send(body);
    expect(response.status).toBe(400);
    expect(((await response.json()) as any).error.message).toBe(message);
    expect(await stored()).toBe(before);
  });

  it('refuses a form filled in 1,999 ms and takes one filled in 2,000 ms, by the server\'s clock (held still here)', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    try {
      const openedAt = (msAgo: number) => Date.now() - msAgo;
      const tooQuick = await send({ offer: 'example-borough', helpful: true, startedAt: openedAt(1_999) });
      expect(tooQuick.status).toBe(400);
      expect(((await tooQuick.json()) as any).error.message).toBe('The feedback was sent too quickly: please try again.');
      expect((await send({ offer: 'example-borough', helpful: true, startedAt: openedAt(2_000) })).status).toBe(202);
    } finally {
      vi.useRealTimers();
    }
  });

  it('takes a message of 1,000 characters (1,001 is refused below)', async () => {
    expect((await send({ offer: 'example-borough', message: 'x'.repeat(1000), startedAt: aMinuteAgo() })).status).toBe(202);
  });

  it('accepts a bot that fills the honeypot, and stores nothing', async () => {
    const before = await stored();
    expect((await send({ offer: 'example-borough', helpful: true, website: 'https://spam.example', startedAt: aMinuteAgo() })).status).toBe(202);
    expect(await stored()).toBe(before);
  });

  it('is never readable by the public', async () => {
    expect((await fetch(`${cms.url}/api/kinship-offer/feedbacks`)).status).toBe(404);
    expect([404, 405]).toContain((await fetch(`${cms.url}/api/kinship-offer/feedback`)).status);
    const { errors } = await graphql(cms.url, '{ kinshipOfferFeedbacks { message } }');
    expect(errors?.[0].message).toMatch(/Cannot query field/);
  });
});

describe('feedback in the admin', () => {
  let token: string;
  beforeAll(async () => {
    const login = await fetch(`${cms.url}/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(DEMO_ADMIN) });
    token = ((await login.json()) as any).data.token;
  });
  const asEditor = (path: string, init: RequestInit = {}) =>
    fetch(`${cms.url}/kinship-offer${path}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } });

  it('lists an offer\'s feedback, newest first, with the service it is about, and lets an editor mark it actioned', async () => {
    const offer = await cms.strapi.documents('plugin::kinship-offer.offer').findFirst({ filters: { slug: 'example-shared-service' } });
    const service = (await cms.strapi.db.query('plugin::kinship-offer.service').findOne({ where: { offers: { documentId: offer!.documentId }, publishedAt: { $notNull: true } } })) as any;
    await cms.strapi.documents(FEEDBACK).create({ data: { offer: offer!.documentId, helpful: false, message: 'No evening sessions' } as any });
    await cms.strapi.documents(FEEDBACK).create({ data: { offer: offer!.documentId, service: service.documentId, helpful: true } as any });

    const { data } = (await (await asEditor(`/feedback?offer=${offer!.documentId}`)).json()) as any;
    expect(data.items).toHaveLength(2);
    expect(data.items[0]).toMatchObject({ helpful: true, actioned: false, service: { title: service.title } });
    expect(data.items[1]).toMatchObject({ helpful: false, message: 'No evening sessions', service: null });
    expect(data.counts).toEqual({ helpful: 1, notHelpful: 1, open: 1 });

    const marked = await asEditor(`/feedback/${data.items[1].documentId}`, { method: 'PUT', body: JSON.stringify({ data: { actioned: true } }) });
    expect(marked.status).toBe(200);
    const after = (await (await asEditor(`/feedback?offer=${offer!.documentId}`)).json()) as any;
    expect(after.data.items[1].actioned).toBe(true);
    expect(after.data.counts.open).toBe(0);
  });

  it('says what is wrong with a bad request, and shows nothing to anyone not signed in', async () => {
    const noOffer = await asEditor('/feedback');
    expect(noOffer.status).toBe(400);
    expect(((await noOffer.json()) as any).error.message).toMatch(/Name the offer/);
    const badBody = await asEditor('/feedback/whatever', { method: 'PUT', body: JSON.stringify({ data: { actioned: 'yes' } }) });
    expect(badBody.status).toBe(400);
    expect((await asEditor('/feedback/not-feedback', { method: 'PUT', body: JSON.stringify({ data: { actioned: true } }) })).status).toBe(404);
    expect((await fetch(`${cms.url}/kinship-offer/feedback?offer=x`)).status).toBe(401);
  });
});
