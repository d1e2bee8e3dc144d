/**
 * Published offers (the offer view, shared/offer-view.ts) as Open Referral UK 3.0 objects. Pure:
 * no Strapi, no I/O; test/plugin/unit/oruk-map.test.ts calls it directly.
 *
 * Two readers must both be satisfied (HSDS-UK 3.0, the UK profile's schemas in
 * test/fixtures/oruk-3.0/schema, and core HSDS 3.0):
 * - the national validator checks the profile's fields, types and formats, and allows more;
 * - strict importers (the DfE service directory's) also read core HSDS fields the profile drops,
 *   and skip any service without them: taxonomy_term `code`, attribute `link_entity`, phone
 *   `number`, location `location_type`, and address `address_1`, `city`, `state_province`,
 *   `postal_code`, `country`, `address_type`. So those are written too, with `phones` on services
 *   and contacts, `email` on contacts, `code` and `name` on languages, `eligibility_description`,
 *   `application_process` and `fees_description` on services.
 *
 * Empty optional fields are left out (never `null`, never `""`). Every id is a UUID (./ids).
 * A location whose exact address is hidden is written with its name, town and postcode district
 * only: no street, no full postcode, no coordinates (documents/hidden-addresses.ts).
 */
import type { Blocks, BlockNode, ContactView, LocationView, OfferView, OrganisationView, ServiceView, TermView } from '../../../shared/offer-view';
import { postcodeDistrict } from '../documents/hidden-addresses';
import { isUuid, offerOrganizationId, otherTaxonomyId, otherTermId, partId, taxonomyId, termId, type VocabularyName } from './ids';
import { schedulesOf, type OrukSchedule } from './schedules';
import { languageName } from '../../../shared/languages';

type Json = Record<string, unknown>;

/** HSDS-UK 3.0 taxonomy_term, with core HSDS's `code` and `language`. */
export interface OrukTaxonomyTerm {
  id: string;
  code: string;
  name: string;
  description: string;
  taxonomy: string;
  taxonomy_id: string;
  term_uri: string;
  language?: string;
}

/** HSDS-UK 3.0 taxonomy; `/taxonomies/{id}` lists its terms. */
export interface OrukTaxonomy {
  id: string;
  name: string;
  description: string;
  uri: string;
  taxonomy_terms: OrukTaxonomyTerm[];
}

export interface OrukOrganization {
  id: string;
  name: string;
  description: string;
  email?: string;
  website?: string;
  uri?: string;
  phones?: OrukPhone[];
}

export interface OrukPhone {
  id: string;
  number: string;
  description?: string;
}

/**
 * A full HSDS-UK 3.0 service (`/services/{id}`, schema compiled/service.json) with the core
 * fields strict importers read. `/services` lists the one-to-one fields and the organization
 * (`listItem`).
 */
export interface OrukService {
  id: string;
  organization_id: string;
  name: string;
  description: string;
  url?: string;
  email?: string;
  status: 'active';
  fees_description?: string;
  eligibility_description?: string;
  application_process?: string;
  minimum_age?: number;
  maximum_age?: number;
  /** YYYY-MM-DD, when the service was last reviewed. */
  assured_date?: string;
  alert?: string;
  /** ISO 8601 with milliseconds, UTC: the latest change to the service or anything it shows (./last-modified). */
  last_modified: string;
  organization: OrukOrganization;
  phones?: OrukPhone[];
  schedules?: OrukSchedule[];
  service_areas?: Json[];
  service_at_locations?: Json[];
  languages?: Json[];
  cost_options?: Json[];
  contacts?: Json[];
  attributes?: Json[];
}

/** The taxonomies a feed publishes: the two statutory vocabularies, in the offer's words. */
export const TAXONOMIES: ReadonlyArray<{ vocabulary: VocabularyName; key: keyof OfferView['vocabulary']; name: string; description: string; linkType: string }> = [
  {
    vocabulary: 'support-type',
    key: 'supportTypes',
    name: 'Kinship support types',
    description: 'The nine types of support a kinship local offer is expected to include (statutory guidance on the kinship local offer, October 2024).',
    linkType: 'service_type',
  },
  {
    vocabulary: 'arrangement-type',
    key: 'arrangementTypes',
    name: 'Kinship arrangement types',
    description: 'The six kinship arrangements named by the statutory guidance: which arrangements a service is open to.',
    linkType: 'eligibility',
  },
];

