/**
 * The public REST routes refuse what they would otherwise silently reinterpret: an unknown
 * parameter, a page size of -1 or a million, a page of -5, an unknown status. A partner's typo
 * gets a 400 that says what to send instead, not a quietly different answer.
 */
import { errors } from '@strapi/utils';

const KNOWN = ['filters', 'populate', 'fields', 'sort', 'pagination', 'locale', 'status', 'publicationFilter', 'hasPublishedVersion'];
const PAGINATION = ['page', 'pageSize', 'start', 'limit', 'withCount'];

const isWhole = (value: unknown) => typeof value === 'string' && /^\d+$/.test(value);

export const strictQuery = (maxLimit: () => number) => async (ctx: any, next: () => Promise<void>) => {
  const problem = (message: string, param: string) => {
    throw new errors.ValidationError(message, { param });
  };
  for (const key of Object.keys(ctx.query)) {
    if (!KNOWN.includes(key)) problem(`Unknown parameter "${key}". Use ${KNOWN.slice(0, 6).join(', ')} or status.`, key);
  }
  if (ctx.query.status !== undefined && !['draft', 'published'].includes(ctx.query.status)) {
    problem('status must be "published" or "draft"', 'status');
  }
  const pagination = ctx.query.pagination;
  if (pagination !== undefined) {
    if (typeof pagination !== 'object' || Array.isArray(pagination)) problem('pagination must be an object, e.g. pagination[page]=2', 'pagination');
    for (const [key, value] of Object.entries(pagination)) {
      if (!PAGINATION.includes(key)) problem(`Unknown pagination parameter "${key}". Use ${PAGINATION.join(', ')}.`, 'pagination');
      if (key === 'withCount') continue;
      const max = maxLimit();
      const size = key === 'pageSize' || key === 'limit';
      const minimum = key === 'start' ? 0 : 1;
      if (!isWhole(value) || Number(value) < minimum || (size && Number(value) > max)) {
        problem(
          size ? `pagination[${key}] must be a whole number from 1 to ${max}` : `pagination[${key}] must be a whole number from ${minimum}`,
          'pagination',
        );
      }
    }
  }
  await next();
};
