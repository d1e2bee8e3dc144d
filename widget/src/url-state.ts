/**
 * The reader's choices in the page URL, so a link can be shared and Back works: a reactive
 * controller that reads and writes them for one element and tells it when Back or Forward moved.
 */
import type { ReactiveController, ReactiveElement } from 'lit';
import { readFilters, writeFilters, type FilterState } from './filters';

export class UrlState implements ReactiveController {
  constructor(
    private readonly _host: ReactiveElement & { offer: string },
    /** Called after Back or Forward changed the URL. */
    private readonly _onPop: () => void,
  ) {
    _host.addController(this);
  }

  hostConnected() {
    addEventListener('popstate', this._onPop);
  }

  hostDisconnected() {
    removeEventListener('popstate', this._onPop);
  }

  /**
   * Whose parameters these are: none of its own for the only offer on a page (the plain names
   * older links use); its id, or else its offer's slug, when the page has several, so choosing in
   * one never changes another.
   */
  private get _scope() {
    const host = this._host;
    return (host.getRootNode() as ParentNode).querySelectorAll('kinship-offer').length > 1 ? host.id || host.offer : '';
  }

  read(): Partial<FilterState> {
    return readFilters(location.search, this._scope);
  }

  /** False once the document refused a URL: the choices then live only in the element. */
  private _writable = true;

  /**
   * Adds a history entry (Back undoes the choice) or, as a reader types, replaces the current one.
   * Never throws: a document whose URL cannot be written (a `srcdoc` or `about:blank` frame, a
   * sandbox without allow-same-origin, a page that locked `history` down) refuses with a
   * SecurityError, and then the choices are kept in the element alone, as they are on screen.
   */
  write(filters: FilterState, replace: boolean) {
    if (!this._writable) return;
    try {
      const url = writeFilters(location.href, filters, this._scope);
      if (url !== location.href) history[replace ? 'replaceState' : 'pushState'](history.state, '', url);
    } catch {
      this._writable = false;
    }
  }
}
