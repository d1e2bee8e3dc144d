/**
 * Serves the <kinship-offer> bundle at /api/kinship-offer/widget.js, so a host page needs one
 * script tag pointing at the CMS it already trusts, and the element finds its GraphQL endpoint
 * from the script's own address.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Built by rollup into the plugin's dist/widget (see rollup.config.mjs); this file runs from dist/server/src/controllers. */
const BUNDLE = path.join(__dirname, '..', '..', '..', 'widget', 'kinship-offer.js');

let bundle: { body: Buffer; etag: string; version: string } | null = null;
const loadBundle = () => {
  if (!bundle) {
    const body = readFileSync(BUNDLE);
    const version = createHash('sha256').update(body).digest('base64url').slice(0, 16);
    bundle = { body, etag: `"${version}"`, version };
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
    // A versioned URL (?v=<version>) never changes; the plain one is revalidated daily.
    const versioned = ctx.query.v === current.version;
    ctx.set({
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': versioned ? 'public, max-age=31536000, immutable' : 'public, max-age=86400, stale-while-revalidate=604800',
      'access-control-allow-origin': '*',
      'cross-origin-resource-policy': 'cross-origin',
      'x-kinship-offer-widget-version': current.version,
    });
    ctx.remove('access-control-allow-credentials');
    ctx.etag = current.etag;
    ctx.status = 200;
    if (ctx.fresh) {
      ctx.status = 304;
      return;
    }
    ctx.body = current.body;
  },
};
