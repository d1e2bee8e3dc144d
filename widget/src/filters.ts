/**
 * What a reader has chosen (their arrangement, the support they want, words to search for), how
 * it travels in the page URL so a social worker can send a link, and which services it leaves.
 * Pure functions: the element wires them to the URL and the view.
 */
import { FILTER_PARAMS } from '../../plugin/shared/code-lists';
import type { Service } from './api/types';

export interface FilterState {
  /** An arrangement type code, or '' for "I'm not sure" / not chosen. */
  arrangement: string;
  /** Support type codes; empty means all. */
  supportTypes: string[];
  query: string;
}

export const EMPTY_FILTERS: FilterState = { arrangement: '', supportTypes: [], query: '' };

/** URL parameter names (../../plugin/shared/code-lists FILTER_PARAMS). */
export const PARAMS = FILTER_PARAMS;

/**
 * The parameter's name for one element: the plain name ("kinship-arrangement") for the only offer
 * on a page, so links stay short and older links work; qualified ("kinship-arrangement.borough",
 * by the element's id or else its offer's slug) when a page has several, so each keeps its own.
 */
const paramName = (name: keyof typeof PARAMS, scope: string) => (scope ? `${PARAMS[name]}.${scope}` : PARAMS[name]);

/**
 * The choices in a URL's query string. Support types may come as one comma-separated parameter
 * (as the element writes them) or repeated (as a GET form of checkboxes sends them: the public
 * pages' finder), or both.
 */
export function readFilters(search: string, scope = ''): Partial<FilterState> {
  const params = new URLSearchParams(search);
  const get = (name: keyof typeof PARAMS) => params.get(paramName(name, scope));
  const state: Partial<FilterState> = {};
  const arrangement = get('arrangement');
  const supportTypes = params.getAll(paramName('supportTypes', scope));
  const query = get('query');
  if (arrangement != null) state.arrangement = arrangement;
  if (supportTypes.length) state.supportTypes = [...new Set(supportTypes.flatMap((value) => value.split(',')).filter(Boolean))];
  if (query != null) state.query = query;
  return state;
}

/** The page URL with `state` in it, every other parameter and the fragment kept as they were. */
export function writeFilters(href: string, state: FilterState, scope = ''): string {
  const url = new URL(href);
  const set = (name: keyof typeof PARAMS, value: string) =>
    value ? url.searchParams.set(paramName(name, scope), value) : url.searchParams.delete(paramName(name, scope));
  set('arrangement', state.arrangement);
  set('supportTypes', state.supportTypes.join(','));
  set('query', state.query.trim());
  return url.toString();
}

/** Lower case, accents removed: "Café" finds "cafe". */
const fold = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

/** The text a keyword search looks in, computed once per service. */
export function searchTextOf(service: Service, labels: Map<string, string>): string {
  return fold(
    [
      service.title,
      service.summary,
      service.eligibility,
      service.howToAccess,
      service.provider?.name,
      ...service.supportTypes.map((t) => labels.get(t.code) ?? t.code),
      // A postcode twice, as written and without spaces: readers type "EB2 3CD", "eb23cd" or "EB2".
      ...service.locations.map((l) => [l.name, l.addressLine1, l.addressLine2, l.townOrCity, l.postcode, l.postcode?.replace(/\s/g, '')].join(' ')),
    ]
      .filter(Boolean)
      .join(' '),
  );
}

/**
 * The services that fit: open to the arrangement (any service when none is chosen), of one of the
 * chosen support types (never outside `restrictTo`, the page's own limit, whatever the URL says),
 * and containing every word searched for.
 */
export function filterServices(
  services: Service[],
  state: FilterState,
  searchText: (service: Service) => string,
  restrictTo: string[] = [],
): Service[] {
  const words = fold(state.query).split(/\s+/).filter(Boolean);
  const chosen = state.supportTypes.filter((code) => !restrictTo.length || restrictTo.includes(code));
  const wanted = chosen.length ? chosen : restrictTo;
  return services.filter((service) => {
    if (state.arrangement && !service.arrangementTypes.some((t) => t.code === state.arrangement)) return false;
    if (wanted.length && !service.supportTypes.some((t) => wanted.includes(t.code))) return false;
    if (words.length) {
      const text = searchText(service);
      if (!words.every((word) => text.includes(word))) return false;
    }
    return true;
  });
}
