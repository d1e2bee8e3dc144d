/**
 * Which language to serve for the language a reader's page asks for. Pages and
 * browsers name languages as BCP 47 tags (RFC 5646), written many ways: `en-GB`, `en-gb`, `en_GB`,
 * `EN`. Strapi's i18n plugin knows a locale only by its exact code, so `en-GB` found nothing where
 * the offer is in `en`. Here tags match as RFC 4647 "lookup" does (case-insensitively, dropping
 * subtags from the end: `cy-GB` → `cy`), then by language alone (`en` finds `en-GB`). An offer then
 * falls back to the instance's default locale, then to any language it is in: a reader is never
 * shown nothing because of how a page wrote its language.
 */

/** `en_GB ` → `en-gb`: the form tags are compared in. */
const canonical = (tag: string) => tag.trim().replace(/_/g, '-').toLowerCase();

/** A BCP 47 tag in outline: a 2–3 letter language, then subtags of 1–8 letters or digits. */
const looksLikeTag = (tag: string) => /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/.test(tag);

/**
 * The one of `available` (returned exactly as written there) that the tag `requested` names, or
 * null: RFC 4647 lookup, case-insensitive, then the same language in any region.
 */
export function lookupLocale(requested: string | null | undefined, available: readonly string[]): string | null {
  const byCanonical = new Map(available.map((code) => [canonical(code), code]));
  const wanted = requested ? canonical(requested) : '';
  if (!looksLikeTag(wanted)) return null;
  const subtags = wanted.split('-');
  for (let length = subtags.length; length > 0; length--) {
    const found = byCanonical.get(subtags.slice(0, length).join('-'));
    if (found) return found;
  }
  const sameLanguage = [...byCanonical.keys()].sort().find((code) => code.split('-')[0] === subtags[0]);
  return sameLanguage ? byCanonical.get(sameLanguage)! : null;
}

/**
 * The locale code to serve an offer in, one of `available`, or null when `available` is empty:
 * what `requested` names, else `fallback`, else the first of `available` in order.
 * @param requested the tag asked for (the `locale` argument, the `lang` attribute); may be absent or malformed
 * @param available the locale codes the offer is published in
 * @param fallback the instance's default locale code (Strapi i18n)
 */
export function matchLocale(requested: string | null | undefined, available: readonly string[], fallback: string): string | null {
  return lookupLocale(requested, available) ?? lookupLocale(fallback, available) ?? [...available].sort()[0] ?? null;
}
