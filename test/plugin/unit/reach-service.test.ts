/**
 * Reach's service counting a batch (plugin/server/src/reach/service `record`): only against what is
 * published (a known offer, its published services by UUID, known codes), each refusal naming the
 * event; one count per address in the window; at most `reachNewSitesPerDay` new sites an offer a
 * day, the rest counted under other sites. The counts are written to a real SQLite (knex and
 * better-sqlite3); what is published comes from Strapi's query engine, the boundary, standing in
 * with the demo's kind of rows. (Through HTTP against a real Strapi: reach.test.ts.)
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { errors } from '@strapi/utils';
import reachService from '../../../plugin/server/src/reach/service';
import { REACH_TABLE } from '../../../plugin/server/src/reach/counter';
import { UID } from '../../../plugin/server/src/uids';
import { sqliteDatabases } from './support/sqlite';
import { reachStrapi, type ReachContent } from './support/reach-strapi';

const connect = sqliteDatabases();

const PUBLISHED_SERVICE = '11111111-1111-4111-8111-111111111111';
const DRAFT_SERVICE = '22222222-2222-4222-8222-222222222222';
const AT = new Date('2026-12-07T10:00:00Z');

/** The offers and services as Strapi holds them (./support/reach-strapi): one of each published, one not. */
const CONTENT: ReachContent = {
  offers: [
    { slug: 'example-borough', documentId: 'offer-1', draft: { name: 'Example Borough', youSaidWeDid: [] }, published: { name: 'Example Borough', publishedAt: '2026-11-18T10:00:00.000Z' } },
    { slug: 'draft-only', documentId: 'offer-2', draft: { name: 'Imaginary Vale', youSaidWeDid: [] }, published: null },
  ],
  services: [
    { uuid: PUBLISHED_SERVICE, documentId: 'service-1', title: 'Allowance', offers: ['offer-1'], publishedAt: '2026-11-18T10:00:00.000Z', arrangementTypes: [], supportTypes: [] },
    { uuid: DRAFT_SERVICE, documentId: 'service-2', title: 'Support group', offers: ['offer-1'], publishedAt: null, arrangementTypes: [], supportTypes: [] },
  ],
  arrangementTypes: [{ code: 'special_guardianship_order', label: 'Special guardianship order' }],
  supportTypes: [{ code: 'financial_support', label: 'Financial support' }],
};

let service: ReturnType<typeof reachService>;
let knex: ReturnType<typeof connect>;
/** The query engine's reads, as `uid slug`. */
let reads: string[];

beforeEach(async () => {
  knex = connect();
  const standIn = reachStrapi(knex, CONTENT);
  reads = standIn.reads;
  service = reachService({ strapi: standIn.strapi });
  await service.start();
  return () => service.stop();
});

const record = (events: Array<[string, string]>, { offer = 'example-borough', site = 'https://www.example.gov.uk', reader = '192.0.2.1', at = AT } = {}) =>
  service.record({ offer, events: events as never }, site, reader, at);

/** What has been written, after a flush. */
async function stored() {
  await service.counter.flush();
  return knex(REACH_TABLE).select('day', 'offer', 'site', 'event', 'subject', 'count').orderBy(['site', 'event', 'subject']);
}

describe('counting a batch', () => {
  it('counts each event against the offer\'s document, a service by its document, for today', async () => {
    expect(await record([['shown', 'full'], ['phone', PUBLISHED_SERVICE], ['support_type', 'financial_support'], ['arrangement', '']])).toBe(4);
    expect(await stored()).toEqual([
      { day: '2026-12-07', offer: 'offer-1', site: 'https://www.example.gov.uk', event: 'arrangement', subject: '', count: 1 },
      { day: '2026-12-07', offer: 'offer-1', site: 'https://www.example.gov.uk', event: 'phone', subject: 'service-1', count: 1 },
      { day: '2026-12-07', offer: 'offer-1', site: 'https://www.example.gov.uk', event: 'shown', subject: 'full', count: 1 },
      { day: '2026-12-07', offer: 'offer-1', site: 'https://www.example.gov.uk', event: 'support_type', subject: 'financial_support', count: 1 },
    ]);
  });

  it.each([
    ['an offer that is not published', 'draft-only', [['shown', 'full']], 'There is no published offer "draft-only"'],
    ['an offer that does not exist', 'nowhere', [['shown', 'full']], 'There is no published offer "nowhere"'],
    ['a service not published in the offer', 'example-borough', [['shown', 'full'], ['web', DRAFT_SERVICE]], 'events[1]: that service is not published in this offer'],
    ['an unknown arrangement', 'example-borough', [['arrangement', 'adoption']], 'events[0]: unknown arrangement "adoption"'],
    ['an unknown support type', 'example-borough', [['support_type', 'legal_support']], 'events[0]: unknown support type "legal_support"'],
  ])('refuses %s, naming it, and counts nothing of the batch', async (_what, offer, events, message) => {
    const refused = record(events as Array<[string, string]>, { offer });
    await expect(refused).rejects.toThrow(message);
    await expect(refused).rejects.toBeInstanceOf(errors.ValidationError);
    expect(await stored()).toEqual([]);
  });

  it('counts a reload from the same address once in the window, another reader at once, and again after 30 minutes', async () => {
    expect(await record([['shown', 'full']])).toBe(1);
    expect(await record([['shown', 'full']], { at: new Date(AT.getTime() + 29 * 60_000) })).toBe(0);
    expect(await record([['shown', 'full']], { reader: '192.0.2.2' })).toBe(1);
    expect(await record([['shown', 'full']], { at: new Date(AT.getTime() + 30 * 60_000) })).toBe(1);
    expect((await stored()).map((row: { count: number }) => row.count)).toEqual([3]);
  });

  it('lets in reachNewSitesPerDay new sites an offer a day; more are counted under other sites; known sites always', async () => {
    const sites = ['https://a.example', 'https://b.example', 'https://c.example', 'https://a.example'];
    for (const [index, site] of sites.entries()) await record([['print', '']], { site, reader: `192.0.2.${index}` });
    expect((await stored()).map((row: { site: string; count: number }) => [row.site, row.count])).toEqual([
      ['', 1],
      ['https://a.example', 2],
      ['https://b.example', 1],
    ]);
  });

  it('knows the sites stored for this offer only: another offer\'s sites are new here', async () => {
    await knex(REACH_TABLE).insert({ day: '2026-12-06', offer: 'offer-9', site: 'https://c.example', event: 'print', subject: '', count: 1 });
    await knex(REACH_TABLE).insert({ day: '2026-12-06', offer: 'offer-1', site: 'https://d.example', event: 'print', subject: '', count: 1 });
    const sites = ['https://a.example', 'https://b.example', 'https://c.example', 'https://d.example'];
    for (const [index, site] of sites.entries()) await record([['print', '']], { site, reader: `192.0.2.${index}` });
    const today = (await stored()).filter((row: { day: string }) => row.day === '2026-12-07');
    expect(today.map((row: { site: string }) => row.site)).toEqual(['', 'https://a.example', 'https://b.example', 'https://d.example']);
  });
});

