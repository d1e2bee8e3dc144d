/**
 * What the pages tell search engines, as schema.org JSON-LD: each service a `GovernmentService`
 * (provider, `areaServed` by GSS code, `availableChannel` for phone, web and venues, `audience`),
 * the councils as `GovernmentOrganization`, and the page's `BreadcrumbList`. Pure: built from the
 * offer view (published only, hidden addresses already taken out) and the page's addresses.
 *
 * `jsonForScript` writes it for a `<script type="application/ld+json">`: HTML ends a script element
 * at the first `</script`, and `<!--` can change how the rest is read, so `<`, `>` and `&` (and the
 * line separators JavaScript once refused) are written as JSON's `\u` escapes, which every JSON
 * reader reads back as the same text.
 */
import type { Offer, Service } from '../api/types';
import { hasWords } from '../../../plugin/shared/code-lists';
import type { PageLinks } from '../../../plugin/shared/pages';
import { safeHref } from '../render/blocks';

type Json = Record<string, unknown>;

/** GSS codes name areas in the ONS's register; schema.org's `identifier` says which scheme. */
const gss = (code: string) => ({ '@type': 'PropertyValue', propertyID: 'GSS', value: code });

/** The councils the offer covers, as the areas they serve. */
const areasOf = (offer: Offer) => offer.councils.map((council) => ({ '@type': 'AdministrativeArea', name: council.name, identifier: gss(council.gssCode) }));

/** The councils as organisations, one node each (the offer's publisher). */
function councilsOf(offer: Offer, links: PageLinks): Json[] {
  const url = safeHref(offer.contactUrl);
  return offer.councils.map((council) => ({
    '@type': 'GovernmentOrganization',
    '@id': `${links.offer}#council-${council.gssCode}`,
    name: council.name,
    identifier: gss(council.gssCode),
    areaServed: { '@type': 'AdministrativeArea', name: council.name, identifier: gss(council.gssCode) },
    ...(url ? { url } : {}),
    ...(offer.contactPhone || offer.contactEmail
      ? {
          contactPoint: {
            '@type': 'ContactPoint',
            contactType: offer.contactName ?? offer.name,
            ...(offer.contactPhone ? { telephone: offer.contactPhone } : {}),
            ...(offer.contactEmail ? { email: offer.contactEmail } : {}),
            ...(offer.contactHours ? { hoursAvailable: offer.contactHours } : {}),
          },
        }
      : {}),
  }));
}

/** The words of rich text, run together (a description for search results). */
const plainText = (blocks: unknown): string =>
  Array.isArray(blocks) ? blocks.map((node: any) => (typeof node?.text === 'string' ? node.text : plainText(node?.children))).join(' ').replace(/\s+/g, ' ').trim() : '';

/** One service as a schema.org GovernmentService. */
export function serviceNode(service: Service, offer: Offer, links: PageLinks): Json {
  const url = links.service(service.uuid);
  const provider = service.provider;
  const providerUrl = safeHref(provider?.website);
  const referral = safeHref(service.referralUrl);
  const phones = [...new Set(service.contacts.map((contact) => contact.phone).filter(Boolean))] as string[];
  const labelOf = (code: string) => offer.vocabulary.arrangementTypes.find((term) => term.code === code)?.label ?? code;
  const channels: Json[] = [
    ...phones.map((telephone) => ({ '@type': 'ServiceChannel', servicePhone: { '@type': 'ContactPoint', telephone } })),
    ...(referral ? [{ '@type': 'ServiceChannel', serviceUrl: referral }] : []),
    ...service.locations.map((location) => ({
      '@type': 'ServiceChannel',
      serviceLocation: {
        '@type': 'Place',
        name: location.name,
        address: {
          '@type': 'PostalAddress',
          ...(location.addressLine1 ? { streetAddress: [location.addressLine1, location.addressLine2].filter(Boolean).join(', ') } : {}),
          ...(location.townOrCity ? { addressLocality: location.townOrCity } : {}),
          ...(location.postcode ? { postalCode: location.postcode } : {}),
          addressCountry: 'GB',
        },
      },
    })),
  ];
  return {
    '@type': 'GovernmentService',
    '@id': `${url}#service`,
    name: service.title,
    url,
    identifier: service.uuid,
    ...(service.summary ? { description: service.summary } : {}),
    ...(hasWords(service.description) ? { disambiguatingDescription: plainText(service.description).slice(0, 500) } : {}),
    ...(provider
      ? { provider: { '@type': provider.kind === 'council' ? 'GovernmentOrganization' : 'Organization', name: provider.name, ...(providerUrl ? { url: providerUrl } : {}) } }
      : {}),
    serviceOperator: { '@id': `${links.offer}#council-${offer.councils[0]?.gssCode ?? ''}` },
    areaServed: areasOf(offer),
    ...(channels.length ? { availableChannel: channels } : {}),
    // Who it is for: kinship carers under these arrangements, in the council's words.
    audience: {
      '@type': 'Audience',
      ...(service.arrangementTypes.length ? { audienceType: service.arrangementTypes.map((type) => labelOf(type.code)).join(', ') } : {}),
      geographicArea: areasOf(offer),
    },
    ...(service.supportTypes.length ? { category: service.supportTypes.map((type) => type.label ?? type.code) } : {}),
    ...(service.lastReviewedAt ? { dateModified: service.lastReviewedAt } : {}),
  };
}

/**
 * A page's JSON-LD graph: the councils, the page (in its language, with its breadcrumb), and the
 * services it shows (every service on the offer's page; the one on a service's page).
 * @param trail the breadcrumb, the page itself last: [name, address]
 */
export function pageGraph(offer: Offer, links: PageLinks, services: Service[], trail: Array<[string, string]>, description: string): Json {
  return {
    '@context': 'https://schema.org',
    '@graph': [
      ...councilsOf(offer, links),
      {
        '@type': 'WebPage',
        '@id': links.canonical,
        url: links.canonical,
        name: trail[trail.length - 1][0],
        inLanguage: offer.locale,
        ...(description ? { description } : {}),
        publisher: offer.councils.map((council) => ({ '@id': `${links.offer}#council-${council.gssCode}` })),
        breadcrumb: { '@id': `${links.canonical}#breadcrumb` },
        ...(services.length === 1 ? { mainEntity: { '@id': `${links.service(services[0].uuid)}#service` } } : {}),
      },
      {
        '@type': 'BreadcrumbList',
        '@id': `${links.canonical}#breadcrumb`,
        itemListElement: trail.map(([name, item], index) => ({ '@type': 'ListItem', position: index + 1, name, item })),
      },
      ...services.map((service) => serviceNode(service, offer, links)),
    ],
  };
}

/** Words of the offer for search results and link previews: its general approach, else its name. */
export function offerDescription(offer: Offer): string {
  const text = plainText(offer.generalApproach);
  return text.length > 300 ? `${text.slice(0, 297).replace(/\s+\S*$/, '')}…` : text;
}

/** `value` as JSON that may stand inside a `<script>` element (see the module comment). */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
