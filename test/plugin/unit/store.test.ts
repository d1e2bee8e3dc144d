/** The offer view's default store: entries stamped with their content version, at most maxEntries, oldest set first out. */
import { describe, expect, it } from 'vitest';
import { memoryStore } from '../../../plugin/server/src/offer-view/store';

describe('memoryStore', () => {
  it('gives back what was set, with the version it was built from', () => {
    const store = memoryStore<string>(2);
    store.set('example-borough', 'v1', 'view');
    expect(store.get('example-borough')).toEqual({ version: 'v1', value: 'view' });
    expect(store.get('another')).toBeUndefined();
    store.set('example-borough', 'v2', 'newer view');
    expect(store.get('example-borough')).toEqual({ version: 'v2', value: 'newer view' });
  });

  it('holds maxEntries and drops the one set longest ago when one more comes', () => {
    const store = memoryStore<number>(2);
    store.set('a', 'v', 1);
    store.set('b', 'v', 2);
    expect(store.get('a')).toBeDefined();
    store.set('c', 'v', 3);
    expect(store.get('a')).toBeUndefined();
    expect(store.get('b')?.value).toBe(2);
    expect(store.get('c')?.value).toBe(3);
  });

  it('counts setting a key again as new, so the key set longest ago goes', () => {
    const store = memoryStore<number>(2);
    store.set('a', 'v', 1);
    store.set('b', 'v', 2);
    store.set('a', 'v', 10);
    store.set('c', 'v', 3);
    expect(store.get('b')).toBeUndefined();
    expect(store.get('a')?.value).toBe(10);
  });

  it('forgets a deleted key', () => {
    const store = memoryStore<number>(2);
    store.set('a', 'v', 1);
    store.delete('a');
    expect(store.get('a')).toBeUndefined();
  });
});
