/**
 * GOV.UK's collapsible filters (widget/src/render/finder.ts): on a phone the reader's choices fold
 * behind "Show filters", so the first service is on the first screen; on a wider screen they are
 * open and there is no button.
 */
import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { KinshipOffer } from '../../widget/src/kinship-offer';
import { fakeNetwork, json, mount, recorded, settled, shadow, type FakeNetwork } from './support';

let network: FakeNetwork;
beforeEach(async () => {
  const offer = (await recorded()).data.kinshipOffer;
  network = fakeNetwork(() => json({ data: { kinshipOffer: offer } }));
  history.replaceState(null, '', location.pathname);
});
afterEach(async () => {
  network.restore();
  history.replaceState(null, '', location.pathname);
  await setViewport({ width: 800, height: 600 });
});

const toggle = (element: KinshipOffer) => shadow(element).querySelector<HTMLButtonElement>('button.filters-toggle')!;
const filters = (element: KinshipOffer) => shadow(element).querySelector<HTMLElement>('[part="filters"]')!;
const shown = (node: Element | null) => !!node && node.checkVisibility();
/** What the button says, as shown (and as its accessible name is: hidden words are neither). */
const label = (button: HTMLElement) => button.innerText.replace(/\s+/g, ' ').trim();
const firstServiceHeading = (element: KinshipOffer) => shadow(element).querySelector('[part="service"] :is(h1,h2,h3,h4,h5,h6)')!;

describe('the filters on a phone (375 px wide)', () => {
  beforeEach(() => setViewport({ width: 375, height: 667 }));

  it('fold behind "Show filters", so the first service\'s heading is on the first screen', async () => {
    const element = await settled(await mount('offer="example-borough" view="services"'));
    expect(shown(toggle(element))).to.equal(true);
    expect(toggle(element).getAttribute('aria-expanded')).to.equal('false');
    expect(label(toggle(element))).to.equal('Show filters');
    expect(shown(filters(element))).to.equal(false);
    expect(firstServiceHeading(element).getBoundingClientRect().bottom).to.be.at.most(innerHeight);
  });

  it('leave the whole offer\'s first service within a screen of the button, after the contact and the council\'s approach', async () => {
    const element = await settled(await mount('offer="example-borough"'));
    expect(firstServiceHeading(element).getBoundingClientRect().bottom - toggle(element).getBoundingClientRect().top).to.be.at.most(innerHeight / 2);
  });

  it('open and close from the keyboard, focus staying on the button, which says how many choices are made', async () => {
    const element = await settled(await mount('offer="example-borough" arrangement="special_guardianship_order"'));
    const button = toggle(element);
    expect(label(button)).to.equal('Show filters, 1 chosen');
    button.focus();
    await sendKeys({ press: 'Enter' });
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(label(button)).to.equal('Hide filters, 1 chosen');
    expect(shown(filters(element))).to.equal(true);
    expect(shadow(element).activeElement).to.equal(button);
    // A choice made with the filters open leaves them open, and is counted.
    shadow(element).querySelector<HTMLInputElement>('input[type="checkbox"]')!.click();
    await element.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(label(button)).to.equal('Hide filters, 2 chosen');
    button.focus();
    await sendKeys({ press: 'Space' });
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(shown(filters(element))).to.equal(false);
    expect(shadow(element).activeElement).to.equal(button);
  });

  it('passes axe closed and open', async () => {
    const element = await settled(await mount('offer="example-borough"'));
    await expect(element).to.be.accessible();
    toggle(element).click();
    await expect(element).to.be.accessible();
  });
});

describe('the filters on a wider screen (1024 px)', () => {
  it('are open, with no button', async () => {
    await setViewport({ width: 1024, height: 768 });
    const element = await settled(await mount('offer="example-borough"'));
    expect(shown(filters(element))).to.equal(true);
    expect(shown(toggle(element))).to.equal(false);
  });
});
