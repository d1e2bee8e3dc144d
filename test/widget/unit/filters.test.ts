/**
 * The widget's filters, run in Node by vitest: what a reader's choices leave, how they travel in
 * the page URL, and that a host page's restriction (support-types="education") holds whatever the
 * reader or the URL chose.
 */
import { describe, expect, it } from 'vitest';
import type { Service } from '../../../widget/src/api/types';
import { EMPTY_FILTERS, filterServices, offeredSupportTypes, PARAMS, readFilters, searchTextOf, writeFilters } from '../../../widget/src/filters';

const service = (title: string, supportTypes: string[], arrangementTypes: string[], extra: Partial<Service> = {}) =>
  ({
    title,
    summary: null,
    eligibility: null,
    howToAccess: null,
    provider: null,
    supportTypes: supportTypes.map((code) => ({ code })),
    arrangementTypes: arrangementTypes.map((code) => ({ code })),
    locations: [],
    ...extra,
  }) as unknown as Service;

const SERVICES = [
  service('Kinship navigators', ['peer_support', 'education'], ['special_guardianship_order', 'kinship_foster_care']),
  service('Allowance advice', ['financial'], ['special_guardianship_order', 'child_arrangements_order']),
  service('Virtual school', ['education'], ['adoption']),
  service('Café for carers', ['peer_support'], ['informal_family_arrangement'], {
    summary: 'A drop-in for grandparents',
    locations: [{ name: 'Family Hub', townOrCity: 'Example Borough', postcode: 'EB4' }] as Service['locations'],
  }),
];
const labels = new Map([['financial', 'Money and allowances']]);
const titles = (state: Partial<typeof EMPTY_FILTERS>, restrictTo?: string[]) =>
  filterServices(SERVICES, { ...EMPTY_FILTERS, ...state }, (s) => searchTextOf(s, labels), restrictTo).map((s) => s.title);

describe('filterServices', () => {
  it('leaves every service when nothing is chosen', () => expect(titles({})).toHaveLength(4));

  it('leaves services open to the chosen arrangement', () => {
    expect(titles({ arrangement: 'special_guardianship_order' })).toEqual(['Kinship navigators', 'Allowance advice']);
    expect(titles({ arrangement: 'private_fostering' })).toEqual([]);
  });

  it('leaves services of any chosen support type', () => {
    expect(titles({ supportTypes: ['education'] })).toEqual(['Kinship navigators', 'Virtual school']);
    expect(titles({ supportTypes: ['financial', 'education'] })).toEqual(['Kinship navigators', 'Allowance advice', 'Virtual school']);
  });

  it('combines the arrangement and the support types', () => {
    expect(titles({ arrangement: 'adoption', supportTypes: ['education'] })).toEqual(['Virtual school']);
    expect(titles({ arrangement: 'adoption', supportTypes: ['financial'] })).toEqual([]);
  });

  it('finds a postcode typed with or without its space', () => {
    const withPostcode = [service('Family time', ['family_time'], [], { locations: [{ name: 'Centre', townOrCity: null, postcode: 'EB2 3CD' }] as Service['locations'] })];
    const find = (query: string) => filterServices(withPostcode, { ...EMPTY_FILTERS, query }, (s) => searchTextOf(s, labels)).length;
    expect([find('EB2 3CD'), find('eb23cd'), find('EB2'), find('EB9')]).toEqual([1, 1, 1, 0]);
    expect(searchTextOf(withPostcode[0], labels)).not.toMatch(/undefined|null/);
  });

  it('finds every word searched for, in any order and case, without accents, in labels and places too', () => {
    expect(titles({ query: 'cafe' })).toEqual(['Café for carers']);
    expect(titles({ query: 'CARERS café' })).toEqual(['Café for carers']);
    expect(titles({ query: '  grandparents   eb4 ' })).toEqual(['Café for carers']);
    expect(titles({ query: 'family hub' })).toEqual(['Café for carers']);
    expect(titles({ query: 'allowances' })).toEqual(['Allowance advice']);
    expect(titles({ query: 'cafe navigators' })).toEqual([]);
  });

  describe('a host page\'s restriction (support-types)', () => {
    it('holds when the reader chose nothing', () => {
      expect(titles({}, ['education'])).toEqual(['Kinship navigators', 'Virtual school']);
    });

    it('holds whatever the reader or the URL chose: no service outside it is ever shown', () => {
      const restricted = (state: Partial<typeof EMPTY_FILTERS>) =>
        filterServices(SERVICES, { ...EMPTY_FILTERS, ...state }, (s) => searchTextOf(s, labels), ['education']);
      for (const supportTypes of [['financial'], ['financial', 'peer_support'], ['peer_support'], ['education'], []]) {
        const shown = restricted({ supportTypes });
        expect(shown.every((s) => s.supportTypes.some((t) => t.code === 'education')), supportTypes.join()).toBe(true);
      }
      expect(restricted({ query: 'allowance' })).toEqual([]);
      expect(restricted({ supportTypes: ['financial'], arrangement: 'special_guardianship_order' }).map((s) => s.title)).toEqual(['Kinship navigators']);
    });
  });
});

