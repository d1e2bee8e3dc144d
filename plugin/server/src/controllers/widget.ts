/**
 * Serves the <kinship-offer> bundle at /api/kinship-offer/widget.js, so a host page needs one
 * script tag pointing at the CMS it already trusts, and the element finds its GraphQL endpoint
 * from the script's own address; and beside it what the element loads later: the services'
 * details at /api/kinship-offer/service-details.js (widget/src/render/service-details.ts, loaded
 * once an offer is shown), and the element's words in other languages at
 * /api/kinship-offer/packs/<code>.json (widget/src/packs.ts), fetched only when a reader needs one.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { negotiateEncoding } from '../http/encoding';

/**
 * Built by rollup into the plugin's dist/widget (see rollup.config.mjs), with a brotli and a gzip
 * copy beside each file; this file runs from dist/server/src/controllers.
 */
const BUILT = path.join(__dirname, '..', '..', '..', 'widget');
const BUNDLE = path.join(BUILT, 'kinship-offer.js');
const SERVICE_DETAILS = path.join(BUILT, 'service-details.js');
const PACKS = path.join(BUILT, 'packs');

/** What each Content-Encoding is read from, best first. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
  { name: 'identity', suffix: '' },
] as const;
type Encoding = (typeof ENCODINGS)[number]['name'];
interface Built {
  bodies: Partial<Record<Encoding, Buffer>>;
  version: string;
}

const loaded = new Map<string, Built>();
/** A built file and its compressed copies, read once; its version is a hash of its content. */
const load = (file: string): Built => {
  let built = loaded.get(file);
  if (!built) {
    const plain = readFileSync(file);
    const version = createHash('sha256').update(plain).digest('base64url').slice(0, 16);
    const bodies: Partial<Record<Encoding, Buffer>> = { identity: plain };
    // A copy missing (a bundle built by other means) is simply not offered.
    for (const { name, suffix } of ENCODINGS) if (suffix && existsSync(file + suffix)) bodies[name] = readFileSync(file + suffix);
    loaded.set(file, (built = { bodies, version }));
  }
  return built;
};

/** The packs built, by language code (read once: a request names one of these or is refused). */
let packs: Set<string> | null = null;
const builtPacks = () => (packs ??= new Set(existsSync(PACKS) ? readdirSync(PACKS).filter((file) => file.endsWith('.json')).map((file) => file.slice(0, -5)) : []));

/**
 * The version of the script and of everything it loads from beside it: a hash of them all, so that
 * a versioned address (`?v=`) names one build whichever of its files changed. Throws when the
 * widget has not been built.
 */
let built: string | undefined;
const buildVersion = () =>
  (built ??= [BUNDLE, SERVICE_DETAILS, ...[...builtPacks()].sort().map((code) => path.join(PACKS, `${code}.json`))]
    .reduce((hash, file) => hash.update(load(file).version), createHash('sha256'))
    .digest('base64url')
    .slice(0, 16));

/**
 * Sends `current` as `contentType`, compressed as the client accepts, cached as the script is: a
 * URL versioned with the script's version (`?v=`, which the element passes on to the packs it
 * fetches) never changes; the plain one is revalidated daily. ETags are per encoding.
 */
function send(ctx: any, current: Built, contentType: string, version: string) {
  const offered = ENCODINGS.map(({ name }) => name).filter((name) => current.bodies[name]);
  const encoding: Encoding = negotiateEncoding(ctx.request, offered);
  const versioned = ctx.query.v === version;
  ctx.set({
    'content-type': contentType,
    'cache-control': versioned ? 'public, max-age=31536000, immutable' : 'public, max-age=86400, stale-while-revalidate=604800',
    'access-control-allow-origin': '*',
    'cross-origin-resource-policy': 'cross-origin',
    'x-kinship-offer-widget-version': version,
    vary: 'Accept-Encoding',
  });
  if (encoding !== 'identity') ctx.set('content-encoding', encoding);
  ctx.remove('access-control-allow-credentials');
  ctx.etag = encoding === 'identity' ? `"${current.version}"` : `"${current.version}-${encoding}"`;
  ctx.status = 200;
  if (ctx.fresh) {
    ctx.status = 304;
    return;
  }
  ctx.body = current.bodies[encoding];
}

const notBuilt = (ctx: any) => {
  ctx.status = 503;
  ctx.set('content-type', 'text/plain; charset=utf-8');
  ctx.body = 'The kinship-offer widget has not been built (run "npm run build" in the repository).';
};

/** Sends the built script `file`, or says the widget is not built. */
function sendScript(ctx: any, file: string) {
  let version: string;
  try {
    version = buildVersion();
  } catch {
    return notBuilt(ctx);
  }
  send(ctx, load(file), 'text/javascript; charset=utf-8', version);
}

export default {
  script(ctx: any) {
    sendScript(ctx, BUNDLE);
  },

  /** GET /service-details.js: what draws a service's details, loaded by the element after its first view. */
  serviceDetails(ctx: any) {
    sendScript(ctx, SERVICE_DETAILS);
  },

  /** GET /packs/:code.json: a language's words; 404 for a language with no pack (the element then keeps English). */
  pack(ctx: any) {
    const code = /^([a-z]{2,3})\.json$/.exec(String(ctx.params.file ?? ''))?.[1];
    let version: string;
    try {
      version = buildVersion();
    } catch {
      return notBuilt(ctx);
    }
    if (!code || !builtPacks().has(code)) {
      ctx.status = 404;
      ctx.set('content-type', 'text/plain; charset=utf-8');
      ctx.body = `There are words for these languages besides English: ${[...builtPacks()].sort().join(', ')}`;
      return;
    }
    send(ctx, load(path.join(PACKS, `${code}.json`)), 'application/json; charset=utf-8', version);
  },
};
