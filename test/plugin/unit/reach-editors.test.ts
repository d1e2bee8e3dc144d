/**
 * Reach as editors read it: the service's `report` and `rows` (plugin/server/src/reach/service)
 * and the admin's two routes (reach/controller `report`, `csv`), and the readers' POST
 * (`record`) as the controller takes it. The counts are in a real SQLite (knex and
 * better-sqlite3); what the offer publishes comes from Strapi's query engine and Document Service,
 * standing in (./support/reach-strapi). The report itself is a pure function (reach/report,
 * reach-report.test.ts): here, that the service gives it the right counts and content.
 * (Through HTTP against a real Strapi: reach.test.ts.)
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { errors } from '@strapi/utils';
import reachService from '../../../plugin/server/src/reach/service';
import reachController from '../../../plugin/server/src/reach/controller';
import { REACH_TABLE } from '../../../plugin/server/src/reach/counter';
import { buildReport, type ReportContent, type SiteSeen } from '../../../plugin/server/src/reach/report';
import type { ReachRow } from '../../../plugin/shared/reach';
import { sqliteDatabases } from './support/sqlite';
import { reachStrapi, type ReachContent } from './support/reach-strapi';

const connect = sqliteDatabases();

const TODAY = '2026-12-07'; // a Monday: the report's 53 weeks start on 2025-12-08
const OWN = 'https://cms.example-borough.gov.uk';
const A = 'https://www.example-borough.gov.uk';
const B = 'https://family-hub.example.org';
const C = 'https://school.example.org';
const D = 'https://old-partner.example.org';

const CONTENT: ReachContent = {
  offers: [
    {
      slug: 'example-borough',
      documentId: 'offer-1',
      draft: { name: 'Example Borough kinship local offer', youSaidWeDid: [{ date: '2026-06-03', youSaid: 'Evening groups', weDid: 'Two evening groups a month' }] },
      published: { name: 'Example Borough kinship local offer', publishedAt: '2026-11-18T10:00:00.000Z' },
    },
    {
      slug: 'never-published',
      documentId: 'offer-2',
      // Answered before the report's weeks, and with no date: in no week.
      draft: { name: 'Imaginary Vale', youSaidWeDid: [{ date: '2024-05-01', youSaid: 'Shorter forms', weDid: 'One page' }, { date: null, youSaid: 'Larger print', weDid: 'Done' }] },
      published: null,
    },
  ],
  services: [
    { uuid: '11111111-1111-4111-8111-111111111111', documentId: 'service-1', title: 'Special guardianship allowance', offers: ['offer-1'], publishedAt: '2026-01-07T09:00:00.000Z', arrangementTypes: ['special_guardianship_order'], supportTypes: ['financial_support'] },
    { uuid: '22222222-2222-4222-8222-222222222222', documentId: 'service-2', title: 'A draft support group', offers: ['offer-1'], publishedAt: null, arrangementTypes: [], supportTypes: ['support_groups_and_training'] },
    { uuid: '33333333-3333-4333-8333-333333333333', documentId: 'service-3', title: 'Another offer\'s service', offers: ['offer-9'], publishedAt: '2026-02-02T09:00:00.000Z', arrangementTypes: [], supportTypes: [] },
  ],
  arrangementTypes: [
    { code: 'special_guardianship_order', label: 'Special guardianship order' },
    { code: 'private_fostering', label: 'Private fostering' },
  ],
  supportTypes: [
    { code: 'financial_support', label: 'Financial support' },
    { code: 'support_groups_and_training', label: 'Support groups and training' },
  ],
};

const row = (day: string, site: string, event: ReachRow['event'], subject: string, count: number, offer = 'offer-1') => ({ day, offer, site, event, subject, count });

/** Stored counts: some before the report's first day, some of another offer, one site with no view. */
const STORED = [
  row('2026-11-20', A, 'search', '4-10', 6),
  row('2025-12-07', A, 'shown', 'full', 4), // the day before the report starts
  row('2026-12-02', OWN, 'shown', 'full', 5),
  row('2026-12-01', B, 'shown', 'services', 3),
  row('2025-12-08', A, 'shown', 'full', 2), // the report's first day
  row('2026-11-20', A, 'phone', 'service-1', 2),
  row('2026-12-01', '', 'shown', 'full', 1),
  row('2026-11-20', A, 'arrangement', 'special_guardianship_order', 1),
  row('2026-11-21', C, 'print', '', 1), // a site with no view
  row('2023-01-01', A, 'print', '', 1), // before A's first view
  row('2026-11-20', A, 'phone', '', 1),
  row('2026-11-20', A, 'email', '', 3),
  row('2026-11-20', A, 'email', 'service-1', 4),
  row('2025-03-01', D, 'shown', 'full', 2), // a site last seen before the report's weeks
  row('2024-03-01', B, 'shown', 'full', 9, 'offer-9'),
  row('2026-12-03', A, 'shown', 'full', 1, 'offer-9'),
];

