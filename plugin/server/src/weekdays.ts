/**
 * Days of the week as Open Referral UK (iCalendar BYDAY) writes them, Monday first: the codes
 * opening times are stored with. On their own, without the other vocabularies, because the
 * widget bundles this file too (widget/src/format/opening-times.ts): one list for both.
 */
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

export type Weekday = (typeof WEEKDAYS)[number];
