/**
 * A host page (or a script on it) that defined its own `kinship-offer` before ours loaded: readers
 * keep the fallback, and the council's web team is told why in the console, once.
 */
import { expect } from '@open-wc/testing';

it('says in the console that the element name was taken, rather than failing silently', async () => {
  customElements.define('kinship-offer', class extends HTMLElement {});
  const warnings: string[] = [];
  const realWarn = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
  try {
    await import('../../widget/src/kinship-offer');
  } finally {
    console.warn = realWarn;
  }
  expect(warnings).to.deep.equal(['<kinship-offer>: another script defined this element first; the offer cannot show.']);
});
