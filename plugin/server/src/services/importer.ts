/**
 * Imports a whole offer (its organisations, locations, contacts and services) from one plain
 * object and publishes it. The demo app seeds with it, tests build their fixtures with it, and a
 * council can load an offer it already has in a spreadsheet.
 *
 * Idempotent by slug: an offer that already exists, in any state, is left exactly as editors have
 * it. Organisations, locations and contacts are reused by name, so offers can share them.
 */
import type { Core } from '@strapi/strapi';
import { UID } from '../uids';

type Fields = Record<string, unknown>;
/** Rich text may be given as plain text: paragraphs separated by a blank line. */
type RichText = string | unknown[];

export interface OfferImport {
  locale?: string;
  organisations?: Array<Fields & { key: string; name: string }>;
  locations?: Array<Fields & { key: string; name: string }>;
  contacts?: Array<Fields & { key: string; name: string; organisation?: string }>;
  services: Array<
    Fields & {
      title: string;
      description?: RichText;
      supportTypes: string[];
      arrangementTypes: string[];
      provider?: string;
      locations?: string[];
      contacts?: string[];
    }
  >;
  offer: Fields & { name: string; slug: string; independentAdvice?: string[] };
  /** "You said, we did": published with the offer. */
  youSaidWeDid?: Array<{ youSaid: string; weDid: string; date: string }>;
  /**
   * Consultations on the offer, published with it: the services they changed by title, the
   * "You said, we did" entries they led to by what was said.
   */
  consultations?: Array<Fields & { title: string; date: string; method: string; services?: string[]; youSaidWeDid?: string[] }>;
}

export interface ImportResult {
  created: boolean;
  documentId: string;
  services: number;
}

/** Plain text to Strapi blocks: one paragraph per blank-line-separated chunk. */
export const toBlocks = (text: RichText): unknown[] =>
  Array.isArray(text)
    ? text
    : text
        .split(/\n\s*\n/)
        .map((paragraph) => paragraph.trim())
        .filter(Boolean)
        .map((paragraph) => ({ type: 'paragraph', children: [{ type: 'text', text: paragraph }] }));

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const blocksFieldsOf = (uid: string) =>
    Object.entries(strapi.getModel(uid as any).attributes)
      .filter(([, attribute]: [string, any]) => attribute.type === 'blocks')
      .map(([name]) => name);

  const withBlocks = (uid: string, fields: Fields): Fields => {
    const result = { ...fields };
    for (const name of blocksFieldsOf(uid)) {
      if (result[name] !== undefined && result[name] !== null) result[name] = toBlocks(result[name] as RichText);
    }
    return result;
  };

  /** The documentId of the entry of `uid` whose `where` matches, creating it from `data` if none does. */
  const findOrCreate = async (uid: string, where: Fields, data: Fields, locale?: string) => {
    const existing = await strapi.db.query(uid as any).findOne({ where });
    if (existing) return existing.documentId as string;
    const created = await strapi.documents(uid as any).create({ data: data as any, locale });
    return created.documentId as string;
  };

  const codesToIds = async (uid: string) =>
    new Map<string, string>(
      (await strapi.db.query(uid as any).findMany({ select: ['code', 'documentId'] })).map((t: any) => [t.code, t.documentId]),
    );

  const lookUp = (map: Map<string, string>, what: string) => (key: string) => {
    const id = map.get(key);
    if (!id) throw new Error(`Unknown ${what} "${key}" in the offer to import`);
    return id;
  };

  return {
    toBlocks,

    async importOffer(input: OfferImport): Promise<ImportResult> {
      const { locale } = input;
      const existing = await strapi.db.query(UID.offer).findOne({ where: { slug: input.offer.slug } });
      if (existing) return { created: false, documentId: existing.documentId, services: 0 };

      const supportType = lookUp(await codesToIds(UID.supportType), 'support type');
      const arrangementType = lookUp(await codesToIds(UID.arrangementType), 'arrangement type');

      const organisations = new Map<string, string>();
      for (const { key, ...fields } of input.organisations ?? []) {
        organisations.set(key, await findOrCreate(UID.organisation, { name: fields.name }, fields));
      }
      const organisation = lookUp(organisations, 'organisation');

      const locations = new Map<string, string>();
      for (const { key, ...fields } of input.locations ?? []) {
        locations.set(key, await findOrCreate(UID.location, { name: fields.name, postcode: fields.postcode ?? null }, fields));
      }
      const location = lookUp(locations, 'location');

      const contacts = new Map<string, string>();
      for (const { key, organisation: org, ...fields } of input.contacts ?? []) {
        const data = { ...fields, organisation: org ? organisation(org) : undefined };
        contacts.set(key, await findOrCreate(UID.contact, { name: fields.name, email: fields.email ?? null }, data));
      }
      const contact = lookUp(contacts, 'contact');

      const serviceIds: string[] = [];
      for (const service of input.services) {
        const data = withBlocks(UID.service, {
          ...service,
          supportTypes: service.supportTypes.map(supportType),
          arrangementTypes: service.arrangementTypes.map(arrangementType),
          provider: service.provider ? organisation(service.provider) : undefined,
          locations: (service.locations ?? []).map(location),
          contacts: (service.contacts ?? []).map(contact),
        });
        const created = await strapi.documents(UID.service).create({ data: data as any, locale });
        await strapi.documents(UID.service).publish({ documentId: created.documentId, locale });
        serviceIds.push(created.documentId);
      }

      const changes: string[] = [];
      for (const entry of input.youSaidWeDid ?? []) {
        const created = await strapi.documents(UID.youSaidWeDid).create({ data: entry as any, locale });
        await strapi.documents(UID.youSaidWeDid).publish({ documentId: created.documentId, locale });
        changes.push(created.documentId);
      }
      const byKey = (keys: string[], what: string, key: (index: number) => string, ids: string[]) =>
        keys.map((wanted) => {
          const index = ids.findIndex((_, i) => key(i) === wanted);
          if (index < 0) throw new Error(`Unknown ${what} "${wanted}"`);
          return ids[index];
        });

      const { independentAdvice = [], ...offerFields } = input.offer;
      const offerData = withBlocks(UID.offer, {
        ...offerFields,
        independentAdvice: independentAdvice.map(organisation),
        services: serviceIds,
        youSaidWeDid: changes,
      });
      const offer = await strapi.documents(UID.offer).create({ data: offerData as any, locale });
      // Consultations are recorded before the offer is published (the duty is to consult first),
      // and published after it: Strapi publishes a link only to a version that is published.
      const consultationIds: string[] = [];
      for (const { services: changed = [], youSaidWeDid: ledTo = [], ...fields } of input.consultations ?? []) {
        const data = {
          ...fields,
          offers: [offer.documentId],
          services: byKey(changed, 'service', (i) => input.services[i].title, serviceIds),
          youSaidWeDid: byKey(ledTo, '"You said, we did" entry', (i) => input.youSaidWeDid![i].youSaid, changes),
        };
        consultationIds.push((await strapi.documents(UID.consultation).create({ data: data as any, locale })).documentId);
      }
      await strapi.documents(UID.offer).publish({ documentId: offer.documentId, locale });
      for (const documentId of consultationIds) await strapi.documents(UID.consultation).publish({ documentId, locale });
      return { created: true, documentId: offer.documentId, services: serviceIds.length };
    },
  };
};
