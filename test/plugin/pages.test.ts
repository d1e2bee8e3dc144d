/**
 * The public pages, against a real Strapi with the demo: a page for the offer and for every
 * published service, fetched as a crawler or a reader without JavaScript fetches them; what they
 * answer for what is not there; that drafts and hidden addresses never reach them; and that they are
 * cached and sent as the widget's offer request is.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { PAGE_STRINGS } from '../../widget/src/strings';
import { startCms, type TestCms } from '../support/cms';
import { graphql, httpGet } from '../support/http';

const SERVICE = 'plugin::kinship-offer.service';
const OFFER = 'plugin::kinship-offer.offer';
/** Only the demo's hidden address (8 Imaginary Road, EB4 5EF) contains these. */
const HIDDEN = ['Imaginary', '5EF', 'EB4 5'];
const SLUG = 'example-borough';

let cms: TestCms;
let base: string;
/** The offer's published services, as the database has them. */
let published: Array<{ uuid: string; title: string }>;
/** A service that exists only as a draft, attached to the offer's draft and published with it. */
let draftOnly: { uuid: string; title: string };
/** A published service whose draft has been edited but not published. */
let edited: { uuid: string; draftTitle: string };

/** HTML-escaped as the pages write text ("Children's" as "Children&#39;s"). */
const escaped = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

