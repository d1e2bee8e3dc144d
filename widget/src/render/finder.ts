/**
 * The finder: the reader's choices (arrangement, support types, words to search for) and the
 * services they leave, grouped by support type. One template for both places the offer is shown:
 *
 * - the element (kinship-offer.ts): live controls in its shadow root, each choice applied at once
 *   and written to the page URL (`on` gives the handlers);
 * - the public pages (../pages): the same controls as a plain GET form (`form`), which works
 *   without JavaScript because the controls carry the element's own URL parameter names
 *   (../filters PARAMS), so a submitted form and a link the element wrote read the same.
 *
 * Pure: the caller has already filtered the services (../filters filterServices). `renderOffer`
 * puts the finder in the offer around it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { hasWords, type OfferViewKind } from '../../../plugin/shared/code-lists';
import type { Service, Term } from '../api/types';
import { PARAMS, type FilterState } from '../filters';
import { format } from '../strings';
import { checked } from './checked';
import { RENDERS_PAGES } from './renders-pages';
import { toggleFilters } from './filters-toggle';
import { renderBlocks } from './blocks';
import { heading, renderContact, renderSections, type RenderContext } from './offer';

/** The element's handlers, for live controls. */
export interface FinderHandlers {
  arrangement(event: Event): void;
  supportType(event: Event): void;
  search(event: Event): void;
  clear(): void;
  toggle(event: Event): void;
}

export interface FinderContext extends RenderContext {
  filters: FilterState;
  /** The support types offered as choices (the page's limit applied), in display order. */
  supportTypes: Term[];
  /** The services that fit the reader's choices. */
  results: Service[];
  /** Whether a service's details are shown open. */
  isOpen(service: Service): boolean;
  /**
   * A service's details (./service-details renderServiceDetails): given by the caller, because the
   * element has them only once it has loaded that module after its first view (nothing until then).
   */
  serviceDetails(service: Service): unknown;
  /** Whether a closed service's details are rendered anyway (pages: the content is in the HTML for search engines, translation tools and readers without JavaScript). */
  detailsWhenClosed?: boolean;
  /** The address of a service's own page, where there is one (the public pages'). */
  serviceHref?(service: Service): string | undefined;
  /** Live controls (the element). */
  on?: FinderHandlers;
  /** A GET form to `action` (the pages), its button labelled `submit`. */
  form?: { action: string; submit: string };
  /**
   * The browsing context the offer's own links (a service's page, the form, clearing the choices)
   * open in: `_self` in the pages' iframe view, whose `<base target="_blank">` sends all others out
   * of the frame.
   */
  target?: '_self';
}

/**
 * Each service once, under the first of its support types the reader is looking at; a service
 * with none yet (an editor may publish one so) last, under `otherLabel`, never left out.
 * @param chosen support type codes the reader chose (empty: all of `shown`)
 */
export function groupServices(services: Service[], shown: Term[], chosen: string[], otherLabel: string): Array<[Pick<Term, 'code' | 'label'>, Service[]]> {
  const wanted = chosen.length ? chosen : shown.map((term) => term.code);
  const groups = new Map<string, Service[]>();
  for (const service of services) {
    const code = service.supportTypes.find((type) => wanted.includes(type.code))?.code ?? service.supportTypes[0]?.code ?? '';
    if (!groups.has(code)) groups.set(code, []);
    groups.get(code)!.push(service);
  }
  const grouped: Array<[Pick<Term, 'code' | 'label'>, Service[]]> = shown.filter((term) => groups.has(term.code)).map((term) => [term, groups.get(term.code)!]);
  const untyped = groups.get('');
  return untyped ? [...grouped, [{ code: '', label: otherLabel }, untyped]] : grouped;
}

/** The controls: arrangement (radios), support types (checkboxes, when there is a choice), search. */
function renderControls(ctx: FinderContext) {
  const { t, offer, filters, on } = ctx;
  const chosen = offer.vocabulary.arrangementTypes.find((term) => term.code === filters.arrangement);
  return html`<fieldset>
      <legend>${heading(ctx.level, t.arrangementHeading, 'first')}</legend>
      <p class="hint">${t.arrangementHint}</p>
      ${[...offer.vocabulary.arrangementTypes, { code: '', label: t.notSure }].map(
        (term) => html`<div class="choice">
          <input type="radio" name=${PARAMS.arrangement} id=${`arrangement-${term.code || 'not-sure'}`} value=${term.code}
            ?checked=${checked(filters.arrangement === term.code)} @change=${on?.arrangement} />
          <label for=${`arrangement-${term.code || 'not-sure'}`}>${term.label}</label>
        </div>`,
      )}
      <p class="hint" aria-live="polite">${chosen ? chosen.description : t.notSureHint}</p>
    </fieldset>
    ${ctx.supportTypes.length > 1
      ? html`<fieldset>
          <legend>${t.supportHeading}</legend>
          ${ctx.supportTypes.map(
            (term) => html`<div class="choice">
              <input type="checkbox" name=${PARAMS.supportTypes} id=${`support-${term.code}`} value=${term.code}
                ?checked=${checked(filters.supportTypes.includes(term.code))} @change=${on?.supportType} />
              <label for=${`support-${term.code}`}>${term.label}</label>
            </div>`,
          )}
        </fieldset>`
      : nothing}
    <div class="search">
      <label for="search">${t.searchLabel}</label>
      <input id="search" name=${PARAMS.query} type="search" autocomplete="off" .value=${filters.query} @input=${on?.search} />
    </div>`;
}

