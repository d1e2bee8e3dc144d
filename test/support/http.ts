import { get } from "node:http";
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
