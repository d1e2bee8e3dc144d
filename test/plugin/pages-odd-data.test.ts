/**
 * The public pages with odd but real data, against a real Strapi: an offer published before any
 * service, a service open to no arrangement named yet, one with forty opening times, one reached
 * only by phone, titles with emoji, right-to-left words and very long words, a council not on the
 * ONS list, the same service in two offers, an address with letters outside ASCII. What a reader,
 * a crawler and a link preview get: the page, its words, its JSON-LD.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_STRINGS } from '../../widget/src/strings';
import { startCms, type TestCms } from '../support/cms';

const SERVICE = 'plugin::kinship-offer.service';
const OFFER = 'plugin::kinship-offer.offer';
const ODD_TITLE = 'Kinship café 🧡 مقهى القرابة Großelternunterstützungsgruppenzusammenkunftsraumbuchungsverfahren';

let cms: TestCms;
let base: string;
const uuids: Record<'forty' | 'phoneOnly' | 'odd', string> = { forty: '', phoneOnly: '', odd: '' };

/** HTML-escaped as the pages write text. */
const escaped = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

async function page(path: string) {
  const response = await fetch(`${base}${path}`);
  return { status: response.status, html: await response.text() };
}

/** The page's JSON-LD nodes, each block parsed as a crawler parses it. */
const graph = (html: string): any[] => [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].flatMap((match) => JSON.parse(match[1])['@graph']);

beforeAll(async () => {
  cms = await startCms();
  base = `${cms.url}/kinship-offer`;
  const documents = cms.strapi.documents;
  const published = async (data: Record<string, unknown>) => {
    const created = await documents(SERVICE).create({ data: { cost: 'free', ...data } as any });
    await documents(SERVICE).publish({ documentId: created.documentId });
    return created;
  };
  const phone = await documents('plugin::kinship-offer.contact').create({ data: { name: 'Kinship duty line', phone: '020 7946 0555' } as any });
  const days = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
  const forty = await published({
    title: 'Drop-in at forty times',
    summary: 'A drop-in with many sessions.',
    openingTimes: Array.from({ length: 40 }, (_, index) => ({ days: [days[index % 7]], opensAt: '09:00', closesAt: '10:00', note: `Session ${index + 1}` })),
  });
  const phoneOnly = await published({ title: 'Kinship duty line', summary: 'Ring us.', contacts: [phone.documentId] });
  const odd = await published({ title: ODD_TITLE, summary: 'مرحبا 🧡 '.repeat(10) });
  Object.assign(uuids, { forty: forty.uuid, phoneOnly: phoneOnly.uuid, odd: odd.uuid });
  const offers: Array<[string, string, string[]]> = [
    ['Nowhere New Council', 'nowhere-new', []],
    ['Odd Data Council 🧡', 'odd-data', [forty.documentId, phoneOnly.documentId, odd.documentId]],
    ['Second Council', 'second-council', [phoneOnly.documentId]],
  ];
  for (const [name, slug, services] of offers) {
    // Councils not on the ONS list: a new authority after a reorganisation.
    const offer = await documents(OFFER).create({
      data: { name, slug, councils: [{ name, gssCode: 'E06000990' }], contactName: 'Kinship Team', contactPhone: '020 7946 0000', services: { connect: services } } as any,
    });
    await documents(OFFER).publish({ documentId: offer.documentId });
  }
});
afterAll(async () => cms?.stop());

describe('an offer published before any service', () => {
  it('says no services are listed yet and gives the named contact, never "no services match your choices" when nothing was chosen', async () => {
    const { status, html } = await page('/nowhere-new');
    expect(status).toBe(200);
    expect(html).toContain('Contact Kinship Team');
    expect(html).toContain(escaped(DEFAULT_STRINGS.noServicesYet));
    expect(html).not.toContain(escaped(DEFAULT_STRINGS.noResults));
    expect(html).not.toContain(DEFAULT_STRINGS.clearFilters);
    expect(graph(html).filter((node) => node['@type'] === 'GovernmentService')).toEqual([]);
  });

  it('a reader\'s choices that leave nothing still say so, with the way to clear them', async () => {
    const { html } = await page('/odd-data?kinship-q=nothing-is-called-this');
    expect(html).toContain(escaped(DEFAULT_STRINGS.noResults));
    expect(html).toContain(DEFAULT_STRINGS.clearFilters);
    expect(html).not.toContain(escaped(DEFAULT_STRINGS.noServicesYet));
  });
});

describe('services with odd but real data', () => {
  it('a service open to no arrangement named yet shows no empty "Open to" line, on its page or the offer\'s', async () => {
    for (const path of ['/odd-data', `/odd-data/services/${uuids.phoneOnly}`]) {
      const { html } = await page(path);
      expect(html, path).toContain('Kinship duty line');
      expect(html, path).not.toMatch(/<dt>Open to<\/dt>\s*<dd>\s*<\/dd>/);
    }
  });

  it('forty opening times are all on the service\'s page', async () => {
    const { html } = await page(`/odd-data/services/${uuids.forty}`);
    for (let session = 1; session <= 40; session++) expect(html).toContain(`Session ${session}<`);
  });

  it('a service reached only by phone gives its number as a link to dial, and as its JSON-LD channel', async () => {
    const { html } = await page(`/odd-data/services/${uuids.phoneOnly}`);
    expect(html).toContain('href="tel:+442079460555"');
    const service = graph(html).find((node) => node['@type'] === 'GovernmentService');
    expect(service.availableChannel).toEqual([{ '@type': 'ServiceChannel', servicePhone: { '@type': 'ContactPoint', telephone: '020 7946 0555' } }]);
  });

  it('emoji, right-to-left and very long words reach the heading, the title, the link preview and the JSON-LD unchanged', async () => {
    const { status, html } = await page(`/odd-data/services/${uuids.odd}`);
    expect(status).toBe(200);
    expect(html).toContain(`<h1 class="first">${ODD_TITLE}</h1>`);
    expect(html).toContain(`<title>${ODD_TITLE} – Odd Data Council 🧡</title>`);
    expect(html).toContain(`<meta property="og:title" content="${ODD_TITLE} – Odd Data Council 🧡">`);
    expect(graph(html).find((node) => node['@type'] === 'GovernmentService').name).toBe(ODD_TITLE);
  });

  it('the same service in two offers has a page under each, each with its own offer\'s address', async () => {
    for (const slug of ['odd-data', 'second-council']) {
      const { status, html } = await page(`/${slug}/services/${uuids.phoneOnly}`);
      expect(status).toBe(200);
      expect(html).toContain(`<link rel="canonical" href="${base}/${slug}/services/${uuids.phoneOnly}">`);
    }
  });

  it('the sitemap lists every page of the three offers, the shared service once per offer', async () => {
    const { html: xml } = await page('/sitemap.xml');
    for (const slug of ['nowhere-new', 'odd-data', 'second-council']) expect(xml).toContain(`<loc>${base}/${slug}</loc>`);
    expect(xml.split(`/services/${uuids.phoneOnly}</loc>`).length - 1).toBe(2);
  });

  it('an address with letters outside ASCII, or a malformed escape, is a 404 page, never a 500', async () => {
    for (const path of ['/caf%C3%A9', '/odd-data/services/caf%C3%A9', '/%E0%A4%A', '/odd-data/services/%F0%9F%A7%A1/embed']) {
      expect((await page(path)).status, path).toBe(404);
    }
  });
});
