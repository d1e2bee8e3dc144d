/**
 * Seam: where the offer view keeps what it has built (views, and whole HTTP responses), each entry
 * stamped with the content version it was built from. In memory by default, per instance; a store
 * shared by several instances (Redis, the database) can replace it behind this interface without
 * touching the view, its cache logic or the GraphQL resolver.
 */
export interface ViewStore<T> {
  /** The entry for `key`, if one is held. */
  get(key: string): { version: string; value: T } | undefined;
  /** Holds `value` for `key`, built from content `version`. */
  set(key: string, version: string, value: T): void;
  delete(key: string): void;
}

/**
 * The default store: a Map used as a least-recently-set list, holding at most `maxEntries` (the
 * oldest goes first), so a flood of distinct keys cannot grow memory without bound.
 */
export function memoryStore<T>(maxEntries: number): ViewStore<T> {
  const entries = new Map<string, { version: string; value: T }>();
  return {
    get: (key) => entries.get(key),
    set(key, version, value) {
      entries.delete(key);
      entries.set(key, { version, value });
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    },
    delete: (key) => void entries.delete(key),
  };
}

/**
 * What `store` holds for `key` if it was built from content `version`; else `build(previous)`,
 * given what was held for `key` before (built from an older version; undefined if nothing was), held
 * at once so that readers arriving together share one build, and let go if it fails.
 */
export function buildOnce<T>(
  store: ViewStore<Promise<T>>,
  key: string,
  version: string,
  build: (previous: Promise<T> | undefined) => Promise<T>,
): Promise<T> {
  const held = store.get(key);
  if (held?.version === version) return held.value;
  const built = build(held?.value);
  store.set(key, version, built);
  built.catch(() => store.delete(key));
  return built;
}

/**
 * `compute`, remembered for up to `maxEntries` distinct keys at once (all forgotten when full, so a
 * flood of distinct keys costs recomputing, never memory). For work that depends on its key alone:
 * reading a query document, compiling one.
 */
export function memoised<T>(maxEntries: number, compute: (key: string) => T): (key: string) => T {
  const known = new Map<string, T>();
  return (key) => {
    if (!known.has(key)) {
      if (known.size >= maxEntries) known.clear();
      known.set(key, compute(key));
    }
    return known.get(key)!;
  };
}
