/**
 * Opening times (server/src/validation: overnight, to `24:00`, open 24 hours, or over several days
 * with `closesOn`) as Open Referral UK 3.0 schedules, which are weekly and within one day each:
 * `{ freq: "WEEKLY", interval: 1, byday: "MO,TU", opens_at: "09:00:00", closes_at: "17:00:00" }`.
 *
 * Each opening time is cut at midnight: 22:00–07:00 on FR becomes FR 22:00–24:00 and SA
 * 00:00–07:00; FR 17:00 to MO 09:00 (`closesOn`) becomes FR 17:00–24:00, SA and SU 00:00–24:00 and
 * MO 00:00–09:00. Pieces with the same hours share one schedule. The end of the day is written
 * `23:59:59`: RFC 3339 times (which importers parse) stop there, and `24:00` would be read as 0:00
 * or refused. The note ("Second Tuesday of the month") is the schedule's `description`.
 */
import type { OpeningTime } from '../../../shared/offer-view';
import { WEEKDAYS, type Weekday } from '../../../shared/code-lists';
import { partId } from './ids';

/** HSDS-UK 3.0 schedule (schema/schedule.json), as the feed fills it. */
export interface OrukSchedule {
  id: string;
  service_id: string;
  freq: 'WEEKLY';
  interval: number;
  byday: string;
  opens_at: string;
  closes_at: string;
  description?: string;
}

const DAY_MINUTES = 24 * 60;

/** "09:30" (or "09:30:00.000") → 570; "24:00" → 1440. */
const minutesOf = (time: string) => {
  const [hours, minutes] = time.split(':').map(Number);
  return hours * 60 + minutes;
};

/** 570 → "09:30:00"; the end of the day → "23:59:59". */
export const clockOf = (minutes: number) => {
  if (minutes >= DAY_MINUTES) return '23:59:59';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}:00`;
};

const nextDay = (day: Weekday) => WEEKDAYS[(WEEKDAYS.indexOf(day) + 1) % 7];

interface Piece {
  day: Weekday;
  opens: number;
  closes: number;
}

/** One opening time as pieces that each fall within one day. */
export function piecesOf(time: OpeningTime): Piece[] {
  const opens = minutesOf(time.opensAt);
  const closes = minutesOf(time.closesAt);
  const pieces: Piece[] = [];
  const add = (day: Weekday, from: number, to: number) => {
    if (to > from) pieces.push({ day, opens: from, closes: to });
  };
  const days = time.days.filter((day): day is Weekday => (WEEKDAYS as readonly string[]).includes(day));
  if (time.closesOn && (WEEKDAYS as readonly string[]).includes(time.closesOn) && days.length === 1) {
    let day = days[0];
    add(day, opens, DAY_MINUTES);
    for (day = nextDay(day); day !== time.closesOn; day = nextDay(day)) add(day, 0, DAY_MINUTES);
    add(day, 0, closes);
    return pieces;
  }
  for (const day of days) {
    if (closes > opens) add(day, opens, closes);
    else {
      // Closing at or before opening is the next day; 00:00 to 00:00 is the whole day.
      add(day, opens, DAY_MINUTES);
      add(nextDay(day), 0, closes);
    }
  }
  return pieces;
}

/** A service's opening times as schedules, ids stable while the opening times are the same. */
export function schedulesOf(serviceId: string, times: readonly OpeningTime[] | null | undefined): OrukSchedule[] {
  const schedules: OrukSchedule[] = [];
  for (const [index, time] of (times ?? []).entries()) {
    const byHours = new Map<string, Set<Weekday>>();
    for (const piece of piecesOf(time)) {
      const key = `${piece.opens}-${piece.closes}`;
      if (!byHours.has(key)) byHours.set(key, new Set());
      byHours.get(key)!.add(piece.day);
    }
    for (const [key, days] of byHours) {
      const [opens, closes] = key.split('-').map(Number);
      const note = time.note?.trim();
      schedules.push({
        id: partId(serviceId, 'schedule', index, key),
        service_id: serviceId,
        freq: 'WEEKLY',
        interval: 1,
        byday: WEEKDAYS.filter((day) => days.has(day)).join(','),
        opens_at: clockOf(opens),
        closes_at: clockOf(closes),
        ...(note ? { description: note } : {}),
      });
    }
  }
  return schedules;
}
