/**
 * The element's own words in the reader's language (widget/src/packs/), in real Chromium: chosen by
 * the language the CMS served, fetched beside the script, laid over English key by key, overridden
 * by the host per key; right to left where the language is; long words that neither overflow a
 * phone's width nor clip a control.
 */
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { KinshipOffer } from '../../widget/src/kinship-offer';
import { DEFAULT_STRINGS, type Strings } from '../../widget/src/strings';
import { fakeNetwork, json, mount, recorded, settled, shadow, text, type FakeNetwork } from './support';

let network: FakeNetwork;
let offer: any;
const realWarn = console.warn;

beforeEach(async () => {
  offer = structuredClone((await recorded()).data.kinshipOffer);
  network = fakeNetwork(() => json({ data: { kinshipOffer: offer } }));
  console.warn = () => {};
});
afterEach(() => {
  network.restore();
  console.warn = realWarn;
});

const root = (element: KinshipOffer) => shadow(element).querySelector<HTMLElement>('.root')!;
const label = (element: KinshipOffer, selector: string) => text(shadow(element).querySelector(selector));
const pack = async (code: string) => (await (await fetch(new URL(`../../widget/src/packs/${code}.json`, import.meta.url))).json()).strings as Strings;

describe('the element\'s words in Welsh', () => {
  it('shows Welsh controls, counts and dates for an offer the CMS served in Welsh', async () => {
    offer.locale = 'cy';
    const element = await settled(await mount('offer="example-borough" lang="cy"'));
    expect(root(element).getAttribute('lang')).to.equal('cy');
    expect(label(element, 'label[for="search"]')).to.equal('Chwilio gwasanaethau');
    expect(text(shadow(element))).to.contain('Beth yw eich trefniant?');
    expect(text(shadow(element))).to.contain('Pa gymorth ydych chi’n chwilio amdano?');
    // Welsh counts: "gwasanaeth" after a number (CLDR gives 32 the form "other").
    expect(label(element, '[part="status"]')).to.equal(`${offer.services.length} gwasanaeth`);
    // In Welsh where the browser has Welsh dates (Debian's Chromium has not), else British English, never American.
    const welshDates = Intl.DateTimeFormat.supportedLocalesOf('cy').length > 0;
    expect(text(shadow(element))).to.contain(`Adolygwyd y cynnig hwn ddiwethaf ar ${welshDates ? '24 Hydref 2026' : '24 October 2026'}.`);
    expect(text(shadow(element))).not.to.contain('Search services');
    await expect(element).to.be.accessible();
  });

  it('keeps English words when the CMS served English, whatever lang asked for', async () => {
    offer.locale = 'en';
    const element = await settled(await mount('offer="example-borough" lang="cy"'));
    expect(root(element).getAttribute('lang')).to.equal('en');
    expect(text(shadow(element))).to.contain('What is your arrangement?');
  });

  it('lets the host replace any word, over the pack', async () => {
    offer.locale = 'cy';
    const element = await mount('offer="example-borough" lang="cy"');
    element.strings = { arrangementHeading: 'Eich trefniant' };
    await settled(element);
    expect(text(shadow(element))).to.contain('Eich trefniant');
    expect(text(shadow(element))).to.contain('Chwilio gwasanaethau');
  });

  it('says it could not load the offer in the language asked for, before any offer came', async () => {
    network.restore();
    network = fakeNetwork(() => json({ errors: [{ message: 'down' }] }, 500));
    const element = await settled(await mount('offer="example-borough" lang="cy-GB"'));
    expect(text(shadow(element).querySelector('[part="error"]'))).to.contain('Nid oedd modd llwytho’r cynnig lleol');
    expect(text(shadow(element).querySelector('button'))).to.equal('Rhowch gynnig arall arni');
  });

  it('falls back to English, never to blanks or key names, for a language with no pack', async () => {
    offer.locale = 'fr';
    const element = await settled(await mount('offer="example-borough" lang="fr"'));
    expect(text(shadow(element))).to.contain('What is your arrangement?');
    expect(text(shadow(element))).not.to.match(/arrangementHeading|searchLabel/);
  });
});

describe('right to left', () => {
  for (const code of ['ar', 'ur']) {
    it(`lays out and reads ${code} right to left: the element's words, its controls and its count`, async () => {
      offer.locale = code;
      const words = await pack(code);
      const element = await settled(await mount(`offer="example-borough" lang="${code}"`));
      expect(root(element).getAttribute('dir')).to.equal('rtl');
      const search = shadow(element).querySelector<HTMLInputElement>('input[type="search"]')!;
      expect(getComputedStyle(search).direction).to.equal('rtl');
      expect(text(shadow(element))).to.contain(words.supportHeading);
      // The heading starts at the right: its text ends nearer the right edge than the left.
      const heading = [...shadow(element).querySelectorAll('h2, h3, legend')].find((node) => text(node) === words.supportHeading)!;
      const box = root(element).getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(heading);
      const shown = range.getBoundingClientRect();
      expect(box.right - shown.right).to.be.lessThan(shown.left - box.left);
      await expect(element).to.be.accessible();
    });
  }
});

describe('every pack', () => {
  for (const code of ['ar', 'bn', 'cy', 'es', 'gu', 'it', 'pa', 'pl', 'pt', 'ro', 'ur']) {
    it(`${code}: shows its words and passes axe`, async () => {
      offer.locale = code;
      const words = await pack(code);
      const element = await settled(await mount(`offer="example-borough" lang="${code}"`));
      expect(text(shadow(element))).to.contain(words.arrangementHeading);
      await expect(element).to.be.accessible();
    });
  }
});

