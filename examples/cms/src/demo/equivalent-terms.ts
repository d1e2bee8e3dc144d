/**
 * The demo's equivalent terms: how the fictional councils match their support types to the
 * categories of two fictional directories. Both taxonomies and every code are made up (no real
 * LGA list codes): they show a partner how terms of another taxonomy come through the feed.
 */
const CATEGORIES = { taxonomy: 'Example directory categories', taxonomyUri: 'https://directory.example.org/categories' };
const NEEDS = { taxonomy: 'Example family hub needs' };

/** By support type code, each support type's terms in the two directories' taxonomies. */
export const DEMO_EQUIVALENT_TERMS: Record<string, Array<{ taxonomy: string; taxonomyUri?: string; code: string; name?: string }>> = {
  financial_support: [
    { ...CATEGORIES, code: 'EDC-210', name: 'Money, benefits and grants' },
    { ...NEEDS, code: 'need-money', name: 'Help with money' },
  ],
  legal_support: [{ ...CATEGORIES, code: 'EDC-320', name: 'Legal advice' }],
  support_groups_and_training: [
    { ...CATEGORIES, code: 'EDC-140', name: 'Parenting and carers\' groups' },
    { ...NEEDS, code: 'need-peers', name: 'Meeting other carers' },
  ],
  therapeutic_support: [{ ...NEEDS, code: 'need-wellbeing', name: 'Emotional wellbeing' }],
  // A directory term that covers two support types: listed once, on services of either.
  family_time: [{ ...CATEGORIES, code: 'EDC-150', name: 'Family relationships' }],
  family_group_decision_making: [{ ...CATEGORIES, code: 'EDC-150', name: 'Family relationships' }],
};
