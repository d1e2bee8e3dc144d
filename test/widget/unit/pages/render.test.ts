/**
 * What the page renderer emits, in Node, from the demo offer's fixture: @lit-labs/ssr is a labs
 * package, pinned, and these hold the parts of its output the pages rely on.
 */
import { describe, expect, it } from 'vitest';
import type { PageLinks } from '../../../../plugin/shared/pages';
import type { OfferView } from '../../../../plugin/shared/offer-view';
import { jsonForScript } from '../../../../widget/src/pages/json-ld';
import { renderPage, usePacks } from '../../../../widget/src/pages/render';
import welsh from '../../../../widget/src/packs/cy.json';
import { DEFAULT_STRINGS } from '../../../../widget/src/strings';
import fixture from '../../fixtures/example-borough.json';

// The widget's query leaves the councils out; the pages render from the whole view, which has them.
const offer = { ...fixture.data.kinshipOffer, councils: [{ name: 'Example Borough Council', gssCode: 'E09000999' }] } as unknown as OfferView;
const links: PageLinks = {
  canonical: 'https://cms.example.gov.uk/kinship-offer/example-borough',
  offer: 'https://cms.example.gov.uk/kinship-offer/example-borough',
  service: (uuid) => `https://cms.example.gov.uk/kinship-offer/example-borough/services/${uuid}`,
  consultationReport: 'https://cms.example.gov.uk/kinship-offer/example-borough/consultation-report',
  alternates: [],
  stylesheet: '/pages.css',
  script: '/pages.js',
};
const HOSTILE = '</script><script>__xss(1)</script><!--';

describe('jsonForScript', () => {
  it('leaves nothing that ends or changes a script element, and reads back as the same value', () => {
    const value = { name: HOSTILE, more: 'a & b > c \u2028 \u2029' };
    const json = jsonForScript(value);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('the page renderer (Lit\'s server rendering of the element\'s templates)', () => {
  it('writes no hydration marks, and no checked="false" for a box that is not checked', async () => {
    const html = await renderPage({ kind: 'offer', offer, links, search: '?kinship-support=financial_support' });
    expect(html).not.toMatch(/lit-part|lit-node|<\?>/);
    expect(html).not.toContain('checked="');
    // The chosen support type, and "I'm not sure" (no arrangement chosen).
    expect(html.match(/\schecked[\s>/]/g)).toHaveLength(2);
  });

  it('escapes content in the title, the meta, the text and the JSON-LD', async () => {
    const hostile = { ...offer, name: HOSTILE, services: [{ ...offer.services[0], title: HOSTILE, summary: HOSTILE }] };
    const html = await renderPage({ kind: 'service', offer: hostile, service: hostile.services[0], links, qrCode: '' });
    expect(html).not.toContain('<script>__xss');
    expect(html).toContain('<title>&lt;/script&gt;&lt;script&gt;__xss(1)&lt;/script&gt;&lt;!-- – &lt;/script&gt;');
    expect(html).toContain('<meta property="og:title" content="&lt;/script&gt;');
    const json = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1];
    expect(JSON.parse(json)['@graph'].find((node: any) => node['@type'] === 'GovernmentService').name).toBe(HOSTILE);
  });

  it('the embed variant (for the iframe view): no council chrome, noindex but indexifembedded', async () => {
    const html = await renderPage({ kind: 'offer', offer, links, search: '', embed: true });
    expect(html).toContain('<meta name="robots" content="noindex, indexifembedded">');
    expect(html).not.toContain('class="page-header"');
    expect(html).toContain(`<link rel="canonical" href="${links.canonical}">`);
    const page = await renderPage({ kind: 'offer', offer, links, search: '' });
    expect(page).not.toContain('name="robots"');
    expect(page).toContain('class="page-header"');
  });
});

describe('the pages in the offer\'s language', () => {
  it('use the element\'s pack for the offer\'s locale, key by key over English, as the element does', async () => {
    const model = { kind: 'offer' as const, offer, links, search: '' };
    const english = await renderPage(model);
    usePacks({ cy: welsh.strings });
    const inWelsh = await renderPage({ ...model, offer: { ...offer, locale: 'cy' } });
    expect(welsh.strings.servicesHeading).not.toBe(DEFAULT_STRINGS.servicesHeading);
    expect(inWelsh).toContain(welsh.strings.servicesHeading);
    expect(english).toContain(DEFAULT_STRINGS.servicesHeading);
    expect(english).not.toContain(welsh.strings.servicesHeading);
  });
});
