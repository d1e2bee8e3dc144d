/**
 * The admin API's responses (server/src/routes, "admin", under /kinship-offer), as the server
 * builds them and the admin pages read them. Each route's controller answers `{ data: <type> }`.
 */
import type { TermView } from './offer-view';

/** One line of the statutory checklist. */
export interface Check {
  /** Stable key, e.g. "section:complaints", "support:education", "arrangement:adoption". */
  key: string;
  label: string;
  ok: boolean;
  /** What to do, when not ok. */
  todo?: string;
  /**
   * The field to edit to fix it (a link from the admin): the offer's, for statutory sections; the
   * service's, for what directories will miss.
   */
  field?: string;
}

/** What an Open Referral directory will miss about one published service (key "directory:…"). */
export interface DirectoryGaps {
  title: string;
  documentId?: string;
  /** The failed checks, each with the service's `field` to fix and a `todo` in plain words. */
  missing: Check[];
}

/** A service not reviewed within `serviceReviewMonths`. */
export interface OverdueService {
  title: string;
  documentId?: string;
  lastReviewedAt: string | null;
}

/**
 * The duty to consult relevant persons before publishing or updating the offer (Children Act 1989,
 * s.22H; server/src/compliance/consultation-duty.ts). Times as ISO 8601, dates as "2026-11-23".
 */
export interface ConsultationDuty extends Check {
  /** The publication, or the unpublished edit, that needs a consultation; null for an empty draft. */
  changedAt: string | null;
  /** The publication before it: a consultation must be dated on or after its day. Null: any counts. */
  since: string | null;
  /** The date of the latest consultation recorded, if any. */
  lastConsulted: string | null;
}

/** The compliance report: a pure function of an offer (server/src/compliance/report.ts). */
export interface ComplianceReport {
  /** 0 to 100. */
  score: number;
  sections: Check[];
  supportTypes: Check[];
  /** The Act's headings (s.22H), each met by some support type with a published service. */
  actHeadings: Check[];
  arrangementTypes: Check[];
  /** coverage[supportType][arrangementType] = published services open to both. */
  coverage: Record<string, Record<string, number>>;
  overdue: { offer: boolean; services: OverdueService[] };
  nextSteps: string[];
  /**
   * For directories (the Open Referral UK feed): how many published services they get whole, and
   * each one they will get with something missing. Not part of the statutory score.
   */
  forDirectories: { complete: number; services: DirectoryGaps[] };
  /** The duty to consult before publishing or updating. Not part of the score: shown on its own. */
  consultation: ConsultationDuty;
}

/** GET /compliance/:documentId */
export interface OfferReport extends ComplianceReport {
  documentId: string;
  name: string;
  /** Whether a published version exists. */
  published: boolean;
}

/** GET /compliance: one per offer. */
export interface OfferSummary {
  documentId: string;
  name: string;
  slug: string;
  /** For the embed snippet's fallback. */
  contactUrl: string | null;
  contactPhone: string | null;
  score: number;
  nextReviewDue: string | null;
  reviewOverdue: boolean;
  servicesOverdue: number;
  /** Published services a directory will get with something missing (`forDirectories`). */
  servicesIncompleteForDirectories: number;
  nextSteps: string[];
}

/** GET /overdue: an offer past its next review date, or a service not reviewed in time. */
export type OverdueItem = {
  documentId: string;
  name: string;
  /** The offer it belongs to (for an offer, itself). */
  offer: { documentId: string; name: string };
  /** Who is told: the offer's accountable officer, else its named contact. */
  notify: string | null;
} & ({ kind: 'offer'; due: string | null } | { kind: 'service'; lastReviewedAt: string | null });

/** GET /vocabularies: the statutory vocabularies with the council's labels. */
export interface Vocabularies {
  arrangementTypes: TermView[];
  supportTypes: TermView[];
}

/** One reader's answer to "Was this helpful?". */
export interface FeedbackItem {
  documentId: string;
  /** ISO 8601 date-time. */
  receivedAt: string;
  helpful: boolean | null;
  message: string | null;
  actioned: boolean;
  service: { documentId: string; title: string } | null;
}

/** GET /feedback?offer=<documentId>: newest first. */
export interface FeedbackInbox {
  items: FeedbackItem[];
  counts: { helpful: number; notHelpful: number; open: number };
}

/** The kinds of document "Mark as reviewed today" applies to. */
export type Reviewable = 'offer' | 'service';

/** GET /reviews/:kind/:documentId */
export interface ReviewStatus {
  documentId: string;
  lastReviewedAt: string | null;
  lastReviewedBy: string | null;
  /** ISO date the next review is due, or null if never reviewed. */
  reviewDue: string | null;
  overdue: boolean;
}

/** GET /reach/:documentId and /reach/:documentId/csv: an offer's reach (./reach). */
/** One thing not yet translated, or translated before the default language last changed (GET /translations/:documentId). */
export interface TranslationGap {
  kind: 'offer' | 'service';
  documentId: string;
  /** The offer's or the service's name in the default language. */
  title: string;
  /** For the offer: which of its words (attribute names) the translation lacks; none when it is stale only. */
  fields?: string[];
  /** Where an editor fixes it: the content manager, in this language (a path under /admin). */
  href: string;
}

