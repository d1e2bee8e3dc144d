/**
 * The pure parts of "hide exact address": the district cut from a postcode however it is typed,
 * redaction that fails closed, and which query parameters would look inside a hidden address.
 */
import { describe, expect, it } from 'vitest';
import {
  canReachLocation,
  hiddenAddressLookups,
  keepHiddenFlag,
  postcodeDistrict,
  redactHiddenAddress,
  redactHiddenAddresses,
  refuseHiddenAddressLookups,
  type ModelLookup,
} from '../../../plugin/server/src/documents/hidden-addresses';

describe('postcodeDistrict', () => {
  it.each([
    ['EB4 5EF', 'EB4'],
    ['EB45EF', 'EB4'],
    ['eb4 5ef', 'EB4'],
    [' EB4  5EF ', 'EB4'],
    ['eb45ef', 'EB4'],
    ['EB10 1AA', 'EB10'],
    ['EB101AA', 'EB10'],
    ['E1W 1AA', 'E1W'],
    ['e1w1aa', 'E1W'],
    ['M1 1AE', 'M1'],
    ['M11AE', 'M1'],
    ['EB4', 'EB4'],
    ['EB45 EF', 'EB4'],
    ['eb4\t5ef', 'EB4'],
    ['EB4\u00a05EF', 'EB4'],
    ['EB4 5EF UK', 'EB4'],
    ['Flat 2, EB4 5EF', 'FLAT'],
  ])('cuts %j to %j', (typed, district) => expect(postcodeDistrict(typed)).toBe(district));

  it('keeps a value that is not a postcode to its first word', () => {
    expect(postcodeDistrict('Not known')).toBe('NOT');
    expect(postcodeDistrict('  not known ')).toBe('NOT');
  });

  it('leaves what is not text as it is', () => {
    expect(postcodeDistrict(null)).toBeNull();
    expect(postcodeDistrict(undefined)).toBeUndefined();
  });
});

describe('redactHiddenAddress', () => {
  const location = { name: 'Family Time Centre', addressLine1: '8 Imaginary Road', addressLine2: 'Rear door', townOrCity: 'Example Borough', postcode: 'EB45EF' };

  it('keeps a public address', () => expect(redactHiddenAddress({ ...location, hideExactAddress: false })).toEqual({ ...location, hideExactAddress: false }));

  it('keeps only the town and district of a hidden one', () =>
    expect(redactHiddenAddress({ ...location, hideExactAddress: true })).toEqual({
      ...location,
      hideExactAddress: true,
      addressLine1: null,
      addressLine2: null,
      postcode: 'EB4',
    }));

  it('leaves what is not a location, or has no address fields, as it is', () => {
    expect(redactHiddenAddress(null)).toBeNull();
    expect(redactHiddenAddress('EB4 5EF')).toBe('EB4 5EF');
    const named = { name: 'Family Time Centre', hideExactAddress: true };
    expect(redactHiddenAddress(named)).toBe(named);
  });

  it('redacts only the address fields that were read', () =>
    expect(redactHiddenAddress({ addressLine1: '8 Imaginary Road', hideExactAddress: true })).toEqual({ addressLine1: null, hideExactAddress: true }));

  it('treats a location whose flag was not read as hidden', () =>
    expect(redactHiddenAddress({ postcode: 'EB4 5EF', addressLine1: '8 Imaginary Road' })).toEqual({ postcode: 'EB4', addressLine1: null }));
});

const models: Record<string, { attributes: Record<string, any> }> = {
  'plugin::kinship-offer.offer': { attributes: { name: { type: 'string' }, services: { type: 'relation', target: 'plugin::kinship-offer.service' } } },
  'plugin::kinship-offer.service': {
    attributes: { title: { type: 'string' }, locations: { type: 'relation', target: 'plugin::kinship-offer.location' }, provider: { type: 'relation', target: 'plugin::kinship-offer.organisation' } },
  },
  'plugin::kinship-offer.organisation': { attributes: { name: { type: 'string' } } },
  'plugin::kinship-offer.location': {
    attributes: { name: { type: 'string' }, addressLine1: { type: 'string' }, addressLine2: { type: 'string' }, postcode: { type: 'string' }, townOrCity: { type: 'string' } },
  },
  'api::venue.venue': { attributes: { place: { type: 'component', component: 'shared.place' }, postcode: { type: 'string' } } },
  'api::page.page': { attributes: { blocks: { type: 'dynamiczone', components: ['shared.text', 'shared.place'] } } },
  'shared.text': { attributes: { body: { type: 'text' } } },
  'api::tree.tree': { attributes: { parent: { type: 'relation', target: 'api::tree.tree' }, name: { type: 'string' } } },
  'shared.place': { attributes: { location: { type: 'relation', target: 'plugin::kinship-offer.location' } } },
};
const lookup: ModelLookup = (uid) => models[uid];
const LOCATION = 'plugin::kinship-offer.location';
const SERVICE = 'plugin::kinship-offer.service';
const OFFER = 'plugin::kinship-offer.offer';