async function page(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}${path}`, { headers });
  return { status: response.status, headers: response.headers, html: await response.text() };
}

beforeAll(async () => {
  cms = await startCms();
  base = `${cms.url}/kinship-offer`;
  const documents = cms.strapi.documents;
  const civicCentre = await documents('plugin::kinship-offer.location').findFirst({ filters: { name: 'Example Borough Civic Centre' } });
  const draft = await documents(SERVICE).create({
    data: { title: 'Unpublished kinship support', summary: 'Not ready yet', cost: 'free', locations: [civicCentre!.documentId] } as any,
  });
  draftOnly = { uuid: draft.uuid as string, title: draft.title as string };
  const offer = await documents(OFFER).findFirst({ filters: { slug: SLUG } });
  await documents(OFFER).update({ documentId: offer!.documentId, data: { services: { connect: [draft.documentId] } } as any });
  await documents(OFFER).publish({ documentId: offer!.documentId });
  const letterbox = await documents(SERVICE).findFirst({ filters: { title: 'Letterbox contact service' }, status: 'published' });
  edited = { uuid: letterbox!.uuid as string, draftTitle: 'Letterbox contact (draft wording)' };
  await documents(SERVICE).update({ documentId: letterbox!.documentId, data: { title: edited.draftTitle } as any });
  const view = await documents(OFFER).findFirst({ filters: { slug: SLUG }, status: 'published', populate: { services: true } });
  published = (view!.services as Array<{ uuid: string; title: string }>).map(({ uuid, title }) => ({ uuid, title }));
});
afterAll(async () => cms?.stop());

describe('the offer page', () => {
  it('holds every published service title in its HTML, each linking to the service page', async () => {
    const { status, headers, html } = await page(`/${SLUG}`);
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(published.length).toBeGreaterThan(20);
    for (const { uuid, title } of published) {
      expect(html, title).toContain(escaped(title));
      expect(html, title).toContain(`href="${base}/${SLUG}/services/${uuid}"`);
    }
    expect(html).toContain('<h1 class="first">Example Borough Council</h1>');
    expect(html).toMatch(/<link rel="stylesheet" href="[^"]+\/kinship-offer\/assets\/pages\.css\?v=/);
  });

  it('is complete HTML without Lit\'s hydration marks', async () => {
    const { html } = await page(`/${SLUG}`);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/lit-part|lit-node|<\?>/);
  });

  it('filters as a plain GET form with the element\'s URL parameters', async () => {
    const { html } = await page(`/${SLUG}?kinship-support=financial_support&kinship-support=legal_support&kinship-q=allowance`);
    expect(html).toContain(`<form class="filters no-print" id="filters" part="filters" method="get" action="${base}/${SLUG}">`);
    expect(html).toMatch(/<input type="checkbox" name="kinship-support" id="support-financial_support" value="financial_support"\s+checked/);
    // Unchosen boxes carry no checked attribute at all (Lit's server rendering writes a .checked
    // binding as checked="false", which HTML reads as checked).
    expect(html).toMatch(/id="support-education" value="education"\s+\/>/);
    expect(html).not.toContain('checked="');
    expect(html).toMatch(/<input type="radio" name="kinship-arrangement" id="arrangement-adoption" value="adoption"\s+\/>/);
    expect(html).toMatch(/name="kinship-q" type="search" autocomplete="off" value="allowance"/);
    const all = await page(`/${SLUG}`);
    const count = (text: string) => Number(/role="status">(\d+) service/.exec(text)![1]);
    expect(count(all.html)).toBe(published.length);
    expect(count(html)).toBeGreaterThan(0);
    expect(count(html)).toBeLessThan(published.length);
  });
});

describe('a service page', () => {
  it('exists for every published service, under its UUID, with its title as the heading', async () => {
    for (const { uuid, title } of published) {
      const { status, html } = await page(`/${SLUG}/services/${uuid}`);
      expect(status, title).toBe(200);
      expect(html, title).toContain(`<h1 class="first">${escaped(title)}</h1>`);
      expect(html).toContain(`<link rel="canonical" href="${base}/${SLUG}/services/${uuid}">`);
    }
  });

  it('gives the offer\'s named contact and a way back to the offer', async () => {
    const { html } = await page(`/${SLUG}/services/${published[0].uuid}`);
    expect(html).toContain('Contact Kinship Support Team');
    expect(html).toContain(`<a href="${base}/${SLUG}">Example Borough Council</a>`);
  });
});

describe('what is not there', () => {
  it('an unknown offer is a 404 page', async () => {
    const { status, html } = await page('/no-such-offer');
    expect(status).toBe(404);
    expect(html).toContain('Page not found');
    expect(html).toContain('<meta name="robots" content="noindex">');
  });

  it('an unknown service of a known offer is a 404 page that still gives the named contact', async () => {
    for (const path of [`/${SLUG}/services/00000000-0000-4000-8000-000000000000`, `/${SLUG}/nothing-here`, `/${SLUG}/services/%E0%A4%A`]) {
      const { status, html } = await page(path);
      expect(status, path).toBe(404);
      expect(html, path).toContain('020 7946 0000');
    }
  });

  it('the base itself, and a malformed address, are 404 pages, never a 500', async () => {
    for (const path of ['', '/', '/%E0%A4%A', '/a/b/c/d']) expect((await page(path)).status, path).toBe(404);
  });

  it('anything but GET or HEAD is refused with a 405', async () => {
    const response = await fetch(`${base}/${SLUG}`, { method: 'POST', body: 'x' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });
});

describe('the read\'s rules hold', () => {
  it('a draft never appears: not a draft-only service, not a published service\'s draft wording', async () => {
    const offerPage = await page(`/${SLUG}`);
    expect(offerPage.html).not.toContain(draftOnly.title);
    expect(offerPage.html).not.toContain(draftOnly.uuid);
    expect(offerPage.html).not.toContain(edited.draftTitle);
    expect((await page(`/${SLUG}/services/${draftOnly.uuid}`)).status).toBe(404);
    const letterbox = await page(`/${SLUG}/services/${edited.uuid}`);
    expect(letterbox.html).toContain('Letterbox contact service');
    expect(letterbox.html).not.toContain(edited.draftTitle);
  });

  it('a hidden address never appears, on the offer page or any service page', async () => {
    const pages = [await page(`/${SLUG}`), ...(await Promise.all(published.map(({ uuid }) => page(`/${SLUG}/services/${uuid}`))))];
    for (const { html } of pages) for (const secret of HIDDEN) expect(html).not.toContain(secret);
  });

  it('is cached per content version and sent as the offer request is: ETag, 304, compression, shared-cache headers', async () => {
    // With the public address configured: one made from the request's Host is sent private (forged-host.test.ts).
    const configured = cms.strapi.config.get('server.url');
    cms.strapi.config.set('server.url', cms.url);
    onTestFinished(() => {
      cms.strapi.config.set('server.url', configured);
    });
    const path = `/${SLUG}/services/${published[1].uuid}`;
    await page(path);
    const second = await page(path, { 'accept-encoding': 'br' });
    expect(second.headers.get('x-cache')).toBe('HIT');
    expect(second.headers.get('content-encoding')).toBe('br');
    expect(second.headers.get('cache-control')).toMatch(/^public, max-age=0, must-revalidate, s-maxage=\d+, stale-while-revalidate=\d+, stale-if-error=\d+$/);
    expect(second.headers.get('vary')).toBe('Accept-Encoding');
    const etag = second.headers.get('etag')!;
    // node:http, not fetch: fetch sends Cache-Control: no-cache with a conditional request.
    expect((await httpGet(`${base}${path}`, { 'accept-encoding': 'br', 'if-none-match': etag })).status).toBe(304);
  });

  it('a page sent again from memory, ahead of the app\'s middlewares, carries the headers they set when it was made, and stays private where its addresses came from the request', async () => {
    expect(cms.strapi.config.get('server.url')).toBeFalsy();
    for (const path of [`/${SLUG}/services/${published[3].uuid}`, `/${SLUG}/embed`]) {
      const made = await page(path);
      const again = await page(path);
      expect(again.headers.get('x-cache')).toBe('HIT');
      expect(again.html).toBe(made.html);
      for (const name of ['content-security-policy', 'x-frame-options', 'x-content-type-options', 'referrer-policy', 'strict-transport-security']) {
        expect([path, name, again.headers.get(name)]).toEqual([path, name, made.headers.get(name)]);
      }
      expect(again.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(again.headers.get('cache-control')).toMatch(/^private\b/);
      expect(again.headers.get('cache-control')).not.toMatch(/public|s-maxage/);
    }
    // The iframe view may be framed by any host, from memory too.
    const framed = await page(`/${SLUG}/embed`);
    expect(framed.headers.get('x-frame-options')).toBeNull();
    expect(framed.headers.get('content-security-policy')).not.toContain('frame-ancestors');
  });

  it('a publish shows on the next read (its content version moved)', async () => {
    const documents = cms.strapi.documents;
    const before = await page(`/${SLUG}`);
    expect(before.headers.get('x-cache')).toMatch(/HIT|MISS/);
    const service = await documents(SERVICE).findFirst({ filters: { uuid: published[2].uuid } });
    await documents(SERVICE).update({ documentId: service!.documentId, data: { summary: 'A summary published just now' } as any });
    await documents(SERVICE).publish({ documentId: service!.documentId });
    await new Promise((resolve) => setTimeout(resolve, 1100)); // the content version is reused for a second
    const after = await page(`/${SLUG}`);
    expect(after.html).toContain('A summary published just now');
  });

  it('HEAD answers as GET, without a body', async () => {
    const response = await fetch(`${base}/${SLUG}`, { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toBe('');
  });

  it('the stylesheet and script are served, versioned addresses cached for ever', async () => {
    const { html } = await page(`/${SLUG}`);
    const stylesheet = /<link rel="stylesheet" href="([^"]+)">/.exec(html)![1];
    const script = /<script type="module" src="([^"]+)">/.exec(html)![1];
    const css = await fetch(stylesheet);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(css.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const text = await css.text();
    expect(text).toContain(':root');
    expect(text).not.toContain(':host');
    expect((await fetch(script)).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });
});

/** The JSON-LD graph of a page, parsed as a search engine parses it. */
function graph(html: string): any[] {
  const scripts = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
  expect(scripts).toHaveLength(1);
  return JSON.parse(scripts[0][1])['@graph'];
}

describe('for search engines and sharing', () => {
  it('the offer page\'s JSON-LD parses and names every service, each a GovernmentService of the council\'s area', async () => {
    const nodes = graph((await page(`/${SLUG}`)).html);
    const services = nodes.filter((node) => node['@type'] === 'GovernmentService');
    expect(services.map((node) => node.name).sort()).toEqual(published.map(({ title }) => title).sort());
    for (const service of services) {
      expect(service.url).toBe(`${base}/${SLUG}/services/${service.identifier}`);
      expect(service.areaServed).toEqual([{ '@type': 'AdministrativeArea', name: 'Example Borough Council', identifier: { '@type': 'PropertyValue', propertyID: 'GSS', value: 'E09000999' } }]);
      expect(service.audience['@type']).toBe('Audience');
    }
    expect(services.some((service) => service.provider?.name && service.availableChannel?.some((channel: any) => channel.servicePhone))).toBe(true);
    expect(services.some((service) => service.availableChannel?.some((channel: any) => channel.serviceLocation?.address?.postalCode))).toBe(true);
    const council = nodes.find((node) => node['@type'] === 'GovernmentOrganization');
    expect(council).toMatchObject({ name: 'Example Borough Council', identifier: { propertyID: 'GSS', value: 'E09000999' } });
    expect(nodes.find((node) => node['@type'] === 'BreadcrumbList').itemListElement).toEqual([{ '@type': 'ListItem', position: 1, name: 'Example Borough Council', item: `${base}/${SLUG}` }]);
  });

  it('a service page\'s JSON-LD is its service, with a breadcrumb from the offer', async () => {
    const { uuid, title } = published[0];
    const nodes = graph((await page(`/${SLUG}/services/${uuid}`)).html);
    expect(nodes.filter((node) => node['@type'] === 'GovernmentService').map((node) => node.name)).toEqual([title]);
    expect(nodes.find((node) => node['@type'] === 'BreadcrumbList').itemListElement.map((item: any) => item.item)).toEqual([`${base}/${SLUG}`, `${base}/${SLUG}/services/${uuid}`]);
  });

  it('carries a description, Open Graph and Twitter card meta, with the canonical address', async () => {
    const { uuid, title } = published[0];
    const { html } = await page(`/${SLUG}/services/${uuid}`);
    const meta = (name: string) => new RegExp(`<meta (?:name|property)="${name}" content="([^"]*)">`).exec(html)?.[1];
    expect(meta('og:url')).toBe(`${base}/${SLUG}/services/${uuid}`);
    expect(meta('og:title')).toBe(escaped(`${title} – Example Borough Council`));
    expect(meta('og:locale')).toBe('en_GB');
    expect(meta('twitter:card')).toBe('summary');
    expect(meta('description')).toBeTruthy();
    expect(meta('og:description')).toBe(meta('description'));
  });

  it('sitemap.xml lists the offer and every published service page, with lastmod, and no draft', async () => {
    const response = await page('/sitemap.xml');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    const locs = [...response.html.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]);
    expect(locs).toEqual(expect.arrayContaining([`${base}/${SLUG}`, ...published.map(({ uuid }) => `${base}/${SLUG}/services/${uuid}`)]));
    expect(locs).toContain(`${base}/example-shared-service`);
    expect(response.html).not.toContain(draftOnly.uuid);
    expect(response.html).toMatch(/<lastmod>\d{4}-\d{2}-\d{2}T[^<]+<\/lastmod>/);
    for (const secret of HIDDEN) expect(response.html).not.toContain(secret);
  });

  it('a service page shares its address by e-mail, text message and WhatsApp, and prints it as a QR code', async () => {
    const { uuid } = published[0];
    const address = `${base}/${SLUG}/services/${uuid}`;
    const { html } = await page(`/${SLUG}/services/${uuid}`);
    expect(html).toContain(`href="mailto:?subject=`);
    expect(html).toContain(`body=${encodeURIComponent(address)}`);
    expect(html).toMatch(/href="sms:\?&amp;body=[^"]*%3A%20http/);
    expect(html).toContain(`href="https://wa.me/?text=`);
    expect(html).toMatch(/<figure class="qr-code"><svg aria-hidden="true" focusable="false" xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 \d+ \d+"/);
  });
});

