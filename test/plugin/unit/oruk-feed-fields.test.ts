/**
 * The Open Referral UK feed field by field, as a directory imports it (plugin/server/src/oruk/map):
 * two fictional offers whose services use every field the view can carry, and each way a field
 * can be empty, mapped and compared whole with test/fixtures/oruk-feed-fields.json (read and
 * checked by hand against HSDS-UK 3.0 and the module's rules: hidden addresses as town and
 * district only, empty fields left out, ids stable). Every object also passes the profile's
 * schemas. A change to the feed a directory would see fails here; if it is meant, check the new
 * file by hand and write it with `ORUK_FIELDS_WRITE=1`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { OfferView, ServiceView } from '../../../plugin/shared/offer-view';
import { listItem, serviceAtLocationFull, serviceAtLocationListItem, serviceAtLocationsOf, services, taxonomies, type Equivalents } from '../../../plugin/server/src/oruk/map';
import { pageOf } from '../../../plugin/server/src/oruk/query';
import { orukChecker } from '../../support/oruk';

const FIXTURE = join(__dirname, '../../fixtures/oruk-feed-fields.json');
const links = { base: 'https://cms.example-borough.gov.uk/api/kinship-offer/oruk' };
const check = orukChecker();

const vocabulary: OfferView['vocabulary'] = {
  supportTypes: [
    { code: 'financial_support', label: ' Financial support ', description: 'Allowances and grants.', locale: 'en' },
    { code: 'legal_support', label: '', description: null, locale: '' },
    { code: 'peer_support', label: 'Peer support', description: '  ', locale: 'cy' },
  ],
  arrangementTypes: [{ code: 'special_guardianship_order', label: 'Special guardianship order', description: null, locale: 'en' }],
};

const equivalents: Equivalents = new Map([
  [
    'financial_support',
    [
      { taxonomy: ' Example directory categories ', taxonomyUri: 'not a link', code: ' EDC-210 ', name: ' Money ' },
      { taxonomy: 'Example needs', code: ' need-money ', name: null },
    ],
  ],
  [
    'peer_support',
    [
      // The same taxonomy, now with its address; a term already listed under another type.
      { taxonomy: 'example DIRECTORY categories', taxonomyUri: 'https://directory.example.org/categories', code: 'EDC-210', name: 'Money again' },
      { taxonomy: 'Example directory categories', taxonomyUri: 'https://directory.example.org/other', code: 'EDC-300', name: 'Friends' },
    ],
  ],
  ['legal_support', []],
]);

const base = (uuid: string, title: string): ServiceView => ({
  uuid,
  title,
  summary: '',
  description: null,
  cost: 'free',
  supportTypes: [],
  arrangementTypes: [],
  locations: [],
  contacts: [],
});

/** Every field filled, with a named provider, a hidden and an open location, two contacts. */
const FULL: ServiceView = {
  ...base('11111111-1111-4111-8111-111111111111', 'Special guardianship allowance'),
  summary: '  A weekly allowance.  ',
  description: [
    { type: 'paragraph', children: [{ type: 'text', text: ' Paid every ' }, { type: 'text', text: 'week. ' }] },
    { type: 'list', format: 'ordered', children: [{ type: 'list-item', children: [{ type: 'text', text: 'Apply' }] }, { type: 'list-item', children: [{ type: 'text', text: ' Wait ' }] }] },
    { type: 'list', format: 'unordered', children: [{ type: 'list-item', children: [{ type: 'text', text: 'means-tested' }] }] },
    { type: 'paragraph', children: [{ type: 'text', text: '   ' }] },
  ],
  supportTypes: [{ code: 'financial_support' }, { code: 'peer_support' }],
  arrangementTypes: [{ code: 'special_guardianship_order' }],
  eligibility: ' Special guardians in Example Borough. ',
  howToAccess: 'Ask the kinship team.',
  referralUrl: ' https://www.example-borough.gov.uk/allowance ',
  minimumAge: 0,
  maximumAge: 18,
  provider: {
    uuid: '55555555-5555-4555-8555-555555555555',
    name: 'Example Kinship Charity',
    description: ' ',
    email: ' help@kinship-charity.example.org ',
    website: 'https://kinship-charity.example.org',
    phone: ' 020 7946 0001 ',
    updatedAt: '2026-11-20T08:00:00.000Z',
  },
  cost: 'charged',
  costAmount: '12.50' as unknown as number,
  costDescription: ' A term\'s fee ',
  locations: [
    { uuid: '22222222-2222-4222-8222-222222222222', name: 'Safe house', addressLine1: '8 Secret Road', addressLine2: 'Flat 2', townOrCity: ' ', postcode: 'EB4 5EF', accessibility: 'Step-free', hideExactAddress: true, updatedAt: '2026-12-01T08:00:00.000Z' },
    { uuid: '33333333-3333-4333-8333-333333333333', name: 'Civic Centre', addressLine1: ' ', addressLine2: ' Second floor ', townOrCity: 'Example Borough', postcode: ' EB1 1AA ', accessibility: ' Hearing loop ', hideExactAddress: false },
    { uuid: '66666666-6666-4666-8666-666666666666', name: 'Mobile library', postcode: null, hideExactAddress: false },
    { uuid: 'not-a-uuid', name: 'Nowhere', postcode: 'EB9 9ZZ', hideExactAddress: false },
  ],
  openingTimes: [{ days: ['MO', 'WE'], opensAt: '09:00', closesAt: '17:00', note: 'Term time' }],
  languages: ['en', 'cy'],
  contacts: [
    { uuid: '44444444-4444-4444-8444-444444444444', name: 'Kinship team', role: ' Duty officer ', phone: '020 7946 0000', email: ' kinship@example-borough.gov.uk ', updatedAt: '2026-10-05T08:00:00.000Z' },
    { uuid: '77777777-7777-4777-8777-777777777777', name: 'Finance desk', role: null, phone: ' ', email: 'finance@example-borough.gov.uk' },
    { name: 'Out of hours', phone: '0800 000 0000' },
  ],
  alert: ' Closed on bank holidays ',
  lastReviewedAt: '2026-09-01T12:00:00.000Z',
  updatedAt: '2026-10-01T10:00:00.000Z',
} as ServiceView;

