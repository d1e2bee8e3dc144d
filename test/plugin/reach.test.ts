/**
 * Reach against a real Strapi (SQLite and PostgreSQL): readers' anonymous events are checked
 * against what is published, added up in memory, written in batches with upserts that add (so
 * several instances on one database are right), and shown only to editors. Nothing about a reader
 * is stored: not the address, the browser, the page's path or query, nor what they searched for.
 */
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReachCounter, REACH_TABLE } from '../../plugin/server/src/reach/counter';
import { READER_USER_AGENT } from '../support/browser';
import { DEMO_ADMIN, startCms, type TestCms } from '../support/cms';
import { graphql } from '../support/http';

let cms: TestCms;
let offer: { documentId: string };
let services: Array<{ uuid: string; documentId: string; title: string }>;
let otherOfferService: { uuid: string };

beforeAll(async () => {
  // Counts are flushed by the tests, never by the timer in the middle of one (but see "without being asked").
  process.env.REACH_FLUSH_SECONDS = '3600';
  cms = await startCms();
  cms.strapi.config.set('plugin::kinship-offer.reachPerMinute', 100_000);
  // Every repeat counts here; what one client can add is tested on its own (reachRepeatMinutes).
  cms.strapi.config.set('plugin::kinship-offer.reachRepeatMinutes', 0);
  offer = (await cms.strapi.db.query('plugin::kinship-offer.offer').findOne({ where: { slug: 'example-borough', publishedAt: { $notNull: true } } }))!;
  services = await cms.strapi.db.query('plugin::kinship-offer.service').findMany({
    where: { publishedAt: { $notNull: true }, offers: { documentId: offer.documentId } },
    select: ['uuid', 'documentId', 'title'],
  });
  const shared = await cms.strapi.db.query('plugin::kinship-offer.offer').findOne({ where: { slug: 'example-shared-service', publishedAt: { $notNull: true } } });
  const sharedServices = await cms.strapi.db.query('plugin::kinship-offer.service').findMany({ where: { publishedAt: { $notNull: true }, offers: { documentId: shared.documentId } }, select: ['uuid'] });
  otherOfferService = sharedServices.find((service: any) => !services.some((own) => own.uuid === service.uuid))!;
});
afterAll(async () => cms?.stop());

const reach = () => cms.strapi.plugin('kinship-offer').service('reach') as { counter: ReachCounter; start(): Promise<void>; stop(): Promise<void> };
const knex = () => cms.strapi.db.connection;
const flush = () => reach().counter.flush();
const stored = (where: Record<string, string>) => knex()(REACH_TABLE).where({ offer: offer.documentId, ...where }).orderBy(['event', 'subject']);

