import type { Core } from '@strapi/strapi';
import { offerResponseCache } from './middlewares/offer-response-cache';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  const plugin = strapi.plugin('kinship-offer');
  await plugin.service('vocabularies').seed();
  await plugin.service('public-access').grant();
  if (strapi.plugin('graphql')) strapi.server.use(offerResponseCache(strapi));
};
