/**
 * The public pages' contract: what the plugin's server (server/src/pages) gives the page renderer,
 * and what the renderer gives back. The renderer is built from the widget's own render modules
 * (widget/src/pages, bundled by rollup into the plugin's dist/pages), so the pages and the element
 * show an offer from one definition of how it looks; the server reads the offer, works out the
 * addresses and sends the HTML.
 *
 * Every address here is absolute (server/src/http/public-url), so a page is correct behind a proxy
 * under a path, and as an iframe, a link preview or a printout.
 */
import type { ConsultationReport } from './consultation-report';
import type { OfferView, ServiceView } from './offer-view';

/** The same page in another of the offer's published languages (an `hreflang` alternate). */
export interface PageAlternate {
  /** The locale code the offer is published in (a BCP 47 tag, as Strapi i18n writes it). */
  locale: string;
  href: string;
}

/** Where things are, for one page in one language. */
export interface PageLinks {
  /** This page's canonical address. */
  canonical: string;
  /**
   * The council's own page, where the offer names it as its page's canonical (the offer's
   * `canonicalUrl`): search engines and link previews are sent there instead (`<link
   * rel="canonical">`, og:url). Sharing, printing and oEmbed keep `canonical`.
   */
  councilPage?: string;
  /** The offer's page, in this page's language. */
  offer: string;
  /** A service's page, in this page's language, by its UUID. */
  service(uuid: string): string;
  /** The offer's consultation report page, in this page's language. */
  consultationReport: string;
  /** This page in each language the offer is published in (this one included). */
  alternates: PageAlternate[];
  /** The pages' stylesheet and script (versioned, cached for ever); the iframe view's own script in the iframe view. */
  stylesheet: string;
  script: string;
  /** This page's oEmbed answer (JSON), for discovery by hosts such as WordPress (oembed.com, section 4). */
  oembed?: string;
}

interface PageBase {
  /**
   * The iframe view (no council chrome; `noindex, indexifembedded`): for hosts that embed the page
   * in a frame, oEmbed's `html`. Its `links.offer` and `links.service` are iframe views too, so a
   * reader moving between the offer and its services stays in the frame; every other link opens
   * a new top-level browsing context.
   */
  embed?: boolean;
  links: PageLinks;
}

/** The offer's page: the reader's choices arrive as the page URL's query string (the element's parameters). */
export interface OfferPage extends PageBase {
  kind: 'offer';
  offer: OfferView;
  /** The page URL's query string, e.g. `?kinship-arrangement=special_guardianship_order`. */
  search: string;
}

/**
 * A service's own page; `qrCode`: an SVG image of the page's canonical address, for print, made by
 * the server (the `qrcode` package) and put in the page as it is.
 */
export interface ServicePage extends PageBase {
  kind: 'service';
  offer: OfferView;
  service: ServiceView;
  qrCode: string;
}

/** Not found: an unknown offer, service or address; with the offer's named contact where the offer is known. */
export interface NotFoundPage {
  kind: 'not-found';
  offer: OfferView | null;
  links: Pick<PageLinks, 'stylesheet' | 'script'> & Partial<PageLinks>;
}

/**
 * The offer's consultation report (Children Act 1989, s.22H): how the council consulted before
 * publishing or updating the offer, from its published consultations (./consultation-report).
 */
export interface ConsultationReportPage extends PageBase {
  kind: 'consultation-report';
  offer: OfferView;
  report: ConsultationReport;
}

/**
 * A partner's page for one of its services (server/src/partners), reached by a private link: the
 * form (still correct, or propose changes to the public fields), or a message (thanks, or why the
 * link opens nothing). Never indexed, never cached. Its words come from the server, in English.
 */
export interface PartnerFormPage {
  kind: 'partner-form';
  /** Who publishes the offer the service is in, for the header. */
  council: string;
  /** The service's name as readers see it. */
  title: string;
  intro: string[];
  /** Where the form posts: the link's own address. */
  action: string;
  fields: PartnerFormField[];
  /** What was wrong with the last post, each tied to its field's `name`. */
  problems: Array<{ field: string; message: string }>;
}

/** One field of the partner's form, with what is in it now (as readers see it, or as the partner typed). */
export interface PartnerFormField {
  name: string;
  label: string;
  hint?: string;
  input: 'line' | 'paragraph' | 'choice' | 'number';
  required: boolean;
  maxLength?: number;
  /** For a choice: [value, label] pairs. */
  options?: Array<[string, string]>;
  value: string;
}

/** A partner's message page: thanks, or why a link opens nothing. */
export interface PartnerMessagePage {
  kind: 'partner-message';
  council: string;
  heading: string;
  paragraphs: string[];
}

export type PartnerPage = PartnerFormPage | PartnerMessagePage;

export type PageModel = OfferPage | ServicePage | ConsultationReportPage | NotFoundPage;

/** What the page bundle exports (dist/pages/render.mjs). */
export interface PageRenderer {
  /** The page as a whole HTML document. Throws only on a fault of ours (the server answers 503 then, never a 500). */
  renderPage(page: PageModel): Promise<string>;
  /** A partner's page, as a whole HTML document, its stylesheet inside it. */
  renderPartnerPage(page: PartnerPage): Promise<string>;
  /** The pages' stylesheet: the element's own styles for the light DOM, and the page's chrome. */
  stylesheet: string;
  /** The element's language packs by code (`{ cy: { retry: 'Ceisio eto', … } }`), read by the CMS once. */
  usePacks(packs: Record<string, Record<string, unknown>>): void;
}

/** The iframe view's size where a host gives none of its own (oEmbed's answer, the embed builder's iframe), in CSS pixels. */
export const EMBED_SIZE = { width: 640, height: 800 } as const;
