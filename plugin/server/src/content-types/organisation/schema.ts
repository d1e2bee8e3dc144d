import { fixed, relation, uuid } from '../attributes';
import { ORGANISATION_KINDS } from '../../vocabularies';

/** Who provides a service or gives independent advice. Public information, so no drafts. */
export default {
  kind: 'collectionType',
  collectionName: 'kinship_organisations',
  info: {
    singularName: 'organisation',
    pluralName: 'organisations',
    displayName: 'Kinship organisation',
    description: 'A council team, school, health or housing service, or charity',
  },
  options: { draftAndPublish: false },
  attributes: {
    name: fixed('string', { required: true, maxLength: 200 }),
    kind: fixed('enumeration', { enum: [...ORGANISATION_KINDS], required: true }),
    description: fixed('text', { maxLength: 1000 }),
    website: fixed('string', { maxLength: 2000 }),
    email: fixed('email'),
    phone: fixed('string', { maxLength: 40 }),
    contacts: relation('oneToMany', 'contact', { mappedBy: 'organisation' }),
    /** Last, so the content manager titles entries by their name, not this. */
    uuid: uuid(),
  },
};
