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
export function viewFields(name: ViewTypeName): ViewField[] {
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

/** The Document Service populate tree that loads a whole view of `name`. */
export function populateFor(name: ViewTypeName): Record<string, unknown> {
  const populate: Record<string, unknown> = {};
  for (const field of viewFields(name)) {
    if (!field.target) continue;
    const nested = populateFor(field.target);
    const sort = RELATION_SORT[field.target];
    const options = {
      ...(Object.keys(nested).length ? { populate: nested } : {}),
      ...(sort && field.list ? { sort } : {}),
    };
    populate[field.name] = Object.keys(options).length ? options : true;
  }
  return populate;
}
