/**
 * Production as the README's "Deploying" describes it: two CMS instances on one PostgreSQL
 * database, nginx in front with the committed example configuration (examples/nginx/), the cache
 * lifetimes shortened through the plugin's settings (S = 2 s fresh, W = 2 s stale while
 * revalidating). What a reader, an editor and a council would notice: a publish reaches every
 * reader within S + W + 1 seconds, by either instance and through the cache; the offer is still
 * served with every instance down; feedback sent to either instance is all kept, and one address
 * is limited across both; the daily review job e-mails each reminder once.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOfferRequest } from '../../widget/src/api/client';
import { DEMO_ADMIN } from '../support/cms';
import { startCluster, type Cluster } from '../support/cluster';
import { startNginx, type Nginx } from '../support/nginx';

const S = 2;
const W = 2;
const E = 600;
/** The README's bound on how late a reader sees a publish, in seconds. */
const BOUND = S + W + 1;
const PER_MINUTE = 6;
const OFFER = 'plugin::kinship-offer.offer';

let cluster: Cluster;
let nginx: Nginx;
let token: string;

beforeAll(async () => {
  cluster = await startCluster({
    instances: 2,
    env: {
      CACHE_SHARED_MAX_AGE: String(S),
      CACHE_STALE_WHILE_REVALIDATE: String(W),
      CACHE_STALE_IF_ERROR: String(E),
      FEEDBACK_PER_MINUTE: String(PER_MINUTE),
      // Behind nginx: the reader's address comes from X-Forwarded-For.
      IS_PROXIED: 'true',
    },
  });
  nginx = await startNginx({ upstreams: cluster.urls });
  const login = await fetch(`${cluster.urls[0]}/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(DEMO_ADMIN) });
  token = ((await login.json()) as any).data.token;
}, 240_000);
afterAll(async () => {
  await nginx?.stop();
  await cluster?.close();
});

const sleep = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000));
const database = async <T>(work: (client: pg.Client) => Promise<T>) => {
  const client = new pg.Client({ connectionString: cluster.databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
};

/** The widget's own request for the demo offer, sent to `base` (an instance or nginx). */
async function readOffer(base: string) {
  const { url, init } = buildOfferRequest(new URL(`${base}/graphql`), 'example-borough');
  const response = await fetch(url, init);
  const text = await response.text();
  // nginx's own error pages are HTML: the status then says what went wrong.
  const body = response.headers.get('content-type')?.startsWith('application/json') ? JSON.parse(text) : {};
  return { status: response.status, headers: response.headers, offer: body.data?.kinshipOffer as { name: string } };
}

/** Renames and publishes the demo offer as an editor does, in the admin of instance 0. */
async function publishName(documentId: string, name: string) {
  const manager = `${cluster.urls[0]}/content-manager/collection-types/${OFFER}/${documentId}`;
  const init = (method: string) => ({ method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ name }) });
  for (const [method, url] of [['PUT', manager], ['POST', `${manager}/actions/publish`]]) {
    const response = await fetch(`${url}?locale=en`, init(method));
    expect(response.status, `${method} ${url}: ${await response.clone().text()}`).toBe(200);
  }
}

/** Feedback about the demo offer, from `address` (as nginx passes it on), to `base`. */
const sendFeedback = (base: string, address: string, message = 'The support group times are out of date.') =>
  fetch(`${base}/api/kinship-offer/feedback`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ data: { offer: 'example-borough', helpful: false, message, startedAt: Date.now() - 60_000 } }),
  });

describe('two instances on one database behind nginx', () => {
  it(`shows a publish on one instance from both, and through the cache, within S + W + 1 = ${BOUND} s`, async () => {
    const before = await readOffer(nginx.url);
    expect(before.status).toBe(200);
    // The CMS's lifetimes are the plugin's settings, and one copy serves every host site.
    expect(before.headers.get('cache-control')).toBe(`public, max-age=0, must-revalidate, s-maxage=${S}, stale-while-revalidate=${W}, stale-if-error=${E}`);
    expect(before.headers.get('vary') ?? '').not.toMatch(/origin/i);
    expect(before.headers.get('etag')).toBeTruthy();
    // nginx keeps it: the same request again is answered from its cache.
    expect((await readOffer(nginx.url)).headers.get('x-cache-status')).toBe('HIT');

    // Both instances have been answering readers (each keeps its own copy and content version).
    for (const base of cluster.urls) expect((await readOffer(base)).offer.name, base).toBe(before.offer.name);

    const renamed = `Example Borough Council (renamed at ${new Date().toISOString()})`;
    // The widget's query does not ask for the documentId: the public REST read gives it.
    const listed = await (await fetch(`${cluster.urls[0]}/api/kinship-offer/offers?filters[slug][$eq]=example-borough`)).json();
    await publishName(listed.data[0].documentId, renamed);
    await sleep(BOUND);
    for (const base of [...cluster.urls, nginx.url]) expect((await readOffer(base)).offer.name, base).toBe(renamed);
  });

  it('keeps every piece of feedback sent to either instance', async () => {
    const count = () => database(async (client) => Number((await client.query('SELECT count(*) FROM kinship_feedback')).rows[0].count));
    const before = await count();
    // Ten readers at once, each from an address of their own, half on each instance.
    const statuses = await Promise.all(
      Array.from({ length: 10 }, (_, i) => sendFeedback(cluster.urls[i % 2], `198.51.100.${i + 1}`, `Reader ${i + 1}`).then((r) => r.status)),
    );
    expect(statuses).toEqual(Array(10).fill(202));
    expect(await count()).toBe(before + 10);
  });

  it(`holds one address to ${PER_MINUTE} a minute across both instances`, async () => {
    const statuses: number[] = [];
    for (let i = 0; i < PER_MINUTE * 2; i++) statuses.push((await sendFeedback(cluster.urls[i % 2], '203.0.113.7')).status);
    expect(statuses.filter((status) => status === 202), String(statuses)).toHaveLength(PER_MINUTE);
    expect(statuses.slice(PER_MINUTE)).toEqual(Array(PER_MINUTE).fill(429));
  });

  it(`holds one address to ${PER_MINUTE} when its requests reach both instances at the same moment`, async () => {
    const statuses = await Promise.all(Array.from({ length: PER_MINUTE * 3 }, (_, i) => sendFeedback(cluster.urls[i % 2], '203.0.113.8').then((r) => r.status)));
    expect(statuses.filter((status) => status === 202), String(statuses)).toHaveLength(PER_MINUTE);
  });

  it('holds a reader to the limit through nginx, whatever X-Forwarded-For they write themselves', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < PER_MINUTE + 2; i++) statuses.push((await sendFeedback(nginx.url, `192.0.2.${i + 1}`)).status);
    expect(statuses.filter((status) => status === 202), String(statuses)).toHaveLength(PER_MINUTE);
  });

  it('e-mails each review reminder once when both instances run the daily job at the same moment', async () => {
    const today = '2028-03-01T07:00:00Z';
    const runs = await Promise.all(cluster.urls.map((_, i) => cluster.request<{ overdue: number; sent: number }>(i, 'run-reminders', { today })));
    // Both demo offers and all their services are overdue by then.
    expect(runs[0].overdue).toBe(2 + 31 + 5);
    expect(runs[0].sent + runs[1].sent).toBe(runs[0].overdue);
    expect(cluster.outbox).toHaveLength(runs[0].overdue);
    const subjects = cluster.outbox.map(({ message }) => `${message.to} ${message.subject}`);
    expect(new Set(subjects).size).toBe(subjects.length);
  });

  it('still serves the offer through nginx with both instances down (stale-if-error)', async () => {
    const last = await readOffer(nginx.url);
    await Promise.all(cluster.urls.map((_, i) => cluster.stop(i)));
    // Past fresh and stale-while-revalidate: only stale-if-error lets nginx answer now.
    await sleep(S + W + 1);
    const during = await readOffer(nginx.url);
    expect(during.status, nginx.errors().split('\n').slice(-3).join('\n').slice(0, 600)).toBe(200);
    expect(during.offer.name).toBe(last.offer.name);
    expect(during.headers.get('x-cache-status')).toBe('STALE');
  });
});
