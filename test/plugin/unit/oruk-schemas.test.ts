/**
 * The check the feed's tests rely on (test/support/oruk.ts) is itself checked: it passes the
 * national validator's own passing responses (validator-mocks/V3.0-UK-Default) and fails its
 * failing ones (V3.0-UK-Fail) for the reasons they were made to fail.
 */
import { describe, expect, it } from 'vitest';
import { MOCK_KINDS, orukChecker, readMock } from '../../support/oruk';

const check = orukChecker();

describe('the Open Referral UK 3.0 check', () => {
  it.each(Object.entries(MOCK_KINDS))('passes the validator\'s passing %s', (file, kind) => {
    expect(check(kind, readMock('V3.0-UK-Default', file))).toEqual({ valid: true, errors: [] });
  });

  it.each([
    ['api_details.json', /\/ must have required property 'profile'|\/openapi_url must match format "uri"/],
    ['service_full.json', /\/url must match format "uri"|\/email must match format "email"/],
    ['service_list.json', /\/contents\/0 must have required property 'name'/],
    ['taxonomy_term.json', /must have required property 'description'|\/term_uri must match format "uri"/],
  ])('fails the validator\'s failing %s, saying why', (file, reason) => {
    const result = check(MOCK_KINDS[file], readMock('V3.0-UK-Fail', file));
    expect(result.valid).toBe(false);
    expect(result.errors.join('\n')).toMatch(reason);
  });

  it('fails exactly the failing mocks that break the schemas (the others fail the validator on paging, not shape)', () => {
    const failing = Object.entries(MOCK_KINDS)
      .filter(([file, kind]) => !check(kind, readMock('V3.0-UK-Fail', file)).valid)
      .map(([file]) => file);
    expect(failing.sort()).toEqual(['api_details.json', 'service_full.json', 'service_list.json', 'taxonomy_term.json']);
  });

  it('fails a service at a location whose location has no location_type, or whose service has no name', () => {
    const full = readMock('V3.0-UK-Default', 'service_at_location_full.json');
    const { location_type: _, ...location } = full.location;
    expect(check('service_at_location', { ...full, location }).errors).toContain("/location must have required property 'location_type'");
    const page = readMock('V3.0-UK-Default', 'service_at_location_list.json');
    const { name: __, ...service } = page.contents[0].service;
    expect(check('service_at_location_page', { ...page, contents: [{ ...page.contents[0], service }] }).errors).toContain("/contents/0/service must have required property 'name'");
  });

  it('fails a root without the version the validator looks for', () => {
    const root = readMock('V3.0-UK-Default', 'api_details.json');
    expect(check('root', { ...root, version: '1.0' }).valid).toBe(false);
  });

  it('fails a Page without its counts', () => {
    const { total_items: _, ...page } = readMock('V3.0-UK-Default', 'service_list.json');
    expect(check('service_page', page).errors).toContain("/ must have required property 'total_items'");
  });
});
