/**
 * What makes an offer, a service or a directory entry valid, beyond Strapi's own `required` and
 * `maxLength`: formats readers depend on (a phone number they can ring, a link that is safe to
 * follow) and values that must agree with each other. Pure: tests call it directly.
 */
import {
  ARRANGEMENT_TYPE_CODES,
  DELIVERY_METHODS,
} from '../vocabularies';
import {
  clockTime,
  email,
  gssCode,
  isoDate,
  isSafeLink,
  languageCode,
  ukPhone,
  webAddress,
  weekday,
  type NormalisingRule,
  type Rule,
} from './rules';

export interface FieldError {
  path: string[];
  message: string;
}

type Data = Record<string, unknown>;

const isBlank = (value: unknown) => value === null || value === undefined || value === '';

/** Every link in Strapi blocks rich text must be https:, mailto: or tel:. */
const richText: Rule = (value) => {
  if (isBlank(value)) return null;
  if (!Array.isArray(value)) return 'Rich text must be a list of blocks';
  const unsafe: string[] = [];
  const visit = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    const { type, url, children } = node as { type?: unknown; url?: unknown; children?: unknown };
    if (type === 'link' && (typeof url !== 'string' || !isSafeLink(url))) unsafe.push(String(url));
    if (type === 'image') unsafe.push('an image');
    if (Array.isArray(children)) children.forEach(visit);
  };
  value.forEach(visit);
  if (unsafe.length === 0) return null;
  return `Links must start with https://, mailto: or tel: (check ${unsafe.slice(0, 3).join(', ')})`;
};

const listOf =
  (what: string, check: (item: unknown, index: number) => string | null): Rule =>
  (value) => {
    if (isBlank(value)) return null;
    if (!Array.isArray(value)) return `Enter ${what} as a list`;
    for (const [index, item] of value.entries()) {
      const problem = check(item, index);
      if (problem) return `${what} ${index + 1}: ${problem}`;
    }
    return null;
  };

const isRecord = (value: unknown): value is Data =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const councils: Rule = (value) => {
  if (!Array.isArray(value) || value.length === 0) return 'Name at least one council the offer covers, with its GSS code';
  return listOf('Council', (item) => {
    if (!isRecord(item) || typeof item.name !== 'string' || item.name.trim() === '') return 'give the council\'s name';
    return gssCode(item.gssCode);
  })(value);
};

const legalFrameworkByArrangement: Rule = (value) => {
  if (isBlank(value)) return null;
  if (!isRecord(value)) return 'Give one explanation per arrangement type, keyed by its code';
  for (const [code, explanation] of Object.entries(value)) {
    if (!(ARRANGEMENT_TYPE_CODES as readonly string[]).includes(code)) {
      return `"${code}" is not an arrangement type; use one of ${ARRANGEMENT_TYPE_CODES.join(', ')}`;
    }
    if (typeof explanation !== 'string') return `The explanation for ${code} must be text`;
    if (explanation.length > 5000) return `The explanation for ${code} is longer than 5,000 characters`;
  }
  return null;
};

/**
 * Opening times: `[{ days, opensAt, closesAt, closesOn?, note? }]`.
 *
 * - `days`: the days it opens, as `WEEKDAYS` codes ("MO" … "SU").
 * - `opensAt`, `closesAt`: "HH:MM" on the 24-hour clock, local (Europe/London) time. A closing
 *   time at or before the opening time is on the next day ("22:00" to "07:00"); "24:00" is the
 *   end of the day ("18:00" to "24:00", the same as to "00:00"); "00:00" to "24:00" (or to
 *   "00:00") is open 24 hours.
 * - `closesOn`: for a span over more than one night, the day it closes (Friday 17:00 to Monday
 *   09:00 is `{ days: ["FR"], opensAt: "17:00", closesOn: "MO", closesAt: "09:00" }`); then
 *   `days` names the one day it opens.
 * - `note`: up to 200 characters ("Term time only").
 *
 * Times stored before overnight opening was allowed keep their meaning. An Open Referral UK 3.0
 * `schedule` (freq WEEKLY, byday, opens_at, closes_at, all within one day) is derived by cutting
 * each item at midnight: 22:00–07:00 on FR becomes FR 22:00–24:00 and SA 00:00–07:00; the span
 * above FR 17:00–24:00, SA and SU 00:00–24:00, MO 00:00–09:00; the note is the `description`.
 */
const openingTimes = listOf('Opening time', (item) => {
  if (!isRecord(item)) return 'give days, opensAt and closesAt';
  if (!Array.isArray(item.days) || item.days.length === 0) return 'name at least one day';
  const badDay = item.days.map(weekday).find(Boolean);
  if (badDay) return badDay;
  const badTime = clockTime(item.opensAt) ?? clockTime(item.closesAt);
  if (badTime) return badTime;
  if (String(item.opensAt).startsWith('24')) return 'open at 00:00 rather than 24:00';
  if (item.closesOn !== undefined && item.closesOn !== null) {
    const badClosingDay = weekday(item.closesOn);
    if (badClosingDay) return `closesOn: ${badClosingDay}`;
    if (item.days.length !== 1) return 'a span that closes on a later day (closesOn) opens on one day: name only that day in days';
    if (item.closesOn === item.days[0]) {
      return 'closesOn is the day it opens: leave closesOn out (a closing time at or before the opening time already means the next day)';
    }
  }
  if (item.note !== undefined && (typeof item.note !== 'string' || item.note.length > 200)) {
    return 'the note must be text of up to 200 characters';
  }
  return null;
});

