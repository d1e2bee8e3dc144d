import { vocabularySchema } from '../vocabulary-schema';

export default vocabularySchema({
  collectionName: 'kinship_support_types',
  singularName: 'support-type',
  pluralName: 'support-types',
  displayName: 'Kinship support type',
  description: 'One of the nine types of support an offer is expected to include',
});
