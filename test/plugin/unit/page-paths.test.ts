/** What a path under the pages' base names (plugin/server/src/pages/addresses readPagePath), the iframe views included. */
import { describe, expect, it } from 'vitest';
import { readPagePath } from '../../../plugin/server/src/pages/addresses';

describe('readPagePath', () => {
  it('reads a page and its iframe view', () => {
    expect(readPagePath('/example-borough')).toEqual({ kind: 'offer', slug: 'example-borough', embed: false });
    expect(readPagePath('/example-borough/embed')).toEqual({ kind: 'offer', slug: 'example-borough', embed: true });
    expect(readPagePath('/example-borough/embed/')).toEqual({ kind: 'offer', slug: 'example-borough', embed: true });
    expect(readPagePath('/example-borough/services/u-1')).toEqual({ kind: 'service', slug: 'example-borough', uuid: 'u-1', embed: false });
    expect(readPagePath('/example-borough/services/u-1/embed')).toEqual({ kind: 'service', slug: 'example-borough', uuid: 'u-1', embed: true });
  });

  it('an offer slugged "embed" is an offer, and an iframe view of nothing is nothing', () => {
    expect(readPagePath('/embed')).toEqual({ kind: 'offer', slug: 'embed', embed: false });
    expect(readPagePath('/example-borough/services/embed')).toEqual({ kind: 'unknown', slug: 'example-borough' });
    expect(readPagePath('/example-borough/embed/embed')).toEqual({ kind: 'unknown', slug: 'example-borough' });
  });

  it('reads the scripts a host or the iframe view loads', () => {
    expect(readPagePath('/assets/embed.js')).toEqual({ kind: 'embedScript' });
    expect(readPagePath('/assets/resize.js')).toEqual({ kind: 'resizeScript' });
  });
});