/** A support type's term in another taxonomy (components/equivalent-term), as stored. */
export interface EquivalentTerm {
  taxonomy: string;
  taxonomyUri?: string | null;
  code: string;
  name?: string | null;
}

/** Each support type's equivalent terms, by its code, in the editors' order. */
export type Equivalents = ReadonlyMap<string, readonly EquivalentTerm[]>;

/** Where the feed answers, for the `uri` of taxonomies and terms. */
export interface FeedLinks {
  /** The feed's base, absolute, no trailing slash: `https://cms.example.gov.uk/api/kinship-offer/oruk`. */
  base: string;
}

/** A copy without the keys whose value is null, undefined, "" or an empty list. */
export function withoutEmpty<T extends Json>(object: T): T {
  const kept: Json = {};
  for (const [key, value] of Object.entries(object)) {
    if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    kept[key] = value;
  }
  return kept as T;
}

const trimmed = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/** Strapi blocks as plain text: paragraphs apart by a blank line, list items as "- item". */
export function plainText(blocks: Blocks | null | undefined): string {
  const inline = (node: BlockNode): string => node.text ?? (node.children ?? []).map(inline).join('');
  const block = (node: BlockNode): string => {
    if (node.type === 'list') {
      return (node.children ?? []).map((item, index) => `${node.format === 'ordered' ? `${index + 1}.` : '-'} ${inline(item).trim()}`).join('\n');
    }
    return inline(node).trim();
  };
  return (Array.isArray(blocks) ? blocks : []).map(block).filter(Boolean).join('\n\n');
}

const isoDateTime = (value: unknown) => {
  const date = new Date(value as string);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
};
const isoDate = (value: unknown) => isoDateTime(value)?.slice(0, 10);
const absoluteUrl = (value: unknown) => {
  const text = trimmed(value);
  return text && /^https?:\/\/[^\s]+$/i.test(text) ? text : undefined;
};

/** England, Wales, Scotland or Northern Ireland, from a GSS code's first letter (E09000033). */
const NATIONS: Record<string, string> = { E: 'England', W: 'Wales', S: 'Scotland', N: 'Northern Ireland' };

/** The country subdivision for addresses, from the offer's first council. */
const nationOf = (offers: readonly OfferView[]) => NATIONS[offers[0]?.councils?.[0]?.gssCode?.[0] ?? 'E'] ?? 'England';

export const COST_OPTIONS = { free: 'Free', means_tested: 'Means-tested', charged: 'Charged' } as const;

/** A term as a taxonomy_term: the vocabulary's words in the offer's language, its code, stable id. */
export function taxonomyTerm(vocabulary: VocabularyName, term: Pick<TermView, 'code'> & Partial<TermView>, links: FeedLinks): OrukTaxonomyTerm {
  const taxonomy = TAXONOMIES.find((entry) => entry.vocabulary === vocabulary)!;
  const id = termId(vocabulary, term.code);
  const name = trimmed(term.label) ?? term.code;
  return withoutEmpty({
    id,
    code: term.code,
    name,
    description: trimmed(term.description) ?? name,
    taxonomy: taxonomy.name,
    taxonomy_id: taxonomyId(vocabulary),
    term_uri: `${links.base}/taxonomy_terms/${id}`,
    language: trimmed(term.locale),
  });
}

/** An equivalent term as a taxonomy_term of its own taxonomy: its code, its name (else the code). */
function equivalentTaxonomyTerm(term: EquivalentTerm, links: FeedLinks, taxonomyName: string): OrukTaxonomyTerm {
  const id = otherTermId(term.taxonomy, term.code);
  const name = trimmed(term.name) ?? term.code.trim();
  return {
    id,
    code: term.code.trim(),
    name,
    description: name,
    taxonomy: taxonomyName,
    taxonomy_id: otherTaxonomyId(term.taxonomy),
    term_uri: `${links.base}/taxonomy_terms/${id}`,
  };
}

/**
 * The taxonomies the equivalent terms belong to, each once (first named first, in the support
 * types' display order), with each of its terms once: its name and URI as first given.
 */
