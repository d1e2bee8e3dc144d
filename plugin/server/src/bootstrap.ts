import type { Core } from '@strapi/strapi';
import { publicPreflights } from './http/preflight';
import { keepAddressesFromSharedCaches } from './http/public-url';
import { refuseNulInAddress } from './middlewares/nul-in-address';
import { ensureHitTable } from './middlewares/rate-limit';
import routes from './routes';
import { kinshipOfferAnswer } from './graphql/kinship-offer-query';
import { offerResponseCache } from './offer-view/http-cache';
import { publicPages } from './pages/serve';
import { getService } from './services/get-service';
import { mendIdentities } from './documents/languages';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await getService('vocabularies').seed();
  // Before anything reads by uuid or slug: rows saved before every language shared them.
  await mendIdentities(strapi);
  await getService('public-access').grant();
  await getService('reminders').ensureTable();
  await getService('consultations').ensureTable();
  await getService('partner-links').ensureTables();
  await ensureHitTable(strapi.db.connection);
  await getService('reach').start();
  await getService('editor-labels').apply();
  const schedule = strapi.plugin('kinship-offer').config('reviewReminderSchedule') as string | false;
  if (schedule) {
    strapi.cron.add({ 'kinship-offer:review-reminders': { task: () => getService('reminders').run(), options: { rule: schedule } } });
  }
  // Around every route: a response with addresses made from the request's Host is kept from shared caches.
  strapi.server.use(keepAddressesFromSharedCaches());
  // Ahead of the app's strapi::cors, which would refuse the headers host pages add (./http/preflight).
  strapi.server.app.middleware.splice(1, 0, publicPreflights(routes['content-api'].routes, String(strapi.config.get('api.rest.prefix', '/api'))));
  // First in line (after Strapi's request context), ahead of the app's own middlewares: a cache hit
  // then costs about what a static file does. Those middlewares still run for every miss, and the
  // headers they set are kept with the response and sent again with each hit (./offer-view/http-cache).
  // A miss is answered last of them, before the router (mounted when the server starts listening).
  if (strapi.plugin('graphql')) {
    strapi.server.app.middleware.splice(1, 0, offerResponseCache(strapi));
    strapi.server.app.use(kinshipOfferAnswer(strapi));
  }
  // The public pages: made after the app's middlewares, whose headers (security, CSP) every page
  // carries; a page kept is sent first in line, with the headers kept from when it was made.
  const pages = publicPages(strapi);
  strapi.server.app.middleware.splice(1, 0, pages.hits);
  strapi.server.app.use(pages.answer);
  // Ahead of all of the above: an address no lookup of ours can take (./middlewares/nul-in-address).
  strapi.server.app.middleware.splice(1, 0, refuseNulInAddress(strapi));
};
