/**
 * The plain schema of `kinshipOffer` (plugin/server/src/graphql/kinship-offer-query
 * `kinshipOfferSchema`) against Strapi's: the same KinshipLocalOffer types, printed (fields, their
 * types, descriptions), and the same query field. Used with a live Strapi's introspected schema
 * and with the nexus types alone (unit test).
 */
import { expect } from 'vitest';
import type { GraphQLSchema } from 'graphql';

/** `graphql`: the CommonJS module the schemas were made with (one realm). */
export function expectSameOfferSchema(graphql: typeof import('graphql'), plain: GraphQLSchema, strapiSchema: GraphQLSchema) {
  const names = Object.keys(plain.getTypeMap()).filter((name) => name.startsWith('KinshipLocalOffer'));
  expect(names.length).toBeGreaterThanOrEqual(9);
  for (const name of names) expect(graphql.printType(plain.getType(name)!), name).toBe(graphql.printType(strapiSchema.getType(name)!));
  expect(queryField(plain)).toEqual(queryField(strapiSchema));
}

/** `Query.kinshipOffer` as a client sees it: its description, type and arguments. */
export function queryField(schema: GraphQLSchema) {
  const { description, args, type } = schema.getQueryType()!.getFields().kinshipOffer;
  return { description, type: String(type), args: args.map((arg) => `${arg.name}: ${arg.type}`) };
}
