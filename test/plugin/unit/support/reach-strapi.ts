/**
 * Just enough of Strapi for reach's service (plugin/server/src/reach/service) without a server:
 * its knex connection is a real SQLite (./sqlite); what is published comes from the query engine
 * (`strapi.db.query`) and the Document Service (`strapi.documents`), the boundary, standing in
 * with the demo's kind of rows. Like Strapi's, both answer only the fields asked for (`select`,
 * `fields`, `populate`) and only the versions asked for (published with `$notNull` or
 * `status: 'published'`, else the draft), so a query that asks for too little or for the wrong
 * version reads too little here too. `reads` lists each query-engine read as `uid slug`.
 */
import { UID } from '../../../../plugin/server/src/uids';
import type { Knex } from '../../../../plugin/server/src/own-tables';

/** An offer document: its draft, and its published version if it has one. */
export interface ReachOffer {
  slug: string;
  documentId: string;
  draft: { name: string; youSaidWeDid: Array<{ date: string | null; youSaid: string; weDid: string }> };
  published: { name: string; publishedAt: string } | null;
}

/** A service document, in the offers `offers` (document ids), published at `publishedAt` or never. */
export interface ReachService {
  uuid: string;
  documentId: string;
  title: string;
  offers: string[];
  publishedAt: string | null;
  arrangementTypes: string[];
  supportTypes: string[];
}

export interface ReachContent {
  offers: ReachOffer[];
  services: ReachService[];
  arrangementTypes: Array<{ code: string; label: string }>;
  supportTypes: Array<{ code: string; label: string }>;
}

export const REACH_SETTINGS = { reachRepeatMinutes: 30, reachNewSitesPerDay: 2, reachFlushSeconds: 10 };

/** `row` with only the fields in `fields` (every field without a list), as Strapi answers. */
const only = (row: Record<string, unknown>, fields: string[] | undefined) =>
  fields ? Object.fromEntries(fields.filter((field) => field in row).map((field) => [field, row[field]])) : row;

/** The relation `terms` as Strapi populates it: objects with only the fields asked for, or nothing unasked. */
const populated = (codes: string[], populate: Record<string, { fields?: string[] }> | undefined, name: string) =>
  populate?.[name] ? { [name]: codes.map((code) => only({ id: code.length, code, name: code }, populate[name].fields)) } : {};

export function reachStrapi(knex: Knex, content: ReachContent, settings: Record<string, unknown> = REACH_SETTINGS) {
  const reads: string[] = [];
  const errors: string[] = [];
  const warnings: string[] = [];
  const publishedOnly = (where: any) => where?.publishedAt?.$notNull === true;

  const strapi: any = {
    db: {
      connection: knex,
      query: (uid: string) => ({
        findOne: async ({ where, select }: any) => {
          reads.push(`${uid} ${where?.slug}`);
          if (uid !== UID.offer) return null;
          const offer = content.offers.find((each) => each.slug === where?.slug && (!publishedOnly(where) || each.published));
          return offer ? only({ id: 1, documentId: offer.documentId, slug: offer.slug, name: offer.draft.name }, select) : null;
        },
        findMany: async ({ where, select }: any) => {
          reads.push(`${uid} ${where?.offers?.documentId ?? ''}`);
          if (uid === UID.service) {
            return content.services
              .filter((service) => where?.offers && service.offers.includes(where.offers.documentId) && (!publishedOnly(where) || service.publishedAt))
              .map((service) => only({ id: 7, uuid: service.uuid, documentId: service.documentId, title: service.title }, select));
          }
          const terms = uid === UID.arrangementType ? content.arrangementTypes : uid === UID.supportType ? content.supportTypes : [];
          return terms.map((term) => only({ id: 3, documentId: `${term.code}-document`, ...term }, select));
        },
      }),
    },
    documents: (uid: string) => ({
      findOne: async ({ documentId, status, fields, populate }: any) => {
        const offer = uid === UID.offer ? content.offers.find((each) => each.documentId === documentId) : undefined;
        if (!offer) return null;
        if (status === 'published') return offer.published && only({ documentId, ...offer.published }, fields);
        const youSaidWeDid = populate?.youSaidWeDid ? { youSaidWeDid: offer.draft.youSaidWeDid.map((change) => only(change, populate.youSaidWeDid.fields)) } : {};
        return { ...only({ documentId, name: offer.draft.name, publishedAt: null, updatedAt: '2026-12-01T09:00:00.000Z' }, fields), ...youSaidWeDid };
      },
      findMany: async ({ filters, status, fields, populate, limit }: any) => {
        if (uid !== UID.service) return [];
        return content.services
          .filter((service) => service.offers.includes(filters?.offers?.documentId) && (status !== 'published' || service.publishedAt))
          .slice(0, limit ?? 10)
          .map((service) => ({
            documentId: service.documentId,
            ...only({ title: service.title, publishedAt: status === 'published' ? service.publishedAt : null, uuid: service.uuid }, fields),
            ...populated(service.arrangementTypes, populate, 'arrangementTypes'),
            ...populated(service.supportTypes, populate, 'supportTypes'),
          }));
      },
    }),
    plugin: () => ({
      config: (key: string) => settings[key],
      service: (name: string) =>
        name === 'vocabularies'
          ? {
              inLocale: async () => ({
                arrangementTypes: content.arrangementTypes.map((term, index) => ({ id: index, locale: 'en', ...term })),
                supportTypes: content.supportTypes.map((term, index) => ({ id: index, locale: 'en', ...term })),
              }),
            }
          : undefined,
    }),
    config: { get: (key: string, fallback: unknown) => (key === 'server.url' ? 'https://cms.example-borough.gov.uk' : fallback) },
    log: { warn: (message: string) => warnings.push(message), error: (message: string) => errors.push(message), info: () => {} },
  };
  return { strapi, reads, errors, warnings };
}
