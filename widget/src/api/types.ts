/**
 * The offer as the kinshipOffer query returns it (see offer-query.ts): the offer view contract the
 * plugin's server answers with (plugin/shared/offer-view.ts), under the names the element uses.
 * Type-only: nothing of it reaches the bundle.
 */
import type {
  BlockNode,
  Blocks,
  ContactView,
  LocationView,
  OfferView,
  OpeningTime,
  OrganisationView,
  ServiceView,
  TermView,
} from '../../../plugin/shared/offer-view';

export type { BlockNode, Blocks, OpeningTime };
/** Without the fields the widget's query leaves out (offer-query.ts). */
export type Offer = Omit<OfferView, 'documentId' | 'councils' | 'accountableOfficerEmail' | 'nextReviewDue'>;
export type Service = ServiceView;
export type Organisation = OrganisationView;
export type Location = LocationView;
export type Contact = ContactView;
export type Term = TermView;
