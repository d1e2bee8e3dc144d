/**
 * Reach in real Chromium: what a reader does is counted, anonymously, once per page view, in one
 * request per tick; nothing is sent with reach="off", Global Privacy Control or Do Not Track; and
 * nothing is ever stored on the reader's device.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import type { KinshipOffer } from '../../widget/src/kinship-offer';
import { fakeNetwork, json, mount, recorded, settled, shadow, type FakeNetwork } from './support';

let network: FakeNetwork;
let offer: any;
let posts: Array<{ url: string; init: RequestInit; body: { offer: string; events: string[][] } }>;
const REACH = 'https://cms.example.gov.uk/api/kinship-offer/reach';
const realWarn = console.warn;

beforeEach(async () => {
  offer = structuredClone((await recorded()).data.kinshipOffer);
  network = fakeNetwork((url) => (url.pathname.endsWith('/feedback') ? json({ data: { received: true } }, 202) : json({ data: { kinshipOffer: offer } })));
  const answerOffer = window.fetch;
  posts = [];
  // The reach endpoint, captured as the CMS would receive it.
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    if (!url.endsWith('/api/kinship-offer/reach')) return answerOffer(input, init);
    posts.push({ url, init: init!, body: JSON.parse(init!.body as string) });
    return new Response(null, { status: 202 });
  };
  console.warn = () => {};
  history.replaceState(null, '', location.pathname);
});
afterEach(() => {
  network.restore();
  console.warn = realWarn;
  history.replaceState(null, '', location.pathname);
});

/** Lets a tick pass, when the events of the last one are sent. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 30));
/** Every event sent so far, in order. */
const sent = () => posts.flatMap((post) => post.body.events);
const input = (element: KinshipOffer, selector: string) => shadow(element).querySelector<HTMLInputElement>(selector)!;
/** Follows no link (the test page must stay): the element has seen the click by the time the document does. */
const stayOnPage = (event: Event) => (event.composedPath()[0] as Element).closest?.('a') && event.preventDefault();

describe('reach: what is counted', () => {
  before(() => document.addEventListener('click', stayOnPage));
  after(() => document.removeEventListener('click', stayOnPage));

  it('counts the offer shown, once per page view, with its view, in a request that needs no preflight and carries nothing of the reader', async () => {
    const element = await settled(await mount('offer="example-borough" view="services"'));
    await tick();
    expect(posts).to.have.length(1);
    expect(posts[0].url).to.equal(REACH);
    expect(posts[0].body).to.deep.equal({ offer: 'example-borough', events: [['shown', 'services']] });
    const { init } = posts[0];
    expect(init).to.deep.include({ method: 'POST', keepalive: true, credentials: 'omit', referrerPolicy: 'origin' });
    expect(typeof init.body).to.equal('string'); // text/plain: a simple request
    expect(init.headers).to.equal(undefined);

    element.lang = 'cy'; // a reload of the same offer is the same page view
    await settled(element);
    element.requestUpdate();
    await element.updateComplete;
    await tick();
    expect(sent()).to.deep.equal([['shown', 'services']]);
  });

  it('counts each choice, search, service opened, contact tapped, print and feedback, once each', async () => {
    const element = await settled(await mount('offer="example-borough"'));
    const service = offer.services.find((s: any) => s.contacts.some((contact: any) => contact.phone));
    await tick();

    input(element, '#arrangement-special_guardianship_order').click();
    input(element, '#arrangement-special_guardianship_order').click(); // the same choice again: counted once
    input(element, '#arrangement-not-sure').click();
    input(element, '#support-financial_support').click();
    input(element, '#support-financial_support').click(); // unticked: not a choice
    await element.updateComplete;
    await tick();

    const search = input(element, '#search');
    for (const typed of ['s', 'sp', 'special guardianship']) {
      search.value = typed;
      search.dispatchEvent(new Event('input'));
    }
    await new Promise((resolve) => setTimeout(resolve, 1_100)); // a search counts once typing stops
    search.value = '';
    search.dispatchEvent(new Event('input'));
    await element.updateComplete;

    const details = shadow(element).querySelector<HTMLDetailsElement>(`details[data-uuid="${service.uuid}"]`)!;
    details.open = true;
    await waitUntil(() => details.querySelector('a[href^="tel:"]'), 'the service\'s details did not open');
    details.querySelector<HTMLAnchorElement>('a[href^="tel:"]')!.click();
    const contact = shadow(element).querySelector('[part="contact"]')!;
    contact.querySelector<HTMLAnchorElement>('a[href^="tel:"]')!.click();
    contact.querySelector<HTMLAnchorElement>('a[href^="mailto:"]')!.click();
    contact.querySelector<HTMLAnchorElement>('a[href^="https:"]')!.click();
    contact.querySelector<HTMLAnchorElement>('a[href^="tel:"]')!.click(); // again: once per page view

    await emulateMedia({ media: 'print' });
    // The media's change event comes when the browser gets to it (later on a busy machine): wait for its count.
    await waitUntil(() => sent().some(([event]) => event === 'print'), 'printing was not counted', { timeout: 5_000 });
    await emulateMedia({ media: 'screen' });

    const feedback = [...shadow(element).querySelectorAll('kinship-offer-feedback')].at(-1)!;
    (feedback as any).shownAt = Date.now() - 60_000;
    [...feedback.querySelectorAll('button')].find((button) => button.textContent === 'Yes')!.click();
    await waitUntil(() => feedback.querySelector('[role="status"]'), 'the feedback was not taken');
    await tick();

    expect(sent()).to.deep.equal([
      ['shown', 'full'],
      ['arrangement', 'special_guardianship_order'],
      ['arrangement', ''],
      ['support_type', 'financial_support'],
      ['search', '11-20'],
      ['service', service.uuid],
      ['phone', service.uuid],
      ['phone', ''],
      ['email', ''],
      ['web', ''],
      ['print', ''],
      ['feedback', ''],
    ]);
    expect(JSON.stringify(posts)).not.to.contain('special guardianship'); // the length, never the words
    expect(posts.every((post) => post.body.offer === 'example-borough')).to.equal(true);
  });

  it('sends what happens in one tick together, in one request', async () => {
    const element = await settled(await mount('offer="example-borough"'));
    await tick();
    posts.length = 0;
    input(element, '#arrangement-kinship_foster_care').click();
    input(element, '#support-education').click();
    input(element, '#support-legal_support').click();
    await tick();
    expect(posts).to.have.length(1);
    expect(posts[0].body.events).to.deep.equal([['arrangement', 'kinship_foster_care'], ['support_type', 'education'], ['support_type', 'legal_support']]);
  });

  it('sends to the CMS the offer comes from, under its path behind a proxy', async () => {
    await settled(await mount('offer="example-borough" endpoint="https://www.example.gov.uk/cms/graphql"'));
    await tick();
    expect(posts.map((post) => post.url)).to.deep.equal(['https://www.example.gov.uk/cms/api/kinship-offer/reach']);
  });

  it('never troubles the host page when the CMS cannot take the events', async () => {
    const errors: string[] = [];
    const onError = (event: ErrorEvent | PromiseRejectionEvent) => errors.push(String((event as ErrorEvent).message ?? (event as PromiseRejectionEvent).reason));
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onError);
    const capture = window.fetch;
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      if (String(input).endsWith('/reach')) throw new TypeError('blocked by an extension');
      return capture(input, init);
    };
    try {
      const element = await settled(await mount('offer="example-borough"'));
      input(element, '#arrangement-adoption').click();
      await tick();
      window.fetch = (input: RequestInfo | URL, init?: RequestInit) =>
        String(input).endsWith('/reach') ? Promise.reject(new TypeError('Failed to fetch')) : capture(input, init);
      input(element, '#support-education').click();
      await tick();
      expect(shadow(element).querySelector('[part="contact"]')).to.exist;
    } finally {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onError);
    }
    expect(errors).to.deep.equal([]);
  });
});

