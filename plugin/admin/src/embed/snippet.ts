/**
 * The embed snippet the builder gives editors to copy: a preload of the offer, one script tag and
 * the element, with a fallback inside it for readers whose browser does not run the script. Pure, so it is tested as
 * text and the preview renders exactly what it says.
 */

import type { OfferViewKind } from '../../../shared/code-lists';
import { offerViewUrl } from '../../../shared/offer-query';
import { EMBED_SIZE } from '../../../shared/pages';

export { OFFER_VIEWS as VIEWS } from '../../../shared/code-lists';
export type View = OfferViewKind;

export interface EmbedOptions {
  /** Where the CMS is, path included: "https://cms.example.gov.uk", "https://www.example.gov.uk/cms". */
  cmsUrl: string;
  offer: { slug: string; name: string; contactUrl?: string | null; contactPhone?: string | null };
  arrangement?: string;
  supportTypes?: string[];
  view?: View;
  headingLevel?: number;
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
  return attributes;
}

export const scriptUrl = (cmsUrl: string) => `${cmsUrl.replace(/\/+$/, '')}/api/kinship-offer/widget.js`;

/**
 * The CMS's public address as the admin knows it: Strapi's `url` (PUBLIC_URL), which keeps the path
 * a proxy serves it under (https://www.example.gov.uk/cms), else the admin's own origin.
 */
export const cmsUrlOf = (page: { strapi?: object; location: { origin: string } }) =>
  (page.strapi as { backendURL?: string } | undefined)?.backendURL || page.location.origin;

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
    `<link rel="preload" as="fetch" crossorigin href="${escapeAttribute(offerViewUrl(options.cmsUrl, options.offer.slug))}">`,
    `<script type="module" src="${escapeAttribute(scriptUrl(options.cmsUrl))}"></script>`,
    `<kinship-offer${attributes}>`,
    `  <p>${fallback}</p>`,
    `</kinship-offer>`,
  ].join('\n');
}

/** The four ways onto a council's site (docs/web-teams.md). */
export type EmbedWay = 'script' | 'link' | 'iframe' | 'card';

/** The pages' base path where the app sets none (plugin config `pages`). */
const PAGES_PATH = '/kinship-offer';

/** The offer's public page: what an editor pastes on its own line (oEmbed) or links to. */
export const pageUrl = (cmsUrl: string, slug: string) => `${cmsUrl.replace(/\/+$/, '')}${PAGES_PATH}/${encodeURIComponent(slug)}`;

/** The iframe view, at a fixed height, with our resize script for a page that may also hold a script. */
export function iframeSnippet({ cmsUrl, offer }: Pick<EmbedOptions, 'cmsUrl' | 'offer'>): string {
  const page = pageUrl(cmsUrl, offer.slug);
  return [
    `<iframe title="${escapeAttribute(`Kinship local offer: ${offer.name}`)}" src="${escapeAttribute(`${page}/embed`)}"`,
    `  style="width: 100%; height: ${EMBED_SIZE.height}px; border: 0; frame-sizing: content-height"></iframe>`,
    `<script src="${escapeAttribute(`${cmsUrl.replace(/\/+$/, '')}${PAGES_PATH}/assets/resize.js`)}" async></script>`,
  ].join('\n');
}

/** Which way suits each CMS councils use, and what the editor does there. */
export const WHERE_TO_USE: ReadonlyArray<{ cms: string; way: EmbedWay; how: string }> = [
  { cms: 'LocalGov Drupal', way: 'link', how: 'No script or iframe in its text formats: once your developers add the offer as an oEmbed provider (oembed_providers), paste the link as remote media; until then, the link card.' },
  { cms: 'Drupal with oembed_providers', way: 'link', how: 'Add a provider with the CMS\'s /api/kinship-offer/oembed endpoint, then paste the link as remote media.' },
  { cms: 'WordPress', way: 'link', how: 'Paste the link on a line of its own; WordPress embeds and sizes it.' },
  { cms: 'Umbraco', way: 'iframe', how: 'Paste the iframe into an HTML or embed block.' },
  { cms: 'Jadu', way: 'card', how: 'Paste the link card; where your web team has an iframe widget, the iframe.' },
  { cms: 'GOSS', way: 'card', how: 'Paste the link card; where an HTML snippet is allowed, the iframe.' },
  { cms: 'A plain HTML site', way: 'script', how: 'Paste the script snippet: the whole offer, live, styled by your site.' },
];
