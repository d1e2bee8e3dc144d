import type { Core } from '@strapi/strapi';
import { registerComponents } from './components';
import { CUSTOM_FIELDS } from './content-types/attributes';
import { registerDocumentMiddlewares } from './documents/middlewares';
import { registerPublicationLog } from './documents/publication-log';
import { registerGraphQL } from './graphql';
import { answerUnreadableBodies } from './middlewares/unreadable-body';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  registerComponents(strapi);
  for (const { name, type } of Object.values(CUSTOM_FIELDS)) strapi.customFields.register({ name, plugin: 'kinship-offer', type });
  registerDocumentMiddlewares(strapi);
  registerPublicationLog(strapi);
  registerGraphQL(strapi);
  answerUnreadableBodies(strapi);
};