describe('addresses', () => {
  const QUERY = `query($slug: String!) { kinshipOffer(slug: $slug) { publicUrl services { uuid publicUrl } } }`;

  it('GraphQL gives publicUrl for the offer and each service: the pages\' addresses', async () => {
    for (const ask of [graphql]) {
      const { data } = await ask(cms.url, QUERY, { slug: SLUG });
      expect(data.kinshipOffer.publicUrl).toBe(`${base}/${SLUG}`);
      for (const service of data.kinshipOffer.services) expect(service.publicUrl).toBe(`${base}/${SLUG}/services/${service.uuid}`);
    }
    const search = new URLSearchParams({ query: QUERY, variables: JSON.stringify({ slug: SLUG }) });
    const viaGet = await (await fetch(`${cms.url}/graphql?${search}`)).json();
    expect(viaGet.data.kinshipOffer.publicUrl).toBe(`${base}/${SLUG}`);
  });

  it('behind a proxy under a path, every address starts at the public URL (server.url)', async () => {
    cms.strapi.config.set('server.url', 'https://council.example.gov.uk/cms');
    try {
      const { html } = await page(`/${SLUG}/services/${published[0].uuid}`);
      expect(html).toContain(`<link rel="canonical" href="https://council.example.gov.uk/cms/kinship-offer/${SLUG}/services/${published[0].uuid}">`);
      expect(html).toContain(`<link rel="stylesheet" href="https://council.example.gov.uk/cms/kinship-offer/assets/pages.css?v=`);
      expect(html).not.toContain(cms.url);
      const { data } = await graphql(cms.url, QUERY, { slug: SLUG });
      expect(data.kinshipOffer.publicUrl).toBe(`https://council.example.gov.uk/cms/kinship-offer/${SLUG}`);
    } finally {
      cms.strapi.config.set('server.url', '');
    }
  });

  it('pages: false serves no pages, and publicUrl is null', async () => {
    cms.strapi.config.set('plugin::kinship-offer.pages', false);
    try {
      const response = await page(`/${SLUG}`);
      expect(response.status).toBe(404);
      expect(response.html).not.toContain('Example Borough');
      const { data } = await graphql(cms.url, QUERY, { slug: SLUG });
      expect(data.kinshipOffer.publicUrl).toBeNull();
      expect(data.kinshipOffer.services[0].publicUrl).toBeNull();
    } finally {
      cms.strapi.config.set('plugin::kinship-offer.pages', '/kinship-offer');
    }
  });
});