describe('pseudo-localised words (each 40% longer, accented) on a 320 px screen', () => {
  const ACCENTED: Record<string, string> = { a: 'á', e: 'é', i: 'î', o: 'ö', u: 'ü', c: 'ç', n: 'ñ', y: 'ý', A: 'Å', E: 'É', O: 'Ø', S: 'Š' };
  /** Accented, then padded to 140% of its length, placeholders kept. */
  const pseudo = (words: string) => {
    const accented = words.replace(/\{\w+\}|./g, (part) => (part.length > 1 ? part : (ACCENTED[part] ?? part)));
    return `${accented} ${'·ẋ'.repeat(Math.ceil(words.length * 0.2))}`.trimEnd();
  };
  const PSEUDO = Object.fromEntries(
    Object.entries(DEFAULT_STRINGS).map(([key, words]) => [
      key,
      key === 'lang' ? words : typeof words === 'string' ? pseudo(words) : Object.fromEntries(Object.entries(words).map(([form, value]) => [form, pseudo(value)])),
    ]),
  ) as Strings;

  before(async () => setViewport({ width: 320, height: 640 }));
  after(async () => setViewport({ width: 800, height: 600 }));

  it('neither overflows the screen nor clips a control', async () => {
    const element = await mount('offer="example-borough"');
    element.strings = PSEUDO;
    await settled(element);
    expect(text(shadow(element))).to.contain(PSEUDO.arrangementHeading);
    // Open a service, so its details and the feedback controls are laid out too.
    shadow(element).querySelector('details')!.open = true;
    await new Promise((resolve) => setTimeout(resolve, 50));
    await element.updateComplete;
    expect(element.getBoundingClientRect().width).to.be.at.most(320);
    expect(root(element).scrollWidth, 'the element scrolls sideways').to.be.at.most(root(element).clientWidth);
    const clipped = [...shadow(element).querySelectorAll<HTMLElement>('button, label, summary, legend, a, input, select, h2, h3, h4')]
      .filter((control) => control.getClientRects().length && (control.scrollWidth > control.clientWidth + 1 || control.getBoundingClientRect().right > 321))
      .map((control) => `${control.localName} "${text(control).slice(0, 40)}"`);
    expect(clipped).to.deep.equal([]);
    await expect(element).to.be.accessible();
  });
});

describe('the language switcher', () => {
  const LANGUAGES = [
    { code: 'cy', name: 'Cymraeg' },
    { code: 'en', name: 'English' },
    { code: 'ur', name: 'اردو' },
  ];
  beforeEach(() => {
    network.restore();
    // The CMS serves the offer in the language asked for, English when none is.
    network = fakeNetwork((url) => {
      const { locale } = JSON.parse(url.searchParams.get('variables')!);
      return json({ data: { kinshipOffer: { ...offer, locale: locale ?? 'en', languages: LANGUAGES } } });
    });
  });
  const switcher = (element: KinshipOffer) => shadow(element).querySelector('nav.languages');

  it('lists the offer\'s languages, each named in itself, the one shown marked current, and switches nothing on its own', async () => {
    document.documentElement.lang = 'cy';
    const element = await settled(await mount('offer="example-borough"'));
    document.documentElement.removeAttribute('lang');
    expect(switcher(element)!.getAttribute('aria-label')).to.equal('Language');
    expect([...switcher(element)!.children].map((item) => [item.localName, text(item), item.getAttribute('lang')])).to.deep.equal([
      ['button', 'Cymraeg', 'cy'],
      ['span', 'English', 'en'],
      ['button', 'اردو', 'ur'],
    ]);
    expect(switcher(element)!.querySelector('[lang="ur"]')!.getAttribute('dir')).to.equal('rtl');
    expect(network.requests).to.have.length(1);
    expect(root(element).getAttribute('lang')).to.equal('en');
    await expect(element).to.be.accessible();
  });

  it('shows the offer in the language chosen, keeping the reader\'s choices and place', async () => {
    const element = await settled(await mount('offer="example-borough"'));
    const checkbox = shadow(element).querySelector<HTMLInputElement>('input[type="checkbox"]')!;
    checkbox.click();
    await element.updateComplete;
    const search = shadow(element).querySelector<HTMLInputElement>('#search')!;
    search.value = 'kinship';
    search.dispatchEvent(new Event('input'));
    await element.updateComplete;
    const count = label(element, '[part="status"]');
    switcher(element)!.querySelector<HTMLButtonElement>('[lang="cy"]')!.click();
    for (let i = 0; i < 50 && root(element).getAttribute('lang') !== 'cy'; i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    await element.updateComplete;
    expect(element.getAttribute('lang')).to.equal('cy');
    expect(text(shadow(element))).to.contain('Chwilio gwasanaethau');
    expect(shadow(element).querySelector<HTMLInputElement>(`input[type="checkbox"][value="${checkbox.value}"]`)!.checked).to.equal(true);
    expect(shadow(element).querySelector<HTMLInputElement>('#search')!.value).to.equal('kinship');
    expect(label(element, '[part="status"]').split(' ')[0]).to.equal(count.split(' ')[0]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(text(shadow(element).activeElement)).to.equal('Cymraeg');
    await expect(element).to.be.accessible();
  });

  it('is not shown for an offer in one language', async () => {
    network.restore();
    network = fakeNetwork(() => json({ data: { kinshipOffer: { ...offer, languages: [{ code: 'en', name: 'English' }] } } }));
    expect(switcher(await settled(await mount('offer="example-borough"')))).to.equal(null);
  });
});
