/**
 * Several <kinship-offer> elements on one page, for each way their choices in the URL are scoped
 * (widget/src/url-state): without ids (by each offer's slug), with ids on some only, the same offer
 * twice told apart by an id, and an id given after the element started. A choice in one never
 * changes another, and each finds its own again on a reload.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { KinshipOffer } from '../../widget/src/kinship-offer';
import { ENDPOINT, fakeNetwork, json, recorded, settled, shadow, type FakeNetwork } from './support';

let network: FakeNetwork;

beforeEach(async () => {
  const offer = (await recorded()).data.kinshipOffer;
  // Any slug gets the recorded offer, under that slug.
  network = fakeNetwork((url) => {
    const { slug } = JSON.parse(url.searchParams.get('variables') ?? '{}');
    return json({ data: { kinshipOffer: { ...structuredClone(offer), slug } } });
  });
  history.replaceState(null, '', location.pathname);
});
afterEach(() => {
  network.restore();
  document.querySelector('#offers')?.remove();
  history.replaceState(null, '', location.pathname);
});

type Spec = { id?: string; offer: string };

/** The page with these elements: opened, or opened again as a reload would. */
async function openPage(specs: Spec[]): Promise<KinshipOffer[]> {
  document.querySelector('#offers')?.remove();
  const page = document.createElement('div');
  page.id = 'offers';
  page.innerHTML = specs.map(({ id, offer }) => `<kinship-offer ${id ? `id="${id}"` : ''} endpoint="${ENDPOINT}" offer="${offer}">Fallback</kinship-offer>`).join('');
  await fixture(html`${page}`);
  const elements = [...page.querySelectorAll<KinshipOffer>('kinship-offer')];
  for (const element of elements) await settled(element);
  return elements;
}

const choose = async (element: KinshipOffer, code: string) => {
  shadow(element).querySelector<HTMLInputElement>(`#arrangement-${code}`)!.click();
  await element.updateComplete;
};
const chosen = (elements: KinshipOffer[]) => elements.map((element) => shadow(element).querySelector<HTMLInputElement>('input[name="kinship-arrangement"]:checked')?.value ?? '');
const parameters = () => [...new URL(location.href).searchParams.keys()].sort();

describe('several offers on one page, in the URL', () => {
  it('without ids: each by its offer\'s slug', async () => {
    const specs = [{ offer: 'example-borough' }, { offer: 'example-shared-service' }];
    let elements = await openPage(specs);
    await choose(elements[0], 'adoption');
    await choose(elements[1], 'private_fostering');
    expect(parameters()).to.deep.equal(['kinship-arrangement.example-borough', 'kinship-arrangement.example-shared-service']);
    expect(chosen(elements)).to.deep.equal(['adoption', 'private_fostering']);
    elements = await openPage(specs);
    expect(chosen(elements)).to.deep.equal(['adoption', 'private_fostering']);
  });

  it('with an id on one only: the same offer twice, one by its id and one by its slug', async () => {
    const specs = [{ id: 'borough', offer: 'example-borough' }, { offer: 'example-borough' }];
    let elements = await openPage(specs);
    await choose(elements[0], 'adoption');
    expect(chosen(elements)).to.deep.equal(['adoption', '']);
    expect(parameters()).to.deep.equal(['kinship-arrangement.borough']);
    await choose(elements[1], 'private_fostering');
    expect(parameters()).to.deep.equal(['kinship-arrangement.borough', 'kinship-arrangement.example-borough']);
    elements = await openPage(specs);
    expect(chosen(elements)).to.deep.equal(['adoption', 'private_fostering']);
  });

  it('the same offer twice with ids: each by its id', async () => {
    const specs = [{ id: 'first', offer: 'example-borough' }, { id: 'second', offer: 'example-borough' }];
    let elements = await openPage(specs);
    await choose(elements[1], 'adoption');
    expect(chosen(elements)).to.deep.equal(['', 'adoption']);
    expect(parameters()).to.deep.equal(['kinship-arrangement.second']);
    elements = await openPage(specs);
    expect(chosen(elements)).to.deep.equal(['', 'adoption']);
  });

  it('an id given after the element started: its next choice is kept under the id, and the other\'s is left alone', async () => {
    const elements = await openPage([{ offer: 'example-borough' }, { offer: 'example-shared-service' }]);
    await choose(elements[1], 'kinship_foster_care');
    elements[0].id = 'borough';
    await choose(elements[0], 'adoption');
    expect(new URL(location.href).searchParams.get('kinship-arrangement.borough')).to.equal('adoption');
    expect(new URL(location.href).searchParams.get('kinship-arrangement.example-shared-service')).to.equal('kinship_foster_care');
    expect(chosen(elements)).to.deep.equal(['adoption', 'kinship_foster_care']);
    const reloaded = await openPage([{ id: 'borough', offer: 'example-borough' }, { offer: 'example-shared-service' }]);
    expect(chosen(reloaded)).to.deep.equal(['adoption', 'kinship_foster_care']);
  });

  it('the only offer on a page: the plain names, as older links use', async () => {
    let elements = await openPage([{ id: 'borough', offer: 'example-borough' }]);
    await choose(elements[0], 'adoption');
    expect(parameters()).to.deep.equal(['kinship-arrangement']);
    elements = await openPage([{ id: 'borough', offer: 'example-borough' }]);
    expect(chosen(elements)).to.deep.equal(['adoption']);
  });
});
