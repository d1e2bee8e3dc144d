/**
 * A real Strapi, the demo app in examples/cms with the plugin, on a throw-away database
 * (SQLite, or PostgreSQL when the vitest project says so), listening on a free port.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { TEMPLATE_VARIABLE } from './database-template';
import { createDatabase } from './postgres';

// @strapi/strapi cannot be imported as ESM under vitest (lodash/fp); require works.
const require = createRequire(__filename);
const { createStrapi } = require('@strapi/strapi') as typeof import('@strapi/strapi');

const appDir = path.resolve(__dirname, '../../examples/cms');

export const DEMO_ADMIN = { email: 'editor@example.gov.uk', password: 'Demo-Editor-2026' };

export interface TestCms {
  strapi: Core.Strapi;
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  /**
   * Stops and starts the same app on the same database and port, as a second `npm start` would;
   * `whileDown` runs while nothing answers.
   */
  restart(whileDown?: () => Promise<void>): Promise<void>;
  stop(): Promise<void>;
}

const database = () => (process.env.TEST_DATABASE === 'postgres' ? 'postgres' : 'sqlite');

/**
 * A database of the kind the project runs on: a copy of the run's prepared demo database
 * (test/support/database-template.ts) unless `empty`, or when none was prepared.
 */
async function prepareDatabase(empty: boolean) {
  const template = empty ? undefined : process.env[TEMPLATE_VARIABLE[database()]];
  if (database() === 'postgres') {
    const { url, drop } = await createDatabase(template);
    return { env: { DATABASE_CLIENT: 'postgres', DATABASE_URL: url }, cleanUp: drop };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'kinship-offer-'));
  if (template) copyFileSync(template, path.join(dir, 'data.db'));
  return {
    env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(dir, 'data.db') },
    cleanUp: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * strapi.destroy() removes every process listener, vitest's own among them (its worker then dies
 * with EPIPE): keep them and put them back.
 */
export async function destroyKeepingListeners(strapi: Core.Strapi) {
  const kept = process.eventNames().map((event) => [event, process.listeners(event as any)] as const);
  await strapi.destroy();
  for (const [event, listeners] of kept) {
    for (const listener of listeners) {
      if (!process.listeners(event as any).includes(listener)) process.on(event as any, listener as any);
    }
  }
}

/**
 * What the demo app needs in its environment under test, besides its database: a demo editor to
 * log in as, and fixed secrets, so nothing is written into the demo app's folder.
 */
export const APP_ENV = {
  HOST: '127.0.0.1',
  DEMO_ADMIN_EMAIL: DEMO_ADMIN.email,
  DEMO_ADMIN_PASSWORD: DEMO_ADMIN.password,
  APP_KEYS: 'test-key-1,test-key-2',
  API_TOKEN_SALT: 'test-api-token-salt',
  ADMIN_JWT_SECRET: 'test-admin-jwt-secret',
  TRANSFER_TOKEN_SALT: 'test-transfer-token-salt',
  JWT_SECRET: 'test-jwt-secret',
  ENCRYPTION_KEY: 'test-encryption-key-0123456789abcdef',
};

/**
 * What a council's app does in its own `register` (src/index.ts), after the plugins' and before any
 * bootstrap: its own GraphQL extensions and settings, e.g. `plugin::graphql.apolloServer`.
 */
export type AppRegister = (strapi: Core.Strapi) => void;

/** Boots the demo app as the environment says (database, PORT, …) and listens. */
export async function boot(serveAdminPanel: boolean, register?: AppRegister): Promise<{ strapi: Core.Strapi; url: string }> {
  const strapi = createStrapi({
    appDir,
    distDir: path.join(appDir, 'dist'),
    autoReload: false,
    serveAdminPanel,
  });
  // Strapi's load(), with the council's register in its place.
  await strapi.register();
  register?.(strapi);
  await strapi.bootstrap();
  strapi.isLoaded = true;
  await strapi.listen();
  const address = strapi.server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('Strapi is not listening on a port');
  return { strapi, url: `http://127.0.0.1:${address.port}` };
}

/**
 * `admin: true` serves the built admin panel (examples/cms/dist/build, made by `npm test` or
 * `npm start`); otherwise Strapi starts without it, which is quicker. `register`: a council's own
 * (see AppRegister). `emptyDatabase`: start as a new install does, on an empty database, instead of
 * on a copy of the run's prepared demo database (the same content, made and seeded once).
 */
export async function startCms({ admin = false, register, emptyDatabase = false }: { admin?: boolean; register?: AppRegister; emptyDatabase?: boolean } = {}): Promise<TestCms> {
  const { env, cleanUp } = await prepareDatabase(emptyDatabase);
  // The demo's Welsh version only where a test asks for it (demo-welsh.test.ts); the others add the languages they need.
  Object.assign(process.env, env, APP_ENV, { DEMO_WELSH: process.env.DEMO_WELSH ?? 'false' }, { PORT: '0', SERVE_ADMIN_PANEL: String(admin), LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });

  const cms = { ...(await boot(admin, register)) } as TestCms;
  // Restarts come back on the same port, so pages and clients that know the URL carry on.
  process.env.PORT = new URL(cms.url).port;
  cms.restart = async (whileDown) => {
    await destroyKeepingListeners(cms.strapi);
    await whileDown?.();
    Object.assign(cms, await boot(admin, register));
  };
  cms.stop = async () => {
    await destroyKeepingListeners(cms.strapi);
    await cleanUp();
  };
  return cms;
}
