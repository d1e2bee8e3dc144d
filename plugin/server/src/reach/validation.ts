/**
 * The checks on a reach batch that need no database: its shape, its size, each event and the form
 * of its subject, the page's site from the request's headers, and the reader's privacy signals.
 * Each refusal is a ValidationError naming the problem (the controller answers 400 with it).
 */
import { errors } from '@strapi/utils';
import { isbot } from 'isbot';
import { OFFER_VIEWS } from '../../../shared/code-lists';
import { MAX_SITE_CHARS } from './counter';
import { REACH_EVENTS, SEARCH_LENGTHS, SERVICE_EVENTS, type ReachBatch, type ReachEvent } from '../../../shared/reach';

/** Events in one request: a page view with every action a reader could take in one tick is far fewer. */
export const MAX_EVENTS = 40;
/** Bytes in one request's body (40 events with a service's UUID each take under 2 KiB). */
export const MAX_BODY_BYTES = 4_096;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Vocabulary codes are lower_snake_case (vocabularies.ts); which exist is checked against the database. */
const CODE = /^[a-z0-9_]{1,64}$/;
const SHAPE = 'Send the events as JSON: { "offer": "<slug>", "events": [["shown", "full"], …] }';

const refuse = (message: string, field?: string): never => {
  throw new errors.ValidationError(message, field ? { errors: [{ path: [field], message, name: 'ValidationError' }] } : {});
};

/** Why a subject is not right for its event, or null. Known codes and services are checked later. */
function subjectProblem(event: ReachEvent, subject: string): string | null {
  switch (event) {
    case 'shown':
      return (OFFER_VIEWS as readonly string[]).includes(subject) ? null : `the view shown must be one of ${OFFER_VIEWS.join(', ')}`;
    case 'search':
      return (SEARCH_LENGTHS as readonly string[]).includes(subject) ? null : `a search is sent as its length, one of ${SEARCH_LENGTHS.join(', ')}`;
    case 'print':
      return subject === '' ? null : 'print takes no subject: send ""';
    case 'arrangement':
      return subject === '' || CODE.test(subject) ? null : 'an arrangement is sent as its code ("" for "Not sure")';
    case 'support_type':
      return CODE.test(subject) ? null : 'a support type is sent as its code';
    case 'service':
      return UUID.test(subject) ? null : 'a service is sent as its UUID';
    default:
      return subject === '' || UUID.test(subject) ? null : `${event} is sent with a service's UUID, or "" for the named contact`;
  }
}

/**
 * Reads a batch from a request body: a JSON string (the widget sends text/plain, which needs no
 * CORS preflight) or an object (application/json), of at most MAX_BODY_BYTES.
 */
export function readBatch(body: unknown): ReachBatch {
  let input = body;
  if (typeof body === 'string') {
    if (Buffer.byteLength(body) > MAX_BODY_BYTES) refuse(`The batch is too large: send at most ${MAX_BODY_BYTES} bytes.`);
    try {
      input = JSON.parse(body);
    } catch {
      refuse(`The body is not JSON. ${SHAPE}`);
    }
  }
  if (!input || typeof input !== 'object' || Array.isArray(input)) refuse(SHAPE);
  const unknown = Object.keys(input as object).filter((key) => key !== 'offer' && key !== 'events');
  if (unknown.length) refuse(`Unknown field "${unknown[0]}". Send offer and events.`, unknown[0]);
  const { offer, events } = input as Record<string, unknown>;
  if (typeof offer !== 'string' || !offer || offer.length > 200) refuse('Name the offer (its slug).', 'offer');
  if (!Array.isArray(events) || !events.length || events.length > MAX_EVENTS) refuse(`events must be a list of 1 to ${MAX_EVENTS} events.`, 'events');
  (events as unknown[]).forEach((item, index) => {
    const where = `events[${index}]`;
    if (!Array.isArray(item) || item.length !== 2 || typeof item[0] !== 'string' || typeof item[1] !== 'string') {
      refuse(`${where} must be [event, subject], two strings.`, where);
    }
    const [event, subject] = item as [string, string];
    if (!(REACH_EVENTS as readonly string[]).includes(event)) refuse(`${where}: unknown event "${event}"; send one of ${REACH_EVENTS.join(', ')}.`, where);
    const problem = subjectProblem(event as ReachEvent, subject);
    if (problem) refuse(`${where}: ${problem}.`, where);
  });
  return { offer: offer as string, events: events as ReachBatch['events'] };
}

/** Whether the event's subject is a service (else a code, or nothing). */
export const concernsService = (event: ReachEvent, subject: string) => subject !== '' && SERVICE_EVENTS.includes(event);

/**
 * The site the offer was shown on: the origin of the page (scheme, host and port), from the
 * Origin header, else from the Referer's origin. Never its path or query, which are not kept.
 * An origin longer than its column (a forged host name: WHATWG URL does not hold it to DNS's 253
 * characters) is refused here, since on PostgreSQL it would fail the whole batch's write at every flush.
 */
export function pageSite(headers: Record<string, string | string[] | undefined>): string {
  for (const name of ['origin', 'referer']) {
    const value = headers[name];
    if (typeof value !== 'string' || !value || value === 'null' || !URL.canParse(value)) continue;
    const url = new URL(value);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') continue;
    if (url.origin.length > MAX_SITE_CHARS) refuse(`The page's site is too long: at most ${MAX_SITE_CHARS} characters.`);
    return url.origin;
  }
  return refuse('The page\'s site is unknown: the request has no http(s) Origin or Referer.');
}

/**
 * Whether the reader asked not to be tracked: Global Privacy Control (Sec-GPC: 1) or Do Not Track
 * (DNT: 1). The widget sends nothing then; anything that arrives anyway is dropped uncounted.
 */
export const optedOut = (headers: Record<string, string | string[] | undefined>) => headers['sec-gpc'] === '1' || headers.dnt === '1';

/**
 * Whether the request is not a reader's browser: a crawler (which may run the element), a
 * link-preview bot, a headless or automated browser, or a script (curl, an HTTP library), by
 * its User-Agent, read by isbot (5.x, the pattern list kept up to date upstream); or no
 * User-Agent at all, which every browser sends. Dropped uncounted, as opting out is.
 */
export function notAReader(headers: Record<string, string | string[] | undefined>): boolean {
  const agent = headers['user-agent'];
  return typeof agent !== 'string' || !agent.trim() || isbot(agent);
}
