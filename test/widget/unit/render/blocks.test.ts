/**
 * The widget's rich-text renderer and its safe links, run in Node by vitest (fast, and under
 * mutation testing): every refused scheme in every disguise a browser would still follow, and
 * rendering that keeps text as text. The browser tests (test/widget/kinship-offer.test.ts) see
 * the same in the real element.
 */
import { nothing } from 'lit';
import { describe, expect, it } from 'vitest';
import type { Blocks } from '../../../../widget/src/api/types';
import { hasWords } from '../../../../plugin/shared/code-lists';
import { renderBlocks, safeHref } from '../../../../widget/src/render/blocks';
import { REFUSED_LINKS } from '../../../support/refused-links';
import { markup } from './markup';

const render = (blocks: unknown, level?: number) => markup(renderBlocks(blocks as Blocks, level)).replace(/\s+/g, ' ').trim();
const paragraphLinking = (url: unknown) => [{ type: 'paragraph', children: [{ type: 'link', url, children: [{ type: 'text', text: 'here' }] }] }];

describe('safeHref', () => {
  it.each([
    ['https://www.example.gov.uk/kinship', 'https://www.example.gov.uk/kinship'],
    ['HTTPS://WWW.EXAMPLE.GOV.UK/kinship', 'https://www.example.gov.uk/kinship'],
    ['  https://www.example.gov.uk/kinship  ', 'https://www.example.gov.uk/kinship'],
    ['https://www.example.gov.uk', 'https://www.example.gov.uk/'],
    ['mailto:kinship@example.gov.uk', 'mailto:kinship@example.gov.uk'],
    ['MAILTO:kinship@example.gov.uk', 'mailto:kinship@example.gov.uk'],
    ['tel:+442079460000', 'tel:+442079460000'],
    ['tel:020 7946 0000', 'tel:02079460000'],
  ])('links %j as %j', (url, href) => expect(safeHref(url)).toBe(href));

  it.each(REFUSED_LINKS)('refuses %j', (url) => expect(safeHref(url)).toBeNull());

  it.each([undefined, null, 42, { href: 'https://x.example' }, ['https://x.example']])('refuses %j, which is not text', (url) => expect(safeHref(url)).toBeNull());
});

describe('renderBlocks', () => {
  it('links a safe link, with rel="noopener noreferrer"', () => {
    expect(render(paragraphLinking('https://www.example.gov.uk/a'))).toBe('<p><a href=https://www.example.gov.uk/a rel="noopener noreferrer">here</a></p>');
  });

  it.each(['javascript:alert(1)', 'data:text/html,x', 'vbscript:x', 'http://www.example.gov.uk', ' JaVa\tScRiPt:alert(1)', undefined])(
    'shows the words of a link to %j, and no link',
    (url) => expect(render(paragraphLinking(url))).toBe('<p>here</p>'),
  );

  it('renders text as text, never as HTML', () => {
    expect(render([{ type: 'paragraph', children: [{ type: 'text', text: '<img src=x onerror=alert(1)> & "quotes"' }] }])).toBe(
      '<p>&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;</p>',
    );
  });

  it('marks text up in a fixed order', () => {
    const text = { type: 'text', text: 'all', bold: true, italic: true, underline: true, strikethrough: true, code: true };
    expect(render([{ type: 'paragraph', children: [text] }])).toBe('<p><s><u><em><strong><code>all</code></strong></em></u></s></p>');
    expect(render([{ type: 'paragraph', children: [{ type: 'text', text: 'b', bold: true }, { type: 'text', text: ' plain' }, { type: 'text' }] }])).toBe(
      '<p><strong>b</strong> plain</p>',
    );
  });

  it('renders lists, ordered and not, and quotes', () => {
    const item = (text: string) => ({ type: 'list-item', children: [{ type: 'text', text }] });
    expect(render([{ type: 'list', format: 'ordered', children: [item('one'), item('two')] }])).toBe('<ol><li>one</li><li>two</li></ol>');
    expect(render([{ type: 'list', format: 'unordered', children: [item('one')] }])).toBe('<ul><li>one</li></ul>');
    expect(render([{ type: 'list', format: 'ordered' }])).toBe('<ol></ol>');
    expect(render([{ type: 'list' }])).toBe('<ul></ul>');
    expect(render([{ type: 'quote', children: [{ type: 'text', text: 'said' }] }])).toBe('<blockquote>said</blockquote>');
  });

  it('sets headings below the section heading: H1 and H2 at the given level, deeper ones after, never past 6', () => {
    const heading = (level?: number) => [{ type: 'heading', level, children: [{ type: 'text', text: 'H' }] }];
    const levelOf = (level: number | undefined, at?: number) => /aria-level=(\d+)/.exec(render(heading(level), at))?.[1];
    expect(render(heading(2))).toBe('<p role="heading" aria-level=3 class="rich-heading">H</p>');
    expect(levelOf(1)).toBe('3');
    expect(levelOf(3)).toBe('4');
    expect(levelOf(undefined)).toBe('3');
    expect(levelOf(2, 4)).toBe('4');
    expect(levelOf(6, 4)).toBe('6');
    expect(levelOf(5, 3)).toBe('6');
    expect(levelOf(4, 3)).toBe('5');
  });

  it('leaves images out, and shows blocks it does not know as their words', () => {
    expect(render([{ type: 'image', image: { url: 'https://x.example/a.png' }, children: [{ type: 'text', text: 'alt' }] }])).toBe('');
    expect(render([{ type: 'code', children: [{ type: 'text', text: 'x = 1' }] }])).toBe('<p>x = 1</p>');
    expect(render([{ type: 'paragraph', children: [{ type: 'mention', children: [{ type: 'text', text: 'Jo' }] }] }])).toBe('<p>Jo</p>');
    expect(render([{ type: 'paragraph' }])).toBe('<p></p>');
    expect(render([{ type: 'paragraph', children: [{ type: 'mention', url: 'https://x.example', children: [{ type: 'text', text: 'Jo' }] }] }])).toBe('<p>Jo</p>');
  });

  it('renders nothing for no rich text', () => {
    expect(renderBlocks(null)).toBe(nothing);
    expect(renderBlocks(undefined)).toBe(nothing);
    expect(renderBlocks([])).toBe(nothing);
    expect(renderBlocks('<p>x</p>' as unknown as Blocks)).toBe(nothing);
  });
});

describe('hasWords', () => {
  it.each<[unknown, boolean]>([
    [[{ type: 'paragraph', children: [{ type: 'text', text: 'Words' }] }], true],
    [[{ type: 'paragraph', children: [{ type: 'text', text: '' }] }, { type: 'list', children: [{ type: 'list-item', children: [{ type: 'text', text: ' x ' }] }] }], true],
    [[{ type: 'paragraph', children: [{ type: 'text', text: '  \n ' }] }], false],
    [[{ type: 'paragraph', children: [] }, { type: 'paragraph' }], false],
    [[{ type: 'paragraph', children: [{ type: 'text', text: '' }, { type: 'text', text: '' }] }], false],
    [[], false],
    [null, false],
    [undefined, false],
    ['Words', false],
  ])('says %j has words: %j', (blocks, expected) => expect(hasWords(blocks as Blocks)).toBe(expected));
});
