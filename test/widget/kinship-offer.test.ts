import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import { OFFER_QUERY_ID } from '../../plugin/shared/offer-query';
import type { KinshipOffer } from '../../widget/src/kinship-offer';
import { ENDPOINT, fakeNetwork, json, mount, recorded, serviceTitles, settled, shadow, text, type FakeNetwork } from './support';

let network: FakeNetwork;
let offer: any;
const warnings: string[] = [];
const realWarn = console.warn;

beforeEach(async () => {
  offer = structuredClone((await recorded()).data.kinshipOffer);
  network = fakeNetwork(() => json({ data: { kinshipOffer: offer } }));
  warnings.length = 0;
  console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
  history.replaceState(null, '', location.pathname);
});

/** Lets the element finish what a reader's action started (a render, then a move of focus). */
const tick = () => new Promise((resolve) => setTimeout(resolve, 20));
/** What has focus inside the element, as a reader would be told ("nothing": the top of the host page). */
const focused = (element: KinshipOffer) => where(shadow(element).activeElement);
/** A control or text described in words: assertions on DOM nodes themselves cannot be reported from the browser. */
const where = (node: Element | null | undefined) => (node ? `${node.localName} "${text(node)}"` : 'nothing');
/** Presses Enter on a control, as a keyboard user would. */
async function pressEnter(control: HTMLElement, element: KinshipOffer) {
  control.focus();
  await sendKeys({ press: 'Enter' });
  await element.updateComplete;
  await tick();
}

afterEach(() => {
  network.restore();
  console.warn = realWarn;
  history.replaceState(null, '', location.pathname);
});

describe('<kinship-offer> showing the demo offer', () => {
  it('asks the CMS once, with a cacheable GET, and puts the named contact first', async () => {
    const element = await settled(await mount('offer="example-borough"'));
    expect(network.requests).to.have.length(1);
    const request = new URL(network.requests[0]);
    expect(network.init[0]?.headers).to.equal(undefined); // a simple request: no CORS preflight
    expect(request.origin + request.pathname).to.equal(ENDPOINT);
    expect(JSON.parse(request.searchParams.get('variables')!)).to.deep.equal({ slug: 'example-borough' });
    // The query by its persisted document id: its text is not in widget.js (the CMS puts it back).
    expect(request.searchParams.get('documentId')).to.equal(OFFER_QUERY_ID);
    expect(request.searchParams.has('query')).to.equal(false);

    const first = shadow(element).querySelector('section');
    expect(first?.getAttribute('part')).to.equal('contact');
    expect(text(first)).to.contain('Contact Kinship Support Team');
    expect(first!.querySelector('a[href="tel:+442079460000"]')).to.exist;
    expect(first!.querySelector('a[href="mailto:kinship@example.gov.uk"]')).to.exist;
    await expect(element).to.be.accessible();
  });

  it('shows every section a reader needs', async () => {
    const element = await settled(await mount('offer="example-borough"'));
    const headings = [...shadow(element).querySelectorAll('h2')].map((h) => text(h));
    expect(headings).to.include.members([
      'Contact Kinship Support Team',
      'Our approach',
      'What is your arrangement?',
      'Support and services',
      'Your legal position',
      'Financial support policy',
      'How to complain',
      'Independent advice',
    ]);
    expect(text(shadow(element))).to.contain('This offer was last reviewed on 24 October 2026.');
    expect(serviceTitles(element)).to.have.length(offer.services.length);
  });

  it('hides the fallback once the offer is shown', async () => {
    const element = await settled(await mount('offer="example-borough"'));
    expect(shadow(element).querySelector('slot')).to.equal(null);
  });

  it('fires kinship-offer-load with the number of services', async () => {
    const loaded = oneEvent(document, 'kinship-offer-load');
    await mount('offer="example-borough"');
    const event = await loaded;
    expect(event.detail).to.deep.equal({ offer: 'example-borough', locale: 'en', services: offer.services.length });
    expect(event.bubbles && event.composed).to.equal(true);
  });

  it('lists a service that has no support type yet, last, as many services as the status counts', async () => {
    offer.services.push({ ...structuredClone(offer.services[0]), uuid: 'no-support-type', title: 'A service without a support type', supportTypes: [] });
    const element = await settled(await mount('offer="example-borough"'));
    const titles = serviceTitles(element);
    expect(titles).to.have.length(offer.services.length);
    expect(titles.at(-1)).to.equal('A service without a support type');
    expect(text(shadow(element).querySelector('[part="status"]'))).to.equal(`${offer.services.length} services`);
  });

  it('lists the six arrangements and "I\'m not sure"', async () => {
    const element = await settled(await mount('offer="example-borough"'));
    const labels = [...shadow(element).querySelectorAll('input[name="kinship-arrangement"] + label')].map((l) => text(l));
    expect(labels).to.deep.equal([
      'Informal family arrangement',
      'Private fostering',
      'Child arrangements order',
      'Special guardianship order',
      'Kinship foster care',
      'Adoption by a relative or friend',
      "I'm not sure",
    ]);
  });

  it('opens a service\'s details: cost, delivery, opening times, contacts', async () => {
    const element = await settled(await mount('offer="example-borough"'));
    const navigators = [...shadow(element).querySelectorAll('[part="service"]')].find((s) => text(s.querySelector('h4')) === 'Kinship navigators')!;
    const details = navigators.querySelector('details')!;
    expect(text(details.querySelector('summary'))).to.equal('More about Kinship navigators');
    expect(details.querySelector('.details')).to.equal(null); // rendered only when opened
    details.open = true;
    await oneEvent(details, 'toggle');
    await element.updateComplete;
    const body = text(details);
    expect(body).to.contain('Free');
    expect(body).to.contain('In person, By phone, Online');
    expect(body).to.contain('Monday to Friday: 9am to 5pm');
    expect(body).to.contain('Polish');
    expect(details.querySelector('a[href="tel:+442079460001"]')).to.exist;
    await expect(element).to.be.accessible();
  });

  it('shows out-of-hours opening past midnight and dials helpline, freephone and Relay UK numbers (issue 9, 10)', async () => {
    const element = await settled(await mount('offer="example-borough"'));
    const outOfHours = [...shadow(element).querySelectorAll('[part="service"]')].find((s) => text(s.querySelector('h4')) === 'Out-of-hours support')!;
    const details = outOfHours.querySelector('details')!;
    details.open = true;
    await oneEvent(details, 'toggle');
    await element.updateComplete;
    // Each opening time is a paragraph: the times, a line break, the note.
    const lines = [...details.querySelectorAll('dd p')].map((p) => [...p.childNodes].map((node) => (node.nodeName === 'BR' ? ' | ' : node.nodeType === Node.TEXT_NODE ? node.textContent : '')).join('').replace(/\s+/g, ' ').trim());
    expect(lines).to.include.members([
      'Monday to Thursday: 5pm to 9am the next day | Duty social worker',
      '5pm Friday to 9am Monday | Duty social worker, all weekend',
      'Open 24 hours | Listening line',
    ]);
    const dialled = [...details.querySelectorAll('a[href^="tel:"]')].map((a) => [text(a), a.getAttribute('href')]);
    expect(dialled).to.deep.include.members([
      ['020 7946 0999', 'tel:+442079460999'],
      ['18001 020 7946 0999', 'tel:1800102079460999'],
      ['0808 157 0999', 'tel:+448081570999'],
    ]);
    await expect(element).to.be.accessible();
  });
});

