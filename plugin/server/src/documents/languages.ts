/**
 * What is shared across a document's languages and what is translated (Strapi i18n). The schemas
 * say it per field (content-types/attributes: `text.*` is translated, `fixed` is shared), but
 * Strapi's i18n copies a shared field to the other languages only when it is visible and not a
 * `uid`: a Welsh version saved through the admin got `uuid: null` and a slug of its own, so its
 * services' ids differed between languages (feedback, reach and the feed key on them) and the offer
 * was not found in Welsh by its slug. Those two are the document's identity: every language takes
 * the document's (on save, and when the CMS starts for rows saved before), here.
 */
import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { CONTENT_TYPE_NAMES, uidOf } from '../uids';

type Attribute = { type: string; visible?: boolean; pluginOptions?: { i18n?: { localized?: boolean } } };
type Model = { uid?: string; attributes: Record<string, Attribute>; pluginOptions?: { i18n?: { localized?: boolean } } };
type Row = Record<string, any>;

export const isLocalizedModel = (model: Model | undefined) => model?.pluginOptions?.i18n?.localized === true;

/** The fields a council translates (`text.*` in the schemas), read from a localized model. */
export function translatedFields(model: Model): string[] {
  return Object.entries(model.attributes)
    .filter(([, attribute]) => attribute.pluginOptions?.i18n?.localized === true)
    .map(([name]) => name);
}

/**
 * Whether a translated field is written at all (its words are not checked, unlike code-lists'
 * `hasWords`, which reads rich text): text, a list (rich text, opening times) or words per
 * arrangement. One left empty in a translation shows the default language's instead.
 */
export const isWritten = (value: unknown): boolean =>
  value != null &&
  value !== '' &&
  !(Array.isArray(value) && value.length === 0) &&
  !(typeof value === 'object' && !Array.isArray(value) && Object.values(value as object).every((each) => !isWritten(each)));

/**
 * The shared fields Strapi's i18n does not copy between languages (a `uid`, a hidden field): the
 * document's identity, `slug` and `uuid`, which every language must have alike.
 */
export function identityFields(model: Model): string[] {
  if (!isLocalizedModel(model)) return [];
  return Object.entries(model.attributes)
    .filter(([, attribute]) => attribute.pluginOptions?.i18n?.localized === false && (attribute.type === 'uid' || attribute.visible === false))
    .map(([name]) => name);
}

const defaultLocale = (strapi: Core.Strapi): Promise<string> => strapi.plugin('i18n').service('locales').getDefaultLocale();

/**
 * The identity of the document `documentId` as its other languages hold it (the default
 * language's first, as the one a council writes first), or null for a document with no other.
 */
async function identityOf(strapi: Core.Strapi, model: Model, fields: string[], documentId: string, locale: string): Promise<Row | null> {
  const rows: Row[] = await strapi.db.query(model.uid as never).findMany({
    where: { documentId, locale: { $ne: locale } },
    select: ['locale', ...fields],
  });
  if (!rows.length) return null;
  const fallback = await defaultLocale(strapi);
  const ordered = [...rows.filter((row) => row.locale === fallback), ...rows.filter((row) => row.locale !== fallback)];
  return Object.fromEntries(fields.map((field) => [field, ordered.find((row) => row[field] != null)?.[field] ?? null]));
}

/**
 * Before an update of one language of a document (which creates that language when it is new):
 * the document's identity, whatever the request said. An identity the request changes (a slug
 * edited in any language) is then given to every language in the same state, draft or published,
 * as Strapi's i18n does with the other shared fields (`spreadIdentity`).
 */
export async function keepIdentity(strapi: Core.Strapi, uid: string, params: Row): Promise<Row | null> {
  const model = strapi.getModel(uid as never) as unknown as Model;
  const fields = identityFields(model);
  if (!fields.length || !params.documentId || !params.locale) return null;
  const identity = await identityOf(strapi, model, fields, params.documentId, params.locale);
  if (!identity) return null;
  const existing = await strapi.db.query(uid as never).findOne({ where: { documentId: params.documentId, locale: params.locale }, select: ['id'] });
  const data = { ...(params.data ?? {}) };
  const changed: Row = {};
  for (const field of fields) {
    if (identity[field] == null) continue;
    // A new language, or a save that does not name it, takes the document's; a later edit of an editable one is everyone's.
    if (!existing || data[field] == null || model.attributes[field].type !== 'uid') data[field] = identity[field];
    else if (data[field] !== identity[field]) changed[field] = data[field];
  }
  params.data = data;
  return Object.keys(changed).length ? changed : null;
}

/** After a save that changed the identity of one language (`keepIdentity`): the same for the document's others in its state. */
export async function spreadIdentity(strapi: Core.Strapi, uid: string, params: Row, changed: Row): Promise<void> {
  await strapi.db.query(uid as never).updateMany({
    where: { documentId: params.documentId, locale: { $ne: params.locale }, publishedAt: null },
    data: changed,
  });
}

/**
 * When the CMS starts: every row of a document takes the document's identity (the default
 * language's, else any language's; a uuid no language has is generated once for all). Mends rows
 * saved before this was kept on save. One read per content type; writes only what differs.
 */
export async function mendIdentities(strapi: Core.Strapi): Promise<number> {
  const fallback = await defaultLocale(strapi);
  let mended = 0;
  for (const name of CONTENT_TYPE_NAMES) {
    const model = strapi.getModel(uidOf(name)) as unknown as Model;
    const fields = identityFields(model);
    if (!fields.length) continue;
    const rows: Row[] = await strapi.db.query(model.uid as never).findMany({ select: ['id', 'documentId', 'locale', ...fields] });
    const byDocument = new Map<string, Row[]>();
    for (const row of rows) byDocument.set(row.documentId, [...(byDocument.get(row.documentId) ?? []), row]);
    for (const versions of byDocument.values()) {
      const ordered = [...versions.filter((row) => row.locale === fallback), ...versions.filter((row) => row.locale !== fallback)];
      const identity: Row = {};
      for (const field of fields) identity[field] = ordered.find((row) => row[field] != null)?.[field] ?? (field === 'uuid' ? randomUUID() : null);
      for (const row of versions) {
        const data = Object.fromEntries(fields.filter((field) => identity[field] != null && row[field] !== identity[field]).map((field) => [field, identity[field]]));
        if (!Object.keys(data).length) continue;
        await strapi.db.query(model.uid as never).update({ where: { id: row.id }, data });
        mended++;
      }
    }
  }
  return mended;
}
