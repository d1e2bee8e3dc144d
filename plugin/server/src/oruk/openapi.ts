/**
 * The OpenAPI document the feed's root names as `openapi_url`: the UK profile's own
 * (./standards/openapi30.json, HSDS-UK 3.0, CC BY-SA 4.0), so the validator tests the feed against
 * the profile, with the changes that say what this feed is:
 * - `servers`: the feed's base, absolute;
 * - `/services` and `/service_at_locations` also take `modified_after` (the profile defines it, for
 *   incremental pulls);
 * - `per_page` states its default and maximum; `modified_after`, `start_time` and `end_time` say
 *   which forms they take (./query);
 * - `/service_at_locations` does not take `postcode` or `proximity`: the feed has no postcode
 *   geography to answer them with (it ignores them, as HSDS allows for parameters it does not know);
 * - `/service_at_locations/{id}` answers a service_at_location (compiled/service_at_location.json),
 *   as the profile's description of it and the national validator's own mock
 *   (V3.0-UK-Default/service_at_location_full.json) have it, where the profile's `$ref` names
 *   compiled/service.json.
 */
import profile from './standards/openapi30.json';
import { DATE_TIME_FORMS, DEFAULT_PER_PAGE, MAX_PER_PAGE } from './query';

/** The document for a feed whose base is `base` (absolute, no trailing slash). */
export function openapiDocument(base: string) {
  const document = structuredClone(profile) as any;
  document.servers = [{ url: base, description: 'Open Referral UK 3.0 feed of a kinship local offer' }];
  const atLocations = document.paths['/service_at_locations'].get;
  atLocations.parameters = atLocations.parameters.filter((parameter: { $ref: string }) => !/\/(postcode|proximity)$/.test(parameter.$ref));
  const atLocation = document.paths['/service_at_locations/{id}'].get.responses['200'].content['application/json'].schema;
  atLocation.$ref = atLocation.$ref.replace('compiled/service.json', 'compiled/service_at_location.json');
  for (const path of ['/services', '/service_at_locations']) document.paths[path].get.parameters.push({ $ref: '#/components/parameters/modified_after' });
  const { modified_after: modifiedAfter, start_time: startTime, end_time: endTime } = document.components.parameters;
  modifiedAfter.schema = { type: 'string', format: 'date-time' };
  modifiedAfter.description = `Return all results modified on or after this instant: ${DATE_TIME_FORMS}.`;
  for (const time of [startTime, endTime]) time.schema = { type: 'string', example: '09:00' };
  startTime.description = 'Return services open at or after this local time of day (HH:MM or HH:MM:SS, 24-hour clock, no offset).';
  endTime.description = 'Return services that close at or before this local time of day (HH:MM or HH:MM:SS, 24-hour clock, no offset).';
  document.components.parameters.per_page.schema = { type: 'integer', minimum: 1, maximum: MAX_PER_PAGE, default: DEFAULT_PER_PAGE };
  return document;
}
