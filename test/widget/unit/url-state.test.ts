/**
 * The element's URL state (widget/src/url-state) in Node, its page (location, history, events)
 * stood in for at the browser's API: which names an element's choices go under, when a history
 * entry is added or replaced, and that Back is listened for only while the element is on the page.
 * (test/widget/url-state.test.ts shows the same with real elements in Chromium.)
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EMPTY_FILTERS } from '../../../widget/src/filters';
import { UrlState } from '../../../widget/src/url-state';

let href: string;
let pushed: string[];
let replaced: string[];
let listeners: Map<string, Set<() => void>>;
/** How many <kinship-offer> elements the page has. */
let onPage: number;

beforeEach(() => {
  href = 'https://www.example.gov.uk/kinship?page=2';
  pushed = [];
  replaced = [];
  listeners = new Map();
  onPage = 1;
  vi.stubGlobal('location', {
    get href() {
      return href;
    },
    get search() {
      return new URL(href).search;
    },
  });
  const move = (into: string[]) => (_state: unknown, _title: string, url: string) => {
    into.push(url);
    href = url;
  };
  vi.stubGlobal('history', { state: null, pushState: move(pushed), replaceState: move(replaced) });
  vi.stubGlobal('addEventListener', (type: string, listener: () => void) => listeners.set(type, (listeners.get(type) ?? new Set()).add(listener)));
  vi.stubGlobal('removeEventListener', (type: string, listener: () => void) => listeners.get(type)?.delete(listener));
});
afterEach(() => vi.unstubAllGlobals());

/** An element showing `offer`, with `id` (or none), and its URL state. */
function element(offer: string, id = '') {
  const controllers: any[] = [];
  const host: any = {
    offer,
    id,
    addController: (controller: unknown) => controllers.push(controller),
    getRootNode: () => ({ querySelectorAll: (selector: string) => ({ length: selector === 'kinship-offer' ? onPage : 0 }) }),
  };
  const onPop = vi.fn();
  const state = new UrlState(host, onPop);
  return { host, state, onPop, controllers };
}

const choice = { ...EMPTY_FILTERS, arrangement: 'adoption' };
const names = () => [...new URL(href).searchParams.keys()];

describe('the names an element\'s choices go under', () => {
  it('are the plain names for the only element on a page', () => {
    const { state } = element('example-borough', 'borough');
    state.write(choice, false);
    expect(names()).toEqual(['page', 'kinship-arrangement']);
    expect(state.read()).toEqual({ arrangement: 'adoption' });
  });

  it('are its id\'s with several on the page', () => {
    onPage = 2;
    const { state } = element('example-borough', 'borough');
    state.write(choice, false);
    expect(names()).toEqual(['page', 'kinship-arrangement.borough']);
    expect(state.read()).toEqual({ arrangement: 'adoption' });
  });

  it('are its offer\'s slug with several on the page and no id', () => {
    onPage = 2;
    const { state } = element('example-borough');
    state.write(choice, false);
    expect(names()).toEqual(['page', 'kinship-arrangement.example-borough']);
  });

  it('follow the page: a second element, or an id, given later changes them from then on', () => {
    const { state, host } = element('example-borough');
    state.write(choice, false);
    onPage = 2;
    expect(state.read()).toEqual({});
    host.id = 'borough';
    state.write({ ...EMPTY_FILTERS, query: 'school' }, false);
    expect(new URL(href).searchParams.get('kinship-q.borough')).toBe('school');
  });

  it('leave another element\'s alone', () => {
    onPage = 2;
    const first = element('example-borough', 'first');
    const second = element('example-borough', 'second');
    first.state.write(choice, false);
    second.state.write({ ...EMPTY_FILTERS, query: 'school' }, false);
    expect(first.state.read()).toEqual({ arrangement: 'adoption' });
    expect(second.state.read()).toEqual({ query: 'school' });
  });
});

describe('history', () => {
  it('adds an entry for a choice, replaces the current one as a reader types, and adds none when nothing changed', () => {
    const { state } = element('example-borough');
    state.write(choice, false);
    expect(pushed).toHaveLength(1);
    state.write({ ...choice, query: 's' }, true);
    state.write({ ...choice, query: 'sc' }, true);
    expect(replaced).toHaveLength(2);
    expect(pushed).toHaveLength(1);
    state.write({ ...choice, query: 'sc' }, false);
    expect(pushed).toHaveLength(1);
    expect(new URL(href).searchParams.get('kinship-q')).toBe('sc');
  });

  it('tells the element of Back and Forward only while it is on the page', () => {
    const { controllers, onPop } = element('example-borough');
    expect(controllers).toHaveLength(1);
    const [controller] = controllers;
    const popped = () => listeners.get('popstate')?.forEach((listener) => listener());
    popped();
    expect(onPop).not.toHaveBeenCalled();
    controller.hostConnected();
    popped();
    expect(onPop).toHaveBeenCalledTimes(1);
    controller.hostDisconnected();
    popped();
    expect(onPop).toHaveBeenCalledTimes(1);
  });
});
