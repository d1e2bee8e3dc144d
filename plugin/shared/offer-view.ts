/**
 * The offer view: a published kinship local offer as a reader sees it, the shape the `kinshipOffer`
 * GraphQL query answers (server/src/offer-view) and the widget renders. One definition for the
 * server, the compliance report, the admin and the widget; `test/plugin/unit/contracts.test.ts`
 * holds it against the content-type schemas, so a field added there and not here (or the reverse)
 * fails the type check.
 *
 * A reader's request selects the fields it needs, so fields a query may leave out are optional.
 * Dates are ISO 8601 strings (`2026-11-30`), date-times with a time and zone.
 */

/** Strapi "blocks" rich text: rendered from structure, never as HTML. */
export type Blocks = BlockNode[];
export interface BlockNode {
  type: string;
  children?: BlockNode[];
  text?: string;
  url?: string;
  level?: number;
  format?: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strikethrough?: boolean;
  code?: boolean;
}

/** Fields every document in the view has. */
interface Document {
  documentId?: string;
  /** ISO 8601 date-time of the last change. */
  updatedAt?: string;
}

/** A term of a statutory vocabulary (arrangement types, support types): a stable code and the council's words. */
export interface TermView extends Document {
  locale?: string;
  /** lower_snake_case, never changes: `special_guardianship_order`, `financial_support`. */
  code: string;
  label: string;
  description?: string | null;
  /** Display order, ascending. */
  order?: number;
}

/** An organization (Open Referral): the provider of a service, or an independent advice organisation. */
export interface OrganisationView extends Document {
  name: string;
  kind?: 'council' | 'health' | 'education' | 'housing' | 'voluntary' | 'national_charity';
  description?: string | null;
  website?: string | null;
  email?: string | null;
  phone?: string | null;
  uuid?: string;
}

/**
 * A location (Open Referral). Where `hideExactAddress` is set, the public view carries no street
 * lines and only the postcode district (`EB4`).
 */
export interface LocationView extends Document {
  name: string;
  addressLine1?: string | null;
  addressLine2?: string | null;
  townOrCity?: string | null;
  postcode?: string | null;
  hideExactAddress?: boolean;
  accessibility?: string | null;
  uuid?: string;
}

/** A contact (Open Referral): a named person or team for a service. */
export interface ContactView extends Document {
  name: string;
  role?: string | null;
  phone?: string | null;
  email?: string | null;
  organisation?: OrganisationView | null;
  uuid?: string;
}

/**
 * When a service is open (see server/src/validation: a closing time at or before the opening time
 * is the next day, `24:00` the end of the day, `00:00` to `24:00` open 24 hours).
 */
export interface OpeningTime {
  /** The days it opens, iCalendar weekday codes `MO` to `SU`. */
  days: string[];
  /** `HH:MM`, 24-hour clock. */
  opensAt: string;
  /** `HH:MM`, or `24:00`. */
  closesAt: string;
  /** The day it closes, for a span over several days (Friday 17:00 to Monday 09:00). */
  closesOn?: string;
  note?: string;
}

/** A service (Open Referral): one item of support in the offer. */
export interface ServiceView extends Document {
  locale?: string;
  /** Stable across edits and languages: directories key on it. */
  uuid: string;
  title: string;
  summary: string;
  description?: Blocks | null;
  supportTypes: Array<Pick<TermView, 'code'> & Partial<TermView>>;
  arrangementTypes: Array<Pick<TermView, 'code'> & Partial<TermView>>;
  eligibility?: string | null;
  /** Ages in whole years. */
  minimumAge?: number | null;
  maximumAge?: number | null;
  provider?: OrganisationView | null;
  howToAccess?: string | null;
  referralUrl?: string | null;
  cost: 'free' | 'means_tested' | 'charged';
  /** Pounds sterling, where the cost is fixed. */
  costAmount?: number | null;
  costDescription?: string | null;
  deliveryMethods?: string[] | null;
  locations: LocationView[];
  openingTimes?: OpeningTime[] | null;
  /** ISO 639 codes: `en`, `pl`. */
  languages?: string[] | null;
  contacts: ContactView[];
  /** A short-notice message: "Closed this week". */
  alert?: string | null;
  lastReviewedAt?: string | null;
  lastReviewedBy?: string | null;
  /** Its public page (GraphQL only, made per request): absolute, null when the CMS serves no pages. */
  publicUrl?: string | null;
}

/** What families told the council and what changed: published entries, newest first. */
export interface YouSaidWeDidView extends Document {
  locale?: string;
  youSaid: string;
  weDid: string;
  date: string;
}

/**
 * The kinship local offer (Children Act 1989 s.22H, inserted by the Children's Wellbeing and Schools
 * Act 2026; the October 2024 statutory guidance names its sections).
 */
export interface OfferView extends Document {
  /** The locale served, which may differ from the one asked for (see server/src/locales). */
  locale: string;
  name: string;
  slug: string;
  /** The councils it covers, each with its ONS/GSS code (`E09000033`). */
  councils: Array<{ name: string; gssCode: string }>;
  generalApproach?: Blocks | null;
  evidenceBase?: Blocks | null;
  accountableOfficerName?: string | null;
  accountableOfficerRole?: string | null;
  accountableOfficerEmail?: string | null;
  /** The named contact or team for kinship carers. */
  contactName?: string | null;
  contactPhone?: string | null;
  contactEmail?: string | null;
  contactHours?: string | null;
  contactUrl?: string | null;
  /** The council's own page about the offer (https), named canonical by the offer's public page in the default language. */
  canonicalUrl?: string | null;
  legalFramework?: Blocks | null;
  /** Plain words per arrangement type code. */
  legalFrameworkByArrangement?: Record<string, string> | null;
  financialSupportPolicy?: Blocks | null;
  complaints?: Blocks | null;
  independentAdvice: OrganisationView[];
  lastReviewedAt?: string | null;
  lastReviewedBy?: string | null;
  nextReviewDue?: string | null;
  services: ServiceView[];
  youSaidWeDid?: YouSaidWeDidView[];
  /** Its public page (GraphQL only, made per request): absolute, null when the CMS serves no pages. */
  publicUrl?: string | null;
  /** Both vocabularies in display order, in the offer's language where translated. */
  vocabulary: { arrangementTypes: TermView[]; supportTypes: TermView[] };
  /** Every language the offer is published in, each named in itself ("Cymraeg"), by code. */
  languages: LanguageView[];
}

/** A language an offer is published in: its locale code and its name in itself (CLDR, by Intl.DisplayNames). */
export interface LanguageView {
  code: string;
  name: string;
}
