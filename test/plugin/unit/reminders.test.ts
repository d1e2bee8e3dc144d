/**
 * The daily review reminders against a real SQLite database (knex and better-sqlite3, without a
 * Strapi): each overdue spell of each item is sent once, whichever instance runs first and however
 * often; a reminder that could not be sent is tried again the next day; nothing is claimed while no
 * e-mail provider is configured. What is overdue (the compliance service) and the e-mail provider
 * are stand-ins, the boundaries the reminders call. (PostgreSQL and a real Strapi:
 * concurrency-guards.test.ts and review-reminders.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import type { OverdueItem } from '../../../plugin/shared/admin-api';
import reminders, { REMINDER_TABLE, reminderKey, reminderMessage } from '../../../plugin/server/src/services/reminders';
import { sqliteDatabases } from './support/sqlite';

const connect = sqliteDatabases();

const offerItem = (documentId: string, notify: string | null = 'officer@example.gov.uk', due: string | null = '2026-11-30'): OverdueItem => ({
  kind: 'offer',
  documentId,
  name: `Offer ${documentId}`,
  offer: { documentId, name: `Offer ${documentId}` },
  notify,
  due,
});

/**
 * One instance of the CMS on this test's database: its reminders service, what it sent, what it
 * logged. `overdue` is what the compliance service finds; `provider` the app's e-mail provider
 * (null: the app sets none); `failFor` the addresses the provider cannot reach.
 */
function instance({ overdue, provider = 'nodemailer', email = true, failFor = new Set<string>(), serverUrl, partners = {} }: {
  overdue: (today: Date) => OverdueItem[];
  provider?: string | null;
  email?: boolean;
  failFor?: Set<string>;
  /** The app's `server.url`, which the providers' review links are made from. */
  serverUrl?: string;
  /** The partner-links service's answers: the services with no e-mail to write to; those whose send throws. */
  partners?: { noEmail?: Set<string>; failing?: Set<string> };
}) {
  const knex = connect();
  const sent: Array<{ to: string; subject: string }> = [];
  const linksSent: Array<{ documentId: string; requestedBy: string; link: string; now: Date }> = [];
  const logged: string[] = [];
  const config: Record<string, unknown> = { 'plugin::email.provider': provider ?? undefined, 'server.url': serverUrl };
  const partnerLinks = {
    send: async (documentId: string, { requestedBy, formUrl, now }: { requestedBy: string; formUrl: (documentId: string, token: string) => string; now: Date }) => {
      if (partners.failing?.has(documentId)) throw new Error('the mail server refused it');
      if (partners.noEmail?.has(documentId)) return null;
      linksSent.push({ documentId, requestedBy, link: formUrl(documentId, 'token'), now });
      return { sentTo: 'provider@example.org' };
    },
  };
  const strapi: any = {
    db: { connection: knex },
    config: { get: (key: string, fallback?: unknown) => config[key] ?? fallback },
    log: { info: (message: string) => logged.push(message), warn: (message: string) => logged.push(message), error: (message: string) => logged.push(message) },
    plugin: (name: string) => {
      if (name === 'kinship-offer') {
        return {
          service: (service: string) =>
            service === 'compliance' ? { overdue: async ({ today }: { today: Date }) => overdue(today) } : service === 'partner-links' ? partnerLinks : undefined,
        };
      }
      if (name === 'email' && email) {
        return {
          service: (service: string) => service === 'email' && ({
            send: async ({ to, subject }: { to: string; subject: string }) => {
              if (failFor.has(to)) throw new Error('the mail server refused it');
              sent.push({ to, subject });
            },
          }),
        };
      }
      return undefined;
    },
  };
  (globalThis as any).strapi = strapi;
  return { service: reminders({ strapi }), sent, linksSent, logged, knex };
}

