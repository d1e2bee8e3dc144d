/**
 * The public pages, rendered on the server with Lit's server rendering (@lit-labs/ssr 4.1.0, pinned:
 * a labs package; test/plugin/unit/pages-render.test.ts holds what it emits). The offer inside a
 * page is drawn by the element's own render modules (../render), from the element's own words
 * (../strings) and formats (../format), so a page and the element cannot drift apart; the
 * document around it (head, header, breadcrumbs, footer) is a server-only template of
 * @lit-labs/ssr, which may hold `<html>`, `<title>` and the like.
 *
 * Why Lit's server rendering: the element's templates are Lit templates, and this renders those
 * very templates, escaping as Lit escapes (text, attribute values); a second template language
 * would be a second definition of how the offer looks. Data is read before rendering (there is no
 * async render), by the plugin (plugin/server/src/pages).
 *
 * This module is bundled for Node by rollup (rollup.config.mjs) into the plugin's
 * dist/pages/render.mjs, with lit and @lit-labs/ssr left as the plugin's own dependencies: the
 * plugin is published as it is, and loads its pages from its own build, never from ../widget.
 */
import { html as page, render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html, nothing } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { ConsultationReportPage, NotFoundPage, OfferPage, PageLinks, PageModel, ServicePage } from '../../../plugin/shared/pages';
import type { Offer } from '../api/types';
import { EMPTY_FILTERS, filterServices, offeredSupportTypes, readFilters, searchTextOf, type FilterState } from '../filters';
import { languageName } from '../format/text';
import { jsonForScript, offerDescription, pageGraph } from './json-ld';
import { directionOf, wordsLocale } from '../locale';
import { packFor } from '../packs';
import { renderConsultationReport } from '../render/consultation-report';
import { renderOffer, type FinderContext } from '../render/finder';
import { heading, renderContact, type RenderContext } from '../render/offer';
import { renderServiceDetails } from '../render/service-details';
import { DEFAULT_STRINGS, format, PAGE_STRINGS, type PageStrings } from '../strings';

/** The words in other languages (widget/src/packs/<code>.json's `strings` and `pages`), by language code. */
const packs: Record<string, Partial<PageStrings>> = {};

/**
 * Gives the renderer the language packs, each language's words for the element and the pages in
 * one object (the CMS reads them, once, from the plugin's build): the pages then speak the offer's
 * language, their own words too.
 */
export function usePacks(given: Record<string, Record<string, unknown>>) {
  Object.assign(packs, given as Record<string, Partial<PageStrings>>);
}

/** The words for a page in `locale`: its pack laid over English, key by key, as the element does (../packs). */
export function stringsFor(locale: string): PageStrings {
  const code = packFor(locale);
  return { ...DEFAULT_STRINGS, ...PAGE_STRINGS, ...(code ? packs[code] : undefined) };
}

/**
 * Lit's server rendering marks each part of a template with comments (`<!--lit-part …-->`) so the
 * browser can take the HTML over (hydration), and leaves lit-html's `<?>` (a bogus comment to HTML)
 * after a template that ends with a value. Nothing takes these pages over: the marks go. Content
 * cannot forge one: text and attribute values are escaped (`<` as `&lt;`) before this runs.
 */
const HYDRATION_MARKS = /<!--\/?lit-(?:part|node)[^>]*-->|<\?>/g;

/** The space an attribute bound to `nothing` leaves at the end of a start tag (`<a href="…" >`). */
const EMPTY_ATTRIBUTE_SPACE = /(<[a-z][^<>]*?) +>/g;

/** The page's context for the render modules: its words, language and heading levels. */
function contextOf(offer: Offer, level: number): RenderContext & { t: PageStrings } {
  const t = stringsFor(offer.locale);
  return { offer, t, lang: wordsLocale(offer.locale, t.lang), level, feedback: () => nothing };
}

/** The browsing context the offer's own links open in: the frame itself in the iframe view (see `embedHead`). */
const targetOf = (model: PageModel) => (isEmbed(model) ? '_self' : undefined);

const isEmbed = (model: PageModel) => model.kind !== 'not-found' && model.embed === true;

