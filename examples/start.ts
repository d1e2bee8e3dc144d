/**
 * `npm start`: the demo CMS on embedded SQLite, seeded with the fictional demo offers, and the
 * example host pages beside it. Builds whatever is missing first, so a fresh clone needs nothing
 * else. PORT and HOST are honoured (CMS); EXAMPLES_PORT sets the example pages' port.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { serveExamples } from './serve';

const cmsDir = path.join(__dirname, 'cms');
// The package's `bin` is not in its exports map: find it beside its package.json.
const strapiBin = path.join(path.dirname(require.resolve('@strapi/strapi/package.json', { paths: [cmsDir] })), 'bin', 'strapi.js');
const host = process.env.HOST ?? '0.0.0.0';
const port = Number(process.env.PORT ?? 1337);
const examplesPort = Number(process.env.EXAMPLES_PORT ?? port + 1);
const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
const cmsUrl = `http://${shownHost}:${port}`;

// The admin panel is a 40-second build: do it once, and again only when asked (npm start -- --rebuild).
if (!existsSync(path.join(cmsDir, 'dist', 'build', 'index.html')) || process.argv.includes('--rebuild')) {
  console.log('Building the Strapi admin panel (once, about a minute)…');
  const build = spawnSync(process.execPath, [strapiBin, 'build'], { cwd: cmsDir, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const cms = spawn(process.execPath, [strapiBin, 'start'], {
  cwd: cmsDir,
  stdio: ['ignore', 'pipe', 'inherit'],
  env: { ...process.env, HOST: host, PORT: String(port), PUBLIC_URL: process.env.PUBLIC_URL ?? cmsUrl },
});
cms.stdout.pipe(process.stdout);
cms.stdout.on('data', (chunk: Buffer) => {
  if (!chunk.toString().includes('Strapi started successfully')) return;
  serveExamples({ host, port: examplesPort, cmsUrl }).then(({ url: examplesUrl }) => {
    console.log(`
  kinship-offer demo is running
    Admin (editors):      ${cmsUrl}/admin
    GraphQL endpoint:     ${cmsUrl}/graphql
    REST (published):     ${cmsUrl}/api/kinship-offer/offers
    Example host pages:   ${examplesUrl}/
  Press Ctrl+C to stop.
`);
  });
});

const stop = () => cms.kill('SIGTERM');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
cms.on('exit', (code) => process.exit(code ?? 0));
