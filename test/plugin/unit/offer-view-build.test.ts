/**
 * How the offer view is built and rebuilt (offer-view/service `build`): what is published, in
 * which language, with which words; which services a rebuild reads again; the vocabulary's terms
 * in the view's language; hidden addresses. The content version (./content-version, a seam of
 * the service) stands in with versions a test sets; the Document Service and the query engine
 * stand in as Strapi's: drafts unless `status: 'published'`, the default locale unless another
 * is named. (Against a real Strapi: kinship-offer-query.test.ts, translations.test.ts,
 * offer-view-rebuild.test.ts.)
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import contentTypes from '../../../plugin/server/src/content-types';
import offerViewService from '../../../plugin/server/src/offer-view/service';
import { uidOf, type ContentTypeName } from '../../../plugin/server/src/uids';

const versions = vi.hoisted(() => ({ current: 'v1', byService: new Map<number, string>(), vocabularies: 'terms-1' }));
vi.mock('../../../plugin/server/src/offer-view/content-version', () => ({
  databaseContentVersion: () => ({
    current: async () => versions.current,
    services: async () => ({ byService: new Map(versions.byService), vocabularies: versions.vocabularies }),
    changed: () => {},
  }),
}));

type Row = Record<string, any> & { id: number; documentId: string; locale: string; publishedAt: string | null };

let rows: Record<string, Row[]>;
/** Each Document Service read: the type, and the row ids (or documents) it filtered by. */
let reads: Array<{ name: string; ids?: number[]; documents?: string[]; locale?: string }>;
let vocabularyReads: string[];
let view: ReturnType<typeof offerViewService>;
let defaultLocale: string;
/** Run and awaited by the next read of an offer, when a test sets it (a read still under way, an edit meanwhile). */
let offerRead: (() => Promise<void> | void) | undefined;

const PUBLISHED = '2026-12-01T09:00:00.000Z';
const TERMS = {
  en: [{ id: 1, code: 'financial_support', label: 'Financial support', locale: 'en' }],
  cy: [{ id: 2, code: 'financial_support', label: 'Cymorth ariannol', locale: 'cy' }],
};
const ARRANGEMENTS = {
  en: [{ id: 3, code: 'special_guardianship_order', label: 'Special guardianship order', locale: 'en' }],
  cy: [{ id: 4, code: 'special_guardianship_order', label: 'Gorchymyn gwarcheidiaeth arbennig', locale: 'cy' }],
};
/** The relations a row holds: Strapi returns one only when the read populates it. */
const RELATIONS = ['services', 'youSaidWeDid', 'supportTypes', 'arrangementTypes', 'locations'];

/** An offer in English (published) with two services, Welsh words for the offer and one service. */
function seed() {
  rows = {
    offer: [
      { id: 10, documentId: 'o1', slug: 'example-borough', locale: 'en', name: 'Example Borough Council', publishedAt: PUBLISHED, services: [{ id: 100 }, { id: 200 }], youSaidWeDid: [{ id: 7, documentId: 'y1', locale: 'en', youSaid: 'More evening sessions', weDid: 'Added Thursdays' }] },
      { id: 11, documentId: 'o1', slug: 'example-borough', locale: 'cy', name: 'Cyngor Bwrdeistref Enghreifftiol', publishedAt: PUBLISHED, services: [] },
      { id: 12, documentId: 'o1', slug: 'example-borough', locale: 'pl', name: 'Rada (szkic)', publishedAt: null, services: [] },
      { id: 20, documentId: 'o2', slug: 'welsh-only', locale: 'cy', name: 'Cyngor Cymraeg yn unig', publishedAt: PUBLISHED, services: [] },
      { id: 21, documentId: 'o3', slug: 'draft-only', locale: 'en', name: 'Not yet', publishedAt: null, services: [] },
    ],
    service: [
      { id: 100, documentId: 's1', locale: 'en', title: 'Allowance advice', summary: 'Help with money', publishedAt: PUBLISHED, supportTypes: [{ id: 1 }], arrangementTypes: [{ id: 3 }], locations: [{ id: 5, hideExactAddress: true, addressLine1: '1 Hidden Road', postcode: 'EB4 9ZZ' }] },
      { id: 101, documentId: 's1', locale: 'en', title: 'Allowance advice (draft)', summary: 'Draft', publishedAt: null, supportTypes: [], locations: [] },
      { id: 200, documentId: 's2', locale: 'en', title: 'Peer support', summary: 'Meet other carers', publishedAt: PUBLISHED, supportTypes: [], locations: [], provider: null },
      { id: 300, documentId: 's1', locale: 'cy', title: 'Cyngor lwfans', summary: '', publishedAt: PUBLISHED, updatedAt: '2026-12-02T10:00:00.000Z' },
      { id: 400, documentId: 's2', locale: 'cy', title: 'Cymorth cyfoedion (drafft)', summary: 'Drafft', publishedAt: null },
    ],
    'you-said-we-did': [{ id: 8, documentId: 'y1', locale: 'cy', youSaid: 'Mwy o sesiynau gyda\'r nos', weDid: '', publishedAt: PUBLISHED }],
  };
}

