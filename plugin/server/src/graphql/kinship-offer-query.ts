/**
 * `kinshipOffer(slug, locale)`: a whole published offer, with the vocabularies a reader needs to
 * filter it, in one round trip. It is the query the widget sends.
 *
 * It has types of its own (KinshipLocalOffer…), generated from the content-type schemas by
 * offer-view/shape.ts, and resolves from the offer-view service's one populated, cached tree,
 * rather than through @strapi/plugin-graphql's per-relation resolvers (hundreds of queries and
 * permission checks per offer). Everything in the tree is published and public by construction.
 */
import type { Core } from '@strapi/strapi';
import { VIEW_TYPES, viewFields, type ViewTypeName } from '../offer-view/shape';
import { getService } from '../services/get-service';

export function kinshipOfferTypes(nexus: any, strapi: Core.Strapi) {

  const viewTypes = (Object.keys(VIEW_TYPES) as ViewTypeName[]).map((name) =>
    nexus.objectType({
      name: VIEW_TYPES[name],
      definition(t: any) {
        for (const field of viewFields(name)) {
          if (field.list) t.nonNull.list.nonNull.field(field.name, { type: field.type });
          else t.field(field.name, { type: field.type });
        }
        if (name === 'offer') t.nonNull.field('vocabulary', { type: 'KinshipLocalOfferVocabulary' });
      },
    }),
  );

  const vocabulary = nexus.objectType({
    name: 'KinshipLocalOfferVocabulary',
    description: 'The arrangement and support types, with labels in the offer\'s language, in display order',
    definition(t: any) {
      t.nonNull.list.nonNull.field('arrangementTypes', { type: VIEW_TYPES['arrangement-type'] });
      t.nonNull.list.nonNull.field('supportTypes', { type: VIEW_TYPES['support-type'] });
    },
  });

  const query = nexus.extendType({
    type: 'Query',
    definition(t: any) {
      t.field('kinshipOffer', {
        type: VIEW_TYPES.offer,
        description: 'A published kinship local offer by its slug, or null when there is none',
        args: { slug: nexus.nonNull(nexus.stringArg()), locale: nexus.stringArg() },
        resolve: (_parent: unknown, args: { slug: string; locale?: string | null }) =>
          getService('offer-view').find(args.slug, args.locale ?? undefined),
      });
    },
  });

  return [...viewTypes, vocabulary, query];
}
