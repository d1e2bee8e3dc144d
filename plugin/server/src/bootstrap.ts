import type { Core } from '@strapi/strapi';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  const plugin = strapi.plugin('kinship-offer');
  await plugin.service('vocabularies').seed();
  await plugin.service('public-access').grant();
};
