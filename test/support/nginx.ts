/**
 * nginx as the HTTP cache in front of a cluster: Debian's nginx (installed with apt-get when
 * missing), run as a process of our own on a free port, with the committed example configuration
 * (examples/nginx/kinship-offer.conf) pointed at the given instances and a cache in a temp dir.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './cluster';
import { ensureDebianPackage } from './debian';

export const NGINX = '/usr/sbin/nginx';
export const EXAMPLE_CONFIG = path.resolve(__dirname, '../../examples/nginx/kinship-offer.conf');

/** Returns why nginx cannot be had, or null when it is there. */
export const ensureNginx = (): string | null => ensureDebianPackage('nginx', NGINX);

/**
 * The example configuration with the lines it marks CHANGE set for this run: our port, our
 * instances (each keeping the example's server parameters), our cache directory.
 */
export function exampleConfig({ port, upstreams, cacheDir }: { port: number; upstreams: string[]; cacheDir: string }) {
  let text = readFileSync(EXAMPLE_CONFIG, 'utf8');
  const servers = [...text.matchAll(/^(\s*)server 127\.0\.0\.1:\d+( [^;]*)?;\n/gm)];
  if (servers.length === 0 || !/^\s*listen 80;$/m.test(text)) throw new Error(`${EXAMPLE_CONFIG} no longer has the lines this test sets`);
  const [, indent, parameters = ''] = servers[0];
  const ours = upstreams.map((url) => `${indent}server ${new URL(url).host}${parameters};\n`).join('');
  text = text.slice(0, servers[0].index) + ours + text.slice(servers.at(-1)!.index! + servers.at(-1)![0].length);
  return text.replace(/^(\s*)listen 80;$/m, `$1listen 127.0.0.1:${port};`).replace('/var/cache/nginx/kinship-offer', cacheDir);
}

export interface Nginx {
  /** e.g. http://127.0.0.1:41003 */
  url: string;
  /** nginx's error log so far (for a failing test's message). */
  errors(): string;
  stop(): Promise<void>;
}

export async function startNginx({ upstreams }: { upstreams: string[] }): Promise<Nginx> {
  const dir = mkdtempSync(path.join(tmpdir(), 'kinship-offer-nginx-'));
  const port = await freePort();
  const at = (name: string) => path.join(dir, name);
  writeFileSync(at('kinship-offer.conf'), exampleConfig({ port, upstreams, cacheDir: at('cache') }));
  writeFileSync(
    at('nginx.conf'),
    [
      // Run as root (CI), workers would become `nobody` and could not write into our temp dir.
      process.getuid?.() === 0 ? 'user root;' : '',
      'daemon off;',
      'worker_processes 1;',
      `pid ${at('nginx.pid')};`,
      `error_log ${at('error.log')} warn;`,
      'events { worker_connections 256; }',
      'http {',
      '  access_log off;',
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `  ${kind}_temp_path ${at(`${kind}-temp`)};`),
      `  include ${at('kinship-offer.conf')};`,
      '}',
    ].join('\n'),
  );
  const child = spawn(NGINX, ['-p', dir, '-c', at('nginx.conf'), '-e', at('error.log')], { stdio: ['ignore', 'inherit', 'inherit'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const errors = () => (existsSync(at('error.log')) ? readFileSync(at('error.log'), 'utf8') : '');

  // Listening once a connection is accepted.
  for (let attempt = 0; ; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}:\n${errors()}`);
    const up = await new Promise<boolean>((resolve) => connect(port, '127.0.0.1').once('connect', function (this: any) { this.destroy(); resolve(true); }).once('error', () => resolve(false)));
    if (up) break;
    if (attempt > 100) throw new Error(`nginx did not listen on ${port}:\n${errors()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  return {
    url: `http://127.0.0.1:${port}`,
    errors,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
