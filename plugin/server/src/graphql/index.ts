/**
 * The plugin's part of the public GraphQL API (through @strapi/plugin-graphql, when it is present):
 * a read-only view of published content, the one `kinshipOffer` query the widget uses, and safe
 * operation limits.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { DRAFTS_ARE_PRIVATE, mayReadDrafts } from '../documents/draft-access';
import {
  canReachLocation,
  HIDDEN_ADDRESS_FIELDS,
  redactHiddenAddress,
  redactHiddenAddresses,
  refuseHiddenAddressLookups,
  type ModelLookup,
} from '../documents/hidden-addresses';
import { CONTENT_TYPE_NAMES, DRAFTABLE_CONTENT_TYPES, UID, uidOf } from '../uids';
import { KINSHIP_OFFER_SCOPE, kinshipOfferTypes } from './kinship-offer-query';
import { requestLimitsRule } from './request-limits';

/**
 * Limits applied when the app leaves @strapi/plugin-graphql unbounded (its defaults). An app's own
 * `config/plugins` values win. `maxLimit` is high enough for the largest offer's services in one
 * page (the widget asks for them all at once).
 */
export const OPERATION_LIMITS = { depthLimit: 10, defaultLimit: 100, maxLimit: 500 } as const;

export function registerGraphQL(strapi: Core.Strapi) {
  if (!strapi.plugin('graphql')) return;
  applyOperationLimits(strapi);

  const extension = strapi.plugin('graphql').service('extension');
  // Readers' feedback is never readable; everything else is read here and written in the admin.
  extension.shadowCRUD(UID.feedback).disable();
  for (const name of CONTENT_TYPE_NAMES) extension.shadowCRUD(uidOf(name)).disableMutations();

  extension.use(({ nexus }: { nexus: any }) => ({
    types: kinshipOfferTypes(nexus),
    resolversConfig: {
      'Query.kinshipOffer': { auth: { scope: [KINSHIP_OFFER_SCOPE] } },
      ...relationGuards(strapi),
      ...hiddenAddressGuards(),
    },
  }));
}

function applyOperationLimits(strapi: Core.Strapi) {
  const current = (key: string) => strapi.config.get(`plugin::graphql.${key}`) as number | undefined;
  const unbounded = (value: number | undefined) => value === undefined || value === null || value < 0;
  for (const [key, value] of Object.entries(OPERATION_LIMITS)) {
    if (unbounded(current(key))) strapi.config.set(`plugin::graphql.${key}`, value);
  }
  // @strapi/plugin-graphql appends apolloServer.validationRules to its own [depthLimit], so the
  // request limits are all the plugin adds.
  const apollo = (strapi.config.get('plugin::graphql.apolloServer') ?? {}) as { validationRules?: unknown[] };
  if (!apollo.validationRules) {
    strapi.config.set('plugin::graphql.apolloServer', { ...apollo, validationRules: [requestLimitsRule(current('maxLimit')!)] });
  }
}

/**
 * Relations resolve below the Document Service (@strapi/plugin-graphql loads them with the query
 * engine), so the rules the document middlewares keep are kept here again for every relation field:
 * - drafts: relation fields have a `status` argument of their own and, under a custom query such
 *   as `kinshipOffer`, no default at all. The public asks for drafts and is refused; otherwise it
 *   gets published content.
 * - hidden addresses: a relation's `filters` and `sort` may not touch a location's hidden fields,
 *   and locations it returns are redacted (see documents/hidden-addresses).
 */
function relationGuards(strapi: Core.Strapi) {
  const lookup: ModelLookup = (uid) => strapi.getModel(uid as any) as ReturnType<ModelLookup>;
  type Resolve = (parent: unknown, args: Record<string, unknown>, context: any, info: unknown) => unknown;

  const keepDraftsPrivate = async (resolve: Resolve, parent: unknown, args: Record<string, unknown>, context: any, info: unknown) => {
    if (!mayReadDrafts(context)) {
      if (args.status === 'draft') throw new errors.PolicyError(DRAFTS_ARE_PRIVATE);
      args = { ...args, status: 'published' };
    }
    return resolve(parent, args, context, info);
  };
  const keepAddressesHidden = (target: string) => async (resolve: Resolve, parent: unknown, args: Record<string, unknown>, context: any, info: unknown) => {
    if (mayReadDrafts(context)) return resolve(parent, args, context, info);
    refuseHiddenAddressLookups(target, args, lookup);
    return redactHiddenAddresses(target, await resolve(parent, args, context, info), lookup);
  };

  const config: Record<string, { middlewares: unknown[] }> = {};
  for (const name of CONTENT_TYPE_NAMES) {
    const model = strapi.getModel(uidOf(name));
    const typeName = strapi.plugin('graphql').service('utils').naming.getTypeName(model);
    for (const [field, attribute] of Object.entries(model.attributes as Record<string, any>)) {
      if (attribute.type !== 'relation') continue;
      const middlewares = [
        ...(DRAFTABLE_CONTENT_TYPES.includes(attribute.target) ? [keepDraftsPrivate] : []),
        ...(canReachLocation(attribute.target, lookup) ? [keepAddressesHidden(attribute.target)] : []),
      ];
      if (middlewares.length === 0) continue;
      config[`${typeName}.${field}`] = { middlewares };
      config[`${typeName}.${field}_connection`] = { middlewares };
    }
  }
  return config;
}

/** A location read directly is redacted by the document middlewares; this is the last line, per field. */
function hiddenAddressGuards() {
  const redact = async (resolve: any, parent: unknown, args: unknown, context: any, info: unknown) =>
    resolve(mayReadDrafts(context) ? parent : redactHiddenAddress(parent), args, context, info);
  return Object.fromEntries(HIDDEN_ADDRESS_FIELDS.map((field) => [`KinshipOfferLocation.${field}`, { middlewares: [redact] }]));
}
