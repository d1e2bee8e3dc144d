/**
 * Every word the element shows that is not content. A host page may override any of them
 * (`element.strings = { ... }`), for example to translate them with the content.
 * Counts use plural forms chosen by Intl.PluralRules for the element's language.
 */

export type Plural = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

export const DEFAULT_STRINGS = {
  /** The language these words are in (a BCP 47 tag): set it with a translation. */
  lang: 'en',
  loading: 'Loading the kinship local offer…',
  /** The name of the list of languages the offer is published in. */
  language: 'Language',
  errorTitle: 'The kinship local offer could not be loaded',
  errorBody: 'You can still get help: contact the team below, or try again.',
  notFound: 'This kinship local offer is not available.',
  retry: 'Try again',
  contactHeading: 'Contact',
  phone: 'Phone',
  email: 'Email',
  openingHours: 'Opening hours',
  website: 'Website',
  approachHeading: 'Our approach',
  arrangementHeading: 'What is your arrangement?',
  arrangementHint: 'Choose one to see the support open to you.',
  notSure: 'I\'m not sure',
  notSureHint: 'Showing support for every arrangement. The team can help you work out yours.',
  supportHeading: 'What support are you looking for?',
  searchLabel: 'Search services',
  servicesHeading: 'Support and services',
  /** The heading of services that have no support type yet, listed last. */
  otherSupport: 'Other support',
  resultCount: { one: '{count} service', other: '{count} services' } as Plural,
  noResults: 'No services match your choices.',
  clearFilters: 'Clear all choices',
  /** Where there are no services before any choice: an offer published before its services. */
  noServicesYet: 'No services are listed here yet. Contact the team above to ask what support there is.',
  /** The button the choices fold behind on a small screen, and how many of them are chosen. */
  showFilters: 'Show filters',
  hideFilters: 'Hide filters',
  filtersChosen: '{count} chosen',
  moreAbout: 'More about {title}',
  /** In an opened service, when its details could not be fetched (the reader may be offline). */
  detailsFailed: 'These details could not be loaded.',
  whoFor: 'Who it is for',
  ages: 'Ages {min} to {max}',
  agesFrom: 'Ages {min} and over',
  agesTo: 'Ages up to {max}',
  openTo: 'Open to',
  howToAccess: 'How to get it',
  referral: 'Apply or refer online',
  cost: 'Cost',
  costFree: 'Free',
  costMeansTested: 'Depends on your income (means-tested)',
  costCharged: 'There is a charge',
  delivery: 'How it is delivered',
  in_person: 'In person',
  online: 'Online',
  phoneDelivery: 'By phone',
  where: 'Where',
  when: 'When',
  // Opening times (format/opening-times.ts), GOV.UK style: "Monday to Friday: 9am to 5pm".
  hours: '{days}: {opens} to {closes}',
  span: '{opens} {openDay} to {closes} {closeDay}',
  nextDay: '{time} the next day',
  open24Hours: 'Open 24 hours',
  open24HoursOn: '{days}: open 24 hours',
  everyDay: 'Every day',
  dayRange: '{first} to {last}',
  am: '{time}am',
  pm: '{time}pm',
  midday: 'midday',
  midnight: 'midnight',
  languages: 'Languages',
  contacts: 'Contacts',
  providedBy: 'Provided by',
  lastReviewed: 'Last reviewed {date}',
  legalHeading: 'Your legal position',
  financialHeading: 'Financial support policy',
  complaintsHeading: 'How to complain',
  adviceHeading: 'Independent advice',
  evidenceHeading: 'How this offer was made',
  accountableHeading: 'Who is responsible for this offer',
  offerReviewed: 'This offer was last reviewed on {date}.',
  youSaidWeDidHeading: 'You said, we did',
  youSaid: 'You said',
  weDid: 'We did',
  feedbackQuestion: 'Was this helpful?',
  yes: 'Yes',
  no: 'No',
  feedbackOpen: 'Tell us what is missing or wrong',
  feedbackLabel: 'Tell us what is missing or wrong (optional)',
  feedbackHint: 'Do not include personal details, such as your name, address or phone number. We cannot reply.',
  feedbackSend: 'Send',
  feedbackThanks: 'Thank you for your feedback.',
  feedbackFailed: 'Sorry, your feedback could not be sent. Please try again.',
};

export type Strings = typeof DEFAULT_STRINGS;

/**
 * The public pages' own words (../pages: the offer and each service on a page of its own, and the
 * consultation report), beside the element's, which the pages use too (a word both say, such as
 * "Email" or "Language", is the element's key, written once). Kept apart so that the one-tag
 * bundle carries only the element's words. Every pack translates them (packs/<code>.json `pages`,
 * which the server reads and widget.js never fetches); a page in another language lays its pack's
 * `strings` and `pages` over these, key by key.
 */
export const PAGE_STRINGS = {
  skipLink: 'Skip to main content',
  breadcrumbs: 'Breadcrumb',
  showServices: 'Show support',
  notFoundTitle: 'Page not found',
  notFoundBody: 'The page you asked for is not here. It may have moved or been taken down. You can still get help:',
  shareHeading: 'Share this page',
  copyLink: 'Copy link',
  linkCopied: 'Link copied',
  shareText: 'Text message',
  shareWhatsApp: 'WhatsApp',
  print: 'Print this page',
  qrCaption: 'Scan with a phone camera to open this page:',
  /** The consultation report (render/consultation-report.ts). */
  consultationReportHeading: 'How we consulted on {offer}',
  consultationReportIntro: 'Before we publish or change this offer, we ask children in kinship care, kinship carers and people who represent them what works and what does not. This is what they told us and what we changed.',
  consultationReportNone: 'No consultation has been published yet.',
  /** The offer's page links to its consultation report with this. */
  consultationReportLink: 'How we consulted families on this offer',
  consultationHow: 'How',
  consultationWhoTookPart: 'Who took part',
  consultationParticipants: { one: '{count} person', other: '{count} people' } as Plural,
  consultationWhatWasSaid: 'What people said',
  consultationWhatChanged: 'What changed',
  consultationServicesChanged: 'Services that changed',
};

export type PageStrings = Strings & typeof PAGE_STRINGS;

/** Fills {placeholders}; a Plural picks its form from `count`. */
export function format(template: string | Plural, values: Record<string, string | number> = {}, lang = 'en'): string {
  const text =
    typeof template === 'string'
      ? template
      : (template[new Intl.PluralRules(lang).select(Number(values.count ?? 0))] ?? template.other);
  return text.replace(/\{(\w+)\}/g, (_, key) => String(values[key] ?? ''));
}
