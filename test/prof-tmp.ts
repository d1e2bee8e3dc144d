import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import { startCms } from './support/cms';
import { insertFictionalOffers } from './bench/fictional-offers';
import { buildOfferRequest } from '../widget/src/api/client';
(async () => {
  const cms = await startCms();
  const [slug] = await insertFictionalOffers(cms.strapi, { offers: 1, services: 300, firstOffer: 100 });
  const url = buildOfferRequest(new URL(`${cms.url}/graphql`), slug).url;
  const view = cms.strapi.plugin('kinship-offer').service('offer-view');
  const s = new Session(); s.connect(); await s.post('Profiler.enable'); await s.post('Profiler.start');
  for (let i = 0; i < 4; i++) {
    view.changed(); await cms.strapi.db.query('plugin::kinship-offer.support-type').update({ where: { code: 'legal_support' }, data: { label: 'Legal ' + i } });
    view.changed();
    let t = performance.now(); await view.find(slug); const tf = performance.now() - t;
    view.changed(); await cms.strapi.db.query('plugin::kinship-offer.support-type').update({ where: { code: 'legal_support' }, data: { label: 'Legal x' + i } }); view.changed();
    t = performance.now(); const r = await fetch(url, { headers: { 'accept-encoding': 'br' } }); await r.arrayBuffer(); console.log('find', tf.toFixed(0), 'full GET', (performance.now() - t).toFixed(0), r.headers.get('x-cache'));
  }
  const { profile } = await s.post('Profiler.stop'); writeFileSync('/tmp/prof/cold.cpuprofile', JSON.stringify(profile));
  await cms.stop(); process.exit(0);
})();