describe('co-production', () => {
  it('shows "You said, we did", newest first, in the full view', async () => {
    const element = await settled(await mount('offer="example-borough"'));
    const section = [...shadow(element).querySelectorAll('[part="section"]')].find((s) => text(s.querySelector('h2')) === 'You said, we did')!;
    const entries = [...section.querySelectorAll('li')].map((li) => text(li));
    expect(entries).to.have.length(2);
    expect(entries[0]).to.match(/^You said: The peer support group met only on weekday mornings.*We did: A second group now meets.*\d+ \w+ \d{4}$/);
    expect(entries[1]).to.contain('22 August 2026');
  });
});

describe('"Was this helpful?"', () => {
  const posts: any[] = [];
  let answer: () => Response | Promise<Response>;
  beforeEach(() => {
    posts.length = 0;
    answer = () => json({ data: { received: true } }, 202);
    network.restore();
    network = fakeNetwork((url, init) => {
      if (!url.pathname.endsWith('/api/kinship-offer/feedback')) return json({ data: { kinshipOffer: offer } });
      posts.push({ url: url.toString(), method: init?.method, body: JSON.parse(String(init?.body)) });
      return answer();
    });
  });

  const button = (within: Element, label: string) => [...within.querySelectorAll('button')].find((b) => text(b) === label)!;

  it('"Yes" about the offer is sent at once, with no personal data, and thanked', async () => {
    const element = await settled(await mount('offer="example-borough"'));
    const feedback = [...shadow(element).querySelectorAll('kinship-offer-feedback')].at(-1)!;
    expect(text(feedback)).to.contain('Was this helpful?');
    button(feedback, 'Yes').click();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(posts).to.have.length(1);
    expect(posts[0].url).to.equal('https://cms.example.gov.uk/api/kinship-offer/feedback');
    expect(posts[0].method).to.equal('POST');
    expect(Object.keys(posts[0].body.data).sort()).to.deep.equal(['helpful', 'offer', 'startedAt']);
    expect(posts[0].body.data).to.include({ offer: 'example-borough', helpful: true });
    expect(text(feedback.querySelector('[role="status"]'))).to.equal('Thank you for your feedback.');
    await expect(element).to.be.accessible();
  });

  it('"No" about a service opens a labelled box that warns against personal details, and sends the words', async () => {
    const element = await settled(await mount('offer="example-borough"'));
    const navigators = [...shadow(element).querySelectorAll('[part="service"]')].find((s) => text(s.querySelector('h4')) === 'Kinship navigators')!;
    const details = navigators.querySelector('details')!;
    details.open = true;
    await oneEvent(details, 'toggle');
    await element.updateComplete;
    const feedback = details.querySelector('kinship-offer-feedback')!;
    button(feedback, 'No').click();
    await (feedback as any).updateComplete;
    const box = feedback.querySelector('textarea')!;
    expect(shadow(element).activeElement).to.equal(box);
    expect(text(feedback.querySelector(`label[for="${box.id}"]`))).to.equal('Tell us what is missing or wrong (optional)');
    expect(text(shadow(element).getElementById(box.getAttribute('aria-describedby')!))).to.contain('Do not include personal details');
    await expect(element).to.be.accessible();

    box.value = '  The evening group is not listed.  ';
    button(feedback, 'Send').click();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const uuid = offer.services.find((s: any) => s.title === 'Kinship navigators').uuid;
    expect(posts.map((p) => p.body.data)).to.deep.equal([
      { offer: 'example-borough', service: uuid, helpful: false, message: 'The evening group is not listed.', startedAt: posts[0].body.data.startedAt },
    ]);
    expect(text(feedback)).to.equal('Thank you for your feedback.');
  });

  it('when the CMS refuses or cannot be reached, says so, keeps what was typed, and can send again', async () => {
    const element = await settled(await mount('offer="example-borough"'));
    const feedback = [...shadow(element).querySelectorAll('kinship-offer-feedback')].at(-1)!;
    button(feedback, 'Tell us what is missing or wrong').click();
    await (feedback as any).updateComplete;
    feedback.querySelector('textarea')!.value = 'Nothing about holidays';

    answer = () => json({ error: { status: 429, message: 'Too many requests' } }, 429);
    button(feedback, 'Send').click();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(text(feedback.querySelector('[role="alert"]'))).to.equal('Sorry, your feedback could not be sent. Please try again.');
    expect(feedback.querySelector('textarea')!.value).to.equal('Nothing about holidays');

    answer = () => Promise.reject(new TypeError('Failed to fetch'));
    button(feedback, 'Send').click();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(feedback.querySelector('[role="alert"]')).to.exist;

    answer = () => json({ data: { received: true } }, 202);
    button(feedback, 'Send').click();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(text(feedback)).to.equal('Thank you for your feedback.');
    expect(posts.map((p) => p.body.data.message)).to.deep.equal(['Nothing about holidays', 'Nothing about holidays', 'Nothing about holidays']);
    expect(posts[0].body.data).to.not.have.property('helpful');
  });

  it('goes to the CMS under the same path as the endpoint, when a proxy serves the CMS under a path', async () => {
    const element = await settled(await mount('offer="example-borough" endpoint="https://www.example.gov.uk/cms/graphql"'));
    expect(network.requests[0]).to.match(/^https:\/\/www\.example\.gov\.uk\/cms\/graphql\?/);
    button([...shadow(element).querySelectorAll('kinship-offer-feedback')].at(-1)!, 'Yes').click();
    await tick();
    expect(posts.map((post) => post.url)).to.deep.equal(['https://www.example.gov.uk/cms/api/kinship-offer/feedback']);
  });

  it('keeps the keyboard user\'s place: "Yes" and "Send" land on the thanks that replace them', async () => {
    const element = await settled(await mount('offer="example-borough"'));
    const first = [...shadow(element).querySelectorAll('kinship-offer-feedback')].at(-1)!;
    await pressEnter(button(first, 'Yes'), element);
    expect(focused(element)).to.equal(where(first.querySelector('p')));
    expect(focused(element)).to.equal('p "Thank you for your feedback."');

    const details = shadow(element).querySelector('details')!;
    details.open = true;
    await oneEvent(details, 'toggle');
    await element.updateComplete;
    const second = details.querySelector('kinship-offer-feedback')!;
    await pressEnter(button(second, 'Tell us what is missing or wrong'), element);
    expect(focused(element)).to.equal(where(second.querySelector('textarea')));
    second.querySelector('textarea')!.value = 'Nothing about holiday clubs';
    await pressEnter(button(second, 'Send'), element);
    expect(focused(element)).to.equal('p "Thank you for your feedback."');
    await expect(element).to.be.accessible();
  });

  it('keeps the keyboard user\'s place when sending fails: on "Send", or on "Yes"', async () => {
    const element = await settled(await mount('offer="example-borough"'));
    const feedback = [...shadow(element).querySelectorAll('kinship-offer-feedback')].at(-1)!;
    answer = () => json({ error: { status: 429, message: 'Too many requests' } }, 429);
    await pressEnter(button(feedback, 'Yes'), element);
    expect(feedback.querySelector('[role="alert"]')).to.exist;
    expect(focused(element)).to.equal(where(button(feedback, 'Yes')));

    await pressEnter(button(feedback, 'No'), element);
    feedback.querySelector('textarea')!.value = 'Nothing about holidays';
    await pressEnter(button(feedback, 'Send'), element);
    expect(feedback.querySelector('[role="alert"]')).to.exist;
    expect(focused(element)).to.equal(where(button(feedback, 'Send')));
  });

  it('is not asked in the contact-only view, nor printed', async () => {
    const contactOnly = await settled(await mount('offer="example-borough" view="contact"'));
    expect(shadow(contactOnly).querySelector('kinship-offer-feedback')).to.equal(null);
    const full = await settled(await mount('offer="example-borough"'));
    const feedback = [...shadow(full).querySelectorAll('kinship-offer-feedback')].at(-1)!;
    expect(feedback.querySelector('.feedback')!.classList.contains('no-print')).to.equal(true);
  });
});

