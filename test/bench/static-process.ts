/**
 * The floor: a plain Node HTTP server sending fixed bytes, as a static file server would, with the
 * same headers the CMS sent (the same Content-Encoding, so the same compressed bytes) and a 304
 * when asked with its ETag. Each message `{ body (base64), headers }` replaces what it serves and
 * is answered with its URL.
 */
import { createServer } from 'node:http';

let bytes = Buffer.alloc(0);
let headers: Record<string, string> = {};

const server = createServer((request, response) => {
  if (headers.etag && request.headers['if-none-match'] === headers.etag) {
    response.writeHead(304, { etag: headers.etag, ...(headers['cache-control'] ? { 'cache-control': headers['cache-control'] } : {}) }).end();
    return;
  }
  response.writeHead(200, { ...headers, 'content-length': bytes.length }).end(bytes);
});

process.on('message', (message: { body: string; headers: Record<string, string> }) => {
  bytes = Buffer.from(message.body, 'base64');
  headers = message.headers;
  const reply = () => {
    const address = server.address();
    process.send?.({ url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` });
  };
  if (server.listening) reply();
  else server.listen(0, '127.0.0.1', reply);
});