/**
 * What the iframe view adds to the head:
 * - `<base target="_blank">`: a link out (a provider's website, a referral form) opens a new
 *   top-level browsing context, never inside the host's frame, where the site may refuse to be
 *   framed; the offer's own links (`targetOf`) stay in the frame;
 * - `responsive-embedded-sizing`: a host that sets `frame-sizing: content-height` on the iframe
 *   sizes it to the page where the browser has it (CSS Box Sizing 4);
 * - its script (../pages/embed) as a classic script: a module script would need CORS, which a
 *   sandboxed frame's opaque origin (`Origin: null`) makes one more thing to go wrong.
 */
function embedHead(script: string) {
  return page`<base target="_blank">
<meta name="responsive-embedded-sizing">
<script src=${script} defer></script>`;
}

/** What a page says of itself to search engines and link previews. */
interface PageMeta {
  title: string;
  description: string;
  /** The schema.org graph (./json-ld), if the page has one. */
  graph?: unknown;
}

/** The languages of the United Kingdom, whose territory is GB when a locale names none. */
const UK_LANGUAGES = new Set(['en', 'cy', 'gd', 'ga', 'kw']);

/**
 * A locale as Open Graph writes one, language_TERRITORY (ogp.me: "en_GB"; a bare language is
 * not in its format, and Facebook then assumes en_US). A locale without a territory gets the
 * United Kingdom for its languages (`en` → `en_GB`, `cy` → `cy_GB`), else the likeliest by
 * CLDR's likely subtags (`pl` → `pl_PL`, `ur` → `ur_PK`).
 */
function ogLocale(tag: string): string {
  const locale = new Intl.Locale(tag);
  const region = locale.region ?? (UK_LANGUAGES.has(locale.language) ? 'GB' : locale.maximize().region);
  return region ? `${locale.language}_${region}` : locale.language;
}

/** Search engines, Open Graph (Facebook, WhatsApp, LinkedIn, Slack) and Twitter cards. */
function metaOf(model: PageModel, meta: PageMeta) {
  const links = model.links;
  const offer = model.offer;
  if (model.kind === 'not-found' || !links.canonical || !offer) return page`<meta name="robots" content="noindex">`;
  const siteName = offer.councils.map((council) => council.name).join(', ') || offer.name;
  const canonical = links.councilPage ?? links.canonical;
  return page`${model.embed ? page`<meta name="robots" content="noindex, indexifembedded">` : nothing}
${meta.description ? page`<meta name="description" content=${meta.description}>` : nothing}
<link rel="canonical" href=${canonical}>
${(links.alternates?.length ?? 0) > 1 ? links.alternates!.map((alternate) => page`<link rel="alternate" hreflang=${alternate.locale} href=${alternate.href}>`) : nothing}
<meta property="og:type" content="website">
<meta property="og:title" content=${meta.title}>
${meta.description ? page`<meta property="og:description" content=${meta.description}>` : nothing}
<meta property="og:url" content=${canonical}>
<meta property="og:site_name" content=${siteName}>
<meta property="og:locale" content=${ogLocale(offer.locale)}>
${(links.alternates ?? []).filter((alternate) => alternate.locale !== offer.locale).map((alternate) => page`<meta property="og:locale:alternate" content=${ogLocale(alternate.locale)}>`)}
<meta name="twitter:card" content="summary">
<meta name="twitter:title" content=${meta.title}>
${meta.description ? page`<meta name="twitter:description" content=${meta.description}>` : nothing}
${meta.graph ? page`<script type="application/ld+json">${unsafeHTML(jsonForScript(meta.graph))}</script>` : nothing}`;
}