describe('filtering', () => {
  const choose = async (element: HTMLElement, selector: string) => {
    const input = shadow(element as any).querySelector<HTMLInputElement>(selector)!;
    input.click();
    await (element as any).updateComplete;
  };

  it('narrows services to the chosen arrangement, says how many, and puts it in the URL', async () => {
    const element = await settled(await mount('offer="example-borough"'));
    const filtered = oneEvent(element, 'kinship-offer-filter');
    await choose(element, '#arrangement-private_fostering');
    const expected = offer.services.filter((s: any) => s.arrangementTypes.some((t: any) => t.code === 'private_fostering'));
    expect(serviceTitles(element)).to.have.members(expected.map((s: any) => s.title));
    expect(text(shadow(element).querySelector('[part="status"]'))).to.equal(`${expected.length} services`);
    expect(shadow(element).querySelector('[part="status"]')!.getAttribute('role')).to.equal('status');
    expect(new URL(location.href).searchParams.get('kinship-arrangement')).to.equal('private_fostering');
    expect((await filtered).detail).to.include({ arrangement: 'private_fostering', results: expected.length });
    expect(text(shadow(element))).to.contain('Someone who is not a close relative'); // the plain explanation
  });

  it('combines support types and a keyword, and can clear everything from "no results"', async () => {
    const element = await settled(await mount('offer="example-borough"'));
    await choose(element, '#support-education');
    expect(serviceTitles(element).length).to.be.greaterThan(0);
    const search = shadow(element).querySelector<HTMLInputElement>('#search')!;
    search.value = 'virtual school';
    search.dispatchEvent(new Event('input'));
    await element.updateComplete;
    expect(serviceTitles(element)).to.deep.equal(['Priority school admissions and pupil premium plus', 'Virtual school advice and guidance']);

    search.value = 'submarine';
    search.dispatchEvent(new Event('input'));
    await element.updateComplete;
    expect(text(shadow(element))).to.contain('No services match your choices.');
    await expect(element).to.be.accessible();
    [...shadow(element).querySelectorAll('button')].find((button) => text(button) === 'Clear all choices')!.click();
    await element.updateComplete;
    expect(serviceTitles(element)).to.have.length(offer.services.length);
    expect(location.search).to.equal('');
  });

  it('starts from a shared link and follows the back button', async () => {
    history.replaceState(null, '', '?kinship-arrangement=special_guardianship_order&kinship-support=financial_support');
    const element = await settled(await mount('offer="example-borough"'));
    const sgoMoney = offer.services.filter(
      (s: any) =>
        s.arrangementTypes.some((t: any) => t.code === 'special_guardianship_order') &&
        s.supportTypes.some((t: any) => t.code === 'financial_support'),
    );
    expect(serviceTitles(element)).to.have.members(sgoMoney.map((s: any) => s.title));
    expect(shadow(element).querySelector<HTMLInputElement>('#arrangement-special_guardianship_order')!.checked).to.equal(true);

    await choose(element, '#arrangement-adoption');
    expect(new URL(location.href).searchParams.get('kinship-arrangement')).to.equal('adoption');
    history.back();
    await oneEvent(window, 'popstate');
    await element.updateComplete;
    expect(shadow(element).querySelector<HTMLInputElement>('#arrangement-special_guardianship_order')!.checked).to.equal(true);
  });

  it('"Clear all choices", pressed from the keyboard, leaves focus on the new count, not the top of the page', async () => {
    const element = await settled(await mount('offer="example-borough"'));
    const search = shadow(element).querySelector<HTMLInputElement>('#search')!;
    search.value = 'submarine';
    search.dispatchEvent(new Event('input'));
    await element.updateComplete;
    const clear = [...shadow(element).querySelectorAll('button')].find((b) => text(b) === 'Clear all choices')!;
    await pressEnter(clear, element);
    expect(clear.isConnected).to.equal(false);
    expect(focused(element)).to.equal(where(shadow(element).querySelector('[part="status"]')));
    expect(focused(element)).to.equal(`p "${offer.services.length} services"`);
    await expect(element).to.be.accessible();
  });

  it('shows the legal position for the chosen arrangement', async () => {
    const element = await settled(await mount('offer="example-borough" arrangement="kinship_foster_care"'));
    const legal = [...shadow(element).querySelectorAll('[part="section"]')].find((s) => text(s.querySelector('h2')) === 'Your legal position');
    expect(text(legal)).to.contain(offer.legalFrameworkByArrangement.kinship_foster_care);
  });
});

