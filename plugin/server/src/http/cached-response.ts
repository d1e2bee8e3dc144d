/**
 * The public reads a shared cache may keep: the widget's offer request (offer-view/http-cache) and
 * the Open Referral feed (oruk/controller). Both build a response once per content version, keep
 * it in memory (`CachedResponse`) and send it with `sendCached`, so both say the same to browsers,
 * CDNs and operators:
 *
 * - `Cache-Control: public, max-age=0, must-revalidate, s-maxage=S, stale-while-revalidate=W,
 *   stale-if-error=E` (plugin config `cache`, ../config): a shared cache serves it for S seconds,
 *   then stale for W more while it revalidates, so a reader sees a publish within S + W + 1 s (the
 *   content version is reused for a second: offer-view/content-version), 61 s by default; with the
 *   CMS down, for E. Browsers revalidate every time (a 304 with no body while unchanged):
 *   `stale-while-revalidate` binds browsers too (Chromium's cache honours it), and without
 *   `must-revalidate` a reader's reload showed their own stale copy after a publish the shared
 *   cache already had. `must-revalidate` stops that in browsers; nginx (1.22) applies
 *   `stale-while-revalidate` and `stale-if-error` all the same (test/e2e/browser-cache).
 * - A strong ETag per representation: the body's hash, with `-br` or `-gzip` for a compressed one.
 * - `Content-Encoding: br` or `gzip` as Accept-Encoding allows (../http/encoding), compressed once
 *   per cached response on first request and kept with it; bodies under 1 KiB are sent as they are.
 *   Brotli's smallest copy (quality 11, ETag `-br11`) is made after the first brotli reader, in the
 *   background, and sent to every reader after (BEST_BROTLI).
 *   `Vary: Accept-Encoding`, and nothing else: the offer is public, so `Access-Control-Allow-Origin: *`
 *   without credentials replaces the app's CORS answer (Strapi's adds `Vary: Origin`, which would
 *   make a shared cache keep one copy per host site).
 * - `X-Cache: HIT` (built before this request) or `MISS` (built for it), and the same in
 *   `Server-Timing: cache;desc=HIT, app;dur=<ms>` with the time spent in the CMS (and, on a miss of
 *   the offer request, `graphql;desc=plain` or `apollo`: which executed it, offer-view/http-cache).
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { CACHE_DEFAULTS, type CacheSettings } from '../config';
import { PLUGIN_ID } from '../uids';
import { negotiateEncoding } from './encoding';
import { privateCacheControl } from './public-url';

/** Below this many bytes a body is sent as it is: compression would save less than its headers cost. */
export const MIN_COMPRESSED_BYTES = 1024;

/**
 * Brotli quality 5 and gzip level 6: within a few per cent of the smallest on JSON, and quick
 * enough (milliseconds for a large offer) that the first reader after an edit does not wait for
 * the compressor. Both run on libuv's thread pool, not on the event loop.
 */
