/**
 * A service's facts in words, for readers: dates, cost, ages, delivery and languages. Pure: the
 * words come from `Strings`, numbers, dates and language names from Intl in `lang` (a BCP 47 tag).
 */
import type { Service } from '../api/types';
import { format, type Strings } from '../strings';

/** "2026-03-01" as "1 March 2026" (GOV.UK style); a value that is not a date as it is. */
export function dateText(value: string, lang: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime())
    ? value
    : // British English where the browser has no dates in `lang` (some builds carry a subset), never its default.
      new Intl.DateTimeFormat([lang, 'en-GB'], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
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

/** An ISO 639 code as the language's name in `lang` ("pl" as "Polish"); an unknown code as it is. */
export function languageName(code: string, lang: string): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
