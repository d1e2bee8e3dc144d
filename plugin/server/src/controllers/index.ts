/**
 * Read-only REST controllers for the public content types, and the widget's script. Strapi's core
 * controllers validate the query, sanitize input and output for the caller, and go through the
 * Document Service, where the plugin's middlewares keep drafts private.
 */
import { factories } from '@strapi/strapi';
import { PUBLIC_CONTENT_TYPES, uidOf } from '../uids';
import compliance from './compliance';
import consultationReport from './consultation-report';
import feedback from './feedback';
import oruk from '../oruk/controller';
import partners from '../partners/controller';
import plainEnglish from './plain-english';
import { embedBuilderController } from '../pages/embed-builder';
import { linkCardController } from '../pages/link-card';
import { oembedController } from '../pages/oembed';
import reach from '../reach/controller';
import reviews from './reviews';
import widget from './widget';

export default {
  ...Object.fromEntries(PUBLIC_CONTENT_TYPES.map((name) => [name, factories.createCoreController(uidOf(name) as never)])),
  compliance,
  'consultation-report': consultationReport,
  embed: ({ strapi }: { strapi: any }) => embedBuilderController(strapi),
  feedback,
  linkCard: ({ strapi }: { strapi: any }) => linkCardController(strapi),
  oembed: ({ strapi }: { strapi: any }) => oembedController(strapi),
  oruk,
  partners,
  'plain-english': plainEnglish,
  reach,
  reviews,
  widget,
};
