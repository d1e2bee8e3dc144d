/**
 * The element's words in other languages than English: one pack per language, a JSON file
 * (widget/src/packs/<code>.json: `{ checkedBySpeaker, about, strings, pages }`, `strings` holding
 * every key of strings.ts DEFAULT_STRINGS, `pages` every key of its PAGE_STRINGS) served, less
 * `pages`, beside the script (the CMS serves it at /api/kinship-offer/packs/<code>.json)
 * and fetched only when a reader needs it, once per page however many elements ask. English is
 * built in, so the first view in English fetches nothing more; a pack that cannot be fetched
 * leaves English, and any key a pack lacks is English (the element lays a pack over English).
 */
import type { Strings } from './strings';

/**
 * The pack for a BCP 47 tag: its language subtag (`cy-GB` → `cy`), or undefined for English or
 * no tag. Which languages have a pack is the server's to say (a 404 leaves English), so the
 * bundle carries no list of them.
 */
export const packFor = (tag?: string) => {
  const code = tag?.toLowerCase().split(/[-_]/)[0];
  return code == 'en' ? undefined : code || undefined;
};

const fetched: Record<string, Promise<Partial<Strings>>> = {};

/**
 * The words of the pack `code` (none: English), fetched from beside the script at `base`, with its
 * query (a versioned script fetches versioned packs); none if the fetch fails or `base` is no address.
 */
export const loadPack = (code: string | undefined, base: string): Promise<Partial<Strings>> =>
  code
    ? (fetched[code] ??= Promise.resolve()
        // The address is made inside the chain, so that no address leaves English too: a site's own
        // bundle written as a classic script (esbuild's default) has no import.meta.url to give.
        .then(() => fetch(new URL(`packs/${code}.json${new URL(base).search}`, base)))
        .then((response) => response.json())
        .then((pack) => pack.strings)
        .catch(() => ({})))
    : Promise.resolve({});