describe('languages', () => {
  let untranslated: string;

  beforeAll(async () => {
    const documents = cms.strapi.documents;
    await cms.strapi.plugin('i18n').service('locales').create({ code: 'cy', name: 'Welsh (cy)' });
    const offer = await documents(OFFER).findFirst({ filters: { slug: SLUG }, status: 'published', populate: { services: { populate: ['locations'] } } });
    const [first, second] = offer!.services as any[];
    untranslated = second.uuid;
    await documents(SERVICE).update({ documentId: first.documentId, locale: 'cy', data: { title: 'Llywwyr perthynas', summary: 'Gwasanaeth yn Gymraeg.', cost: 'free' } as any });
    await documents(SERVICE).publish({ documentId: first.documentId, locale: 'cy' });
    await documents(OFFER).update({ documentId: offer!.documentId, locale: 'cy', data: { name: 'Cynnig Perthynas', slug: SLUG, councils: offer!.councils, services: { connect: [{ documentId: first.documentId, locale: 'cy' }] } } as any });
    await documents(OFFER).publish({ documentId: offer!.documentId, locale: 'cy' });
    // Urdu, written right to left, with no service of its own yet.
    await cms.strapi.plugin('i18n').service('locales').create({ code: 'ur', name: 'Urdu (ur)' });
    await documents(OFFER).update({ documentId: offer!.documentId, locale: 'ur', data: { name: 'رشتہ داروں کے لیے پیشکش', slug: SLUG, councils: offer!.councils } as any });
    await documents(OFFER).publish({ documentId: offer!.documentId, locale: 'ur' });
    await new Promise((resolve) => setTimeout(resolve, 1100));
  });

  it('the offer in Welsh is its own page, named in its language, with hreflang alternates and a switcher naming each language in itself', async () => {
    const welsh = await page(`/${SLUG}?lang=cy`);
    expect(welsh.status).toBe(200);
    expect(welsh.html).toContain('<html lang="cy" dir="ltr">');
    expect(welsh.html).toContain('<title>Cynnig Perthynas</title>');
    expect(welsh.html).toContain(`<link rel="canonical" href="${base}/${SLUG}?lang=cy">`);
    for (const { html } of [welsh, await page(`/${SLUG}`)]) {
      expect(html).toContain(`<link rel="alternate" hreflang="cy" href="${base}/${SLUG}?lang=cy">`);
      expect(html).toContain(`<link rel="alternate" hreflang="en" href="${base}/${SLUG}">`);
    }
    expect(welsh.html).toContain(`<li><span aria-current="true" lang="cy">Cymraeg</span></li>`);
    expect(welsh.html).toContain(`<li><a href="${base}/${SLUG}" hreflang="en" lang="en">English</a></li>`);
    expect(welsh.html).toContain('Llywwyr perthynas');
    // Open Graph's language_TERRITORY: the United Kingdom's languages in GB, others where most spoken.
    expect(welsh.html).toContain('<meta property="og:locale" content="cy_GB">');
    expect(welsh.html).toContain('<meta property="og:locale:alternate" content="en_GB">');
    expect(welsh.html).toContain('<meta property="og:locale:alternate" content="ur_PK">');
  });

  // Every language of a service shares its UUID, and the Welsh offer lists an untranslated service
  // in the default language (a reader who chooses Welsh never sees less support).
  it('a service not yet translated is on the Welsh offer\'s pages in the default language, never left out', async () => {
    const english = await page(`/${SLUG}/services/${untranslated}`);
    const inWelshOffer = await page(`/${SLUG}/services/${untranslated}?lang=cy`);
    expect(inWelshOffer.status).toBe(200);
    const title = /<h1[^>]*>([^<]+)</.exec(english.html)![1];
    expect(inWelshOffer.html).toContain(title);
    expect((await page(`/${SLUG}?lang=cy`)).html).not.toContain('/services/null');
  });

  it.each(['cy', 'ur'])('a page in %s says its own words (skip link, share, print, not found) in that language, from its pack', async (code) => {
    const { pages } = JSON.parse(readFileSync(path.resolve(__dirname, `../../widget/src/packs/${code}.json`), 'utf8'));
    const service = await page(`/${SLUG}/services/${untranslated}?lang=${code}`);
    expect(service.status).toBe(200);
    for (const key of ['skipLink', 'shareHeading', 'shareText', 'print'] as const) {
      expect([key, service.html.includes(escaped(pages[key]))]).toEqual([key, true]);
      expect([key, service.html.includes(escaped(PAGE_STRINGS[key]))]).toEqual([key, false]);
    }
    const missing = await page(`/${SLUG}/services/not-a-service?lang=${code}`);
    expect(missing.status).toBe(404);
    expect(missing.html).toContain(escaped(pages.notFoundTitle));
  });

  it('the sitemap lists each language\'s pages with their alternates', async () => {
    const { html } = await page('/sitemap.xml');
    expect(html).toContain(`<loc>${base}/${SLUG}?lang=cy</loc>`);
    expect(html).not.toContain('/services/null');
    expect(html).toContain(`<xhtml:link rel="alternate" hreflang="cy" href="${base}/${SLUG}?lang=cy"/>`);
  });

  it('GraphQL\'s publicUrl names the language of the offer it was asked for', async () => {
    const { data } = await graphql(cms.url, `{ kinshipOffer(slug: "${SLUG}", locale: "cy") { publicUrl services { uuid publicUrl } } }`);
    expect(data.kinshipOffer.publicUrl).toBe(`${base}/${SLUG}?lang=cy`);
    // Every service, translated or not, with its page in the Welsh offer.
    expect(data.kinshipOffer.services.length).toBeGreaterThan(1);
    for (const service of data.kinshipOffer.services) expect(service.publicUrl).toBe(`${base}/${SLUG}/services/${service.uuid}?lang=cy`);
  });
});