/** One language of an offer: what readers of it still see in the default language, and what is out of date. */
export interface LanguageReport {
  locale: string;
  /** The locale's name as Strapi i18n has it ("Welsh (cy)"). */
  name: string;
  /** No version in this language, or none published (a service's draft only: `draft: true`). */
  missing: Array<TranslationGap & { draft?: boolean }>;
  /** Changed in the default language after the translation was last saved. */
  stale: TranslationGap[];
  /** How much of the offer readers see translated: its words with a translation, and its published services with a published one. */
  translated: number;
  total: number;
}

export interface TranslationReport {
  documentId: string;
  defaultLocale: string;
  languages: LanguageReport[];
}

/** Each offer's translation figures (GET /translations): documentId → one per language besides the default. */
export type TranslationFigures = Record<string, Array<{ locale: string; translated: number; total: number }>>;

export type { ReachChoice, ReachReport, ReachRow, ReachService, ReachSite, ReachWeek } from './reach';

/** One thing to improve in a text (server/src/plain-english/check.ts). Offsets in UTF-16 code units. */
export interface PlainEnglishIssue {
  rule: 'reading-age' | 'sentence-length' | 'words-to-avoid' | 'abbreviation';
  /** Where it is in the field's text, as the check read it (rich text as its plain text). */
  start: number;
  end: number;
  excerpt: string;
  /** What to do, in the editor's words. */
  message: string;
  /** A plainer wording, where there is one. */
  suggestion?: string;
}

/** The plain-English result of one text field: `field` as the content manager names it. */
export interface PlainEnglishField {
  field: string;
  label: string;
  issues: PlainEnglishIssue[];
}

/** GET /plain-english/:documentId: the offer's text fields and each service's, with what to improve. */
export interface PlainEnglishReport {
  offer: PlainEnglishField[];
  services: Array<{ documentId: string; title: string; fields: PlainEnglishField[] }>;
}

/** A private link to one service, e-mailed to its provider's contact (server/src/partners). */
export type PartnerLinkState = 'open' | 'used' | 'expired' | 'revoked';
export interface PartnerLink {
  id: string;
  sentTo: string;
  /** The editor who sent it, or "the review reminder". */
  requestedBy: string;
  /** ISO 8601 date-times. */
  createdAt: string;
  expiresAt: string;
  /** When the partner last said "still correct" with it. */
  confirmedAt: string | null;
  state: PartnerLinkState;
}

/** Changes a partner proposed to a service's public fields, for an editor to accept or decline. */
export interface ServiceProposal {
  id: string;
  service: { documentId: string; title: string };
  proposedBy: string;
  /** ISO 8601 date-time. */
  submittedAt: string;
  /** What the partner told the council besides (never published). */
  note: string | null;
  status: 'pending' | 'accepted' | 'declined';
  decidedBy: string | null;
  declineReason: string | null;
  /** Each changed field: what readers saw when it was proposed, the editor's draft now, and the proposal. */
  changes: Array<{ field: string; label: string; published: string | number | null; draft: string | number | null; proposed: string | number | null }>;
}

/** A page's link card (GET /api/kinship-offer/link-card, server/src/pages/link-card.ts). */
export interface LinkCard {
  /** A paragraph: a link to the page, one line on what it is, the named contact and phone. */
  html: string;
  /** The same as plain text, one part a line. */
  text: string;
  /** The addresses of the page's QR code images. */
  qrCode: { svg: string; png: string };
}

/**
 * GET /embed-choices/:documentId: the addresses the embed builder gives editors, every one made by the
 * server from the CMS's public URL (`server.url`) and the plugin's `pages` path
 * (server/src/pages/embed-builder.ts).
 */
export interface EmbedChoices {
  /** The offer these are for. */
  documentId: string;
  /** Where every address starts: `server.url`, or the request's origin where it is not set ("https://cms.example.gov.uk"). */
  publicUrl: string;
  /** The widget's script, for the script tag. */
  widgetScript: string;
  /** Where the offer is read, up to its slug (../shared/offer-query OFFER_VIEW_PATH): the snippet preloads it beside the script. */
  offerViewBase: string;
  /** The offer's published page and what each other way shows of it; null with `noPage` saying why. */
  page: null | {
    /** The page's address: the pasted link. */
    url: string;
    /** Its iframe view. */
    embed: string;
    /** The script a host page loads to size the iframe to the offer. */
    resizeScript: string;
    /** What oEmbed answers for the page: what a CMS puts where the link was pasted. */
    oembed: { html: string; width: number; height: number; title: string };
    linkCard: LinkCard;
  };
  /** Why there is no page: the offer is not published yet, or the app serves no pages (`pages: false`). */
  noPage?: 'unpublished' | 'pages-off';
}