describe('what is published, as the count reads it', () => {
  const offerReads = (slug: string) => reads.filter((read) => read === `${UID.offer} ${slug}`).length;
  const NEW_SERVICE = { uuid: '44444444-4444-4444-8444-444444444444', documentId: 'service-4', title: 'Evening group', offers: ['offer-1'], publishedAt: '2026-12-07T10:00:01.000Z', arrangementTypes: [], supportTypes: [] };
  afterEach(() => {
    vi.useRealTimers();
    CONTENT.services = CONTENT.services.filter((each) => each !== NEW_SERVICE);
  });

  it('is read once in 15 seconds: a service published since counts from then on', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: AT });
    expect(await record([['shown', 'full']])).toBe(1);
    CONTENT.services.push(NEW_SERVICE);
    vi.setSystemTime(AT.getTime() + 14_999);
    await expect(record([['phone', NEW_SERVICE.uuid]])).rejects.toThrow('events[0]: that service is not published in this offer');
    expect(offerReads('example-borough')).toBe(1);
    vi.setSystemTime(AT.getTime() + 15_000);
    expect(await record([['phone', NEW_SERVICE.uuid]])).toBe(1);
    expect(offerReads('example-borough')).toBe(2);
  });

  it('is kept for 1,000 offers\' slugs, unknown ones too; the longest held is read again first', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: AT });
    const guess = (index: number) => record([['shown', 'full']], { offer: `guess-${index}` }).catch(() => 0);
    for (let index = 0; index < 1_000; index += 1) await guess(index);
    await guess(0);
    expect(offerReads('guess-0')).toBe(1);
    await guess(1_000);
    await guess(0);
    expect(offerReads('guess-0')).toBe(2);
    await guess(2);
    expect(offerReads('guess-2')).toBe(1);
  });

  it('knows the arrangement types by code', async () => {
    expect(await record([['arrangement', 'special_guardianship_order'], ['support_type', 'financial_support']])).toBe(2);
  });
});

describe('the sites let in a day', () => {
  it('are not used up by a batch that counts nothing (a repeat seen from another site)', async () => {
    expect(await record([['shown', 'full']], { site: 'https://a.example' })).toBe(1);
    expect(await record([['shown', 'full']], { site: 'https://b.example' })).toBe(0);
    expect(await record([['shown', 'full']], { site: 'https://c.example', reader: '192.0.2.2' })).toBe(1);
    expect(await record([['shown', 'full']], { site: 'https://d.example', reader: '192.0.2.3' })).toBe(1);
    expect((await stored()).map((row: { site: string }) => row.site)).toEqual(['', 'https://a.example', 'https://c.example']);
  });

  it('start again each day (UTC): a site turned away yesterday is let in today', async () => {
    for (const [index, site] of ['https://a.example', 'https://b.example', 'https://c.example'].entries()) await record([['print', '']], { site, reader: `192.0.2.${index}` });
    expect(await record([['print', '']], { site: 'https://c.example', reader: '192.0.2.9', at: new Date('2026-12-08T00:00:00Z') })).toBe(1);
    expect((await stored()).map((row: { day: string; site: string }) => [row.day, row.site])).toEqual([
      ['2026-12-07', ''],
      ['2026-12-07', 'https://a.example'],
      ['2026-12-07', 'https://b.example'],
      ['2026-12-08', 'https://c.example'],
    ]);
  });
});

describe('the counts are written', () => {
  afterEach(() => vi.useRealTimers());

  /** Resolves once `test` holds, waiting for the database (real time), or fails after 2 s. */
  async function until(test: () => Promise<boolean>) {
    for (let waited = 0; waited < 2_000; waited += 20) {
      if (await test()) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error('never');
  }
  const written = async () => (await knex(REACH_TABLE).count({ rows: '*' }))[0].rows as number;

  it('every reachFlushSeconds (10), not before, and the rest when the service stops', async () => {
    await service.stop();
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    await service.start();
    await record([['shown', 'full']]);
    vi.advanceTimersByTime(9_999);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await written()).toBe(0);
    vi.advanceTimersByTime(1);
    await until(async () => (await written()) === 1);
    await record([['print', '']]);
    await service.stop();
    expect(await written()).toBe(2);
  });
});