describe('two offers on one page', () => {
  const choose = async (element: KinshipOffer, selector: string) => {
    shadow(element).querySelector<HTMLInputElement>(selector)!.click();
    await element.updateComplete;
  };
  const chosen = (element: KinshipOffer) => shadow(element).querySelector<HTMLInputElement>('input[name="kinship-arrangement"]:checked')?.value;

  /** The page (several.html's arrangement): opened, or opened again as a reload would. */
  async function openPage(ids = ['borough', 'hub']) {
    document.querySelector('#two-offers')?.remove();
    const page = document.createElement('div');
    page.id = 'two-offers';
    page.innerHTML = ids.map((id) => `<kinship-offer ${id ? `id="${id}"` : ''} endpoint="${ENDPOINT}" offer="example-borough">Fallback</kinship-offer>`).join('');
    await fixture(html`${page}`);
    const elements = [...page.querySelectorAll('kinship-offer')];
    for (const element of elements) await settled(element);
    return elements;
  }

  it('each keeps its own choice in the URL, through a reload and Back', async () => {
    let [first, second] = await openPage();
    await choose(first, '#arrangement-adoption');
    expect(chosen(second)).to.equal('');
    expect(new URL(location.href).searchParams.get('kinship-arrangement.borough')).to.equal('adoption');

    [first, second] = await openPage(); // reload
    expect([chosen(first), chosen(second)]).to.deep.equal(['adoption', '']);

    await choose(second, '#arrangement-private_fostering');
    expect([chosen(first), chosen(second)]).to.deep.equal(['adoption', 'private_fostering']);
    history.back();
    await oneEvent(window, 'popstate');
    await Promise.all([first.updateComplete, second.updateComplete]);
    expect([chosen(first), chosen(second)]).to.deep.equal(['adoption', '']);
    await expect(first).to.be.accessible();
  });

  it('without ids, by the offer\'s slug; a shared link with the plain names still works for a single offer', async () => {
    history.replaceState(null, '', '?kinship-arrangement=adoption');
    const [single] = await openPage(['']);
    expect(chosen(single)).to.equal('adoption');
    await choose(single, '#arrangement-private_fostering');
    expect(location.search).to.equal('?kinship-arrangement=private_fostering');
  });
});

