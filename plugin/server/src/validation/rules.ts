/**
 * Format rules for what editors type, each a pure function that returns the message an editor
 * should read, or null when the value is fine. Empty values are the business of `required`.
 */
import { WEEKDAYS } from '../vocabularies';
import { readUkPhone } from './phone';

export type Rule = (value: unknown) => string | null;

/** A rule whose valid values are also stored in one standard form (`normalise` leaves others alone). */
export type NormalisingRule = Rule & { normalise: (value: unknown) => unknown };

const isBlank = (value: unknown) => value === null || value === undefined || value === '';

import { SAFE_LINK_SCHEMES } from '../../../shared/code-lists';
import { GSS_CODE, GSS_CODE_PROBLEM } from '../../../shared/local-authorities';

export { SAFE_LINK_SCHEMES };

/**
 * The scheme of a link as a browser would read it: browsers drop ASCII whitespace and control
 * characters inside a URL, so "java\tscript:" is still javascript:.
 */
export function linkScheme(href: string): string | null {
  // eslint-disable-next-line no-control-regex
  const cleaned = href.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
  const match = /^([a-z][a-z0-9+.-]*):/.exec(cleaned);
  return match ? `${match[1]}:` : null;
}

export const isSafeLink = (href: string) =>
  (SAFE_LINK_SCHEMES as readonly string[]).includes(linkScheme(href) ?? '') && !/[\s<>"]/.test(href.trim());

export const webAddress: Rule = (value) => {
  if (isBlank(value)) return null;
  if (typeof value !== 'string') return 'Enter a web address as text';
  try {
    const url = new URL(value.trim());
    if (url.protocol !== 'https:') return 'Enter a web address that starts with https://';
    if (!url.hostname.includes('.')) return 'Enter a full web address, like https://www.example.gov.uk/kinship';
    return null;
  } catch {
    return 'Enter a full web address, like https://www.example.gov.uk/kinship';
  }
};

export const email: Rule = (value) => {
  if (isBlank(value)) return null;
  return typeof value === 'string' && /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[a-z]{2,}$/i.test(value.trim())
    ? null
    : 'Enter an email address in the correct format, like kinship@example.gov.uk';
};

/**
 * A UK phone number as `readUkPhone` reads it (libphonenumber's ranges, short codes, Relay UK,
 * extensions). Saving stores it in the standard grouping (`normalise`), so every route shows
 * and the widget dials the same text.
 */
export const ukPhone: NormalisingRule = Object.assign(
  (value: unknown) => {
    if (isBlank(value)) return null;
    if (typeof value !== 'string') return 'Enter a UK phone number as text';
    const reading = readUkPhone(value);
    return 'problem' in reading ? reading.problem : null;
  },
  {
    normalise: (value: unknown) => {
      if (typeof value !== 'string' || isBlank(value)) return value;
      const reading = readUkPhone(value);
      return 'text' in reading ? reading.text : value;
    },
  },
);

/** Government Statistical Service area codes, such as E09000001 (a London borough). */
export const gssCode: Rule = (value) =>
  typeof value === 'string' && GSS_CODE.test(value) ? null : GSS_CODE_PROBLEM;

export const isoDate = (value: unknown): Date | null => {
  if (typeof value !== 'string' && !(value instanceof Date)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
};

/**
 * A time of day on the 24-hour clock, "09:30" (Strapi may add ":00.000"); "24:00" is the end of
 * a day, for a closing time.
 */
export const clockTime: Rule = (value) =>
  typeof value === 'string' && /^(([01]\d|2[0-3]):[0-5]\d|24:00)(:00(\.000)?)?$/.test(value)
    ? null
    : 'Enter a time like 09:30 or 17:00 (24:00 for midnight at the end of the day)';

export const weekday: Rule = (value) =>
  (WEEKDAYS as readonly unknown[]).includes(value) ? null : `Use the days ${WEEKDAYS.join(', ')}`;

/** ISO 639-1 (two letters) or 639-2/3 (three letters) language codes, lower case. */
export const languageCode: Rule = (value) =>
  typeof value === 'string' && /^[a-z]{2,3}$/.test(value) ? null : 'Use language codes such as "en", "cy" or "pl"';
