/**
 * The Document Service middleware's guards on reads, for each read action the Document Service has
 * (findMany, findFirst, findOne, count): who may read drafts, the language asked for read as a
 * BCP 47 tag, hidden addresses neither searched nor shown; and every write telling the offer view.
 * The plugin's real content-type schemas; Strapi's Document Service is the boundary, standing in
 * as the middleware's `next`. (Through REST and GraphQL against a real Strapi:
 * document-guards.test.ts, drafts.test.ts, hidden-addresses.test.ts.)
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import contentTypes from '../../../plugin/server/src/content-types';
import { registerDocumentMiddlewares } from '../../../plugin/server/src/documents/middlewares';
import { DRAFTS_ARE_PRIVATE } from '../../../plugin/server/src/documents/draft-access';
import { uidOf, type ContentTypeName } from '../../../plugin/server/src/uids';

type Middleware = (context: { uid: string; action: string; params: Record<string, any> }, next: () => Promise<unknown>) => Promise<unknown>;

const READ_ACTIONS = ['findMany', 'findFirst', 'findOne', 'count'] as const;
const OFFER = uidOf('offer');
const LOCATION = uidOf('location');

let middleware: Middleware;
/** The request being served: undefined for the server's own calls. */
let request: { state: { auth?: { strategy: { name: string } } } } | undefined;
let changed: ReturnType<typeof vi.fn>;
/** The stored draft an update changes. */
let current: Record<string, unknown>;
/** Rows stored before it (other documents, other states, other languages). */
let others: Array<Record<string, unknown>>;
/** What was written to the document's other languages (`updateMany`), in order with the save itself. */
let writes: unknown[];

beforeEach(() => {
  const models = new Map(
    Object.entries(contentTypes).map(([name, { schema }]) => [uidOf(name as ContentTypeName), { uid: uidOf(name as ContentTypeName), ...schema }]),
  );
  changed = vi.fn();
  current = {};
  others = [];
  writes = [];
  request = { state: {} };
  const strapi: any = {
    documents: { use: (fn: Middleware) => (middleware = fn) },
    requestContext: { get: () => request },
    getModel: (uid: string) => models.get(uid as never),
    // The query engine: the first stored row that has every value the where names (a row without
    // `publishedAt` or `locale` has null there); `$ne` for the document's other languages.
    db: {
      query: () => {
        const matches = (row: Record<string, unknown>, where: Record<string, any>) =>
          Object.entries(where).every(([field, value]) => (value?.$ne !== undefined ? row[field] !== value.$ne : (row[field] ?? null) === value));
        return {
          findOne: async ({ where }: { where: Record<string, unknown> }) => [...others, current].find((row) => matches(row, where)) ?? null,
          findMany: async ({ where }: { where: Record<string, unknown> }) => others.filter((row) => matches(row, where)),
          updateMany: async (update: unknown) => void writes.push(update),
        };
      },
    },
    plugin: (name: string) => {
      if (name === 'i18n') {
        return {
          service: (service: string) =>
            service === 'locales' && { find: async () => [{ code: 'en' }, { code: 'cy' }, { code: 'pl' }], getDefaultLocale: async () => 'en' },
        };
      }
      if (name === 'kinship-offer') return { service: (service: string) => service === 'offer-view' && { changed } };
      return undefined;
    },
  };
  (globalThis as any).strapi = strapi;
  registerDocumentMiddlewares(strapi);
});

/** The params the Document Service was handed, and what the caller got back, for one call. */
async function call(uid: string, action: string, params: Record<string, any> = {}, answer: unknown = null) {
  const handed: Array<Record<string, any>> = [];
  const result = await middleware({ uid, action, params }, async () => {
    writes.push('saved');
    handed.push(structuredClone(params));
    return answer;
  });
  return { handed: handed[0], result };
}

