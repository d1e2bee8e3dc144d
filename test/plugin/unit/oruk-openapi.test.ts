/**
 * The OpenAPI document a directory's validator reads from the feed's root (oruk/openapi): the UK
 * profile's own, with only the changes that say what this feed answers. (Against a real Strapi and
 * the profile's validator mocks: oruk.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import profile from '../../../plugin/server/src/oruk/standards/openapi30.json';
import { openapiDocument } from '../../../plugin/server/src/oruk/openapi';
import { DATE_TIME_FORMS, MAX_PER_PAGE } from '../../../plugin/server/src/oruk/query';

const BASE = 'https://cms.example-borough.gov.uk/api/kinship-offer/oruk/example-borough';
const refs = (parameters: Array<{ $ref: string }>) => parameters.map((parameter) => parameter.$ref.replace('#/components/parameters/', ''));
const PROFILE = structuredClone(profile) as any;

describe("the feed's OpenAPI document", () => {
  it('names the feed\'s own base as its only server', () => {
    expect(openapiDocument(BASE).servers).toEqual([{ url: BASE, description: expect.stringContaining('Open Referral UK 3.0') }]);
  });

  it('offers no postcode or proximity search of service_at_locations (the feed has no postcode geography), and every other parameter the profile lists, with modified_after', () => {
    const listed = refs(openapiDocument(BASE).paths['/service_at_locations'].get.parameters);
    const profiles = refs(PROFILE.paths['/service_at_locations'].get.parameters);
    expect(listed).toEqual([...profiles.filter((name) => name !== 'postcode' && name !== 'proximity'), 'modified_after']);
    expect(profiles).toContain('postcode');
  });

  it('lets /services be pulled incrementally too (modified_after, which the profile defines but does not list there)', () => {
    expect(refs(openapiDocument(BASE).paths['/services'].get.parameters)).toEqual([...refs(PROFILE.paths['/services'].get.parameters), 'modified_after']);
  });

  it('answers /service_at_locations/{id} with a service_at_location, where the profile names a service', () => {
    const schema = (document: any) => document.paths['/service_at_locations/{id}'].get.responses['200'].content['application/json'].schema.$ref;
    expect(schema(PROFILE)).toMatch(/\/compiled\/service\.json$/);
    expect(schema(openapiDocument(BASE))).toBe(schema(PROFILE).replace(/service\.json$/, 'service_at_location.json'));
  });

  it("states the forms its times take and the page size's bounds", () => {
    const { modified_after: modifiedAfter, start_time: startTime, end_time: endTime, per_page: perPage } = openapiDocument(BASE).components.parameters;
    expect(modifiedAfter.schema).toEqual({ type: 'string', format: 'date-time' });
    expect(modifiedAfter.description).toContain(DATE_TIME_FORMS);
    for (const time of [startTime, endTime]) {
      expect(time.schema).toEqual({ type: 'string', example: '09:00' });
      expect(time.description).toContain('HH:MM');
    }
    expect(perPage.schema).toEqual({ type: 'integer', minimum: 1, maximum: MAX_PER_PAGE, default: 1000 });
  });

  it("changes nothing else of the profile's, and leaves the profile as it was for the next feed", () => {
    const document = openapiDocument(BASE);
    expect(Object.keys(document.paths)).toEqual(Object.keys(PROFILE.paths));
    expect(document.paths['/taxonomies']).toEqual(PROFILE.paths['/taxonomies']);
    openapiDocument('https://other.example.org/oruk');
    expect(profile).toEqual(PROFILE);
    expect(openapiDocument(BASE)).toEqual(document);
  });
});
