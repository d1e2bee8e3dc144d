/** Helpers for the widget tests: the recorded fixture, and a fake network at the fetch boundary. */
import { fixture, html } from '@open-wc/testing';
import '../../widget/src/kinship-offer';
import type { KinshipOffer } from '../../widget/src/kinship-offer';

const realFetch = window.fetch.bind(window);

/** The kinshipOffer response recorded from the real demo CMS (see fixtures/record.ts). */
export const recorded = async () =>
  (await (await realFetch(new URL('./fixtures/example-borough.json', import.meta.url))).json()) as { data: { kinshipOffer: any } };

export interface FakeNetwork {
  requests: string[];
  init: Array<RequestInit | undefined>;
  restore(): void;
}

/** Answers the widget's fetches (the offer, and readers' feedback) with `respond`; everything else goes to the real network. */
export function fakeNetwork(respond: (url: URL, init?: RequestInit) => Response | Promise<Response>): FakeNetwork {
  const requests: string[] = [];
  const inits: Array<RequestInit | undefined> = [];
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input instanceof Request ? input.url : input));
    if (!url.pathname.endsWith('/graphql') && !url.pathname.endsWith('/api/kinship-offer/feedback')) return realFetch(input, init);
    requests.push(url.toString());
    inits.push(init);
    const signal = init?.signal;
    if (signal?.aborted) throw new DOMException('aborted', 'AbortError');
    // Like the real fetch: an abort (the widget's timeout) rejects a response still awaited.
    return new Promise<Response>((resolve, reject) => {
      signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      Promise.resolve(respond(url, init)).then(resolve, reject);
    });
  };
  return { requests, init: inits, restore: () => (window.fetch = realFetch) };
}

export const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

export const ENDPOINT = 'https://cms.example.gov.uk/graphql';

/** A <kinship-offer> in the page, with the fallback a web team would write inside it. */
export async function mount(attributes = ''): Promise<KinshipOffer> {
  const container = document.createElement('div');
  container.innerHTML = `<kinship-offer ${attributes.includes('endpoint=') ? '' : `endpoint="${ENDPOINT}"`} ${attributes}>
      <a href="https://www.example.gov.uk/kinship">Kinship local offer</a> · 020 7946 0000
    </kinship-offer>`;
  const element = container.firstElementChild as KinshipOffer;
  await fixture(html`${container}`);
  return element;
}

/** Waits until the element has finished loading (or failing). */
export async function settled(element: KinshipOffer) {
  for (let i = 0; i < 100; i += 1) {
    await element.updateComplete;
    const root = element.shadowRoot!;
    if (root.querySelector('[part="contact"], [part="error"]')) {
      // And the services' details, which the element loads once the offer is shown.
      await import('../../widget/src/render/service-details');
      await new Promise((resolve) => setTimeout(resolve));
      await element.updateComplete;
      return element;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the element never finished loading');
}

export const shadow = (element: KinshipOffer) => element.shadowRoot!;
export const text = (node: Element | ShadowRoot | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** What a reader sees as the services list: the titles in order. */
export const serviceTitles = (element: KinshipOffer) =>
  [...shadow(element).querySelectorAll('[part="service"] :is(h1,h2,h3,h4,h5,h6)')].map((h) => text(h));
