/**
 * A service's facts in words, for readers: dates, cost, ages, delivery and languages. Pure: the
 * words come from `Strings`, numbers, dates and language names from Intl in `lang` (a BCP 47 tag).
 */
import type { Service } from '../api/types';
import { format, type Strings } from '../strings';

/**
 * An Intl formatter made once per language and kept: making one costs about as much as a hundred
 * uses, and an offer's page uses one for every date, day and language it shows.
 */
export function perLanguage<T>(make: (lang: string) => T): (lang: string) => T {
  const made = new Map<string, T>();
  return (lang) => {
    let formatter = made.get(lang);
    if (formatter === undefined) made.set(lang, (formatter = make(lang)));
    return formatter;
  };
}

// British English where the browser has no dates in `lang` (some builds carry a subset), never its default.
const dates = perLanguage((lang) => new Intl.DateTimeFormat([lang, 'en-GB'], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }));

/** "2026-03-01" as "1 March 2026" (GOV.UK style); a value that is not a date as it is. */
export function dateText(value: string, lang: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : dates(lang).format(date);
}

/** "Free", "Means-tested. £25", or the council's own description of the cost. Amounts are pounds sterling. */
export function costText(service: Service, t: Strings, lang: string): string {
  const base = service.cost === 'means_tested' ? t.costMeansTested : service.cost === 'charged' ? t.costCharged : t.costFree;
  const amount =
    service.costAmount != null
      ? new Intl.NumberFormat(lang, { style: 'currency', currency: 'GBP', maximumFractionDigits: 2 }).format(service.costAmount)
      : '';
  return [base, service.costDescription ?? amount].filter(Boolean).join('. ');
}

/** "Ages 5 to 18", "From age 5", "Up to age 18", or null when the service gives no ages (whole years). */
export function agesText(service: Service, t: Strings): string | null {
  const { minimumAge: min, maximumAge: max } = service;
  if (min != null && max != null) return format(t.ages, { min, max });
  if (min != null) return format(t.agesFrom, { min });
  if (max != null) return format(t.agesTo, { max });
  return null;
}

/** A delivery method code (plugin/shared/code-lists DELIVERY_METHODS) in words; an unknown code as it is. */
export function deliveryText(method: string, t: Strings): string {
  return method === 'in_person' ? t.in_person : method === 'online' ? t.online : method === 'phone' ? t.phoneDelivery : method;
}

const languageNames = perLanguage((lang) => new Intl.DisplayNames([lang], { type: 'language' }));

/** An ISO 639 code as the language's name in `lang` ("pl" as "Polish"); an unknown code as it is. */
export function languageName(code: string, lang: string): string {
  try {
    return languageNames(lang).of(code) ?? code;
  } catch {
    return code;
  }
}
