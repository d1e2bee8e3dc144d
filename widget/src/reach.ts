/**
 * Reach: tells the council's CMS, anonymously, that its offer was shown and what readers did with
 * it (plugin/shared/reach.ts lists the events), so editors can see where the offer reaches people.
 *
 * Each kind of event is sent at most once per element and page view. Events of one tick go
 * together in one request, a `fetch` with `keepalive` (it outlives the page, like sendBeacon, but
 * without credentials), plain text so no CORS preflight, and the referrer cut to the page's
 * origin. Nothing is stored on the reader's device and nothing identifies them: no cookie, no
 * storage, no identifier, no fingerprint. Off with `reach="off"`, and whenever the browser sends
 * Global Privacy Control or Do Not Track. Never throws into the host page, never waits.
 */
import { searchLength, type ReachEvent } from '../../plugin/shared/reach';

/** Requests to make at the end of this tick: `${url}\n${offer}` to its events. */
const queued = new Map<string, string[][]>();

export class Reach {
  private _sent = new Set<string>();
  private _search?: ReturnType<typeof setTimeout>;

  /** `to()`: the reach endpoint, and the offer's slug; called only when something is to be sent. */
  constructor(private readonly _to: () => [url: URL | string, offer: string] | undefined) {}

  /** Counts `event` about `subject` (a code, a service's UUID, or ''), once per page view. */
  send(event: ReachEvent, subject = '') {
    try {
      const browser = navigator as Navigator & { globalPrivacyControl?: boolean };
      const to = this._to();
      const key = event + ' ' + subject;
      // A frame sandboxed without allow-same-origin has no site to count (its Origin is "null"):
      // the CMS would refuse the count, and the refusal would show in the page's console.
      if (!to || origin == 'null' || browser.globalPrivacyControl || browser.doNotTrack == '1' || this._sent.has(key)) return;
      this._sent.add(key);
      const batch = to.join('\n');
      if (!queued.size) setTimeout(flush);
      queued.set(batch, [...(queued.get(batch) ?? []), [event, subject]]);
    } catch {
      // Counting must never cost the reader anything.
    }
  }

  /** A search, counted by its length only, once the reader has stopped typing for a second. */
  search(query: string) {
    clearTimeout(this._search);
    this._search = setTimeout(() => query.trim() && this.send('search', searchLength(query.trim().length)), 1000);
  }
}

function flush() {
  for (const [batch, events] of queued) {
    const [url, offer] = batch.split('\n');
    try {
      fetch(url, { method: 'POST', body: JSON.stringify({ offer, events }), keepalive: true, credentials: 'omit', referrerPolicy: 'origin' }).catch(() => {});
    } catch {
      // As above: nothing reaches the host page.
    }
  }
  queued.clear();
}
