import { expect } from '@open-wc/testing';
import { EMPTY_FILTERS, filterServices, readFilters, searchTextOf, writeFilters } from '../../widget/src/filters';
import { recorded } from './support';

describe('keyword search', () => {
  let services: any[];
  let labels: Map<string, string>;
  before(async () => {
    const offer = (await recorded()).data.kinshipOffer;
    services = offer.services;
    labels = new Map(offer.vocabulary.supportTypes.map((term: any) => [term.code, term.label]));
  });
  const found = (query: string) => filterServices(services, { ...EMPTY_FILTERS, query }, (service) => searchTextOf(service, labels)).length;

  it('finds a postcode however a reader spaces or cases it', () => {
    expect(found('EB2 3CD')).to.equal(7);
    for (const typed of ['EB23CD', 'eb23cd', 'eb2 3cd', 'Eb2  3cD', '  EB2 3CD  ', 'EB2\u00a03CD']) expect(found(typed), typed).to.equal(7);
  });

  it('finds a postcode district or part of a postcode', () => {
    expect(found('EB2')).to.be.greaterThanOrEqual(7);
    expect(found('eb23')).to.equal(7);
    expect(found('EB4')).to.be.greaterThanOrEqual(1);
    expect(found('EB9')).to.equal(0);
  });

  it('takes extra spaces between words as one', () => {
    expect(found('  virtual   school ')).to.equal(found('virtual school')).and.to.be.greaterThan(0);
  });
});

describe('choices in the URL', () => {
  const state = { arrangement: 'adoption', supportTypes: ['education', 'legal_support'], query: 'school' };

  it('uses the plain names for the only offer on a page, as older links do', () => {
    const url = writeFilters('https://www.example.gov.uk/kinship?page=2#top', state);
    expect(url).to.equal('https://www.example.gov.uk/kinship?page=2&kinship-arrangement=adoption&kinship-support=education%2Clegal_support&kinship-q=school#top');
    expect(readFilters(new URL(url).search)).to.deep.equal(state);
  });

  it('qualifies the names when a page has several, so each offer keeps its own', () => {
    const url = writeFilters(writeFilters('https://www.example.gov.uk/', state, 'borough'), EMPTY_FILTERS, 'shared');
    expect(new URL(url).searchParams.get('kinship-arrangement.borough')).to.equal('adoption');
    expect(readFilters(new URL(url).search, 'borough')).to.deep.equal(state);
    expect(readFilters(new URL(url).search, 'shared')).to.deep.equal({});
    expect(readFilters(new URL(url).search)).to.deep.equal({});
  });
});
