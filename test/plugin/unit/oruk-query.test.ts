/**
 * The feed's service filters at their edges (plugin/server/src/oruk/query): which services each
 * parameter keeps, one past each bound, and the paging around its limits. A directory importing
 * the feed sees these as services missing or doubled. (The parameters' reading and refusals, and a
 * mapped service filtered by every parameter together: oruk-map.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import type { OrukService } from '../../../plugin/server/src/oruk/map';
import { BadParameter, MAX_PER_PAGE, matches, pageOf, pagingOf, serviceFiltersOf } from '../../../plugin/server/src/oruk/query';

const TAXONOMY = '0c5b3e0e-5f5d-4c1e-9d36-1f7e1f6b2a10';
const TERM = '7f0d7d7c-3b7e-4a41-8c4e-6d9a3c1b2e44';

/** A service as the feed maps it, with only what the filters read. */
const service = (extra: Partial<OrukService> = {}) =>
  ({
    name: 'Allowance advice',
    description: 'Help with a special guardianship allowance',
    eligibility_description: 'Kinship carers',
    organization: { name: 'Example Borough Council' },
    attributes: [{ taxonomy_term: { id: TERM, taxonomy_id: TAXONOMY, name: 'Financial support' } }],
    minimum_age: 5,
    maximum_age: 17,
    schedules: [{ byday: 'MO,WE', opens_at: '09:00:00', closes_at: '17:00:00' }],
    last_modified: '2026-12-01T09:00:00.000Z',
    ...extra,
  }) as unknown as OrukService;

const keeps = (query: Record<string, unknown>, extra?: Partial<OrukService>) => matches(service(extra), serviceFiltersOf(query));

describe('the feed\'s service filters', () => {
  it('keep every service when no filter is given', () => {
    expect(keeps({})).toBe(true);
    expect(keeps({}, { attributes: undefined, schedules: undefined, minimum_age: undefined, maximum_age: undefined })).toBe(true);
  });

  it('search every word, in any case, in the name, description, eligibility, organization and terms', () => {
    expect(keeps({ search: 'ALLOWANCE' })).toBe(true);
    expect(keeps({ search: ' guardianship   carers ' })).toBe(true);
    expect(keeps({ search: 'borough financial' })).toBe(true);
    expect(keeps({ search: 'allowance dentist' })).toBe(false);
    expect(keeps({ search: '' })).toBe(true);
    // Fields are searched apart: a word does not run from the end of one into the next.
    expect(keeps({ search: 'advicehelp' })).toBe(false);
    expect(keeps({ search: 'guardianship' }, { attributes: undefined })).toBe(true);
  });

  it('keep by taxonomy and by term, and nothing of another', () => {
    expect(keeps({ taxonomy_id: TAXONOMY })).toBe(true);
    expect(keeps({ taxonomy_id: TAXONOMY.toUpperCase() })).toBe(true);
    expect(keeps({ taxonomy_term_id: TERM })).toBe(true);
    expect(keeps({ taxonomy_id: TERM })).toBe(false);
    expect(keeps({ taxonomy_term_id: TAXONOMY })).toBe(false);
    expect(keeps({ taxonomy_term_id: TERM }, { attributes: undefined })).toBe(false);
  });

  it('keep a service whose minimum age is at least minimum_age: equal kept, one under not', () => {
    expect(keeps({ minimum_age: '5' })).toBe(true);
    expect(keeps({ minimum_age: '6' })).toBe(false);
    expect(keeps({ minimum_age: '0' }, { minimum_age: undefined })).toBe(true);
    expect(keeps({ minimum_age: '1' }, { minimum_age: undefined })).toBe(false);
  });

  it('keep a service whose maximum age is at most maximum_age: equal kept, one over not, none never', () => {
    expect(keeps({ maximum_age: '17' })).toBe(true);
    expect(keeps({ maximum_age: '16' })).toBe(false);
    expect(keeps({ maximum_age: '255' }, { maximum_age: undefined })).toBe(false);
  });

  it('keep a service open on the day, from start_time, until end_time, all on one schedule', () => {
    expect(keeps({ day: 'WE' })).toBe(true);
    expect(keeps({ day: 'TU' })).toBe(false);
    expect(keeps({ start_time: '09:00' })).toBe(true);
    expect(keeps({ start_time: '09:01' })).toBe(false);
    expect(keeps({ end_time: '17:00' })).toBe(true);
    expect(keeps({ end_time: '16:59' })).toBe(false);
    const twoSchedules = { schedules: [{ byday: 'MO', opens_at: '09:00:00', closes_at: '12:00:00' }, { byday: 'SA', opens_at: '13:00:00', closes_at: '17:00:00' }] } as never;
    expect(keeps({ day: 'SA', start_time: '13:00' }, twoSchedules)).toBe(true);
    expect(keeps({ day: 'MO', start_time: '13:00' }, twoSchedules)).toBe(false);
    expect(keeps({ day: 'MO', end_time: '12:00' }, twoSchedules)).toBe(true);
    expect(keeps({ day: 'SA', end_time: '12:00' }, twoSchedules)).toBe(false);
    expect(keeps({ day: 'MO' }, { schedules: undefined })).toBe(false);
  });

  it('keep a service last modified at or after modified_after, not one a millisecond before', () => {
    expect(keeps({ modified_after: '2026-12-01T09:00:00Z' })).toBe(true);
    expect(keeps({ modified_after: '2026-12-01T09:00:00.001Z' })).toBe(false);
    expect(keeps({ modified_after: '2026-12-01' })).toBe(true);
  });
});

