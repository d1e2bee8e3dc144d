/**
 * `kinshipOffer(slug, locale)`: a whole published offer, with the vocabularies a reader needs to
 * filter it, in one round trip. It is the query the widget sends.
 *
 * It returns the generated `KinshipOfferOffer` type, so relations (services and their providers,
 * locations and contacts) resolve through @strapi/plugin-graphql as they do everywhere else, and
 * the relation guards in ./index.ts keep them published.
 */
import type { Core } from '@strapi/strapi';
import { UID } from '../uids';

export function kinshipOfferTypes(nexus: any, strapi: Core.Strapi) {
  const vocabularies = strapi.plugin('kinship-offer').service('vocabularies');

  const vocabularyType = nexus.objectType({
    name: 'KinshipOfferVocabulary',
    description: 'The arrangement and support types, with labels in the offer\'s language, in display order',
    definition(t: any) {
      t.nonNull.list.nonNull.field('arrangementTypes', { type: 'KinshipOfferArrangementType' });
      t.nonNull.list.nonNull.field('supportTypes', { type: 'KinshipOfferSupportType' });
    },
  });

  const offerVocabulary = nexus.extendType({
    type: 'KinshipOfferOffer',
    definition(t: any) {
      t.nonNull.field('vocabulary', {
        type: 'KinshipOfferVocabulary',
        resolve: (offer: { locale?: string }) => vocabularies.inLocale(offer.locale),
      });
    },
  });

  const query = nexus.extendType({
    type: 'Query',
    definition(t: any) {
      t.field('kinshipOffer', {
        type: 'KinshipOfferOffer',
        description: 'A published kinship local offer by its slug, or null when there is none',
        args: { slug: nexus.nonNull(nexus.stringArg()), locale: nexus.stringArg() },
        async resolve(_parent: unknown, args: { slug: string; locale?: string | null }, context: any) {
          const offer = await strapi.documents(UID.offer).findFirst({
            filters: { slug: args.slug },
            locale: args.locale ?? undefined,
            status: 'published',
          });
          if (!offer) return null;
          const schema = strapi.getModel(UID.offer);
          return strapi.contentAPI.sanitize.output(offer, schema, { auth: context.state.auth });
        },
      });
    },
  });

  return [vocabularyType, offerVocabulary, query];
}