describe('attributes', () => {
  it('support-types holds whatever a shared link, Back or the reader choose', async () => {
    const education = offer.services.filter((s: any) => s.supportTypes.some((t: any) => t.code === 'education'));
    history.replaceState(null, '', '?kinship-support=financial_support');
    const element = await settled(await mount('offer="example-borough" support-types="education"'));
    expect(serviceTitles(element)).to.have.members(education.map((s: any) => s.title));
    expect(text(shadow(element).querySelector('[part="status"]'))).to.equal(`${education.length} services`);

    history.pushState(null, '', '?kinship-support=financial_support,legal_support');
    history.pushState(null, '', location.pathname);
    history.back();
    await oneEvent(window, 'popstate');
    await element.updateComplete;
    expect(serviceTitles(element)).to.have.members(education.map((s: any) => s.title));
    expect(shadow(element).querySelector('#support-financial_support')).to.equal(null);
  });

  it('support-types restricts what a school or housing page shows', async () => {
    const element = await settled(await mount('offer="example-borough" support-types="accommodation"'));
    const expected = offer.services.filter((s: any) => s.supportTypes.some((t: any) => t.code === 'accommodation'));
    expect(serviceTitles(element)).to.have.members(expected.map((s: any) => s.title));
  });

  it('view="contact" shows only the named contact; view="services" the named contact, filters and services, no sections', async () => {
    const contact = await settled(await mount('offer="example-borough" view="contact"'));
    expect([...shadow(contact).querySelectorAll('h2')].map((h) => text(h))).to.deep.equal(['Contact Kinship Support Team']);
    const services = await settled(await mount('offer="example-borough" view="services"'));
    const headings = [...shadow(services).querySelectorAll('h2')].map((h) => text(h));
    expect(headings).to.deep.equal(['Contact Kinship Support Team', 'What is your arrangement?', 'Support and services']);
    expect(shadow(services).querySelector('[part="section"]')).to.equal(null);
    await expect(services).to.be.accessible();
  });

  it('renders every documented part: contact, filters, status, service, section; and error when it fails', async () => {
    const element = await settled(await mount('offer="example-borough"'));
    for (const part of ['contact', 'filters', 'status', 'service', 'section']) expect(shadow(element).querySelector(`[part="${part}"]`), part).to.exist;
    network.restore();
    network = fakeNetwork(() => json({ errors: [{ message: 'down' }] }, 500));
    const failed = await settled(await mount('offer="example-borough"'));
    expect(shadow(failed).querySelector('[part="error"]')).to.exist;
    await expect(element).to.be.accessible();
  });

  it('heading-level fits the host page\'s outline', async () => {
    const element = await settled(await mount('offer="example-borough" heading-level="3"'));
    expect(shadow(element).querySelector('h2')).to.equal(null);
    expect(text(shadow(element).querySelector('h3'))).to.equal('Contact Kinship Support Team');
    expect(shadow(element).querySelector('[part="service"] h5')).to.exist;
    await expect(element).to.be.accessible();
  });

  it('an unknown arrangement code is explained to readers and to the web team', async () => {
    const element = await settled(await mount('offer="example-borough" arrangement="grandparents"'));
    expect(text(shadow(element).querySelector('[role="note"]'))).to.contain('"grandparents" is not an arrangement this offer knows');
    expect(serviceTitles(element)).to.have.length(offer.services.length);
    expect(warnings.some((w) => w.includes('unknown arrangement "grandparents"'))).to.equal(true);
  });

  it('bad support-types, view and heading-level fall back to defaults with a console warning', async () => {
    const element = await settled(await mount('offer="example-borough" support-types="cake" view="everything" heading-level="9"'));
    expect(serviceTitles(element)).to.have.length(offer.services.length);
    expect(shadow(element).querySelector('h2')).to.exist;
    expect(warnings.join('\n')).to.contain('unknown support-types cake').and.contain('unknown view "everything"').and.contain('heading-level must be 1 to 6');
  });

  it('reloads when the offer attribute changes', async () => {
    const element = await settled(await mount('offer="example-borough"'));
    offer = { ...offer, name: 'Another Council', slug: 'another', contactName: 'Another Team' };
    element.offer = 'another';
    await oneEvent(element, 'kinship-offer-load');
    await element.updateComplete;
    expect(text(shadow(element).querySelector('[part="contact"] h2'))).to.equal('Contact Another Team');
    expect(JSON.parse(new URL(network.requests[1]).searchParams.get('variables')!)).to.deep.equal({ slug: 'another' });
  });

  it('asks for the content locale given by lang, as given', async () => {
    await settled(await mount('offer="example-borough" lang="cy"'));
    expect(JSON.parse(new URL(network.requests[0]).searchParams.get('variables')!)).to.deep.equal({ slug: 'example-borough', locale: 'cy' });
    await settled(await mount('offer="example-borough" lang="en-GB"'));
    expect(JSON.parse(new URL(network.requests[1]).searchParams.get('variables')!)).to.deep.equal({ slug: 'example-borough', locale: 'en-GB' });
  });
});

describe('a lang attribute as content management systems write it', () => {
  it('shows the offer for lang="en_GB" and "EN-gb", with British dates', async () => {
    for (const lang of ['en_GB', 'EN-gb']) {
      const element = await settled(await mount(`offer="example-borough" lang="${lang}"`));
      expect(where(shadow(element).querySelector('[part="error"]')), lang).to.equal('nothing');
      expect(serviceTitles(element), lang).to.have.length(offer.services.length);
      expect(text(shadow(element)), lang).to.contain('This offer was last reviewed on 24 October 2026.');
    }
    expect(warnings).to.deep.equal([]);
  });

  it('writes dates in the words\' language when the CMS had not the language asked for', async () => {
    offer.locale = 'en'; // asked for Urdu, the CMS had only English
    const element = await settled(await mount('offer="example-borough" lang="ur"'));
    expect(text(shadow(element))).to.contain('This offer was last reviewed on 24 October 2026.');
  });
});

