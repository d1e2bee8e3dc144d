/** The embed builder's snippet and the admin's links: what editors copy and where gaps lead. */
import { describe, expect, it } from 'vitest';
import { embedAttributes, embedSnippet, iframeSnippet, previewBaseOf, previewPage, WHERE_TO_USE } from '../../../plugin/admin/src/embed/snippet';
import { editOffer, fixFor, newService } from '../../../plugin/admin/src/links';

const widgetScript = 'https://cms.example.gov.uk/api/kinship-offer/widget.js';
const offerViewBase = 'https://cms.example.gov.uk/api/kinship-offer/view/';
const offer = { slug: 'example-borough', name: 'Example Borough Council', contactUrl: 'https://www.example.gov.uk/kinship', contactPhone: '020 7946 0100' };

describe('the embed snippet', () => {
  it('is the offer\'s preload, one script tag from the CMS and the element, with a fallback link and phone number', () => {
    expect(embedSnippet({ widgetScript, offerViewBase, offer })).toBe(
      [
        '<link rel="preload" as="fetch" crossorigin href="https://cms.example.gov.uk/api/kinship-offer/view/example-borough">',
        '<script type="module" src="https://cms.example.gov.uk/api/kinship-offer/widget.js"></script>',
        '<kinship-offer offer="example-borough">',
        '  <p><a href="https://www.example.gov.uk/kinship">Example Borough Council: kinship local offer</a>. Call 020 7946 0100.</p>',
        '</kinship-offer>',
      ].join('\n'),
    );
  });

  it('says reach="off" only where the builder asks it to (its own preview)', () => {
    expect(embedSnippet({ widgetScript, offerViewBase, offer })).not.toContain('reach');
    expect(embedSnippet({ widgetScript, offerViewBase, offer, reach: 'off' })).toContain('<kinship-offer offer="example-borough" reach="off">');
  });

  it('lists only the options that differ from the element\'s defaults', () => {
    expect(embedAttributes({ widgetScript, offerViewBase, offer, view: 'full', headingLevel: 2, supportTypes: [] })).toEqual([['offer', 'example-borough']]);
    expect(
      embedAttributes({ widgetScript, offerViewBase, offer, arrangement: 'special_guardianship_order', supportTypes: ['financial_support', 'legal_support'], view: 'services', headingLevel: 3 }),
    ).toEqual([
      ['offer', 'example-borough'],
      ['arrangement', 'special_guardianship_order'],
      ['support-types', 'financial_support legal_support'],
      ['view', 'services'],
      ['heading-level', '3'],
    ]);
  });

  it('escapes what an editor typed into the offer, so the snippet cannot carry markup', () => {
    const snippet = embedSnippet({ widgetScript, offerViewBase, offer: { slug: 'a"b', name: 'A <b>bold</b> & co', contactUrl: 'https://x.example/?a="1"' } });
    expect(snippet).toContain('offer="a&quot;b"');
    expect(snippet).toContain('/api/kinship-offer/view/a%22b"');
    expect(snippet).toContain('A &lt;b&gt;bold&lt;/b&gt; &amp; co');
    expect(snippet).toContain('href="https://x.example/?a=&quot;1&quot;"');
    expect(snippet).not.toContain('<b>');
  });
});

describe('where a gap leads', () => {
  it('a missing section opens the offer at that field; a missing support type, a new service', () => {
    expect(fixFor('abc', { key: 'section:complaints', field: 'complaints' })).toBe(editOffer('abc', 'complaints'));
    expect(editOffer('abc', 'complaints')).toBe('/content-manager/collection-types/plugin::kinship-offer.offer/abc?field=complaints');
    expect(fixFor('abc', { key: 'support:therapeutic_support' })).toBe(newService());
  });
});

describe('the other ways onto a site', () => {
  it('the iframe is the page\'s iframe view at a fixed height, titled, with the resize script', () => {
    const page = { embed: 'https://cms.example.gov.uk/family-support/example-borough/embed', resizeScript: 'https://cms.example.gov.uk/family-support/assets/resize.js' };
    expect(iframeSnippet(page, 'Example "Borough"')).toBe(
      [
        '<iframe title="Kinship local offer: Example &quot;Borough&quot;" src="https://cms.example.gov.uk/family-support/example-borough/embed"',
        '  style="width: 100%; height: 800px; border: 0; frame-sizing: content-height"></iframe>',
        '<script src="https://cms.example.gov.uk/family-support/assets/resize.js" async></script>',
      ].join('\n'),
    );
  });

  it('names a way for each CMS councils use', () => {
    expect(WHERE_TO_USE.map(({ cms }) => cms)).toEqual(['LocalGov Drupal', 'Drupal with oembed_providers', 'WordPress', 'Umbraco', 'Jadu', 'GOSS', 'A plain HTML site']);
  });
});

describe('the previews\' host page', () => {
  const bases = { publicUrl: 'http://localhost:1337', previewBase: 'http://127.0.0.1:1337' };

  it('is a plain page at the browser\'s default size, holding the text as it is where the admin is at the public URL', () => {
    const html = embedSnippet({ widgetScript: 'http://localhost:1337/api/kinship-offer/widget.js', offerViewBase: 'http://localhost:1337/api/kinship-offer/view/', offer });
    const page = previewPage(html, { publicUrl: 'http://localhost:1337', previewBase: 'http://localhost:1337' });
    expect(page).toContain(`<body>${html}</body>`);
    expect(page).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(page).not.toMatch(/font-size/);
  });

  it('loads what the text names under the public URL from where this browser reaches the CMS, and nothing else', () => {
    const page = previewPage('<a href="http://localhost:1337/x">a</a><a href="http://localhost:13370/y">b</a><img src="http://localhost:1337">', bases);
    expect(page).toContain('<a href="http://127.0.0.1:1337/x">a</a><a href="http://localhost:13370/y">b</a><img src="http://127.0.0.1:1337">');
  });

  it('reaches the CMS where the admin\'s own backend is, else at the admin\'s origin', () => {
    expect(previewBaseOf({ strapi: { backendURL: 'https://www.example.gov.uk/cms/' }, location: { origin: 'https://www.example.gov.uk' } })).toBe('https://www.example.gov.uk/cms');
    expect(previewBaseOf({ strapi: { backendURL: '' }, location: { origin: 'https://cms.example.gov.uk' } })).toBe('https://cms.example.gov.uk');
  });
});
