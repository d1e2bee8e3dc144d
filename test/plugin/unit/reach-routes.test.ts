/**
 * Reach's routes (reach/routes): readers' browsers post events without an account, at most the
 * app's `reachPerMinute` from one address; the editors' report and CSV need an admin who may read
 * offers in the Content Manager. (Through a real Strapi: reach.test.ts.)
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reachAdminRoutes, reachContentApiRoutes } from '../../../plugin/server/src/reach/routes';
import { UID } from '../../../plugin/server/src/uids';

let perMinute: number;
beforeEach(() => {
  perMinute = 3;
  (globalThis as any).strapi = { plugin: (name: string) => name === 'kinship-offer' && { config: (key: string) => (key === 'reachPerMinute' ? perMinute : undefined) } };
});
afterEach(() => {
  delete (globalThis as any).strapi;
});

/** A reader's POST from `ip` through the route's middlewares: its status, body and headers. */
async function post(ip: string) {
  const headers: Record<string, string> = {};
  const ctx: any = { request: { ip }, status: 404, body: undefined, set: (name: string, value: string) => (headers[name] = value) };
  const [route] = reachContentApiRoutes;
  let recorded = false;
  for (const middleware of route.config.middlewares) await middleware(ctx, async () => void (recorded = true));
  return { recorded, status: ctx.status, body: ctx.body, headers };
}

describe("reach's routes", () => {
  it('take readers\' events at POST /reach without an account', () => {
    expect(reachContentApiRoutes).toEqual([expect.objectContaining({ method: 'POST', path: '/reach', handler: 'reach.record', config: expect.objectContaining({ auth: false }) })]);
  });

  it("take the app's reachPerMinute from one address, then refuse with 429 and when to try again, counting each address apart", async () => {
    for (let event = 0; event < 3; event += 1) expect((await post('203.0.113.7')).recorded).toBe(true);
    const refused = await post('203.0.113.7');
    expect(refused).toEqual({
      recorded: false,
      status: 429,
      body: { data: null, error: { status: 429, name: 'RateLimitError', message: 'Too many reach events from this address: please try again in a minute.' } },
      headers: { 'retry-after': '60' },
    });
    expect((await post('198.51.100.4')).recorded).toBe(true);
  });

  it('read the setting as each event arrives (a changed setting holds without a restart)', async () => {
    perMinute = 1;
    expect((await post('192.0.2.1')).recorded).toBe(true);
    expect((await post('192.0.2.1')).status).toBe(429);
  });

  it("give the editors' report and its CSV only to an admin who may read offers", () => {
    expect(reachAdminRoutes.map(({ method, path, handler }) => [method, path, handler])).toEqual([
      ['GET', '/reach/:documentId', 'reach.report'],
      ['GET', '/reach/:documentId/csv', 'reach.csv'],
    ]);
    for (const route of reachAdminRoutes) {
      expect(route.config.policies).toEqual(['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [['plugin::content-manager.explorer.read', UID.offer]] } }]);
    }
  });
});
