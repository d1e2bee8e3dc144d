/**
 * Opening times in words, GOV.UK style: "Monday to Friday: 9am to 5pm", "Friday: 6pm to
 * midnight", "Monday to Thursday: 5pm to 9am the next day", "5pm Friday to 9am Monday",
 * "Open 24 hours". Pure: every word comes from `Strings`, day names from Intl in `lang`.
 *
 * The shape (validated by the plugin, plugin/server/src/validation/index.ts): times are "HH:MM"
 * on a 24-hour clock; a closing time at or before the opening time is on the next day; "24:00" is
 * the end of the day; 00:00 to 24:00 (or to 00:00) is open 24 hours; `closesOn` is the day a span
 * opened on one day closes, when that is not the same or the next day.
 */
import { WEEKDAYS } from '../../../plugin/shared/code-lists';
import type { OpeningTime } from '../api/types';
import { format, type Strings } from '../strings';
import { perLanguage } from './text';

// British English where the browser has no dates in `lang` (some builds carry a subset), never its default.
const weekdays = perLanguage((lang) => new Intl.DateTimeFormat([lang, 'en-GB'], { weekday: 'long', timeZone: 'UTC' }));

/** "MO" as "Monday" in `lang` (1 January 2024 was a Monday); an unknown code as it is. */
export function dayName(code: string, lang: string): string {
  const index = WEEKDAYS.indexOf(code as never);
  return index < 0 ? code : weekdays(lang).format(Date.UTC(2024, 0, 1 + index));
}

/** "17:00" as "5pm", "09:30" as "9:30am", "12:00" as "midday", "00:00" and "24:00" as "midnight". */
export function clockText(time: string, t: Strings): string {
  const [hours, minutes] = time.split(':').map(Number);
  if (!minutes && !(hours % 12)) return hours === 12 ? t.midday : t.midnight;
  return format(hours < 12 ? t.am : t.pm, { time: `${hours % 12 || 12}${minutes ? time.slice(2, 5) : ''}` });
}

/**
 * The days in the order given, three or more in a row as "Monday to Friday" (also over the weekend:
 * "Friday to Monday"), all seven as "Every day".
 */
export function daysText(days: string[], lang: string, t: Strings): string {
  if (new Set(days).size === 7) return t.everyDay;
  const runs: string[][] = [];
  days.forEach((day, i) => {
    const index = WEEKDAYS.indexOf(day as never);
    const previous = i > 0 ? WEEKDAYS.indexOf(days[i - 1] as never) : -1;
    if (index >= 0 && previous >= 0 && index === (previous + 1) % WEEKDAYS.length) runs[runs.length - 1].push(day);
    else runs.push([day]);
  });
  return runs
    .map((run) =>
      run.length > 2
        ? format(t.dayRange, { first: dayName(run[0], lang), last: dayName(run[run.length - 1], lang) })
        : run.map((day) => dayName(day, lang)).join(', '),
    )
    .join(', ');
}

/** One opening time in words (its note aside). */
export function openingTimeText(time: OpeningTime, lang: string, t: Strings): string {
  const opens = time.opensAt.slice(0, 5);
  const closes = time.closesAt.slice(0, 5);
  if (time.closesOn) {
    return format(t.span, {
      opens: clockText(opens, t),
      openDay: dayName(time.days[0], lang),
      closes: clockText(closes, t),
      closeDay: dayName(time.closesOn, lang),
    });
  }
  const days = daysText(time.days, lang, t);
  if (opens === '00:00' && (closes === '00:00' || closes === '24:00')) {
    return days === t.everyDay ? t.open24Hours : format(t.open24HoursOn, { days });
  }
  const closing = clockText(closes, t);
  return format(t.hours, {
    days,
    opens: clockText(opens, t),
    closes: closes > opens || closes === '00:00' ? closing : format(t.nextDay, { time: closing }),
  });
}
