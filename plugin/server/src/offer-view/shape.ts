/**
 * The shape of the public offer view, derived from the content-type schemas so it can never drift
 * from them: which fields each type shows, which relations it follows, and the populate tree that
 * loads all of it in a handful of queries.
 */
import { dataTypeOf } from '../content-types/attributes';
import contentTypes from '../content-types';
import type { ContentTypeName } from '../uids';

type Attribute = { type: string; customField?: string; private?: boolean; relation?: string; target?: string; mappedBy?: string };

/** The content types a reader sees, with the GraphQL type name of each. */
export const VIEW_TYPES = {
  offer: 'KinshipLocalOffer',
  service: 'KinshipLocalOfferService',
  organisation: 'KinshipLocalOfferOrganisation',
  location: 'KinshipLocalOfferLocation',
  contact: 'KinshipLocalOfferContact',
  'arrangement-type': 'KinshipLocalOfferArrangementType',
  'support-type': 'KinshipLocalOfferSupportType',
  'you-said-we-did': 'KinshipLocalOfferYouSaidWeDid',
} as const satisfies Partial<Record<ContentTypeName, string>>;

export type ViewTypeName = keyof typeof VIEW_TYPES;

/**
 * The vocabularies: every view shows them whole (the widget's filters), and each service links to a
 * few of their terms. A populate would read a term again for every service that links to it (some
 * 650 rows for 300 services, a third of a view's build); the view reads the links' ids and each
 * term once (`termsLinked`).
 */
export const VOCABULARY_TYPES: readonly ViewTypeName[] = ['arrangement-type', 'support-type'];

/**
 * What the populate of a view loads as ids alone, in order, to be put in place afterwards:
 * vocabulary terms (`termsLinked`) and an offer's services, which the offer view keeps one by one
 * between builds and reads again only when they change (./service).
 */
const LOADED_AS_IDS: readonly ViewTypeName[] = [...VOCABULARY_TYPES, 'service'];

const SCALARS: Record<string, string> = {
  string: 'String',
  text: 'String',
  richtext: 'String',
  email: 'String',
  uid: 'String',
  enumeration: 'String',
  blocks: 'JSON',
  json: 'JSON',
  integer: 'Int',
  decimal: 'Float',
  float: 'Float',
  boolean: 'Boolean',
  date: 'Date',
  datetime: 'DateTime',
};

export interface ViewField {
  name: string;
  /** A GraphQL scalar, or the view type of a relation's target. */
  type: string;
  list: boolean;
  /** For relations: the content type the field leads to. */
  target?: ViewTypeName;
}

const targetName = (uid: string | undefined) => uid?.split('.').pop() as ViewTypeName | undefined;

/**
 * The fields a type shows: every public attribute, and every relation to another view type except
 * back-references (a service does not list its offers again), which keeps the tree finite.
 */
export function viewFields(name: ViewTypeName): readonly ViewField[] {
  // Read on every view build, for every entry: worked out once per type.
  let fields = fieldsOf.get(name);
  if (!fields) fieldsOf.set(name, (fields = readViewFields(name)));
  return fields;
}
const fieldsOf = new Map<ViewTypeName, readonly ViewField[]>();

function readViewFields(name: ViewTypeName): ViewField[] {
  const attributes = contentTypes[name].schema.attributes as Record<string, Attribute>;
  const fields: ViewField[] = [
    { name: 'documentId', type: 'String', list: false },
    { name: 'updatedAt', type: 'DateTime', list: false },
  ];
  if ((contentTypes[name].schema as { pluginOptions?: unknown }).pluginOptions) {
    fields.push({ name: 'locale', type: 'String', list: false });
  }
  for (const [field, attribute] of Object.entries(attributes)) {
    if (attribute.private) continue;
    if (attribute.type === 'relation') {
      const target = targetName(attribute.target);
      if (!target || !(target in VIEW_TYPES) || attribute.mappedBy) continue;
      fields.push({ name: field, type: VIEW_TYPES[target], list: attribute.relation!.endsWith('Many'), target });
    } else if (SCALARS[dataTypeOf(attribute)]) {
      fields.push({ name: field, type: SCALARS[dataTypeOf(attribute)], list: false });
    }
  }
  return fields;
}

/** How to sort each relation list, where order matters to readers. */
const RELATION_SORT: Partial<Record<ViewTypeName, string>> = {
  service: 'title:asc',
  organisation: 'name:asc',
  'arrangement-type': 'order:asc',
  'support-type': 'order:asc',
  'you-said-we-did': 'date:desc',
};

/**
 * The Document Service populate tree that loads a whole view of `name`, but for vocabulary terms
 * and services (`LOADED_AS_IDS`), which it loads as their ids alone, in order.
 */
export function populateFor(name: ViewTypeName): Record<string, unknown> {
  const populate: Record<string, unknown> = {};
  for (const field of viewFields(name)) {
    if (!field.target) continue;
    const nested = LOADED_AS_IDS.includes(field.target) ? {} : populateFor(field.target);
    const sort = RELATION_SORT[field.target];
    const options = {
      ...(Object.keys(nested).length ? { populate: nested } : {}),
      ...(sort && field.list ? { sort } : {}),
      ...(LOADED_AS_IDS.includes(field.target) ? { fields: ['id'] } : {}),
    };
    populate[field.name] = Object.keys(options).length ? options : true;
  }
  return populate;
}

/**
 * Puts in `view` (a `name`, or a list of them, loaded with `populateFor(name)`, changed in place)
 * each vocabulary term it links to, whole, read with `readTerms` (a vocabulary, ids → their rows):
 * one read per vocabulary. A term several services link to is one object in the view.
 */
export async function termsLinked(
  name: ViewTypeName,
  view: Record<string, any> | Array<Record<string, any>>,
  readTerms: (vocabulary: ViewTypeName, ids: number[]) => Promise<Array<{ id: number }>>,
): Promise<void> {
  const links = new Map<ViewTypeName, Array<{ list: Array<{ id: number }>; index: number }>>();
  const walk = (type: ViewTypeName, node: Record<string, any> | null | undefined) => {
    if (!node) return;
    for (const field of viewFields(type)) {
      if (!field.target || node[field.name] === undefined) continue;
      const values = field.list ? node[field.name] : [node[field.name]];
      if (VOCABULARY_TYPES.includes(field.target)) {
        if (!field.list) throw new Error(`${type}.${field.name}: a single vocabulary term is not read by termsLinked`);
        const found = links.get(field.target) ?? links.set(field.target, []).get(field.target)!;
        values.forEach((_term: unknown, index: number) => found.push({ list: values, index }));
      } else {
        for (const value of values) walk(field.target, value);
      }
    }
  };
  for (const node of [view].flat()) walk(name, node);
  for (const [vocabulary, places] of links) {
    const ids = [...new Set(places.map(({ list, index }) => list[index].id))];
    const terms = new Map((await readTerms(vocabulary, ids)).map((term) => [term.id, term]));
    for (const { list, index } of places) list[index] = terms.get(list[index].id) ?? list[index];
  }
}
