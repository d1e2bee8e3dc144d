/**
 * The Open Referral UK mapping, pure (plugin/server/src/oruk): stable ids, opening times cut into
 * daily schedules, the query parameters read strictly, and an offer view mapped to what the
 * profile's schemas and a strict importer both accept.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { OfferView, ServiceView } from '../../../plugin/shared/offer-view';
import { otherTaxonomyId, otherTermId, termId, uuidV5 } from '../../../plugin/server/src/oruk/ids';
import {
  listItem,
  plainText,
  serviceAtLocationFull,
  serviceAtLocationListItem,
  serviceAtLocationsOf,
  services,
  taxonomies,
  type Equivalents,
  type OrukService,
  type OrukTaxonomy,
} from '../../../plugin/server/src/oruk/map';
import { BadParameter, DEFAULT_PER_PAGE, matches, pageOf, pagingOf, serviceFiltersOf } from '../../../plugin/server/src/oruk/query';
import { schedulesOf } from '../../../plugin/server/src/oruk/schedules';
import { orukChecker } from '../../support/oruk';

const check = orukChecker();
const links = { base: 'https://cms.example.gov.uk/api/kinship-offer/oruk' };
const SERVICE_ID = '11111111-1111-4111-8111-111111111111';

describe('ids', () => {
  it('are RFC 9562 version 5 UUIDs (the RFC\'s own example)', () => {
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('name a statutory term the same way everywhere, and distinct terms apart', () => {
    expect(termId('support-type', 'financial_support')).toBe(termId('support-type', 'financial_support'));
    expect(termId('support-type', 'financial_support')).not.toBe(termId('support-type', 'education'));
    expect(termId('support-type', 'adoption')).not.toBe(termId('arrangement-type', 'adoption'));
  });
});

describe('opening times as schedules', () => {
  const hours = (times: Parameters<typeof schedulesOf>[1]) =>
    schedulesOf(SERVICE_ID, times).map(({ byday, opens_at, closes_at }) => `${byday} ${opens_at}-${closes_at}`);

  it('keeps a day\'s hours as one weekly schedule with its note', () => {
    const [schedule] = schedulesOf(SERVICE_ID, [{ days: ['MO', 'TU'], opensAt: '09:30', closesAt: '17:00', note: 'Term time only' }]);
    expect(schedule).toMatchObject({ freq: 'WEEKLY', interval: 1, byday: 'MO,TU', opens_at: '09:30:00', closes_at: '17:00:00', description: 'Term time only' });
  });

  it('cuts an overnight opening at midnight', () => {
    expect(hours([{ days: ['FR'], opensAt: '22:00', closesAt: '07:00' }])).toEqual(['FR 22:00:00-23:59:59', 'SA 00:00:00-07:00:00']);
  });

  it('reads 24:00 as the end of the day, and 00:00 to 00:00 as the whole day', () => {
    expect(hours([{ days: ['SU'], opensAt: '18:00', closesAt: '24:00' }])).toEqual(['SU 18:00:00-23:59:59']);
    expect(hours([{ days: ['SU'], opensAt: '00:00', closesAt: '00:00' }])).toEqual(['SU 00:00:00-23:59:59']);
  });

  it('spreads a span over several days (closesOn) across them, Sunday to Monday included', () => {
    expect(hours([{ days: ['FR'], opensAt: '17:00', closesOn: 'MO', closesAt: '09:00' }])).toEqual([
      'FR 17:00:00-23:59:59',
      'SA,SU 00:00:00-23:59:59',
      'MO 00:00:00-09:00:00',
    ]);
  });

  it('gives the same ids to the same opening times', () => {
    const times = [{ days: ['MO'], opensAt: '09:00', closesAt: '17:00' }];
    expect(schedulesOf(SERVICE_ID, times)[0].id).toBe(schedulesOf(SERVICE_ID, structuredClone(times))[0].id);
  });
});

describe('query parameters', () => {
  const refusal = (query: Record<string, unknown>) => {
    try {
      serviceFiltersOf(query);
      pagingOf(query);
    } catch (error) {
      return error instanceof BadParameter ? error.parameter : 'not a BadParameter';
    }
    return null;
  };

  it('page a whole council\'s offer by default', () => {
    expect(pagingOf({})).toEqual({ page: 1, perPage: DEFAULT_PER_PAGE });
    expect(DEFAULT_PER_PAGE).toBeGreaterThanOrEqual(500);
  });

  it.each([
    [{ page: '0' }, 'page'],
    [{ per_page: '1001' }, 'per_page'],
    [{ per_page: '2.5' }, 'per_page'],
    [{ minimum_age: '256' }, 'minimum_age'],
    [{ day: 'Funday' }, 'day'],
    [{ start_time: '24:00' }, 'start_time'],
    [{ taxonomy_term_id: 'financial_support' }, 'taxonomy_term_id'],
    [{ modified_after: '30/11/2026' }, 'modified_after'],
    // Days a month does not have: V8's Date.parse rolls them into the next month.
    [{ modified_after: '2026-02-29' }, 'modified_after'],
    [{ modified_after: '2026-04-31T09:00:00Z' }, 'modified_after'],
    [{ search: ['a', 'b'] }, 'search'],
  ])('refuse %j, naming %s', (query, parameter) => {
    expect(refusal(query)).toBe(parameter);
  });

  it.each([
    // The "+" of an offset sent unencoded in a query string arrives as a space.
    ['2026-12-01T09:00:00 01:00', Date.UTC(2026, 11, 1, 8)],
    ['2026-12-01T09:00:00+01:00', Date.UTC(2026, 11, 1, 8)],
    ['2026-12-01T09:00:00+0100', Date.UTC(2026, 11, 1, 8)],
    ['2026-12-01T09:00:00 0100', Date.UTC(2026, 11, 1, 8)],
    ['2026-12-01T09:00:00+01', Date.UTC(2026, 11, 1, 8)],
    ['2026-12-01T09:00:00-05:00', Date.UTC(2026, 11, 1, 14)],
    ['2026-12-01t09:00:00z', Date.UTC(2026, 11, 1, 9)],
    ['2026-12-01 09:00Z', Date.UTC(2026, 11, 1, 9)],
    ['2026-12-01T09:00:00.250Z', Date.UTC(2026, 11, 1, 9, 0, 0, 250)],
    ['2026-12-01T09:00:00.123456+00:00', Date.UTC(2026, 11, 1, 9, 0, 0, 123)],
    ['2026-12-01', Date.UTC(2026, 11, 1)],
  ])('read modified_after=%s, whose meaning is certain', (text, time) => {
    expect(serviceFiltersOf({ modified_after: text }).modifiedAfter).toBe(time);
  });

  it.each([
    // No offset: 09:00 where? The feed's clock and the directory's may differ by an hour.
    ['2026-12-01T09:00:00', 'Z for UTC'],
    ['1764579600', 'not a count'],
    ['2026-12-01T25:00:00Z', 'ISO 8601'],
    ['2026-12-01T09:60:00Z', 'ISO 8601'],
    ['2026-12-01T09:00:00+24:00', 'ISO 8601'],
    ['01/12/2026', 'ISO 8601'],
  ])('refuse modified_after=%s, saying what to send (%s)', (text, hint) => {
    let message = '';
    try {
      serviceFiltersOf({ modified_after: text });
    } catch (error) {
      message = (error as BadParameter).message;
    }
    expect(message).toContain(hint);
    expect(message).toContain('%2B');
  });

  it.each([
    ['9:00', '09:00:00'],
    ['09:00', '09:00:00'],
    ['17:30:00', '17:30:00'],
    ['0930', '09:30:00'],
  ])('read start_time and end_time=%s as %s', (text, time) => {
    expect(serviceFiltersOf({ start_time: text, end_time: text })).toMatchObject({ startTime: time, endTime: time });
  });

  it.each(['9am', '24:00', '09:00Z', '09:00+01:00', '9'])('refuse start_time=%s, saying to send the local time as HH:MM', (text) => {
    let message = '';
    try {
      serviceFiltersOf({ start_time: text });
    } catch (error) {
      message = (error as BadParameter).message;
    }
    expect(message).toContain('HH:MM');
  });

  it('read days by code or name, and times with or without seconds', () => {
    expect(serviceFiltersOf({ modified_after: '2028-02-29' }).modifiedAfter).toBe(Date.UTC(2028, 1, 29));
    expect(serviceFiltersOf({ day: 'saturday', start_time: '09:00', end_time: '17:30:00' })).toMatchObject({ day: 'SA', startTime: '09:00:00', endTime: '17:30:00' });
  });

  it('answer a Page: counts, first and last, empty past the end', () => {
    expect(pageOf([1, 2, 3, 4, 5], { page: 2, perPage: 2 })).toEqual({
      total_items: 5, total_pages: 3, page_number: 2, size: 2, first_page: false, last_page: false, empty: false, contents: [3, 4],
    });
    expect(pageOf([1], { page: 3, perPage: 2 })).toMatchObject({ size: 0, last_page: true, empty: true, contents: [] });
    expect(pageOf([], { page: 1, perPage: 10 })).toMatchObject({ total_items: 0, total_pages: 1, first_page: true, last_page: true, empty: true });
  });
});

const vocabulary: OfferView['vocabulary'] = {
  supportTypes: [{ code: 'financial_support', label: 'Financial support', description: 'Allowances and grants.', locale: 'en' }],
  arrangementTypes: [{ code: 'special_guardianship_order', label: 'Special guardianship order', description: null, locale: 'en' }],
};

const service = (fields: Partial<ServiceView> = {}): ServiceView => ({
  uuid: SERVICE_ID,
  title: 'Special guardianship allowance',
  summary: 'A weekly allowance.',
  description: [
    { type: 'paragraph', children: [{ type: 'text', text: 'Paid every week.' }] },
    { type: 'list', format: 'unordered', children: [{ type: 'list-item', children: [{ type: 'text', text: 'means-tested' }] }] },
  ],
  supportTypes: [{ code: 'financial_support' }],
  arrangementTypes: [{ code: 'special_guardianship_order' }],
  eligibility: '',
  minimumAge: 0,
  maximumAge: 18,
  provider: null,
  cost: 'means_tested',
  costAmount: null,
  costDescription: null,
  locations: [
    { uuid: '22222222-2222-4222-8222-222222222222', name: 'Safe house', addressLine1: null, townOrCity: 'Example Borough', postcode: 'EB4', hideExactAddress: true },
    { uuid: '33333333-3333-4333-8333-333333333333', name: 'Civic Centre', addressLine1: '1 Fictional Square', townOrCity: 'Example Borough', postcode: 'EB1 1AA', hideExactAddress: false },
  ],
  openingTimes: [{ days: ['MO'], opensAt: '09:00', closesAt: '17:00' }],
  languages: ['en', 'pl'],
  contacts: [{ uuid: '44444444-4444-4444-8444-444444444444', name: 'Kinship team', phone: '020 7946 0000', email: null }],
  alert: null,
  lastReviewedAt: '2026-09-01',
  updatedAt: '2026-10-01T10:00:00.000Z',
  ...fields,
});

const offer = (services: ServiceView[]): OfferView => ({
  locale: 'en',
  languages: [{ code: 'en', name: 'English' }],
  documentId: 'offer-document-id',
  name: 'Example Borough Council',
  slug: 'example-borough',
  councils: [{ name: 'Example Borough Council', gssCode: 'E09000999' }],
  independentAdvice: [],
  services,
  vocabulary,
});

describe('an offer as Open Referral UK objects', () => {
  // Mapped for each test, not once as the file is read: a mutant is switched on per test.
  let mapped: OrukService;
  beforeEach(() => {
    [mapped] = services([offer([service()])], vocabulary, links);
  });

  it('passes the profile\'s schemas, in full and as a list item', () => {
    expect(check('service', mapped)).toEqual({ valid: true, errors: [] });
    expect(check('service_page', pageOf([listItem(mapped)], { page: 1, perPage: 10 }))).toEqual({ valid: true, errors: [] });
    expect(check('taxonomy_page', pageOf(taxonomies(vocabulary, links), { page: 1, perPage: 10 })).valid).toBe(true);
  });

  it('leaves out what is empty: no null, no ""', () => {
    const text = JSON.stringify(mapped);
    expect(text).not.toContain('null');
    expect(text).not.toContain('""');
    expect(mapped).not.toHaveProperty('eligibility_description');
  });

  it('names the publishing council when no provider is given, and its area by GSS code', () => {
    expect(mapped.organization).toMatchObject({ name: 'Example Borough Council', description: expect.any(String) });
    expect(mapped.service_areas).toEqual([expect.objectContaining({ uri: 'http://statistics.data.gov.uk/id/statistical-geography/E09000999' })]);
  });

  it('writes a hidden address as town and district only, still with the six fields importers need', () => {
    const [hidden, open] = (mapped.service_at_locations ?? []).map((at: any) => at.location.addresses[0]);
    expect(hidden).toMatchObject({ city: 'Example Borough', postal_code: 'EB4', state_province: 'England', country: 'GB', address_type: 'physical' });
    expect(hidden.address_1).not.toMatch(/\d/);
    expect(open).toMatchObject({ address_1: '1 Fictional Square', postal_code: 'EB1 1AA' });
  });

  it('redacts again what the view did not: a full postcode on a hidden location never passes', () => {
    const [leaky] = services([offer([service({ locations: [{ uuid: '22222222-2222-4222-8222-222222222222', name: 'Safe house', addressLine1: '8 Secret Road', postcode: 'EB4 5EF' }] })])], vocabulary, links);
    expect(JSON.stringify(leaky)).not.toMatch(/Secret|5EF/);
  });

  it('gives the taxonomy terms with code, the term description falling back to its name', () => {
    expect(mapped.attributes?.map((attribute: any) => [attribute.link_entity, attribute.taxonomy_term.code, attribute.taxonomy_term.description])).toEqual([
      ['service', 'financial_support', 'Allowances and grants.'],
      ['service', 'special_guardianship_order', 'Special guardianship order'],
    ]);
  });

  it('reads rich text as plain paragraphs and list items', () => {
    expect(plainText(service().description)).toBe('Paid every week.\n\n- means-tested');
    expect(mapped.description).toBe('A weekly allowance.\n\nPaid every week.\n\n- means-tested');
  });

  it('lists a service two offers share once, in both councils\' areas', () => {
    const shared = { ...offer([service()]), documentId: 'other', councils: [{ name: 'Other Council', gssCode: 'E06000999' }] };
    const all = services([offer([service()]), shared], vocabulary, links);
    expect(all).toHaveLength(1);
    expect(all[0].service_areas?.map((area: any) => area.name)).toEqual(['Example Borough Council', 'Other Council']);
  });

  it('filters by every parameter together', () => {
    const filters = (query: Record<string, string>) => matches(mapped, serviceFiltersOf(query));
    expect(filters({ search: 'weekly guardianship', taxonomy_term_id: termId('support-type', 'financial_support'), day: 'MO', start_time: '09:00' })).toBe(true);
    expect(filters({ search: 'weekly', day: 'TU' })).toBe(false);
    expect(filters({ modified_after: '2026-10-02' })).toBe(false);
    expect(filters({ maximum_age: '18', minimum_age: '0' })).toBe(true);
  });
});

describe('equivalent terms of other taxonomies', () => {
  const both: OfferView['vocabulary'] = {
    ...vocabulary,
    supportTypes: [...vocabulary.supportTypes, { code: 'legal_support', label: 'Legal support', locale: 'en' }],
  };
  const equivalents: Equivalents = new Map([
    [
      'financial_support',
      [
        { taxonomy: 'Example directory categories', taxonomyUri: null, code: 'EDC-210', name: 'Money' },
        { taxonomy: 'Example needs', code: 'need-money', name: null },
      ],
    ],
    // The same term under another support type, its taxonomy written differently, with a URI.
    ['legal_support', [{ taxonomy: ' example  directory CATEGORIES', taxonomyUri: 'http://directory.example.org/categories', code: 'EDC-210', name: 'Money again' }]],
  ]);
  let listed: OrukTaxonomy[];
  let mapped: OrukService;
  beforeEach(() => {
    listed = taxonomies(both, links, equivalents);
    [mapped] = services([offer([service({ supportTypes: [{ code: 'financial_support' }, { code: 'legal_support' }] })])], both, links, equivalents);
  });

  it('names a taxonomy by its name whatever the case or spacing, and a term by its taxonomy and code', () => {
    expect(otherTaxonomyId('Example directory categories')).toBe(otherTaxonomyId(' example  directory CATEGORIES'));
    expect(otherTaxonomyId('Example directory categories')).not.toBe(otherTaxonomyId('Example needs'));
    // "Café" typed (é, one code point) and pasted from a PDF (e and a combining accent): one taxonomy.
    expect(otherTaxonomyId('Caf\u00e9 needs')).toBe(otherTaxonomyId('Cafe\u0301 needs'));
    expect(otherTermId('Example needs', 'need-money')).not.toBe(otherTermId('Example directory categories', 'need-money'));
  });

  it('lists each taxonomy once after the statutory two, each term once, as first written, with the first URI given', () => {
    expect(listed.map((taxonomy) => [taxonomy.name, taxonomy.uri, taxonomy.taxonomy_terms.map((term) => [term.code, term.name, term.taxonomy])])).toEqual([
      ['Kinship support types', expect.any(String), expect.any(Array)],
      ['Kinship arrangement types', expect.any(String), expect.any(Array)],
      ['Example directory categories', 'http://directory.example.org/categories', [['EDC-210', 'Money', 'Example directory categories']]],
      ['Example needs', `${links.base}/taxonomies/${otherTaxonomyId('Example needs')}`, [['need-money', 'need-money', 'Example needs']]],
    ]);
    expect(check('taxonomy_page', pageOf(listed, { page: 1, perPage: 10 }))).toEqual({ valid: true, errors: [] });
    for (const taxonomy of listed) for (const term of taxonomy.taxonomy_terms) expect(check('taxonomy_term', term)).toEqual({ valid: true, errors: [] });
  });

  it('gives a service each equivalent term of its support types once, as an attribute with link_entity, the term as listed', () => {
    const others = (mapped.attributes ?? []).filter((attribute: any) => !attribute.taxonomy_term.taxonomy.startsWith('Kinship'));
    const listedTerms = listed.flatMap((taxonomy) => taxonomy.taxonomy_terms);
    expect(others.map((attribute: any) => attribute.taxonomy_term)).toEqual([listedTerms.find((term) => term.code === 'EDC-210'), listedTerms.find((term) => term.code === 'need-money')]);
    for (const attribute of others) expect(attribute).toMatchObject({ link_id: SERVICE_ID, link_type: 'service_type', link_entity: 'service', taxonomy_term_id: (attribute as any).taxonomy_term.id });
    expect(check('service', mapped)).toEqual({ valid: true, errors: [] });
  });

  it('finds a service by its equivalent term or taxonomy', () => {
    expect(matches(mapped, serviceFiltersOf({ taxonomy_term_id: otherTermId('Example needs', 'need-money') }))).toBe(true);
    expect(matches(mapped, serviceFiltersOf({ taxonomy_id: otherTaxonomyId('Example directory categories') }))).toBe(true);
    const [plain] = services([offer([service({ supportTypes: [] })])], both, links, equivalents);
    expect(matches(plain, serviceFiltersOf({ taxonomy_id: otherTaxonomyId('Example needs') }))).toBe(false);
  });
});

describe('services at locations', () => {
  let mapped: OrukService;
  let atLocations: ReturnType<typeof serviceAtLocationsOf>;
  beforeEach(() => {
    [mapped] = services([offer([service()])], vocabulary, links);
    atLocations = serviceAtLocationsOf([mapped]);
  });

  it('are each location of each service, in order, the hidden one redacted as in the service', () => {
    expect(atLocations.map(({ entry }) => (entry.location as any).name)).toEqual(['Safe house', 'Civic Centre']);
    const full = serviceAtLocationFull(atLocations[0]);
    expect(full).toMatchObject({ service_id: SERVICE_ID, location_id: '22222222-2222-4222-8222-222222222222', location: mapped.service_at_locations![0].location });
    expect(full.service).not.toHaveProperty('service_at_locations');
    expect(check('service_at_location', full)).toEqual({ valid: true, errors: [] });
  });

  it('list the one-to-one fields: no addresses, the service as /services lists it', () => {
    const item = serviceAtLocationListItem(atLocations[1]);
    expect(item.location).not.toHaveProperty('addresses');
    expect(item.service).toEqual(listItem(mapped));
    expect(check('service_at_location_page', pageOf([item], { page: 1, perPage: 10 }))).toEqual({ valid: true, errors: [] });
  });
});
