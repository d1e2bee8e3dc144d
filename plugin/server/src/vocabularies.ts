/**
 * The two statutory vocabularies of a kinship local offer, defined once.
 *
 * Codes are stable identifiers: the API, the widget, the compliance report and the Open Referral
 * feed all key on them. Labels and explanations are only the English defaults the plugin seeds;
 * editors may reword or translate them in the admin, and the plugin never overwrites their changes.
 */

export interface VocabularyTerm {
  code: string;
  label: string;
  description: string;
}

/** The six kinship arrangements named by the statutory guidance (October 2024). */
export const ARRANGEMENT_TYPES = [
  {
    code: 'informal_family_arrangement',
    label: 'Informal family arrangement',
    description:
      'A relative or family friend looks after the child by agreement with the parents, without a court order. Parents keep parental responsibility.',
  },
  {
    code: 'private_fostering',
    label: 'Private fostering',
    description:
      'Someone who is not a close relative looks after a child under 16 (under 18 if disabled) for 28 days or more by private agreement. The council must be told and checks the arrangement.',
  },
  {
    code: 'child_arrangements_order',
    label: 'Child arrangements order',
    description:
      'A family court order that says who the child lives with. The carer shares parental responsibility with the parents while the order lasts.',
  },
  {
    code: 'special_guardianship_order',
    label: 'Special guardianship order',
    description:
      'A family court order that makes the carer the child\'s special guardian until they are 18, with parental responsibility that overrides the parents\' in most day-to-day decisions.',
  },
  {
    code: 'kinship_foster_care',
    label: 'Kinship foster care',
    description:
      'The child is looked after by the council and lives with a relative or friend who is approved as their foster carer.',
  },
  {
    code: 'adoption',
    label: 'Adoption by a relative or friend',
    description:
      'A court order makes the relative or friend the child\'s legal parent for life, ending the birth parents\' parental responsibility.',
  },
] as const satisfies readonly VocabularyTerm[];

/** The nine types of support an offer is expected to include. */
export const SUPPORT_TYPES = [
  {
    code: 'support_groups_and_training',
    label: 'Support groups and training',
    description: 'Peer support groups, courses and training for kinship carers.',
  },
  {
    code: 'financial_support',
    label: 'Financial support',
    description: 'Allowances, grants and help with benefits and costs.',
  },
  {
    code: 'staying_in_work',
    label: 'Staying in work',
    description: 'Help for kinship carers to keep or return to work.',
  },
  {
    code: 'accommodation',
    label: 'Accommodation',
    description: 'Help with housing, space and adaptations for the family.',
  },
  {
    code: 'education',
    label: 'Education',
    description: 'Help at nursery, school and college, including the virtual school.',
  },
  {
    code: 'family_time',
    label: 'Family time',
    description: 'Supporting the child\'s time with their parents, brothers, sisters and relatives.',
  },
  {
    code: 'family_group_decision_making',
    label: 'Family group decision making',
    description: 'Family group conferences and family network meetings.',
  },
  {
    code: 'legal_support',
    label: 'Legal support',
    description: 'Legal advice and help with court orders.',
  },
  {
    code: 'therapeutic_support',
    label: 'Therapeutic support',
    description: 'Emotional, mental health and trauma support for children and carers.',
  },
] as const satisfies readonly VocabularyTerm[];

export type ArrangementTypeCode = (typeof ARRANGEMENT_TYPES)[number]['code'];
export type SupportTypeCode = (typeof SUPPORT_TYPES)[number]['code'];

export const ARRANGEMENT_TYPE_CODES: readonly ArrangementTypeCode[] = ARRANGEMENT_TYPES.map((t) => t.code);
export const SUPPORT_TYPE_CODES: readonly SupportTypeCode[] = SUPPORT_TYPES.map((t) => t.code);

export { COST_TYPES, DELIVERY_METHODS, WEEKDAYS, type Weekday } from '../../shared/code-lists';

/** What kind of organisation provides a service or advice. */
export const ORGANISATION_KINDS = [
  'council',
  'health',
  'education',
  'housing',
  'voluntary',
  'national_charity',
] as const;


/**
 * The headings of the Children's Wellbeing and Schools Act 2026 (s.22H of the Children Act 1989)
 * an offer must cover, and the support types that count towards each.
 */
export const ACT_HEADINGS = [
  { code: 'financial_support', label: 'Financial support', supportTypes: ['financial_support', 'staying_in_work'] },
  { code: 'health_and_wellbeing', label: 'Health and wellbeing', supportTypes: ['therapeutic_support', 'support_groups_and_training'] },
  { code: 'relationships', label: 'Relationships, including contact with parents and relatives', supportTypes: ['family_time', 'family_group_decision_making'] },
  { code: 'education_and_training', label: 'Education and training', supportTypes: ['education', 'support_groups_and_training'] },
  { code: 'accommodation', label: 'Accommodation', supportTypes: ['accommodation'] },
] as const satisfies ReadonlyArray<{ code: string; label: string; supportTypes: readonly SupportTypeCode[] }>;

/**
 * How a council consulted on its offer (a consultation's `method`). The seeds show surveys, focus
 * groups, coffee mornings (events) and one-to-one calls.
 */
export const CONSULTATION_METHODS = [
  { code: 'survey', label: 'Survey' },
  { code: 'focus_group', label: 'Focus group' },
  { code: 'event', label: 'Event' },
  { code: 'one_to_one', label: 'One-to-one conversations' },
  { code: 'other', label: 'Other' },
] as const;

/**
 * The groups of "relevant persons" a council consults before it publishes or updates its offer,
 * as the government amendment of January 2026 to the Children's Wellbeing and Schools Bill
 * describes them (children in kinship care, kinship carers, persons who appear to represent their
 * interests; former kinship carers and adults once in kinship care may count), and anyone else who
 * took part. A consultation records how many of each took part, never who.
 */
export const RELEVANT_PERSON_GROUPS = [
  { code: 'children_in_kinship_care', label: 'Children in kinship care' },
  { code: 'kinship_carers', label: 'Kinship carers' },
  { code: 'representatives', label: 'People who represent their interests' },
  { code: 'former_kinship_carers', label: 'Former kinship carers' },
  { code: 'adults_once_in_kinship_care', label: 'Adults once in kinship care' },
  { code: 'others', label: 'Others (parents, professionals)' },
] as const;
