import { html, LitElement, nothing, type PropertyValues } from 'lit';
import type { OfferViewKind } from '../../plugin/shared/code-lists';
import { cmsAddress, loadOffer, OfferLoadError, resolveEndpoint } from './api/client';
import type { Offer, Service } from './api/types';
import { readAttributes, type Settings } from './attributes';
import './feedback';
import { EMPTY_FILTERS, filterServices, offeredSupportTypes, searchTextOf, type FilterState } from './filters';
import { moveFocus } from './focus';
import { styles } from './kinship-offer.styles';
import { directionOf, wordsLocale } from './locale';
import { loadPack, packFor } from './packs';
import { Printing } from './printing';
import { Reach } from './reach';
import { renderOffer } from './render/finder';
import { heading, type RenderContext } from './render/offer';
import type { renderServiceDetails } from './render/service-details';
import { DEFAULT_STRINGS, type Strings } from './strings';
import { UrlState } from './url-state';

/** What a reader's typing and key presses in a field fire that leaves a shadow root (composed). */
const TYPING_EVENTS = ['keydown', 'keypress', 'keyup', 'beforeinput', 'input'];

/**
 * Stops an event from one of the element's fields at its shadow root, as if the page had never
 * seen it, except the keys a page must still see: Escape (closing the page's own dialog), Tab (a
 * dialog's focus trap) and presses with Ctrl or Cmd (the browser's and the page's own shortcuts).
 * Focus events and `change` go on (a page's focus trap needs them; `change`, `submit` and `reset`
 * do not leave a shadow root at all).
 */
function keepTyping(event: Event) {
  const field = event.composedPath()[0] as Element;
  // Only our own: the fallback's nodes are the page's, passing through our slot.
  if (field.getRootNode() !== event.currentTarget || !field.matches?.('input, textarea, select')) return;
  const key = event as KeyboardEvent;
  if (key.key === 'Escape' || key.key === 'Tab' || key.ctrlKey || key.metaKey) return;
  event.stopPropagation();
}

/** The script's own address: the CMS that serves it is the one to ask for the offer. */
const SCRIPT_URL = import.meta.url;

/**
 * A service's details are drawn by ./render/service-details, which the one-tag script does not
 * carry: it is loaded once per page, as soon as an offer is shown, while the reader reads the first
 * screen (so it is there for the first service opened, and for printing). Until it comes, an opened
 * service shows its title and summary; if it cannot come, it says so, with "Try again".
 */
let drawDetails: typeof renderServiceDetails | undefined;
let detailsFailed = false;
let detailsLoading: Promise<void> | undefined;
/**
 * The elements that want the details: every one is drawn again when a load ends, whichever started
 * it, so that "Try again" in one offer brings them to another on the page that failed too. Kept
 * until the details have come.
 */
const awaitingDetails = new Set<KinshipOffer>();
const drawAgain = () => awaitingDetails.forEach((element) => element.requestUpdate());
const loadServiceDetails = (element: KinshipOffer) => {
  if (drawDetails) return;
  awaitingDetails.add(element);
  if (detailsFailed) {
    // The message that they failed gives way while they are fetched again.
    detailsFailed = false;
    drawAgain();
  }
  detailsLoading ??= import('./render/service-details')
    .then(
      (module) => void (drawDetails = module.renderServiceDetails),
      () => void (detailsFailed = true),
    )
    .then(() => {
      detailsLoading = undefined;
      drawAgain();
      if (drawDetails) awaitingDetails.clear();
    });
};

/**
 * Whether the reader is leaving the page: a browser cuts off the fetches of a page it unloads, and
 * a load cut off so is nobody's problem (a warning then reaches the council's error monitoring).
 */
let leavingPage = false;
addEventListener('pagehide', () => (leavingPage = true));
addEventListener('pageshow', () => (leavingPage = false));

