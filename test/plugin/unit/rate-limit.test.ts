/**
 * The rate limit at its edges, with each log: the Nth request in a minute passes, the N+1th gets
 * a 429 saying when to try again, and a request is forgotten exactly 60 seconds later. The
 * database log (feedback) is a real SQLite database in memory here (the integration suite and
 * test/deploy/ run it on PostgreSQL), and two instances on it count together; the memory log
 * (reach) holds a bounded number of addresses. The clock is vitest's, so nothing here waits.
 */
import { createRequire } from 'node:module';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { databaseHitLog, ensureHitTable, HIT_TABLE, memoryHitLog, rateLimit, type HitLog } from '../../../plugin/server/src/middlewares/rate-limit';

const knexFactory = createRequire(__filename)('knex');
const START = new Date('2026-11-30T09:00:00Z');
let db: any;
beforeEach(async () => {
  db = knexFactory({ client: 'better-sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true });
  await ensureHitTable(db);
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(START);
});
afterEach(async () => {
  vi.useRealTimers();
  await db.destroy();
});

const MESSAGE = 'Too much feedback from this address: please try again in a minute.';

/** One request from `ip` through the limiter (one instance's): its status (200 when it reached the handler) and headers. */
function sender(perMinute: number | (() => number), hits: HitLog = databaseHitLog(() => db)) {
  const limit = rateLimit(typeof perMinute === 'number' ? () => perMinute : perMinute, { hits, message: MESSAGE });
  return async (ip: string | undefined = '192.0.2.1') => {
    const headers: Record<string, string> = {};
    const ctx: any = { request: { ip }, status: 404, body: undefined, set: (name: string, value: string) => (headers[name] = value) };
    const next = vi.fn(async () => {
      ctx.status = 200;
    });
    await limit(ctx, next);
    expect(next).toHaveBeenCalledTimes(ctx.status === 200 ? 1 : 0);
    return { status: ctx.status as number, headers, body: ctx.body };
  };
}
const advance = (ms: number) => vi.setSystemTime(Date.now() + ms);

describe('rateLimit', () => {
  it('lets the 10th request of a minute through and refuses the 11th with a 429 that says why', async () => {
    const send = sender(10);
    for (let i = 1; i <= 10; i++) expect((await send()).status, `request ${i}`).toBe(200);
    const refused = await send();
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBe('60');
    expect(refused.body).toEqual({
      data: null,
      error: { status: 429, name: 'RateLimitError', message: MESSAGE },
    });
  });

  it('holds to the configured number, read at each request', async () => {
    let perMinute = 3;
    const send = sender(() => perMinute);
    for (let i = 0; i < 3; i++) expect((await send()).status).toBe(200);
    expect((await send()).status).toBe(429);
    perMinute = 4;
    expect((await send()).status).toBe(200);
    expect((await send()).status).toBe(429);
  });

  it('counts a refused request for nothing: the limit frees up 60 s after the first accepted one', async () => {
    const send = sender(2);
    await send();
    advance(20_000);
    await send();
    advance(10_000);
    expect((await send()).headers['retry-after']).toBe('30');
    advance(29_999);
    const lastMoment = await send();
    expect(lastMoment.status).toBe(429);
    expect(lastMoment.headers['retry-after']).toBe('1');
    advance(1);
    expect((await send()).status).toBe(200);
    expect((await send()).status).toBe(429);
    advance(20_000);
    expect((await send()).status).toBe(200);
  });

  it('rounds the wait up to whole seconds', async () => {
    const send = sender(1);
    await send();
    advance(500);
    expect((await send()).headers['retry-after']).toBe('60');
    advance(500);
    expect((await send()).headers['retry-after']).toBe('59');
  });

  it('counts each address on its own', async () => {
    const send = sender(1);
    expect((await send('192.0.2.1')).status).toBe(200);
    expect((await send('192.0.2.2')).status).toBe(200);
    expect((await send('192.0.2.1')).status).toBe(429);
    expect((await send('2001:db8::1')).status).toBe(200);
  });

  it('counts requests without an address together', async () => {
    const send = sender(1);
    expect((await send(undefined)).status).toBe(200);
    expect((await send(undefined)).status).toBe(429);
  });

  it('holds across instances: two limiters on one database let 10 through between them, not 10 each', async () => {
    const [first, second] = [sender(10), sender(10)];
    for (let i = 0; i < 5; i++) {
      expect((await first()).status).toBe(200);
      expect((await second()).status).toBe(200);
    }
    expect((await first()).status).toBe(429);
    expect((await second()).status).toBe(429);
  });

  it('deletes what is older than the window, and stores addresses only as digests', async () => {
    const send = sender(1);
    await send('192.0.2.1');
    advance(60_000);
    await send('192.0.2.2');
    const rows = await db(HIT_TABLE).select('client');
    expect(rows).toHaveLength(1);
    expect(rows[0].client).toMatch(/^[0-9a-f]{64}$/);
  });

  it("in memory: counts the same, and one instance's limit is its own", async () => {
    const send = sender(2, memoryHitLog());
    expect((await send()).status).toBe(200);
    expect((await send()).status).toBe(200);
    expect((await send()).status).toBe(429);
    expect((await sender(2, memoryHitLog())()).status).toBe(200);
    advance(60_000);
    expect((await send()).status).toBe(200);
  });

  it('in memory: forgets the oldest address after 10,000, so a flood of addresses cannot grow memory without end', async () => {
    const send = sender(1, memoryHitLog());
    await send('198.51.100.0');
    await send('198.51.100.1');
    for (let i = 2; i < 10_000; i++) await send(`10.0.${i >> 8}.${i & 255}`);
    expect((await send('198.51.100.0')).status).toBe(429);
    expect((await send('198.51.100.1')).status).toBe(429);
    // 10,000 addresses are held; one more drops the one least recently let through.
    await send('203.0.113.1');
    expect((await send('198.51.100.0')).status).toBe(200);
    expect((await send('198.51.100.1')).status).toBe(200);
  });

  it('lets a page write its own refusal (the partner form\'s, in HTML), still a 429 with Retry-After', async () => {
    const limit = rateLimit(() => 1, {
      hits: memoryHitLog(),
      message: MESSAGE,
      refuse: async (ctx, message) => void ((ctx.type = 'text/html'), (ctx.body = `<p>${message}</p>`)),
    });
    const send = async () => {
      const headers: Record<string, string> = {};
      const ctx: any = { request: { ip: '192.0.2.1' }, status: 404, set: (name: string, value: string) => (headers[name] = value) };
      await limit(ctx, async () => void (ctx.status = 200));
      return { status: ctx.status, type: ctx.type, body: ctx.body, headers };
    };
    expect((await send()).status).toBe(200);
    expect(await send()).toEqual({ status: 429, type: 'text/html', body: `<p>${MESSAGE}</p>`, headers: { 'retry-after': '60' } });
  });
});
