/**
 * Which Content-Encoding to send: one negotiation for everything the plugin compresses (widget.js,
 * precompressed at build time; the offer and the feed, compressed once per cached response).
 */

/** negotiator 1.0 (jshttp): content negotiation; it ships no type declarations. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Negotiator: new (request: { headers: Record<string, unknown> }) => {
  encodings(available: readonly string[], options?: { preferred?: readonly string[] }): string[];
} = require('negotiator');

export type Encoding = 'br' | 'gzip' | 'identity';

/**
 * The encoding to send of those `offered` (best first), as the request's Accept-Encoding allows
 * (q-values, `*`, `identity;q=0`, read by jshttp's negotiator). Among encodings the client likes
 * equally ("gzip, deflate, br" from Chrome), ours win in our order: brotli is the smallest.
 * `identity` when nothing offered is acceptable.
 */
export function negotiateEncoding<E extends Encoding>(request: { headers: Record<string, unknown> }, offered: readonly E[]): E | 'identity' {
  const [encoding = 'identity'] = new Negotiator(request).encodings(offered, { preferred: offered }) as E[];
  return encoding;
}