describe('on a right-to-left host page', () => {
  const page = document.documentElement;
  beforeEach(() => {
    page.lang = 'ur';
    page.dir = 'rtl';
  });
  afterEach(() => {
    page.removeAttribute('lang');
    page.removeAttribute('dir');
  });
  const root = (element: KinshipOffer) => shadow(element).querySelector<HTMLElement>('.root')!;

  it('shows English content left to right, declared English, whatever the page\'s language', async () => {
    offer.locale = 'en'; // asked for Urdu, the CMS had only English
    const element = await settled(await mount('offer="example-borough" lang="ur"'));
    expect(root(element).getAttribute('lang')).to.equal('en');
    expect(getComputedStyle(root(element)).direction).to.equal('ltr');
    expect(getComputedStyle(shadow(element).querySelector('[part="service"] p')!).direction).to.equal('ltr');
    await expect(element).to.be.accessible();
  });

  it('shows Urdu content right to left, declared Urdu', async () => {
    offer.locale = 'ur';
    const element = await settled(await mount('offer="example-borough" lang="ur"'));
    expect(root(element).getAttribute('lang')).to.equal('ur');
    expect(getComputedStyle(shadow(element).querySelector('[part="contact"]')!).direction).to.equal('rtl');
  });

  it('before there is content, declares the element\'s own words\' language (English unless the host translated them)', async () => {
    network.restore();
    network = fakeNetwork(() => Promise.reject(new TypeError('Failed to fetch')));
    const element = await settled(await mount('offer="example-borough"'));
    expect(root(element).getAttribute('lang')).to.equal('en');
    expect(getComputedStyle(root(element)).direction).to.equal('ltr');
    element.strings = { lang: 'ur', retry: 'دوبارہ کوشش کریں' };
    await element.updateComplete;
    expect(root(element).getAttribute('lang')).to.equal('ur');
    expect(getComputedStyle(root(element)).direction).to.equal('rtl');
  });
});

describe('odd but real offers', () => {
  it('an offer published before any service says none are listed yet, not "no services match your choices"', async () => {
    offer.services = [];
    const element = await settled(await mount('offer="example-borough"'));
    expect(text(shadow(element))).to.contain('No services are listed here yet.');
    expect(text(shadow(element))).not.to.contain('No services match your choices.');
    expect([...shadow(element).querySelectorAll('button')].map((button) => text(button))).not.to.include('Clear all choices');
    await expect(element).to.be.accessible();
  });

  it('a service open to no arrangement named yet shows no empty "Open to" line', async () => {
    offer.services = [{ ...offer.services[0], arrangementTypes: [] }];
    const element = await settled(await mount('offer="example-borough"'));
    const details = shadow(element).querySelector('details')!;
    details.open = true;
    await oneEvent(details, 'toggle');
    await element.updateComplete;
    expect(text(details)).to.contain('Cost');
    expect([...details.querySelectorAll('dt')].map((term) => text(term))).not.to.include('Open to');
  });
});

