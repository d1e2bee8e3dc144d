/**
 * The content version, on which every cached view and response depends: it changes with any row,
 * update or publish in any table a reader sees, or in the public role's permissions; it is asked
 * of the database at most once a second, and at once after a write through this instance. The
 * clock is vitest's, so nothing here waits.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { databaseContentVersion } from '../../../plugin/server/src/offer-view/content-version';
import { VIEW_TYPES } from '../../../plugin/server/src/offer-view/shape';
import { fakeStrapi } from './support/fake-strapi';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-30T09:00:00Z'));
});
afterEach(() => vi.useRealTimers());
const advance = (ms: number) => vi.setSystemTime(Date.now() + ms);

describe('the content version', () => {
  it('is asked of the database once a second at most, and again after exactly more than a second', async () => {
    const db = fakeStrapi();
    const version = databaseContentVersion(db.strapi);
    const first = await version.current();
    db.table('service').updated = 1;
    advance(1_000); // the documented second, written out: a longer one would show edits later
    expect(await version.current()).toBe(first);
    expect(db.versionQueries).toHaveBeenCalledTimes(1);
    advance(1);
    expect(await version.current()).not.toBe(first);
    expect(db.versionQueries).toHaveBeenCalledTimes(2);
  });

  it('asks again at once after changed(), so a write through this instance shows at once', async () => {
    const db = fakeStrapi();
    const version = databaseContentVersion(db.strapi);
    const before = await version.current();
    db.table('offer').published = Date.parse('2026-11-30T09:00:00Z');
    expect(await version.current()).toBe(before);
    version.changed();
    expect(await version.current()).not.toBe(before);
    expect(db.versionQueries).toHaveBeenCalledTimes(2);
  });

  it('stays the same while nothing changed, however often it is asked', async () => {
    const db = fakeStrapi();
    const version = databaseContentVersion(db.strapi);
    const first = await version.current();
    version.changed();
    advance(5_000);
    expect(await version.current()).toBe(first);
  });

  const TABLES = [...Object.keys(VIEW_TYPES).map((name) => name.replace(/-/g, '_')), 'permission'];

  it.each(TABLES.flatMap((table) => (['rows', 'updated', 'published'] as const).map((part) => [table, part] as const)))(
    'changes with the %s table\'s %s',
    async (table, part) => {
      const db = fakeStrapi();
      const version = databaseContentVersion(db.strapi);
      const before = await version.current();
      db.table(table)[part] = 12_345;
      version.changed();
      expect(await version.current()).not.toBe(before);
    },
  );

  it('does not count readers\' feedback, which no reader sees', async () => {
    const db = fakeStrapi();
    const version = databaseContentVersion(db.strapi);
    const before = await version.current();
    db.table('feedback').rows = 1_000;
    version.changed();
    expect(await version.current()).toBe(before);
  });

  it('counts the permissions table only where users-permissions is installed', async () => {
    const db = fakeStrapi({ usersPermissions: false });
    await databaseContentVersion(db.strapi).current();
    expect([...db.tables.keys()].sort()).toEqual([...TABLES.filter((table) => table !== 'permission'), 'core_store'].sort());
  });

  it('reads a table with no rows yet (no last update) as a version too', async () => {
    const db = fakeStrapi();
    db.table('contact').updated = null;
    db.table('contact').published = null;
    db.table('contact').rows = 0;
    const version = await databaseContentVersion(db.strapi).current();
    expect(version).toContain('contact:0:0:0:0');
    expect(version.split('|')).toEqual([...version.split('|')].sort());
  });

  it('does not keep a failed answer: the next request asks again', async () => {
    const db = fakeStrapi();
    const version = databaseContentVersion(db.strapi);
    db.failNextVersionQuery();
    await expect(version.current()).rejects.toThrow('database unavailable');
    expect(await version.current()).toMatch(/offer:/);
    expect(db.versionQueries).toHaveBeenCalledTimes(2);
  });
});

describe('the content version of one offer', () => {
  it('is one query over the paths from that offer\'s published rows to every type its view shows', async () => {
    const db = fakeStrapi();
    await databaseContentVersion(db.strapi).current('example-borough');
    expect(db.versionQueries).toHaveBeenCalledTimes(1);
    expect(new Set(db.slugs)).toEqual(new Set(['example-borough']));
    // Each path ends at a type the view shows; the vocabularies and permissions are counted whole,
    // and the default locale (in the core store) read.
    const reached = new Set(db.joins.map((joined) => joined.at(-1) ?? 'whole'));
    const viewTables = Object.keys(VIEW_TYPES).map((name) => name.replace(/-/g, '_'));
    for (const table of viewTables.filter((table) => !table.endsWith('_type'))) expect(reached.has(table) || table === 'offer').toBe(true);
    expect([...db.tables.keys()].sort()).toEqual([...viewTables, 'permission', 'core_store'].sort());
    // Through the provider to its organisation, and from a contact to its organisation.
    expect(db.joins.some((joined) => joined.join('>') === 'offer_services_lnk>service>service_contacts_lnk>contact>contact_organisation_lnk>organisation')).toBe(true);
  });

  it('is held per offer: each offer is asked once a second, apart from the others', async () => {
    const db = fakeStrapi();
    const version = databaseContentVersion(db.strapi);
    await version.current('a');
    await version.current('b');
    await version.current('a');
    expect(db.versionQueries).toHaveBeenCalledTimes(2);
    version.changed();
    await version.current('b');
    expect(db.versionQueries).toHaveBeenCalledTimes(3);
  });

  it.each(['service', 'location', 'contact', 'organisation', 'support_type', 'arrangement_type', 'you_said_we_did', 'permission'])(
    'changes with the %s rows it reaches',
    async (table) => {
      const db = fakeStrapi();
      const version = databaseContentVersion(db.strapi);
      const before = await version.current('a');
      db.table(table).updated = 12_345;
      version.changed();
      expect(await version.current('a')).not.toBe(before);
    },
  );

  it('does not count readers\' feedback', async () => {
    const db = fakeStrapi();
    const version = databaseContentVersion(db.strapi);
    const before = await version.current('a');
    db.table('feedback').rows = 1_000;
    version.changed();
    expect(await version.current('a')).toBe(before);
  });
});
