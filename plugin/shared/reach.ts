/**
 * Reach: the anonymous events the widget reports and the counts editors see, defined once for the
 * widget (widget/src/reach.ts), the server (server/src/reach/) and the admin's Reach page.
 *
 * An event is `[event, subject]`: what the reader did, and what it concerns. The subject is a code
 * from a fixed list or a vocabulary, or a service's UUID (stored as the service's document id), or
 * '' (the offer itself, or its named contact). Nothing a reader typed is ever a subject.
 */

/**
 * Each event and what its subject is:
 * - `shown`: the offer was shown, subject the view (full, services, contact): once per page view;
 * - `arrangement`: an arrangement type chosen (its code; '' for "Not sure");
 * - `support_type`: a support type ticked (its code);
 * - `search`: a search made, subject how long it was (SEARCH_LENGTHS), never its words;
 * - `service`: a service's details opened (the service);
 * - `phone`, `email`, `web`: a phone number, e-mail address or web page tapped, in the named
 *   contact panel ('') or in a service's details (the service);
 * - `print`: the offer printed ('');
 * - `feedback`: "Was this helpful?" answered, about the offer ('') or a service.
 */
export const REACH_EVENTS = ['shown', 'arrangement', 'support_type', 'search', 'service', 'phone', 'email', 'web', 'print', 'feedback'] as const;
export type ReachEvent = (typeof REACH_EVENTS)[number];

/** The events whose subject is a service ('' for the offer itself or its named contact). */
export const SERVICE_EVENTS: readonly ReachEvent[] = ['service', 'phone', 'email', 'web', 'feedback'];

/** How long a search was, in characters: only the bucket is sent, never the words. */
export const SEARCH_LENGTHS = ['1-3', '4-10', '11-20', '21+'] as const;
export const searchLength = (characters: number) => SEARCH_LENGTHS[characters < 4 ? 0 : characters < 11 ? 1 : characters < 21 ? 2 : 3];

/** The body the widget POSTs to /api/kinship-offer/reach (sent as text/plain, so no CORS preflight). */
export interface ReachBatch {
  /** The offer's slug. */
  offer: string;
  events: Array<[ReachEvent, string]>;
}

/** The host site under which sites past the day's limit of new sites are counted (see server/src/reach). */
export const OTHER_SITES = '';

/** A week's views, Monday first (ISO 8601 week, UTC). */
export interface ReachWeek {
  /** The Monday, YYYY-MM-DD. */
  week: string;
  views: number;
  /** What changed that week: the offer or a service published or updated (titles). */
  changes: string[];
}

/** One site the offer is embedded on (an origin such as https://www.example-borough.gov.uk). */
export interface ReachSite {
  /** The page's origin; '' for sites past the day's limit of new sites, counted together. */
  site: string;
  /** The CMS's own origin (its own pages): shown apart from partners' sites, not counted among them. */
  own?: true;
  /** YYYY-MM-DD, UTC. */
  firstSeen: string;
  lastSeen: string;
  /** Views in the last 12 months, and in the 30 days to today. */
  views: number;
  viewsLast30Days: number;
}

/** A vocabulary term, how often readers chose it, and how many published services offer it. */
export interface ReachChoice {
  code: string;
  label: string;
  chosen: number;
  /** Published services of the offer open to this arrangement, or of this support type. */
  services: number;
}

/** A published service: how often readers opened it and tapped its contacts. */
export interface ReachService {
  documentId: string;
  title: string;
  opened: number;
  phone: number;
  email: number;
  web: number;
  feedback: number;
}

/** GET /reach/:documentId: an offer's reach over the last 12 months (UTC days, to today). */
export interface ReachReport {
  documentId: string;
  name: string;
  /** The first and last day counted, YYYY-MM-DD. */
  from: string;
  to: string;
  totals: { views: number; viewsLast30Days: number; sites: number };
  /** Views by view type (full, services, contact). */
  views: Record<string, number>;
  weeks: ReachWeek[];
  sites: ReachSite[];
  arrangements: ReachChoice[];
  supportTypes: ReachChoice[];
  /** Searches by length (SEARCH_LENGTHS). */
  searches: Record<string, number>;
  /** Taps on the named contact panel. */
  namedContact: { phone: number; email: number; web: number };
  /** Every published service, most opened first. */
  services: ReachService[];
  prints: number;
  feedback: number;
}

/** One stored count, as the CSV download lists them. */
export interface ReachRow {
  /** YYYY-MM-DD, UTC. */
  day: string;
  site: string;
  event: ReachEvent;
  subject: string;
  count: number;
}