describe('hiddenAddressLookups', () => {
  it.each<[string, string, object, string[]]>([
    ['a filter', LOCATION, { filters: { postcode: { $startsWith: 'EB4 9' } } }, ['filters.postcode']],
    ['a GraphQL filter', LOCATION, { filters: { addressLine1: { containsi: 'quiet' } } }, ['filters.addressLine1']],
    ['$or', LOCATION, { filters: { $or: [{ name: { $eq: 'x' } }, { addressLine2: { $null: true } }] } }, ['filters.addressLine2']],
    ['not in GraphQL form', LOCATION, { filters: { not: { postcode: { eq: 'EB4 9QZ' } } } }, ['filters.postcode']],
    ['$not inside a field', LOCATION, { filters: { postcode: { $not: { $eq: 'EB4 9QZ' } } } }, ['filters.postcode']],
    ['a relation', SERVICE, { filters: { locations: { postcode: { $eq: 'EB4 9QZ' } } } }, ['filters.locations.postcode']],
    ['two relations', OFFER, { filters: { services: { locations: { $and: [{ addressLine1: { $contains: 'Q' } }] } } } }, ['filters.services.locations.addressLine1']],
    ['a dotted path', SERVICE, { filters: { 'locations.postcode': { $eq: 'EB4 9QZ' } } }, ['filters.locations.postcode']],
    ['a dotted path through two relations', OFFER, { filters: { 'services.locations.postcode': { $eq: 'EB4 9QZ' } } }, ['filters.services.locations.postcode']],
    ['a component', 'api::venue.venue', { filters: { place: { location: { postcode: { $eq: 'x' } } } } }, ['filters.place.location.postcode']],
    ['a sort string', LOCATION, { sort: 'name:asc,postcode:desc' }, ['sort.postcode']],
    ['a sort list', LOCATION, { sort: ['addressLine1:asc'] }, ['sort.addressLine1']],
    ['a sort object', LOCATION, { sort: { postcode: 'asc' } }, ['sort.postcode']],
    ['a sort through a relation', SERVICE, { sort: 'locations.postcode:asc' }, ['sort.locations.postcode']],
    ['a nested sort object', SERVICE, { sort: [{ locations: { postcode: 'desc' } }] }, ['sort.locations.postcode']],
    ['a populated relation filtered', SERVICE, { populate: { locations: { filters: { postcode: { $eq: 'x' } } } } }, ['populate.locations.filters.postcode']],
    ['a populated relation sorted', OFFER, { populate: { services: { populate: { locations: { sort: 'addressLine2' } } } } }, ['populate.services.populate.locations.sort.addressLine2']],
    ['a search of locations', LOCATION, { _q: 'quiet' }, ['search']],
    ['a search of a populated relation', SERVICE, { populate: { locations: { _q: 'quiet' } } }, ['populate.locations.search']],
    ['filters in a list', LOCATION, { filters: [{ name: { $eq: 'x' } }, { postcode: { $eq: 'x' } }] }, ['filters.postcode']],
    ['$and with $or inside', OFFER, { filters: { $and: [{ $or: [{ services: { locations: { postcode: { $eq: 'x' } } } }] }] } }, ['filters.services.locations.postcode']],
    ['a sort with spaces', LOCATION, { sort: 'name:asc, postcode:desc' }, ['sort.postcode']],
    ['a nested sort object two relations deep', OFFER, { sort: { services: { locations: { addressLine1: 'asc' } } } }, ['sort.services.locations.addressLine1']],
    ['a dotted nested sort key', OFFER, { sort: { 'services.locations': { postcode: 'asc' } } }, ['sort.services.locations.postcode']],
    ['a dynamic zone\'s component', 'api::page.page', { populate: { blocks: { on: { 'shared.place': { populate: { location: { filters: { postcode: { $eq: 'x' } } } } } } } } }, ['populate.blocks.on.shared.place.populate.location.filters.postcode']],
    ['every lookup in one request', LOCATION, { filters: { postcode: { $eq: 'x' } }, sort: 'addressLine1', _q: 'q' }, ['filters.postcode', 'sort.addressLine1', 'search']],
  ])('finds %s', (_label, uid, params, expected) => expect(hiddenAddressLookups(uid, params, lookup)).toEqual(expected));

  it.each<[string, string, object]>([
    ['public fields', LOCATION, { filters: { townOrCity: { $eq: 'Example Borough' }, name: { $containsi: 'centre' } }, sort: 'name:asc' }],
    ['a relation on its public fields', SERVICE, { filters: { locations: { townOrCity: { $eq: 'Example Borough' } } }, populate: { locations: true } }],
    ['postcode of something that is not a location', SERVICE, { filters: { provider: { name: { $eq: 'postcode' } } }, sort: 'title' }],
    ['a search of services', SERVICE, { _q: 'quiet' }],
    ['populate by name', OFFER, { populate: ['services', 'services.locations'] }],
    ['populate everything', OFFER, { populate: '*' }],
    ['populate a relation as true', SERVICE, { populate: { locations: true } }],
    ['a field called postcode on something else', 'api::venue.venue', { filters: { postcode: { $eq: 'x' } }, sort: 'postcode' }],
    ['an empty search', LOCATION, { _q: '' }],
    ['filters that are not an object', LOCATION, { filters: 'postcode' }],
    ['a sort by a field that does not exist', SERVICE, { sort: 'nope.postcode' }],
    ['a sort through a field that is not a relation', SERVICE, { sort: { title: { postcode: 'asc' } } }],
    ['a populated field that is not a relation', SERVICE, { populate: { title: { filters: { postcode: { $eq: 'x' } } } } }],
    ['a model it does not know', 'api::unknown.unknown', { filters: { postcode: { $eq: 'x' } } }],
    ['a dynamic zone\'s other component', 'api::page.page', { populate: { blocks: { on: { 'shared.text': { filters: { body: { $eq: 'x' } } } } } } }],
  ])('lets %s through', (_label, uid, params) => expect(hiddenAddressLookups(uid, params, lookup)).toEqual([]));
});

