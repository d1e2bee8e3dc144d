/**
 * Secrets for the demo app. Production sets them in the environment as usual; when one is
 * missing, it is generated once and kept in .tmp/secrets.json, so `npm start` works on a fresh
 * clone with no .env to edit and sessions survive a restart.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The app's folder, whether this runs from source or from the compiled dist/. */
const appRoot = (() => {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return dir;
})();

const store = path.join(appRoot, '.tmp', 'secrets.json');

const kept = (): Record<string, string> => (existsSync(store) ? JSON.parse(readFileSync(store, 'utf8')) : {});

export function secret(name: string): string {
  const fromEnv = process.env[name];
  if (fromEnv) return fromEnv;
  const secrets = kept();
  if (!secrets[name]) {
    const value = name === 'APP_KEYS'
      ? Array.from({ length: 4 }, () => randomBytes(16).toString('base64')).join(',')
      : randomBytes(32).toString('base64');
    secrets[name] = value;
    mkdirSync(path.dirname(store), { recursive: true });
    writeFileSync(store, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  return secrets[name];
}

/** A path inside the app; an absolute path is kept as it is. */
export const appPath = (...parts: string[]) => path.resolve(appRoot, ...parts);