describe('each read action, for the public', () => {
  it.each(READ_ACTIONS)('%s reads published offers only, whatever status was asked for but draft', async (action) => {
    expect((await call(OFFER, action)).handed.status).toBe('published');
    expect((await call(OFFER, action, { status: 'published' })).handed.status).toBe('published');
  });

  it.each(READ_ACTIONS)('%s refuses drafts, saying how to read published content', async (action) => {
    await expect(call(OFFER, action, { status: 'draft' })).rejects.toThrow(DRAFTS_ARE_PRIVATE);
  });

  it.each(READ_ACTIONS)('%s refuses a search on a hidden address, and shows only its district', async (action) => {
    await expect(call(LOCATION, action, { filters: { postcode: { $startsWith: 'EB4 9' } } })).rejects.toThrow();
    const { result } = await call(LOCATION, action, {}, [{ name: 'Safe house', hideExactAddress: true, addressLine1: '1 Hidden Road', postcode: 'EB4 9ZZ' }]);
    expect(result).toEqual([expect.objectContaining({ addressLine1: null, postcode: 'EB4' })]);
  });

  it('leaves the status of content that has no drafts as asked', async () => {
    expect((await call(LOCATION, 'findMany')).handed.status).toBeUndefined();
  });

  it('reads a language as a BCP 47 tag, keeps "*", and refuses one the CMS does not publish in, naming those it does', async () => {
    expect((await call(OFFER, 'findMany', { locale: 'CY' })).handed.locale).toBe('cy');
    expect((await call(OFFER, 'findFirst', { locale: 'en-GB' })).handed.locale).toBe('en');
    expect((await call(OFFER, 'findMany', { locale: '*' })).handed.locale).toBe('*');
    await expect(call(OFFER, 'findMany', { locale: 'fr' })).rejects.toThrow('Unknown locale "fr": this CMS publishes in cy, en, pl');
    await expect(call(OFFER, 'findMany', { locale: 'fr' })).rejects.toMatchObject({ details: { param: 'locale' } });
    // Content that is not translated: the locale is not the middleware's to read.
    expect((await call(LOCATION, 'findMany', { locale: 'fr' })).handed.locale).toBe('fr');
  });

  it('leaves the app\'s own content types\' drafts to the app', async () => {
    expect((await call('api::article.article', 'findMany', { status: 'draft' })).handed.status).toBe('draft');
    // …and its languages: the app's own i18n reads them.
    expect((await call('api::article.article', 'findMany', { locale: 'fr' })).handed.locale).toBe('fr');
  });
});

describe('reads by editors, tokens and the server itself', () => {
  it.each(['admin', 'admin-token', 'content-api-token'])('may read drafts and exact addresses when signed in as %s', async (strategy) => {
    request = { state: { auth: { strategy: { name: strategy } } } };
    expect((await call(OFFER, 'findMany', { status: 'draft' })).handed.status).toBe('draft');
    const hidden = [{ hideExactAddress: true, addressLine1: '1 Hidden Road', postcode: 'EB4 9ZZ' }];
    expect((await call(LOCATION, 'findMany', {}, hidden)).result).toEqual(hidden);
  });

  it('may read drafts from inside the server (no request), but a website user may not', async () => {
    request = undefined;
    expect((await call(OFFER, 'count', { status: 'draft' })).handed.status).toBe('draft');
    request = { state: { auth: { strategy: { name: 'users-permissions' } } } };
    await expect(call(OFFER, 'count', { status: 'draft' })).rejects.toThrow(DRAFTS_ARE_PRIVATE);
  });
});

describe('writes', () => {
  it.each(['delete', 'publish', 'unpublish', 'discardDraft'])('%s tells the offer view, after the write; a read does not', async (action) => {
    await middleware({ uid: OFFER, action, params: { documentId: 'o1' } }, async () => {
      expect(changed).not.toHaveBeenCalled();
      return null;
    });
    expect(changed).toHaveBeenCalledTimes(1);
    await call(OFFER, 'findMany');
    expect(changed).toHaveBeenCalledTimes(1);
  });

  it('leave the app\'s own content alone', async () => {
    await call('api::article.article', 'delete', { documentId: 'a1' });
    expect(changed).not.toHaveBeenCalled();
  });
});

