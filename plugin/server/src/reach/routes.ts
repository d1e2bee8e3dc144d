/**
 * Reach's routes, added to the plugin's (../routes): the public endpoint readers' browsers post
 * to, rate-limited per address (config reachPerMinute), and the editors' reads, which need the
 * same permission as the offer's own page (reading offers in the Content Manager).
 */
import { memoryHitLog, rateLimit } from '../middlewares/rate-limit';
import { UID } from '../uids';

const perMinute = () => strapi.plugin('kinship-offer').config('reachPerMinute') as number;

export const reachContentApiRoutes = [
  {
    method: 'POST',
    path: '/reach',
    handler: 'reach.record',
    config: { auth: false, middlewares: [
      // Per instance, in memory: reach batches its writes, and a database write per event would undo that.
      rateLimit(perMinute, { hits: memoryHitLog(), message: 'Too many reach events from this address: please try again in a minute.' }),
    ], },
  },
];

const readOffers = {
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [['plugin::content-manager.explorer.read', UID.offer]] } }],
};

export const reachAdminRoutes = [
  { method: 'GET', path: '/reach/:documentId', handler: 'reach.report', config: readOffers },
  { method: 'GET', path: '/reach/:documentId/csv', handler: 'reach.csv', config: readOffers },
];