/** What the report covers, oldest first: day, then site, event and subject. */
const ROWS_FROM_FIRST_DAY: ReachRow[] = [
  { day: '2025-12-08', site: A, event: 'shown', subject: 'full', count: 2 },
  { day: '2026-11-20', site: A, event: 'arrangement', subject: 'special_guardianship_order', count: 1 },
  { day: '2026-11-20', site: A, event: 'email', subject: '', count: 3 },
  { day: '2026-11-20', site: A, event: 'email', subject: 'service-1', count: 4 },
  { day: '2026-11-20', site: A, event: 'phone', subject: '', count: 1 },
  { day: '2026-11-20', site: A, event: 'phone', subject: 'service-1', count: 2 },
  { day: '2026-11-20', site: A, event: 'search', subject: '4-10', count: 6 },
  { day: '2026-11-21', site: C, event: 'print', subject: '', count: 1 },
  { day: '2026-12-01', site: '', event: 'shown', subject: 'full', count: 1 },
  { day: '2026-12-01', site: B, event: 'shown', subject: 'services', count: 3 },
  { day: '2026-12-02', site: OWN, event: 'shown', subject: 'full', count: 5 },
];

/** What the offer publishes, as the report reads it: the published services only, the offer's last publication. */
const REPORT_CONTENT: ReportContent = {
  documentId: 'offer-1',
  name: 'Example Borough kinship local offer',
  offerPublishedAt: '2026-11-18T10:00:00.000Z',
  youSaidWeDid: [{ date: '2026-06-03', text: 'Evening groups' }],
  services: [{ documentId: 'service-1', title: 'Special guardianship allowance', publishedAt: '2026-01-07T09:00:00.000Z', arrangements: ['special_guardianship_order'], supportTypes: ['financial_support'] }],
  arrangementTypes: CONTENT.arrangementTypes,
  supportTypes: CONTENT.supportTypes,
};

/** Each site's first and last view of this offer, over all time. */
const SEEN: SiteSeen[] = [
  { site: '', firstSeen: '2026-12-01', lastSeen: '2026-12-01' },
  { site: B, firstSeen: '2026-12-01', lastSeen: '2026-12-01' },
  { site: OWN, firstSeen: '2026-12-02', lastSeen: '2026-12-02' },
  { site: A, firstSeen: '2025-12-07', lastSeen: '2025-12-08' },
  { site: D, firstSeen: '2025-03-01', lastSeen: '2025-03-01' },
];

let service: ReturnType<typeof reachService>;

beforeEach(async () => {
  // The admin's routes report to today: 2026-12-07 here.
  vi.useFakeTimers({ toFake: ['Date'], now: new Date(`${TODAY}T12:00:00Z`) });
  const knex = connect();
  const { strapi } = reachStrapi(knex, CONTENT);
  service = reachService({ strapi });
  await service.start();
  await knex(REACH_TABLE).insert(STORED);
  (globalThis as any).strapi = { ...strapi, plugin: () => ({ ...strapi.plugin(), service: (name: string) => (name === 'reach' ? service : strapi.plugin().service(name)) }) };
  return () => service.stop();
});