function otherTaxonomies(vocabulary: OfferView['vocabulary'], equivalents: Equivalents, links: FeedLinks): OrukTaxonomy[] {
  const byId = new Map<string, OrukTaxonomy>();
  for (const supportType of vocabulary.supportTypes ?? []) {
    for (const term of equivalents.get(supportType.code) ?? []) {
      const id = otherTaxonomyId(term.taxonomy);
      let taxonomy = byId.get(id);
      if (!taxonomy) {
        const name = term.taxonomy.trim();
        taxonomy = {
          id,
          name,
          description: `${name}: the terms a directory uses, each matched by the council to a kinship support type.`,
          uri: absoluteUrl(term.taxonomyUri) ?? `${links.base}/taxonomies/${id}`,
          taxonomy_terms: [],
        };
        byId.set(id, taxonomy);
      } else if (taxonomy.uri.startsWith(links.base) && absoluteUrl(term.taxonomyUri)) {
        taxonomy.uri = absoluteUrl(term.taxonomyUri)!;
      }
      const mapped = equivalentTaxonomyTerm(term, links, taxonomy.name);
      if (!taxonomy.taxonomy_terms.some((known) => known.id === mapped.id)) taxonomy.taxonomy_terms.push(mapped);
    }
  }
  return [...byId.values()];
}

/**
 * Each support type's equivalent terms as the feed lists them (one object per term, whichever
 * support types name it), by support type code.
 */
export function equivalentTermsByType(vocabulary: OfferView['vocabulary'], equivalents: Equivalents, links: FeedLinks): Map<string, OrukTaxonomyTerm[]> {
  const listed = new Map(otherTaxonomies(vocabulary, equivalents, links).flatMap((taxonomy) => taxonomy.taxonomy_terms.map((term) => [term.id, term] as const)));
  return new Map(
    [...equivalents].map(([code, terms]) => [code, terms.map((term) => listed.get(otherTermId(term.taxonomy, term.code))).filter((term): term is OrukTaxonomyTerm => !!term)]),
  );
}

/**
 * Both vocabularies as taxonomies with their terms, in display order, then the taxonomies of the
 * support types' equivalent terms.
 */
export function taxonomies(vocabulary: OfferView['vocabulary'], links: FeedLinks, equivalents: Equivalents = new Map()): OrukTaxonomy[] {
  const statutory = TAXONOMIES.map((taxonomy) => {
    const id = taxonomyId(taxonomy.vocabulary);
    return {
      id,
      name: taxonomy.name,
      description: taxonomy.description,
      uri: `${links.base}/taxonomies/${id}`,
      taxonomy_terms: (vocabulary[taxonomy.key] ?? []).map((term) => taxonomyTerm(taxonomy.vocabulary, term, links)),
    };
  });
  return [...statutory, ...otherTaxonomies(vocabulary, equivalents, links)];
}

function organization(provider: OrganisationView | null | undefined, offer: OfferView | undefined): OrukOrganization {
  if (provider && isUuid(provider.uuid)) {
    const phone = trimmed(provider.phone);
    return withoutEmpty({
      id: provider.uuid,
      name: provider.name,
      description: trimmed(provider.description) ?? provider.name,
      email: trimmed(provider.email),
      website: absoluteUrl(provider.website),
      phones: phone ? [{ id: partId(provider.uuid, 'phone'), number: phone }] : [],
    });
  }
  // No provider named: the council (or shared service) that publishes the offer provides it.
  const name = offer?.councils?.length === 1 ? offer.councils[0].name : (offer?.name ?? 'Kinship local offer');
  const id = offerOrganizationId(offer?.documentId ?? offer?.slug ?? name);
  const phone = trimmed(offer?.contactPhone);
  return withoutEmpty({
    id,
    name,
    description: offer ? `Publisher of ${offer.name}'s kinship local offer.` : name,
    email: trimmed(offer?.contactEmail),
    website: absoluteUrl(offer?.contactUrl),
    phones: phone ? [{ id: partId(id, 'phone'), number: phone }] : [],
  });
}

function contact(serviceId: string, entry: ContactView): Json {
  const phone = trimmed(entry.phone);
  return withoutEmpty({
    id: entry.uuid!,
    service_id: serviceId,
    name: entry.name,
    title: trimmed(entry.role),
    email: trimmed(entry.email),
    phones: phone ? [{ id: partId(entry.uuid!, 'phone'), contact_id: entry.uuid, number: phone }] : [],
  });
}

/**
 * A location as a service_at_location. Hidden (fails closed: anything but `hideExactAddress:
 * false`): the town and postcode district only, and `address_1` says the address is given on
 * contact, so a strict importer still finds the six address fields it needs.
 */