/**
 * A council's kinship local offer, from its Strapi CMS, on any page.
 *
 * @summary The kinship local offer: named contact, support filtered by arrangement and need,
 * the legal framework, financial support policy, complaints and independent advice.
 *
 * @fires kinship-offer-load - The offer is shown. `detail: { offer, locale, services }` (locale: the one the CMS served)
 * @fires kinship-offer-error - The offer could not be shown. `detail: { offer, kind, message }`
 * @fires kinship-offer-filter - A reader changed their choices. `detail: { arrangement, supportTypes, query, results }`
 *
 * @slot - The fallback: what readers see before the offer loads and if it cannot (a link to the
 * offer page and a phone number). Keep it; it is also what readers without JavaScript see.
 *
 * @csspart contact - The named contact panel.
 * @csspart filters - The arrangement, support type and search controls.
 * @csspart status - The count of matching services.
 * @csspart service - One service.
 * @csspart section - A statutory section (legal position, financial support, complaints, advice).
 * @csspart error - The message shown when the offer cannot be loaded.
 *
 * @cssprop --kinship-offer-font-family - Defaults to GOV.UK's "GDS Transport", arial, sans-serif.
 * @cssprop --kinship-offer-font-size - Base size (1.1875em: GOV.UK's 19px of the reader's default 16px, whatever the page's root size).
 * @cssprop --kinship-offer-text-colour - Falls back to --govuk-text-colour, then #0b0c0c.
 * @cssprop --kinship-offer-secondary-text-colour - Falls back to --govuk-secondary-text-colour.
 * @cssprop --kinship-offer-link-colour - Falls back to --govuk-link-colour, then #1a65a6.
 * @cssprop --kinship-offer-focus-colour - Falls back to --govuk-focus-colour, then #ffdd00.
 * @cssprop --kinship-offer-focus-text-colour - Falls back to --govuk-focus-text-colour.
 * @cssprop --kinship-offer-border-colour - Falls back to --govuk-border-colour.
 * @cssprop --kinship-offer-accent-colour - The contact panel's edge; falls back to --govuk-brand-colour.
 * @cssprop --kinship-offer-panel-background - The contact panel (#f3f2f1).
 * @cssprop --kinship-offer-background - The element's background (transparent).
 * @cssprop --kinship-offer-error-colour - Falls back to --govuk-error-colour.
 * @cssprop --kinship-offer-button-colour - Buttons; falls back to --govuk-button-background-colour.
 * @cssprop --kinship-offer-button-text-colour - Button text (#fff).
 * @cssprop --kinship-offer-loading-height - Space kept while loading, so the page does not jump (20em).
 */
export class KinshipOffer extends LitElement {
  static override styles = styles;

  /**
   * Reactive properties are declared here rather than with decorators: TypeScript's output for
   * standard decorators costs about 0.7 KB gzipped, a twentieth of the bundle's 15 KB budget.
   */
  static override properties = {
    offer: { reflect: true },
    endpoint: {},
    arrangement: {},
    supportTypes: { attribute: 'support-types' },
    view: {},
    headingLevel: { attribute: 'heading-level', type: Number },
    reach: {},
    strings: { attribute: false },
    _offer: { state: true },
    _pack: { state: true },
    _error: { state: true },
    _filters: { state: true },
    _notices: { state: true },
  };

  /** The offer's slug, e.g. "example-borough". Required. */
  offer = '';

  /** The GraphQL endpoint; by default /graphql on the server the script came from. */
  endpoint = '';

  /** Preselects the reader's arrangement type (a code such as "special_guardianship_order"). */
  arrangement = '';

  /** Restricts the view to these support types: space- or comma-separated codes. */
  supportTypes = '';

  /** "full" (everything), "services" (the named contact, the filters and services) or "contact" (the named contact only). */
  view: OfferViewKind = 'full';

  /** The level of the element's top headings (1 to 6), to fit the host page's outline. */
  headingLevel = 2;