afterEach(() => {
  vi.useRealTimers();
  delete (globalThis as any).strapi;
});

describe('the stored counts (rows)', () => {
  it('are this offer\'s from the day given, oldest first, then by site, event and subject', async () => {
    expect(await service.rows('offer-1', '2025-12-08')).toEqual(ROWS_FROM_FIRST_DAY);
  });

  it('are all of this offer\'s without a first day', async () => {
    expect(await service.rows('offer-1')).toHaveLength(14);
  });
});

describe('the report', () => {
  it('is the report of this offer\'s counts of the 53 weeks, its published services and its sites seen over all time', async () => {
    const report = await service.report('offer-1', OWN, TODAY);
    expect(report).toEqual(buildReport(REPORT_CONTENT, ROWS_FROM_FIRST_DAY, SEEN, TODAY, OWN));
    // What an editor reads in it, spelled out:
    expect(report!.sites.map(({ site, own, firstSeen, views }) => [site, own ?? false, firstSeen, views])).toEqual([
      [B, false, '2026-12-01', 3],
      [A, false, '2025-12-07', 2],
      ['', false, '2026-12-01', 1],
      [OWN, true, '2026-12-02', 5],
    ]);
    expect(report!.services).toEqual([{ documentId: 'service-1', title: 'Special guardianship allowance', opened: 0, phone: 2, email: 4, web: 0, feedback: 0 }]);
    expect(report!.namedContact).toEqual({ phone: 1, email: 3, web: 0 });
    expect(report!.searches).toEqual({ '4-10': 6 });
    expect(report!.weeks.filter((week) => week.changes.length).map(({ week, changes }) => [week, changes])).toEqual([
      ['2026-01-05', ['“Special guardianship allowance” was published']],
      ['2026-06-01', ['You said, we did: Evening groups']],
      ['2026-11-16', ['The offer was published']],
    ]);
    expect(report!.arrangements.find((choice) => choice.code === 'special_guardianship_order')).toEqual({ code: 'special_guardianship_order', label: 'Special guardianship order', chosen: 1, services: 1 });
    expect(report!.supportTypes.map((choice) => [choice.label, choice.services])).toEqual([['Financial support', 1], ['Support groups and training', 0]]);
  });

  it('of an offer never published has no publication week and no services', async () => {
    const report = await service.report('offer-2', OWN, TODAY);
    expect(report).toMatchObject({ name: 'Imaginary Vale', services: [], totals: { views: 0, sites: 0 } });
    expect(report!.weeks.flatMap((week) => week.changes)).toEqual([]);
  });

  it('is null for an offer that does not exist', async () => {
    expect(await service.report('offer-404', OWN, TODAY)).toBeNull();
  });
});

/** A Koa context as the admin routes get it, with what the handler set. */
function context(params: Record<string, string>, request: Record<string, unknown> = {}) {
  const headers: Record<string, string> = {};
  return { params, request, headers, origin: 'http://localhost:1337', state: {}, set: (name: string, value: string) => (headers[name] = value), status: 404, body: undefined as any };
}