describe('canReachLocation', () => {
  it('follows relations and components', () => {
    expect(canReachLocation(OFFER, lookup)).toBe(true);
    expect(canReachLocation('api::venue.venue', lookup)).toBe(true);
    expect(canReachLocation('plugin::kinship-offer.organisation', lookup)).toBe(false);
  });

  it('follows dynamic zones, and stops on a loop or a model it does not know', () => {
    expect(canReachLocation('api::page.page', lookup)).toBe(true);
    expect(canReachLocation('api::tree.tree', lookup)).toBe(false);
    expect(canReachLocation('api::unknown.unknown', lookup)).toBe(false);
    expect(canReachLocation(LOCATION, () => undefined)).toBe(true);
  });
});

describe('redactHiddenAddresses: every location in a read result, however deep', () => {
  const hidden = { name: 'Refuge', addressLine1: '1 Quiet Lane', addressLine2: null, postcode: 'EB4 9QZ', hideExactAddress: true };
  const open = { name: 'Family Hub', addressLine1: '2 High Street', postcode: 'EB1 1AA', hideExactAddress: false };
  const redacted = { ...hidden, addressLine1: null, addressLine2: null, postcode: 'EB4' };

  it('redacts a location, a list of them, and locations in relations two deep', () => {
    expect(redactHiddenAddresses(LOCATION, hidden, lookup)).toEqual(redacted);
    expect(redactHiddenAddresses(LOCATION, [hidden, open], lookup)).toEqual([redacted, open]);
    const offer = { name: 'Example', services: [{ title: 'Support group', locations: [hidden, open], provider: { name: 'Charity' } }] };
    expect(redactHiddenAddresses(OFFER, offer, lookup)).toEqual({ name: 'Example', services: [{ title: 'Support group', locations: [redacted, open], provider: { name: 'Charity' } }] });
  });

  it('redacts through components and dynamic zones', () => {
    expect(redactHiddenAddresses('api::venue.venue', { place: { location: hidden } }, lookup)).toEqual({ place: { location: redacted } });
    const page = { blocks: [{ __component: 'shared.place', location: hidden }, { __component: 'shared.text', body: '1 Quiet Lane' }, null] };
    expect(redactHiddenAddresses('api::page.page', page, lookup)).toEqual({ blocks: [{ __component: 'shared.place', location: redacted }, page.blocks[1], null] });
  });

  it('leaves counts, empty relations and models it does not know as they are', () => {
    expect(redactHiddenAddresses(LOCATION, 3, lookup)).toBe(3);
    expect(redactHiddenAddresses(LOCATION, null, lookup)).toBeNull();
    expect(redactHiddenAddresses(SERVICE, { title: 'x', locations: null }, lookup)).toEqual({ title: 'x', locations: null });
    expect(redactHiddenAddresses('api::unknown.unknown', hidden, lookup)).toBe(hidden);
    expect(redactHiddenAddresses('api::venue.venue', { postcode: 'EB4 9QZ' }, lookup)).toEqual({ postcode: 'EB4 9QZ' });
  });

  it('does not change what it was given', () => {
    const service = { title: 'x', locations: [{ ...hidden }] };
    redactHiddenAddresses(SERVICE, service, lookup);
    expect(service.locations[0].addressLine1).toBe('1 Quiet Lane');
  });
});

