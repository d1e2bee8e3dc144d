/**
 * The iframe view of the offer and of each service, against a real Strapi with the demo: what a
 * host framing it gets (headers, markup), and that the pages around it keep their own framing rules.
 * How it behaves in a browser, framed by hosts of each kind: test/e2e/embed.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCms, type TestCms } from '../support/cms';

const SLUG = 'example-borough';
/** Only the demo's hidden address (8 Imaginary Road, EB4 5EF) contains these. */
const HIDDEN = ['Imaginary', '5EF', 'EB4 5'];

let cms: TestCms;
let base: string;
let services: Array<{ uuid: string; title: string }>;

async function page(path: string) {
  const response = await fetch(`${base}${path}`);
  return { status: response.status, headers: response.headers, html: await response.text() };
}

beforeAll(async () => {
  cms = await startCms();
  base = `${cms.url}/kinship-offer`;
  const offer = await cms.strapi.documents('plugin::kinship-offer.offer').findFirst({ filters: { slug: SLUG }, status: 'published', populate: { services: true } });
  services = (offer!.services as Array<{ uuid: string; title: string }>).map(({ uuid, title }) => ({ uuid, title }));
});
afterAll(async () => cms?.stop());

describe('the iframe view', () => {
  it('of the offer: the page without the council\'s chrome, not indexed but where embedded, its own title', async () => {
    const { status, html } = await page(`/${SLUG}/embed`);
    expect(status).toBe(200);
    expect(html).toContain('<title>Example Borough Council</title>');
    expect(html).toContain('<meta name="robots" content="noindex, indexifembedded">');
    expect(html).toContain('<meta name="responsive-embedded-sizing">');
    expect(html).not.toContain('class="page-header"');
    expect(html).toContain('<h1 class="first">Example Borough Council</h1>');
    // Its canonical is the page itself, not the view.
    expect(html).toContain(`<link rel="canonical" href="${base}/${SLUG}">`);
  });

  it('keeps the offer\'s own links in the frame and sends every other link out of it', async () => {
    const { html } = await page(`/${SLUG}/embed`);
    expect(html).toContain('<base target="_blank">');
    for (const { uuid } of services) expect(html).toContain(`href="${base}/${SLUG}/services/${uuid}/embed" target="_self"`);
    expect(html).toMatch(new RegExp(`<form [^>]*action="${base}/${SLUG}/embed" target="_self">`));
    expect(html).toContain('<a class="skip-link" href="#main" target="_self">');
  });

  it('of every service: its title, a way back to the offer in the frame', async () => {
    for (const { uuid, title } of services) {
      const { status, html } = await page(`/${SLUG}/services/${uuid}/embed`);
      expect(status, title).toBe(200);
      expect(html, title).toContain('<meta name="robots" content="noindex, indexifembedded">');
      expect(html, title).toContain(`<link rel="canonical" href="${base}/${SLUG}/services/${uuid}">`);
      expect(html, title).toContain(`<a href="${base}/${SLUG}/embed" target="_self">Example Borough Council</a>`);
      for (const secret of HIDDEN) expect(html, title).not.toContain(secret);
    }
  });

  it('loads its own script as a classic script, which is served', async () => {
    const { html } = await page(`/${SLUG}/embed`);
    const script = /<script src="([^"]+\/assets\/embed\.js\?v=[^"]+)" defer>/.exec(html)![1];
    const response = await fetch(script);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toContain('kinship-offer:resize');
    const resize = await fetch(`${base}/assets/resize.js`);
    expect(resize.status).toBe(200);
  });

  it('may be framed by any host, while the pages keep the app\'s framing rules', async () => {
    for (const path of [`/${SLUG}/embed`, `/${SLUG}/services/${services[0].uuid}/embed`]) {
      // Twice: the second at least is sent from the cache, with the headers it was built with.
      for (let round = 0; round < 2; round++) {
        const { headers } = await page(path);
        if (round) expect(headers.get('x-cache'), path).toBe('HIT');
        expect(headers.get('x-frame-options'), path).toBeNull();
        expect(headers.get('content-security-policy'), path).not.toMatch(/frame-ancestors/);
        expect(headers.get('content-security-policy'), path).toMatch(/script-src 'self'/);
      }
    }
    for (const path of [`/${SLUG}`, `/${SLUG}/services/${services[0].uuid}`]) {
      for (let round = 0; round < 2; round++) {
        const { headers } = await page(path);
        expect(headers.get('x-frame-options'), path).toBe('SAMEORIGIN');
        expect(headers.get('content-security-policy'), path).toMatch(/frame-ancestors 'self'/);
      }
    }
  });

  it('a page and its view are kept apart in the cache', async () => {
    const plain = await page(`/${SLUG}/services/${services[1].uuid}`);
    const view = await page(`/${SLUG}/services/${services[1].uuid}/embed`);
    expect(plain.html).toContain('class="page-header"');
    expect(view.html).not.toContain('class="page-header"');
  });
});