/** The head and the page around `main`: one document for every kind of page. */
function documentOf(model: PageModel, t: PageStrings, meta: PageMeta, main: unknown, breadcrumbs: Array<[string, string]> = []) {
  const offer = model.offer;
  const links = model.links;
  const locale = offer?.locale ?? t.lang;
  const embed = isEmbed(model);
  const target = targetOf(model);
  return page`<!doctype html>
<html lang=${locale} dir=${directionOf(locale)}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${meta.title}</title>
${metaOf(model, meta)}
${links.oembed ? page`<link rel="alternate" type="application/json+oembed" href=${links.oembed} title=${meta.title}>` : nothing}
<link rel="stylesheet" href=${links.stylesheet}>
${embed ? embedHead(links.script) : page`<script type="module" src=${links.script}></script>`}
</head>
<body class=${embed ? 'embed' : nothing}>
<a class="skip-link" href="#main" target=${target ?? nothing}>${t.skipLink}</a>
${embed ? nothing : page`<header class="page-header"><div class="width-container">
  <p class="council">${offer ? offer.councils.map((council) => council.name).join(', ') || offer.name : ''}</p>
  ${languageSwitcher(links, locale, t)}
</div></header>`}
<div class="width-container">
${breadcrumbs.length
  ? page`<nav class="breadcrumbs" aria-label=${t.breadcrumbs}><ol>${breadcrumbs.map(([text, href]) => page`<li><a href=${href} target=${target ?? nothing}>${text}</a></li>`)}</ol></nav>`
  : nothing}
<main id="main" class="root" lang=${locale} dir=${directionOf(locale)}>${main}</main>
</div>
</body>
</html>
`;
}

/** Each language the offer is published in, named in itself ("Cymraeg", "English"), the current one marked. */
function languageSwitcher(links: Partial<PageLinks>, current: string, t: PageStrings) {
  const alternates = links.alternates ?? [];
  if (alternates.length < 2) return nothing;
  return page`<nav aria-label=${t.language}><ul>${alternates.map(({ locale, href }) =>
    locale === current
      ? page`<li><span aria-current="true" lang=${locale}>${languageName(locale, locale)}</span></li>`
      : page`<li><a href=${href} hreflang=${locale} lang=${locale}>${languageName(locale, locale)}</a></li>`,
  )}</ul></nav>`;
}

/** The offer's page: the element's full view, its finder a GET form over the page's own address. */
function offerPage(model: OfferPage) {
  const { offer, links } = model;
  const ctx = contextOf(offer, 2);
  const filters: FilterState = { ...EMPTY_FILTERS, ...readFilters(model.search) };
  const supportCodes = offer.vocabulary.supportTypes.map((term) => term.code);
  filters.supportTypes = filters.supportTypes.filter((code) => supportCodes.includes(code));
  if (!offer.vocabulary.arrangementTypes.some((term) => term.code === filters.arrangement)) filters.arrangement = '';
  const labels = new Map(offer.vocabulary.supportTypes.map((term) => [term.code, term.label]));
  const finder: FinderContext = {
    ...ctx,
    filters,
    supportTypes: offeredSupportTypes(offer),
    results: filterServices(offer.services, filters, (service) => searchTextOf(service, labels)),
    isOpen: () => false,
    detailsWhenClosed: true,
    serviceDetails: (service) => renderServiceDetails(service, ctx),
    // A service without a UUID (a translation made before it had one) has no page to link to.
    serviceHref: (service) => (service.uuid ? links.service(service.uuid) : undefined),
    form: { action: links.offer, submit: ctx.t.showServices },
    target: targetOf(model),
  };
  const meta = { title: offer.name, description: offerDescription(offer) };
  const graph = pageGraph(offer, links, offer.services.filter((service) => service.uuid), [[offer.name, links.offer]], meta.description);
  const main = html`${heading(1, offer.name, 'first')}${renderOffer(finder, 'full')}
    <p class="no-print"><a href=${links.consultationReport}>${ctx.t.consultationReportLink}</a></p>
    ${renderShare(ctx.t, offer.name, links.canonical)}`;
  return documentOf(model, ctx.t, { ...meta, graph }, main);
}

/**
 * Share and print: the page's address to copy, and e-mail, text message and WhatsApp links that
 * open the reader's own app with it (nothing about the reader reaches the council or us); a
 * button to print, and on paper a QR code of the address (`qrCode`, an SVG made on the server).
 * The copy and print buttons need the page's script, so they start hidden and it shows them.
 */
