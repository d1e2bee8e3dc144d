/**
 * What the embed builder gives editors to copy (the script tag: a preload of the offer, the script
 * and the element, with a fallback inside it), and the plain host pages its previews show them
 * in. Pure, so it is tested as text and each preview holds exactly what it says.
 *
 * Every address comes from the server (GET /kinship-offer/embed-choices/:documentId, `EmbedChoices`), made
 * from the CMS's public URL and its configured pages path: nothing here builds an address.
 */

import type { EmbedChoices } from '../../../shared/admin-api';
import type { OfferViewKind } from '../../../shared/code-lists';
import { EMBED_SIZE } from '../../../shared/pages';

export { OFFER_VIEWS as VIEWS } from '../../../shared/code-lists';
export type View = OfferViewKind;

export interface EmbedOptions {
  /** The widget's script (`EmbedChoices.widgetScript`). */
  widgetScript: string;
  /** Where the offer is read, up to its slug (`EmbedChoices.offerViewBase`). */
  offerViewBase: string;
  offer: { slug: string; name: string; contactUrl?: string | null; contactPhone?: string | null };
  arrangement?: string;
  supportTypes?: string[];
  view?: View;
  headingLevel?: number;
  /** "off" in the builder's own preview, never in what editors copy: an editor's look is not a reader's view. */
  reach?: 'off';
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const escapeText = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The element's attributes, in the order the snippet lists them; defaults are left out. */
export function embedAttributes(options: EmbedOptions): Array<[string, string]> {
  const attributes: Array<[string, string]> = [['offer', options.offer.slug]];
  if (options.arrangement) attributes.push(['arrangement', options.arrangement]);
  if (options.supportTypes?.length) attributes.push(['support-types', options.supportTypes.join(' ')]);
  if (options.view && options.view !== 'full') attributes.push(['view', options.view]);
  if (options.headingLevel && options.headingLevel !== 2) attributes.push(['heading-level', String(options.headingLevel)]);
  if (options.reach) attributes.push(['reach', options.reach]);
  return attributes;
}

/** The script tag: the widget's script and the element, with a fallback for readers whose browser does not run it. */
export function embedSnippet(options: EmbedOptions): string {
  const attributes = embedAttributes(options)
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join('');
  const { name, contactUrl, contactPhone } = options.offer;
  const fallback = [
    contactUrl ? `<a href="${escapeAttribute(contactUrl)}">${escapeText(name)}: kinship local offer</a>.` : `${escapeText(name)}: kinship local offer.`,
    contactPhone ? ` Call ${escapeText(contactPhone)}.` : '',
  ].join('');
  return [
    // The offer downloads beside the script rather than after it (../../../shared/offer-query).
    `<link rel="preload" as="fetch" crossorigin href="${escapeAttribute(options.offerViewBase + encodeURIComponent(options.offer.slug))}">`,
    `<script type="module" src="${escapeAttribute(options.widgetScript)}"></script>`,
    `<kinship-offer${attributes}>`,
    `  <p>${fallback}</p>`,
    `</kinship-offer>`,
  ].join('\n');
}

/** Our resize script (`EmbedChoices.page.resizeScript`) as a host page loads it: it sizes every iframe view on the page to its content. */
export const resizeScriptTag = (src: string) => `<script src="${escapeAttribute(src)}" async></script>`;

/** The iframe view at a fixed height, titled, with our resize script for a page that may also hold a script. */
export function iframeSnippet(page: Pick<NonNullable<EmbedChoices['page']>, 'embed' | 'resizeScript'>, offerName: string): string {
  return [
    `<iframe title="${escapeAttribute(`Kinship local offer: ${offerName}`)}" src="${escapeAttribute(page.embed)}"`,
    `  style="width: 100%; height: ${EMBED_SIZE.height}px; border: 0; frame-sizing: content-height"></iframe>`,
    resizeScriptTag(page.resizeScript),
  ].join('\n');
}

/** The four ways onto a council's site (docs/web-teams.md). */
export type EmbedWay = 'script' | 'link' | 'iframe' | 'card';

/** Which way suits each CMS councils use, and what the editor does there. */
export const WHERE_TO_USE: ReadonlyArray<{ cms: string; way: EmbedWay; how: string }> = [
  { cms: 'LocalGov Drupal', way: 'link', how: 'No script or iframe in its text formats: once your developers add the offer as an oEmbed provider (oembed_providers), paste the link as remote media; until then, the link card.' },
  { cms: 'Drupal with oembed_providers', way: 'link', how: 'Add a provider with the CMS\'s /api/kinship-offer/oembed endpoint, then paste the link as remote media.' },
  { cms: 'WordPress', way: 'link', how: 'Paste the link on a line of its own; WordPress embeds and sizes it.' },
  { cms: 'Umbraco', way: 'iframe', how: 'Paste the iframe into an HTML or embed block.' },
  { cms: 'Jadu', way: 'card', how: 'Paste the link card; where your web team has an iframe widget, the iframe.' },
  { cms: 'GOSS', way: 'card', how: 'Paste the link card; where an HTML snippet is allowed, the iframe.' },
  { cms: 'A plain HTML site', way: 'script', how: 'Paste the script tag: the whole offer, live, styled by your site.' },
];

/**
 * Where this browser reaches the CMS: the admin's own backend (Strapi's `backendURL`, else the
 * admin's origin). For previews only, which the admin's Content-Security-Policy (`'self'`) lets
 * load from here and nowhere else; what editors copy names the public URL.
 */
export const previewBaseOf = (page: { strapi?: object; location: { origin: string } }) =>
  ((page.strapi as { backendURL?: string } | undefined)?.backendURL || page.location.origin).replace(/\/+$/, '');

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * `html`, as a plain host page (no council's styles, the browser's default 16px root font size, as
 * most council pages have): a preview shows an embed at the size readers see it, which the admin's
 * own page (a 62.5% root font size) would shrink. Addresses under `publicUrl` are loaded from
 * `previewBase` instead (the same CMS, reached as the editor reaches the admin); where the two are
 * the same, as when the admin is opened at the public URL, the page holds `html` unchanged.
 */
export function previewPage(html: string, { publicUrl, previewBase }: { publicUrl: string; previewBase: string }): string {
  const body = html.replace(new RegExp(`${escapeRegExp(publicUrl.replace(/\/+$/, ''))}(?=[/"?#]|$)`, 'g'), previewBase);
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Preview</title>',
    '<style>body { font-family: system-ui, sans-serif; }</style></head>',
    `<body>${body}</body>`,
    '</html>',
  ].join('\n');
}