/** Strapi's Document Service: drafts unless asked for published, the default locale unless another. */
const stored = (name: string, { locale, status, populate }: { locale?: string; status?: string; populate?: Record<string, unknown> }) =>
  (rows[name] ?? [])
    .filter((row) => row.locale === (locale ?? defaultLocale) && (status === 'published' ? row.publishedAt !== null : row.publishedAt === null))
    .map((row) => Object.fromEntries(Object.entries(row).filter(([field]) => !RELATIONS.includes(field) || populate?.[field])) as Row);

beforeEach(() => {
  seed();
  reads = [];
  vocabularyReads = [];
  defaultLocale = 'en';
  offerRead = undefined;
  versions.current = 'v1';
  versions.byService = new Map([
    [100, 's1-1'],
    [200, 's2-1'],
  ]);
  versions.vocabularies = 'terms-1';
  const models = new Map(Object.entries(contentTypes).map(([name, { schema }]) => [uidOf(name as ContentTypeName), { uid: uidOf(name as ContentTypeName), ...schema }]));
  const nameOfUid = (uid: string) => uid.split('.').pop()!;
  const strapi: any = {
    getModel: (uid: string) => models.get(uid as never),
    documents: (uid: string) => ({
      findFirst: async ({ filters, ...params }: any) => {
        const meanwhile = offerRead;
        offerRead = undefined;
        await meanwhile?.();
        return structuredClone(stored(nameOfUid(uid), params).find((row) => row.slug === filters.slug) ?? null);
      },
      findMany: async ({ filters, ...params }: any) => {
        const name = nameOfUid(uid);
        const ids: number[] | undefined = filters.id?.$in;
        const documents: string[] | undefined = filters.documentId?.$in;
        reads.push({ name, ...(ids ? { ids } : {}), ...(documents ? { documents } : {}), locale: params.locale });
        const found = stored(name, params).filter((row) => (ids ? ids.includes(row.id) : documents!.includes(row.documentId)));
        // `fields` (a translation's words): only those, as Strapi selects them.
        return structuredClone(params.fields ? found.map((row) => Object.fromEntries(params.fields.filter((field: string) => field in row).map((field: string) => [field, row[field]]))) : found);
      },
    }),
    db: {
      query: (uid: string) => ({
        findMany: async ({ where, select }: any) => {
          if (nameOfUid(uid) === 'offer') {
            // The query engine: every row, drafts too, unless the where says otherwise.
            const found = rows.offer.filter((row) => row.slug === where.slug && (where.publishedAt?.$notNull !== true || row.publishedAt !== null));
            return found.map((row) => (select ? Object.fromEntries(select.map((field: string) => [field, row[field]])) : row));
          }
          const all = nameOfUid(uid) === 'support-type' ? [...TERMS.en, ...TERMS.cy] : [...ARRANGEMENTS.en, ...ARRANGEMENTS.cy];
          return all.filter((term) => where.id.$in.includes(term.id));
        },
      }),
    },
    plugin: (name: string) => {
      if (name === 'i18n') return { service: (service: string) => service === 'locales' && { getDefaultLocale: async () => defaultLocale } };
      if (name === 'kinship-offer') {
        return {
          service: (service: string) =>
            service === 'vocabularies' && {
              inLocale: async (locale: string) => {
                vocabularyReads.push(locale);
                return { supportTypes: structuredClone(locale === 'cy' ? TERMS.cy : TERMS.en), arrangementTypes: structuredClone(locale === 'cy' ? ARRANGEMENTS.cy : ARRANGEMENTS.en) };
              },
            },
        };
      }
      return undefined;
    },
  };
  (globalThis as any).strapi = strapi;
  view = offerViewService({ strapi });
});

