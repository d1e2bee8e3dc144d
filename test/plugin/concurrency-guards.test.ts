/**
 * The guards that must hold when several requests or instances reach one database at the same
 * moment: the feedback rate limit (one address's requests counted across instances), the review
 * reminders' claims (each sent once) and reach's counters (added, never overwritten). Run on SQLite
 * and, in every CI, on PostgreSQL, where transactions really overlap (the nginx suite,
 * test/deploy/, shows the same through two processes, where it can run).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseHitLog, WINDOW_MS } from '../../plugin/server/src/middlewares/rate-limit';
import { ReachCounter, REACH_TABLE } from '../../plugin/server/src/reach/counter';
import { startCms, type TestCms } from '../support/cms';

let cms: TestCms;
let outbox: string[];

beforeAll(async () => {
  process.env.REACH_FLUSH_SECONDS = '3600';
  cms = await startCms();
  cms.strapi.plugin('email').service('email').send = async (message: any) => void outbox.push(`${message.to}|${message.subject}`);
});
afterAll(async () => cms?.stop());

const knex = () => cms.strapi.db.connection;
const FEEDBACK = 'plugin::kinship-offer.feedback';

describe('the feedback rate limit, asked at the same moment', () => {
  it('lets one address through feedbackPerMinute times when its requests all arrive at once', async () => {
    cms.strapi.config.set('plugin::kinship-offer.feedbackPerMinute', 3);
    const before = await cms.strapi.db.query(FEEDBACK).count();
    const send = () =>
      fetch(`${cms.url}/api/kinship-offer/feedback`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ data: { offer: 'example-borough', helpful: true, startedAt: Date.now() - 60_000 } }),
      }).then((response) => response.status);
    const statuses = await Promise.all(Array.from({ length: 24 }, send));
    expect(statuses.filter((status) => status === 202)).toHaveLength(3);
    expect(statuses.filter((status) => status === 429)).toHaveLength(21);
    expect(await cms.strapi.db.query(FEEDBACK).count()).toBe(before + 3);
  });

  it('holds one address to the limit across two instances\' logs on one database, each taking at once on its own connections', async () => {
    // Two instances: two logs, one table. Each take is its own transaction on its own connection.
    const instances = [databaseHitLog(knex), databaseHitLog(knex)];
    const now = Date.now();
    const takes = Array.from({ length: 40 }, (_, i) => instances[i % 2].take('a-client-digest', now + i, now - WINDOW_MS, 5));
    const answers = await Promise.all(takes);
    expect(answers.filter((answer) => answer === null)).toHaveLength(5);
    // Another address is not held back by the first.
    expect(await instances[0].take('another-client-digest', now, now - WINDOW_MS, 5)).toBeNull();
  });
});

describe('the review reminders\' claims', () => {
  it('e-mails each overdue item once when three instances run the daily job at the same moment', async () => {
    outbox = [];
    cms.strapi.config.set('plugin::email.provider', 'a-configured-provider');
    const reminders = cms.strapi.plugin('kinship-offer').service('reminders');
    const today = new Date('2029-05-01T07:00:00Z');
    const runs = await Promise.all([reminders.run({ today }), reminders.run({ today }), reminders.run({ today })]);
    const overdue = runs[0].overdue;
    expect(overdue).toBeGreaterThan(30);
    expect(runs.reduce((sum: number, run: any) => sum + run.sent, 0)).toBe(overdue);
    expect(runs.reduce((sum: number, run: any) => sum + run.alreadyClaimed, 0)).toBe(2 * overdue);
    expect(outbox).toHaveLength(overdue);
    expect(new Set(outbox).size).toBe(overdue);
  });
});

describe('reach\'s counters', () => {
  it('add what eight instances flush at the same moment to the same rows', async () => {
    const site = 'https://eight.example-instances.gov.uk';
    const keys = Array.from({ length: 20 }, (_, i) => ({ day: '2026-02-02', offer: 'an-offer-document-id', site, event: 'opened', subject: `service-${i}` }));
    const instances = Array.from({ length: 8 }, () => new ReachCounter(knex));
    for (let round = 1; round <= 2; round += 1) {
      instances.forEach((instance, n) => keys.forEach((key) => instance.add(key, n + 1)));
      await Promise.all(instances.map((instance) => instance.flush()));
    }
    const rows = await knex()(REACH_TABLE).where({ site }).select('subject', 'count');
    // 1 + 2 + … + 8 = 36 a round, two rounds.
    expect(rows).toHaveLength(20);
    expect(rows.every((row: any) => Number(row.count) === 72)).toBe(true);
  });
});
