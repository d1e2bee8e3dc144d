/**
 * What a reader has chosen (their arrangement, the support they want, words to search for), how
 * it travels in the page URL so a social worker can send a link, and which services it leaves.
 * Pure functions: the element wires them to the URL and the view.
 */
import type { Service } from './api/types';

export interface FilterState {
  /** An arrangement type code, or '' for "I'm not sure" / not chosen. */
  arrangement: string;
  /** Support type codes; empty means all. */
  supportTypes: string[];
  query: string;
}

export const EMPTY_FILTERS: FilterState = { arrangement: '', supportTypes: [], query: '' };

/** URL parameter names; prefixed so they do not collide with the host page's own. */
export const PARAMS = { arrangement: 'kinship-arrangement', supportTypes: 'kinship-support', query: 'kinship-q' } as const;

export function readFilters(search: string): Partial<FilterState> {
  const params = new URLSearchParams(search);
  const state: Partial<FilterState> = {};
  if (params.has(PARAMS.arrangement)) state.arrangement = params.get(PARAMS.arrangement) ?? '';
  if (params.has(PARAMS.supportTypes)) state.supportTypes = (params.get(PARAMS.supportTypes) ?? '').split(',').filter(Boolean);
  if (params.has(PARAMS.query)) state.query = params.get(PARAMS.query) ?? '';
  return state;
}

/** The page URL with `state` in it, every other parameter and the fragment kept as they were. */
export function writeFilters(href: string, state: FilterState): string {
  const url = new URL(href);
  const set = (name: string, value: string) => (value ? url.searchParams.set(name, value) : url.searchParams.delete(name));
  set(PARAMS.arrangement, state.arrangement);
  set(PARAMS.supportTypes, state.supportTypes.join(','));
  set(PARAMS.query, state.query.trim());
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
      ...service.locations.map((l) => `${l.name} ${l.addressLine1 ?? ''} ${l.addressLine2 ?? ''} ${l.townOrCity ?? ''} ${l.postcode ?? ''} ${l.postcode?.replace(/\s/g, '') ?? ''}`),
    ]
      .filter(Boolean)
      .join(' '),
  );
}

/**
 * The services that fit: open to the arrangement (any service when none is chosen), of one of the
 * chosen support types, and containing every word searched for.
 */
export function filterServices(
  services: Service[],
  state: FilterState,
  searchText: (service: Service) => string,
  restrictTo: string[] = [],
): Service[] {
  const words = fold(state.query).split(/\s+/).filter(Boolean);
  const wanted = state.supportTypes.length ? state.supportTypes : restrictTo;
  return services.filter((service) => {
    if (state.arrangement && !service.arrangementTypes.some((t) => t.code === state.arrangement)) return false;
    if (wanted.length && !service.supportTypes.some((t) => wanted.includes(t.code))) return false;
    if (restrictTo.length && !service.supportTypes.some((t) => restrictTo.includes(t.code))) return false;
    if (words.length) {
      const text = searchText(service);
      if (!words.every((word) => text.includes(word))) return false;
    }
    return true;
  });
}
