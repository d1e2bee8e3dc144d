/**
 * The demo app: the kinship-offer plugin does the work; this only makes a fresh clone useful at
 * once (a super admin for tests and CI, and the fictional demo offers).
 */
import type { Core } from '@strapi/strapi';
import { DEMO_OFFERS } from './demo/offers';
import { seedDemoReach } from './demo/reach';

export default {
  register() {},

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await createDemoAdmin(strapi);
    const importer = strapi.plugin('kinship-offer').service('importer');
    for (const offer of DEMO_OFFERS) {
      const result = await importer.importOffer(offer);
      if (result.created) strapi.log.info(`[demo] seeded "${offer.offer.slug}" with ${result.services} services`);
    }
    await seedDemoReach(strapi, 'example-borough');
    await seedDemoReach(strapi, 'example-shared-service', 0.4);
  },
};

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
