/**
 * The query parameters of the feed's lists (HSDS-UK 3.0 OpenAPI, components/parameters), read
 * strictly, and the Page object they answer with. Pure: test/plugin/unit/oruk-map.test.ts.
 *
 * Every parameter given must hold; they combine with AND. A value that cannot be read is a
 * `BadParameter` naming the parameter (the controller answers 400 with it). Parameters the
 * feed does not know are ignored, as HSDS allows.
 */
import { WEEKDAYS, type Weekday } from '../../../shared/code-lists';
import { isUuid } from './ids';
import type { OrukService } from './map';

/** Services per page when `per_page` is not given: a whole council's offer, for importers that read only page 1. */
export const DEFAULT_PER_PAGE = 1000;
/** The most `per_page` may ask for. */
export const MAX_PER_PAGE = 1000;
/** Ages are whole years, 0 to 255 (what strict importers store). */
const MAX_AGE = 255;

export class BadParameter extends Error {
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(message);
  }
}

type Query = Record<string, unknown>;

/** The one value of a parameter: a repeated parameter is refused rather than guessed. */
function single(query: Query, name: string): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new BadParameter(name, `${name} may be given once, as text`);
  return value.trim();
}

function wholeNumber(query: Query, name: string, min: number, max: number): number | undefined {
  const text = single(query, name);
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new BadParameter(name, `${name} must be a whole number from ${min} to ${max}`);
  }
  return Number(text);
}

export interface Paging {
  page: number;
  perPage: number;
}

/** `page` (from 1) and `per_page` (1 to MAX_PER_PAGE, default DEFAULT_PER_PAGE). */
export function pagingOf(query: Query): Paging {
  return {
    page: wholeNumber(query, 'page', 1, Number.MAX_SAFE_INTEGER) ?? 1,
    perPage: wholeNumber(query, 'per_page', 1, MAX_PER_PAGE) ?? DEFAULT_PER_PAGE,
  };
}

/** HSDS Page: the counts, where this page is, and its contents. Past the last page: empty. */
export function pageOf<T>(items: readonly T[], { page, perPage }: Paging) {
  const totalPages = Math.max(1, Math.ceil(items.length / perPage));
  const contents = items.slice((page - 1) * perPage, page * perPage);
  return {
    total_items: items.length,
    total_pages: totalPages,
    page_number: page,
    size: contents.length,
    first_page: page === 1,
    last_page: page >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}

const DAY_NAMES: Record<string, Weekday> = {
  monday: 'MO', tuesday: 'TU', wednesday: 'WE', thursday: 'TH', friday: 'FR', saturday: 'SA', sunday: 'SU',
};

/** "MO", "mo", "Monday" → "MO". */
function dayOf(query: Query): Weekday | undefined {
  const text = single(query, 'day');
  if (text === undefined) return undefined;
  const upper = text.toUpperCase();
  const day = (WEEKDAYS as readonly string[]).includes(upper) ? (upper as Weekday) : DAY_NAMES[text.toLowerCase()];
  if (!day) throw new BadParameter('day', 'day must be a day of the week: MO, TU, WE, TH, FR, SA, SU, or its name (Monday)');
  return day;
}

/**
 * A local time of day, as schedules' `opens_at` and `closes_at` are: "09:00", "09:00:00", "9:00"
 * or ISO 8601's basic "0900" → "09:00:00", comparable as text with them. An offset (Z, +01:00) is
 * refused: opening times are the service's wall-clock times, not instants.
 */
function timeOf(query: Query, name: string): string | undefined {
  const text = single(query, name);
  if (text === undefined) return undefined;
  const match = /^([01]?\d|2[0-3]):?([0-5]\d)(?::?([0-5]\d))?$/.exec(text);
  if (!match || (!text.includes(':') && match[1].length === 1)) {
    throw new BadParameter(name, `${name} must be a local time of day, HH:MM or HH:MM:SS on the 24-hour clock, without an offset (17:30)`);
  }
  return `${match[1].padStart(2, '0')}:${match[2]}:${match[3] ?? '00'}`;
}

function uuidOf(query: Query, name: string): string | undefined {
  const text = single(query, name);
  if (text === undefined) return undefined;
  if (!isUuid(text)) throw new BadParameter(name, `${name} must be a UUID, as the feed's ids are`);
  return text.toLowerCase();
}

/** What to send, said by every refusal of a date-time and in the OpenAPI document. */
export const DATE_TIME_FORMS =
  'an ISO 8601 date-time with its offset, such as 2026-12-01T09:00:00Z or 2026-12-01T09:00:00%2B01:00 (a "+" in a URL must be sent as %2B), or a date (2026-12-01, from 00:00 UTC)';

/**
 * An instant, in milliseconds since the epoch, from an ISO 8601 (RFC 3339) date-time, read as
 * liberally as its meaning stays certain: `T`, `t` or a space between date and time; seconds and
 * fractions optional (beyond milliseconds dropped); the offset as `Z`/`z`, `+01:00`, `+0100` or
 * `+01`, and the `+` that a client left unencoded in the URL, which arrives as a space
 * ("09:00:00 01:00": a `-` would have arrived as itself). A date alone is 00:00 UTC that day.
 * Refused, with what to send: a time without an offset (whose clock?), a count of seconds (seconds
 * or milliseconds?), and days, hours or offsets that do not exist.
 */
function dateTimeOf(query: Query, name: string): number | undefined {
  const text = single(query, name);
  if (text === undefined) return undefined;
  const refuse = (why: string) => new BadParameter(name, `${name} ${why}: send ${DATE_TIME_FORMS}`);
  if (/^\d+$/.test(text)) throw refuse('is not a count of seconds');
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(?:([Zz])|([+ -])(\d{2})(?::?(\d{2}))?)?)?$/.exec(text);
  if (!match) throw refuse('must be an ISO 8601 date or date-time');
  const [, year, month, day, hour, minute, second = '0', fraction = '0', utc, sign, offsetHours, offsetMinutes = '0'] = match;
  if (hour !== undefined && !utc && !sign) throw refuse('has no offset, so its clock is unknown: add Z for UTC or the offset, such as +01:00');
  const [y, mo, d, h, mi, s, oh, om] = [year, month, day, hour ?? '0', minute ?? '0', second, offsetHours ?? '0', offsetMinutes].map(Number);
  // Date.UTC rolls a day the month does not have (2026-02-30) into the next month: refuse it.
  const realDay = mo >= 1 && mo <= 12 && d >= 1 && new Date(Date.UTC(y, mo - 1, d)).getUTCDate() === d;
  if (!realDay || h > 23 || mi > 59 || s > 59 || oh > 23 || om > 59) throw refuse('must be an ISO 8601 date or date-time, on a day and at a time that exist');
  const offset = (sign === '-' ? -1 : 1) * (oh * 60 + om) * 60_000;
  return Date.UTC(y, mo - 1, d, h, mi, s, Number(fraction.slice(0, 3).padEnd(3, '0'))) - offset;
}

