/**
 * The demo speaks Welsh: Example Borough's Welsh version (examples/cms/src/demo/welsh.ts), seeded
 * once when the demo starts, shows Welsh words with the untranslated services in English, and the
 * translation report finds its gaps and its one stale service.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OFFER_QUERY } from '../../plugin/shared/offer-query';
import { startCms, type TestCms } from '../support/cms';
import { graphql } from '../support/http';

let cms: TestCms;
beforeAll(async () => {
  process.env.DEMO_WELSH = 'true';
  cms = await startCms();
});
afterAll(async () => cms?.stop());

const view = async (locale: string) => (await graphql(cms.url, OFFER_QUERY, { slug: 'example-borough', locale })).data.kinshipOffer;
const report = async () => {
  const offer = await cms.strapi.db.query('plugin::kinship-offer.offer').findOne({ where: { slug: 'example-borough', locale: 'en' } });
  return (await cms.strapi.plugin('kinship-offer').service('translations').forOffer(offer.documentId)).languages.find((language: any) => language.locale === 'cy');
};

describe('the demo in Welsh', () => {
  it('shows Example Borough in Welsh, every service listed, most of them in Welsh', async () => {
    const [welsh, english] = [await view('cy'), await view('en')];
    expect(welsh).toMatchObject({ locale: 'cy', name: 'Cyngor Bwrdeistref Enghreifftiol' });
    expect(welsh.languages).toEqual([{ code: 'cy', name: 'Cymraeg' }, { code: 'en', name: 'English' }]);
    expect(welsh.services.map((service: any) => service.uuid).sort()).toEqual(english.services.map((service: any) => service.uuid).sort());
    const titles = welsh.services.map((service: any) => service.title);
    expect(titles).toContain('Llywwyr perthnasau');
    expect(titles).toContain('Therapeutic parenting course'); // not translated, on purpose
    expect(english.name).toBe('Example Borough Council');
  });

  it('gives the translation report a few untranslated services and one stale', async () => {
    const cy = await report();
    const missing = cy.missing.filter((gap: any) => gap.kind === 'service').map((gap: any) => gap.title);
    expect(missing.length).toBeGreaterThanOrEqual(3);
    expect(missing.length).toBeLessThan((await view('en')).services.length / 2);
    expect(cy.stale.map((gap: any) => gap.title)).toEqual(['Kinship kids club']);
  });

  it('is seeded once: a second start changes nothing', async () => {
    const before = await cms.strapi.db.query('plugin::kinship-offer.service').count({ where: { locale: 'cy' } });
    const stale = (await report()).stale;
    await cms.restart();
    expect(await cms.strapi.db.query('plugin::kinship-offer.service').count({ where: { locale: 'cy' } })).toBe(before);
    expect((await report()).stale).toEqual(stale);
  });
});