describe('saving', () => {
  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

  it.each(['create', 'clone'])('%s gives a new document its own identifier, whatever was sent', async (action) => {
    const { handed } = await call(uidOf('service'), action, { data: { title: 'Allowance advice', uuid: '11111111-1111-4111-8111-111111111111' } });
    expect(handed.data.uuid).toMatch(UUID);
    expect(handed.data.uuid).not.toBe('11111111-1111-4111-8111-111111111111');
    expect(changed).toHaveBeenCalledTimes(1);
  });

  it.each(['create', 'update'])('%s refuses what a rule refuses, before anything is written', async (action) => {
    current = { documentId: 'org1', website: 'https://example.org' };
    const written = vi.fn();
    const saving = middleware({ uid: uidOf('organisation'), action, params: { documentId: 'org1', data: { name: 'Example', website: 'javascript:alert(1)' } } }, written);
    await expect(saving).rejects.toMatchObject({ name: 'ValidationError', details: { errors: [expect.objectContaining({ path: ['website'] })] } });
    expect(written).not.toHaveBeenCalled();
    expect(changed).not.toHaveBeenCalled();
  });

  it('update keeps a service\'s identifier: another is refused, the same passes', async () => {
    current = { documentId: 's1', uuid: '11111111-1111-4111-8111-111111111111' };
    await expect(call(uidOf('service'), 'update', { documentId: 's1', data: { uuid: '22222222-2222-4222-8222-222222222222' } })).rejects.toMatchObject({
      message: 'The identifier is fixed once created: partner directories rely on it',
      details: { errors: [expect.objectContaining({ path: ['uuid'] })] },
    });
    expect((await call(uidOf('service'), 'update', { documentId: 's1', data: { uuid: '11111111-1111-4111-8111-111111111111', title: 'New title' } })).handed.data.title).toBe('New title');
  });

  it('update keeps a vocabulary\'s code: another is refused, the same or a first one passes', async () => {
    current = { documentId: 't1', code: 'financial_support' };
    await expect(call(uidOf('support-type'), 'update', { documentId: 't1', data: { code: 'money' } })).rejects.toMatchObject({
      message: 'Codes are fixed: change the label instead',
      details: { errors: [expect.objectContaining({ path: ['code'] })] },
    });
    expect((await call(uidOf('support-type'), 'update', { documentId: 't1', data: { code: 'financial_support', label: 'Money' } })).handed.data.label).toBe('Money');
    expect((await call(uidOf('support-type'), 'update', { documentId: 't1', data: { label: 'Money matters' } })).handed.data.label).toBe('Money matters');
    current = { documentId: 't1', code: null };
    expect((await call(uidOf('support-type'), 'update', { documentId: 't1', data: { code: 'money', label: 'Money' } })).handed.data.code).toBe('money');
  });

  it('stores a phone number in its standard grouping, on create and on update', async () => {
    expect((await call(uidOf('contact'), 'create', { data: { name: 'Duty desk', phone: '02079460000' } })).handed.data.phone).toBe('020 7946 0000');
    current = { documentId: 'c1', phone: '020 7946 0000' };
    expect((await call(uidOf('contact'), 'update', { documentId: 'c1', data: { phone: '+44 1632 960 001' } })).handed.data.phone).toBe('01632 960001');
  });

  it('checks an update against the draft of that document, not another document or its published version', async () => {
    // Another service first, then this one's published version: each would refuse the update if read instead.
    others = [
      { documentId: 's0', uuid: '00000000-0000-4000-8000-000000000000', minimumAge: 0, maximumAge: 25 },
      { documentId: 's1', uuid: '11111111-1111-4111-8111-111111111111', minimumAge: 0, maximumAge: 10, publishedAt: '2026-12-01T09:00:00.000Z' },
    ];
    current = { documentId: 's1', uuid: '11111111-1111-4111-8111-111111111111', minimumAge: 0, maximumAge: 18 };
    const { handed } = await call(uidOf('service'), 'update', { documentId: 's1', data: { uuid: '11111111-1111-4111-8111-111111111111', minimumAge: 16 } });
    expect(handed.data.minimumAge).toBe(16);
    await expect(call(uidOf('service'), 'update', { documentId: 's1', data: { minimumAge: 19 } })).rejects.toMatchObject({
      message: 'The maximum age must be the same as or more than the minimum age',
    });
  });

  it('checks an update of content without drafts against its one version', async () => {
    current = { documentId: 'org1', uuid: '33333333-3333-4333-8333-333333333333', publishedAt: '2026-12-01T09:00:00.000Z' };
    const { handed } = await call(uidOf('organisation'), 'update', { documentId: 'org1', data: { uuid: '33333333-3333-4333-8333-333333333333', name: 'Kinship Carers Example' } });
    expect(handed.data.name).toBe('Kinship Carers Example');
  });

  it('gives a content type without an identifier none', async () => {
    expect((await call(uidOf('you-said-we-did'), 'create', { data: { youSaid: 'More evening sessions' } })).handed.data).toEqual({ youSaid: 'More evening sessions' });
  });

  it('an address (slug) edited in one language is given to the drafts of the others, after the save', async () => {
    others = [{ documentId: 'o1', locale: 'en', slug: 'example-borough' }];
    current = { documentId: 'o1', locale: 'cy', slug: 'example-borough' };
    await call(OFFER, 'update', { documentId: 'o1', locale: 'cy', data: { slug: 'example-borough-council' } });
    expect(writes).toEqual(['saved', { where: { documentId: 'o1', locale: { $ne: 'cy' }, publishedAt: null }, data: { slug: 'example-borough-council' } }]);
    // A save that leaves the address as it is writes nothing to the other languages.
    writes = [];
    await call(OFFER, 'update', { documentId: 'o1', locale: 'cy', data: { slug: 'example-borough', name: 'Cyngor' } });
    expect(writes).toEqual(['saved']);
  });

  it.each(['delete', 'publish', 'unpublish'])('%s is not validated: what it carries is not saved', async (action) => {
    const params = { documentId: 'o1', data: { contactEmail: 'not an e-mail address' } };
    await expect(call(uidOf('offer'), 'update', structuredClone(params))).rejects.toMatchObject({ name: 'ValidationError' });
    await expect(call(uidOf('offer'), action, params)).resolves.toBeDefined();
  });
});
