/**
 * A small static server for the example host pages, on its own port: a host page on a different
 * origin from the CMS is how councils and partners really embed the offer. `{{CMS_URL}}` in a page
 * is replaced with the CMS's address, so the pages work on any port.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';

const root = path.join(__dirname, 'embed');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export function serveExamples({ host, port, cmsUrl }: { host: string; port: number; cmsUrl: string }) {
  const server = createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const file = path.join(root, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
    if (!file.startsWith(root + path.sep)) {
      response.writeHead(400).end('Bad path');
      return;
    }
    try {
      const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
      let body: Buffer | string = await readFile(file);
      if (type.startsWith('text/html')) body = body.toString('utf8').replaceAll('{{CMS_URL}}', cmsUrl);
      response.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache' }).end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    }
  });
  return new Promise<{ url: string; close: () => Promise<void> }>((resolve) =>
    server.listen(port, host, () => {
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      resolve({
        url: `http://${host === '0.0.0.0' || host === '::' ? 'localhost' : host}:${actualPort}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    }),
  );
}
