/** The plugin's settings (config/plugins: 'kinship-offer': { config: { … } }). */
import { DEFAULT_PAGES_PATH, PAGES_PATH_PATTERN } from './pages/addresses';

/** Seconds, see `cache` below. */
export const CACHE_DEFAULTS = { sharedMaxAge: 30, staleWhileRevalidate: 30, staleIfError: 86_400 };
export type CacheSettings = typeof CACHE_DEFAULTS;

export default {
  default: {
    /** A service not reviewed for this many months is listed as overdue. */
    serviceReviewMonths: 12,
    /** Readers' feedback accepted from one IP address per minute. */
    feedbackPerMinute: 10,
    /**
     * Days a review link e-mailed to a service's provider works (partners/service): from when it
     * is sent, whether by the daily review reminder or by an editor. Links are made from the app's
     * `server.url` (PUBLIC_URL) and are sent only while it is set and an e-mail provider is.
     */
    partnerLinkDays: 30,
    /** Requests to the partner's review form (opening and sending it) accepted from one IP address per minute, across every instance. */
    partnerFormPerMinute: 20,
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
    /**
     * Reach: one address counts each event (a view, a service opened, a tap) once per this many
     * minutes, per instance (reach/repeats); 0 counts every repeat.
     */
    reachRepeatMinutes: 30,
    /** Reach: sites an offer has never been seen on that each instance lets in per day; more count as "other sites". */
    reachNewSitesPerDay: 20,
    /**
     * How shared caches (a CDN, Varnish, nginx) may keep the public reads: the widget's offer
     * request, the Open Referral feed and the public pages. In seconds, each sent in
     * `Cache-Control`: `public, max-age=0, must-revalidate, s-maxage=<sharedMaxAge>,
     * stale-while-revalidate=<staleWhileRevalidate>, stale-if-error=<staleIfError>`. Browsers ask
     * again every time (max-age=0 with must-revalidate: a 304 with no body when unchanged, and
     * never their own stale copy); only shared caches serve stale. After a publish, a reader sees
     * the change within sharedMaxAge + staleWhileRevalidate + 1 s (the content version is reused
     * for a second): 61 s by default, and at once without a shared cache. With the CMS down, a
     * shared cache may go on serving what it has for staleIfError.
     */
    cache: { ...CACHE_DEFAULTS },
    /**
     * The plain-English check for editors (advice only): flag sentences most readability formulas
     * put above `readingAge` (years), sentences of more than `maxSentenceWords` words, and
     * abbreviations not spelled out at first use. `abbreviations` adds to (or rewords) the
     * plugin's list: { KSP: 'kinship support plan' }.
     */
    plainEnglish: { readingAge: 12, maxSentenceWords: 25, abbreviations: {} as Record<string, string> },
    /**
     * Where the public pages are served (a page per offer and per service, and a sitemap: see
     * pages/addresses), a path on the CMS's own address such as '/kinship-offer' (the default),
     * or false for no pages.
     */
    pages: DEFAULT_PAGES_PATH as string | false,
  },
  validator(config: Record<string, unknown>) {
    const schedule = config.reviewReminderSchedule;
    if (schedule !== false && (typeof schedule !== 'string' || schedule.trim().split(/\s+/).length < 5)) {
      throw new Error('kinship-offer: reviewReminderSchedule must be a cron expression such as "0 7 * * *", or false');
    }
    for (const key of ['serviceReviewMonths', 'feedbackPerMinute', 'partnerLinkDays', 'partnerFormPerMinute', 'reachPerMinute', 'reachFlushSeconds', 'reachNewSitesPerDay'] as const) {
      const value = config[key];
      if (!Number.isInteger(value) || (value as number) < 1) throw new Error(`kinship-offer: ${key} must be a whole number, 1 or more`);
    }
    if (!Number.isInteger(config.reachRepeatMinutes) || (config.reachRepeatMinutes as number) < 0) {
      throw new Error('kinship-offer: reachRepeatMinutes must be a whole number of minutes, 0 or more');
    }
    const plain = config.plainEnglish as Record<string, unknown>;
    if (!plain || typeof plain !== 'object' || Array.isArray(plain)) throw new Error('kinship-offer: plainEnglish must be an object such as { readingAge: 12 }');
    for (const key of ['readingAge', 'maxSentenceWords'] as const) {
      if (!Number.isInteger(plain[key]) || (plain[key] as number) < 1) throw new Error(`kinship-offer: plainEnglish.${key} must be a whole number, 1 or more`);
    }
    const abbreviations = plain.abbreviations as Record<string, unknown>;
    if (!abbreviations || typeof abbreviations !== 'object' || Array.isArray(abbreviations) || Object.entries(abbreviations).some(([short, long]) => !short.trim() || typeof long !== 'string' || !long.trim())) {
      throw new Error('kinship-offer: plainEnglish.abbreviations must map each abbreviation to what it stands for, such as { KSP: "kinship support plan" }');
    }
    const pages = config.pages;
    if (pages !== false && (typeof pages !== 'string' || !PAGES_PATH_PATTERN.test(pages) || /^\/(api|admin|graphql)(\/|$)/.test(pages))) {
      throw new Error(`kinship-offer: pages must be a path such as "${DEFAULT_PAGES_PATH}" (no trailing slash, not under /api, /admin or /graphql), or false`);
    }
    const cache = (config.cache ?? {}) as Record<string, unknown>;
    if (typeof cache !== 'object' || Array.isArray(cache)) throw new Error('kinship-offer: cache must be an object such as { sharedMaxAge: 30 }');
    for (const [key, value] of Object.entries(cache)) {
      if (!(key in CACHE_DEFAULTS)) throw new Error(`kinship-offer: cache.${key} is not a setting (${Object.keys(CACHE_DEFAULTS).join(', ')} are)`);
      if (!Number.isInteger(value) || (value as number) < 0) throw new Error(`kinship-offer: cache.${key} must be a whole number of seconds, 0 or more`);
    }
  },
};