describe('an offer that names the council\'s own page as its canonical', () => {
  const COUNCIL_PAGE = 'https://www.example.gov.uk/children/kinship-local-offer';
  const canonicalOf = (html: string) => /<link rel="canonical" href="([^"]*)">/.exec(html)?.[1];
  const ogUrlOf = (html: string) => /<meta property="og:url" content="([^"]*)">/.exec(html)?.[1];

  /** Saves and publishes the offer's `canonicalUrl` (in the default language), as an editor does. */
  async function nameCouncilPage(canonicalUrl: string | null) {
    const documents = cms.strapi.documents;
    const offer = await documents(OFFER).findFirst({ filters: { slug: SLUG } });
    await documents(OFFER).update({ documentId: offer!.documentId, data: { canonicalUrl } as any });
    await documents(OFFER).publish({ documentId: offer!.documentId });
    await new Promise((resolve) => setTimeout(resolve, 1100)); // the content version is reused for a second
  }

  it('points search engines and link previews at the council\'s page from the offer page; service pages and other languages keep their own', async () => {
    const { uuid } = published[0];
    expect(canonicalOf((await page(`/${SLUG}`)).html)).toBe(`${base}/${SLUG}`);
    await nameCouncilPage(COUNCIL_PAGE);
    onTestFinished(() => nameCouncilPage(null));

    const offerPage = (await page(`/${SLUG}`)).html;
    expect(canonicalOf(offerPage)).toBe(COUNCIL_PAGE);
    expect(ogUrlOf(offerPage)).toBe(COUNCIL_PAGE);
    const servicePage = (await page(`/${SLUG}/services/${uuid}`)).html;
    expect(canonicalOf(servicePage)).toBe(`${base}/${SLUG}/services/${uuid}`);
    expect(ogUrlOf(servicePage)).toBe(`${base}/${SLUG}/services/${uuid}`);
    // The Welsh page is no copy of the council's English page: search engines keep listing it.
    expect(canonicalOf((await page(`/${SLUG}?lang=cy`)).html)).toBe(`${base}/${SLUG}?lang=cy`);
    // A sitemap lists only canonical addresses.
    const sitemap = (await page('/sitemap.xml')).html;
    expect(sitemap).not.toContain(`<loc>${base}/${SLUG}</loc>`);
    expect(sitemap).toContain(`<loc>${base}/${SLUG}?lang=cy</loc>`);
    expect(sitemap).toContain(`<loc>${base}/${SLUG}/services/${uuid}</loc>`);
    const { data } = await graphql(cms.url, `{ kinshipOffer(slug: "${SLUG}") { canonicalUrl } }`);
    expect(data.kinshipOffer.canonicalUrl).toBe(COUNCIL_PAGE);
  });

  it('without one, the offer page is its own canonical again', async () => {
    const { html } = await page(`/${SLUG}`);
    expect(canonicalOf(html)).toBe(`${base}/${SLUG}`);
    expect(ogUrlOf(html)).toBe(`${base}/${SLUG}`);
  });

  it.each([
    ['http://www.example.gov.uk/kinship', 'Enter a web address that starts with https://'],
    ['www.example.gov.uk/kinship', 'Enter a full web address, like https://www.example.gov.uk/kinship'],
  ])('refuses %j, saying why, and the page keeps its own', async (canonicalUrl, message) => {
    const offer = await cms.strapi.documents(OFFER).findFirst({ filters: { slug: SLUG } });
    await expect(cms.strapi.documents(OFFER).update({ documentId: offer!.documentId, data: { canonicalUrl } as any })).rejects.toThrow(message);
    expect(canonicalOf((await page(`/${SLUG}`)).html)).toBe(`${base}/${SLUG}`);
  });
});