describe('rich text from the CMS', () => {
  it('renders structure, never HTML, and links only safe schemes', async () => {
    offer.generalApproach = [
      { type: 'paragraph', children: [{ type: 'text', text: '<img src=x onerror=alert(1)>', bold: true }] },
      { type: 'paragraph', children: [{ type: 'link', url: 'javascript:alert(1)', children: [{ type: 'text', text: 'bad link' }] }] },
      { type: 'paragraph', children: [{ type: 'link', url: 'https://www.example.gov.uk/a', children: [{ type: 'text', text: 'good link' }] }] },
      { type: 'list', format: 'ordered', children: [{ type: 'list-item', children: [{ type: 'text', text: 'first' }] }] },
      { type: 'heading', level: 2, children: [{ type: 'text', text: 'A heading in the text' }] },
    ];
    const element = await settled(await mount('offer="example-borough"'));
    const approach = [...shadow(element).querySelectorAll('section')].find((s) => text(s.querySelector('h2')) === 'Our approach')!;
    expect(approach.querySelector('img')).to.equal(null);
    expect(text(approach.querySelector('strong'))).to.equal('<img src=x onerror=alert(1)>');
    expect([...approach.querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.deep.equal(['https://www.example.gov.uk/a']);
    expect(text(approach)).to.contain('bad link');
    expect(approach.querySelector('ol li')).to.exist;
    expect(approach.querySelector('[role="heading"][aria-level="3"]')).to.exist;
  });
});

describe('when things go wrong', () => {
  const failures: Array<[string, () => Response | Promise<Response>, string]> = [
    ['the CMS answers 500', () => new Response('oops', { status: 500 }), 'http'],
    ['the CMS answers HTML', () => new Response('<html>Bad gateway</html>', { status: 200 }), 'format'],
    ['the JSON is cut short', () => new Response('{"data":{"kinshipOffer":{"name":"Ex', { status: 200 }), 'format'],
    ['GraphQL reports errors', () => json({ errors: [{ message: 'Forbidden access' }] }), 'graphql'],
    ['the CMS is down', () => Promise.reject(new TypeError('Failed to fetch')), 'network'],
  ];

  /** Errors that escape into the host page: there must be none. */
  const escaped: string[] = [];
  const onError = (event: ErrorEvent) => escaped.push(event.message);
  const onRejection = (event: PromiseRejectionEvent) => escaped.push(String(event.reason));
  beforeEach(() => {
    escaped.length = 0;
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
  });
  afterEach(() => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  });

  for (const [what, respond, kind] of failures) {
    it(`shows the fallback, a plain message and a retry when ${what}`, async () => {
      network.restore();
      network = fakeNetwork(respond);
      const failed = oneEvent(document, 'kinship-offer-error');
      const element = await settled(await mount('offer="example-borough"'));
      const error = await failed;
      expect(error.detail.kind).to.equal(kind);
      const panel = shadow(element).querySelector('[part="error"]')!;
      expect(text(panel)).to.contain('The kinship local offer could not be loaded');
      expect(panel.querySelector('slot')).to.exist; // the web team's fallback link and phone number
      expect(shadow(element).querySelector('button')).to.exist;
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('could not show the offer "example-borough"');
      expect(escaped).to.deep.equal([]);
      await expect(element).to.be.accessible();
    });
  }

  it('reports nothing of a load the browser cut off as the reader left the page, and loads when the page is shown again', async () => {
    let cutOff: (error: Error) => void = () => {};
    network.restore();
    network = fakeNetwork(() => (network.requests.length === 1 ? new Promise<Response>((_, reject) => (cutOff = reject)) : json({ data: { kinshipOffer: offer } })));
    const element = await mount('offer="example-borough"');
    dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));
    cutOff(new TypeError('Failed to fetch')); // as Chromium ends the fetches of a page it unloads
    await tick();
    expect(warnings).to.deep.equal([]); // a host's error monitoring hears nothing
    expect(shadow(element).querySelector('[part="error"]')).to.equal(null);
    dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true })); // back from the back-forward cache
    await settled(element);
    expect(shadow(element).querySelector('[part="contact"]')).to.exist;
    expect(network.requests).to.have.length(2);
    expect(escaped).to.deep.equal([]);
  });

  it('loads in a browser without AbortSignal.any or AbortSignal.timeout (Safari before 17.4: iPadOS 16)', async () => {
    const kept = { any: (AbortSignal as any).any, timeout: AbortSignal.timeout };
    delete (AbortSignal as any).any;
    delete (AbortSignal as any).timeout;
    try {
      const element = await settled(await mount('offer="example-borough"'));
      expect(shadow(element).querySelector('[part="contact"]')).to.exist;
      expect(shadow(element).querySelector('[part="error"]')).to.not.exist;
    } finally {
      Object.assign(AbortSignal, kept);
    }
  });

  it('gives up on a CMS that does not answer within 10 seconds, and says so', async function () {
    this.timeout(20_000);
    network.restore();
    network = fakeNetwork(() => new Promise<Response>(() => {}));
    const failed = oneEvent(document, 'kinship-offer-error');
    const started = performance.now();
    const element = await mount('offer="example-borough"');
    const error = await failed;
    expect(error.detail.kind).to.equal('timeout');
    expect(performance.now() - started).to.be.greaterThan(9_000);
    await settled(element);
    expect(shadow(element).querySelector('[part="error"] slot')).to.exist;
    expect(warnings[0]).to.contain('did not answer within 10 s');
    expect(escaped).to.deep.equal([]);
  });

  it('"Try again" keeps the keyboard user\'s place: on "Loading", then on the offer or the error', async () => {
    let respond: (response: Response | Promise<Response>) => void = () => {};
    network.restore();
    network = fakeNetwork(() => (network.requests.length === 1 ? Promise.reject(new TypeError('Failed to fetch')) : new Promise((resolve) => (respond = resolve))));
    const element = await settled(await mount('offer="example-borough"'));
    await pressEnter([...shadow(element).querySelectorAll('button')].find((b) => text(b) === 'Try again')!, element);
    expect(focused(element)).to.equal('p "Loading the kinship local offer…"');
    respond(Promise.reject(new TypeError('Failed to fetch')));
    await settled(element);
    await tick();
    expect(focused(element)).to.equal('h2 "The kinship local offer could not be loaded"');

    await pressEnter([...shadow(element).querySelectorAll('button')].find((b) => text(b) === 'Try again')!, element);
    respond(json({ data: { kinshipOffer: offer } }));
    await settled(element);
    await tick();
    expect(focused(element)).to.equal(where(shadow(element).querySelector('[part="contact"] h2')));
    await expect(element).to.be.accessible();
  });

  it('recovers on retry once the CMS is back', async () => {
    let up = false;
    network.restore();
    network = fakeNetwork(() => (up ? json({ data: { kinshipOffer: offer } }) : new Response('', { status: 503 })));
    const element = await settled(await mount('offer="example-borough"'));
    up = true;
    shadow(element).querySelector<HTMLButtonElement>('button')!.click();
    await oneEvent(element, 'kinship-offer-load');
    await settled(element);
    expect(serviceTitles(element)).to.have.length(offer.services.length);
  });

  it('says an unknown offer is not available, without a retry', async () => {
    network.restore();
    network = fakeNetwork(() => json({ data: { kinshipOffer: null } }));
    const element = await settled(await mount('offer="no-such-council"'));
    expect(text(shadow(element).querySelector('[part="error"] h2'))).to.equal('This kinship local offer is not available.');
    expect(shadow(element).querySelector('button')).to.equal(null);
    expect(warnings[0]).to.contain('there is no published offer "no-such-council"');
  });

  for (const endpoint of ['https://[bad', 'javascript:alert(1)']) {
    it(`names the malformed endpoint ${endpoint} in the console and asks nothing of the network`, async () => {
      const container = document.createElement('div');
      document.body.append(container);
      container.innerHTML = `<kinship-offer offer="example-borough" endpoint="${endpoint}">Fallback</kinship-offer>`;
      const element = container.firstElementChild as any;
      await settled(element);
      expect(network.requests).to.have.length(0);
      expect(warnings[0]).to.contain(`"${endpoint}" is not a valid GraphQL endpoint URL`);
      expect(text(shadow(element).querySelector('[part="error"]'))).to.contain('could not be loaded');
      container.remove();
    });
  }

  it('keeps the fallback on screen while loading, and reserves space', async () => {
    network.restore();
    network = fakeNetwork(() => new Promise(() => {}));
    const element = await mount('offer="example-borough"');
    await element.updateComplete;
    const loading = shadow(element).querySelector('.loading')!;
    expect(text(loading)).to.contain('Loading the kinship local offer');
    expect(loading.querySelector('slot')).to.exist;
    expect(loading.getBoundingClientRect().height).to.be.greaterThan(200);
    await expect(element).to.be.accessible();
  });
});

