/**
 * A location marked "hide exact address" (a refuge, a family time centre, a carer's home) is
 * published as its name, town and postcode district only. The full address stays with editors and
 * API tokens; the public API never carries it, so no widget or partner can leak it.
 *
 * Hidden means hidden by every route. Leaving a field out of a response is not enough: a public
 * query that filters or sorts on it (`filters[postcode][$startsWith]=EB4 9`, one character at a
 * time) reads it back from which rows come, and in what order. So public requests may not filter,
 * sort or search on these fields at all, on locations or through any relation that reaches one.
 */
import { errors } from '@strapi/utils';
import { UID } from '../uids';

/** The location fields the public never sees in full, and may not query on. */
export const HIDDEN_ADDRESS_FIELDS = ['addressLine1', 'addressLine2', 'postcode'] as const;

const isHiddenField = (uid: string, field: string) => uid === UID.location && (HIDDEN_ADDRESS_FIELDS as readonly string[]).includes(field);

/**
 * "EB4 5EF", "eb45ef" and " EB4  5EF " all become "EB4": the district (the outward code) is enough
 * to know whether a service is near. A value that is not a UK postcode keeps its first word only.
 */
export const postcodeDistrict = (postcode: unknown) => {
  if (typeof postcode !== 'string') return postcode;
  const compact = postcode.replace(/\s+/g, '').toUpperCase();
  // The inward code is always a digit and two letters; the outward code is what is left.
  if (/^[A-Z]{1,2}\d[A-Z\d]?\d[A-Z]{2}$/.test(compact)) return compact.slice(0, -3);
  return postcode.trim().split(/\s+/)[0].toUpperCase();
};

/**
 * A location as the public may see it. Fails closed: a location whose "hide exact address" flag is
 * not in hand (a request that chose its `fields`) is treated as hidden.
 */
export function redactHiddenAddress<T>(location: T): T {
  const entry = location as Record<string, unknown>;
  if (!entry || typeof entry !== 'object' || entry.hideExactAddress === false) return location;
  if (!HIDDEN_ADDRESS_FIELDS.some((field) => field in entry)) return location;
  const redacted: Record<string, unknown> = { ...entry };
  if ('postcode' in redacted) redacted.postcode = postcodeDistrict(redacted.postcode);
  for (const field of HIDDEN_ADDRESS_FIELDS) if (field !== 'postcode' && field in redacted) redacted[field] = null;
  return redacted as T;
}

type Attribute = { type: string; target?: string; component?: string; components?: string[] };
/** The attributes of a content type or component by uid (`strapi.getModel`), undefined if unknown. */
export type ModelLookup = (uid: string) => { attributes: Record<string, Attribute> } | undefined;

/** Whether a read of `uid` can reach a location, through any chain of relations and components. */
export function canReachLocation(uid: string, lookup: ModelLookup, seen = new Set<string>()): boolean {
  if (uid === UID.location) return true;
  if (seen.has(uid)) return false;
  seen.add(uid);
  return Object.values(lookup(uid)?.attributes ?? {}).some((attribute) => {
    const targets = attribute.target ?? attribute.component ?? attribute.components;
    return [targets].flat().some((target) => typeof target === 'string' && canReachLocation(target, lookup, seen));
  });
}

/**
 * A read result of `uid` (one entry, a list, or anything else such as a count) with every location
 * in it redacted, however deep: populated relations and components are followed by the schema.
 * Entries on the way to a location are copied; parts of the result no location can be in (by the
 * schema: `canReachLocation`) are kept as they are, unread (most of an offer view: vocabulary terms,
 * organisations, opening times).
 */
export function redactHiddenAddresses(uid: string, result: unknown, lookup: ModelLookup): unknown {
  const reaches = new Map<string, boolean>();
  const mayHoldLocation = (target: string) => reaches.get(target) ?? reaches.set(target, canReachLocation(target, lookup)).get(target)!;
  const redact = (uid: string, result: unknown): unknown => {
    if (Array.isArray(result)) return result.map((entry) => redact(uid, entry));
    const model = lookup(uid);
    if (!model || !result || typeof result !== 'object') return result;
    const entry: Record<string, unknown> = { ...(result as Record<string, unknown>) };
    for (const [field, attribute] of Object.entries(model.attributes)) {
      const target = attribute.target ?? attribute.component;
      if (target && entry[field] && mayHoldLocation(target)) entry[field] = redact(target, entry[field]);
      if (attribute.type === 'dynamiczone' && Array.isArray(entry[field])) {
        entry[field] = (entry[field] as Array<{ __component?: string }>).map((item) =>
          item?.__component && mayHoldLocation(item.__component) ? redact(item.__component, item) : item,
        );
      }
    }
    return uid === UID.location ? redactHiddenAddress(entry) : entry;
  };
  return mayHoldLocation(uid) ? redact(uid, result) : result;
}

/** Query parameters as the Document Service and GraphQL resolvers take them (`$eq` or `eq`). */
interface ReadParams {
  filters?: unknown;
  sort?: unknown;
  populate?: unknown;
  fields?: unknown;
  _q?: unknown;
}

const LOGICAL = new Set(['and', 'or', 'not']);
const bare = (key: string) => key.replace(/^\$/, '');

