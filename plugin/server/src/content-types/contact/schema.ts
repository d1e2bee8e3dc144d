import { fixed, relation, uuid } from '../attributes';

/** A named person or team to call or write to about a service. */
export default {
  kind: 'collectionType',
  collectionName: 'kinship_contacts',
  info: {
    singularName: 'contact',
    pluralName: 'contacts',
    displayName: 'Kinship contact',
    description: 'A person or team to contact about a service',
  },
  options: { draftAndPublish: false },
  attributes: {
    name: fixed('string', { required: true, maxLength: 200 }),
    role: fixed('string', { maxLength: 200 }),
    phone: fixed('string', { maxLength: 40 }),
    email: fixed('email'),
    organisation: relation('manyToOne', 'organisation', { inversedBy: 'contacts' }),
    /** Last, so the content manager titles entries by their name, not this. */
    uuid: uuid(),
  },
};
