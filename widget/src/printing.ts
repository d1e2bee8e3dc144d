/**
 * Printing prints every service complete, whatever starts it: Ctrl+P, the browser's menu, print
 * media, or the host page's own button calling window.print(). That last one lays the page out for
 * print inside the call, before Lit's usual update (a microtask) could run, so the host is asked
 * to render at once, synchronously; afterwards the reader's own open and closed details return.
 */
import type { ReactiveController, ReactiveElement } from 'lit';

export class Printing implements ReactiveController {
  /** Whether the page is being printed. */
  active = false;
  private _media = matchMedia('print');

  constructor(
    host: ReactiveElement,
    /** Renders the host now. */
    private readonly _renderNow: () => void,
  ) {
    host.addController(this);
  }

  hostConnected() {
    addEventListener('beforeprint', this._onChange);
    addEventListener('afterprint', this._onChange);
    this._media.addEventListener('change', this._onChange);
  }

  hostDisconnected() {
    removeEventListener('beforeprint', this._onChange);
    removeEventListener('afterprint', this._onChange);
    this._media.removeEventListener('change', this._onChange);
  }

  private _onChange = (event: Event) => {
    const active = event.type === 'beforeprint' || (event as MediaQueryListEvent).matches === true;
    if (active === this.active) return;
    this.active = active;
    this._renderNow();
  };
}
