/**
 * Stable identifiers for the Open Referral UK feed. HSDS-UK 3.0 wants every `id` a UUID that
 * never changes; a directory keys on it between pulls, and a feed whose ids change (or are not
 * UUIDs) is loaded as new services each time, or not at all.
 *
 * Services, organisations, locations and contacts carry a UUID generated once (content-types,
 * `uuid`). Everything else in the feed (schedules, phones, addresses, attributes, the two
 * taxonomies and their terms, other taxonomies' equivalent terms) is a name-based UUID (RFC 9562 version 5, SHA-1) of what it is:
 * `termId('support-type', 'financial_support')` is the same in every language, after a reseed,
 * and on every instance, so two councils' feeds name the same statutory term with the same id.
 */
import { createHash } from 'node:crypto';

/** The feed's own namespace: a version 4 UUID chosen once for this plugin. Never change it. */
export const FEED_NAMESPACE = '0b6f6a53-3c1e-4d0e-9a5c-6b2f1f0f4c7e';

const bytesOf = (uuid: string) => Buffer.from(uuid.replace(/-/g, ''), 'hex');

/** The version 5 UUID of `name` in `namespace` (RFC 9562 §5.5), lower case. */
export function uuidV5(namespace: string, name: string): string {
  const hash = createHash('sha1').update(bytesOf(namespace)).update(name, 'utf8').digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A stable id for a part of `owner` (a UUID): `partId(service.uuid, 'schedule', 0)`. */
export const partId = (owner: string, ...name: Array<string | number>) => uuidV5(owner, name.join(':'));

/** The two statutory vocabularies, as taxonomies. */
export type VocabularyName = 'arrangement-type' | 'support-type';
export const taxonomyId = (vocabulary: VocabularyName) => uuidV5(FEED_NAMESPACE, `taxonomy:${vocabulary}`);
export const termId = (vocabulary: VocabularyName, code: string) => partId(taxonomyId(vocabulary), 'term', code);

/**
 * A taxonomy of a directory's own (a support type's equivalent terms, components/equivalent-term),
 * by its name whatever the case or spacing, so every support type naming it names one taxonomy.
 * Its terms: `partId(otherTaxonomyId(name), 'term', code)`, the code as written.
 */
export const otherTaxonomyId = (name: string) => uuidV5(FEED_NAMESPACE, `other-taxonomy:${name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase()}`);
export const otherTermId = (taxonomyName: string, code: string) => partId(otherTaxonomyId(taxonomyName), 'term', code.trim());

/** An offer has no UUID of its own; its publisher, when a service names no provider, is keyed on its documentId. */
export const offerOrganizationId = (offerDocumentId: string) => uuidV5(FEED_NAMESPACE, `offer:${offerDocumentId}`);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);
