/**
 * PostgreSQL for the tests: a server (the machine's own PostgreSQL 15, installed and started if
 * need be, or the one TEST_POSTGRES_URL names) and a throw-away database per test file.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import pg from 'pg';

const ROLE = 'kinship_offer_test';
const PASSWORD = 'kinship_offer_test';

/** The server the tests use, as a URL without a database name. */
export const serverUrl = () =>
  process.env.TEST_POSTGRES_URL ?? `postgres://${ROLE}:${PASSWORD}@127.0.0.1:5432`;

const run = (command: string, args: string[]) => execFileSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'] }).toString();
const asPostgres = (sql: string) => run('su', ['postgres', '-c', `psql -v ON_ERROR_STOP=1 -qAtc "${sql}"`]);

/** Whether the local server on `port` accepts connections within 30 s (pg_isready's answer). */
function acceptsConnections(port: string): boolean {
  for (let attempt = 0; attempt < 60; attempt += 1) {
    if (spawnSync('pg_isready', ['-q', '-h', '/var/run/postgresql', '-p', port]).status === 0) return true;
    spawnSync('sleep', ['0.5']);
  }
  return false;
}

/**
 * Makes sure a local PostgreSQL answers with a role that may create databases. Installs Debian's
 * postgresql when it is missing (CI on a new machine). Returns why not, when it cannot.
 */
export function ensurePostgres(): string | null {
  if (process.env.TEST_POSTGRES_URL) return null;
  try {
    if (!existsSync('/usr/bin/pg_ctlcluster')) {
      console.log('Installing PostgreSQL (apt-get install postgresql)…');
      run('apt-get', ['update', '-qq']);
      run('apt-get', ['install', '-y', '-qq', 'postgresql']);
    }
    const clusters = run('pg_lsclusters', ['--no-header']).trim();
    if (!clusters) run('pg_createcluster', ['15', 'main']);
    const [version, name, port, status] = run('pg_lsclusters', ['--no-header']).trim().split('\n')[0].split(/\s+/);
    if (status !== 'online') {
      try {
        run('pg_ctlcluster', [version, name, 'start']);
      } catch (error) {
        // pg_ctlcluster's own readiness probe, run as the postgres user, redirects to /dev/null; on a
        // machine whose /dev/null only root may write (seen in CI) it calls a running server failed.
        // Believe the server: pg_isready asks it directly.
        if (!acceptsConnections(port)) throw error;
      }
    }
    const exists = asPostgres(`SELECT 1 FROM pg_roles WHERE rolname = '${ROLE}'`).trim() === '1';
    if (!exists) asPostgres(`CREATE ROLE ${ROLE} LOGIN CREATEDB PASSWORD '${PASSWORD}'`);
    return null;
  } catch (error) {
    return (error as { stderr?: Buffer }).stderr?.toString().trim() || String(error);
  }
}

/**
 * A new database, empty or a copy of `template` (a database of this role's that nobody is connected
 * to); drop it with the returned function.
 */
export async function createDatabase(template?: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `kinship_test_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: `${serverUrl()}/postgres` });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${pg.escapeIdentifier(template)}` : ''}`);
  await admin.end();
  return {
    url: `${serverUrl()}/${name}`,
    /**
     * Best effort: an autovacuum worker may still hold the database (a superuser's backend that
     * FORCE cannot end), so try a few times and then leave it; its name is never reused.
     */
    drop: async () => {
      for (let attempt = 1; attempt <= 5; attempt += 1) {
        const client = new pg.Client({ connectionString: `${serverUrl()}/postgres` });
        try {
          await client.connect();
          await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          return;
        } catch (error) {
          if (attempt === 5) console.warn(`Left the test database ${name} behind: ${(error as Error).message}`);
          else await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
        } finally {
          await client.end().catch(() => {});
        }
      }
    },
  };
}
