/**
 * A document's identity across its languages (documents/languages): its `slug` (an offer's
 * address) and `uuid` (a service's id in the feed, reach and feedback) are the same in every
 * language, on save (`keepIdentity`, `spreadIdentity`) and when the CMS starts (`mendIdentities`);
 * and which words a translation has written (`isWritten`). The plugin's real content-type schemas;
 * the query engine stands in over rows a test sets. (Against a real Strapi: translations.test.ts.)
 */
import { beforeEach, describe, expect, it } from 'vitest';
import contentTypes from '../../../plugin/server/src/content-types';
import { identityFields, isWritten, keepIdentity, mendIdentities, spreadIdentity, translatedFields } from '../../../plugin/server/src/documents/languages';
import { uidOf, type ContentTypeName } from '../../../plugin/server/src/uids';

type Row = Record<string, any>;

const fail = (message: string): never => {
  throw new Error(message);
};

const OFFER = uidOf('offer');
const SERVICE = uidOf('service');
const UUID = '11111111-1111-4111-8111-111111111111';

let rows: Record<string, Row[]>;
let updates: Array<{ uid: string; where: Row; data: Row }>;
let strapi: any;

beforeEach(() => {
  rows = {};
  updates = [];
  const models = new Map(Object.entries(contentTypes).map(([name, { schema }]) => [uidOf(name as ContentTypeName), { uid: uidOf(name as ContentTypeName), ...schema }]));
  /** The query engine's where: each value equal (a missing one is null), or `$ne`; undefined refused, as knex refuses it. */
  const matches = (row: Row, where: Row = {}) =>
    Object.values(where).some((value) => value === undefined)
      ? fail('Undefined binding(s) detected when compiling SELECT')
      : Object.entries(where).every(([field, value]) => (value?.$ne !== undefined ? row[field] !== value.$ne : (row[field] ?? null) === value));
  const pick = (row: Row, select?: string[]) => (select ? Object.fromEntries(select.map((field) => [field, row[field] ?? null])) : { ...row });
  strapi = {
    getModel: (uid: string) => models.get(uid as never),
    db: {
      query: (uid: string) => ({
        findMany: async ({ where, select }: { where?: Row; select?: string[] }) => (rows[uid] ?? []).filter((row) => matches(row, where)).map((row) => pick(row, select)),
        findOne: async ({ where, select }: { where: Row; select?: string[] }) => {
          const found = (rows[uid] ?? []).find((row) => matches(row, where));
          return found ? pick(found, select) : null;
        },
        update: async ({ where, data }: { where: Row; data: Row }) => void updates.push({ uid, where, data }),
        updateMany: async ({ where, data }: { where: Row; data: Row }) => void updates.push({ uid, where, data }),
      }),
    },
    plugin: (name: string) => name === 'i18n' && { service: (service: string) => service === 'locales' && { getDefaultLocale: async () => 'en' } },
  };
});

describe('a document\'s identity', () => {
  it('is an offer\'s slug and a service\'s uuid; content that is not translated has none to keep', () => {
    expect(identityFields(strapi.getModel(OFFER))).toEqual(['slug']);
    expect(identityFields(strapi.getModel(SERVICE))).toEqual(['uuid']);
    expect(identityFields(strapi.getModel(uidOf('location')))).toEqual([]);
  });

  it('is none of the fields a council translates, which are a service\'s words only', () => {
    expect(translatedFields(strapi.getModel(SERVICE))).toEqual(['title', 'summary', 'description', 'eligibility', 'howToAccess', 'costDescription', 'openingTimes', 'alert']);
  });
});