describe('reflow at 320 px (WCAG 1.4.10)', () => {
  const email = 'kinshipcarersadviceandsupport@examplemetropolitanborough.gov.uk';
  const url = `https://www.examplemetropolitanborough.gov.uk/${'kinshipcarersadviceandsupport'.repeat(3)}`;
  const word = 'Kinshipcarersadviceandsupportinexamplemetropolitanborough';
  const blocks = [
    { type: 'heading', level: 2, children: [{ type: 'text', text: word }] },
    { type: 'paragraph', children: [{ type: 'text', text: `${word} ` }, { type: 'link', url, children: [{ type: 'text', text: url }] }] },
    { type: 'list', format: 'unordered', children: [{ type: 'list-item', children: [{ type: 'text', text: email, code: true }] }] },
    { type: 'quote', children: [{ type: 'text', text: word }] },
  ];
  before(() => setViewport({ width: 320, height: 640 }));
  after(() => setViewport({ width: 800, height: 600 }));
  const overflow = () => document.documentElement.scrollWidth - document.documentElement.clientWidth;

  it('never scrolls sideways, with long unbroken words in every field', async () => {
    Object.assign(offer, {
      name: word, contactName: word, contactEmail: email, contactPhone: '020 7946 0000', contactHours: word, contactUrl: url,
      generalApproach: blocks, legalFramework: blocks, financialSupportPolicy: blocks, complaints: blocks, evidenceBase: blocks,
      legalFrameworkByArrangement: { adoption: word }, accountableOfficerName: word, accountableOfficerRole: word,
      independentAdvice: [{ name: word, description: word, website: url, phone: '020 7946 0001' }],
      youSaidWeDid: [{ youSaid: word, weDid: url, date: '2026-09-14' }],
    });
    for (const term of [...offer.vocabulary.arrangementTypes, ...offer.vocabulary.supportTypes]) Object.assign(term, { label: `${term.label} ${word}`, description: word });
    offer.services = offer.services.slice(0, 3).map((service: any) => ({
      ...service,
      title: `Advice by e-mail: ${email}`, summary: url, alert: word, description: blocks, eligibility: word, howToAccess: email,
      referralUrl: url, costDescription: word, languages: ['en', word.slice(0, 8)],
      openingTimes: [{ days: ['MO'], opensAt: '09:00', closesAt: '17:00', note: word }],
      provider: { name: word, website: url }, contacts: [{ name: word, role: word, email, phone: '020 7946 0002' }],
      locations: [{ name: word, addressLine1: word, addressLine2: url, townOrCity: word, postcode: word, accessibility: word }],
    }));
    const element = await settled(await mount('offer="example-borough" arrangement="adoption"'));
    for (const details of shadow(element).querySelectorAll('details')) {
      details.open = true;
      await oneEvent(details, 'toggle');
    }
    await element.updateComplete;
    expect(shadow(element).querySelectorAll('details .details').length).to.equal(shadow(element).querySelectorAll('details').length);
    expect(overflow()).to.be.at.most(0);
  });

  it('never scrolls sideways with a long word in a notice or in the fallback', async () => {
    await settled(await mount(`offer="example-borough" arrangement="${word.repeat(2)}"`));
    expect(overflow()).to.be.at.most(0);
    network.restore();
    network = fakeNetwork(() => Promise.reject(new TypeError('Failed to fetch')));
    const failed = await settled(await mount('offer="example-borough"'));
    failed.append(Object.assign(document.createElement('a'), { href: url, textContent: url }));
    expect(overflow()).to.be.at.most(0);
  });
});

describe('printing', () => {
  const openOne = async (element: KinshipOffer) => {
    const details = shadow(element).querySelectorAll('details')[1];
    details.open = true;
    await oneEvent(details, 'toggle');
    await element.updateComplete;
  };
  const complete = (details: HTMLDetailsElement[]) => details.every((d) => d.open && d.querySelector('.details'));

  it('prints every service complete when the page is in print media, however printing started', async () => {
    const element = await settled(await mount('offer="example-borough"'));
    await openOne(element);
    const details = [...shadow(element).querySelectorAll('details')];
    await emulateMedia({ media: 'print' });
    try {
      await waitUntil(() => complete(details), 'the details did not open for print media');
      const content = details[0].querySelector<HTMLElement>('.details')!;
      expect(content.getBoundingClientRect().height).to.be.greaterThan(0);
      expect(text(content)).to.contain('Cost');
      expect(getComputedStyle(details[0].querySelector('.feedback')!).display).to.equal('none');
    } finally {
      await emulateMedia({ media: 'screen' });
    }
    await waitUntil(() => !details[0].open, 'the details did not close after print media');
    expect(details.map((d) => d.open)).to.deep.equal(details.map((_, i) => i === 1));
  });


  it('prints every service complete from the host page\'s own button calling print(), and restores the reader\'s choice', async () => {
    const element = await settled(await mount('offer="example-borough"'));
    await openOne(element);
    const details = [...shadow(element).querySelectorAll('details')];
    // A listener added after the element's sees what print() lays out (headless Chromium prints
    // nothing itself, and never fires afterprint). That print() pauses the page, which then cannot
    // prepare templates, shows only on a fresh page: see test/e2e/example-pages.test.ts.
    let printed: boolean | undefined;
    const whatPrints = () => (printed = complete(details));
    window.addEventListener('beforeprint', whatPrints);
    const button = Object.assign(document.createElement('button'), { textContent: 'Print this page' });
    button.setAttribute('onclick', 'print()');
    document.body.append(button);
    try {
      button.focus();
      await sendKeys({ press: 'Enter' }); // a real press: the browser, not a script, starts print()
    } finally {
      button.remove();
      window.removeEventListener('beforeprint', whatPrints);
      window.dispatchEvent(new Event('afterprint'));
    }
    expect(printed).to.equal(true);
    await element.updateComplete;
    expect(details.map((d) => d.open)).to.deep.equal(details.map((_, i) => i === 1));
  });

  it('opens every service\'s details for print and closes them after', async () => {
    const element = await settled(await mount('offer="example-borough"'));
    const details = [...shadow(element).querySelectorAll('details')];
    window.dispatchEvent(new Event('beforeprint'));
    await element.updateComplete;
    expect(details.every((d) => d.open && d.querySelector('.details'))).to.equal(true);
    window.dispatchEvent(new Event('afterprint'));
    await element.updateComplete;
    expect(details.some((d) => d.open)).to.equal(false);
  });
});
