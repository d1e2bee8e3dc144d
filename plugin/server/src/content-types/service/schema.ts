import { fixed, fixedData, localized, relation, text, uuid } from '../attributes';
import { COST_TYPES } from '../../vocabularies';

/**
 * One item of support. Its fields are the ones the Open Referral UK feed needs (service, cost
 * option, schedule, language, service at location, contact), modelled as data rather than prose.
 */
export default {
  kind: 'collectionType',
  collectionName: 'kinship_services',
  info: {
    singularName: 'service',
    pluralName: 'services',
    displayName: 'Kinship service',
    description: 'One item of support in a kinship local offer',
  },
  options: { draftAndPublish: true },
  pluginOptions: localized,
  attributes: {
    title: text.line({ required: true, maxLength: 200 }),
    summary: text.paragraph({ required: true, maxLength: 400 }),
    description: text.rich(),

    supportTypes: relation('manyToMany', 'support-type'),
    arrangementTypes: relation('manyToMany', 'arrangement-type'),
    eligibility: text.paragraph({ maxLength: 2000 }),
    minimumAge: fixed('integer', { min: 0, max: 25 }),
    maximumAge: fixed('integer', { min: 0, max: 25 }),

    provider: relation('manyToOne', 'organisation'),
    howToAccess: text.paragraph({ maxLength: 2000 }),
    referralUrl: fixed('string', { maxLength: 2000 }),

    cost: fixed('enumeration', { enum: [...COST_TYPES], default: 'free', required: true }),
    /** A fixed amount in pounds, where there is one. */
    costAmount: fixed('decimal', { min: 0 }),
    costDescription: text.line({ maxLength: 300 }),

    /** Any of "in_person", "online", "phone". */
    deliveryMethods: fixedData('deliveryMethods'),
    locations: relation('manyToMany', 'location'),
    /** [{ days: ["MO", …], opensAt: "09:30", closesAt: "12:00", note }] */
    openingTimes: text.data('openingTimes'),
    /** ISO 639-1 codes: ["en", "pl"]. */
    languages: fixedData('languages'),
    contacts: relation('manyToMany', 'contact'),

    /** A short-notice message: "Closed this week", "Waiting list until March". */
    alert: text.line({ maxLength: 200 }),

    lastReviewedAt: fixed('date'),
    lastReviewedBy: fixed('string', { maxLength: 200 }),

    offers: relation('manyToMany', 'offer', { mappedBy: 'services' }),
    /** Last, so the content manager titles entries by their name, not this. */
    uuid: uuid(),
  },
};