/**
 * Where a read of `uid` would look inside a hidden address: one path per filter, sort, populated
 * relation's filter or sort, or search that touches `addressLine1`, `addressLine2` or `postcode`
 * of a location, e.g. `["filters.locations.postcode", "sort.postcode"]`. Empty when the read is
 * safe. Filters may be in Document Service form (`$or`, `$eq`) or GraphQL form (`or`, `eq`); sort
 * as `"a.b:asc"`, comma-separated, arrays or nested objects, as Strapi accepts them.
 */
export function hiddenAddressLookups(uid: string, params: ReadParams, lookup: ModelLookup): string[] {
  const found: string[] = [];
  const attributeOf = (model: string, field: string) => lookup(model)?.attributes[field];
  const nextModel = (attribute: Attribute | undefined) => attribute?.target ?? attribute?.component;

  function filters(model: string, value: unknown, path: string) {
    if (Array.isArray(value)) return value.forEach((inner) => filters(model, inner, path));
    if (!value || typeof value !== 'object') return;
    for (const [key, inner] of Object.entries(value)) {
      if (LOGICAL.has(bare(key))) {
        filters(model, inner, path);
        continue;
      }
      // "locations.postcode" is the same path as { locations: { postcode } }.
      const [field, ...rest] = key.split('.');
      const nested = rest.length ? { [rest.join('.')]: inner } : inner;
      const where = `${path}.${field}`;
      if (isHiddenField(model, field)) found.push(where);
      const target = nextModel(attributeOf(model, field));
      if (target) filters(target, nested, where);
    }
  }

  function sortPath(model: string, fields: string[], path: string) {
    const [field, ...rest] = fields;
    if (!field) return;
    const where = `${path}.${field}`;
    if (isHiddenField(model, field)) found.push(where);
    const target = nextModel(attributeOf(model, field));
    if (target) sortPath(target, rest, where);
  }

  function sort(model: string, value: unknown, path: string) {
    if (typeof value === 'string') {
      for (const part of value.split(',')) sortPath(model, part.trim().split(':')[0].split('.'), path);
    } else if (Array.isArray(value)) {
      value.forEach((inner) => sort(model, inner, path));
    } else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        const fields = key.split('.');
        sortPath(model, fields, path);
        const target = fields.reduce<string | undefined>((at, field) => (at ? nextModel(attributeOf(at, field)) : undefined), model);
        if (target && inner && typeof inner === 'object') sort(target, inner, `${path}.${key}`);
      }
    }
  }

  function populate(model: string, value: unknown, path: string) {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return;
    for (const [field, inner] of Object.entries(value)) {
      if (!inner || typeof inner !== 'object') continue;
      const target = nextModel(attributeOf(model, field));
      if (target) read(target, inner as ReadParams, `${path}.${field}`);
      // Dynamic zones (no single target): populate[zone][on][component] = { filters, sort, populate }.
      const on = (inner as { on?: Record<string, unknown> }).on;
      if (on && typeof on === 'object') for (const [component, options] of Object.entries(on)) read(component, options as ReadParams, `${path}.${field}.on.${component}`);
    }
  }

  function read(model: string, params: ReadParams, path: string) {
    const prefix = path ? `${path}.` : '';
    filters(model, params.filters, `${prefix}filters`);
    sort(model, params.sort, `${prefix}sort`);
    populate(model, params.populate, `${prefix}populate`);
    if (model === UID.location && params._q !== undefined && params._q !== '') found.push(`${prefix}search`);
  }

  read(uid, params, '');
  return found.map((where) => where.replace(/^\./, ''));
}

/** The public may not query on hidden fields: a 400 that says which part of the request did. */
export function refuseHiddenAddressLookups(uid: string, params: ReadParams, lookup: ModelLookup) {
  const lookups = hiddenAddressLookups(uid, params, lookup);
  if (lookups.length === 0) return;
  throw new errors.ValidationError(
    `Some locations hide their exact address, so public requests cannot filter, sort or search on ${HIDDEN_ADDRESS_FIELDS.join(', ')} ` +
      `(this request does at ${lookups.join(', ')}). Filter on townOrCity instead; editors and API tokens may use every field.`,
    { lookups },
  );
}

/**
 * A request that chooses its `fields` also gets `hideExactAddress` on every location it reads, so
 * public addresses show in full and hidden ones are known to be hidden.
 */
export function keepHiddenFlag(uid: string, params: ReadParams, lookup: ModelLookup) {
  const withFlag = (fields: unknown) => {
    const list = typeof fields === 'string' ? fields.split(',') : Array.isArray(fields) ? fields : null;
    return list && !list.includes('hideExactAddress') ? [...list, 'hideExactAddress'] : fields;
  };
  if (uid === UID.location && params.fields !== undefined) params.fields = withFlag(params.fields);
  const populate = params.populate;
  if (!populate || typeof populate !== 'object' || Array.isArray(populate)) return;
  for (const [field, inner] of Object.entries(populate)) {
    const target = lookup(uid)?.attributes[field]?.target;
    if (target && inner && typeof inner === 'object') keepHiddenFlag(target, inner as ReadParams, lookup);
  }
}