/** The service filters of `/services`, read from the query. */
export interface ServiceFilters {
  /** Every word in the name, description, eligibility, organization or a term's name. */
  words: string[];
  taxonomyId?: string;
  taxonomyTermId?: string;
  /** Services whose minimum_age is at least this (the profile's wording). */
  minimumAge?: number;
  /** Services whose maximum_age is at most this. */
  maximumAge?: number;
  day?: Weekday;
  /** "HH:MM:SS": a schedule that opens at or after it. */
  startTime?: string;
  /** "HH:MM:SS": a schedule that closes at or before it. */
  endTime?: string;
  /** Milliseconds since the epoch: last_modified on or after it. */
  modifiedAfter?: number;
}

export function serviceFiltersOf(query: Query): ServiceFilters {
  const search = single(query, 'search');
  return {
    words: search ? search.toLowerCase().split(/\s+/).filter(Boolean) : [],
    taxonomyId: uuidOf(query, 'taxonomy_id'),
    taxonomyTermId: uuidOf(query, 'taxonomy_term_id'),
    minimumAge: wholeNumber(query, 'minimum_age', 0, MAX_AGE),
    maximumAge: wholeNumber(query, 'maximum_age', 0, MAX_AGE),
    day: dayOf(query),
    startTime: timeOf(query, 'start_time'),
    endTime: timeOf(query, 'end_time'),
    modifiedAfter: dateTimeOf(query, 'modified_after'),
  };
}

const searchableText = (service: OrukService) =>
  [
    service.name,
    service.description,
    service.eligibility_description,
    service.organization.name,
    ...(service.attributes ?? []).map((attribute) => (attribute.taxonomy_term as { name: string }).name),
  ]
    .join('\n')
    .toLowerCase();

/**
 * Whether a full service passes every filter. Day and times hold on one schedule together
 * (open on Monday, from 09:00, until 17:00). A service without an age limit counts as minimum 0
 * and no maximum.
 */
export function matches(service: OrukService, filters: ServiceFilters): boolean {
  if (filters.words.length) {
    const text = searchableText(service);
    if (!filters.words.every((word) => text.includes(word))) return false;
  }
  const terms = (service.attributes ?? []).map((attribute) => attribute.taxonomy_term as { id: string; taxonomy_id: string });
  if (filters.taxonomyId && !terms.some((term) => term.taxonomy_id === filters.taxonomyId)) return false;
  if (filters.taxonomyTermId && !terms.some((term) => term.id === filters.taxonomyTermId)) return false;
  if (filters.minimumAge !== undefined && (service.minimum_age ?? 0) < filters.minimumAge) return false;
  if (filters.maximumAge !== undefined && (service.maximum_age === undefined || service.maximum_age > filters.maximumAge)) return false;
  if (filters.day || filters.startTime || filters.endTime) {
    const open = (service.schedules ?? []).some(
      (schedule) =>
        (!filters.day || schedule.byday.split(',').includes(filters.day)) &&
        (!filters.startTime || schedule.opens_at >= filters.startTime) &&
        (!filters.endTime || schedule.closes_at <= filters.endTime),
    );
    if (!open) return false;
  }
  if (filters.modifiedAfter !== undefined && Date.parse(service.last_modified) < filters.modifiedAfter) return false;
  return true;
}
