/**
 * The view's shape (offer-view/shape): which fields each view type shows, and what the Document
 * Service is asked to load for a view. Both schemas of `kinshipOffer` are made from `viewFields`
 * (kinship-offer-answer.test.ts compares them), so what it leaves out or adds is checked here.
 */
import { describe, expect, it } from 'vitest';
import { populateFor, viewFields } from '../../../plugin/server/src/offer-view/shape';

const named = (name: Parameters<typeof viewFields>[0]) => Object.fromEntries(viewFields(name).map(({ name: field, ...rest }) => [field, rest]));

describe('the fields of a view type', () => {
  it('are its document id, last change, its language where it is translated, and its public attributes', () => {
    expect(named('offer')).toMatchObject({
      documentId: { type: 'String', list: false },
      updatedAt: { type: 'DateTime', list: false },
      locale: { type: 'String', list: false },
      slug: { type: 'String', list: false },
    });
    // Locations are not translated: no language of their own.
    expect(Object.keys(named('location'))).toEqual(['documentId', 'updatedAt', 'name', 'addressLine1', 'addressLine2', 'townOrCity', 'postcode', 'hideExactAddress', 'accessibility', 'uuid']);
  });

  it('lead to the other view types, a list where the relation is to many, never back (a service does not list its offers)', () => {
    const relations = viewFields('service').filter((field) => field.target);
    expect(relations).toEqual([
      { name: 'supportTypes', type: 'KinshipLocalOfferSupportType', list: true, target: 'support-type' },
      { name: 'arrangementTypes', type: 'KinshipLocalOfferArrangementType', list: true, target: 'arrangement-type' },
      { name: 'provider', type: 'KinshipLocalOfferOrganisation', list: false, target: 'organisation' },
      { name: 'locations', type: 'KinshipLocalOfferLocation', list: true, target: 'location' },
      { name: 'contacts', type: 'KinshipLocalOfferContact', list: true, target: 'contact' },
    ]);
    expect(named('you-said-we-did').offers).toBeUndefined();
  });
});

describe('what a view loads', () => {
  it('an offer\'s services and a service\'s terms as ids alone, in the order readers see them; the rest whole', () => {
    expect(populateFor('offer')).toMatchObject({
      services: { sort: 'title:asc', fields: ['id'] },
      youSaidWeDid: { sort: 'date:desc' },
    });
    expect(populateFor('offer').services).not.toHaveProperty('populate');
    const service = populateFor('service');
    expect(service.supportTypes).toEqual({ sort: 'order:asc', fields: ['id'] });
    expect(service.arrangementTypes).toEqual({ sort: 'order:asc', fields: ['id'] });
    // One provider: nothing to sort.
    expect(service.provider).toEqual(expect.not.objectContaining({ sort: expect.anything() }));
    expect(service.locations).toBe(true);
    // A contact's organisation, one step further: its name is shown with the contact.
    expect(service.contacts).toEqual({ populate: { organisation: true } });
  });
});
