/**
 * The element on host pages we did not write: what their styles, scripts and documents do to it,
 * in real Chromium. Each describe is one kind of host behaviour.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { KinshipOffer } from '../../widget/src/kinship-offer';
import { fakeNetwork, json, mount, recorded, settled, shadow, type FakeNetwork } from './support';

let network: FakeNetwork;
beforeEach(async () => {
  const offer = (await recorded()).data.kinshipOffer;
  network = fakeNetwork(() => json({ data: { kinshipOffer: offer } }));
  history.replaceState(null, '', location.pathname);
});
afterEach(() => {
  network.restore();
  history.replaceState(null, '', location.pathname);
  document.documentElement.removeAttribute('style');
});

/** The size a reader sees a service's summary at, in CSS pixels. */
const bodySize = (element: KinshipOffer) => getComputedStyle(shadow(element).querySelector('[part="service"] p')!).fontSize;

describe('a page that sizes its root (rem) or zooms', () => {
  for (const root of ['62.5%', '10px', '125%']) {
    it(`keeps GOV.UK's 19px body text with html { font-size: ${root} }`, async () => {
      document.documentElement.style.fontSize = root;
      const element = await settled(await mount('offer="example-borough"'));
      expect(bodySize(element)).to.equal('19px');
      expect(getComputedStyle(shadow(element).querySelector('h2')!).fontSize).to.equal('30.4px');
      await expect(element).to.be.accessible();
    });
  }

  it('grows with the page at 200% and 400%', async () => {
    document.documentElement.style.fontSize = '62.5%';
    const element = await settled(await mount('offer="example-borough"'));
    const status = shadow(element).querySelector('[part="status"]')!; // one line: "31 services"
    for (const zoom of [1, 2, 4]) {
      document.documentElement.style.zoom = String(zoom);
      expect(status.getBoundingClientRect().height).to.be.closeTo(19 * 1.32 * zoom, 1);
    }
    await expect(element).to.be.accessible();
  });

  it('still takes --kinship-offer-font-size when a page sets it', async () => {
    document.documentElement.style.fontSize = '62.5%';
    const element = await mount('offer="example-borough" style="--kinship-offer-font-size: 2.4rem"');
    await settled(element);
    expect(bodySize(element)).to.equal('24px');
    await expect(element).to.be.accessible();
  });
});

describe('a page with keyboard shortcuts and form watchers', () => {
  /**
   * What Mousetrap and its like do: act on keys pressed anywhere on the page, unless they were
   * typed into a field (its stopCallback: input, select, textarea, contenteditable).
   */
  function shortcutLibrary() {
    const fired: string[] = [];
    const typed: string[] = [];
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (target.matches('input, select, textarea') || target.isContentEditable) return;
      fired.push(`${event.type} ${event.key}`);
    };
    const onInput = (event: Event) => typed.push((event.target as Element).localName);
    for (const type of ['keydown', 'keypress', 'keyup'] as const) document.addEventListener(type, onKey);
    document.addEventListener('input', onInput);
    return {
      fired,
      typed,
      remove() {
        for (const type of ['keydown', 'keypress', 'keyup'] as const) document.removeEventListener(type, onKey);
        document.removeEventListener('input', onInput);
      },
    };
  }

  it('never sees what a reader types in the search box, nor the keys that move through and pick the choices', async () => {
    const element = await settled(await mount('offer="example-borough"'));
    const page = shortcutLibrary();
    try {
      shadow(element).querySelector<HTMLInputElement>('#search')!.focus();
      await sendKeys({ type: 'sessions/' });
      await sendKeys({ press: 'Backspace' });
      shadow(element).querySelector<HTMLInputElement>('input[type="radio"]')!.focus();
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Space' });
      expect(page.fired).to.deep.equal([]);
      expect(page.typed).to.deep.equal([]);
      expect(shadow(element).querySelector<HTMLInputElement>('#search')!.value).to.equal('sessions');
    } finally {
      page.remove();
    }
    await expect(element).to.be.accessible();
  });

  it('lets the page see Escape, Tab and Ctrl shortcuts from its fields, and every key pressed elsewhere', async () => {
    const element = await settled(await mount('offer="example-borough"'));
    const page = shortcutLibrary();
    try {
      shadow(element).querySelector<HTMLInputElement>('#search')!.focus();
      await sendKeys({ press: 'Escape' });
      await sendKeys({ down: 'Control' });
      await sendKeys({ press: 'k' });
      await sendKeys({ up: 'Control' });
      shadow(element).querySelector<HTMLElement>('summary')!.focus();
      await sendKeys({ type: '?' });
      expect(page.fired).to.include.members(['keydown Escape', 'keydown k', 'keydown ?']);
    } finally {
      page.remove();
    }
    await expect(element).to.be.accessible();
  });
});

