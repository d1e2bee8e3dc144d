/**
 * Which of an app's GraphQL customisations send the offer's query to Apollo rather than the plain
 * path: each way an app can customise it (a policy, middleware or auth on the root field or on a
 * field of the offer's types, its own resolver for either), one at a time, and what is not a
 * customisation of the offer (the plugin's own scope, other content's). Each app through a real
 * Strapi: test/plugin/offer-request-answer-app.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { appCustomisesOffer } from '../../../plugin/server/src/graphql/app-customisation';

/** The plugin's own entry, which every app has: the scope of `Query.kinshipOffer`. */
const PLUGIN_OWN = { 'Query.kinshipOffer': { auth: { scope: ['plugin::kinship-offer.offer.find'] } } };

describe('an app\'s customisation of the offer\'s query', () => {
  it('is none in an app with only the plugin\'s own scope, or nothing at all', () => {
    expect(appCustomisesOffer(PLUGIN_OWN, {})).toBe(false);
    expect(appCustomisesOffer({}, {})).toBe(false);
    expect(appCustomisesOffer(PLUGIN_OWN, { Query: {} })).toBe(false);
  });

  it('is none for the config or resolvers of other content, even a type whose name starts alike', () => {
    const config = { ...PLUGIN_OWN, 'Query.articles': { policies: ['is-editor'] }, 'Article.title': { middlewares: [() => {}] }, 'KinshipLocalOfferish.name': { policies: ['p'] } };
    expect(appCustomisesOffer(config, { Query: { articles: () => [] }, Article: { title: () => '' } })).toBe(false);
  });

  it.each([
    ['a policy on the root field', { 'Query.kinshipOffer': { auth: PLUGIN_OWN['Query.kinshipOffer'].auth, policies: ['is-council'] } }],
    ['a middleware on the root field', { 'Query.kinshipOffer': { auth: PLUGIN_OWN['Query.kinshipOffer'].auth, middlewares: [() => {}] } }],
    ['a policy on a field of the offer', { ...PLUGIN_OWN, 'KinshipLocalOffer.name': { policies: ['is-council'] } }],
    ['a middleware on a field of a service', { ...PLUGIN_OWN, 'KinshipLocalOfferService.description': { middlewares: [() => {}] } }],
    ['auth on a field of a location', { ...PLUGIN_OWN, 'KinshipLocalOfferLocation.postcode': { auth: false } }],
    ['a policy on a field of the vocabulary', { ...PLUGIN_OWN, 'KinshipLocalOfferVocabulary.supportTypes': { policies: ['p'] } }],
  ])('is %s', (_way, config) => {
    expect(appCustomisesOffer(config, {})).toBe(true);
  });

  it.each([
    ['its own resolver for the root field', { Query: { kinshipOffer: () => null } }],
    ['a resolver for a field of a contact', { KinshipLocalOfferContact: { phone: () => '' } }],
    ['a resolver for a field of the vocabulary', { KinshipLocalOfferVocabulary: { arrangementTypes: () => [] } }],
  ])('is %s', (_way, resolvers) => {
    expect(appCustomisesOffer(PLUGIN_OWN, resolvers)).toBe(true);
  });
});
