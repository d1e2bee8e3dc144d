/**
 * Reach's service counting a batch (plugin/server/src/reach/service `record`): only against what is
 * published (a known offer, its published services by UUID, known codes), each refusal naming the
 * event; one count per address in the window; at most `reachNewSitesPerDay` new sites an offer a
 * day, the rest counted under other sites. The counts are written to a real SQLite (knex and
 * better-sqlite3); what is published comes from Strapi's query engine, the boundary, standing in
 * with the demo's kind of rows. (Through HTTP against a real Strapi: reach.test.ts.)
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { errors } from '@strapi/utils';
import reachService from '../../../plugin/server/src/reach/service';
import { REACH_TABLE } from '../../../plugin/server/src/reach/counter';
import { UID } from '../../../plugin/server/src/uids';
import { sqliteDatabases } from './support/sqlite';

const connect = sqliteDatabases();

const PUBLISHED_SERVICE = '11111111-1111-4111-8111-111111111111';
const DRAFT_SERVICE = '22222222-2222-4222-8222-222222222222';
const AT = new Date('2026-12-07T10:00:00Z');

/** The offers as the query engine holds them: each row published or not; services by offer. */
const OFFERS = [
  { slug: 'example-borough', documentId: 'offer-1', published: true },
  { slug: 'draft-only', documentId: 'offer-2', published: false },
];
const SERVICES = [
  { uuid: PUBLISHED_SERVICE, documentId: 'service-1', offer: 'offer-1', published: true },
  { uuid: DRAFT_SERVICE, documentId: 'service-2', offer: 'offer-1', published: false },
];

let service: ReturnType<typeof reachService>;
let knex: ReturnType<typeof connect>;
let newSitesPerDay: number;

beforeEach(async () => {
  knex = connect();
  newSitesPerDay = 2;
  const strapi: any = {
    db: {
      connection: knex,
      query: (uid: string) => ({
        findOne: async ({ where }: { where: { slug: string; publishedAt?: { $notNull?: boolean } } }) => {
          const offer = OFFERS.find((o) => o.slug === where.slug && (where.publishedAt?.$notNull !== true || o.published));
          return offer && uid === UID.offer ? { documentId: offer.documentId } : null;
        },
        findMany: async ({ where }: { where?: { publishedAt?: { $notNull?: boolean }; offers?: { documentId: string } } }) => {
          if (uid === UID.service) {
            return SERVICES.filter((s) => s.offer === where?.offers?.documentId && (where?.publishedAt?.$notNull !== true || s.published));
          }
          if (uid === UID.arrangementType) return [{ code: 'special_guardianship_order' }];
          if (uid === UID.supportType) return [{ code: 'financial_support' }];
          return [];
        },
      }),
    },
    plugin: () => ({ config: (key: string) => ({ reachRepeatMinutes: 30, reachNewSitesPerDay: newSitesPerDay, reachFlushSeconds: 10 })[key] }),
    log: { warn: () => {}, error: () => {} },
  };
  service = reachService({ strapi });
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