const COMPRESSORS = {
  br: (body: Buffer) => promisify(brotliCompress)(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
  gzip: (body: Buffer) => promisify(gzip)(body, { level: 6 }),
};
/**
 * Brotli at its best (quality 11): the demo offer's JSON (52 KB) in 8,242 B, not quality 5's
 * 9,522, a reader's whole first view smaller by a twentieth; but some hundred times slower (about
 * 140 ms for it). So no reader waits for it: made in the background once the quick copy is sent,
 * one at a time (the thread pool also compresses and reads files for readers), only for bodies up
 * to `maxBytes` (a 3,000-service offer would take seconds), and sent with an ETag of its own
 * (`-br11`); a reader who holds the quick copy revalidates it still (a 304), as its words are the same.
 */
const BEST_BROTLI = {
  maxBytes: 256 * 1024,
  compress: (body: Buffer) => promisify(brotliCompress)(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
};
let bestBrotliUnderWay = false;

/** Starts `entry`'s best brotli copy unless it has one, is too large, or another is being made. */
function makeBestBrotli(entry: CachedResponse) {
  if (entry.bestBrotli || bestBrotliUnderWay || entry.body.length > BEST_BROTLI.maxBytes) return;
  bestBrotliUnderWay = true;
  BEST_BROTLI.compress(entry.body)
    .then((best) => (entry.bestBrotli = best))
    .catch(() => undefined) // the quick copy serves on
    .finally(() => (bestBrotliUnderWay = false));
}

type Compressed = keyof typeof COMPRESSORS;
const COMPRESSED: readonly Compressed[] = ['br', 'gzip'];

/** A response built once and sent again while its content version holds. */
export interface CachedResponse {
  /** The body, uncompressed. */
  body: Buffer;
  /** Its Content-Type. */
  type: string;
  /** Its strong ETag, quoted. */
  etag: string;
  /** Each compressed copy, made on first request for that encoding and kept. */
  encoded: Partial<Record<Compressed, Promise<Buffer>>>;
  /** The smallest brotli copy, once made (BEST_BROTLI). */
  bestBrotli?: Buffer;
  /** Other headers to send with it (those the app's middlewares set when it was built). */
  headers: Record<string, string>;
  /**
   * Built with addresses from the request's own headers (../http/public-url, an app without
   * `server.url`): sent private each time, as when it was built, never to a shared cache.
   */
  forOneClient?: boolean;
}

/** Headers that belong to one response, or that `sendCached` sets itself: never kept. */
const OWN_HEADERS = new Set(['content-length', 'content-type', 'content-encoding', 'etag', 'vary', 'cache-control', 'x-cache', 'server-timing', 'set-cookie', 'date', 'connection', 'keep-alive', 'transfer-encoding', 'last-modified']);

/**
 * A response to keep, from the text of its body (JSON unless `type` says otherwise); `headers`:
 * those the app set on it when it was built (security headers and the like), kept to be sent
 * again, less OWN_HEADERS and CORS.
 */
export function cachedResponse(text: string, headers: Record<string, unknown> = {}, type = 'application/json; charset=utf-8'): CachedResponse {
  const body = Buffer.from(text);
  const kept = Object.entries(headers).filter(([name, value]) => !OWN_HEADERS.has(name) && !name.startsWith('access-control-') && typeof value === 'string');
  return { body, type, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`, encoded: {}, headers: Object.fromEntries(kept) as Record<string, string> };
}

/** The plugin's `cache` settings, defaults filled in. */
export function cacheSettings(): CacheSettings {
  const configured = (globalThis as any).strapi?.plugin?.(PLUGIN_ID)?.config?.('cache') as Partial<CacheSettings> | undefined;
  return { ...CACHE_DEFAULTS, ...configured };
}

/** `Cache-Control` for a public read (see the module comment). */
export function publicCacheControl({ sharedMaxAge, staleWhileRevalidate, staleIfError } = cacheSettings()): string {
  return `public, max-age=0, must-revalidate, s-maxage=${sharedMaxAge}, stale-while-revalidate=${staleWhileRevalidate}, stale-if-error=${staleIfError}`;
}

/** `Cache-Control` for a kept public read: shared caches may keep it for everyone, unless it is `forOneClient`. */
export const cacheControlOf = (entry: Pick<CachedResponse, 'forOneClient'>) => (entry.forOneClient ? privateCacheControl(publicCacheControl()) : publicCacheControl());

/** Any origin may read it, without credentials, and no shared cache splits it per origin. */
export function publicReadHeaders(ctx: any) {
  ctx.set('access-control-allow-origin', '*');
  ctx.remove('access-control-allow-credentials');
  ctx.set('vary', 'Accept-Encoding');
}

/**
 * Sends `entry` (200, or 304 when the request already has this representation). `hit`: whether it
 * was built before this request; `startedAt`: when the CMS began on it (performance.now());
 * `timings`: further Server-Timing metrics; `cacheControl`: in place of `publicCacheControl()`
 * (a versioned file that never changes).
 */
export async function sendCached(
  ctx: any,
  entry: CachedResponse,
  { hit, startedAt, timings = [], cacheControl = publicCacheControl() }: { hit: boolean; startedAt: number; timings?: string[]; cacheControl?: string },
) {
  const offered = entry.body.length >= MIN_COMPRESSED_BYTES ? COMPRESSED : [];
  let encoding = negotiateEncoding(ctx.request, offered);
  let body = entry.body;
  /** The ETag's suffix for what is sent: the encoding, and `11` for the best brotli copy. */
  let variant: string = encoding;
  if (encoding === 'br' && entry.bestBrotli) {
    body = entry.bestBrotli;
    variant = 'br11';
    ctx.set('content-encoding', encoding);
  } else if (encoding !== 'identity') {
    try {
      body = await (entry.encoded[encoding] ??= COMPRESSORS[encoding](entry.body));
      ctx.set('content-encoding', encoding);
      if (encoding === 'br') makeBestBrotli(entry);
    } catch {
      // Never seen, but a reader gets the body as it is rather than an error; the next one tries again.
      delete entry.encoded[encoding];
      encoding = 'identity';
      body = entry.body;
    }
  }
  for (const [name, value] of Object.entries(entry.headers)) ctx.set(name, value);
  publicReadHeaders(ctx);
  ctx.set('content-type', entry.type);
  ctx.set('cache-control', cacheControl);
  ctx.set('x-cache', hit ? 'HIT' : 'MISS');
  ctx.set('server-timing', [`cache;desc=${hit ? 'HIT' : 'MISS'}`, `app;dur=${(performance.now() - startedAt).toFixed(1)}`, ...timings].join(', '));
  const etagOf = (suffix: string) => (suffix === 'identity' ? entry.etag : `${entry.etag.slice(0, -1)}-${suffix}"`);
  ctx.etag = etagOf(variant);
  ctx.status = 200;
  // A reader holding the quick brotli copy of the same body has it still: theirs is as current.
  if (variant === 'br11' && String(ctx.get('if-none-match')).includes(etagOf('br'))) ctx.etag = etagOf('br');
  if (ctx.fresh) ctx.status = 304;
  else ctx.body = body;
}