describe('oEmbed', () => {
  const oembed = async (params: Record<string, string>) => {
    const response = await fetch(`${cms.url}/api/kinship-offer/oembed?${new URLSearchParams(params)}`);
    return { status: response.status, headers: response.headers, text: await response.text() };
  };
  const json = async (params: Record<string, string>) => JSON.parse((await oembed(params)).text);

  it('every public page names its oEmbed answer in its head, and the answer is the page\'s iframe view', async () => {
    for (const [path, title] of [[`/${SLUG}`, 'Example Borough Council'], ...services.map(({ uuid, title }) => [`/${SLUG}/services/${uuid}`, `${title} – Example Borough Council`])]) {
      const { html } = await page(path);
      const link = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)" title="([^"]+)">/.exec(html);
      expect(link, path).not.toBeNull();
      const response = await fetch(link![1].replace(/&amp;/g, '&'));
      expect(response.status, path).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      const answer = await response.json();
      expect(answer, path).toMatchObject({ version: '1.0', type: 'rich', title, provider_name: 'Example Borough Council', provider_url: `${base}/${SLUG}`, width: 640, height: 800 });
      expect(answer.html, path).toBe(
        `<blockquote><a href="${base}${path}">${title.replace(/'/g, '&#39;')}</a></blockquote><iframe src="${base}${path}/embed" title="${title.replace(/'/g, '&#39;')}" width="640" height="800" frameborder="0" style="width: 100%; border: 0; frame-sizing: content-height"></iframe>`,
      );
      for (const secret of HIDDEN) expect(JSON.stringify(answer), path).not.toContain(secret);
    }
  });

  it('keeps within the consumer\'s maxwidth and maxheight, and answers in XML', async () => {
    expect(await json({ url: `${base}/${SLUG}`, maxwidth: '500', maxheight: '750' })).toMatchObject({ width: 500, height: 750 });
    const xml = await oembed({ url: `${base}/${SLUG}`, format: 'xml' });
    expect(xml.status).toBe(200);
    expect(xml.headers.get('content-type')).toBe('text/xml; charset=utf-8');
    expect(xml.text).toContain('<type>rich</type>');
    expect(xml.text).toContain(`&lt;iframe src=&quot;${base}/${SLUG}/embed&quot;`);
  });

  it('answers the iframe view\'s own address as its page\'s', async () => {
    expect((await json({ url: `${base}/${SLUG}/embed` })).title).toBe('Example Borough Council');
  });

  it('refuses with a 404 every address that is not a published page of ours, and fetches none of them', async () => {
    let fetched = 0;
    const { createServer } = await import('node:http');
    const elsewhere = createServer((_request, response) => {
      fetched++;
      response.end('<link rel="alternate" type="application/json+oembed" href="http://example.com/">');
    });
    await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
    const other = `http://127.0.0.1:${(elsewhere.address() as { port: number }).port}`;
    const draftOnly = await cms.strapi.documents('plugin::kinship-offer.service').create({ data: { title: 'Draft only', summary: 'Not ready', cost: 'free' } as any });
    for (const url of [
      `${other}/kinship-offer/${SLUG}`,
      `https://example.com/kinship-offer/${SLUG}`,
      `${cms.url}/api/kinship-offer/widget.js`,
      `${cms.url}/kinship-offerx/${SLUG}`,
      `${base}/no-such-offer`,
      `${base}/${SLUG}/services/00000000-0000-4000-8000-000000000000`,
      `${base}/${SLUG}/services/${draftOnly.uuid}`,
      `${base}/${SLUG}/nothing/here`,
      `${base}/assets/pages.js`,
      `${base}`,
    ]) {
      const { status, text } = await oembed({ url });
      expect(status, url).toBe(404);
      expect(text, url).not.toContain('Draft only');
    }
    expect(fetched).toBe(0);
    await new Promise((resolve) => elsewhere.close(resolve));
  });

  it('answers junk with a 400 naming the parameter, and another format with a 501', async () => {
    for (const params of [{}, { url: '' }, { url: 'not a url' }, { url: 'javascript:alert(1)' }, { url: `${base}/${'a'.repeat(3000)}` }, { url: `${base}/${SLUG}`, maxwidth: '-5' }, { url: `${base}/${SLUG}`, maxheight: 'tall' }]) {
      const { status, text } = await oembed(params as Record<string, string>);
      expect(status, JSON.stringify(params)).toBe(400);
      expect(JSON.parse(text).error.details.parameter, JSON.stringify(params)).toMatch(/^(url|maxwidth|maxheight)$/);
    }
    expect((await oembed({ url: `${base}/${SLUG}`, format: 'yaml' })).status).toBe(501);
  });
});

describe('the link card and QR codes', () => {
  const api = (path: string, params: Record<string, string>) => fetch(`${cms.url}/api/kinship-offer/${path}?${new URLSearchParams(params)}`);

  it('a link to the page, one line, and the named contact\'s phone, as plain HTML and text', async () => {
    const response = await api('link-card', { url: `${base}/${SLUG}` });
    expect(response.status).toBe(200);
    const card = await response.json();
    expect(card.html).toBe(
      `<p><a href="${base}/${SLUG}">Example Borough Council</a><br>Support for relatives and friends raising a child (kinship care). Call Kinship Support Team on 020 7946 0000.</p>`,
    );
    expect(card.text).toBe(`Example Borough Council\n${base}/${SLUG}\nSupport for relatives and friends raising a child (kinship care).\nCall Kinship Support Team on 020 7946 0000.`);
    for (const secret of HIDDEN) expect(JSON.stringify(card)).not.toContain(secret);
    const svg = await fetch(card.qrCode.svg);
    expect(svg.headers.get('content-type')).toBe('image/svg+xml');
    expect(await svg.text()).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const png = await fetch(card.qrCode.png);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await png.arrayBuffer()).subarray(1, 4).toString()).toBe('PNG');
  });

  it('a service\'s card links to the service\'s page', async () => {
    const card = await (await api('link-card', { url: `${base}/${SLUG}/services/${services[0].uuid}` })).json();
    expect(card.html).toContain(`<a href="${base}/${SLUG}/services/${services[0].uuid}">`);
  });

  it('only for pages of ours: 404 for other addresses, 400 for junk', async () => {
    for (const path of ['link-card', 'qr-code']) {
      expect((await api(path, { url: `https://example.com/kinship-offer/${SLUG}` })).status, path).toBe(404);
      expect((await api(path, { url: `${base}/no-such-offer` })).status, path).toBe(404);
      expect((await api(path, { url: 'junk' })).status, path).toBe(400);
    }
    expect((await api('qr-code', { url: `${base}/${SLUG}`, format: 'gif' })).status).toBe(400);
  });
});
