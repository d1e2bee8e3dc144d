/**
 * Code lists more than one part needs (the server's validation and schemas, the admin's embed
 * builder, the widget), defined once. Small and dependency-free on purpose: the widget bundles what
 * it imports from here, so keep each list on its own and nothing here that a reader's browser
 * should not download.
 */

/**
 * Days of the week as Open Referral UK (iCalendar BYDAY) writes them, Monday first: the codes
 * opening times are stored with.
 */
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** How a service is delivered (Open Referral UK: service_at_location / attending_type). */
export const DELIVERY_METHODS = ['in_person', 'online', 'phone'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];

/** What a service costs the family. */
export const COST_TYPES = ['free', 'means_tested', 'charged'] as const;
export type CostType = (typeof COST_TYPES)[number];

/**
 * What `<kinship-offer view="…">` shows: the whole offer, the filters and services only, or the
 * named contact only. The first is the default.
 */
export const OFFER_VIEWS = ['full', 'services', 'contact'] as const;
export type OfferViewKind = (typeof OFFER_VIEWS)[number];

/**
 * The reader's choices in a page URL (widget/src/filters): the element writes and reads them, and
 * the public pages' finder is a GET form of them, so a link works in either. Prefixed so they do
 * not collide with a host page's own parameters.
 */
export const FILTER_PARAMS = { arrangement: 'kinship-arrangement', supportTypes: 'kinship-support', query: 'kinship-q' } as const;

/** Schemes a reader may follow from the offer. Anything else (javascript:, data:, http:) is refused. */
export const SAFE_LINK_SCHEMES = ['https:', 'mailto:', 'tel:'] as const;

/**
 * Whether Strapi "blocks" rich text has any words in it: an editor's empty paragraph, or a list of
 * empty items, is not a section written.
 */
export const hasWords = (blocks: unknown): boolean => Array.isArray(blocks) && blocks.some((node) => textOf(node).trim() !== '');

/** The words of a rich-text node and its children, run together. */
const textOf = (node: any): string => (typeof node?.text === 'string' ? node.text : '') + (Array.isArray(node?.children) ? node.children.map(textOf).join('') : '');