/** One service in the list: title (linked to its own page where it has one), alert, summary, and its details. */
export function renderServiceItem(service: Service, ctx: FinderContext): TemplateResult {
  const open = ctx.isOpen(service);
  const href = RENDERS_PAGES ? ctx.serviceHref?.(service) : undefined;
  return html`<li class="service" part="service">
    ${heading(ctx.level + 2, href ? html`<a href=${href} target=${ctx.target ?? nothing}>${service.title}</a>` : service.title)}
    ${service.alert ? html`<p class="alert">${service.alert}</p>` : nothing}
    <p>${service.summary}</p>
    <details ?open=${open} data-uuid=${service.uuid} @toggle=${ctx.on?.toggle}>
      <summary>${format(ctx.t.moreAbout, { title: service.title })}</summary>
      ${open || ctx.detailsWhenClosed ? ctx.serviceDetails(service) : nothing}
    </details>
  </li>`;
}

/** How many choices the reader has made: an arrangement, each support type, words to search for. */
const choicesMade = (filters: FilterState) => (filters.arrangement ? 1 : 0) + filters.supportTypes.length + (filters.query ? 1 : 0);

/**
 * GOV.UK's collapsible filters: under 641 px wide (GOV.UK Frontend's tablet breakpoint) the choices
 * fold behind a "Show filters" button naming how many are chosen, so a phone's first screen reaches
 * the first services rather than a screen and a half of choices; wider, the choices are open and
 * the button is not shown (../kinship-offer.styles). It starts closed, by its aria-expanded (see
 * ./filters-toggle). On the pages it is rendered hidden, and their script shows it: without
 * JavaScript the choices stay open.
 */
function renderFiltersToggle(ctx: FinderContext) {
  const { t, filters } = ctx;
  const chosen = choicesMade(filters);
  return html`<button type="button" class="filters-toggle secondary no-print" aria-expanded="false" aria-controls="filters" ?hidden=${!ctx.on}
    @click=${toggleFilters}><span class="when-closed">${t.showFilters}</span><span class="when-open">${t.hideFilters}</span>${chosen
      ? html`<span class="chosen">, ${format(t.filtersChosen, { count: chosen })}</span>`
      : nothing}</button>`;
}

/** The finder: choices, then the count of services that fit and the services by support type. */
export function renderFinder(ctx: FinderContext) {
  const { t, results } = ctx;
  const form = RENDERS_PAGES ? ctx.form : undefined;
  const controls = renderControls(ctx);
  return html`
    ${renderFiltersToggle(ctx)}
    ${form
      ? html`<form class="filters no-print" id="filters" part="filters" method="get" action=${form.action} target=${ctx.target ?? nothing}>${controls}<button type="submit">${form.submit}</button></form>`
      : html`<div class="filters no-print" id="filters" part="filters">${controls}</div>`}
    <section>
      ${heading(ctx.level, t.servicesHeading)}
      <p class="status" part="status" role="status">${format(t.resultCount, { count: results.length }, ctx.lang)}</p>
      ${results.length
        ? groupServices(results, ctx.supportTypes, ctx.filters.supportTypes, t.otherSupport).map(
            ([term, services]) => html`<section>
              ${heading(ctx.level + 1, term.label)}
              <ul class="services">${services.map((service) => renderServiceItem(service, ctx))}</ul>
            </section>`,
          )
        : renderNoServices(ctx, form)}
    </section>
  `;
}

/** No service to show: none fits the reader's choices (and a way to clear them), or none is listed yet. */
function renderNoServices(ctx: FinderContext, form: FinderContext['form']) {
  const { t } = ctx;
  if (!choicesMade(ctx.filters)) return html`<p>${t.noServicesYet}</p>`;
  return html`<p>${t.noResults}</p>
    ${form
      ? html`<p><a href=${form.action} target=${ctx.target ?? nothing}>${t.clearFilters}</a></p>`
      : html`<button type="button" class="secondary" @click=${ctx.on?.clear}>${t.clearFilters}</button>`}`;
}

/**
 * The offer as `view` shows it (../../../plugin/shared/code-lists OFFER_VIEWS): the named contact,
 * the council's general approach, the finder, then the statutory sections.
 */
export function renderOffer(ctx: FinderContext, view: OfferViewKind) {
  const { offer, t } = ctx;
  return html`
    ${renderContact(ctx)}
    ${view === 'full' && hasWords(offer.generalApproach)
      ? html`<section>${heading(ctx.level, t.approachHeading)}${renderBlocks(offer.generalApproach, ctx.level + 1)}</section>`
      : nothing}
    ${view === 'contact' ? nothing : renderFinder(ctx)}
    ${view === 'full' ? renderSections(ctx, ctx.filters.arrangement) : nothing}
  `;
}
