/**
 * The content version's queries against a real SQLite database (knex and better-sqlite3, without a
 * Strapi), laid out as Strapi 5 lays out the plugin's tables: a table per content type, a link
 * table per relation (`<table>_<field>_lnk`), drafts and each language as rows of their own. What
 * changes one offer's version, and what must not: the other offer's rows, drafts, readers'
 * feedback; and a service's own version. (Against a real Strapi: http-caching.test.ts.)
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { databaseContentVersion, type ContentVersionSource } from '../../../plugin/server/src/offer-view/content-version';
import { VIEW_TYPES, viewFields, type ViewTypeName } from '../../../plugin/server/src/offer-view/shape';
import type { Knex } from '../../../plugin/server/src/own-tables';
import { sqliteDatabases } from './support/sqlite';

const connect = sqliteDatabases();

const tableOf = (uid: string) => (uid === 'strapi::core-store' ? 'core_store' : uid.split('.').pop()!.replace(/-/g, '_'));
const linkOf = (table: string, field: string) => `${table}_${field}_lnk`;

let knex: Knex;
let version: ContentVersionSource;
let clock = Date.UTC(2026, 11, 7, 9);
/** A moment later than any before it: each write's `updated_at`. */
const tick = () => (clock += 1_000);

beforeEach(async () => {
  knex = connect(':memory:');
  for (const table of [...Object.keys(VIEW_TYPES).map(tableOf), 'permission', 'feedback']) {
    await knex.schema.createTable(table, (t) => {
      t.increments('id');
      t.string('document_id');
      t.string('slug');
      t.string('locale');
      t.bigInteger('updated_at');
      t.bigInteger('published_at');
    });
  }
  await knex.schema.createTable('core_store', (t) => {
    t.increments('id');
    t.string('key');
    t.text('value');
  });
  await knex('core_store').insert({ key: 'plugin_i18n_default_locale', value: '"en"' });
  for (const name of Object.keys(VIEW_TYPES) as ViewTypeName[]) {
    for (const field of viewFields(name).filter((f) => f.target)) {
      await knex.schema.createTable(linkOf(tableOf(name), field.name), (t) => {
        t.integer('from_id');
        t.integer('to_id');
      });
    }
  }
  const strapi: any = {
    db: {
      connection: knex,
      metadata: {
        get: (uid: string) => {
          const tableName = tableOf(uid);
          const attributes = new Proxy({} as Record<string, unknown>, {
            get: (_, field: string) => ({ joinTable: { name: linkOf(tableName, field), joinColumn: { name: 'from_id' }, inverseJoinColumn: { name: 'to_id' } } }),
          });
          return { tableName, attributes };
        },
      },
    },
    plugin: (name: string) => (name === 'users-permissions' ? {} : undefined),
  };
  version = databaseContentVersion(strapi);
});

/** A row of `type`: published unless `draft`; its id. */
async function row(type: string, fields: { documentId?: string; slug?: string; locale?: string; draft?: boolean } = {}): Promise<number> {
  const [id] = await knex(tableOf(type)).insert({
    document_id: fields.documentId ?? `${type}-${clock}`,
    slug: fields.slug ?? null,
    locale: fields.locale ?? 'en',
    updated_at: tick(),
    published_at: fields.draft ? null : clock,
  });
  return id as number;
}
const link = (type: string, field: string, from: number, to: number) => knex(linkOf(tableOf(type), field)).insert({ from_id: from, to_id: to });
const edit = (type: string, id: number) => knex(tableOf(type)).where('id', id).update({ updated_at: tick() });
/** The version of `slug` after a write through this instance. */
const versionOf = async (slug?: string) => {
  version.changed();
  return version.current(slug);
};

/** Two published offers, each with a service that has a location, a contact and its organisation. */
async function twoOffers() {
  const ids: Record<string, Record<string, number>> = {};
  for (const slug of ['borough', 'county']) {
    const offer = await row('offer', { slug, documentId: `offer-${slug}` });
    const service = await row('service', { documentId: `service-${slug}` });
    const location = await row('location');
    const contact = await row('contact');
    const organisation = await row('organisation');
    await link('offer', 'services', offer, service);
    await link('service', 'locations', service, location);
    await link('service', 'contacts', service, contact);
    await link('contact', 'organisation', contact, organisation);
    ids[slug] = { offer, service, location, contact, organisation };
  }
  return ids;
}

