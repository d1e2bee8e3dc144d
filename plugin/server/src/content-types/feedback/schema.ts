import { fixed, relation } from '../attributes';

/**
 * A reader's answer to "Was this helpful?". No personal data is asked for, and none of it is ever
 * publicly readable: the plugin grants the public role nothing on it and hides it from GraphQL.
 */
export default {
  kind: 'collectionType',
  collectionName: 'kinship_feedback',
  info: {
    singularName: 'feedback',
    pluralName: 'feedbacks',
    displayName: 'Kinship feedback',
    description: 'What readers said about an offer or a service',
  },
  options: { draftAndPublish: false },
  attributes: {
    offer: relation('manyToOne', 'offer'),
    service: relation('manyToOne', 'service'),
    helpful: fixed('boolean'),
    message: fixed('text', { maxLength: 1000 }),
    actioned: fixed('boolean', { default: false }),
  },
};