/** Posts as the widget does: a JSON string sent as text/plain (no CORS preflight), from a page on `site`. */
const send = (body: unknown, headers: Record<string, string> = {}, site = 'https://www.example-borough.gov.uk') =>
  fetch(`${cms.url}/api/kinship-offer/reach`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain;charset=UTF-8', origin: site, 'user-agent': READER_USER_AGENT, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
/** A POST from another loopback address, as a second reader's browser would come from its own address. */
function postFrom(localAddress: string, body: string) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const url = new URL(`${cms.url}/api/kinship-offer/reach`);
    const request = httpRequest(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', localAddress, headers: { 'content-type': 'text/plain', origin: 'https://www.example-borough.gov.uk', 'user-agent': READER_USER_AGENT } },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}
const errorOf = async (response: Response) => ((await response.json()) as any).error?.message;

describe('counting readers\' events', () => {
  it('adds the events up in memory, and writes them to the database when flushed', async () => {
    const site = 'https://hub.example-family.org.uk';
    const [first, second] = services;
    const response = await send(
      {
        offer: 'example-borough',
        events: [['shown', 'full'], ['arrangement', 'special_guardianship_order'], ['support_type', 'financial_support'], ['search', '4-10'], ['service', first.uuid], ['phone', first.uuid], ['email', ''], ['web', second.uuid], ['print', ''], ['feedback', '']],
      },
      {},
      site,
    );
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ data: { counted: 10 } });
    await send({ offer: 'example-borough', events: [['shown', 'full'], ['service', first.uuid]] }, {}, site);
    expect(await stored({ site })).toEqual([]);

    expect(await flush()).toBe(10);
    const rows = await stored({ site });
    const today = new Date().toISOString().slice(0, 10);
    expect(rows.map(({ day, event, subject, count }: any) => [day, event, subject, Number(count)])).toEqual([
      [today, 'arrangement', 'special_guardianship_order', 1],
      [today, 'email', '', 1],
      [today, 'feedback', '', 1],
      [today, 'phone', first.documentId, 1],
      [today, 'print', '', 1],
      [today, 'search', '4-10', 1],
      [today, 'service', first.documentId, 2],
      [today, 'shown', 'full', 2],
      [today, 'support_type', 'financial_support', 1],
      [today, 'web', second.documentId, 1],
    ]);
  });

  it('adds to a stored count on the next flush, never overwrites it', async () => {
    const site = 'https://www.example-school.sch.uk';
    await send({ offer: 'example-borough', events: [['shown', 'services']] }, {}, site);
    await flush();
    await send({ offer: 'example-borough', events: [['shown', 'services']] }, {}, site);
    await send({ offer: 'example-borough', events: [['shown', 'services']] }, {}, site);
    await flush();
    expect((await stored({ site })).map((row: any) => Number(row.count))).toEqual([3]);
  });

  it('two instances writing the same row at once add up (a second counter on the same database)', async () => {
    const key = { day: '2026-01-05', offer: offer.documentId, site: 'https://two.example-instances.gov.uk', event: 'shown', subject: 'full' };
    const instances = [new ReachCounter(knex), new ReachCounter(knex)];
    for (let round = 1; round <= 3; round += 1) {
      instances[0].add(key, round);
      instances[1].add(key, 10 * round);
      await Promise.all(instances.map((instance) => instance.flush()));
    }
    expect((await stored({ site: key.site })).map((row: any) => Number(row.count))).toEqual([66]);
  });

  it('a row the database refuses is left out, and every other count of the batch is written', async () => {
    // A trigger stands in for whatever a database may refuse (PostgreSQL refused a site longer
    // than its column, before sites were held to it): one bad row must not stop the counting.
    const db = knex();
    const refused = 'https://refused.example-borough.gov.uk';
    const postgres = cms.strapi.db.dialect.client === 'postgres';
    if (postgres) {
      await db.raw(`CREATE FUNCTION refuse_site() RETURNS trigger AS $$ BEGIN IF NEW.site = '${refused}' THEN RAISE EXCEPTION 'site refused'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
      await db.raw(`CREATE TRIGGER refuse_site BEFORE INSERT ON ${REACH_TABLE} FOR EACH ROW EXECUTE FUNCTION refuse_site()`);
    } else {
      await db.raw(`CREATE TRIGGER refuse_site BEFORE INSERT ON ${REACH_TABLE} WHEN NEW.site = '${refused}' BEGIN SELECT RAISE(ABORT, 'site refused'); END`);
    }
    try {
      const warnings: string[] = [];
      const counter = new ReachCounter(knex, (message) => warnings.push(message));
      const key = (site: string) => ({ day: '2026-01-06', offer: offer.documentId, site, event: 'shown', subject: 'full' });
      counter.add(key('https://before.example-borough.gov.uk'), 2);
      counter.add(key(refused));
      counter.add(key('https://after.example-borough.gov.uk'), 3);
      expect(await counter.flush()).toBe(2);
      expect(warnings.join()).toContain('site refused');
      expect((await stored({ site: 'https://before.example-borough.gov.uk' })).map((row: any) => Number(row.count))).toEqual([2]);
      expect((await stored({ site: 'https://after.example-borough.gov.uk' })).map((row: any) => Number(row.count))).toEqual([3]);
      expect(await stored({ site: refused })).toEqual([]);
      counter.add(key('https://after.example-borough.gov.uk'));
      expect(await counter.flush()).toBe(1);
      expect((await stored({ site: 'https://after.example-borough.gov.uk' })).map((row: any) => Number(row.count))).toEqual([4]);
    } finally {
      await db.raw(`DROP TRIGGER refuse_site${postgres ? ` ON ${REACH_TABLE}` : ''}`);
      if (postgres) await db.raw('DROP FUNCTION refuse_site()');
    }
  });

  it('writes what is counted every reachFlushSeconds without being asked', async () => {
    const site = 'https://timer.example-borough.gov.uk';
    cms.strapi.config.set('plugin::kinship-offer.reachFlushSeconds', 1);
    await reach().start();
    try {
      await send({ offer: 'example-borough', events: [['shown', 'contact']] }, {}, site);
      await expect.poll(async () => (await stored({ site })).length, { timeout: 10_000, interval: 200 }).toBe(1);
    } finally {
      cms.strapi.config.set('plugin::kinship-offer.reachFlushSeconds', 3600);
      await reach().start();
    }
  });

  it('writes what is left when Strapi shuts down', async () => {
    const site = 'https://shutdown.example-borough.gov.uk';
    await send({ offer: 'example-borough', events: [['print', '']] }, {}, site);
    await cms.restart();
    cms.strapi.config.set('plugin::kinship-offer.reachPerMinute', 100_000);
    cms.strapi.config.set('plugin::kinship-offer.reachRepeatMinutes', 0);
    expect((await stored({ site })).map((row: any) => [row.event, Number(row.count)])).toEqual([['print', 1]]);
  });
});

describe('what is refused', () => {
  const event = (overrides: Record<string, unknown> = {}) => ({ offer: 'example-borough', events: [['shown', 'full']], ...overrides });
  const uuid = () => services[0].uuid;

  it.each([
    ['not JSON', '{"offer": ', 'The body is not JSON.'],
    ['a list', [], 'Send the events as JSON'],
    ['an unknown field', event({ page: '/kinship?child=Jo' }), 'Unknown field "page". Send offer and events.'],
    ['no offer', { events: [['shown', 'full']] }, 'Name the offer (its slug).'],
    ['no events', event({ events: [] }), 'events must be a list of 1 to 40 events.'],
    ['41 events', event({ events: Array.from({ length: 41 }, () => ['shown', 'full']) }), 'events must be a list of 1 to 40 events.'],
    ['an unknown event', event({ events: [['shown', 'full'], ['hover', '']] }), 'events[1]: unknown event "hover"'],
    ['an event that is not a pair', event({ events: [['shown']] }), 'events[0] must be [event, subject], two strings.'],
    ['an unknown view', event({ events: [['shown', 'everything']] }), 'events[0]: the view shown must be one of full, services, contact.'],
    ['search words', event({ events: [['search', 'special guardianship allowance']] }), 'events[0]: a search is sent as its length'],
    ['a print with a subject', event({ events: [['print', 'page 2']] }), 'events[0]: print takes no subject'],
    ['a service by title', event({ events: [['service', 'Kinship navigators']] }), 'events[0]: a service is sent as its UUID.'],
    ['a phone number', event({ events: [['phone', '020 7946 0000']] }), 'events[0]: phone is sent with a service\'s UUID'],
    ['an unknown offer', event({ offer: 'no-such-council' }), 'There is no published offer "no-such-council"'],
    ['an unknown arrangement code', event({ events: [['arrangement', 'adopted_by_aliens']] }), 'events[0]: unknown arrangement "adopted_by_aliens"'],
    ['an unknown support type', event({ events: [['support_type', 'pocket_money']] }), 'events[0]: unknown support type "pocket_money"'],
  ])('refuses %s with 400 naming the problem, and counts nothing', async (_, body, message) => {
    const before = reach().counter.pending;
    const response = await send(body);
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toContain(message);
    expect(reach().counter.pending).toBe(before);
  });

  it('takes 40 events and a body of 4,096 bytes; refuses 4,097 bytes with 413', async () => {
    expect((await send(event({ events: Array.from({ length: 40 }, () => ['shown', 'full']) }))).status).toBe(202);
    const padded = (bytes: number) => {
      const body = JSON.stringify(event());
      return body.replace('{', `{${' '.repeat(bytes - body.length)}`);
    };
    expect((await send(padded(4096))).status).toBe(202);
    const tooLarge = await send(padded(4097));
    expect(tooLarge.status).toBe(413);
    expect(await errorOf(tooLarge)).toBe('The batch is too large: send at most 4096 bytes.');
  });

  it('refuses a service of another offer, a draft service and a draft offer', async () => {
    expect(await errorOf(await send(event({ events: [['service', otherOfferService.uuid]] })))).toBe('events[0]: that service is not published in this offer');
    const draft = await cms.strapi.documents('plugin::kinship-offer.offer').create({ data: { name: 'Draft Borough', slug: 'draft-borough' } as any });
    expect(draft.publishedAt).toBeFalsy();
    expect(await errorOf(await send(event({ offer: 'draft-borough' })))).toBe('There is no published offer "draft-borough"');
    expect((await send(event({ events: [['service', uuid()]] }))).status).toBe(202);
  });

  it('refuses a request with no page\'s site (no Origin or Referer), and takes the Referer\'s origin alone', async () => {
    const noSite = await fetch(`${cms.url}/api/kinship-offer/reach`, { method: 'POST', headers: { 'user-agent': READER_USER_AGENT }, body: JSON.stringify(event()) });
    expect(noSite.status).toBe(400);
    expect(await errorOf(noSite)).toBe('The page\'s site is unknown: the request has no http(s) Origin or Referer.');
    const site = 'https://referer.example-borough.gov.uk';
    const fromReferer = await fetch(`${cms.url}/api/kinship-offer/reach`, {
      method: 'POST',
      headers: { referer: `${site}/children/kinship?carer=Jo+Bloggs#top`, 'user-agent': READER_USER_AGENT },
      body: JSON.stringify(event()),
    });
    expect(fromReferer.status).toBe(202);
    await flush();
    expect((await stored({ site })).length).toBe(1);
  });

  it('refuses a site longer than the table keeps (255 characters), so one forged Origin cannot stop every count being written', async () => {
    // A forger may send any host name; WHATWG URL does not hold it to DNS's 253 characters.
    const long = `https://${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.example.net`;
    expect(new URL(long).origin.length).toBeGreaterThan(255);
    const refused = await send(event(), {}, long);
    expect(refused.status).toBe(400);
    expect(await errorOf(refused)).toBe('The page\'s site is too long: at most 255 characters.');
    const site = 'https://after-long.example-borough.gov.uk';
    expect((await send(event(), {}, site)).status).toBe(202);
    await flush();
    expect((await stored({ site })).length).toBe(1);
  });

  it('answers anything a client can send with a 4xx, never a 500', async () => {
    const bodies: Array<[string, string]> = [
      ['application/json', '{"offer": '],
      ['application/json', '"just a string"'],
      ['application/json', 'null'],
      ['application/json', JSON.stringify({ offer: ['example-borough'], events: 'shown' })],
      ['application/x-www-form-urlencoded', 'offer=example-borough&events=shown'],
      ['text/plain', ''],
      ['text/plain', 'null'],
      ['text/plain', JSON.stringify({ offer: 'example-borough', events: [[1, 2]] })],
      ['text/plain', JSON.stringify({ offer: 'example-borough', events: [null] })],
      ['text/plain', JSON.stringify({ offer: { $ne: '' }, events: [['shown', 'full']] })],
      ['text/plain', JSON.stringify({ offer: 'example-borough', events: [['__proto__', 'full']] })],
      ['text/plain', JSON.stringify({ offer: 'x'.repeat(201), events: [['shown', 'full']] })],
      ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="offer"\r\n\r\nexample-borough\r\n--x--\r\n'],
      ['text/plain', 'x'.repeat(100_000)],
      ['application/json', JSON.stringify({ offer: 'x'.repeat(1_100_000), events: [] })],
    ];
    for (const [type, body] of bodies) {
      const response = await send(body, { 'content-type': type });
      expect([400, 413, 415], `${type}: ${body.slice(0, 80)}`).toContain(response.status);
      expect((await response.json()) as any, `${type}: ${body.slice(0, 80)}`).toHaveProperty('error.message');
    }
  });
});

describe('limits', () => {
  it('lets in reachNewSitesPerDay new sites an offer per day; more are counted together as other sites', async () => {
    cms.strapi.config.set('plugin::kinship-offer.reachNewSitesPerDay', 3);
    try {
      const known = 'https://www.example-borough.gov.uk'; // seen before today's limit was reached
      const forged = Array.from({ length: 6 }, (_, index) => `https://forged-${index}.example.net`);
      for (const site of [...forged, known]) expect((await send({ offer: 'example-borough', events: [['shown', 'full']] }, {}, site)).status).toBe(202);
      await flush();
      const sites = (await knex()(REACH_TABLE).distinct('site').where({ offer: offer.documentId })).map((row: any) => row.site);
      const admitted = forged.filter((site) => sites.includes(site));
      expect(admitted.length).toBeLessThanOrEqual(3);
      expect(sites).toContain(known);
      expect(sites).toContain('');
      const other = await stored({ site: '', event: 'shown' });
      expect(other.reduce((total: number, row: any) => total + Number(row.count), 0)).toBe(forged.length - admitted.length);
    } finally {
      cms.strapi.config.set('plugin::kinship-offer.reachNewSitesPerDay', 20);
    }
  });

  it('takes reachPerMinute batches a minute from one address, then 429 with Retry-After; other addresses carry on', async () => {
    cms.strapi.config.set('plugin::kinship-offer.reachPerMinute', 5);
    try {
      const body = JSON.stringify({ offer: 'example-borough', events: [['shown', 'full']] });
      const statuses: number[] = [];
      for (let i = 0; i < 6; i += 1) statuses.push((await postFrom('127.0.0.2', body)).status);
      expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
      const refused = await postFrom('127.0.0.2', body);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(JSON.parse(refused.body).error.message).toBe('Too many reach events from this address: please try again in a minute.');
      expect((await postFrom('127.0.0.3', body)).status).toBe(202);
    } finally {
      cms.strapi.config.set('plugin::kinship-offer.reachPerMinute', 100_000);
    }
  });
});

describe('what one client can add', () => {
  const repeatEvery = (minutes: number) => cms.strapi.config.set('plugin::kinship-offer.reachRepeatMinutes', minutes);
  const site = 'https://www.example-bounds.org.uk';
  const counts = async () => Object.fromEntries((await stored({ site })).map((row: any) => [`${row.event} ${row.subject}`, Number(row.count)]));

  it('by batch: each event once, and one view a request, however many it names', async () => {
    await flush();
    const identical = await send({ offer: 'example-borough', events: Array.from({ length: 40 }, () => ['shown', 'full']) }, {}, site);
    expect(await identical.json()).toEqual({ data: { counted: 1 } });
    const views = await send({ offer: 'example-borough', events: [['shown', 'full'], ['shown', 'services'], ['shown', 'contact'], ['print', ''], ['print', '']] }, {}, site);
    expect(await views.json()).toEqual({ data: { counted: 2 } });
    await flush();
    expect(await counts()).toEqual({ 'print ': 1, 'shown full': 2 });
  });

  it('by repeat: one address counts each event once per reachRepeatMinutes; another address, or another event, counts', async () => {
    repeatEvery(30);
    try {
      await flush();
      const contactViews = async () => (await stored({ site: 'https://www.example-borough.gov.uk', event: 'shown', subject: 'contact' })).reduce((total: number, row: any) => total + Number(row.count), 0);
      const before = await contactViews();
      const body = JSON.stringify({ offer: 'example-borough', events: [['shown', 'contact']] });
      const from = (address: string) => postFrom(address, body).then((response) => JSON.parse(response.body).data.counted);
      expect([await from('127.0.0.4'), await from('127.0.0.4'), await from('127.0.0.4')]).toEqual([1, 0, 0]);
      expect(await from('127.0.0.5')).toBe(1);
      const other = await postFrom('127.0.0.4', JSON.stringify({ offer: 'example-borough', events: [['shown', 'contact'], ['print', '']] }));
      expect(JSON.parse(other.body).data.counted).toBe(1);
      await flush();
      expect((await contactViews()) - before).toBe(2);
    } finally {
      repeatEvery(0);
    }
  });

  it.each([
    ['a search engine that runs the element', 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)'],
    ['a link-preview bot', 'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)'],
    ['a chat app\'s link preview', 'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)'],
    ['a headless browser', 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/150.0.0.0 Safari/537.36'],
    ['a script', 'curl/8.5.0'],
    ['Node\'s fetch', 'node'],
    ['no User-Agent', ''],
  ])('leaves out what is not a reader: %s', async (_who, agent) => {
    const before = reach().counter.pending;
    const response = await send({ offer: 'example-borough', events: [['shown', 'full'], ['print', '']] }, { 'user-agent': agent }, 'https://www.example-crawled.org.uk');
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ data: { counted: 0 } });
    expect(reach().counter.pending).toBe(before);
  });
});