describe('refuseHiddenAddressLookups', () => {
  it('lets a safe read through', () => expect(() => refuseHiddenAddressLookups(LOCATION, { filters: { townOrCity: { $eq: 'x' } } }, lookup)).not.toThrow());

  it('refuses a lookup with a 400 that says where, and what to use instead', () => {
    let error: any;
    try {
      refuseHiddenAddressLookups(SERVICE, { filters: { locations: { postcode: { $startsWith: 'EB4 9' } } }, sort: 'locations.addressLine1' }, lookup);
    } catch (caught) {
      error = caught;
    }
    expect(error?.name).toBe('ValidationError');
    expect(error.message).toBe(
      'Some locations hide their exact address, so public requests cannot filter, sort or search on addressLine1, addressLine2, postcode ' +
        '(this request does at filters.locations.postcode, sort.locations.addressLine1). Filter on townOrCity instead; editors and API tokens may use every field.',
    );
    expect(error.details).toEqual({ lookups: ['filters.locations.postcode', 'sort.locations.addressLine1'] });
  });
});

describe('keepHiddenFlag', () => {
  it('adds hideExactAddress to a location read that chooses its fields, as a list or as text', () => {
    const list: { fields?: unknown } = { fields: ['name', 'postcode'] };
    keepHiddenFlag(LOCATION, list, lookup);
    expect(list.fields).toEqual(['name', 'postcode', 'hideExactAddress']);
    const text: { fields?: unknown } = { fields: 'name,postcode' };
    keepHiddenFlag(LOCATION, text, lookup);
    expect(text.fields).toEqual(['name', 'postcode', 'hideExactAddress']);
  });

  it('leaves fields that already have it, a read of all fields, and other types alone', () => {
    const already = { fields: ['hideExactAddress', 'postcode'] };
    keepHiddenFlag(LOCATION, already, lookup);
    expect(already.fields).toEqual(['hideExactAddress', 'postcode']);
    const all: { fields?: unknown } = {};
    keepHiddenFlag(LOCATION, all, lookup);
    expect(all).toEqual({});
    const service = { fields: ['title'] };
    keepHiddenFlag(SERVICE, service, lookup);
    expect(service.fields).toEqual(['title']);
    const odd = { fields: 5 };
    keepHiddenFlag(LOCATION, odd, lookup);
    expect(odd.fields).toBe(5);
  });

  it('adds it to locations read through populated relations', () => {
    const params = { populate: { services: { populate: { locations: { fields: ['name'] } } }, councils: { fields: ['name'] } } } as any;
    keepHiddenFlag(OFFER, params, lookup);
    expect(params.populate.services.populate.locations.fields).toEqual(['name', 'hideExactAddress']);
    expect(params.populate.councils.fields).toEqual(['name']);
    const byName = { populate: ['services'] };
    keepHiddenFlag(OFFER, byName, lookup);
    expect(byName).toEqual({ populate: ['services'] });
    const asTrue = { populate: { services: true } };
    keepHiddenFlag(OFFER, asTrue, lookup);
    expect(asTrue).toEqual({ populate: { services: true } });
  });
});
