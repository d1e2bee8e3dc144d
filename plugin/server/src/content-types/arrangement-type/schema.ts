import { fixed, localized, text } from '../attributes';

/**
 * A vocabulary term. The plugin seeds the statutory codes at bootstrap; editors may reword or
 * translate the label and description, never the code (see vocabularies.ts).
 */
export default {
  kind: 'collectionType',
  collectionName: 'kinship_arrangement_types',
  info: {
    singularName: 'arrangement-type',
    pluralName: 'arrangement-types',
    displayName: 'Kinship arrangement type',
    description: 'One of the six kinship arrangements, with a plain explanation',
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