function renderShare(t: PageStrings, title: string, url: string, qrCode?: string) {
  const message = `${title}: ${url}`;
  return html`<section class="share no-print" aria-labelledby="share-heading">
      <h2 id="share-heading">${t.shareHeading}</h2>
      <ul>
        <li><button type="button" class="secondary" data-copy=${url} hidden>${t.copyLink}</button></li>
        <li><a href=${`mailto:?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(url)}`}>${t.email}</a></li>
        <li><a href=${`sms:?&body=${encodeURIComponent(message)}`}>${t.shareText}</a></li>
        <li><a href=${`https://wa.me/?text=${encodeURIComponent(message)}`} rel="noopener noreferrer">${t.shareWhatsApp}</a></li>
        <li><button type="button" class="secondary" data-print hidden>${t.print}</button></li>
      </ul>
      <p class="share-status" role="status" data-copied=${t.linkCopied}></p>
    </section>
    ${qrCode
      ? html`<figure class="qr-code">${unsafeHTML(qrCode)}<figcaption>${t.qrCaption} ${url}</figcaption></figure>`
      : nothing}`;
}

/** A service's own page: everything the element shows of it, then the offer's named contact. */
function servicePage(model: ServicePage) {
  const { offer, service, links } = model;
  // The service's title is the page's h1; the render modules place a service's own headings two
  // levels below the element's top level (the level its title would have in the list), so that
  // top level is -1 here, and the named contact sits under the title at 2.
  const ctx = contextOf(offer, 2);
  const main = html`${heading(1, service.title, 'first')}
    ${service.alert ? html`<p class="alert">${service.alert}</p>` : nothing}
    <p>${service.summary}</p>
    ${renderServiceDetails(service, { ...ctx, level: -1 })}
    ${renderContact(ctx)}
    ${renderShare(ctx.t, service.title, links.canonical, model.qrCode)}`;
  const meta = { title: `${service.title} – ${offer.name}`, description: service.summary ?? '' };
  const trail: Array<[string, string]> = [[offer.name, links.offer], [service.title, links.canonical]];
  return documentOf(model, ctx.t, { ...meta, graph: pageGraph(offer, links, [service], trail, meta.description) }, main, trail.slice(0, 1));
}

/** The offer's consultation report: how the council consulted, who took part, what was said and what changed. */
function consultationReportPage(model: ConsultationReportPage) {
  const { offer, report, links } = model;
  const ctx = contextOf(offer, 1);
  const title = format(ctx.t.consultationReportHeading, { offer: offer.name });
  const main = html`${renderConsultationReport(report, { t: ctx.t, lang: ctx.lang, level: 1 })}
    ${renderContact({ ...ctx, level: 2 })}
    ${renderShare(ctx.t, title, links.canonical)}`;
  const trail: Array<[string, string]> = [[offer.name, links.offer], [title, links.canonical]];
  return documentOf(model, ctx.t, { title, description: ctx.t.consultationReportIntro }, main, trail.slice(0, 1));
}

/** Not found, with the named contact where the offer is known: a reader always has a way to get help. */
function notFoundPage(model: NotFoundPage) {
  const t = stringsFor(model.offer?.locale ?? 'en');
  const main = html`${heading(1, t.notFoundTitle, 'first')}
    <p>${t.notFoundBody}</p>
    ${model.offer ? html`${renderContact(contextOf(model.offer, 2))}${model.links.offer ? html`<p><a href=${model.links.offer}>${model.offer.name}</a></p>` : nothing}` : nothing}`;
  return documentOf(model, t, { title: t.notFoundTitle, description: '' }, main);
}

export async function renderPage(model: PageModel): Promise<string> {
  const document =
    model.kind === 'offer'
      ? offerPage(model)
      : model.kind === 'service'
        ? servicePage(model)
        : model.kind === 'consultation-report'
          ? consultationReportPage(model)
          : notFoundPage(model);
  return htmlOf(document);
}

/** A server-only template as the HTML a page sends, without Lit's hydration marks. */
export async function htmlOf(document: unknown): Promise<string> {
  return (await collectResult(render(document))).replace(HYDRATION_MARKS, '').replace(EMPTY_ATTRIBUTE_SPACE, '$1>');
}
