import { fixed, fixedData, localized, relation, text } from '../attributes';

/**
 * A council's (or a shared service's) kinship local offer: the statutory sections, the named
 * contact and the services. Drafts stay private until an editor publishes.
 */
export default {
  kind: 'collectionType',
  collectionName: 'kinship_offers',
  info: {
    singularName: 'offer',
    pluralName: 'offers',
    displayName: 'Kinship offer',
    description: 'A kinship local offer: its statutory sections, named contact and services',
  },
  options: { draftAndPublish: true },
  pluginOptions: localized,
  attributes: {
    name: text.line({ required: true, maxLength: 200 }),
    slug: fixed('uid', { targetField: 'name', required: true }),
    /** The councils the offer covers: [{ name, gssCode }]; several for a shared service. */
    councils: fixedData('councils', { required: true }),

    generalApproach: text.rich(),
    evidenceBase: text.rich(),

    accountableOfficerName: fixed('string', { maxLength: 200 }),
    accountableOfficerRole: text.line({ maxLength: 200 }),
    accountableOfficerEmail: fixed('email'),

    contactName: text.line({ maxLength: 200 }),
    contactPhone: fixed('string', { maxLength: 40 }),
    contactEmail: fixed('email'),
    contactHours: text.line({ maxLength: 300 }),
    contactUrl: fixed('string', { maxLength: 2000 }),
    /**
     * The council's own page about the offer, if it has one: search engines and link previews are
     * sent there from the offer's public page (its `<link rel="canonical">`, og:url).
     */
    canonicalUrl: fixed('string', { maxLength: 2000 }),

    /** The legal framework in plain language, in general. */
    legalFramework: text.rich(),
    /** The same, per arrangement type: { [arrangementTypeCode]: plain text }. */
    legalFrameworkByArrangement: text.perArrangement(),
    financialSupportPolicy: text.rich(),
    complaints: text.rich(),
    independentAdvice: relation('manyToMany', 'organisation'),

    lastReviewedAt: fixed('date'),
    lastReviewedBy: fixed('string', { maxLength: 200 }),
    nextReviewDue: fixed('date'),

    services: relation('manyToMany', 'service', { inversedBy: 'offers' }),
    /** What changed because of what families said, newest first. */
    youSaidWeDid: relation('manyToMany', 'you-said-we-did', { inversedBy: 'offers' }),
  },
};