describe('privacy', () => {
  it('drops, uncounted, what comes with Global Privacy Control or Do Not Track', async () => {
    const before = reach().counter.pending;
    for (const header of [{ 'sec-gpc': '1' }, { dnt: '1' }] as Array<Record<string, string>>) {
      const response = await send({ offer: 'example-borough', events: [['shown', 'full']] }, header, 'https://gpc.example-borough.gov.uk');
      expect(response.status).toBe(202);
      expect(await response.json()).toEqual({ data: { counted: 0 } });
    }
    expect(reach().counter.pending).toBe(before);
    await flush();
    expect(await stored({ site: 'https://gpc.example-borough.gov.uk' })).toEqual([]);
  });

  it('stores counts only: no address, browser, path, query or search text, in any column or value', async () => {
    const secrets = { ip: '198.51.100.23', agent: 'Mozilla/5.0 (Carer-Phone; Jo Bloggs)', path: '/children/kinship-private-page', query: 'carer=Jo+Bloggs' };
    const site = 'https://privacy.example-borough.gov.uk';
    const response = await send(
      { offer: 'example-borough', events: [['shown', 'full'], ['search', '21+']] },
      { 'user-agent': secrets.agent, 'x-forwarded-for': secrets.ip, referer: `${site}${secrets.path}?${secrets.query}` },
      site,
    );
    expect(response.status).toBe(202);
    await flush();
    const columns = Object.keys(await knex()(REACH_TABLE).columnInfo()).sort();
    expect(columns).toEqual(['count', 'day', 'event', 'offer', 'site', 'subject']);
    const everything = JSON.stringify(await knex()(REACH_TABLE).select());
    for (const secret of [...Object.values(secrets), 'Bloggs', '127.0.0.1']) expect(everything).not.toContain(secret);
    expect((await stored({ site })).map((row: any) => [row.event, row.subject])).toEqual([['search', '21+'], ['shown', 'full']]);
  });

  it('answers any page\'s origin, without credentials', async () => {
    const response = await send({ offer: 'example-borough', events: [['shown', 'full']] }, {}, 'https://www.family-hub.example.org');
    expect(['*', 'https://www.family-hub.example.org']).toContain(response.headers.get('access-control-allow-origin'));
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    expect(response.headers.get('set-cookie')).toBeNull();
  });
});

