/**
 * Dates, weekdays and counts as an editor reads them, in the admin's language (British English
 * for Strapi's "en"): "1 September 2027", "Monday", "1 gap", "2 gaps".
 */

/** The admin's language as a BCP 47 tag; Strapi's "en" is read as British English. */
export function adminLocale(): string {
  const chosen = (typeof localStorage !== 'undefined' && localStorage.getItem('strapi-admin-language')) || document.documentElement.lang || 'en';
  return chosen === 'en' ? 'en-GB' : chosen;
}

/** "2027-09-01" (or a full timestamp) → "1 September 2027"; anything unreadable as it is. */
export function dayInWords(day: string | null | undefined, locale = adminLocale()): string {
  if (!day) return '';
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(day) ? `${day}T00:00:00Z` : day);
  if (Number.isNaN(date.getTime())) return day;
  return date.toLocaleDateString(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** Weekday `index` (0 Monday … 6 Sunday) by name: "Monday". */
export const weekdayName = (index: number, locale = adminLocale()) =>
  new Date(Date.UTC(2024, 0, 1 + index)).toLocaleDateString(locale, { weekday: 'long', timeZone: 'UTC' });

/**
 * A count with its noun, singular or plural as the language's rules say (Intl.PluralRules):
 * counted(1, 'gap') → "1 gap", counted(2, 'gap') → "2 gaps"; `plural` where adding "s" is wrong.
 */
export function counted(count: number, one: string, plural = `${one}s`, locale = adminLocale()): string {
  const form = new Intl.PluralRules(locale).select(count);
  return `${count.toLocaleString(locale)} ${form === 'one' ? one : plural}`;
}