describe('saving one language (keepIdentity)', () => {
  it('a new language takes the document\'s, the default language\'s first, whatever the request said', async () => {
    rows[OFFER] = [
      { id: 2, documentId: 'o1', locale: 'pl', slug: 'example-borough-pl' },
      { id: 1, documentId: 'o1', locale: 'en', slug: 'example-borough' },
    ];
    const params: Row = { documentId: 'o1', locale: 'cy', data: { name: 'Cyngor', slug: 'cyngor' } };
    expect(await keepIdentity(strapi, OFFER, params)).toBeNull();
    expect(params.data).toEqual({ name: 'Cyngor', slug: 'example-borough' });
  });

  it('is another language\'s where the default language has none', async () => {
    rows[SERVICE] = [
      { id: 1, documentId: 's1', locale: 'en', uuid: null },
      { id: 2, documentId: 's1', locale: 'cy', uuid: UUID },
    ];
    const params: Row = { documentId: 's1', locale: 'pl', data: { title: 'Porady' } };
    expect(await keepIdentity(strapi, SERVICE, params)).toBeNull();
    expect(params.data).toEqual({ title: 'Porady', uuid: UUID });
  });

  it('a save that does not name it takes the document\'s; one without data gets it too', async () => {
    rows[OFFER] = [{ id: 1, documentId: 'o1', locale: 'en', slug: 'example-borough' }, { id: 2, documentId: 'o1', locale: 'cy', slug: 'example-borough' }];
    const params: Row = { documentId: 'o1', locale: 'cy' };
    expect(await keepIdentity(strapi, OFFER, params)).toBeNull();
    expect(params.data).toEqual({ slug: 'example-borough' });
  });

  it('an offer\'s address edited in a language it has is the change to give every language', async () => {
    rows[OFFER] = [{ id: 1, documentId: 'o1', locale: 'en', slug: 'example-borough' }, { id: 2, documentId: 'o1', locale: 'cy', slug: 'example-borough' }];
    const params: Row = { documentId: 'o1', locale: 'cy', data: { slug: 'example-borough-council' } };
    expect(await keepIdentity(strapi, OFFER, params)).toEqual({ slug: 'example-borough-council' });
    expect(params.data.slug).toBe('example-borough-council');
    // The same address: no change.
    expect(await keepIdentity(strapi, OFFER, { documentId: 'o1', locale: 'cy', data: { slug: 'example-borough' } })).toBeNull();
  });

  it('a service\'s uuid is never edited: every save takes the document\'s', async () => {
    rows[SERVICE] = [{ id: 1, documentId: 's1', locale: 'en', uuid: UUID }, { id: 2, documentId: 's1', locale: 'cy', uuid: UUID }];
    const params: Row = { documentId: 's1', locale: 'cy', data: { uuid: '22222222-2222-4222-8222-222222222222' } };
    expect(await keepIdentity(strapi, SERVICE, params)).toBeNull();
    expect(params.data.uuid).toBe(UUID);
  });

  it('leaves alone a document with no other language, a language no other has an identity for, and a save without a document or a language', async () => {
    rows[OFFER] = [{ id: 1, documentId: 'o1', locale: 'en', slug: 'example-borough' }];
    const only: Row = { documentId: 'o1', locale: 'en', data: { slug: 'renamed' } };
    expect(await keepIdentity(strapi, OFFER, only)).toBeNull();
    expect(only.data).toEqual({ slug: 'renamed' });
    rows[SERVICE] = [{ id: 1, documentId: 's1', locale: 'en', uuid: null }];
    const unnamed: Row = { documentId: 's1', locale: 'cy', data: { uuid: UUID } };
    expect(await keepIdentity(strapi, SERVICE, unnamed)).toBeNull();
    expect(unnamed.data).toEqual({ uuid: UUID });
    for (const params of [{ locale: 'cy', data: { slug: 'x' } }, { documentId: 'o1', data: { slug: 'x' } }]) {
      expect(await keepIdentity(strapi, OFFER, params)).toBeNull();
      expect(params.data).toEqual({ slug: 'x' });
    }
    expect(await keepIdentity(strapi, uidOf('location'), { documentId: 'l1', locale: 'en', data: { name: 'Hub' } })).toBeNull();
  });

  it('then gives the change to the document\'s other languages in the same state, drafts', async () => {
    await spreadIdentity(strapi, OFFER, { documentId: 'o1', locale: 'cy' }, { slug: 'example-borough-council' });
    expect(updates).toEqual([{ uid: OFFER, where: { documentId: 'o1', locale: { $ne: 'cy' }, publishedAt: null }, data: { slug: 'example-borough-council' } }]);
  });
});

describe('when the CMS starts (mendIdentities)', () => {
  it('gives every row the document\'s identity (the default language\'s, else any), a new uuid where none has one, and counts the rows mended', async () => {
    rows[OFFER] = [
      { id: 1, documentId: 'o1', locale: 'cy', slug: 'cyngor' },
      { id: 2, documentId: 'o1', locale: 'en', slug: 'example-borough' },
      { id: 3, documentId: 'o2', locale: 'en', slug: 'another' },
    ];
    rows[SERVICE] = [
      { id: 10, documentId: 's1', locale: 'en', uuid: null },
      { id: 11, documentId: 's1', locale: 'cy', uuid: UUID },
      { id: 12, documentId: 's2', locale: 'en', uuid: null },
      { id: 13, documentId: 's2', locale: 'cy', uuid: null },
    ];
    expect(await mendIdentities(strapi)).toBe(4);
    const byRow = Object.fromEntries(updates.map(({ uid, where, data }) => [`${uid.split('.').pop()}#${where.id}`, data]));
    expect(Object.keys(byRow).sort()).toEqual(['offer#1', 'service#10', 'service#12', 'service#13']);
    expect(byRow['offer#1']).toEqual({ slug: 'example-borough' });
    expect(byRow['service#10']).toEqual({ uuid: UUID });
    expect(byRow['service#12'].uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(byRow['service#13']).toEqual(byRow['service#12']);
  });

  it('writes nothing when every row has its document\'s identity', async () => {
    rows[OFFER] = [{ id: 1, documentId: 'o1', locale: 'en', slug: 'example-borough' }, { id: 2, documentId: 'o1', locale: 'cy', slug: 'example-borough' }];
    rows[SERVICE] = [{ id: 10, documentId: 's1', locale: 'en', uuid: UUID }];
    expect(await mendIdentities(strapi)).toBe(0);
    expect(updates).toEqual([]);
  });

  it('leaves a slug no language has as it is (an offer always has one)', async () => {
    rows[OFFER] = [{ id: 1, documentId: 'o1', locale: 'en', slug: null }, { id: 2, documentId: 'o1', locale: 'cy', slug: null }];
    expect(await mendIdentities(strapi)).toBe(0);
  });
});

describe('a translation\'s words (isWritten)', () => {
  it('are text, a list or words per arrangement with something in them; nothing, empty text, an empty list or all-empty words are not', () => {
    for (const written of ['Cyngor', 0, ['Llun 9-5'], { special_guardianship_order: 'Gorchymyn' }, { a: '', b: ['x'] }]) expect(isWritten(written), JSON.stringify(written)).toBe(true);
    for (const empty of [null, undefined, '', [], {}, { a: '', b: [] }, { a: { b: null } }]) expect(isWritten(empty), JSON.stringify(empty)).toBe(false);
  });
});
