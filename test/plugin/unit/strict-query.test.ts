/**
 * The public REST routes' query rules, at their edges: every page-size parameter up to the app's
 * maxLimit and not one more, pages from 1, starts from 0, whole numbers only, known names only.
 */
import { describe, expect, it, vi } from 'vitest';
import { strictQuery } from '../../../plugin/server/src/middlewares/strict-query';

const MAX = 100;

/** Runs the middleware on a query; the refusal's message and param, or "passed" when it lets it through. */
async function verdict(query: Record<string, unknown>, maxLimit = MAX) {
  const next = vi.fn(async () => {});
  try {
    await strictQuery(() => maxLimit)({ query }, next);
  } catch (error: any) {
    expect(next).not.toHaveBeenCalled();
    expect(error.name).toBe('ValidationError');
    return { message: error.message as string, param: error.details?.param as string };
  }
  expect(next).toHaveBeenCalledOnce();
  return 'passed';
}

describe('page sizes', () => {
  it.each(['pageSize', 'limit'])('takes %s up to maxLimit and refuses one more, saying the range', async (key) => {
    expect(await verdict({ pagination: { [key]: '100' } })).toBe('passed');
    expect(await verdict({ pagination: { [key]: '1' } })).toBe('passed');
    const refusal = { message: `pagination[${key}] must be a whole number from 1 to 100`, param: 'pagination' };
    expect(await verdict({ pagination: { [key]: '101' } })).toEqual(refusal);
    expect(await verdict({ pagination: { [key]: '0' } })).toEqual(refusal);
    expect(await verdict({ pagination: { [key]: '5000' } })).toEqual(refusal);
  });

  it('reads maxLimit from the app each time, so a council that lowers it is obeyed', async () => {
    expect(await verdict({ pagination: { pageSize: '25' } }, 25)).toBe('passed');
    expect(await verdict({ pagination: { pageSize: '26' } }, 25)).toEqual({ message: 'pagination[pageSize] must be a whole number from 1 to 25', param: 'pagination' });
  });

  it.each(['-1', '1.5', '1e3', ' 10', '10 ', '0x10', '', 'abc'])('refuses the page size %j: whole numbers only', async (value) => {
    expect(await verdict({ pagination: { pageSize: value } })).toMatchObject({ param: 'pagination' });
  });

  it('refuses a page size given as a list (pagination[pageSize][]=10)', async () => {
    expect(await verdict({ pagination: { pageSize: ['10'] } })).toMatchObject({ param: 'pagination' });
  });
});

describe('pages and starts', () => {
  it('takes page 1 and refuses page 0, with no upper limit on the page number', async () => {
    expect(await verdict({ pagination: { page: '1' } })).toBe('passed');
    expect(await verdict({ pagination: { page: '100000' } })).toBe('passed');
    expect(await verdict({ pagination: { page: '0' } })).toEqual({ message: 'pagination[page] must be a whole number from 1', param: 'pagination' });
  });

  it('takes start 0 and refuses -1', async () => {
    expect(await verdict({ pagination: { start: '0', limit: '10' } })).toBe('passed');
    expect(await verdict({ pagination: { start: '-1' } })).toEqual({ message: 'pagination[start] must be a whole number from 0', param: 'pagination' });
  });

  it('takes withCount as it is (Strapi reads it)', async () => {
    expect(await verdict({ pagination: { withCount: 'false' } })).toBe('passed');
  });

  it.each([['a string', '2'], ['a list', ['2']]])('refuses pagination given as %s', async (_, pagination) => {
    expect(await verdict({ pagination })).toEqual({ message: 'pagination must be an object, e.g. pagination[page]=2', param: 'pagination' });
  });

  it('refuses an unknown pagination parameter, naming the known ones', async () => {
    expect(await verdict({ pagination: { size: '5' } })).toEqual({
      message: 'Unknown pagination parameter "size". Use page, pageSize, start, limit, withCount.',
      param: 'pagination',
    });
  });
});

describe('parameters', () => {
  it('lets every parameter Strapi documents through', async () => {
    const query = { filters: {}, populate: '*', fields: ['name'], sort: 'name', locale: 'en', status: 'published', publicationFilter: 'x', hasPublishedVersion: 'true' };
    expect(await verdict(query)).toBe('passed');
    expect(await verdict({})).toBe('passed');
  });

  it('refuses an unknown parameter by name', async () => {
    expect(await verdict({ pageSize: '10' })).toEqual({
      message: 'Unknown parameter "pageSize". Use filters, populate, fields, sort, pagination, locale or status.',
      param: 'pageSize',
    });
  });

  it.each(['draft', 'published'])('takes status=%s', async (status) => expect(await verdict({ status })).toBe('passed'));

  it.each(['DRAFT', 'all', ''])('refuses status=%j', async (status) => {
    expect(await verdict({ status })).toEqual({ message: 'status must be "published" or "draft"', param: 'status' });
  });
});
