/**
 * The partner form's routes, added to the plugin's (../routes): the public form a link opens,
 * rate-limited per address across every instance (config partnerFormPerMinute), and the editors'
 * endpoints, which need the content manager's own permissions on services.
 */
import { databaseHitLog, rateLimit } from '../middlewares/rate-limit';
import { UID } from '../uids';
import { FORM_PATH, refuseTooMany } from './controller';

const limited = {
  auth: false,
  middlewares: [
    rateLimit(() => strapi.plugin('kinship-offer').config('partnerFormPerMinute') as number, {
      hits: databaseHitLog(() => strapi.db.connection),
      scope: 'partner-form:',
      message: 'Too many requests from this address: please wait a minute, then reload the page. Your link still works.',
      refuse: refuseTooMany,
    }),
  ],
};

export const partnerContentApiRoutes = [
  { method: 'GET', path: `${FORM_PATH}/:documentId/:token`, handler: 'partners.form', config: limited },
  { method: 'POST', path: `${FORM_PATH}/:documentId/:token`, handler: 'partners.submit', config: limited },
];

const mayServices = (action: 'read' | 'update') => ({
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [[`plugin::content-manager.explorer.${action}`, UID.service]] } }],
});

export const partnerAdminRoutes = [
  { method: 'GET', path: '/partner-links/:documentId', handler: 'partners.links', config: mayServices('read') },
  { method: 'POST', path: '/partner-links/:documentId', handler: 'partners.send', config: mayServices('update') },
  { method: 'DELETE', path: '/partner-links/:documentId/:id', handler: 'partners.revoke', config: mayServices('update') },
  { method: 'GET', path: '/proposals', handler: 'partners.proposals', config: mayServices('read') },
  { method: 'POST', path: '/proposals/:id/accept', handler: 'partners.accept', config: mayServices('update') },
  { method: 'POST', path: '/proposals/:id/decline', handler: 'partners.decline', config: mayServices('update') },
];
