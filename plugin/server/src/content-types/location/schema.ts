import { fixed, uuid } from '../attributes';

/**
 * Where a service happens. A refuge or a foster home must not be found from the offer, so an
 * editor can hide the exact address: readers then see only the area and postcode district.
 */
export default {
  kind: 'collectionType',
  collectionName: 'kinship_locations',
  info: {
    singularName: 'location',
    pluralName: 'locations',
    displayName: 'Kinship location',
    description: 'A place where a service is delivered',
  },
  options: { draftAndPublish: false },
  attributes: {
    name: fixed('string', { required: true, maxLength: 200 }),
    addressLine1: fixed('string', { maxLength: 200 }),
    addressLine2: fixed('string', { maxLength: 200 }),
    townOrCity: fixed('string', { maxLength: 100 }),
    postcode: fixed('string', { maxLength: 10 }),
    hideExactAddress: fixed('boolean', { default: false, required: true }),
    accessibility: fixed('text', { maxLength: 1000 }),
    /** Last, so the content manager titles entries by their name, not this. */
    uuid: uuid(),
  },
};
