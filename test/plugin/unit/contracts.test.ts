/**
 * The offer view contract (plugin/shared/offer-view.ts) held against the content-type schemas. The
 * checks are types: `npm test` type-checks this file first (tsc -p test), and a field added to a
 * schema but not to the contract, or the reverse, fails there. The view shows every attribute of a
 * type except back-references (see server/src/offer-view/shape.ts), plus documentId, updatedAt and,
 * for translated types, locale; and, for offers and services, `publicUrl`, which GraphQL makes per
 * request (server/src/graphql/kinship-offer-query.ts).
 */
import { describe, expect, it } from 'vitest';
import type * as Contract from '../../../plugin/shared/offer-view';
import arrangementType from '../../../plugin/server/src/content-types/arrangement-type/schema';
import contact from '../../../plugin/server/src/content-types/contact/schema';
import location from '../../../plugin/server/src/content-types/location/schema';
import offer from '../../../plugin/server/src/content-types/offer/schema';
import organisation from '../../../plugin/server/src/content-types/organisation/schema';
import service from '../../../plugin/server/src/content-types/service/schema';
import supportType from '../../../plugin/server/src/content-types/support-type/schema';
import youSaidWeDid from '../../../plugin/server/src/content-types/you-said-we-did/schema';
import { viewFields } from '../../../plugin/server/src/offer-view/shape';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Fields of a contract type that come from the schema's attributes. */
type ContractFields<T> = Exclude<keyof T, 'documentId' | 'updatedAt' | 'locale' | 'vocabulary' | 'publicUrl'>;
type SchemaFields<S extends { attributes: object }, BackReferences extends string = never> = Exclude<keyof S['attributes'], BackReferences>;

/** Each is `true` only while the contract and the schema list the same fields. */
export const matches = {
  offer: true as Same<ContractFields<Contract.OfferView>, SchemaFields<typeof offer>>,
  service: true as Same<ContractFields<Contract.ServiceView>, SchemaFields<typeof service, 'offers'>>,
  organisation: true as Same<ContractFields<Contract.OrganisationView>, SchemaFields<typeof organisation, 'contacts'>>,
  location: true as Same<ContractFields<Contract.LocationView>, SchemaFields<typeof location>>,
  contact: true as Same<ContractFields<Contract.ContactView>, SchemaFields<typeof contact>>,
  'arrangement-type': true as Same<ContractFields<Contract.TermView>, SchemaFields<typeof arrangementType>>,
  // Equivalent terms of other taxonomies are for directories: the Open Referral feed reads them, readers' view does not.
  'support-type': true as Same<ContractFields<Contract.TermView>, SchemaFields<typeof supportType, 'equivalentTerms'>>,
  'you-said-we-did': true as Same<ContractFields<Contract.YouSaidWeDidView>, SchemaFields<typeof youSaidWeDid, 'offers'>>,
} satisfies Record<string, true>;

describe('the offer view contract', () => {
  it('names the fields the GraphQL view generates from the schemas', () => {
    for (const name of Object.keys(matches) as Array<keyof typeof matches>) {
      const generated = viewFields(name).map((field) => field.name);
      expect(generated).toEqual(expect.arrayContaining(['documentId', 'updatedAt']));
      expect(generated.length).toBeGreaterThan(2);
    }
  });
});
