/**
 * The in-memory side of reach counting: counts add up per row, a flush writes each row once, and a
 * flush that fails keeps its counts for the next. (That the upsert adds on SQLite and PostgreSQL,
 * across flushes and instances, is test/plugin/reach.test.ts.) The database is faked here at
 * knex's query builder, the boundary the counter writes through.
 */
import { describe, expect, it } from 'vitest';
import { ReachCounter } from '../../../plugin/server/src/reach/counter';

/** A knex stand-in that records each INSERT's rows, and fails the INSERTs it is told to. */
function fakeKnex() {
  const inserts: Array<Array<Record<string, unknown>>> = [];
  let failures = 0;
  const knex: any = () => ({
    insert: (rows: Array<Record<string, unknown>>) => ({
      onConflict: () => ({
        merge: async () => {
          await new Promise((resolve) => setTimeout(resolve, 5));
          if (failures > 0) {
            failures -= 1;
            throw new Error('the database is away');
          }
          inserts.push(rows);
        },
      }),
    }),
  });
  knex.raw = () => 'count + excluded.count';
  return { knex, inserts, failNext: (times = 1) => (failures = times) };
}

const key = (subject: string) => ({ day: '2026-11-30', offer: 'offer1', site: 'https://a.example', event: 'service', subject });

describe('the reach counter', () => {
  it('adds counts up per row, and writes each row once a flush', async () => {
    const db = fakeKnex();
    const counter = new ReachCounter(() => db.knex);
    counter.add(key('svcA'));
    counter.add(key('svcA'), 2);
    counter.add(key('svcB'));
    expect(counter.pending).toBe(2);
    expect(await counter.flush()).toBe(2);
    expect(db.inserts).toEqual([[{ ...key('svcA'), count: 3 }, { ...key('svcB'), count: 1 }]]);
    expect(counter.pending).toBe(0);
    expect(await counter.flush()).toBe(0);
    expect(db.inserts).toHaveLength(1);
  });

  it('keeps what a failed flush could not write, and writes it, with what came since, next time', async () => {
    const db = fakeKnex();
    const counter = new ReachCounter(() => db.knex);
    counter.add(key('svcA'), 4);
    db.failNext();
    await expect(counter.flush()).rejects.toThrow('the database is away');
    counter.add(key('svcA'));
    counter.add(key('svcB'));
    expect(await counter.flush()).toBe(2);
    expect(db.inserts).toEqual([[{ ...key('svcA'), count: 5 }, { ...key('svcB'), count: 1 }]]);
  });

  it('waits for a flush under way, so shutdown returns only once the timer\'s write is done; never writes counts twice', async () => {
    const db = fakeKnex();
    const counter = new ReachCounter(() => db.knex);
    counter.add(key('svcA'), 2);
    const timer = counter.flush();
    await counter.flush(); // shutdown, with nothing new to write
    expect(db.inserts).toEqual([[{ ...key('svcA'), count: 2 }]]);
    counter.add(key('svcA'), 3);
    await Promise.all([timer, counter.flush(), counter.flush()]);
    expect(db.inserts).toEqual([[{ ...key('svcA'), count: 2 }], [{ ...key('svcA'), count: 3 }]]);
  });

  it('writes in statements of at most 500 rows', async () => {
    const db = fakeKnex();
    const counter = new ReachCounter(() => db.knex);
    for (let i = 0; i < 1_201; i += 1) counter.add(key(`svc${i}`));
    expect(await counter.flush()).toBe(1_201);
    expect(db.inserts.map((rows) => rows.length)).toEqual([500, 500, 201]);
  });
});