describe('offeredSupportTypes', () => {
  const vocabulary = { arrangementTypes: [], supportTypes: ['financial', 'education', 'legal', 'peer_support'].map((code) => ({ code, label: code })) };
  const codes = (restrictTo?: string[]) => offeredSupportTypes({ services: SERVICES, vocabulary } as never, restrictTo).map((term) => term.code);

  it('offers only the support types a service has, in the vocabulary\'s order', () => {
    expect(codes()).toEqual(['financial', 'education', 'peer_support']);
  });

  it('offers none outside a host page\'s restriction, and nothing for an offer without services', () => {
    expect(codes(['education', 'legal'])).toEqual(['education']);
    expect(offeredSupportTypes({ services: [], vocabulary } as never)).toEqual([]);
  });
});

describe('searchTextOf', () => {
  it('holds the title, summary, eligibility, how to access, provider, support labels and places, folded', () => {
    const text = searchTextOf(
      service('Évening Group', ['financial', 'unlabelled'], [], {
        summary: 'Summary',
        eligibility: 'Eligibility',
        howToAccess: 'Ring us',
        provider: { name: 'Provider Ltd' } as Service['provider'],
        locations: [{ name: 'Hub', townOrCity: null, postcode: null }] as Service['locations'],
      }),
      labels,
    );
    expect(text).toBe('evening group summary eligibility ring us provider ltd money and allowances unlabelled hub     ');
  });
});

describe('filters in the page URL', () => {
  it('reads what a shared link carries', () => {
    expect(readFilters(`?${PARAMS.arrangement}=adoption&${PARAMS.supportTypes}=education,financial&${PARAMS.query}=after%20school`)).toEqual({
      arrangement: 'adoption',
      supportTypes: ['education', 'financial'],
      query: 'after school',
    });
  });

  it('reads support types repeated, as a GET form of checkboxes sends them (the public pages\' finder), and once each', () => {
    expect(readFilters(`?${PARAMS.supportTypes}=education&${PARAMS.supportTypes}=financial,education&${PARAMS.supportTypes}=`)).toEqual({
      supportTypes: ['education', 'financial'],
    });
  });

  it('reads only what is there, and empty choices as empty', () => {
    expect(readFilters('')).toEqual({});
    expect(readFilters('?page=2')).toEqual({});
    expect(readFilters(`?${PARAMS.arrangement}=&${PARAMS.supportTypes}=,education,&${PARAMS.query}=`)).toEqual({ arrangement: '', supportTypes: ['education'], query: '' });
    expect(readFilters(`?${PARAMS.supportTypes}=`)).toEqual({ supportTypes: [] });
  });

  it('writes the choices, keeping the host page\'s own parameters and fragment', () => {
    const href = writeFilters('https://www.example.gov.uk/kinship?page=2#services', { arrangement: 'adoption', supportTypes: ['education', 'financial'], query: ' after school ' });
    const url = new URL(href);
    expect(url.searchParams.get('page')).toBe('2');
    expect(url.hash).toBe('#services');
    expect(url.searchParams.get(PARAMS.arrangement)).toBe('adoption');
    expect(url.searchParams.get(PARAMS.supportTypes)).toBe('education,financial');
    expect(url.searchParams.get(PARAMS.query)).toBe('after school');
    expect(readFilters(url.search)).toEqual({ arrangement: 'adoption', supportTypes: ['education', 'financial'], query: 'after school' });
  });

  it('keeps each offer\'s choices apart on a page with several, by scope', () => {
    const both = writeFilters(writeFilters('https://www.example.gov.uk/kinship', { arrangement: 'adoption', supportTypes: [], query: '' }, 'borough'), { arrangement: 'private_fostering', supportTypes: ['education'], query: '' }, 'county');
    expect(new URL(both).searchParams.get(`${PARAMS.arrangement}.borough`)).toBe('adoption');
    expect(readFilters(new URL(both).search, 'borough')).toEqual({ arrangement: 'adoption' });
    expect(readFilters(new URL(both).search, 'county')).toEqual({ arrangement: 'private_fostering', supportTypes: ['education'] });
    expect(readFilters(new URL(both).search)).toEqual({});
  });

  it('removes choices taken back, so the link is clean', () => {
    const chosen = `https://www.example.gov.uk/kinship?page=2&${PARAMS.arrangement}=adoption&${PARAMS.supportTypes}=education&${PARAMS.query}=x`;
    expect(writeFilters(chosen, { arrangement: '', supportTypes: [], query: '  ' })).toBe('https://www.example.gov.uk/kinship?page=2');
  });
});
