/**
 * A per-IP limit for a public endpoint (feedback, reach): at most `perMinute()` requests from one
 * address in any 60 seconds, then 429 with Retry-After and `message`. Keyed on the client address (not the e-mail, as
 * the users-permissions limiter is), in memory: each instance counts its own requests.
 */
const WINDOW_MS = 60_000;
const MAX_TRACKED = 10_000;

export function rateLimit(perMinute: () => number, message = 'Too much feedback from this address: please try again in a minute.') {
  const hits = new Map<string, number[]>();
  return async (ctx: any, next: () => Promise<void>) => {
    const now = Date.now();
    const key = ctx.request.ip ?? 'unknown';
    const recent = (hits.get(key) ?? []).filter((at) => now - at < WINDOW_MS);
    if (recent.length >= perMinute()) {
      ctx.status = 429;
      ctx.set('retry-after', String(Math.ceil((WINDOW_MS - (now - recent[0])) / 1000)));
      ctx.body = { data: null, error: { status: 429, name: 'RateLimitError', message } };
      return;
    }
    recent.push(now);
    hits.delete(key);
    hits.set(key, recent);
    if (hits.size > MAX_TRACKED) hits.delete(hits.keys().next().value!);
    await next();
  };
}