describe('a document whose URL cannot be written', () => {
  const choose = (element: KinshipOffer) => {
    const radio = shadow(element).querySelector<HTMLInputElement>('#arrangement-special_guardianship_order')!;
    radio.click();
    return element.updateComplete;
  };

  it('keeps the reader\'s choices in the element when the page\'s history refuses them, and still tells the page', async () => {
    const element = await settled(await mount('offer="example-borough"'));
    const refuse = () => {
      throw new DOMException('A history state object cannot be created in this document', 'SecurityError');
    };
    const { pushState, replaceState } = history;
    history.pushState = refuse;
    history.replaceState = refuse;
    const uncaught: unknown[] = [];
    const onError = (event: ErrorEvent) => uncaught.push(event.error);
    addEventListener('error', onError);
    const filtered: unknown[] = [];
    document.addEventListener('kinship-offer-filter', (event) => filtered.push((event as CustomEvent).detail.arrangement));
    try {
      await choose(element);
      const search = shadow(element).querySelector<HTMLInputElement>('#search')!;
      search.value = 'school';
      search.dispatchEvent(new Event('input'));
      await element.updateComplete;
    } finally {
      history.pushState = pushState;
      history.replaceState = replaceState;
      removeEventListener('error', onError);
    }
    expect(uncaught).to.deep.equal([]);
    expect(filtered).to.deep.equal(['special_guardianship_order', 'special_guardianship_order']);
    expect(shadow(element).querySelector<HTMLInputElement>('#arrangement-special_guardianship_order')!.checked).to.equal(true);
    expect(location.search).to.equal('');
    await expect(element).to.be.accessible();
  });
});

describe('on a phone\'s first screen', () => {
  it('offers only the support types the offer has services of', async () => {
    const offer = structuredClone((await recorded()).data.kinshipOffer);
    offer.services = offer.services.filter((service: any) => !service.supportTypes.some((type: any) => ['legal_support', 'family_time'].includes(type.code)));
    network.restore();
    network = fakeNetwork(() => json({ data: { kinshipOffer: offer } }));
    const element = await settled(await mount('offer="example-borough"'));
    const offered = [...shadow(element).querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].map((input) => input.value);
    expect(offered).not.to.include.members(['legal_support']);
    expect(offered).not.to.include('family_time');
    const types = new Set(offer.services.flatMap((service: any) => service.supportTypes.map((type: any) => type.code)));
    expect(offered).to.have.members(offer.vocabulary.supportTypes.map((term: any) => term.code).filter((code: string) => types.has(code)));
    await expect(element).to.be.accessible();
  });
});

describe('the page\'s own fields inside the element', () => {
  it('a field in the fallback is the page\'s: its keys reach the page', async () => {
    network.restore();
    network = fakeNetwork(() => new Promise(() => {})); // still loading: the fallback shows
    const element = await mount('offer="example-borough"');
    const own = document.createElement('input');
    own.setAttribute('aria-label', 'Search this site');
    element.append(own);
    const seen: string[] = [];
    const onKey = (event: KeyboardEvent) => seen.push(event.key);
    document.addEventListener('keydown', onKey);
    try {
      own.focus();
      await sendKeys({ type: 'ab' });
    } finally {
      document.removeEventListener('keydown', onKey);
    }
    expect(seen).to.deep.equal(['a', 'b']);
    await expect(element).to.be.accessible();
  });
});
