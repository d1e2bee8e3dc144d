/**
 * A reverse proxy, as a council's web server is: one origin whose paths go to different servers
 * (https://www.example.gov.uk/ the site, https://www.example.gov.uk/cms/ the CMS). A path under a
 * prefix goes to that prefix's server with the prefix taken off; every request is recorded.
 */
import { createServer, request as forward } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PathProxy {
  /** e.g. http://127.0.0.1:41235 */
  url: string;
  /** Path prefix ('' for the rest) to the server behind it; may be set after the proxy starts. */
  routes: Record<string, string>;
  /** "GET /cms/graphql?…", in the order they came. */
  requests: string[];
  close(): Promise<void>;
}

export async function startPathProxy(routes: Record<string, string> = {}): Promise<PathProxy> {
  const requests: string[] = [];
  const server = createServer((incoming, outgoing) => {
    const path = incoming.url ?? '/';
    requests.push(`${incoming.method} ${path}`);
    const prefix = Object.keys(proxy.routes)
      .sort((a, b) => b.length - a.length)
      .find((candidate) => candidate === '' || path === candidate || path.startsWith(`${candidate}/`));
    if (prefix === undefined) {
      outgoing.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    const upstream = new URL(path.slice(prefix.length) || '/', proxy.routes[prefix]);
    const headers = { ...incoming.headers, host: upstream.host, 'x-forwarded-host': incoming.headers.host, 'x-forwarded-proto': 'http' };
    const request = forward(upstream, { method: incoming.method, headers }, (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(outgoing);
    });
    request.on('error', () => outgoing.headersSent || outgoing.writeHead(502).end());
    incoming.pipe(request);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const proxy: PathProxy = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    routes,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return proxy;
}