describe('one offer\'s content version, on a real database', () => {
  it.each(['offer', 'service', 'location', 'contact', 'organisation'])('changes with an edit to its %s, and leaves the other offer\'s as it was', async (type) => {
    const ids = await twoOffers();
    const [borough, county] = [await versionOf('borough'), await versionOf('county')];
    await edit(type, ids.borough[type]);
    expect(await versionOf('borough')).not.toBe(borough);
    expect(await versionOf('county')).toBe(county);
  });

  it('changes when a row it reaches is published, and when one is swapped for another (same count)', async () => {
    const ids = await twoOffers();
    const before = await versionOf('borough');
    await knex('location').where('id', ids.borough.location).update({ published_at: clock + 5 });
    const published = await versionOf('borough');
    expect(published).not.toBe(before);
    // Unlinked and another linked, with the same last update: the id sum still moves.
    const other = await knex('location').insert({ document_id: 'l2', locale: 'en', updated_at: 0, published_at: 0 }).then(([id]) => id as number);
    await knex('service_locations_lnk').where('to_id', ids.borough.location).update({ to_id: other });
    expect(await versionOf('borough')).not.toBe(published);
  });

  it('does not change with a draft of the offer, or what only a draft links to', async () => {
    await twoOffers();
    const before = await versionOf('borough');
    const draft = await row('offer', { slug: 'borough', documentId: 'offer-borough', draft: true });
    await link('offer', 'services', draft, await row('service', { draft: true }));
    expect(await versionOf('borough')).toBe(before);
  });

  it('changes with a published translation of one of its services, not with a translation saved as a draft', async () => {
    await twoOffers();
    const before = await versionOf('borough');
    await row('service', { documentId: 'service-borough', locale: 'cy', draft: true });
    expect(await versionOf('borough')).toBe(before);
    await row('service', { documentId: 'service-borough', locale: 'cy' });
    expect(await versionOf('borough')).not.toBe(before);
  });

  it('changes for every offer with the vocabularies, the public role\'s permissions and the default language', async () => {
    await twoOffers();
    for (const change of [
      () => row('support-type'),
      () => row('arrangement-type'),
      () => row('permission'),
      () => knex('core_store').where('key', 'plugin_i18n_default_locale').update({ value: '"cy"' }),
    ]) {
      const [borough, county] = [await versionOf('borough'), await versionOf('county')];
      await change();
      expect(await versionOf('borough')).not.toBe(borough);
      expect(await versionOf('county')).not.toBe(county);
    }
  });

  it('does not change with readers\' feedback or another key of the core store', async () => {
    await twoOffers();
    const before = await versionOf('borough');
    await row('feedback');
    await knex('core_store').insert({ key: 'plugin_i18n_other', value: '1' });
    expect(await versionOf('borough')).toBe(before);
  });
});

describe('the content version of every offer, on a real database', () => {
  it.each(['offer', 'service', 'location', 'contact', 'organisation', 'you-said-we-did', 'support-type', 'permission'])('changes with a row of %s, linked or not', async (type) => {
    await twoOffers();
    const before = await versionOf();
    await row(type);
    expect(await versionOf()).not.toBe(before);
  });
});

describe('the content version of every offer, on a real database', () => {
  it('tells each table apart: a row moving from one to another, same id and times, changes it', async () => {
    await knex('location').insert({ id: 5, document_id: 'x', locale: 'en', updated_at: 1_000, published_at: 1_000 });
    const before = await versionOf();
    await knex('location').where('id', 5).delete();
    await knex('contact').insert({ id: 5, document_id: 'x', locale: 'en', updated_at: 1_000, published_at: 1_000 });
    expect(await versionOf()).not.toBe(before);
  });
});

describe('the versions of an offer\'s services, on a real database', () => {
  it('tell each path apart: a location swapped for a contact with the same id and times changes the service\'s', async () => {
    const offer = await row('offer', { slug: 'borough' });
    const service = await row('service');
    await link('offer', 'services', offer, service);
    await knex('location').insert({ id: 7, document_id: 'l', locale: 'en', updated_at: 1_000, published_at: 1_000 });
    await knex('contact').insert({ id: 7, document_id: 'c', locale: 'en', updated_at: 1_000, published_at: 1_000 });
    await link('service', 'locations', service, 7);
    const before = (await version.services(offer)).byService.get(service);
    await knex('service_locations_lnk').delete();
    await link('service', 'contacts', service, 7);
    expect((await version.services(offer)).byService.get(service)).not.toBe(before);
  });

  it('are one per service, each changing only with what that service shows, all with the vocabularies', async () => {
    const ids = await twoOffers();
    const second = await row('service');
    await link('offer', 'services', ids.borough.offer, second);
    const read = async () => version.services(ids.borough.offer);
    const before = await read();
    expect([...before.byService.keys()].sort()).toEqual([ids.borough.service, second].sort());
    expect(before.byService.get(ids.borough.service)).not.toBe(before.byService.get(second));

    await edit('location', ids.borough.location);
    const afterLocation = await read();
    expect(afterLocation.byService.get(ids.borough.service)).not.toBe(before.byService.get(ids.borough.service));
    expect(afterLocation.byService.get(second)).toBe(before.byService.get(second));

    await edit('service', ids.county.service);
    expect(await read()).toEqual(afterLocation);

    await row('support-type');
    const afterTerm = await read();
    expect(afterTerm.vocabularies).not.toBe(afterLocation.vocabularies);
    for (const id of [ids.borough.service, second]) expect(afterTerm.byService.get(id)).not.toBe(afterLocation.byService.get(id));
  });

  it('are asked for the offer row given, each time', async () => {
    const ids = await twoOffers();
    const borough = await version.services(ids.borough.offer);
    const county = await version.services(ids.county.offer);
    expect([...borough.byService.keys()]).toEqual([ids.borough.service]);
    expect([...county.byService.keys()]).toEqual([ids.county.service]);
  });
});