describe('the review reminders', () => {
  it('send one reminder per overdue item to whom it names, none where it names no one, and none the next day', async () => {
    const overdue = () => [offerItem('a'), offerItem('b', 'contact@example.gov.uk'), offerItem('c', null)];
    const cms = instance({ overdue });
    await cms.service.ensureTable();
    expect(await cms.service.run()).toEqual({ overdue: 3, sent: 2, alreadyClaimed: 0, partnerLinks: 0 });
    expect(cms.sent).toEqual([
      { to: 'officer@example.gov.uk', subject: 'Due for review: Offer a' },
      { to: 'contact@example.gov.uk', subject: 'Due for review: Offer b' },
    ]);
    expect(await cms.service.run()).toEqual({ overdue: 3, sent: 0, alreadyClaimed: 2, partnerLinks: 0 });
    expect(cms.sent).toHaveLength(2);
    expect(cms.logged.at(-1)).toBe('kinship-offer: 3 item(s) overdue for review; 0 reminder(s) and 0 review link(s) sent');
  });

  it('are sent once when two instances run at the same moment', async () => {
    const overdue = () => Array.from({ length: 20 }, (_, i) => offerItem(`o${i}`));
    const [one, two] = [instance({ overdue }), instance({ overdue })];
    await Promise.all([one.service.ensureTable(), two.service.ensureTable()]);
    const runs = await Promise.all([one.service.run(), two.service.run(), one.service.run()]);
    expect(runs.reduce((sum, run) => sum + run.sent, 0)).toBe(20);
    expect(runs.reduce((sum, run) => sum + run.alreadyClaimed, 0)).toBe(40);
    expect(new Set([...one.sent, ...two.sent].map((mail) => mail.subject)).size).toBe(20);
  });

  it('send again for a new overdue spell (a new due date), not for the same one', async () => {
    let due = '2026-11-30';
    const cms = instance({ overdue: () => [offerItem('a', 'officer@example.gov.uk', due)] });
    await cms.service.ensureTable();
    await cms.service.run();
    due = '2026-12-31';
    expect((await cms.service.run()).sent).toBe(1);
    expect(cms.sent).toHaveLength(2);
  });

  it('give the claim back when the reminder cannot be sent, so the next run sends it, and say why; others\' claims stay', async () => {
    const failFor = new Set(['officer@example.gov.uk']);
    // b is claimed and sent before a fails.
    const cms = instance({ overdue: () => [offerItem('b', 'contact@example.gov.uk'), offerItem('a')], failFor });
    await cms.service.ensureTable();
    expect(await cms.service.run()).toEqual({ overdue: 2, sent: 1, alreadyClaimed: 0, partnerLinks: 0 });
    expect(cms.logged).toContain('kinship-offer: could not send the review reminder for offer:a:2026-11-30: the mail server refused it');
    expect(await cms.knex(REMINDER_TABLE).pluck('key')).toEqual(['offer:b:2026-11-30']);
    failFor.clear();
    expect(await cms.service.run()).toEqual({ overdue: 2, sent: 1, alreadyClaimed: 1, partnerLinks: 0 });
    expect(cms.sent.map((mail) => mail.to)).toEqual(['contact@example.gov.uk', 'officer@example.gov.uk']);
  });

  it('ask what is overdue as of the day they run for', async () => {
    const asked: Date[] = [];
    const cms = instance({ overdue: (today) => (asked.push(today), []) });
    await cms.service.run({ today: new Date('2026-12-07T06:00:00Z') });
    expect(asked).toEqual([new Date('2026-12-07T06:00:00Z')]);
  });

  it.each([
    ['no provider is chosen (Strapi\'s sendmail)', { provider: 'sendmail' }],
    ['the e-mail plugin is not installed', { email: false }],
  ])('claim and send nothing while %s, and say so', async (_why, options) => {
    const cms = instance({ overdue: () => [offerItem('a')], ...options });
    await cms.service.ensureTable();
    expect(await cms.service.run()).toEqual({ overdue: 1, sent: 0, alreadyClaimed: 0, partnerLinks: 0, skipped: 'no e-mail provider is configured' });
    expect(cms.logged).toEqual(['kinship-offer: 1 item(s) overdue for review; no e-mail provider is configured, so no reminders were sent']);
    expect(await cms.knex(REMINDER_TABLE).count({ claims: '*' })).toEqual([{ claims: 0 }]);
  });

  it('treat an app with no provider setting as sendmail, and do nothing when nothing is overdue', async () => {
    const cms = instance({ overdue: () => [offerItem('a')], provider: null });
    await cms.service.ensureTable();
    expect((await cms.service.run()).skipped).toBe('no e-mail provider is configured');
    const quiet = instance({ overdue: () => [] });
    expect(await quiet.service.run()).toEqual({ overdue: 0, sent: 0, alreadyClaimed: 0, partnerLinks: 0 });
    expect(quiet.logged).toEqual([]);
  });
});

