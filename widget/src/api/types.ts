/** The offer as the kinshipOffer query returns it (see offer-query.ts). */

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

export interface Term {
  code: string;
  label: string;
  description?: string | null;
}

export interface Organisation {
  name: string;
  description?: string | null;
  website?: string | null;
  email?: string | null;
  phone?: string | null;
}

export interface Location {
  name: string;
  addressLine1?: string | null;
  addressLine2?: string | null;
  townOrCity?: string | null;
  postcode?: string | null;
  accessibility?: string | null;
}

export interface Contact {
  name: string;
  role?: string | null;
  phone?: string | null;
  email?: string | null;
}

/** See plugin/server/src/validation/index.ts: closing at or before opening is the next day, "24:00" the end of the day. */
export interface OpeningTime {
  /** The days it opens, "MO" to "SU". */
  days: string[];
  /** "HH:MM", 24-hour clock. */
  opensAt: string;
  /** "HH:MM", or "24:00". */
  closesAt: string;
  /** The day it closes, for a span over several days (Friday 17:00 to Monday 09:00). */
  closesOn?: string;
  note?: string;
}

export interface Service {
  uuid: string;
  title: string;
  summary: string;
  description?: Blocks | null;
  supportTypes: Array<{ code: string }>;
  arrangementTypes: Array<{ code: string }>;
  eligibility?: string | null;
  minimumAge?: number | null;
  maximumAge?: number | null;
  howToAccess?: string | null;
  referralUrl?: string | null;
  cost: 'free' | 'means_tested' | 'charged';
  costAmount?: number | null;
  costDescription?: string | null;
  deliveryMethods?: string[] | null;
  openingTimes?: OpeningTime[] | null;
  languages?: string[] | null;
  alert?: string | null;
  lastReviewedAt?: string | null;
  provider?: Organisation | null;
  locations: Location[];
  contacts: Contact[];
}

export interface Offer {
  documentId: string;
  slug: string;
  locale: string;
  name: string;
  councils: Array<{ name: string; gssCode: string }>;
  generalApproach?: Blocks | null;
  evidenceBase?: Blocks | null;
  accountableOfficerName?: string | null;
  accountableOfficerRole?: string | null;
  accountableOfficerEmail?: string | null;
  contactName?: string | null;
  contactPhone?: string | null;
  contactEmail?: string | null;
  contactHours?: string | null;
  contactUrl?: string | null;
  legalFramework?: Blocks | null;
  legalFrameworkByArrangement?: Record<string, string> | null;
  financialSupportPolicy?: Blocks | null;
  complaints?: Blocks | null;
  independentAdvice: Organisation[];
  lastReviewedAt?: string | null;
  nextReviewDue?: string | null;
  services: Service[];
  /** What changed because of what families said, newest first. */
  youSaidWeDid?: Array<{ youSaid: string; weDid: string; date: string }>;
  vocabulary: { arrangementTypes: Term[]; supportTypes: Term[] };
}
