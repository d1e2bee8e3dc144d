/** Languages and their direction, from BCP 47 tags. Pure. */

/** Scripts written right to left (ISO 15924): Arabic, Hebrew, Thaana, Syriac, N'Ko, Adlam, Hanifi Rohingya. */
const RTL_SCRIPTS = ['Arab', 'Hebr', 'Thaa', 'Syrc', 'Nkoo', 'Adlm', 'Rohg'];

/**
 * The direction a language is written in, from its script (given, or the likeliest for the
 * language): "ar", "ur", "fa", "ps", "he", "yi", "ku-Arab" are rtl; "en", "cy", "ur-Latn" are ltr.
 */
export function directionOf(tag: string): 'ltr' | 'rtl' {
  try {
    return RTL_SCRIPTS.includes(new Intl.Locale(tag).maximize().script!) ? 'rtl' : 'ltr';
  } catch {
    return 'ltr'; // not a language tag
  }
}

/** A BCP 47 tag as Intl takes it ("en_GB" and "EN-gb" become "en-GB"), or undefined if it is not one. */
export function canonicalTag(tag: string | undefined): string | undefined {
  try {
    return tag?.trim() ? Intl.getCanonicalLocales(tag.trim().replace(/_/g, '-'))[0] : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The language dates, day names, language names and counts are written in. They stand inside the
 * element's own words, so they are in those words' language (`wordsLang`), in the variety the page
 * asked for (`requested`, the element's `lang`, however it is written) when it is the same language,
 * and English as British English: `lang="en_GB"`, `"EN-gb"` or `"en"` give "en-GB"; `lang="ur"`
 * with English words gives "en-GB", not Urdu dates in an English sentence.
 */
export function wordsLocale(requested: string | undefined, wordsLang: string | undefined): string {
  const words = canonicalTag(wordsLang) ?? 'en';
  const asked = canonicalTag(requested);
  const language = (tag: string) => tag.split('-')[0];
  const chosen = asked && language(asked) === language(words) ? asked : words;
  return chosen === 'en' ? 'en-GB' : chosen;
}