describe("the providers' review links", () => {
  const serviceItem = (documentId: string, notify: string | null = 'officer@example.gov.uk'): OverdueItem => ({
    kind: 'service',
    documentId,
    name: `Service ${documentId}`,
    offer: { documentId: 'o1', name: 'Example Borough' },
    notify,
    lastReviewedAt: '2025-11-30',
  });
  const serverUrl = 'https://cms.example.gov.uk/';

  it("send each overdue service's provider one link to the form at the public address, beside the officer's reminder, once a spell; none for an offer", async () => {
    const today = new Date('2026-12-07T06:00:00Z');
    const cms = instance({ overdue: () => [serviceItem('s1'), serviceItem('s2', null), offerItem('o1')], serverUrl });
    await cms.service.ensureTable();
    expect(await cms.service.run({ today })).toEqual({ overdue: 3, sent: 2, alreadyClaimed: 0, partnerLinks: 2 });
    expect(cms.linksSent).toEqual([
      { documentId: 's1', requestedBy: 'the review reminder', link: 'https://cms.example.gov.uk/api/kinship-offer/service-review/s1/token', now: today },
      { documentId: 's2', requestedBy: 'the review reminder', link: 'https://cms.example.gov.uk/api/kinship-offer/service-review/s2/token', now: today },
    ]);
    expect(cms.logged).toEqual(['kinship-offer: 3 item(s) overdue for review; 2 reminder(s) and 2 review link(s) sent']);
    expect(await cms.service.run({ today })).toEqual({ overdue: 3, sent: 0, alreadyClaimed: 4, partnerLinks: 0 });
    expect(cms.linksSent).toHaveLength(2);
  });

  it('count a service whose provider has no e-mail address as done for the spell, not as a link sent', async () => {
    const cms = instance({ overdue: () => [serviceItem('s1')], serverUrl, partners: { noEmail: new Set(['s1']) } });
    await cms.service.ensureTable();
    expect((await cms.service.run()).partnerLinks).toBe(0);
    expect((await cms.service.run()).alreadyClaimed).toBe(2);
  });

  it('give the link\'s claim back when it cannot be sent, and send it the next run; the reminder is not sent twice', async () => {
    const failing = new Set(['s1']);
    const cms = instance({ overdue: () => [serviceItem('s1')], serverUrl, partners: { failing } });
    await cms.service.ensureTable();
    expect(await cms.service.run()).toEqual({ overdue: 1, sent: 1, alreadyClaimed: 0, partnerLinks: 0 });
    expect(cms.logged).toContain('kinship-offer: could not send the review link for service:s1:o1:2025-11-30: the mail server refused it');
    failing.clear();
    expect(await cms.service.run()).toEqual({ overdue: 1, sent: 0, alreadyClaimed: 1, partnerLinks: 1 });
    expect(cms.sent).toHaveLength(1);
  });

  it.each([
    ['no public address is set', undefined],
    ['the public address is not a web address', 'cms.example.gov.uk'],
  ])("send no link, claim none and say what to set, while %s; the officers' reminders still go", async (_why, url) => {
    const cms = instance({ overdue: () => [offerItem('o1'), serviceItem('s1')], serverUrl: url });
    await cms.service.ensureTable();
    expect(await cms.service.run()).toEqual({ overdue: 2, sent: 2, alreadyClaimed: 0, partnerLinks: 0 });
    expect(cms.linksSent).toEqual([]);
    expect(cms.logged).toContain('kinship-offer: no review links were sent to providers: set the public address (PUBLIC_URL, server.url) they are made from');
    expect((await cms.knex(REMINDER_TABLE).pluck('key')).sort()).toEqual(['offer:o1:2026-11-30', 'service:s1:o1:2025-11-30']);
  });

  it('say nothing of the public address when no service is overdue', async () => {
    const cms = instance({ overdue: () => [offerItem('o1')] });
    await cms.service.ensureTable();
    await cms.service.run();
    expect(cms.logged.filter((message) => message.includes('public address'))).toEqual([]);
  });
});

describe('a reminder', () => {
  const service = (lastReviewedAt: string | null): OverdueItem => ({
    kind: 'service',
    documentId: 's1',
    name: 'Allowance advice',
    offer: { documentId: 'o1', name: 'Example Borough' },
    notify: 'officer@example.gov.uk',
    lastReviewedAt,
  });

  it('is keyed by the item, its offer and its overdue spell', () => {
    expect(reminderKey(offerItem('o1'))).toBe('offer:o1:2026-11-30');
    expect(reminderKey(offerItem('o1', null, null))).toBe('offer:o1:unset');
    expect(reminderKey(service('2025-11-30'))).toBe('service:s1:o1:2025-11-30');
    expect(reminderKey(service(null))).toBe('service:s1:o1:never');
  });

  it('says what is due, why, and what to do', () => {
    expect(reminderMessage(offerItem('o1'))).toEqual({
      subject: 'Due for review: Offer o1',
      text: 'The kinship local offer "Offer o1" is due for review. Its next review was due on 2026-11-30.\n\nCheck that it is still accurate, then use "Mark as reviewed today" on it in the CMS.\n',
    });
    expect(reminderMessage(offerItem('o1', null, null)).text).toContain('It has no next review date.');
    expect(reminderMessage(service('2025-11-30')).text).toMatch(/^The service "Allowance advice" in the kinship local offer "Example Borough" is due for review\. It was last reviewed on 2025-11-30\./);
    expect(reminderMessage(service(null)).text).toContain('It has never been marked as reviewed.');
  });
});
