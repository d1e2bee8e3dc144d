/**
 * One term of another taxonomy that means the same as a support type: the LGA's service or needs
 * lists, a directory's own categories. Editors add them per support type (repeatable, on
 * content-types/support-type); the Open Referral UK feed publishes them as further taxonomies,
 * taxonomy terms and attributes (oruk/map.ts), so a directory that files services under its own
 * list finds each service there. Validated by validation/index.ts (`equivalentTerms`).
 */
export default {
  collectionName: 'components_kinship_offer_equivalent_terms',
  info: {
    displayName: 'Equivalent term',
    description: 'The same support in another taxonomy a directory uses',
    icon: 'link',
  },
  options: {},
  attributes: {
    /** The taxonomy's name, as the directory gives it: "Example directory categories". */
    taxonomy: { type: 'string', required: true, maxLength: 200 },
    /** Where the taxonomy is published, if it is: an http(s) URI. */
    taxonomyUri: { type: 'string', maxLength: 2000 },
    /** The term's code in that taxonomy, exactly as the directory writes it. */
    code: { type: 'string', required: true, maxLength: 100 },
    /** The term's name in that taxonomy; the code stands in for it when left empty. */
    name: { type: 'string', maxLength: 200 },
  },
};