/** Nothing optional filled: no provider, free, no times at all. */
const BARE: ServiceView = { ...base('88888888-8888-4888-8888-888888888888', 'Advice line'), cost: 'free', costAmount: 5, provider: null, lastReviewedAt: 'not a date' } as ServiceView;
/** Means-tested without an amount, shared by both offers, no summary but a description. */
const SHARED: ServiceView = {
  ...base('99999999-9999-4999-8999-999999999999', 'Advice line'),
  description: [{ type: 'paragraph', children: [{ type: 'text', text: 'For both areas.' }] }],
  cost: 'means_tested',
  costAmount: null,
  minimumAge: null,
  maximumAge: undefined,
  referralUrl: 'javascript:alert(1)//https://evil.example',
  locations: [{ uuid: 'aaaaaaaa-0000-4000-8000-000000000000', name: 'Library', townOrCity: null, postcode: 'CF10 1AA', hideExactAddress: null }],
  updatedAt: 'not a date',
} as unknown as ServiceView;
/** A cost the profile does not name, an id that is not a UUID. */
const ODD: ServiceView = { ...base('22222222-0000-4000-8000-000000000000', 'Odd cost'), cost: 'donation' as never, costAmount: 'x' as never };
const NOT_LISTED: ServiceView = base('a draft slug', 'Not a UUID');

const offer = (slug: string, name: string, councils: OfferView['councils'], offered: ServiceView[], contact: Partial<OfferView> = {}): OfferView => ({
  locale: 'en',
  languages: [{ code: 'en', name: 'English' }],
  documentId: `${slug}-document`,
  name,
  slug,
  councils,
  independentAdvice: [],
  services: offered,
  vocabulary,
  ...contact,
});

const OFFERS = [
  offer('example-borough', 'Example Borough', [{ name: 'Example Borough Council', gssCode: 'E09000999' }], [FULL, BARE, SHARED, ODD, NOT_LISTED], {
    contactPhone: ' 020 7946 0999 ',
    contactEmail: 'kinship@example-borough.gov.uk',
    contactUrl: 'https://www.example-borough.gov.uk/kinship page',
  }),
  offer('imaginary-vale', 'Imaginary Vale and Example Borough', [{ name: 'Imaginary Vale Council', gssCode: 'W06000999' }, { name: 'Example Borough Council', gssCode: 'E09000999' }], [SHARED], {
    contactUrl: 'www.imaginary-vale.gov.uk/kinship',
  }),
];

/** What the feed answers for these offers, endpoint by endpoint. */
function feed() {
  const all = services(OFFERS, vocabulary, links, equivalents);
  const welsh = services([OFFERS[1]], vocabulary, links, equivalents);
  const atLocations = serviceAtLocationsOf(all);
  return {
    services: all,
    listed: pageOf(all.map(listItem), { page: 1, perPage: 10 }),
    welshOnly: welsh,
    serviceAtLocations: pageOf(atLocations.map(serviceAtLocationListItem), { page: 1, perPage: 10 }),
    serviceAtLocation: atLocations.map(serviceAtLocationFull),
    taxonomies: taxonomies(vocabulary, links, equivalents),
  };
}

describe('the feed of two offers, field by field', () => {
  // Mapped in each test, not as the file is read: a mutant is switched on per test.
  let answered: ReturnType<typeof feed>;
  beforeEach(() => {
    answered = feed();
  });

  it('is what a directory was checked to import (test/fixtures/oruk-feed-fields.json)', () => {
    if (process.env.ORUK_FIELDS_WRITE === '1') writeFileSync(FIXTURE, `${JSON.stringify(answered, null, 2)}\n`);
    expect(JSON.parse(JSON.stringify(answered))).toEqual(JSON.parse(readFileSync(FIXTURE, 'utf8')));
  });

  it('passes the profile\'s schemas', () => {
    for (const entry of answered.services) expect(check('service', entry)).toEqual({ valid: true, errors: [] });
    expect(check('service_page', answered.listed)).toEqual({ valid: true, errors: [] });
    expect(check('service_at_location_page', answered.serviceAtLocations)).toEqual({ valid: true, errors: [] });
    for (const entry of answered.serviceAtLocation) expect(check('service_at_location', entry)).toEqual({ valid: true, errors: [] });
    expect(check('taxonomy_page', pageOf(answered.taxonomies, { page: 1, perPage: 10 }))).toEqual({ valid: true, errors: [] });
  });

  it('never shows a hidden location\'s street, full postcode or second line', () => {
    const text = JSON.stringify(answered);
    expect(text).not.toMatch(/Secret|5EF|Flat 2/);
  });
});
