/** The plugin's settings (config/plugins: 'kinship-offer': { config: { … } }). */
export default {
  default: {
    /** A service not reviewed for this many months is listed as overdue. */
    serviceReviewMonths: 12,
    /** Readers' feedback accepted from one IP address per minute. */
    feedbackPerMinute: 10,
    /**
     * When the daily review reminder runs (cron syntax, server time), or false for never. It
     * e-mails only when Strapi's e-mail plugin has a provider other than its default, sendmail.
     */
    reviewReminderSchedule: '0 7 * * *' as string | false,
    /** Reach: batches of readers' anonymous events accepted from one IP address per minute. */
    reachPerMinute: 120,
    /**
     * Reach: how often each instance writes its counts to the database, in seconds; a crash loses
     * at most this many seconds of counts.
     */
    reachFlushSeconds: 10,
    /** Reach: sites an offer has never been seen on that each instance lets in per day; more count as "other sites". */
    reachNewSitesPerDay: 20,
  },
  validator(config: Record<string, unknown>) {
    const schedule = config.reviewReminderSchedule;
    if (schedule !== false && (typeof schedule !== 'string' || schedule.trim().split(/\s+/).length < 5)) {
      throw new Error('kinship-offer: reviewReminderSchedule must be a cron expression such as "0 7 * * *", or false');
    }
    for (const key of ['serviceReviewMonths', 'feedbackPerMinute', 'reachPerMinute', 'reachFlushSeconds', 'reachNewSitesPerDay'] as const) {
      const value = config[key];
      if (!Number.isInteger(value) || (value as number) < 1) throw new Error(`kinship-offer: ${key} must be a whole number, 1 or more`);
    }
  },
};
