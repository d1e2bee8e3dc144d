/**
 * The offer view's cache: each part of its key (the slug, the locale asked for) matters, a view is
 * built once per content version, and a change shows once the version does: at once after a write
 * through this instance (`changed()`), after the version's second otherwise. No waiting: the
 * clock is vitest's.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import offerViewService from '../../../plugin/server/src/offer-view/service';
import { fakeStrapi, type FakeOffer } from './support/fake-strapi';

const OFFERS: FakeOffer[] = [
  { slug: 'example-borough', locale: 'en', name: 'Example Borough Council' },
  { slug: 'example-borough', locale: 'cy', name: 'Cyngor Bwrdeistref Enghreifftiol' },
  { slug: 'another', locale: 'en', name: 'Another Council' },
  { slug: 'a', locale: 'en', name: 'A' },
  { slug: 'ab', locale: 'en', name: 'AB' },
];

let db: ReturnType<typeof fakeStrapi>;
let view: ReturnType<typeof offerViewService>;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-30T09:00:00Z'));
  db = fakeStrapi({ offers: OFFERS.map((offer) => ({ ...offer })) });
  db.install();
  view = offerViewService({ strapi: db.strapi });
});
afterEach(() => vi.useRealTimers());

const nameOf = async (slug: string, locale?: string) => (await view.find(slug, locale))?.name;

describe('the offer view cache key', () => {
  it('has the slug: each offer gets its own view', async () => {
    expect(await nameOf('example-borough')).toBe('Example Borough Council');
    expect(await nameOf('another')).toBe('Another Council');
    expect(await nameOf('no-such-offer')).toBeUndefined();
  });

  it('has the locale asked for: each language gets its own view', async () => {
    expect(await nameOf('example-borough', 'cy')).toBe('Cyngor Bwrdeistref Enghreifftiol');
    expect(await nameOf('example-borough', 'en')).toBe('Example Borough Council');
    expect(await nameOf('example-borough')).toBe('Example Borough Council');
    expect(await nameOf('example-borough', 'cy-GB')).toBe('Cyngor Bwrdeistref Enghreifftiol');
  });

  it('keeps slug and locale apart ("a" in "b-en" is not "ab" in "en")', async () => {
    expect(await nameOf('ab', 'en')).toBe('AB');
    expect(await nameOf('a', 'ben')).toBe('A');
  });

  it('reads the locale without regard to case: EN and en are one view, built once', async () => {
    await view.find('example-borough', 'EN');
    await view.find('example-borough', 'en');
    expect(db.offerLoads).toHaveBeenCalledTimes(1);
  });
});

describe('building a view', () => {
  it('happens once per content version, however many readers ask', async () => {
    await Promise.all([view.find('example-borough'), view.find('example-borough'), view.find('example-borough')]);
    await view.find('example-borough');
    expect(db.offerLoads).toHaveBeenCalledTimes(1);
  });

  it('happens again at once after a write through this instance (changed)', async () => {
    expect(await nameOf('another')).toBe('Another Council');
    db.offers.find((o) => o.slug === 'another')!.name = 'Another Borough Council';
    db.table('offer').updated = Date.now();
    expect(await nameOf('another')).toBe('Another Council');
    view.changed();
    expect(await nameOf('another')).toBe('Another Borough Council');
  });

  it('happens again after a write by another instance, once the version is older than its second', async () => {
    expect(await nameOf('another')).toBe('Another Council');
    db.offers.find((o) => o.slug === 'another')!.name = 'Another Borough Council';
    db.table('service').updated = Date.now();
    vi.setSystemTime(Date.now() + 1_000);
    expect(await nameOf('another')).toBe('Another Council');
    vi.setSystemTime(Date.now() + 1);
    expect(await nameOf('another')).toBe('Another Borough Council');
  });

  it('is tried again after it failed, not served as a failure', async () => {
    db.offerLoads.mockRejectedValueOnce(new Error('database unavailable'));
    await expect(view.find('another')).rejects.toThrow('database unavailable');
    expect(await nameOf('another')).toBe('Another Council');
  });

  it('gives the view its vocabulary in its own locale', async () => {
    expect((await view.find('example-borough', 'cy'))?.vocabulary).toMatchObject({ locale: 'cy' });
  });

  it('exposes the content version the HTTP cache stamps responses with', async () => {
    const version = await view.contentVersion();
    expect(version).toMatch(/offer:/);
    db.table('location').rows = 2;
    view.changed();
    expect(await view.contentVersion()).not.toBe(version);
  });
});

