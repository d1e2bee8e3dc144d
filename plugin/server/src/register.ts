import type { Core } from '@strapi/strapi';
import { registerDocumentMiddlewares } from './documents/middlewares';
import { registerGraphQL } from './graphql';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  registerDocumentMiddlewares(strapi);
  registerGraphQL(strapi);
};
