/**
 * The daily review reminder: e-mails the offer's accountable officer about each item overdue for
 * review, once, even with two instances of the CMS running the job on one database at the same
 * moment. Outgoing mail is the boundary: Strapi's e-mail service is replaced by an outbox.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startCms, type TestCms } from '../support/cms';

let cms: TestCms;
let outbox: Array<{ to: string; subject: string; text: string }>;
let failNext = 0;

beforeAll(async () => {
  cms = await startCms();
  const email = cms.strapi.plugin('email').service('email');
  email.send = async (message: any) => {
    if (failNext > 0) {
      failNext -= 1;
      throw new Error('mail server said no');
    }
    outbox.push(message);
  };
});
afterAll(async () => cms?.stop());
beforeEach(() => {
  outbox = [];
  failNext = 0;
  cms.strapi.config.set('plugin::email.provider', 'a-configured-provider');
});

const reminders = () => cms.strapi.plugin('kinship-offer').service('reminders');
/** Long after the demo's reviews: the offers and every service are overdue. */
const later = new Date('2028-03-01T07:00:00Z');

describe('the daily review reminder', () => {
  it('is scheduled daily at 07:00 by default', () => {
    expect(cms.strapi.plugin('kinship-offer').config('reviewReminderSchedule')).toBe('0 7 * * *');
    expect(cms.strapi.cron.jobs.map((job: any) => job.name)).toContain('kinship-offer:review-reminders');
  });

  it('sends nothing, and claims nothing, while no e-mail provider is configured', async () => {
    cms.strapi.config.set('plugin::email.provider', 'sendmail');
    const run = await reminders().run({ today: later });
    expect(run.overdue).toBeGreaterThan(0);
    expect(run).toMatchObject({ sent: 0, skipped: 'no e-mail provider is configured' });
    expect(outbox).toEqual([]);
  });

  it('e-mails each overdue item once when two instances run at the same moment, and not again the next day', async () => {
    // Two runs at once on one database race for every claim exactly as two instances would.
    const [a, b] = await Promise.all([
      reminders().run({ today: later }),
      reminders().run({ today: later }),
    ]);
    const overdue = await cms.strapi.plugin('kinship-offer').service('compliance').overdue({ today: later });
    // Both demo offers and every service in them (31 and 5), each once.
    expect(overdue.length).toBe(2 + 31 + 5);
    expect(a.overdue).toBe(overdue.length);
    // Which run claims which item is the database's race (on PostgreSQL one often claims them all).
    expect(a.sent + b.sent).toBe(overdue.length);
    expect(outbox).toHaveLength(overdue.length);
    expect(new Set(outbox.map((m) => `${m.to}|${m.subject}|${m.text}`)).size).toBe(overdue.length);

    const borough = outbox.find((m) => m.subject === 'Due for review: Example Borough Council')!;
    expect(borough.to).toBe('alex.morgan@example.gov.uk'); // the accountable officer
    expect(borough.text).toMatch(/Mark as reviewed today/);

    const nextDay = await reminders().run({ today: new Date('2028-03-02T07:00:00Z') });
    expect(nextDay).toMatchObject({ sent: 0, alreadyClaimed: overdue.length });
  });

  it('reminds again when a reviewed item falls overdue once more', async () => {
    const services = cms.strapi.documents('plugin::kinship-offer.service');
    const navigators = await services.findFirst({ filters: { title: 'Kinship navigators' }, status: 'published' });
    await cms.strapi.plugin('kinship-offer').service('reviews').markReviewed('service', navigators!.documentId, 'A. Editor', later);
    await services.publish({ documentId: navigators!.documentId });

    const stillCurrent = await reminders().run({ today: new Date('2028-06-01T07:00:00Z') });
    expect(outbox.filter((m) => m.subject.includes('Kinship navigators'))).toEqual([]);
    expect(stillCurrent.sent).toBe(0);

    await reminders().run({ today: new Date('2029-04-01T07:00:00Z') });
    expect(outbox.filter((m) => m.subject === 'Due for review: Kinship navigators')).toHaveLength(1);
  });

  it('gives the claim back when the e-mail cannot be sent, so a later run sends it', async () => {
    const offers = cms.strapi.documents('plugin::kinship-offer.offer');
    const shared = await offers.findFirst({ filters: { slug: 'example-shared-service' } });
    await offers.update({ documentId: shared!.documentId, data: { nextReviewDue: '2029-05-01' } as any });
    const day = new Date('2029-05-02T07:00:00Z');

    failNext = 1;
    const failed = await reminders().run({ today: day });
    expect(outbox.filter((m) => m.subject.includes('Tri-Borough'))).toEqual([]);
    expect(failed.sent).toBe(0);

    const retried = await reminders().run({ today: day });
    expect(retried.sent).toBe(1);
    expect(outbox.map((m) => m.text)).toEqual([expect.stringContaining('Its next review was due on 2029-05-01.')]);
  });
});
