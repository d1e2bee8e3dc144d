import { fixed, localized, text } from '../attributes';

/**
 * A vocabulary term. The plugin seeds the statutory codes at bootstrap; editors may reword or
 * translate the label and description, never the code (see vocabularies.ts).
 */
export default {
  kind: 'collectionType',
  collectionName: 'kinship_support_types',
  info: {
    singularName: 'support-type',
    pluralName: 'support-types',
    displayName: 'Kinship support type',
    description: 'One of the nine types of support an offer is expected to include',
  },
  options: { draftAndPublish: false },
  pluginOptions: localized,
  attributes: {
    code: fixed('string', { required: true, unique: true, maxLength: 60 }),
    label: text.line({ required: true, maxLength: 120 }),
    description: text.paragraph({ maxLength: 1000 }),
    /** Display order, lowest first. */
    order: fixed('integer', { required: true, default: 0 }),
  },
};
