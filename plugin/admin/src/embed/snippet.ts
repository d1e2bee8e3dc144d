/**
 * The embed snippet the builder gives editors to copy: one script tag and the element, with a
 * fallback inside it for readers whose browser does not run the script. Pure, so it is tested as
 * text and the preview renders exactly what it says.
 */

import type { OfferViewKind } from '../../../shared/code-lists';

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
    `<script type="module" src="${escapeAttribute(scriptUrl(options.cmsUrl))}"></script>`,
    `<kinship-offer${attributes}>`,
    `  <p>${fallback}</p>`,
    `</kinship-offer>`,
  ].join('\n');
}
