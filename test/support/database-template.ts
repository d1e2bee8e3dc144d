/**
 * vitest globalSetup of the projects that boot the demo app (test/vitest.config.mts): the demo's
 * database is prepared once per run, its tables made and the demo offers seeded, and each test
 * file's Strapi starts on a copy of it (SQLite: the file copied; PostgreSQL: CREATE DATABASE …
 * TEMPLATE). Strapi's first start on an empty database (schema, then the demo seed) is what a
 * test file's boot mostly cost: about 10 s, against about 2 s on a prepared copy.
 *
 * The copy is made by startCms (test/support/cms.ts), which falls back to an empty database when
 * no template was prepared (a file run outside these projects) or when a file asks for one.
 * Run as a script, this file is the child process that prepares it: Strapi is booted there, not
 * in vitest's own process, whose listeners and modules it would change.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createDatabase } from './postgres';

/** The environment variable that names the prepared database of each kind, for startCms. */
export const TEMPLATE_VARIABLE = { sqlite: 'TEST_SQLITE_TEMPLATE', postgres: 'TEST_POSTGRES_TEMPLATE' } as const;

type Database = keyof typeof TEMPLATE_VARIABLE;

/** Boots the demo app once on the database `env` names, so that it is made and seeded, and stops. */
function prepare(env: Record<string, string>) {
  const tsx = path.resolve(__dirname, '../../node_modules/.bin/tsx');
  const result = spawnSync(tsx, [__filename, 'prepare'], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error(`The demo database could not be prepared (exit ${result.status}): see above.`);
}

export default async function setup(project: TestProject) {
  const database: Database = project.config.env?.TEST_DATABASE === 'postgres' ? 'postgres' : 'sqlite';
  const variable = TEMPLATE_VARIABLE[database];
  if (process.env[variable]) return; // another project of this run prepared it
  if (database === 'postgres') {
    const template = await createDatabase();
    prepare({ DATABASE_CLIENT: 'postgres', DATABASE_URL: template.url });
    process.env[variable] = new URL(template.url).pathname.slice(1);
    return async () => {
      delete process.env[variable];
      await template.drop();
    };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'kinship-offer-template-'));
  const file = path.join(dir, 'data.db');
  prepare({ DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: file });
  process.env[variable] = file;
  return () => {
    delete process.env[variable];
    rmSync(dir, { recursive: true, force: true });
  };
}

if (process.argv[2] === 'prepare') {
  (async () => {
    const { APP_ENV, boot, destroyKeepingListeners } = await import('./cms');
    // As startCms boots the demo: without its Welsh version unless a test asks (it is seeded then, once).
    Object.assign(process.env, APP_ENV, { DEMO_WELSH: process.env.DEMO_WELSH ?? 'false', PORT: '0', SERVE_ADMIN_PANEL: 'false', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
    const { strapi } = await boot(false);
    await destroyKeepingListeners(strapi);
    process.exit(0);
  })().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
