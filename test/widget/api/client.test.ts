import { expect } from '@open-wc/testing';
import { cmsAddress, resolveEndpoint } from '../../../widget/src/api/client';

describe('the addresses the widget derives', () => {
  it('finds the GraphQL endpoint beside the script, under the path a proxy serves the CMS at', () => {
    const endpoint = (script: string) => resolveEndpoint('', script).href;
    expect(endpoint('https://cms.example.gov.uk/api/kinship-offer/widget.js')).to.equal('https://cms.example.gov.uk/graphql');
    expect(endpoint('https://www.example.gov.uk/cms/api/kinship-offer/widget.js?v=abc')).to.equal('https://www.example.gov.uk/cms/graphql');
    expect(endpoint('https://www.example.gov.uk/a/b/api/kinship-offer/widget.js')).to.equal('https://www.example.gov.uk/a/b/graphql');
  });

  it('sends feedback to the CMS that serves the endpoint, under the same path', () => {
    const feedback = (endpoint: string) => cmsAddress(new URL(endpoint), 'api/kinship-offer/feedback').href;
    expect(feedback('https://cms.example.gov.uk/graphql')).to.equal('https://cms.example.gov.uk/api/kinship-offer/feedback');
    expect(feedback('https://www.example.gov.uk/cms/graphql')).to.equal('https://www.example.gov.uk/cms/api/kinship-offer/feedback');
    expect(feedback('https://www.example.gov.uk/cms/graphql/')).to.equal('https://www.example.gov.uk/cms/api/kinship-offer/feedback');
    expect(feedback('https://www.example.gov.uk/cms/graphql?x=1')).to.equal('https://www.example.gov.uk/cms/api/kinship-offer/feedback');
  });
});
