import { vocabularySchema } from '../vocabulary-schema';

export default vocabularySchema({
  collectionName: 'kinship_arrangement_types',
  singularName: 'arrangement-type',
  pluralName: 'arrangement-types',
  displayName: 'Kinship arrangement type',
  description: 'One of the six kinship arrangements, with a plain explanation',
});
