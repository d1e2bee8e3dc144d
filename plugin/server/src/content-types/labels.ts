/**
 * What editors see in the Content Manager for each field: a plain label and, where the statutory
 * guidance asks for something specific, a hint. Field names are for code ("legalFrameworkByArrangement");
 * these are for people. Fields not listed get their name in words ("contactPhone" → "Contact phone").
 */
import type { ContentTypeName } from '../uids';

export interface FieldLabel {
  label?: string;
  description?: string;
  /** Hints the plugin gave before `description`: replaced where still shown, never an editor's own. */
  formerDescriptions?: string[];
}

export const FIELD_LABELS: Partial<Record<ContentTypeName, Record<string, FieldLabel>>> = {
  offer: {
    name: { description: 'The council or shared service, as carers know it: the heading carers see.' },
    slug: { label: 'Address name (slug)', description: 'Used in the embed snippet and the API. Changing it breaks existing embeds.' },
    councils: {
      label: 'Councils covered',
      description: 'Carers see these councils named on the offer; directories find the offer by their GSS codes. Choose each council from the list, or type its name and code.',
      formerDescriptions: ['Each council\'s name and GSS code (E06…, E08…, E09…, E10…).'],
    },
    generalApproach: { description: 'Statutory: your approach to kinship support. Support should follow the child\'s needs, not the legal arrangement.' },
    evidenceBase: { label: 'Evidence base (co-production)', description: 'Statutory: how kinship carers, children and parents shaped this offer.' },
    accountableOfficerName: { label: 'Accountable officer', description: 'Statutory: the senior officer responsible for the offer. Review reminders go to their e-mail.' },
    accountableOfficerRole: { label: 'Accountable officer\'s role' },
    accountableOfficerEmail: { label: 'Accountable officer\'s e-mail' },
    contactName: { label: 'Named contact or team', description: 'Statutory: who carers contact first. Shown at the top of the offer.' },
    contactPhone: { description: 'Carers see it beside the named contact and can tap it to ring.' },
    contactEmail: { label: 'Contact e-mail', description: 'Carers see it beside the named contact.' },
    contactHours: { label: 'Contact hours', description: 'Carers see it beside the phone number, e.g. "Monday to Friday, 9am to 5pm".' },
    contactUrl: { label: 'Contact web page', description: 'An https:// address.' },
    canonicalUrl: {
      label: 'Your council\'s own page about the offer (optional)',
      description: 'An https:// address. Search engines then list your own page instead of this offer\'s public page; each service keeps its own page.',
    },
    legalFramework: { label: 'Legal framework (general)', description: 'The legal framework in plain language, for every arrangement.' },
    legalFrameworkByArrangement: { label: 'Legal framework for each arrangement', description: 'Statutory: what each arrangement means for the family, in plain language.' },
    financialSupportPolicy: { description: 'Statutory: who can get what, how to apply, how decisions are made.' },
    complaints: { label: 'Complaints', description: 'Statutory: how children, carers and others can complain.' },
    independentAdvice: { label: 'Independent advice organisations', description: 'Statutory: organisations carers can go to for independent advice.' },
    lastReviewedAt: { label: 'Last reviewed on', description: 'Use "Mark as reviewed today" in the side panel.' },
    nextReviewDue: { label: 'Next review due', description: 'The admin lists the offer as overdue after this date.' },
    youSaidWeDid: { label: 'You said, we did', description: 'Published entries show on the offer, newest first.' },
  },
  service: {
    title: { description: 'The name carers see in the list of services.' },
    summary: { description: 'One or two sentences a carer reads in the list.' },
    description: { description: 'Carers see it when they open the service.' },
    eligibility: { label: 'Who it is for (eligibility)', description: 'Carers see it when they open the service; directories show it too.' },
    provider: { description: 'The organisation carers see as running the service.' },
    howToAccess: { label: 'How to get it', description: 'Carers see it when they open the service: how to ask for it or be referred.' },
    cost: { description: 'Carers see "Free", "Means-tested" or "Charged".' },
    costDescription: { label: 'Cost in words', description: 'Carers see it beside the cost, e.g. "£5 a session, free for families on benefits".' },
    locations: { description: 'Carers see each place\'s address (or only its area, where hidden).' },
    contacts: { description: 'Carers see each contact\'s name, phone and e-mail when they open the service.' },
    supportTypes: { description: 'Each support type the service gives; the coverage map counts them.' },
    arrangementTypes: { label: 'Open to', description: 'The arrangements it is open to.' },
    minimumAge: { label: 'Minimum age of the child' },
    maximumAge: { label: 'Maximum age of the child' },
    referralUrl: { label: 'Apply or refer online (web address)', description: 'An https:// address.' },
    costAmount: { label: 'Cost (£)' },
    deliveryMethods: {
      label: 'How it is delivered',
      description: 'Carers see how they can use it: in person, online or by phone.',
      formerDescriptions: ['Any of "in_person", "online", "phone", e.g. ["in_person", "phone"].'],
    },
    openingTimes: {
      description: 'Carers see when it is open, day by day, with your note. For overnight opening, give a closing time before the opening time; for a weekend, choose the day it closes.',
      formerDescriptions: [
        'e.g. [{ "days": ["MO", "WE"], "opensAt": "09:30", "closesAt": "12:00", "note": "Term time only" }], on the 24-hour clock. ' +
          'A closing time at or before the opening time is the next day: "18:00" to "24:00" is 6pm to midnight, "22:00" to "07:00" overnight, ' +
          '"00:00" to "24:00" open 24 hours. Friday 5pm to Monday 9am: { "days": ["FR"], "opensAt": "17:00", "closesOn": "MO", "closesAt": "09:00" }.',
        'e.g. [{ "days": ["MO", "WE"], "opensAt": "09:30", "closesAt": "12:00", "note": "Term time only" }]',
      ],
    },
    languages: { description: 'Carers see the languages it is given in, by name.', formerDescriptions: ['ISO 639-1 codes, e.g. ["en", "pl"].'] },
    alert: { label: 'Short-notice alert', description: 'e.g. "Closed this week". Shown prominently; remove it when it no longer applies.' },
    lastReviewedAt: { label: 'Last reviewed on', description: 'Use "Mark as reviewed today" in the side panel.' },
  },
  'support-type': {
    equivalentTerms: {
      label: 'Equivalent terms in directories\' taxonomies',
      description: 'The same support in another list a directory uses (e.g. its own categories): the taxonomy\'s name, its code for the term, and the term\'s name. Published in the Open Referral UK feed.',
    },
  },
  location: {
    name: { description: 'Carers see it as the place\'s name, e.g. "Riverside Family Hub".' },
    postcode: { description: 'Carers see it in the address; directories need it to place the service.' },
    hideExactAddress: { description: 'Publish only the town and the first half of the postcode (for refuges and homes).' },
    accessibility: { description: 'Carers see it with the address, e.g. "Step-free entrance, hearing loop".' },
  },
  contact: {
    name: { description: 'Carers see it as who to ask for, e.g. "Kinship duty worker".' },
    phone: { description: 'Carers can tap it to ring; directories need a phone number for each service.' },
  },
  organisation: {
    name: { description: 'Carers see it as who runs a service.' },
    website: { description: 'Carers can follow it from the service. An https:// address.' },
  },
  feedback: {
    actioned: { description: 'Tick once the team has acted on it.' },
  },
  'you-said-we-did': {
    youSaid: { description: 'What families told you, in their terms.' },
    weDid: { description: 'What changed because of it.' },
    date: { description: 'When the change was made.' },
  },
  consultation: {
    date: { description: 'When it took place, or when a survey closed. The checklist counts it for changes published on or after this day.' },
    method: { label: 'How', description: 'Survey, focus group, event, one-to-one conversations or other.' },
    methodDetail: { label: 'How, in a few words', description: 'For example: "a coffee morning at the family hub".' },
    participants: { label: 'Who took part', description: 'How many of each group took part. Counts only: never names.' },
    whatWasSaid: { label: 'What people said', description: 'The themes, in your words. No quotation that could identify anyone.' },
    whatChanged: { label: 'What changed', description: 'What you changed because of it. Shown in the public consultation report.' },
    offers: { label: 'Offers', description: 'The offers it was about. Publish the offer first: a link to an offer never published is left out of the report.' },
    services: { label: 'Services that changed' },
    youSaidWeDid: { label: '"You said, we did" entries it led to' },
  },
};