/** A new content version, as an edit makes: the next find builds again from the last build. */
const edited = () => (versions.current = `v${Number(versions.current.slice(1)) + 1}`);
const serviceReads = () => reads.filter((read) => read.name === 'service' && read.ids).map((read) => read.ids);

describe('what a view holds', () => {
  it('the published offer in the default language, its services whole, its languages named in themselves (published ones only)', async () => {
    const offer: any = await view.find('example-borough');
    expect(offer).toMatchObject({ name: 'Example Borough Council', locale: 'en' });
    expect(offer.services.map((service: any) => service.title)).toEqual(['Allowance advice', 'Peer support']);
    expect(offer.languages).toEqual([
      { code: 'cy', name: 'Cymraeg' },
      { code: 'en', name: 'English' },
    ]);
  });

  it('nothing for an offer with no published version', async () => {
    expect(await view.find('draft-only')).toBeNull();
    expect(await view.find('no-such-offer')).toBeNull();
  });

  it('a translation\'s words over the default version; an untranslated or draft-only service, and an empty word, in the default language', async () => {
    const offer: any = await view.find('example-borough', 'cy');
    expect(offer).toMatchObject({ name: 'Cyngor Bwrdeistref Enghreifftiol', locale: 'cy' });
    const [allowance, peer] = offer.services;
    expect(allowance).toMatchObject({ title: 'Cyngor lwfans', summary: 'Help with money', locale: 'cy', updatedAt: '2026-12-02T10:00:00.000Z' });
    expect(peer).toMatchObject({ title: 'Peer support', summary: 'Meet other carers', locale: 'en' });
    expect(offer.youSaidWeDid).toEqual([expect.objectContaining({ youSaid: 'Mwy o sesiynau gyda\'r nos', weDid: 'Added Thursdays', locale: 'cy' })]);
  });

  it('nothing for an offer unpublished between reading its languages and reading it', async () => {
    offerRead = () => {
      for (const row of rows.offer) row.publishedAt = null;
    };
    expect(await view.find('example-borough')).toBeNull();
  });

  it('an offer published only in another language is read as it is', async () => {
    expect(await view.find('welsh-only')).toMatchObject({ name: 'Cyngor Cymraeg yn unig', locale: 'cy', languages: [{ code: 'cy', name: 'Cymraeg' }] });
  });

  it('reads no translations for a view in the default language', async () => {
    await view.find('example-borough', 'en');
    expect(reads.filter((read) => read.documents)).toEqual([]);
  });

  it('a service\'s terms as the view\'s vocabulary has them (Welsh labels in a Welsh view), under the id linked', async () => {
    const welsh = (await view.find('example-borough', 'cy'))!.services[0];
    expect(welsh.supportTypes).toEqual([{ id: 1, code: 'financial_support', label: 'Cymorth ariannol', locale: 'cy' }]);
    expect(welsh.arrangementTypes).toEqual([{ id: 3, code: 'special_guardianship_order', label: 'Gorchymyn gwarcheidiaeth arbennig', locale: 'cy' }]);
    expect((await view.find('example-borough', 'cy'))!.vocabulary.supportTypes).toEqual(TERMS.cy);
    expect((await view.find('example-borough'))!.services[0].supportTypes).toEqual([TERMS.en[0]]);
  });

  it('a hidden location\'s district only, and the offer each service is shown in', async () => {
    const offer: any = await view.find('example-borough', 'cy');
    expect(offer.services[0].locations[0]).toMatchObject({ addressLine1: null, postcode: 'EB4' });
    expect(view.offerOf(offer.services[1])).toEqual({ slug: 'example-borough', locale: 'cy' });
    expect(view.offerOf({})).toBeUndefined();
  });
});

