/** The plugin's id, and the uid of each of its content types, written once. */
export const PLUGIN_ID = 'kinship-offer';

export const CONTENT_TYPE_NAMES = [
  'offer',
  'service',
  'organisation',
  'location',
  'contact',
  'arrangement-type',
  'support-type',
  'feedback',
  'you-said-we-did',
  'consultation',
] as const;

export type ContentTypeName = (typeof CONTENT_TYPE_NAMES)[number];
export type ContentTypeUID = `plugin::kinship-offer.${ContentTypeName}`;

export const uidOf = (name: ContentTypeName): ContentTypeUID => `plugin::${PLUGIN_ID}.${name}`;

export const UID = {
  offer: uidOf('offer'),
  service: uidOf('service'),
  organisation: uidOf('organisation'),
  location: uidOf('location'),
  contact: uidOf('contact'),
  arrangementType: uidOf('arrangement-type'),
  supportType: uidOf('support-type'),
  feedback: uidOf('feedback'),
  youSaidWeDid: uidOf('you-said-we-did'),
  consultation: uidOf('consultation'),
} as const;

/** What anyone may read, published: everything but readers' feedback. */
export const PUBLIC_CONTENT_TYPES = CONTENT_TYPE_NAMES.filter((name) => name !== 'feedback');

/** The content types that have drafts, which only editors and API tokens may read. */
export const DRAFTABLE_CONTENT_TYPES: readonly ContentTypeUID[] = [UID.offer, UID.service, UID.youSaidWeDid, UID.consultation];

export const nameOf = (uid: string): ContentTypeName | null => {
  const prefix = `plugin::${PLUGIN_ID}.`;
  const name = uid.startsWith(prefix) ? uid.slice(prefix.length) : null;
  return (CONTENT_TYPE_NAMES as readonly string[]).includes(name ?? '') ? (name as ContentTypeName) : null;
};
