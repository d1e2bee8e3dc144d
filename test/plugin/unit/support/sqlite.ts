/**
 * Real SQLite databases for unit tests of code that writes through Strapi's knex connection
 * (`strapi.db.connection`), without a Strapi: knex and better-sqlite3, as Strapi's own SQLite
 * connection is. Each test gets a fresh folder; every connection it opened is closed after it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import knexFactory from 'knex';
import { afterEach, beforeEach } from 'vitest';
import type { Knex } from '../../../../plugin/server/src/own-tables';

/**
 * Registers the hooks; `connect()` then opens a connection to the test's database file (a second
 * connection is a second instance on the same database), `connect(':memory:')` one of its own.
 */
export function sqliteDatabases() {
  let folder = '';
  const opened: Knex[] = [];
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'kinship-unit-'));
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((knex) => knex.destroy()));
    rmSync(folder, { recursive: true, force: true });
  });
  return (file = 'cms.db'): Knex => {
    const knex = knexFactory({
      client: 'better-sqlite3',
      connection: { filename: file === ':memory:' ? file : join(folder, file) },
      useNullAsDefault: true,
      // Nothing here need survive a power cut: without it, each commit waits for the disk.
      pool: { afterCreate: (connection: { pragma(text: string): unknown }, done: () => void) => (connection.pragma('synchronous = off'), done()) },
    }) as unknown as Knex;
    opened.push(knex);
    return knex;
  };
}