describe('the feed\'s parameters, read', () => {
  /** The parameter refused and why, or null when the query is read. */
  const parameterRefused = (query: Record<string, unknown>): [string, string] | null => {
    try {
      serviceFiltersOf(query);
      pagingOf(query);
      return null;
    } catch (error) {
      if (error instanceof BadParameter) return [error.parameter, error.message];
      throw error;
    }
  };

  it('take whole numbers at their bounds and refuse one past', () => {
    expect(pagingOf({ page: '1', per_page: '1' })).toEqual({ page: 1, perPage: 1 });
    expect(pagingOf({ per_page: String(MAX_PER_PAGE) }).perPage).toBe(MAX_PER_PAGE);
    expect(parameterRefused({ per_page: '0' })).toEqual(['per_page', 'per_page must be a whole number from 1 to 1000']);
    expect(parameterRefused({ per_page: String(MAX_PER_PAGE + 1) })?.[0]).toBe('per_page');
    expect(serviceFiltersOf({ minimum_age: '0', maximum_age: '255' })).toMatchObject({ minimumAge: 0, maximumAge: 255 });
    expect(parameterRefused({ maximum_age: '256' })?.[0]).toBe('maximum_age');
    expect(parameterRefused({ minimum_age: '-1' })?.[0]).toBe('minimum_age');
    expect(parameterRefused({ page: '1a' })?.[0]).toBe('page');
    expect(parameterRefused({ page: 'a1' })?.[0]).toBe('page');
  });

  it('read a value with spaces around it, and refuse one given twice, naming it', () => {
    expect(pagingOf({ page: ' 2 ' }).page).toBe(2);
    expect(parameterRefused({ page: ['1', '2'] })).toEqual(['page', 'page may be given once, as text']);
  });

  it('read days by code or name in any case', () => {
    expect(serviceFiltersOf({ day: 'mo' }).day).toBe('MO');
    expect(serviceFiltersOf({ day: 'SUNDAY' }).day).toBe('SU');
    expect(parameterRefused({ day: 'M' })).toEqual(['day', expect.stringContaining('day of the week')]);
  });

  it('read times on the 24-hour clock and refuse one that does not exist', () => {
    expect(serviceFiltersOf({ start_time: '23:59:59' }).startTime).toBe('23:59:59');
    expect(serviceFiltersOf({ start_time: '1730' }).startTime).toBe('17:30:00');
    expect(serviceFiltersOf({ start_time: '173015' }).startTime).toBe('17:30:15');
    expect(serviceFiltersOf({ start_time: '00:00' }).startTime).toBe('00:00:00');
    for (const text of ['09:60', '09:00:60', '930', 'x09:00', '09:00x']) expect(parameterRefused({ start_time: text })?.[0], text).toBe('start_time');
  });

  it('read UUIDs in either case as lower case, and refuse anything else', () => {
    expect(serviceFiltersOf({ taxonomy_id: TAXONOMY.toUpperCase() }).taxonomyId).toBe(TAXONOMY);
    expect(parameterRefused({ taxonomy_id: 'financial' })).toEqual(['taxonomy_id', 'taxonomy_id must be a UUID, as the feed\'s ids are']);
  });

  it('read date-times at the edges of the real calendar and clock', () => {
    expect(serviceFiltersOf({ modified_after: '2026-12-31T23:59:59Z' }).modifiedAfter).toBe(Date.UTC(2026, 11, 31, 23, 59, 59));
    expect(serviceFiltersOf({ modified_after: '2026-01-01T00:00:00+23:59' }).modifiedAfter).toBe(Date.UTC(2026, 0, 1) - (23 * 60 + 59) * 60_000);
    expect(serviceFiltersOf({ modified_after: '2026-12-01T09:00:00-00:30' }).modifiedAfter).toBe(Date.UTC(2026, 11, 1, 9, 30));
    expect(serviceFiltersOf({ modified_after: '2026-12-01T09:00:00.5Z' }).modifiedAfter).toBe(Date.UTC(2026, 11, 1, 9, 0, 0, 500));
    expect(parameterRefused({ modified_after: '1 December' })?.[1]).toMatch(/^modified_after must be an ISO 8601 date or date-time: send an ISO 8601/);
    expect(parameterRefused({ modified_after: '2026-02-30' })?.[1]).toMatch(/^modified_after must be an ISO 8601 date or date-time, on a day and at a time that exist: send /);
    for (const text of ['2026-00-10', '2026-13-01', '2026-12-00', '2026-12-01T09:00:60Z', '2026-12-01T09:00:00+01:60', 'x2026-12-01', '2026-12-01x']) {
      expect(parameterRefused({ modified_after: text })?.[0], text).toBe('modified_after');
    }
  });
});

describe('a page of the feed', () => {
  it('is the first and last when everything fits, and the last exactly at the end', () => {
    expect(pageOf([1, 2], { page: 1, perPage: 2 })).toEqual({
      total_items: 2, total_pages: 1, page_number: 1, size: 2, first_page: true, last_page: true, empty: false, contents: [1, 2],
    });
    expect(pageOf([1, 2, 3], { page: 2, perPage: 2 })).toMatchObject({ total_pages: 2, first_page: false, last_page: true, contents: [3] });
    expect(pageOf([1, 2, 3], { page: 1, perPage: 2 })).toMatchObject({ last_page: false, contents: [1, 2] });
  });
});