  /**
   * "off" stops the anonymous counts of where the offer is shown and what readers choose, open and
   * tap (see reach.ts); the browser's Global Privacy Control or Do Not Track stops them too.
   */
  reach = '';

  /** Overrides for any of the element's own words (see strings.ts). */
  strings: Partial<Strings> = {};

  /** @internal */
  private _filters: FilterState = EMPTY_FILTERS;

  /** The attributes as the element uses them (see attributes.ts), read at every update. */
  private _settings: Settings = readAttributes(this);

  /** @internal Problems with the attributes, told to the reader once the offer is shown. */
  private _notices: string[] = [];

  private _searchText = new WeakMap<Service, string>();
  /** Services whose details a reader has opened: only those are rendered, so filtering 300 stays quick. */
  private _opened = new Set<string>();
  private _warned = new Set<string>();
  private _url = new UrlState(this, () => this._onPopState());
  private _reach = new Reach(() =>
    this._settings.reach && this._offer ? [cmsAddress(resolveEndpoint(this.endpoint, SCRIPT_URL), 'api/kinship-offer/reach'), this._offer.slug] : undefined,
  );
  private _print = new Printing(this, () => {
    if (this._print.active) this._reach.send('print');
    this.requestUpdate();
    try {
      this.performUpdate();
    } catch {
      this.requestUpdate(); // a print() that bypassed the wrapper: the page is paused, finish afterwards
    }
  });
  /** After "Try again" or a language chosen: where focus goes once the offer (or the error) is shown again. */
  private _focusAfterLoad = '';

  /** @internal The offer shown; kept while a changed attribute loads another. */
  private _offer?: Offer;
  /** @internal The element's words in the reader's language (packs.ts), over English. */
  private _pack: Partial<Strings> = {};
  /** @internal Why the offer cannot be shown, if it cannot. */
  private _error?: unknown;
  /** When the offer was shown: readers' feedback says how long they had it. */
  private _shownAt = 0;
  /** What the shown offer (or error) was loaded for: endpoint, slug and language. */
  private _loadedFor = '';
  private _loading?: AbortController;

  /** Loads the offer; a newer load (attributes changed again, "Try again") supersedes this one. */
  private async _load() {
    this._loading?.abort();
    const loading = (this._loading = new AbortController());
    this._error = undefined;
    try {
      if (!this.offer) throw new OfferLoadError('not-found', 'the element has no offer attribute (the offer\'s slug)');
      // The words in the language asked for come with the offer; in the one served, if another.
      const words = (tag?: string) => loadPack(packFor(tag), SCRIPT_URL).then((pack) => loading.signal.aborted || (this._pack = pack));
      const [offer] = await Promise.all([loadOffer(resolveEndpoint(this.endpoint, SCRIPT_URL), this.offer, this.lang || undefined, loading.signal, { preloadable: !this.endpoint }), words(this.lang)]);
      await words(offer.locale);
      if (loading.signal.aborted) return;
      this._applyAttributeFilters(offer);
      this._offer = offer;
      this._shownAt = Date.now();
      // Where services can be opened, what draws their details comes while the reader reads.
      if (offer.services.length && this._settings.view != 'contact') void this.updateComplete.then(this._loadServiceDetails);
      this._reach.send('shown', this._settings.view);
      this._emit('kinship-offer-load', { offer: offer.slug, locale: offer.locale, services: offer.services.length });
    } catch (error) {
      if (loading.signal.aborted) return;
      // Back from the back-forward cache, the page shows this element again: load it then.
      if (leavingPage) return addEventListener('pageshow', () => this._load(), { once: true });
      const kind = error instanceof OfferLoadError ? error.kind : 'network';
      const message = error instanceof Error ? error.message : String(error);
      this._error = error;
      this._warn(`could not show the offer "${this.offer}": ${message}`);
      this._emit('kinship-offer-error', { offer: this.offer, kind, message });
    }
    if (this._focusAfterLoad) {
      this._moveFocus(this._focusAfterLoad);
      this._focusAfterLoad = '';
    }
  }

