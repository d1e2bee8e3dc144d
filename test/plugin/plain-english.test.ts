/**
 * The plain-English check through the admin API against a real Strapi: the offer page's list of
 * what to improve (the editor's drafts, field by field), the side panel's check of a form as it is
 * typed, a council's own abbreviations, and bad requests refused with a 4xx. Advice only: saving
 * text that breaks every rule still works.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCms, type TestCms } from '../support/cms';
import { editorToken } from '../support/editor';

let cms: TestCms;
let token: string;
beforeAll(async () => void (token = await editorToken((cms = await startCms()))));
afterAll(async () => cms?.stop());

const headers = () => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });
const report = async (documentId: string) => ((await (await fetch(`${cms.url}/kinship-offer/plain-english/${documentId}`, { headers: headers() })).json()) as any).data;
const check = (body: unknown, auth = true) =>
  fetch(`${cms.url}/kinship-offer/plain-english/check`, { method: 'POST', headers: auth ? headers() : { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
const HARD = 'We will utilise the resources available to the authority to facilitate the provision of comprehensive assistance to kinship carers with an SGO.';

describe('the offer page\'s plain-English list', () => {
  it('finds nothing to improve in the demo offer', async () => {
    const borough = await cms.strapi.documents('plugin::kinship-offer.offer').findFirst({ filters: { slug: 'example-borough' } });
    expect(await report(borough!.documentId)).toEqual({ offer: [], services: [] });
  });

  it('lists a draft service\'s field with what to improve, once saved (saving is never blocked)', async () => {
    const borough = await cms.strapi.documents('plugin::kinship-offer.offer').findFirst({ filters: { slug: 'example-borough' } });
    const services = cms.strapi.documents('plugin::kinship-offer.service');
    const navigators = await services.findFirst({ filters: { title: 'Kinship navigators' } });
    await services.update({ documentId: navigators!.documentId, data: { eligibility: HARD } as any });
    const { offer, services: flagged } = await report(borough!.documentId);
    expect(offer).toEqual([]);
    expect(flagged).toEqual([
      {
        documentId: navigators!.documentId,
        title: 'Kinship navigators',
        fields: [{ field: 'eligibility', label: expect.any(String), issues: expect.arrayContaining([expect.objectContaining({ rule: 'words-to-avoid', excerpt: 'utilise' })]) }],
      },
    ]);
    expect(new Set(flagged[0].fields[0].issues.map((issue: any) => issue.rule))).toEqual(new Set(['reading-age', 'words-to-avoid', 'abbreviation']));
  });
});

describe('the side panel\'s check of a form', () => {
  it('gives every prose field of the values with its issues, and reads rich text and per-arrangement texts', async () => {
    const response = await check({
      data: {
        kind: 'offer',
        values: {
          name: 'Example Borough Council',
          contactEmail: 'utilise@example.gov.uk',
          complaints: [{ type: 'paragraph', children: [{ type: 'text', text: HARD }] }],
          legalFrameworkByArrangement: { special_guardianship_order: 'An SGO lasts until the child is 18.' },
        },
      },
    });
    expect(response.status).toBe(200);
    const { data } = (await response.json()) as any;
    expect(data.map((field: any) => [field.field, field.issues.map((issue: any) => issue.rule)])).toEqual([
      ['name', []],
      ['legalFrameworkByArrangement.special_guardianship_order', ['abbreviation']],
      ['complaints', ['reading-age', 'words-to-avoid', 'words-to-avoid', 'abbreviation']],
    ]);
  });

  it('flags a council\'s own abbreviation once it is added to the settings', async () => {
    const values = { data: { kind: 'service', values: { summary: 'Your KSP says what help you get.' } } };
    expect(((await (await check(values)).json()) as any).data[0].issues).toEqual([]);
    cms.strapi.config.set('plugin::kinship-offer.plainEnglish.abbreviations', { KSP: 'kinship support plan' });
    try {
      expect(((await (await check(values)).json()) as any).data[0].issues).toEqual([
        expect.objectContaining({ rule: 'abbreviation', excerpt: 'KSP', suggestion: 'kinship support plan (KSP)' }),
      ]);
    } finally {
      cms.strapi.config.set('plugin::kinship-offer.plainEnglish.abbreviations', {});
    }
  });

  it.each([
    ['no kind', { data: { values: {} } }, 400],
    ['an unknown kind', { data: { kind: 'organisation', values: {} } }, 400],
    ['values that are not an object', { data: { kind: 'offer', values: ['text'] } }, 400],
    ['no data', {}, 400],
    ['JSON that does not parse', '{"data": {', 400],
    ['too much text', { data: { kind: 'offer', values: { generalApproach: 'word '.repeat(50_000) } } }, 413],
  ])('refuses %s', async (_what, body, status) => {
    const response = await check(body);
    expect(response.status).toBe(status);
    expect(((await response.json()) as any).error.message).toEqual(expect.any(String));
  });

  it('is for editors only', async () => {
    expect((await check({ data: { kind: 'offer', values: {} } }, false)).status).toBe(401);
    expect((await fetch(`${cms.url}/kinship-offer/plain-english/anything`)).status).toBe(401);
  });
});
