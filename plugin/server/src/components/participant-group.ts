import { RELEVANT_PERSON_GROUPS } from '../vocabularies';

/**
 * How many people of one group of relevant persons took part in a consultation (repeatable, on
 * content-types/consultation). A count, never a name: the consultation report is public.
 */
export default {
  collectionName: 'components_kinship_offer_participant_groups',
  info: { displayName: 'Who took part', description: 'How many people of one group took part', icon: 'user' },
  options: {},
  attributes: {
    group: { type: 'enumeration', enum: RELEVANT_PERSON_GROUPS.map((group) => group.code), required: true },
    count: { type: 'integer', required: true, min: 1, max: 1_000_000 },
  },
};