describe('the admin\'s Reach routes (reach/controller)', () => {
  it('answer the report with the CMS\'s public origin as its own site', async () => {
    const ctx = context({ documentId: 'offer-1' });
    await reachController.report(ctx);
    expect(ctx.body.data.sites.find((site: { own?: true }) => site.own)).toMatchObject({ site: OWN, views: 5 });
    expect(ctx.body.data.totals.sites).toBe(3);
  });

  it('answer 404 naming an offer that does not exist, for the report and the CSV', async () => {
    for (const action of [reachController.report, reachController.csv]) {
      const answer = action(context({ documentId: 'offer-404' }));
      await expect(answer).rejects.toBeInstanceOf(errors.NotFoundError);
      await expect(answer).rejects.toThrow('There is no offer offer-404');
    }
  });

  it('give every count of the report\'s weeks as CSV, each subject named, other sites named, as a download', async () => {
    const ctx = context({ documentId: 'offer-1' });
    await reachController.csv(ctx);
    expect(ctx.headers).toEqual({ 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="reach-offer-1-${TODAY}.csv"` });
    const lines = (ctx.body as string).split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines[0]).toBe('day,site,event,subject,subject_name,count');
    const recent = lines.filter((line) => line.startsWith('2026-1'));
    expect(recent).toEqual([
      `2026-11-20,${A},arrangement,special_guardianship_order,Special guardianship order,1`,
      `2026-11-20,${A},email,,,3`,
      `2026-11-20,${A},email,service-1,Special guardianship allowance,4`,
      `2026-11-20,${A},phone,,,1`,
      `2026-11-20,${A},phone,service-1,Special guardianship allowance,2`,
      `2026-11-20,${A},search,4-10,,6`,
      `2026-11-21,${C},print,,,1`,
      '2026-12-01,other sites,shown,full,,1',
      `2026-12-01,${B},shown,services,,3`,
      `2026-12-02,${OWN},shown,full,,5`,
    ]);
  });
});

describe('the cell of a CSV', () => {
  it.each([
    ['+44 20 7946 0000', "'+44 20 7946 0000"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tTab', "'\tTab"],
    ['\rReturn', `"'\rReturn"`],
    ['Line\nbreak', '"Line\nbreak"'],
    ['=HYPERLINK("https://evil.example"),"x"', `"'=HYPERLINK(""https://evil.example""),""x"""`],
    ['Plain words', 'Plain words'],
    ['a=b', 'a=b'],
  ])('%j is written %j', async (title, written) => {
    CONTENT.services[0].title = title;
    try {
      const ctx = context({ documentId: 'offer-1' });
      await reachController.csv(ctx);
      expect((ctx.body as string).split('\r\n').find((line) => line.includes(',phone,service-1,'))).toBe(`2026-11-20,${A},phone,service-1,${written},2`);
    } finally {
      CONTENT.services[0].title = 'Special guardianship allowance';
    }
  });
});

describe('a reader\'s batch (reach/controller record)', () => {
  const BROWSER = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
  const post = (headers: Record<string, string>, body: unknown = { offer: 'example-borough', events: [['shown', 'full']] }, length = 60) =>
    context({}, { headers: { 'user-agent': BROWSER, origin: A, ...headers }, body, length, ip: '192.0.2.7' });

  it('is counted under the page\'s site, answering 202 and how many events counted', async () => {
    const ctx = post({});
    await reachController.record(ctx);
    expect([ctx.status, ctx.body]).toEqual([202, { data: { counted: 1 } }]);
    await service.counter.flush();
    expect(await service.rows('offer-1', '2026-12-04')).toEqual([expect.objectContaining({ site: A, event: 'shown', count: 1 })]);
  });

  it.each([
    ['Global Privacy Control', { 'sec-gpc': '1' }],
    ['Do Not Track', { dnt: '1' }],
    ['a crawler', { 'user-agent': 'Googlebot/2.1 (+http://www.google.com/bot.html)' }],
  ])('from %s is taken (202) and counts nothing', async (_who, headers) => {
    const ctx = post(headers);
    await reachController.record(ctx);
    expect([ctx.status, ctx.body]).toEqual([202, { data: { counted: 0 } }]);
    await service.counter.flush();
    expect(await service.rows('offer-1', '2026-12-04')).toEqual([]);
  });

  it('larger than 4,096 bytes is refused with 413; 4,096 are read', async () => {
    await expect(reachController.record(post({}, undefined, 4_097))).rejects.toThrow(new errors.PayloadTooLargeError('The batch is too large: send at most 4096 bytes.'));
    const ctx = post({}, undefined, 4_096);
    await reachController.record(ctx);
    expect(ctx.body).toEqual({ data: { counted: 1 } });
  });
});
