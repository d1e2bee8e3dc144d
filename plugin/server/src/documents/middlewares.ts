/**
 * Document Service middlewares: every read and write of the plugin's content passes through them,
 * whether it comes from REST, GraphQL, the admin or the plugin's own code, so each rule holds
 * everywhere by being written once.
 */
import { randomUUID } from 'node:crypto';
import { errors } from '@strapi/utils';
import type { Core } from '@strapi/strapi';
import { DRAFTABLE_CONTENT_TYPES, nameOf } from '../uids';
import { lookupLocale } from '../locales';
import { normaliseDocument, validateDocument } from '../validation';
import { DRAFTS_ARE_PRIVATE, mayReadDrafts } from './draft-access';
import { canReachLocation, keepHiddenFlag, redactHiddenAddresses, refuseHiddenAddressLookups, type ModelLookup } from './hidden-addresses';
import { getService } from '../services/get-service';
import { keepIdentity, spreadIdentity } from './languages';

interface DocumentContext {
  uid: string;
  action: string;
  params: Record<string, any>;
}
type Next = () => Promise<any>;

const READ_ACTIONS = new Set(['findMany', 'findFirst', 'findOne', 'count']);
const VOCABULARIES = new Set(['arrangement-type', 'support-type']);

export function registerDocumentMiddlewares(strapi: Core.Strapi) {
  const lookup: ModelLookup = (uid) => strapi.getModel(uid as any) as ReturnType<ModelLookup>;
  const reachesLocation = memoise((uid: string) => canReachLocation(uid, lookup));

  strapi.documents.use(async (context: DocumentContext, next: Next) => {
    const name = nameOf(context.uid);
    if (READ_ACTIONS.has(context.action)) {
      if (mayReadDrafts(strapi.requestContext.get())) return next();
      keepDraftsPrivate(context);
      if (name) await understandLocale(strapi, context);
      // Any content type, the app's own too, may reach a location through a relation.
      if (!reachesLocation(context.uid)) return next();
      refuseHiddenAddressLookups(context.uid, context.params, lookup);
      keepHiddenFlag(context.uid, context.params, lookup);
      return redactHiddenAddresses(context.uid, await next(), lookup);
    }
    if (!name) return next();

    let identityChanged: Record<string, unknown> | null = null;
    if (context.action === 'create' || context.action === 'clone') {
      giveNewIdentity(strapi, context);
      await validateChanges(strapi, context, name);
    } else if (context.action === 'update') {
      await validateChanges(strapi, context, name);
      identityChanged = await keepIdentity(strapi, context.uid, context.params);
    }
    const result = await next();
    if (identityChanged) await spreadIdentity(strapi, context.uid, context.params, identityChanged);
    // Any write (create, update, delete, publish, unpublish, discard) may change what readers see.
    getService('offer-view').changed();
    return result;
  });
}

/** For the public: published content only, and a clear refusal for those who ask for drafts. */
function keepDraftsPrivate({ uid, params }: DocumentContext) {
  if (!DRAFTABLE_CONTENT_TYPES.includes(uid as never)) return;
  if (params.status === 'draft') throw new errors.PolicyError(DRAFTS_ARE_PRIVATE);
  params.status = 'published';
}

/**
 * A public `locale` is read as a BCP 47 tag (`en-GB`, `EN` find `en`), not only as Strapi's exact
 * code, which answered such a request with nothing; an unknown language is refused, saying which
 * this CMS has. `*` (every locale) passes as it is.
 */
async function understandLocale(strapi: Core.Strapi, { uid, params }: DocumentContext) {
  const requested = params.locale;
  if (typeof requested !== 'string' || requested === '*' || !(strapi.getModel(uid as any) as any).pluginOptions?.i18n?.localized) return;
  const codes: string[] = (await strapi.plugin('i18n').service('locales').find()).map((locale: { code: string }) => locale.code);
  const code = lookupLocale(requested, codes);
  if (!code) throw new errors.ValidationError(`Unknown locale "${requested}": this CMS publishes in ${[...codes].sort().join(', ')}`, { param: 'locale' });
  params.locale = code;
}

/** A UUID is generated once per document; a copy made with "Duplicate" is a new document. */
function giveNewIdentity(strapi: Core.Strapi, { uid, params }: DocumentContext) {
  if (!('uuid' in strapi.getModel(uid as any).attributes)) return;
  params.data = { ...params.data, uuid: randomUUID() };
}

async function validateChanges(strapi: Core.Strapi, { uid, action, params }: DocumentContext, name: string) {
  const changes: Record<string, unknown> = { ...(params.data ?? {}) };
  const current = action === 'update' ? await currentDraft(strapi, uid, params) : {};

  if (action === 'update') {
    if ('uuid' in changes && changes.uuid !== current.uuid) {
      throw fieldError('uuid', 'The identifier is fixed once created: partner directories rely on it');
    }
    if (VOCABULARIES.has(name) && 'code' in changes && current.code && changes.code !== current.code) {
      throw fieldError('code', 'Codes are fixed: change the label instead');
    }
  }

  const attributes = strapi.getModel(uid as any).attributes as Record<string, { type: string }>;
  const problems = validateDocument(name, attributes, changes, current);
  if (problems.length > 0) {
    throw new errors.ValidationError(
      problems.length === 1 ? problems[0].message : `${problems.length} errors occurred`,
      { errors: problems.map((problem) => ({ ...problem, name: 'ValidationError' })) },
    );
  }
  // Stored in one form, so REST, GraphQL, the widget and the Open Referral feed all show the same.
  if (params.data) params.data = normaliseDocument(name, attributes, params.data);
}

/** The version an update changes: the draft, in the locale being edited. */
async function currentDraft(strapi: Core.Strapi, uid: string, params: Record<string, any>) {
  if (!params.documentId) return {};
  const where: Record<string, unknown> = { documentId: params.documentId };
  if (params.locale) where.locale = params.locale;
  if (DRAFTABLE_CONTENT_TYPES.includes(uid as never)) where.publishedAt = null;
  return (await strapi.db.query(uid as never).findOne({ where })) ?? {};
}

function memoise<T>(compute: (key: string) => T): (key: string) => T {
  const known = new Map<string, T>();
  return (key) => {
    if (!known.has(key)) known.set(key, compute(key));
    return known.get(key)!;
  };
}

const fieldError = (field: string, message: string) =>
  new errors.ValidationError(message, { errors: [{ path: [field], message, name: 'ValidationError' }] });