const deliveryMethods = listOf('Delivery method', (item) =>
  (DELIVERY_METHODS as readonly unknown[]).includes(item) ? null : `use ${DELIVERY_METHODS.join(', ')}`,
);

const languages = listOf('Language', languageCode);

/** The same text for comparing: trimmed, spaces collapsed, any case. */
const sameText = (value: unknown) => String(value).normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * A support type's terms of other taxonomies (components/equivalent-term):
 * `[{ taxonomy, taxonomyUri?, code, name? }]`. The taxonomy and the code are required; nothing
 * given may be blank (spaces only); a taxonomy URI is an absolute http(s) address; the same code of
 * the same taxonomy (whatever the case or spacing) is listed once. A directory keys each term on
 * its taxonomy and code, so a blank or a repeat would be a term it cannot tell apart.
 */
const equivalentTerms: Rule = (value) => {
  if (isBlank(value)) return null;
  if (!Array.isArray(value)) return 'Enter the equivalent terms as a list';
  const seen = new Map<string, number>();
  for (const [index, item] of value.entries()) {
    const entry = `Equivalent term ${index + 1}`;
    if (!isRecord(item)) return `${entry}: give the taxonomy and the code`;
    for (const field of ['taxonomy', 'taxonomyUri', 'code', 'name'] as const) {
      const text = item[field];
      if (text !== undefined && text !== null && typeof text !== 'string') return `${entry}: the ${field} must be text`;
      if (typeof text === 'string' && text !== '' && text.trim() === '') return `${entry}: the ${field} is blank; fill it in or leave it empty`;
    }
    if (isBlank(item.taxonomy) || String(item.taxonomy).trim() === '') return `${entry}: give the name of its taxonomy`;
    if (isBlank(item.code) || String(item.code).trim() === '') return `${entry}: give its code in ${String(item.taxonomy).trim()}`;
    if (!isBlank(item.taxonomyUri)) {
      let uri: URL | null = null;
      try {
        uri = new URL(String(item.taxonomyUri).trim());
      } catch {
        uri = null;
      }
      if (!uri || !/^https?:$/.test(uri.protocol) || !uri.hostname.includes('.')) {
        return `${entry}: the taxonomy URI must be a full web address, like https://directory.example.org/categories`;
      }
    }
    const key = `${sameText(item.taxonomy)}\u0000${sameText(item.code)}`;
    if (seen.has(key)) return `${entry}: ${String(item.taxonomy).trim()} ${String(item.code).trim()} is already equivalent term ${seen.get(key)! + 1}`;
    seen.set(key, index);
  }
  return null;
};

/** Rules by field, for the fields whose type alone does not say what they must hold. */
const FIELD_RULES: Record<string, Record<string, Rule>> = {
  offer: {
    councils,
    contactPhone: ukPhone,
    contactUrl: webAddress,
    canonicalUrl: webAddress,
    legalFrameworkByArrangement,
  },
  service: { referralUrl: webAddress, openingTimes, deliveryMethods, languages },
  organisation: { website: webAddress, phone: ukPhone },
  contact: { phone: ukPhone },
  'support-type': { equivalentTerms },
};

/**
 * The changes as they will be stored: values some rule keeps in one standard form (UK phone
 * numbers in their usual grouping) in that form. Run after `validateDocument` found no problem.
 */
export function normaliseDocument(name: string, attributes: Record<string, { type: string }>, changes: Data): Data {
  const normalised = { ...changes };
  for (const [field, value] of Object.entries(changes)) {
    const rule = attributes[field] ? FIELD_RULES[name]?.[field] : undefined;
    if (rule && 'normalise' in rule) normalised[field] = (rule as NormalisingRule).normalise(value);
  }
  return normalised;
}

/** Rules every field of a type gets, whatever content type it is in. */
const TYPE_RULES: Record<string, Rule> = { blocks: richText, email };

/** Checks that need two fields, on the record as it will be after the save. */
const RECORD_RULES: Record<string, (record: Data) => FieldError | null> = {
  offer: (record) => {
    const last = isoDate(record.lastReviewedAt);
    const next = isoDate(record.nextReviewDue);
    return last && next && next <= last
      ? { path: ['nextReviewDue'], message: 'The next review must fall after the last review' }
      : null;
  },
  service: (record) => {
    const { minimumAge: min, maximumAge: max } = record;
    return typeof min === 'number' && typeof max === 'number' && min > max
      ? { path: ['maximumAge'], message: 'The maximum age must be the same as or more than the minimum age' }
      : null;
  },
};

/**
 * The problems with `changes` to a document of content type `name` (a plugin content type's
 * singular name), given the attributes of its schema and the values it has now (for an update).
 */
export function validateDocument(
  name: string,
  attributes: Record<string, { type: string }>,
  changes: Data,
  current: Data = {},
): FieldError[] {
  const errors: FieldError[] = [];
  for (const [field, value] of Object.entries(changes)) {
    const attribute = attributes[field];
    if (!attribute) continue;
    const rule = FIELD_RULES[name]?.[field] ?? TYPE_RULES[attribute.type];
    const message = rule?.(value);
    if (message) errors.push({ path: [field], message });
  }
  const recordError = RECORD_RULES[name]?.({ ...current, ...changes });
  if (recordError) errors.push(recordError);
  return errors;
}
