import { fixed, localized, text } from './attributes';

/**
 * The schema of a vocabulary: arrangement types and support types are both lists of terms. The
 * plugin seeds the statutory codes at bootstrap; editors may reword or translate the label and
 * description, never the code (see vocabularies.ts).
 */
export const vocabularySchema = (info: {
  collectionName: string;
  singularName: string;
  pluralName: string;
  displayName: string;
  description: string;
}) => ({
  kind: 'collectionType',
  collectionName: info.collectionName,
  info: {
    singularName: info.singularName,
    pluralName: info.pluralName,
    displayName: info.displayName,
    description: info.description,
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
});
