/**
 * The feed's `last_modified` (plugin/server/src/oruk/last-modified), kept in a real SQLite through
 * knex as Strapi's connection is: the rows' own time at a feed's first build, the time kept while
 * what a directory is shown of a service does not move, now when it moves or first appears, per
 * feed, whatever host the feed was asked through, and the first writer's time on every instance.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { ensureFeedModifiedTable, EVERY_OFFER, FEED_MODIFIED_TABLE, stampLastModified } from '../../../plugin/server/src/oruk/last-modified';
import type { OrukService } from '../../../plugin/server/src/oruk/map';
import { sqliteDatabases } from './support/sqlite';

const connect = sqliteDatabases();
const BASE = 'https://cms.example-borough.gov.uk/api/kinship-offer/oruk';
const OTHER_HOST = 'http://localhost:1337/api/kinship-offer/oruk';
const ROW_TIME = '2026-10-01T10:00:00.000Z';
const NOW = Date.parse('2026-12-07T12:00:00.000Z');
const LATER = NOW + 3_600_000;

/** A service as the feed shows it, its links under `base`. */
const shown = (id: string, name: string, base = BASE, last_modified = ROW_TIME): OrukService =>
  ({
    id,
    organization_id: '55555555-5555-4555-8555-555555555555',
    name,
    description: name,
    status: 'active',
    last_modified,
    organization: { id: '55555555-5555-4555-8555-555555555555', name: 'Example Borough Council', description: 'Publisher' },
    attributes: [{ id: `${id.slice(0, 8)}-attribute`, taxonomy_term: { term_uri: `${base}/taxonomy_terms/8e36d6c7` } }],
  }) as OrukService;

const ALLOWANCE = '11111111-1111-4111-8111-111111111111';
const GROUP = '22222222-2222-4222-8222-222222222222';
const CLINIC = '33333333-3333-4333-8333-333333333333';

let knex: ReturnType<typeof connect>;
beforeEach(async () => {
  knex = connect();
  await ensureFeedModifiedTable(knex);
});

/** Builds `feed` (under `base`) from `services` at `now`; answers each service's `last_modified` by id. */
async function build(services: OrukService[], now: number, { feed = EVERY_OFFER, on = knex, base = BASE } = {}) {
  await stampLastModified(on, feed, services, base, now);
  return Object.fromEntries(services.map((service) => [service.id, service.last_modified]));
}

describe('a service\'s last_modified', () => {
  it('is its rows\' own time at the feed\'s first build, and kept while nothing it shows moves', async () => {
    expect(await build([shown(ALLOWANCE, 'Allowance'), shown(GROUP, 'Support group', BASE, '2026-11-02T09:00:00.000Z')], NOW)).toEqual({
      [ALLOWANCE]: ROW_TIME,
      [GROUP]: '2026-11-02T09:00:00.000Z',
    });
    // The rows' own time moves (an edit undone), what is shown does not: the kept time stands.
    expect(await build([shown(ALLOWANCE, 'Allowance', BASE, '2026-12-01T00:00:00.000Z'), shown(GROUP, 'Support group')], LATER)).toEqual({
      [ALLOWANCE]: ROW_TIME,
      [GROUP]: '2026-11-02T09:00:00.000Z',
    });
  });

  it('is now for a service whose content moved, or that appeared in a feed built before; the others keep theirs', async () => {
    await build([shown(ALLOWANCE, 'Allowance'), shown(GROUP, 'Support group')], NOW);
    expect(await build([shown(ALLOWANCE, 'Weekly allowance'), shown(GROUP, 'Support group'), shown(CLINIC, 'Legal clinic')], LATER)).toEqual({
      [ALLOWANCE]: new Date(LATER).toISOString(),
      [GROUP]: ROW_TIME,
      [CLINIC]: new Date(LATER).toISOString(),
    });
    expect(await knex(FEED_MODIFIED_TABLE).count({ rows: '*' })).toEqual([{ rows: 3 }]);
  });

  it('does not move when the feed is asked for through another host', async () => {
    await build([shown(ALLOWANCE, 'Allowance')], NOW);
    expect(await build([shown(ALLOWANCE, 'Allowance', OTHER_HOST)], LATER, { base: OTHER_HOST })).toEqual({ [ALLOWANCE]: ROW_TIME });
  });

  it('is kept per feed: an offer\'s own feed has its own first build', async () => {
    await build([shown(ALLOWANCE, 'Allowance')], NOW);
    await build([shown(ALLOWANCE, 'Weekly allowance')], LATER);
    expect(await build([shown(ALLOWANCE, 'Weekly allowance')], LATER + 1, { feed: 'example-borough' })).toEqual({ [ALLOWANCE]: ROW_TIME });
    expect(await build([shown(ALLOWANCE, 'Weekly allowance')], LATER + 2)).toEqual({ [ALLOWANCE]: new Date(LATER).toISOString() });
  });

  it('is the first writer\'s on every instance rebuilding at once', async () => {
    const other = connect();
    await build([shown(ALLOWANCE, 'Allowance')], NOW);
    const both = await Promise.all([
      build([shown(ALLOWANCE, 'Weekly allowance')], LATER),
      build([shown(ALLOWANCE, 'Weekly allowance')], LATER + 60_000, { on: other }),
    ]);
    expect(both).toEqual([{ [ALLOWANCE]: new Date(LATER).toISOString() }, { [ALLOWANCE]: new Date(LATER).toISOString() }]);
  });

  it('is kept for more services than one statement writes (600)', async () => {
    const many = Array.from({ length: 600 }, (_, index) => shown(`${String(index).padStart(8, '0')}-1111-4111-8111-111111111111`, `Service ${index}`));
    await build(many, NOW);
    const changed = many.map((service, index) => (index === 599 ? shown(service.id, 'Renamed') : shown(service.id, service.name)));
    const times = await build(changed, LATER);
    expect(Object.values(times).filter((time) => time === ROW_TIME)).toHaveLength(599);
    expect(times[many[599].id]).toBe(new Date(LATER).toISOString());
  });
});
