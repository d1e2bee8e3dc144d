/**
 * The OpenAPI document the feed's root names as `openapi_url`: the UK profile's own
 * (./standards/openapi30.json, HSDS-UK 3.0, CC BY-SA 4.0), so the validator tests the feed against
 * the profile, with four changes that say what this feed is:
 * - `servers`: the feed's base, absolute;
 * - `/services` also takes `modified_after` (the profile defines it, for incremental pulls);
 * - `per_page` states its default and maximum;
 * - `/service_at_locations` is left out: this feed does not answer it (the profile makes it optional).
 */
import profile from './standards/openapi30.json';
import { DEFAULT_PER_PAGE, MAX_PER_PAGE } from './query';

/** The document for a feed whose base is `base` (absolute, no trailing slash). */
export function openapiDocument(base: string) {
  const document = structuredClone(profile) as any;
  document.servers = [{ url: base, description: 'Open Referral UK 3.0 feed of a kinship local offer' }];
  delete document.paths['/service_at_locations'];
  delete document.paths['/service_at_locations/{id}'];
  document.paths['/services'].get.parameters.push({ $ref: '#/components/parameters/modified_after' });
  document.components.parameters.per_page.schema = { type: 'integer', minimum: 1, maximum: MAX_PER_PAGE, default: DEFAULT_PER_PAGE };
  return document;
}
