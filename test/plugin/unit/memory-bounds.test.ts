/**
 * Memory the public can make the server hold, each taken one past its bound: reach's counts
 * waiting while the database is away, the content versions held per offer, the memo of query
 * documents, the offer view's stores of views and responses. At the bound nothing more is held,
 * and what was held is still right.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import offerViewService from '../../../plugin/server/src/offer-view/service';
import { databaseContentVersion } from '../../../plugin/server/src/offer-view/content-version';
import { memoised } from '../../../plugin/server/src/offer-view/store';
import { ReachCounter } from '../../../plugin/server/src/reach/counter';
import { fakeStrapi } from './support/fake-strapi';

describe('reach\'s counts waiting to be written', () => {
  const key = (subject: string) => ({ day: '2026-12-07', offer: 'offer1', site: 'https://a.example', event: 'service', subject });

  it('hold 100,000 rows; a 100,001st new row is left uncounted, while rows already held go on adding up', async () => {
    // The database is away until the test says otherwise: a flush then fails and keeps what it had.
    let away = true;
    const written: Array<Record<string, unknown>> = [];
    const trx: any = () => ({ insert: (rows: Array<Record<string, unknown>>) => ({ onConflict: () => ({ merge: async () => void written.push(...rows) }) }) });
    trx.raw = () => 'count + excluded.count';
    const knex: any = () => ({});
    knex.transaction = async (work: (trx: unknown) => Promise<void>) => {
      if (away) throw new Error('the database is away');
      await work(trx);
    };
    knex.raw = () => (away ? Promise.reject(new Error('the database is away')) : Promise.resolve([]));
    const counter = new ReachCounter(() => knex);
    for (let i = 0; i < 100_000; i += 1) counter.add(key(`s${i}`));
    expect(counter.pending).toBe(100_000);
    counter.add(key('one-too-many'));
    expect(counter.pending).toBe(100_000);
    counter.add(key('s0'), 2);
    await expect(counter.flush()).rejects.toThrow('away');
    // Kept for the next flush, no more than before.
    expect(counter.pending).toBe(100_000);
    away = false;
    expect(await counter.flush()).toBe(100_000);
    expect(written.find((row) => row.subject === 's0')?.count).toBe(3);
    expect(written.some((row) => row.subject === 'one-too-many')).toBe(false);
    expect(counter.pending).toBe(0);
  });
});

describe('the content versions held', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['Date'] }));
  afterEach(() => vi.useRealTimers());

  it('are 1,000 offers\' at most: the 1,001st lets go of the rest, which are asked again', async () => {
    const db = fakeStrapi();
    const version = databaseContentVersion(db.strapi);
    for (let i = 0; i < 1_000; i += 1) await version.current(`offer-${i}`);
    expect(db.versionQueries).toHaveBeenCalledTimes(1_000);
    // Within the second: all 1,000 still held, none asked again.
    await version.current('offer-0');
    await version.current('offer-999');
    expect(db.versionQueries).toHaveBeenCalledTimes(1_000);
    await version.current('offer-1000');
    expect(db.versionQueries).toHaveBeenCalledTimes(1_001);
    await version.current('offer-0');
    expect(db.versionQueries).toHaveBeenCalledTimes(1_002);
  });
});

describe('the memo of query documents', () => {
  it('remembers maxEntries keys; one more forgets them all, so it never holds more', () => {
    const compute = vi.fn((key: string) => key.length);
    const remembered = memoised(3, compute);
    for (const key of ['a', 'bb', 'ccc', 'a', 'bb', 'ccc']) remembered(key);
    expect(compute).toHaveBeenCalledTimes(3);
    expect(remembered('dddd')).toBe(4);
    expect(compute).toHaveBeenCalledTimes(4);
    // 'dddd' is held; the three before it were let go and are computed again, rightly.
    remembered('dddd');
    expect(compute).toHaveBeenCalledTimes(4);
    expect(remembered('a')).toBe(1);
    expect(compute).toHaveBeenCalledTimes(5);
  });
});

describe('the offer view\'s stores', () => {
  it('hold 500 whole responses: the 501st lets go of the one set longest ago', () => {
    const { responses } = offerViewService({ strapi: fakeStrapi().strapi });
    for (let i = 0; i < 500; i += 1) responses.set(`request-${i}`, 'v', { i } as any);
    expect(responses.get('request-0')).toBeDefined();
    responses.set('request-500', 'v', { i: 500 } as any);
    expect(responses.get('request-0')).toBeUndefined();
    expect(responses.get('request-1')?.value).toEqual({ i: 1 });
    expect(responses.get('request-500')?.value).toEqual({ i: 500 });
  });
});
