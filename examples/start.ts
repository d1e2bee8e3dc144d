/**
 * `npm start`: the demo CMS on embedded SQLite, seeded with the fictional demo offers, and the
 * example host pages beside it. Builds whatever is missing first, so a fresh clone needs nothing
 * else. PORT and HOST are honoured (CMS); EXAMPLES_PORT sets the example pages' port.
 */
import { spawn } from 'node:child_process';
import { cmsDir, ensureAdminBuild, strapiBin } from './admin-build';
import { ensureNativeModules } from './native-modules';
import { serveExamples } from './serve';

const host = process.env.HOST ?? '0.0.0.0';
const port = Number(process.env.PORT ?? 1337);
const examplesPort = Number(process.env.EXAMPLES_PORT ?? port + 1);
const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
const cmsUrl = `http://${shownHost}:${port}`;

// The SQLite driver's binary must fit this Node (Node 22 and 24 each need their own build).
ensureNativeModules();
// The admin panel is a one-minute build: done when missing or when the plugin's pages changed
// (or when asked: npm start -- --rebuild).
ensureAdminBuild({ force: process.argv.includes('--rebuild') });

const cms = spawn(process.execPath, [strapiBin, 'start'], {
  cwd: cmsDir,
  stdio: ['ignore', 'pipe', 'inherit'],
  env: { ...process.env, HOST: host, PORT: String(port), PUBLIC_URL: process.env.PUBLIC_URL ?? cmsUrl, DEMO_REACH: process.env.DEMO_REACH ?? 'true' },
});
cms.stdout.pipe(process.stdout);
cms.stdout.on('data', (chunk: Buffer) => {
  if (!chunk.toString().includes('Strapi started successfully')) return;
  serveExamples({ host, port: examplesPort, cmsUrl }).then(({ url: examplesUrl }) => {
    console.log(`
  kinship-offer demo is running
    Admin (editors):      ${cmsUrl}/admin
    The offer's page:     ${cmsUrl}/kinship-offer/example-borough
    Open Referral feed:   ${cmsUrl}/api/kinship-offer/oruk/example-borough
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
