/**
 * Printing prints every service complete, whatever starts it: Ctrl+P, the browser's menu, print
 * media, or the host page's own button calling window.print(); afterwards the reader's own open
 * and closed details return.
 *
 * The host is rendered at once, synchronously, not in Lit's usual microtask, which would come too
 * late for print(). And print() itself is wrapped: Chromium pauses the page before it dispatches
 * `beforeprint`, and a paused page refuses the callbacks Lit needs to render anything new (its
 * Trusted Types policy), so the services are rendered open before the page's print() begins.
 */
import type { ReactiveController, ReactiveElement } from 'lit';

/** The page's elements, told before the page's own print(). */
const controllers = new Set<Printing>();
const pagePrint = window.print;
window.print = function (this: Window) {
  for (const controller of controllers) controller.set(true);
  pagePrint.call(this);
};

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
    controllers.add(this);
    addEventListener('beforeprint', this._onChange);
    addEventListener('afterprint', this._onChange);
    this._media.addEventListener('change', this._onChange);
  }

  hostDisconnected() {
    controllers.delete(this);
    removeEventListener('beforeprint', this._onChange);
    removeEventListener('afterprint', this._onChange);
    this._media.removeEventListener('change', this._onChange);
  }

  set(active: boolean) {
    if (active === this.active) return;
    this.active = active;
    this._renderNow();
  }

  private _onChange = (event: Event) => this.set(event.type === 'beforeprint' || (event as MediaQueryListEvent).matches === true);
}
