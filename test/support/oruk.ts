/**
 * The Open Referral UK 3.0 check, as the national validator makes it: each response of a feed
 * against the UK profile's JSON schemas (test/fixtures/oruk-3.0, vendored from the profile) with
 * ajv, a standard JSON-schema validator, formats included (uuid, uri, email, date-time).
 *
 * - the root: the profile's `/` response, with what the validator insists on (version
 *   "HSDS-UK-3.0", profile and openapi_url present, both absolute URIs);
 * - a Page (`/services`, `/service_at_locations`, `/taxonomies`, `/taxonomy_terms`): the OpenAPI
 *   `Page` with every field present, and each item against its schema (compiled/service_list.json,
 *   compiled/service_at_location_list.json, taxonomy.json, …);
 * - a full service: compiled/service.json; a service at a location: compiled/service_at_location.json;
 *   a taxonomy, a term: taxonomy.json, taxonomy_term.json.
 *
 * The schemas carry annotations ajv does not know (`constraints`, `core`, `example`,
 * `datapackage_metadata`): `strict: false` lets them pass as annotations, as the validator does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';

const require = createRequire(__filename);
const Ajv2020 = require('ajv/dist/2020').default as typeof import('ajv/dist/2020').default;
const addFormats = require('ajv-formats').default as typeof import('ajv-formats').default;

export const STANDARDS = path.resolve(__dirname, '../fixtures/oruk-3.0');
const SCHEMA_BASE = 'https://oruk.test/schema/';

const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

export type OrukKind =
  | 'root'
  | 'service'
  | 'service_page'
  | 'service_at_location'
  | 'service_at_location_page'
  | 'taxonomy'
  | 'taxonomy_page'
  | 'taxonomy_term'
  | 'taxonomy_term_page'
  | 'organization'
  | 'organization_page';

export interface CheckResult {
  valid: boolean;
  errors: string[];
}

/** One checker for every kind of response; schemas compiled once. */
export function orukChecker() {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  const add = (folder: string, prefix: string) => {
    for (const file of readdirSync(folder).filter((name) => name.endsWith('.json'))) {
      ajv.addSchema({ ...readJson(path.join(folder, file)), $id: `${SCHEMA_BASE}${prefix}${file}` });
    }
  };
  add(path.join(STANDARDS, 'schema'), '');
  add(path.join(STANDARDS, 'schema/compiled'), 'compiled/');

  // The profile's OpenAPI Page, every field required (the validator reads them all).
  const page = (itemSchema: string) => ({
    type: 'object',
    required: ['total_items', 'total_pages', 'page_number', 'size', 'first_page', 'last_page', 'empty', 'contents'],
    properties: {
      total_items: { type: 'integer' },
      total_pages: { type: 'integer' },
      page_number: { type: 'integer' },
      size: { type: 'integer' },
      first_page: { type: 'boolean' },
      last_page: { type: 'boolean' },
      empty: { type: 'boolean' },
      contents: { type: 'array', items: { $ref: `${SCHEMA_BASE}${itemSchema}` } },
    },
  });
  const schemas: Record<OrukKind, object> = {
    root: {
      type: 'object',
      required: ['version', 'profile', 'openapi_url'],
      properties: {
        version: { const: 'HSDS-UK-3.0' },
        profile: { type: 'string', format: 'uri' },
        openapi_url: { type: 'string', format: 'uri' },
      },
    },
    service: { $ref: `${SCHEMA_BASE}compiled/service.json` },
    service_page: page('compiled/service_list.json'),
    service_at_location: { $ref: `${SCHEMA_BASE}compiled/service_at_location.json` },
    service_at_location_page: page('compiled/service_at_location_list.json'),
    taxonomy: { $ref: `${SCHEMA_BASE}taxonomy.json` },
    taxonomy_page: page('taxonomy.json'),
    taxonomy_term: { $ref: `${SCHEMA_BASE}taxonomy_term.json` },
    taxonomy_term_page: page('taxonomy_term.json'),
    organization: { $ref: `${SCHEMA_BASE}compiled/organization.json` },
    organization_page: page('compiled/organization_list.json'),
  };
  const validators = Object.fromEntries(Object.entries(schemas).map(([kind, schema]) => [kind, ajv.compile(schema)])) as Record<OrukKind, ValidateFunction>;

  return (kind: OrukKind, response: unknown): CheckResult => {
    const validate = validators[kind];
    const valid = validate(response) as boolean;
    return { valid, errors: (validate.errors ?? []).map((error: ErrorObject) => `${error.instancePath || '/'} ${error.message}`) };
  };
}

/** Which schema each validator mock answers to, by file name. */
export const MOCK_KINDS: Record<string, OrukKind> = {
  'api_details.json': 'root',
  'service_full.json': 'service',
  'service_list.json': 'service_page',
  'service_at_location_full.json': 'service_at_location',
  'service_at_location_list.json': 'service_at_location_page',
  'taxonomy.json': 'taxonomy',
  'taxonomy_list.json': 'taxonomy_page',
  'taxonomy_term.json': 'taxonomy_term',
  'taxonomy_term_list.json': 'taxonomy_term_page',
  'organization_list.json': 'organization_page',
};

export const readMock = (set: 'V3.0-UK-Default' | 'V3.0-UK-Fail', file: string) => readJson(path.join(STANDARDS, 'validator-mocks', set, file));
