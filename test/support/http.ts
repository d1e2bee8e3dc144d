import { get } from "node:http";
import { expect } from "vitest";
/** Small clients for the public APIs, as a website or a partner would call them. */

export interface GraphQLResult<T = any> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

export async function graphql<T = any>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResult<T>> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...(await response.json()) };
}

/** GraphQL over GET, with the header Apollo's CSRF protection asks of GET requests. */
export async function graphqlGet<T = any>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResult<T>> {
  const search = new URLSearchParams({ query, variables: JSON.stringify(variables) });
  const response = await fetch(`${url}/graphql?${search}`, {
    headers: { 'apollo-require-preflight': 'true', ...headers },
  });
  return { status: response.status, ...(await response.json()) };
}

export async function rest(url: string, pathAndQuery: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}/api/kinship-offer${pathAndQuery}`, { headers });
  return { status: response.status, body: (await response.json()) as any };
}

/**
 * A plain HTTP GET, as a browser revalidating its cache sends it. (fetch() adds
 * "cache-control: no-cache" to any request with If-None-Match, which asks the server not to 304.)
 */
export function httpGet(url: string | URL, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    get(url, { headers }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    }).on('error', reject);
  });
}

/**
 * One GraphQL request to the CMS at `url`, as it arrives: by GET (the widget's way: cached, and on a
 * miss answered by the plain schema when it may) or by POST (always Apollo's). Uncompressed.
 */
export async function askGraphQL(url: string, method: 'GET' | 'POST', query: string, variables?: Record<string, unknown>, operationName?: string) {
  const endpoint = new URL(`${url}/graphql`);
  let init: RequestInit = { method, headers: { 'content-type': 'application/json', 'accept-encoding': 'identity' } };
  if (method === 'GET') {
    endpoint.searchParams.set('query', query);
    if (variables) endpoint.searchParams.set('variables', JSON.stringify(variables));
    if (operationName !== undefined) endpoint.searchParams.set('operationName', operationName);
  } else {
    init = { ...init, body: JSON.stringify({ query, variables, operationName }) };
  }
  const response = await fetch(endpoint, init);
  return { status: response.status, cache: response.headers.get('x-cache'), timing: response.headers.get('server-timing'), text: await response.text() };
}

/**
 * A GraphQL answer without the stack traces Apollo adds to errors outside production
 * (`extensions.stacktrace`): their frames depend on the way the request came in and on Node's
 * version (Node 24 drops an async frame on one path), not on what a client is told.
 */
const withoutStackTraces = (text: string) => JSON.parse(text, (key, value) => (key === 'stacktrace' ? undefined : value));

/** The query by GET and by POST: the same status and body (JSON), or the test fails. The GET's answer. */
export async function expectAnsweredAsApolloDoes(url: string, query: string, variables?: Record<string, unknown>, operationName?: string) {
  const get = await askGraphQL(url, 'GET', query, variables, operationName);
  const post = await askGraphQL(url, 'POST', query, variables, operationName);
  expect(get.status).toBe(post.status);
  expect(withoutStackTraces(get.text)).toEqual(withoutStackTraces(post.text));
  return get;
}
