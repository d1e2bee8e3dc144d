/** The embed builder's snippet and the admin's links: what editors copy and where gaps lead. */
import { describe, expect, it } from 'vitest';
import { cmsUrlOf, embedAttributes, embedSnippet, iframeSnippet, pageUrl, WHERE_TO_USE } from '../../../plugin/admin/src/embed/snippet';
import { editOffer, fixFor, newService } from '../../../plugin/admin/src/links';

const offer = { slug: 'example-borough', name: 'Example Borough Council', contactUrl: 'https://www.example.gov.uk/kinship', contactPhone: '020 7946 0100' };

describe('the embed snippet', () => {
  it('is the offer\'s preload, one script tag from the CMS and the element, with a fallback link and phone number', () => {
    expect(embedSnippet({ cmsUrl: 'https://cms.example.gov.uk/', offer })).toBe(
      [
        '<link rel="preload" as="fetch" crossorigin href="https://cms.example.gov.uk/api/kinship-offer/view/example-borough">',
        '<script type="module" src="https://cms.example.gov.uk/api/kinship-offer/widget.js"></script>',
        '<kinship-offer offer="example-borough">',
        '  <p><a href="https://www.example.gov.uk/kinship">Example Borough Council: kinship local offer</a>. Call 020 7946 0100.</p>',
        '</kinship-offer>',
      ].join('\n'),
    );
  });

  it('loads the script from the CMS under the path a proxy serves it at (Strapi\'s url, PUBLIC_URL)', () => {
    const admin = { strapi: { backendURL: 'https://www.example.gov.uk/cms' }, location: { origin: 'https://www.example.gov.uk' } };
    expect(embedSnippet({ cmsUrl: cmsUrlOf(admin), offer })).toContain(
      '<script type="module" src="https://www.example.gov.uk/cms/api/kinship-offer/widget.js"></script>',
    );
    expect(embedSnippet({ cmsUrl: cmsUrlOf(admin), offer })).toContain('href="https://www.example.gov.uk/cms/api/kinship-offer/view/example-borough"');
    // With no url configured, the admin's own origin.
    expect(cmsUrlOf({ strapi: { backendURL: '' }, location: { origin: 'https://cms.example.gov.uk' } })).toBe('https://cms.example.gov.uk');
  });

  it('lists only the options that differ from the element\'s defaults', () => {
    expect(embedAttributes({ cmsUrl: '', offer, view: 'full', headingLevel: 2, supportTypes: [] })).toEqual([['offer', 'example-borough']]);
    expect(
      embedAttributes({ cmsUrl: '', offer, arrangement: 'special_guardianship_order', supportTypes: ['financial_support', 'legal_support'], view: 'services', headingLevel: 3 }),
    ).toEqual([
      ['offer', 'example-borough'],
      ['arrangement', 'special_guardianship_order'],
      ['support-types', 'financial_support legal_support'],
      ['view', 'services'],
      ['heading-level', '3'],
    ]);
  });

  it('escapes what an editor typed into the offer, so the snippet cannot carry markup', () => {
    const snippet = embedSnippet({ cmsUrl: 'https://cms.example', offer: { slug: 'a"b', name: 'A <b>bold</b> & co', contactUrl: 'https://x.example/?a="1"' } });
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
  it('the pasted link is the offer\'s page under the CMS\'s public address', () => {
    expect(pageUrl('https://www.example.gov.uk/cms/', 'example-borough')).toBe('https://www.example.gov.uk/cms/kinship-offer/example-borough');
  });

  it('the iframe is the page\'s iframe view at a fixed height, titled, with the resize script', () => {
    expect(iframeSnippet({ cmsUrl: 'https://cms.example.gov.uk', offer: { ...offer, name: 'Example "Borough"' } })).toBe(
      [
        '<iframe title="Kinship local offer: Example &quot;Borough&quot;" src="https://cms.example.gov.uk/kinship-offer/example-borough/embed"',
        '  style="width: 100%; height: 800px; border: 0; frame-sizing: content-height"></iframe>',
        '<script src="https://cms.example.gov.uk/kinship-offer/assets/resize.js" async></script>',
      ].join('\n'),
    );
  });

  it('names a way for each CMS councils use', () => {
    expect(WHERE_TO_USE.map(({ cms }) => cms)).toEqual(['LocalGov Drupal', 'Drupal with oembed_providers', 'WordPress', 'Umbraco', 'Jadu', 'GOSS', 'A plain HTML site']);
  });
});