describe('a rebuild after an edit', () => {
  it('reads again only the services whose version moved', async () => {
    await view.find('example-borough');
    expect(serviceReads()).toEqual([[100, 200]]);
    edited();
    versions.byService.set(200, 's2-2');
    rows.service.find((row) => row.id === 200)!.title = 'Peer support groups';
    const offer: any = await view.find('example-borough');
    expect(serviceReads()).toEqual([[100, 200], [200]]);
    expect(offer.services.map((service: any) => service.title)).toEqual(['Allowance advice', 'Peer support groups']);
  });

  it('reads a service with no version yet every time (republished: a new row id), and none when nothing moved', async () => {
    rows.offer[0].services.push({ id: 500 });
    rows.service.push({ id: 500, documentId: 's5', locale: 'en', title: 'Training', publishedAt: PUBLISHED, supportTypes: [], locations: [] });
    await view.find('example-borough');
    edited();
    expect((await view.find('example-borough'))!.services.map((service: any) => service.title)).toEqual(['Allowance advice', 'Peer support', 'Training']);
    expect(serviceReads()).toEqual([[100, 200, 500], [500]]);
  });

  it('leaves out a service the offer no longer lists, or one no longer published', async () => {
    await view.find('example-borough');
    edited();
    rows.offer[0].services = [{ id: 200 }];
    expect((await view.find('example-borough'))!.services.map((service: any) => service.title)).toEqual(['Peer support']);
    edited();
    versions.byService.set(200, 's2-2');
    rows.service.find((row) => row.id === 200)!.publishedAt = null;
    expect((await view.find('example-borough'))!.services).toEqual([]);
  });

  it('reads every service again after the last build failed', async () => {
    await view.find('example-borough');
    edited();
    const failing = rows.offer;
    rows = { ...rows, offer: null as never };
    await expect(view.find('example-borough')).rejects.toThrow();
    rows = { ...rows, offer: failing };
    edited();
    await view.find('example-borough');
    expect(serviceReads()).toEqual([[100, 200], [100, 200]]);
  });

  it('started while the last one is failing, reads everything again and does not fail with it', async () => {
    await view.find('example-borough');
    edited();
    let fail!: (error: Error) => void;
    const stillReading = new Promise<void>((_resolve, reject) => (fail = reject));
    offerRead = () => stillReading;
    const failing = view.find('example-borough');
    await vi.waitFor(() => expect(offerRead).toBeUndefined());
    edited();
    const next = view.find('example-borough');
    fail(new Error('database unavailable'));
    await expect(failing).rejects.toThrow('database unavailable');
    expect((await next)!.services.map((service: any) => service.title)).toEqual(['Allowance advice', 'Peer support']);
    expect(serviceReads()).toEqual([[100, 200], [100, 200]]);
  });

  it('keeps the vocabulary while its version, the language and the default language hold', async () => {
    await view.find('example-borough', 'cy');
    edited();
    await view.find('example-borough', 'cy');
    expect(vocabularyReads).toEqual(['cy']);
    edited();
    versions.vocabularies = 'terms-2';
    await view.find('example-borough', 'cy');
    expect(vocabularyReads).toEqual(['cy', 'cy']);
    edited();
    defaultLocale = 'cy';
    await view.find('example-borough', 'cy');
    expect(vocabularyReads).toEqual(['cy', 'cy', 'cy']);
  });

  it('reads the vocabulary again when the view\'s language changes under the same key (a translation published since)', async () => {
    rows.offer[1].publishedAt = null;
    expect((await view.find('example-borough', 'cy'))!.locale).toBe('en');
    edited();
    rows.offer[1].publishedAt = PUBLISHED;
    expect((await view.find('example-borough', 'cy'))!.vocabulary.supportTypes).toEqual(TERMS.cy);
    expect(vocabularyReads).toEqual(['en', 'cy']);
  });
});
