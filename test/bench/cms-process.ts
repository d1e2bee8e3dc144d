/**
 * The demo CMS in a process of its own, so the load generator does not share its event loop. Its
 * database is new each run (SQLite). Messages, each answered when done:
 * - `{ generate: { offers, services, firstOffer } }`: inserts fictional offers (./fictional-offers),
 *   answers `{ slugs, seconds }`;
 * - `{ edit: slug }`: renames and publishes one service of that offer, so its next read is cold;
 * - `{ relabel: true }`: relabels a support type, which every service of every offer shows;
 * - `'queries'`: answers `{ queries }`, how many database queries it has run since it started;
 * - `'restart'`, `'stop'`.
 */
import type { Core } from '@strapi/strapi';
import { SUPPORT_TYPE_CODES } from '../../plugin/server/src/vocabularies';
import { insertFictionalOffers } from './fictional-offers';
import { startCms } from '../support/cms';

const SERVICE = 'plugin::kinship-offer.service';
const SUPPORT_TYPE = 'plugin::kinship-offer.support-type';

startCms().then((cms) => {
  let queries = 0;
  const countQueries = (strapi: Core.Strapi) => strapi.db.connection.on('query', () => (queries += 1));
  countQueries(cms.strapi);
  let edits = 0;
  process.send?.({ url: cms.url });
  process.on('message', async (message: any) => {
    if (message?.generate) {
      const started = performance.now();
      const slugs = await insertFictionalOffers(cms.strapi, message.generate);
      process.send?.({ slugs, seconds: (performance.now() - started) / 1000 });
    }
    if (message?.edit) {
      const service = await cms.strapi.db.query(SERVICE).findOne({ where: { offers: { slug: message.edit }, publishedAt: { $notNull: true } }, select: ['documentId', 'title'] });
      edits += 1;
      const title = `${service.title.replace(/ \(edit \d+\)$/, '')} (edit ${edits})`;
      await cms.strapi.documents(SERVICE).update({ documentId: service.documentId, data: { title } as any });
      await cms.strapi.documents(SERVICE).publish({ documentId: service.documentId });
      process.send?.({ edited: title });
    }
    if (message?.relabel) {
      const term = await cms.strapi.db.query(SUPPORT_TYPE).findOne({ where: { code: SUPPORT_TYPE_CODES[0] }, select: ['documentId', 'label'] });
      edits += 1;
      const label = `${term.label.replace(/ \(edit \d+\)$/, '')} (edit ${edits})`;
      await cms.strapi.documents(SUPPORT_TYPE).update({ documentId: term.documentId, data: { label } as any });
      process.send?.({ relabelled: label });
    }
    if (message === 'queries') process.send?.({ queries });
    if (message === 'restart') {
      await cms.restart();
      countQueries(cms.strapi);
      process.send?.({ restarted: true });
    }
    if (message === 'stop') {
      await cms.stop();
      process.exit(0);
    }
  });
});
