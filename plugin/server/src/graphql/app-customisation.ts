/**
 * Whether an app customised the `kinshipOffer` query, read from what the GraphQL extension
 * service generates (@strapi/plugin-graphql's `extension.generate()`: `resolversConfig` by
 * `Type.field` path, and `resolvers` by type). Pure: test/plugin/unit/app-customisation.test.ts; the
 * reading of the extension is ./kinship-offer-query `customisedByApp`.
 */
import { VIEW_TYPES } from '../offer-view/shape';

/** The types `kinshipOffer` answers with: the view's, and the vocabulary's. */
const OFFER_TYPES = new Set<string>([...Object.values(VIEW_TYPES), 'KinshipLocalOfferVocabulary']);

/**
 * True when the app gave `Query.kinshipOffer` anything beyond its `auth` (the plugin's own scope,
 * ./index), gave any field of the offer's types a config (policies, middlewares, auth), or a
 * resolver for `Query.kinshipOffer` or any field of those types: what only Apollo's wrapped schema
 * applies, so the plain path must leave such a request to Apollo.
 */
export function appCustomisesOffer(
  resolversConfig: Record<string, object>,
  resolvers: Record<string, Record<string, unknown> | undefined>,
): boolean {
  const configured = Object.entries(resolversConfig).some(([path, config]) =>
    path === 'Query.kinshipOffer' ? Object.keys(config).some((key) => key !== 'auth') : OFFER_TYPES.has(path.split('.')[0]),
  );
  return configured || resolvers.Query?.kinshipOffer !== undefined || Object.keys(resolvers).some((type) => OFFER_TYPES.has(type));
}
