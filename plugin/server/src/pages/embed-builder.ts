/**
 * For the admin's embed builder: `GET /kinship-offer/embed-choices/:documentId` (admin route, an editor who
 * may read offers) answers `{ data: EmbedChoices }` (../../../shared/admin-api): every address an
 * editor is given to paste, made here from the CMS's public URL (../http/public-url: `server.url`)
 * and the plugin's configured `pages` path (./addresses), never from the address the editor's
 * browser used to reach the admin; and what oEmbed (./oembed) and the link card (./link-card)
 * answer for the offer's page, made by the same functions as the public routes.
 *
 * The page exists only once the offer is published and while the app serves pages: otherwise
 * `page` is null and `noPage` says why. 404 for an offer that does not exist.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { EmbedChoices } from '../../../shared/admin-api';
import { pluginApiBase, publicOrigin } from '../http/public-url';
import { getService } from '../services/get-service';
import { UID } from '../uids';
import { FIXED_PATHS, pageAddresses } from './addresses';
import { linkCardOf } from './link-card';
import { oembedAnswer, offerPage } from './oembed';

export function embedBuilderController(strapi: Core.Strapi) {
  return {
    async offer(ctx: any) {
      const { documentId } = ctx.params;
      const offers = strapi.documents(UID.offer);
      const published = await offers.findOne({ documentId, status: 'published', fields: ['slug'] });
      if (!published && !(await offers.findOne({ documentId, fields: ['slug'] }))) throw new errors.NotFoundError(`There is no offer ${documentId}`);
      const apiBase = pluginApiBase(strapi, ctx);
      const choices: EmbedChoices = { documentId, publicUrl: publicOrigin(strapi, ctx), widgetScript: `${apiBase}/widget.js`, offerViewBase: `${apiBase}/view/`, page: null };
      const addresses = pageAddresses(strapi, ctx, await strapi.plugin('i18n').service('locales').getDefaultLocale());
      const view = published && addresses ? await getService('offer-view').find(published.slug as string) : null;
      if (!addresses) choices.noPage = 'pages-off';
      else if (!view) choices.noPage = 'unpublished';
      else {
        const found = offerPage(view, addresses);
        const { html, width, height, title } = oembedAnswer(found);
        choices.page = {
          url: found.page,
          embed: found.embed,
          resizeScript: `${addresses.base}${FIXED_PATHS.resizeScript}`,
          oembed: { html, width, height, title },
          linkCard: linkCardOf(found, apiBase),
        };
      }
      ctx.body = { data: choices };
    },
  };
}
