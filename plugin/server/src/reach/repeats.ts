/**
 * What one client can add to the reach counts, so that they count readers, not requests:
 *
 * - **by batch**: a request's events count once each (40 identical "shown" events are one), and a
 *   request is at most one view (`shown`), whatever views it names: one page, one view;
 * - **by repeat**: one address counts each (offer, event, subject) once per `reachRepeatMinutes`
 *   (30 by default, a visit in web analytics' terms): a reload, a script replaying a batch, or
 *   readers sharing one address (a family hub's Wi-Fi) within the window count once;
 * - **across instances**: what an instance remembers is its own (memory, not the database: reach
 *   batches its writes, and a read per event would undo that), so behind a load balancer that
 *   spreads one address over N instances, N times the above.
 *
 * Nothing is stored: addresses are held, for the window only, as a digest salted afresh by each
 * process, and never written.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { ReachEvent } from '../../../shared/reach';

/** Keys remembered at most: past this the oldest go first (a flood then costs only the rate limit's bound). */
const MAX_REMEMBERED = 100_000;

/** The events of a batch as they count: each [event, subject] once, and one `shown` at most (the first). */
export function distinctEvents<T extends [ReachEvent, string]>(events: readonly T[]): T[] {
  const seen = new Set<string>();
  return events.filter(([event, subject]) => {
    const key = event === 'shown' ? event : `${event}\n${subject}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Which events one address has had counted lately, on this instance. */
export class RecentEvents {
  private readonly _salt = randomBytes(16);
  private _counted = new Map<string, number>();

  /**
   * Whether `reader` (a client address) may have this event counted at `now` (milliseconds): true,
   * and remembered, when it was not counted in the last `windowMs` (0: always true).
   */
  firstIn(windowMs: number, now: number, reader: string, offer: string, event: string, subject: string): boolean {
    if (windowMs <= 0) return true;
    const key = createHash('sha256').update(this._salt).update(JSON.stringify([reader, offer, event, subject])).digest('base64url');
    const last = this._counted.get(key);
    if (last !== undefined && now - last < windowMs) return false;
    this._counted.delete(key);
    this._counted.set(key, now);
    if (this._counted.size > MAX_REMEMBERED) this._counted.delete(this._counted.keys().next().value!);
    return true;
  }
}