describe('reach for editors', () => {
  let token: string;
  beforeAll(async () => {
    const login = await fetch(`${cms.url}/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(DEMO_ADMIN) });
    token = ((await login.json()) as any).data.token;
  });
  const asEditor = (path: string) => fetch(`${cms.url}/kinship-offer${path}`, { headers: { authorization: `Bearer ${token}` } });

  it('are never publicly readable', async () => {
    expect([404, 405]).toContain((await fetch(`${cms.url}/api/kinship-offer/reach`)).status);
    expect((await fetch(`${cms.url}/api/kinship-offer/reach/${offer.documentId}`)).status).toBe(404);
    expect((await fetch(`${cms.url}/kinship-offer/reach/${offer.documentId}`)).status).toBe(401);
    expect((await fetch(`${cms.url}/kinship-offer/reach/${offer.documentId}/csv`)).status).toBe(401);
    const { errors } = await graphql(cms.url, '{ kinshipOfferReach { count } }');
    expect(errors?.[0].message).toMatch(/Cannot query field/);
  });

  it('shows an offer\'s views per week and site, choices against what it offers, and services opened and tapped', async () => {
    const site = 'https://www.example-housing.gov.uk';
    const [first] = services;
    await send({ offer: 'example-borough', events: [['shown', 'full'], ['support_type', 'legal_support'], ['service', first.uuid], ['phone', first.uuid], ['phone', '']] }, {}, site);
    await send({ offer: 'example-borough', events: [['shown', 'full'], ['service', first.uuid]] }, {}, site);
    await flush();
    const response = await asEditor(`/reach/${offer.documentId}`);
    expect(response.status).toBe(200);
    const report = ((await response.json()) as any).data;
    const rows = await knex()(REACH_TABLE).where({ offer: offer.documentId, event: 'shown' }).andWhere('day', '>=', report.from);
    expect(report.totals.views).toBe(rows.reduce((total: number, row: any) => total + Number(row.count), 0));
    expect(report.weeks).toHaveLength(53);
    expect(report.weeks.at(-1).views).toBeGreaterThanOrEqual(2);
    expect(report.sites.find((entry: any) => entry.site === site)).toMatchObject({ views: 2, viewsLast30Days: 2 });
    expect(report.services.find((entry: any) => entry.documentId === first.documentId).opened).toBeGreaterThanOrEqual(2);
    expect(report.namedContact.phone).toBeGreaterThanOrEqual(1);
    expect(report.supportTypes.find((term: any) => term.code === 'legal_support')).toMatchObject({ label: expect.any(String), chosen: expect.any(Number), services: expect.any(Number) });

    const csv = await asEditor(`/reach/${offer.documentId}/csv`);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toBe('day,site,event,subject,subject_name,count');
    expect(lines).toContain(`${new Date().toISOString().slice(0, 10)},${site},service,${first.documentId},${first.title},2`);
  });

  it('says what is wrong: 404 for an unknown offer', async () => {
    const response = await asEditor('/reach/not-an-offer');
    expect(response.status).toBe(404);
    expect(await errorOf(response)).toBe('There is no offer not-an-offer');
  });
});
