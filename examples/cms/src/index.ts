/**
 * The demo app: the kinship-offer plugin does the work; this only makes a fresh clone useful at
 * once (a super admin for tests and CI, the fictional demo offers, and their support types'
 * equivalent terms in two fictional directories' taxonomies).
 */
import type { Core } from '@strapi/strapi';
import { DEMO_EQUIVALENT_TERMS } from './demo/equivalent-terms';
import { demoOffersAsOf } from './demo/offers';
import { seedDemoReach } from './demo/reach';
import { seedWelsh } from './demo/welsh';

export default {
  register() {},

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await createDemoAdmin(strapi);
    const importer = strapi.plugin('kinship-offer').service('importer');
    // Dated from today, so the demo's reviews are as recent on any day it is first started.
    for (const offer of demoOffersAsOf(new Date())) {
      const result = await importer.importOffer(offer);
      if (result.created) strapi.log.info(`[demo] seeded "${offer.offer.slug}" with ${result.services} services`);
    }
    if (process.env.DEMO_WELSH !== 'false' && (await seedWelsh(strapi, 'example-borough'))) strapi.log.info('[demo] seeded "example-borough" in Welsh');
    await seedEquivalentTerms(strapi);
    await seedDemoReach(strapi, 'example-borough');
    await seedDemoReach(strapi, 'example-shared-service', 0.4);
  },
};

/** The demo's equivalent terms, on each support type that has none yet (an editor's own list stays). */
async function seedEquivalentTerms(strapi: Core.Strapi) {
  const supportTypes = strapi.documents('plugin::kinship-offer.support-type');
  for (const [code, equivalentTerms] of Object.entries(DEMO_EQUIVALENT_TERMS)) {
    const term = (await supportTypes.findFirst({ filters: { code }, populate: ['equivalentTerms'] as any })) as any;
    if (!term || term.equivalentTerms?.length) continue;
    await supportTypes.update({ documentId: term.documentId, locale: term.locale, data: { equivalentTerms } as any });
  }
}

/** A super admin from DEMO_ADMIN_EMAIL and DEMO_ADMIN_PASSWORD, only while no admin exists. */
async function createDemoAdmin(strapi: Core.Strapi) {
  const email = process.env.DEMO_ADMIN_EMAIL;
  const password = process.env.DEMO_ADMIN_PASSWORD;
  if (!email || !password) return;
  if (await strapi.service('admin::user').exists()) return;
  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  await strapi.service('admin::user').create({
    email,
    password,
    firstname: 'Demo',
    lastname: 'Editor',
    isActive: true,
    registrationToken: null,
    roles: superAdmin ? [superAdmin.id] : [],
  });
  strapi.log.info(`[demo] created the super admin ${email}`);
}