/**
 * How each content type is named where an editor picks or lists it: the field a relation picker
 * and the edit view's title show (the Content Manager's "main field": labels, not codes), and the
 * list view's columns.
 */
export const VIEW_SETTINGS: Record<ContentTypeName, { mainField: string; list: string[] }> = {
  offer: { mainField: 'name', list: ['name', 'lastReviewedAt', 'nextReviewDue'] },
  service: { mainField: 'title', list: ['title', 'cost', 'lastReviewedAt'] },
  organisation: { mainField: 'name', list: ['name', 'kind', 'website'] },
  location: { mainField: 'name', list: ['name', 'townOrCity', 'postcode'] },
  contact: { mainField: 'name', list: ['name', 'role', 'phone'] },
  'arrangement-type': { mainField: 'label', list: ['label', 'description', 'order'] },
  'support-type': { mainField: 'label', list: ['label', 'description', 'order'] },
  feedback: { mainField: 'message', list: ['message', 'helpful', 'actioned', 'createdAt'] },
  'you-said-we-did': { mainField: 'youSaid', list: ['youSaid', 'weDid', 'date'] },
  consultation: { mainField: 'title', list: ['title', 'date', 'method'] },
};

/** A field name in words: "contactPhone" → "Contact phone". */
export const inWords = (field: string) => {
  const words = field.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

export const labelFor = (name: ContentTypeName, field: string): Required<FieldLabel> => ({
  label: FIELD_LABELS[name]?.[field]?.label ?? inWords(field),
  description: FIELD_LABELS[name]?.[field]?.description ?? '',
  formerDescriptions: FIELD_LABELS[name]?.[field]?.formerDescriptions ?? [],
});
