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