function serviceAtLocation(serviceId: string, location: LocationView, nation: string, fallbackCity: string): Json {
  const hidden = location.hideExactAddress !== false;
  const id = location.uuid!;
  const postcode = trimmed(hidden ? postcodeDistrict(location.postcode) : location.postcode);
  const address = postcode
    ? withoutEmpty({
        id: partId(id, 'address'),
        location_id: id,
        address_1: hidden ? 'Address given when you contact the service' : (trimmed(location.addressLine1) ?? location.name),
        address_2: hidden ? undefined : trimmed(location.addressLine2),
        city: trimmed(location.townOrCity) ?? fallbackCity,
        state_province: nation,
        postal_code: postcode,
        country: 'GB',
        address_type: 'physical',
      })
    : null;
  const accessibility = trimmed(location.accessibility);
  return {
    id: partId(serviceId, 'at', id),
    service_id: serviceId,
    location_id: id,
    location: withoutEmpty({
      id,
      location_type: 'physical',
      name: location.name,
      description: hidden ? 'The exact address is not published: it is given when you contact the service.' : undefined,
      addresses: address ? [address] : [],
      accessibility: accessibility ? [{ id: partId(id, 'accessibility'), location_id: id, description: accessibility }] : [],
    }),
  };
}

/**
 * The newest of the service's own rows' changes and those of what it shows (provider, locations,
 * contacts): its time before the feed has a history of it. The feed's `last_modified` is set from
 * what moved between builds (./last-modified), which also sees what no row's time records.
 */
function lastModified(service: ServiceView): string {
  const times = [service, service.provider, ...(service.locations ?? []), ...(service.contacts ?? [])]
    .map((entry) => (entry?.updatedAt ? new Date(entry.updatedAt).getTime() : NaN))
    .filter((time) => !Number.isNaN(time));
  return new Date(times.length ? Math.max(...times) : 0).toISOString();
}

/**
 * One service as a full HSDS-UK 3.0 service. `offers` are the published offers that list it
 * (their councils are its service areas; the first one publishes it when no provider is named);
 * `vocabulary` gives each term the offer's words; `otherTerms` (equivalentTermsByType) adds, for
 * each of its support types, that type's terms in other taxonomies as further attributes (each
 * term once).
 */
export function service(
  entry: ServiceView,
  offers: readonly OfferView[],
  vocabulary: OfferView['vocabulary'],
  links: FeedLinks,
  otherTerms: ReadonlyMap<string, readonly OrukTaxonomyTerm[]> = new Map(),
): OrukService {
  const id = entry.uuid;
  const org = organization(entry.provider, offers[0]);
  const contacts = (entry.contacts ?? []).filter((item) => isUuid(item.uuid)).map((item) => contact(id, item));
  const phones = (entry.contacts ?? []).flatMap((item) => {
    const number = trimmed(item.phone);
    return number ? [withoutEmpty({ id: partId(id, 'phone', item.uuid ?? item.name), service_id: id, number, description: item.name })] : [];
  });
  const councils = new Map<string, string>();
  for (const offer of offers) for (const council of offer.councils ?? []) councils.set(council.gssCode, council.name);
  const description = [trimmed(entry.summary), plainText(entry.description)].filter(Boolean).join('\n\n');
  const nation = nationOf(offers);
  const fallbackCity = [...councils.values()][0] ?? org.name;

  const attributes = TAXONOMIES.flatMap((taxonomy) => {
    const words = new Map((vocabulary[taxonomy.key] ?? []).map((term) => [term.code, term]));
    const field = taxonomy.key === 'supportTypes' ? entry.supportTypes : entry.arrangementTypes;
    return (field ?? []).map((term) => {
      const taxonomyTermObject = taxonomyTerm(taxonomy.vocabulary, { ...term, ...words.get(term.code) }, links);
      return {
        id: partId(id, 'attribute', taxonomyTermObject.id),
        link_id: id,
        link_type: taxonomy.linkType,
        link_entity: 'service',
        taxonomy_term_id: taxonomyTermObject.id,
        taxonomy_term: taxonomyTermObject,
      };
    });
  });
  const equivalent = new Map((entry.supportTypes ?? []).flatMap(({ code }) => (otherTerms.get(code) ?? []).map((term) => [term.id, term] as const)));
  for (const term of equivalent.values()) {
    attributes.push({
      id: partId(id, 'attribute', term.id),
      link_id: id,
      link_type: 'service_type',
      link_entity: 'service',
      taxonomy_term_id: term.id,
      taxonomy_term: term,
    });
  }

  const cost = COST_OPTIONS[entry.cost] ?? undefined;
  const amount = entry.costAmount === null || entry.costAmount === undefined ? undefined : Number(entry.costAmount);
  const costDescription = trimmed(entry.costDescription);

  return withoutEmpty({
    id,
    organization_id: org.id,
    name: entry.title,
    description: description || entry.title,
    url: absoluteUrl(entry.referralUrl),
    email: contacts.map((item) => item.email as string | undefined).find(Boolean),
    status: 'active' as const,
    fees_description: costDescription ?? cost,
    eligibility_description: trimmed(entry.eligibility),
    application_process: trimmed(entry.howToAccess),
    minimum_age: entry.minimumAge ?? undefined,
    maximum_age: entry.maximumAge ?? undefined,
    assured_date: entry.lastReviewedAt ? isoDate(entry.lastReviewedAt) : undefined,
    alert: trimmed(entry.alert),
    last_modified: lastModified(entry),
    organization: org,
    phones,
    schedules: schedulesOf(id, entry.openingTimes),
    service_areas: [...councils].map(([gssCode, name]) => ({
      id: partId(id, 'area', gssCode),
      service_id: id,
      name,
      uri: `http://statistics.data.gov.uk/id/statistical-geography/${gssCode}`,
    })),
    service_at_locations: (entry.locations ?? []).filter((location) => isUuid(location.uuid)).map((location) => serviceAtLocation(id, location, nation, fallbackCity)),
    languages: (entry.languages ?? []).map((code) => ({ id: partId(id, 'language', code), service_id: id, name: languageName(code), code })),
    cost_options: cost
      ? [
          withoutEmpty({
            id: partId(id, 'cost'),
            service_id: id,
            option: cost,
            amount: entry.cost === 'free' ? 0 : Number.isFinite(amount) ? amount : undefined,
            currency: 'GBP',
            amount_description: costDescription,
          }),
        ]
      : [],
    contacts,
    attributes,
  });
}

