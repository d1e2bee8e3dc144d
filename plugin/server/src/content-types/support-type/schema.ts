import { EQUIVALENT_TERM_UID } from '../../components';
import { fixed } from '../attributes';
import { vocabularySchema } from '../vocabulary-schema';

const schema = vocabularySchema({
  collectionName: 'kinship_support_types',
  singularName: 'support-type',
  pluralName: 'support-types',
  displayName: 'Kinship support type',
  description: 'One of the nine types of support an offer is expected to include',
});

export default {
  ...schema,
  attributes: {
    ...schema.attributes,
    /**
     * The same support in other taxonomies directories use (components/equivalent-term): the same
     * in every language, published by the Open Referral UK feed.
     */
    equivalentTerms: fixed('component', { repeatable: true, component: EQUIVALENT_TERM_UID }),
  },
};