describe('reach: when nothing is sent', () => {
  /** Mounts the offer and does what the test above counts, then says what was sent. */
  async function readAndChoose(attributes = '') {
    const element = await settled(await mount(`offer="example-borough" ${attributes}`));
    input(element, '#arrangement-special_guardianship_order').click();
    input(element, '#support-financial_support').click();
    shadow(element).querySelector<HTMLDetailsElement>('details')!.open = true;
    await tick();
    return sent();
  }
  const pretend = (property: string, value: unknown) => Object.defineProperty(Navigator.prototype, property, { value, configurable: true });
  const restore = (property: string, descriptor: PropertyDescriptor | undefined) =>
    descriptor ? Object.defineProperty(Navigator.prototype, property, descriptor) : delete (Navigator.prototype as any)[property];

  it('sends nothing with reach="off" (or any value but "on")', async () => {
    expect(await readAndChoose('reach="off"')).to.deep.equal([]);
    expect(await readAndChoose('reach="no"')).to.deep.equal([]);
    expect((await readAndChoose('reach="on"')).length).to.be.greaterThan(0);
  });

  it('sends nothing when the browser sends Global Privacy Control', async () => {
    const descriptor = Object.getOwnPropertyDescriptor(Navigator.prototype, 'globalPrivacyControl');
    pretend('globalPrivacyControl', true);
    try {
      expect(await readAndChoose()).to.deep.equal([]);
    } finally {
      restore('globalPrivacyControl', descriptor);
    }
  });

  it('sends nothing when the browser sends Do Not Track', async () => {
    const descriptor = Object.getOwnPropertyDescriptor(Navigator.prototype, 'doNotTrack');
    pretend('doNotTrack', '1');
    try {
      expect(await readAndChoose()).to.deep.equal([]);
    } finally {
      restore('doNotTrack', descriptor);
    }
  });

  it('stores nothing on the reader\'s device: no cookie, local or session storage, or IndexedDB', async () => {
    const databases = async () => (await indexedDB.databases()).map((database) => database.name);
    const before = { local: localStorage.length, session: sessionStorage.length, databases: await databases() };
    expect(document.cookie).to.equal('');
    const events = await readAndChoose();
    expect(events.length).to.be.greaterThan(2);
    expect(document.cookie).to.equal('');
    expect({ local: localStorage.length, session: sessionStorage.length, databases: await databases() }).to.deep.equal(before);
  });
});
