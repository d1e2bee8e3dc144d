/**
 * The daily review reminder: finds what has become overdue for review and, when Strapi's e-mail
 * provider is configured, tells the offer's accountable officer (else its named contact), once per
 * item and overdue spell.
 *
 * "Once" must hold with several instances sharing one database, each running the same cron job at
 * the same minute. So an instance sends a reminder only after it has claimed it: it inserts the
 * reminder's key into a small table whose primary key is that key, ignoring a conflict, and reads
 * back who holds the claim. Exactly one instance wins each key. The key includes the date the item
 * fell due from, so marking it reviewed starts a new spell and a later reminder.
 *
 * A service falling due also sends its provider's contact a private link to check it
 * (../partners), claimed the same way under its own key, once per spell.
 */
import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { OverdueItem } from '../../../shared/admin-api';
import { ensureTable as ensureOwnTable } from '../own-tables';
import { partnerFormUrl } from '../partners/controller';
import { getService } from './get-service';

export const REMINDER_TABLE = 'kinship_offer_review_reminders';

/** The key of one overdue spell of one item. */
export const reminderKey = (item: OverdueItem) =>
  item.kind === 'offer' ? `offer:${item.documentId}:${item.due ?? 'unset'}` : `service:${item.documentId}:${item.offer.documentId}:${item.lastReviewedAt ?? 'never'}`;

export const reminderMessage = (item: OverdueItem) => {
  const what = item.kind === 'offer' ? `The kinship local offer "${item.name}"` : `The service "${item.name}" in the kinship local offer "${item.offer.name}"`;
  const why =
    item.kind === 'offer'
      ? item.due ? `Its next review was due on ${item.due}.` : 'It has no next review date.'
      : item.lastReviewedAt ? `It was last reviewed on ${item.lastReviewedAt}.` : 'It has never been marked as reviewed.';
  return {
    subject: `Due for review: ${item.name}`,
    text: `${what} is due for review. ${why}\n\nCheck that it is still accurate, then use "Mark as reviewed today" on it in the CMS.\n`,
  };
};

export interface ReminderRun {
  overdue: number;
  /** Reminders this instance claimed and sent. */
  sent: number;
  /** Reminders and links claimed earlier, or by another instance. */
  alreadyClaimed: number;
  /** Review links this instance claimed and e-mailed to services' providers. */
  partnerLinks: number;
  /** Why nothing was sent, if nothing could be. */
  skipped?: string;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const emailConfigured = () => {
    const email = strapi.plugin('email');
    // Strapi's default provider is sendmail, which needs a mail server on the machine: until an
    // app chooses a provider, nothing is sent.
    return !!email && (strapi.config.get('plugin::email.provider') ?? 'sendmail') !== 'sendmail';
  };

  const ensureTable = () =>
    ensureOwnTable(strapi.db.connection, REMINDER_TABLE, (table) => {
      table.string('key', 255).primary();
      table.string('claimed_by', 64).notNullable();
      table.datetime('claimed_at').notNullable();
    });

  /**
   * The claimant's token if it now holds the key, whoever else tried at the same time (a claim made
   * by an earlier run, on this instance or another, is not this run's to send).
   */
  async function claim(key: string) {
    const claimant = randomUUID();
    const knex = strapi.db.connection;
    await knex(REMINDER_TABLE).insert({ key, claimed_by: claimant, claimed_at: new Date() }).onConflict('key').ignore();
    const row = await knex(REMINDER_TABLE).where({ key }).first('claimed_by');
    return row?.claimed_by === claimant ? claimant : null;
  }

  async function release(key: string, claimant: string) {
    await strapi.db.connection(REMINDER_TABLE).where({ key, claimed_by: claimant }).delete();
  }

  /**
   * Sends `what` ("the review reminder for …") once, whichever instance claims `key`; a failed send
   * gives the claim back and is logged. True when this run sent it.
   */
  async function sendOnce(key: string, what: string, send: () => Promise<unknown>, result: ReminderRun) {
    const claimant = await claim(key);
    if (!claimant) {
      result.alreadyClaimed += 1;
      return false;
    }
    try {
      await send();
      return true;
    } catch (error) {
      // Not sent: give the claim back so tomorrow's run (on any instance) tries again.
      await release(key, claimant);
      strapi.log.error(`kinship-offer: could not send ${what}: ${error instanceof Error ? error.message : error}`);
      return false;
    }
  }

  return {
    ensureTable,
    emailConfigured,

    /** One run of the daily job, as of `today`. */
    async run({ today = new Date() }: { today?: Date } = {}): Promise<ReminderRun> {
      const items = await getService('compliance').overdue({ today });
      const result: ReminderRun = { overdue: items.length, sent: 0, alreadyClaimed: 0, partnerLinks: 0 };
      if (!items.length) return result;
      if (!emailConfigured()) {
        strapi.log.info(`kinship-offer: ${items.length} item(s) overdue for review; no e-mail provider is configured, so no reminders were sent`);
        return { ...result, skipped: 'no e-mail provider is configured' };
      }
      const formUrl = partnerFormUrl(strapi);
      if (!formUrl && items.some((item) => item.kind === 'service')) strapi.log.warn('kinship-offer: no review links were sent to providers: set the public address (PUBLIC_URL, server.url) they are made from');
      for (const item of items) {
        const key = reminderKey(item);
        const remind = () => strapi.plugin('email').service('email').send({ to: item.notify, ...reminderMessage(item) });
        if (item.notify && (await sendOnce(key, `the review reminder for ${key}`, remind, result))) result.sent += 1;
        if (item.kind !== 'service' || !formUrl) continue;
        // A service with no e-mail to write to sends nothing, and counts as done for this spell.
        let linked = false;
        const link = async () => {
          linked = !!(await getService('partner-links').send(item.documentId, { requestedBy: 'the review reminder', formUrl, now: today }));
        };
        if ((await sendOnce(`partner-link:${key}`, `the review link for ${key}`, link, result)) && linked) result.partnerLinks += 1;
      }
      strapi.log.info(`kinship-offer: ${items.length} item(s) overdue for review; ${result.sent} reminder(s) and ${result.partnerLinks} review link(s) sent`);
      return result;
    },
  };
};