  /**
   * Key presses and typing in the element's fields stay in the element. Events from a shadow root
   * reach the page retargeted to <kinship-offer>, so a host's shortcut library (Mousetrap, a CMS's
   * "/" to search), which ignores keys typed into the page's own fields, cannot tell them from
   * keys pressed on the page, and a form's "unsaved changes" check counts our search as its input
   * (see keepTyping).
   */
  protected override createRenderRoot() {
    const root = super.createRenderRoot();
    for (const type of TYPING_EVENTS) root.addEventListener(type, keepTyping);
    return root;
  }

  static override get observedAttributes() {
    return [...super.observedAttributes, 'lang'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null) {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang') this.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    this._settings = readAttributes(this, this._offer?.vocabulary);
    const wanted = `${this.endpoint}\n${this.offer}\n${this.lang}`;
    if (wanted !== this._loadedFor) {
      this._loadedFor = wanted;
      void this._load();
    } else if ((changed.has('arrangement') || changed.has('supportTypes')) && this._offer && !this._error) {
      this._applyAttributeFilters(this._offer);
    }
  }

  override render() {
    // The words shown are in the served locale (or, before there is an offer, the element's own
    // words' language), whatever language and direction the host page is in.
    const lang = this._offer?.locale || this._t.lang;
    return html`<div class="root" lang=${lang} dir=${directionOf(lang)} @click=${this._onClick}>${this._renderState()}</div>`;
  }

  private _renderState() {
    try {
      if (this._error) return this._renderError(this._error);
      return this._offer ? this._renderOffer() : this._renderLoading();
    } catch (error) {
      // Content we did not expect must never break the host page: show the fallback instead.
      this._warn(`could not display the offer: ${error}`);
      return this._renderError(error);
    }
  }

  // ---- rendering -------------------------------------------------------------------------------

  private get _t(): Strings {
    return { ...DEFAULT_STRINGS, ...this._pack, ...this.strings };
  }

  /**
   * The language dates, numbers, counts and language names are written in: the element's own
   * words', as the page asked for it (`lang="en_GB"` as en-GB), else British English (locale.ts).
   */
  private get _lang(): string {
    return wordsLocale(this.lang, this._t.lang);
  }

  private get _level(): number {
    return this._settings.level;
  }

  /** What the render modules need to draw the offer (render/offer.ts). */
  private get _ctx(): RenderContext {
    return { offer: this._offer!, t: this._t, lang: this._lang, level: this._level, feedback: (service?: string) => this._renderFeedback(service) };
  }

  private _renderLoading() {
    return html`<div class="loading">
      <p role="status">${this._t.loading}</p>
      <slot></slot>
    </div>`;
  }

  private _renderError(error: unknown) {
    const notFound = error instanceof OfferLoadError && error.kind === 'not-found';
    return html`<div class="error" part="error" role="alert">
        ${heading(this._level, notFound ? this._t.notFound : this._t.errorTitle, 'first')}
        <p>${this._t.errorBody}</p>
        <slot></slot>
      </div>
      ${notFound ? nothing : html`<button type="button" @click=${this._retry}>${this._t.retry}</button>`}`;
  }

  private _renderOffer() {
    const view = this._settings.view;
    const restrictTo = this._settings.supportTypes;
    return html`
      ${this._notices.map((notice) => html`<p class="panel no-print" role="note">${notice}</p>`)}
      ${this._renderLanguages()}
      ${renderOffer(
        {
          ...this._ctx,
          filters: this._filters,
          supportTypes: offeredSupportTypes(this._offer!, restrictTo),
          results: view === 'contact' ? [] : this._results(),
          isOpen: (service) => this._print.active || this._opened.has(service.uuid),
          serviceDetails: this._serviceDetails,
          on: { arrangement: this._onArrangement, supportType: this._onSupportType, search: this._onSearch, clear: this._clearFilters, toggle: this._onToggle },
        },
        view,
      )}
      ${view === 'contact' ? nothing : this._renderFeedback()}
    `;
  }

  /**
   * The languages the offer is published in, each named in itself, when there is a choice: the one
   * shown marked current, each other a button that shows the offer in it, the reader's choices kept.
   */
  private _renderLanguages() {
    const { languages = [], locale } = this._offer!;
    return languages.length > 1
      ? html`<nav class="languages no-print" aria-label=${this._t.language}>
          ${languages.map(({ code, name }) =>
            code == locale
              ? html`<span class="current" aria-current="true" tabindex="-1" lang=${code} dir=${directionOf(code)}>${name}</span>`
              : html`<button type="button" class="link" lang=${code} dir=${directionOf(code)} @click=${() => this._chooseLanguage(code)}>${name}</button>`,
          )}
        </nav>`
      : nothing;
  }

  /** "Was this helpful?" about the offer, or about one service. */
  private _renderFeedback(service?: string) {
    return html`<kinship-offer-feedback .endpoint=${resolveEndpoint(this.endpoint, SCRIPT_URL)} .offer=${this._offer!.slug}
      .service=${service} .t=${this._t} .shownAt=${this._shownAt} .onSent=${() => this._reach.send('feedback', service)}></kinship-offer-feedback>`;
  }

  /**
   * A service's details, once ./render/service-details has come (see loadServiceDetails); asked for
   * here too, for a view that had no services to open when the offer was shown.
   */
  private _serviceDetails = (service: Service) => {
    if (drawDetails) return drawDetails(service, this._ctx);
    if (!detailsFailed) {
      this._loadServiceDetails();
      return nothing;
    }
    // Printing opens every service at once: said on paper, not announced once for each.
    return this._print.active
      ? html`<p class="alert">${this._t.detailsFailed}</p>`
      : html`<p class="alert" role="alert">${this._t.detailsFailed}</p>
          <button type="button" class="secondary" @click=${this._retryDetails}>${this._t.retry}</button>`;
  };

  // ---- helpers ---------------------------------------------------------------------------------

  private _results(): Service[] {
    const offer = this._offer!;
    const labels = new Map(offer.vocabulary.supportTypes.map((term) => [term.code, term.label]));
    const searchText = (service: Service) => {
      let text = this._searchText.get(service);
      if (text === undefined) this._searchText.set(service, (text = searchTextOf(service, labels)));
      return text;
    };
    return filterServices(offer.services, this._filters, searchText, this._settings.supportTypes);
  }

  /**
   * Attributes, then the page URL (a shared link wins), become the reader's choices (read by
   * attributes.ts); support-types limits them whatever the URL says.
   */
  private _applyAttributeFilters(offer: Offer) {
    const fromUrl = this._url.read();
    const settings = readAttributes(this, offer.vocabulary, fromUrl.arrangement ?? this.arrangement);
    settings.warnings.forEach((warning) => this._warn(warning));
    this._notices = settings.notices;
    // The page's limit holds only codes the offer knows; without one, any code the offer knows.
    const allowed = settings.supportTypes.length ? settings.supportTypes : offer.vocabulary.supportTypes.map((term) => term.code);
    this._filters = {
      arrangement: settings.arrangement,
      supportTypes: (fromUrl.supportTypes ?? []).filter((code) => allowed.includes(code)),
      query: fromUrl.query ?? '',
    };
  }

  /** One clear console message per problem, for the web team; readers never see a stack trace. */
  private _warn(message: string) {
    if (this._warned.has(message)) return;
    this._warned.add(message);
    console.warn(`<kinship-offer offer="${this.offer}">: ${message}`);
  }

  /** @internal */
  private _emit(name: string, detail: unknown) {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  private _setFilters(filters: FilterState, replace = false) {
    this._filters = filters;
    this._url.write(filters, replace);
    this._emit('kinship-offer-filter', { ...filters, results: this._results().length });
  }

  /** Focus on what replaced a control the reader used, once it is rendered. */
  private async _moveFocus(selector: string) {
    await this.updateComplete;
    moveFocus(this.renderRoot.querySelector<HTMLElement>(selector));
  }

  // ---- handlers --------------------------------------------------------------------------------

  private _onArrangement = (event: Event) => {
    const arrangement = (event.target as HTMLInputElement).value;
    this._reach.send('arrangement', arrangement);
    this._setFilters({ ...this._filters, arrangement });
  };

  private _onSupportType = (event: Event) => {
    const input = event.target as HTMLInputElement;
    const others = this._filters.supportTypes.filter((code) => code !== input.value);
    if (input.checked) this._reach.send('support_type', input.value);
    this._setFilters({ ...this._filters, supportTypes: input.checked ? [...others, input.value] : others });
  };

  private _onSearch = (event: Event) => {
    const query = (event.target as HTMLInputElement).value;
    this._reach.search(query);
    this._setFilters({ ...this._filters, query }, true);
  };

  /** A phone number, e-mail address or web page tapped in the named contact or a service's details: counted. */
  private _onClick = (event: Event) => {
    const link = (event.target as Element).closest?.('a');
    const where = link?.closest<HTMLElement>('.contact, details');
    if (where) this._reach.send(link!.protocol == 'tel:' ? 'phone' : link!.protocol == 'mailto:' ? 'email' : 'web', where.dataset.uuid);
  };

  /** The button disappears with "no results": the reader lands on the new count instead. */
  private _clearFilters = () => {
    this._setFilters(EMPTY_FILTERS);
    this._moveFocus('[part="status"]');
  };

  /** Loads the services' details for every element on the page, and draws this one again with them. */
  private _loadServiceDetails = () => loadServiceDetails(this);

  /** "Try again" in a service's details gives way to them: the reader lands on its summary. */
  private _retryDetails = (event: Event) => {
    const summary = (event.target as Element).closest('details')?.querySelector('summary');
    this._loadServiceDetails();
    void this.updateComplete.then(() => moveFocus(summary));
  };

  /** The error and its button give way to "Loading…", then to the offer or the error again. */
  private _retry = () => {
    this._focusAfterLoad = '.first';
    void this._load();
    this._moveFocus('.loading p, .first');
  };

  /**
   * The offer in another language (the element's lang, as a host could set it). The reader's
   * choices stay, as they do across a reload: they are in the page's URL (url-state.ts).
   */
  private _chooseLanguage(code: string) {
    this._focusAfterLoad = '.languages .current';
    this.lang = code;
  }

  /** Back or Forward: the choices in the URL, checked as a shared link's are. */
  private _onPopState() {
    if (this._offer && !this._error) this._applyAttributeFilters(this._offer);
  }

  private _onToggle = (event: Event) => {
    const details = event.target as HTMLDetailsElement;
    const uuid = details.dataset.uuid!;
    if (details.open === this._opened.has(uuid) || this._print.active) return;
    if (details.open) {
      this._opened.add(uuid);
      this._reach.send('service', uuid);
    } else this._opened.delete(uuid);
    this.requestUpdate();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'kinship-offer': KinshipOffer;
  }
  interface HTMLElementEventMap {
    'kinship-offer-load': CustomEvent<{ offer: string; locale: string; services: number }>;
    'kinship-offer-error': CustomEvent<{ offer: string; kind: string; message: string }>;
    'kinship-offer-filter': CustomEvent<FilterState & { results: number }>;
  }
}

// A page may load the script twice (two embeds, a CMS and a theme): define the element once. A
// name taken by something else (no `offer` property: not this element from another copy of the
// script) leaves readers the fallback: say so, as every problem is said.
const taken = customElements.get('kinship-offer');
if (!taken) customElements.define('kinship-offer', KinshipOffer);
else if (!('offer' in taken.prototype)) console.warn('<kinship-offer>: another script defined this element first; the offer cannot show.');
