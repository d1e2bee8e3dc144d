/**
 * Serves the <kinship-offer> bundle at /api/kinship-offer/widget.js, so a host page needs one
 * script tag pointing at the CMS it already trusts, and the element finds its GraphQL endpoint
 * from the script's own address.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { negotiateEncoding } from '../http/encoding';

/**
 * Built by rollup into the plugin's dist/widget (see rollup.config.mjs), with a brotli and a gzip
 * copy beside it; this file runs from dist/server/src/controllers.
 */
const BUNDLE = path.join(__dirname, '..', '..', '..', 'widget', 'kinship-offer.js');

/** What each Content-Encoding is read from, best first. */
const ENCODINGS = [
  { name: 'br', file: `${BUNDLE}.br` },
  { name: 'gzip', file: `${BUNDLE}.gz` },
  { name: 'identity', file: BUNDLE },
] as const;
type Encoding = (typeof ENCODINGS)[number]['name'];

let bundle: { bodies: Partial<Record<Encoding, Buffer>>; version: string } | null = null;
const loadBundle = () => {
  if (!bundle) {
    const plain = readFileSync(BUNDLE);
    const version = createHash('sha256').update(plain).digest('base64url').slice(0, 16);
    const bodies: Partial<Record<Encoding, Buffer>> = { identity: plain };
    // A copy missing (a bundle built by other means) is simply not offered.
    for (const { name, file } of ENCODINGS) if (name !== 'identity' && existsSync(file)) bodies[name] = readFileSync(file);
    bundle = { bodies, version };
  }
  return bundle;
};

export default {
  script(ctx: any) {
    let current: NonNullable<typeof bundle>;
    try {
      current = loadBundle();
    } catch {
      ctx.status = 503;
      ctx.set('content-type', 'text/plain; charset=utf-8');
      ctx.body = 'The kinship-offer widget has not been built (run "npm run build" in the repository).';
      return;
    }
    const offered = ENCODINGS.map(({ name }) => name).filter((name) => current.bodies[name]);
    const encoding: Encoding = negotiateEncoding(ctx.request, offered);
    // A versioned URL (?v=<version>) never changes; the plain one is revalidated daily.
    const versioned = ctx.query.v === current.version;
    ctx.set({
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': versioned ? 'public, max-age=31536000, immutable' : 'public, max-age=86400, stale-while-revalidate=604800',
      'access-control-allow-origin': '*',
      'cross-origin-resource-policy': 'cross-origin',
      'x-kinship-offer-widget-version': current.version,
      vary: 'Accept-Encoding',
    });
    if (encoding !== 'identity') ctx.set('content-encoding', encoding);
    ctx.remove('access-control-allow-credentials');
    // Each encoding is its own representation, with its own strong ETag.
    ctx.etag = encoding === 'identity' ? `"${current.version}"` : `"${current.version}-${encoding}"`;
    ctx.status = 200;
    if (ctx.fresh) {
      ctx.status = 304;
      return;
    }
    ctx.body = current.bodies[encoding];
  },
};
