/**
 * The GraphQL request limits at their edges: 30 aliases and fragment spreads, 2,000 fields, page
 * sizes from 1 to maxLimit, starts from 0 and pages from 1, each written into the query.
 */
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { REQUEST_LIMITS, requestLimitsRule } from '../../../plugin/server/src/graphql/request-limits';

const schema = buildSchema(`
  input PaginationArg { page: Int, pageSize: Int, start: Int, limit: Int }
  type Service { title: String, summary: String }
  type Query { services(pagination: PaginationArg): [Service], offer(slug: String): Service }
`);

/** The limit messages a query gets (none when it passes), with a maxLimit of 500. */
const problems = (query: string, maxLimit = 500) => validate(schema, parse(query), [requestLimitsRule(maxLimit)]).map((error) => error.message);

const aliases = (count: number) => Array.from({ length: count }, (_, i) => `a${i}: offer(slug: "x") { title }`).join(' ');

describe('aliases and fragment spreads', () => {
  it('allows 30 aliases and refuses 31, once', () => {
    expect(REQUEST_LIMITS.aliases).toBe(30);
    expect(problems(`{ ${aliases(30)} }`)).toEqual([]);
    expect(problems(`{ ${aliases(31)} }`)).toEqual(['A query may use at most 30 aliases and fragment spreads']);
    expect(problems(`{ ${aliases(100)} }`)).toEqual(['A query may use at most 30 aliases and fragment spreads']);
  });

  it('counts fragment spreads with aliases: 30 in all pass, 31 are refused', () => {
    const spreads = (count: number) => Array.from({ length: count }, () => '...F').join(' ');
    const fragment = 'fragment F on Service { title }';
    expect(problems(`{ offer(slug: "x") { ${spreads(30)} } } ${fragment}`)).toEqual([]);
    expect(problems(`{ offer(slug: "x") { ${spreads(31)} } } ${fragment}`)).toEqual(['A query may use at most 30 aliases and fragment spreads']);
    expect(problems(`{ ${aliases(29)} offer(slug: "x") { ...F } } ${fragment}`)).toEqual([]);
    expect(problems(`{ ${aliases(30)} offer(slug: "x") { ...F } } ${fragment}`)).toEqual(['A query may use at most 30 aliases and fragment spreads']);
  });

  it('does not count fields without an alias', () => {
    expect(problems(`{ ${aliases(30)} offer(slug: "x") { title summary } }`)).toEqual([]);
  });
});

describe('fields', () => {
  /** A query selecting exactly `count` fields (offer plus count - 1 titles; repeats are allowed). */
  const selecting = (count: number) => `{ offer(slug: "x") { ${'title '.repeat(count - 1)}} }`;

  it('allows 2,000 fields and refuses 2,001, once', () => {
    expect(REQUEST_LIMITS.fields).toBe(2000);
    expect(problems(selecting(2000))).toEqual([]);
    expect(problems(selecting(2001))).toEqual(['A query may select at most 2000 fields']);
    expect(problems(selecting(3000))).toEqual(['A query may select at most 2000 fields']);
  });
});

describe('page sizes written into the query', () => {
  it.each(['limit', 'pageSize'])('allows %s from 1 to maxLimit and refuses 0 and maxLimit + 1', (name) => {
    expect(problems(`{ services(pagination: { ${name}: 1 }) { title } }`)).toEqual([]);
    expect(problems(`{ services(pagination: { ${name}: 500 }) { title } }`)).toEqual([]);
    expect(problems(`{ services(pagination: { ${name}: 501 }) { title } }`)).toEqual([`pagination.${name} must be from 1 to 500`]);
    expect(problems(`{ services(pagination: { ${name}: 0 }) { title } }`)).toEqual([`pagination.${name} must be from 1 to 500`]);
    expect(problems(`{ services(pagination: { ${name}: -1 }) { title } }`)).toEqual([`pagination.${name} must be from 1 to 500`]);
  });

  it('holds to the maxLimit it is given', () => {
    expect(problems('{ services(pagination: { limit: 100 }) { title } }', 100)).toEqual([]);
    expect(problems('{ services(pagination: { limit: 101 }) { title } }', 100)).toEqual(['pagination.limit must be from 1 to 100']);
  });

  it('allows start 0 and page 1, and refuses start -1 and page 0', () => {
    expect(problems('{ services(pagination: { start: 0, limit: 10 }) { title } }')).toEqual([]);
    expect(problems('{ services(pagination: { page: 1, pageSize: 10 }) { title } }')).toEqual([]);
    expect(problems('{ services(pagination: { start: -1 }) { title } }')).toEqual(['pagination.start is out of range']);
    expect(problems('{ services(pagination: { page: 0 }) { title } }')).toEqual(['pagination.page is out of range']);
  });

  it('reports every bad page argument in a query', () => {
    expect(problems('{ services(pagination: { page: 0, pageSize: 501 }) { title } }')).toEqual([
      'pagination.page is out of range',
      'pagination.pageSize must be from 1 to 500',
    ]);
  });

  it('points at the argument that is out of range', () => {
    const [error] = validate(schema, parse('{ services(pagination: { limit: 501 }) { title } }'), [requestLimitsRule(500)]);
    expect(error.locations).toEqual([{ line: 1, column: 26 }]);
  });

  it('leaves other arguments, and sizes given by variable, to Strapi (which clamps them)', () => {
    expect(problems('{ services(sort: { limit: 0, start: -1 }) { title } }')).toEqual([]);
    expect(problems('{ services(pagination: { limit: "0" }) { title } }')).toEqual([]);
    expect(problems('{ offer(slug: "-1") { title } }')).toEqual([]);
    expect(problems('query ($p: PaginationArg) { services(pagination: $p) { title } }')).toEqual([]);
    expect(problems('query ($n: Int) { services(pagination: { limit: $n }) { title } }')).toEqual([]);
  });
});
