/**
 * Public REST routes, under /api/kinship-offer: list and read each public content type. Access is
 * the public role's `find` and `findOne`, which the plugin grants at bootstrap.
 */
import contentTypes from '../content-types';
import { databaseHitLog, rateLimit } from '../middlewares/rate-limit';
import { partnerAdminRoutes, partnerContentApiRoutes } from '../partners/routes';
import { reachAdminRoutes, reachContentApiRoutes } from '../reach/routes';
import { strictQuery } from '../middlewares/strict-query';
import { PUBLIC_CONTENT_TYPES, UID } from '../uids';

/** The app's REST page-size cap (config/api rest.maxLimit), read when a request comes. */
const maxLimit = () => Number(strapi.config.get('api.rest.maxLimit', 100)) || 100;
const config = { middlewares: [strictQuery(maxLimit)] };

const readRoutes = PUBLIC_CONTENT_TYPES.flatMap((name) => {
  const plural = contentTypes[name].schema.info.pluralName;
  return [
    { method: 'GET', path: `/${plural}`, handler: `${name}.find`, config },
    { method: 'GET', path: `/${plural}/:id`, handler: `${name}.findOne`, config },
  ];
});

/** The widget's script: public, cached, for any origin. */
const widgetRoute = { method: 'GET', path: '/widget.js', handler: 'widget.script', config: { auth: false } };
/** What draws a service's details, which the script loads after its first view: served as it is. */
const serviceDetailsRoute = { method: 'GET', path: '/service-details.js', handler: 'widget.serviceDetails', config: { auth: false } };
/** Its words in other languages, beside it and cached as it is. */
const packRoute = { method: 'GET', path: '/packs/:file', handler: 'widget.pack', config: { auth: false } };

/**
 * For editors in the admin (under /kinship-offer): the compliance report, reviews, feedback. Each
 * needs the content-manager permission an editor's role already grants on the content it shows or
 * changes (Settings → Roles); reviews check the offer's or the service's in the controller.
 */
const adminMay = (action: 'read' | 'update', subject: string) => ({
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [[`plugin::content-manager.explorer.${action}`, subject]] } }],
});
const adminRoutes = [
  { method: 'GET', path: '/compliance', handler: 'compliance.list', config: adminMay('read', UID.offer) },
  { method: 'GET', path: '/compliance/:documentId', handler: 'compliance.offer', config: adminMay('read', UID.offer) },
  { method: 'GET', path: '/translations', handler: 'compliance.translationFigures', config: adminMay('read', UID.offer) },
  { method: 'GET', path: '/translations/:documentId', handler: 'compliance.translations', config: adminMay('read', UID.offer) },
  { method: 'GET', path: '/vocabularies', handler: 'compliance.vocabularies', config: adminMay('read', UID.offer) },
  { method: 'GET', path: '/embed-choices/:documentId', handler: 'embed.offer', config: adminMay('read', UID.offer) },
  { method: 'GET', path: '/overdue', handler: 'compliance.overdue', config: adminMay('read', UID.offer) },
  { method: 'GET', path: '/plain-english/:documentId', handler: 'plain-english.offer', config: adminMay('read', UID.offer) },
  { method: 'POST', path: '/plain-english/check', handler: 'plain-english.check', config: { policies: ['admin::isAuthenticatedAdmin'] } },
  { method: 'GET', path: '/feedback', handler: 'feedback.list', config: adminMay('read', UID.feedback) },
  { method: 'PUT', path: '/feedback/:documentId', handler: 'feedback.setActioned', config: adminMay('update', UID.feedback) },
  { method: 'GET', path: '/reviews/:kind/:documentId', handler: 'reviews.status', config: { policies: ['admin::isAuthenticatedAdmin'] } },
  { method: 'POST', path: '/reviews/:kind/:documentId', handler: 'reviews.markReviewed', config: { policies: ['admin::isAuthenticatedAdmin'] } },
];

/**
 * The Open Referral UK 3.0 feed (../oruk/controller): public, read-only, for every published offer
 * under /oruk and for one under /oruk/<offer slug>. The fixed paths come first, so /oruk/services
 * is every offer's services (an offer slugged "services", "service_at_locations", "taxonomies",
 * "taxonomy_terms" or "openapi.json" has its feed under the base of every offer only).
 */
const ORUK_ENDPOINTS = [
  ['', 'root'],
  ['/openapi.json', 'openapi'],
  ['/services', 'services'],
  ['/services/:id', 'service'],
  ['/service_at_locations', 'serviceAtLocations'],
  ['/service_at_locations/:id', 'serviceAtLocation'],
  ['/taxonomies', 'taxonomies'],
  ['/taxonomies/:id', 'taxonomy'],
  ['/taxonomy_terms', 'taxonomyTerms'],
  ['/taxonomy_terms/:id', 'taxonomyTerm'],
] as const;
const orukRoutes = ['/oruk', '/oruk/:offer'].flatMap((base) =>
  ORUK_ENDPOINTS.map(([path, action]) => ({ method: 'GET', path: `${base}${path}`, handler: `oruk.${action}`, config: { auth: false } })),
);

/** An offer's consultation report (Children Act 1989, s.22H): public, published consultations only. */
const consultationReportRoute = { method: 'GET', path: '/offers/:slug/consultation-report', handler: 'consultation-report.show', config: { auth: false } };
/** oEmbed for the public pages (../pages/oembed): public, for any consumer. */
const oembedRoute = { method: 'GET', path: '/oembed', handler: 'oembed.answer', config: { auth: false } };

/** The link card and the pages' QR codes (../pages/link-card): public. */
const linkCardRoutes = [
  { method: 'GET', path: '/link-card', handler: 'linkCard.card', config: { auth: false } },
  { method: 'GET', path: '/qr-code', handler: 'linkCard.qrCode', config: { auth: false } },
];

/** Readers' feedback: public, rate-limited per address (config feedbackPerMinute) across all instances. */
const feedbackRoute = {
  method: 'POST',
  path: '/feedback',
  handler: 'feedback.submit',
  config: { auth: false, middlewares: [
      rateLimit(() => strapi.plugin('kinship-offer').config('feedbackPerMinute') as number, {
        hits: databaseHitLog(() => strapi.db.connection),
        message: 'Too much feedback from this address: please try again in a minute.',
      }),
    ], },
};

export default {
  'content-api': { type: 'content-api', routes: [widgetRoute, serviceDetailsRoute, packRoute, oembedRoute, ...linkCardRoutes, feedbackRoute, consultationReportRoute, ...reachContentApiRoutes, ...partnerContentApiRoutes, ...orukRoutes, ...readRoutes] },
  admin: { type: 'admin', routes: [...adminRoutes, ...reachAdminRoutes, ...partnerAdminRoutes] },
};