/** The fields `/services` lists: the one-to-one fields and the organization (compiled/service_list.json). */
export function listItem(full: OrukService): Json {
  const { phones, schedules, service_areas, service_at_locations, languages, cost_options, contacts, attributes, ...oneToOne } = full;
  const { phones: organizationPhones, ...organizationFields } = full.organization;
  return { ...oneToOne, organization: organizationFields };
}

/** A service at one of its locations, with the full service it belongs to. */
export interface OrukServiceAtLocation {
  /** The service_at_location as `/services/{id}` nests it: id, service_id, location_id, location. */
  entry: Json & { id: string; location: Json };
  service: OrukService;
}

/** Every service_at_location of `all`, in the services' order (name, then id), each location in its order. */
export const serviceAtLocationsOf = (all: readonly OrukService[]): OrukServiceAtLocation[] =>
  all.flatMap((service) => (service.service_at_locations ?? []).map((entry) => ({ entry: entry as OrukServiceAtLocation['entry'], service })));

/**
 * `/service_at_locations/{id}` (compiled/service_at_location.json): the service_at_location as
 * `/services/{id}` nests it (the location already redacted where hidden), with its full service,
 * less the service's own service_at_locations.
 */
export function serviceAtLocationFull({ entry, service }: OrukServiceAtLocation): Json {
  const { service_at_locations, ...rest } = service;
  return { ...entry, service: rest };
}

/**
 * `/service_at_locations` lists the one-to-one fields (compiled/service_at_location_list.json):
 * the location without its addresses, the service as `/services` lists it.
 */
export function serviceAtLocationListItem({ entry, service }: OrukServiceAtLocation): Json {
  const { addresses, accessibility, ...location } = entry.location;
  return { ...entry, location, service: listItem(service) };
}

/**
 * Every published service of `offers`, once each (a service listed by several offers is one
 * service whose areas are all their councils), sorted by name then id, so pages are stable.
 */
export function services(offers: readonly OfferView[], vocabulary: OfferView['vocabulary'], links: FeedLinks, equivalents: Equivalents = new Map()): OrukService[] {
  const otherTerms = equivalentTermsByType(vocabulary, equivalents, links);
  const byUuid = new Map<string, { entry: ServiceView; offers: OfferView[] }>();
  for (const offer of offers) {
    for (const entry of offer.services ?? []) {
      if (!isUuid(entry.uuid)) continue;
      const known = byUuid.get(entry.uuid);
      if (known) known.offers.push(offer);
      else byUuid.set(entry.uuid, { entry, offers: [offer] });
    }
  }
  return [...byUuid.values()]
    .map(({ entry, offers: listing }) => service(entry, listing, vocabulary, links, otherTerms))
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || a.id.localeCompare(b.id));
}
