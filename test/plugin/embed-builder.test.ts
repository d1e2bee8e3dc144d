/**
 * The embed builder's addresses (GET /kinship-offer/embed-choices/:documentId), against a real
 * Strapi with the demo: made from the CMS's public URL (`server.url`) and the configured `pages`
 * path, whatever address the editor reached the admin at; what oEmbed and the link card answer
 * for the same page; admin only. The builder itself, in Chromium: test/e2e/admin-pages.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCms, type TestCms } from '../support/cms';
import { editorToken } from '../support/editor';

const OFFER = 'plugin::kinship-offer.offer';
const PUBLIC_URL = 'https://www.example.gov.uk/cms';

let cms: TestCms;
let token: string;

beforeAll(async () => {
  cms = await startCms();
  token = await editorToken(cms);
});
afterAll(async () => cms?.stop());

async function choices(documentId: string, auth = true) {
  const response = await fetch(`${cms.url}/kinship-offer/embed-choices/${documentId}`, { headers: auth ? { authorization: `Bearer ${token}` } : {} });
  return { status: response.status, body: (await response.json()) as any };
}

const documentIdOf = async (slug: string) => (await cms.strapi.documents(OFFER).findFirst({ filters: { slug } }))!.documentId;

describe('the embed builder\'s addresses', () => {
  it('start at server.url and the configured pages path, not at the address the admin was reached at', async () => {
    cms.strapi.config.set('server.url', PUBLIC_URL);
    cms.strapi.config.set('plugin::kinship-offer.pages', '/family-support');
    try {
      const documentId = await documentIdOf('example-borough');
      const { status, body } = await choices(documentId);
      expect(status).toBe(200);
      expect(body.data.documentId).toBe(documentId);
      const { publicUrl, widgetScript, page } = body.data;
      expect(publicUrl).toBe(PUBLIC_URL);
      expect(widgetScript).toBe(`${PUBLIC_URL}/api/kinship-offer/widget.js`);
      expect(page.url).toBe(`${PUBLIC_URL}/family-support/example-borough`);
      expect(page.embed).toBe(`${PUBLIC_URL}/family-support/example-borough/embed`);
      expect(page.resizeScript).toBe(`${PUBLIC_URL}/family-support/assets/resize.js`);
      expect(JSON.stringify(body)).not.toContain(cms.url);

      // The pasted link's result and the link card are what the public routes answer for that page.
      const url = encodeURIComponent(page.url);
      const oembed = await (await fetch(`${cms.url}/api/kinship-offer/oembed?url=${url}`)).json();
      expect(page.oembed).toEqual({ html: oembed.html, width: oembed.width, height: oembed.height, title: oembed.title });
      expect(page.linkCard).toEqual(await (await fetch(`${cms.url}/api/kinship-offer/link-card?url=${url}`)).json());
      expect(page.linkCard.html).toContain(`href="${PUBLIC_URL}/family-support/example-borough"`);
    } finally {
      cms.strapi.config.set('server.url', '');
      cms.strapi.config.set('plugin::kinship-offer.pages', '/kinship-offer');
    }
  });

  it('give no page for an offer never published, nor where the app serves no pages, and say why', async () => {
    const draft = await cms.strapi.documents(OFFER).create({ data: { name: 'Example Draft Council', slug: 'example-draft-only' } as any });
    const unpublished = await choices(draft.documentId);
    expect(unpublished.status).toBe(200);
    expect(unpublished.body.data).toMatchObject({ page: null, noPage: 'unpublished', widgetScript: `${cms.url}/api/kinship-offer/widget.js`, offerViewBase: `${cms.url}/api/kinship-offer/view/` });

    cms.strapi.config.set('plugin::kinship-offer.pages', false);
    try {
      expect((await choices(await documentIdOf('example-borough'))).body.data).toMatchObject({ page: null, noPage: 'pages-off' });
    } finally {
      cms.strapi.config.set('plugin::kinship-offer.pages', '/kinship-offer');
    }
  });

  it('are for editors only: 401 without a token, 404 for an offer that does not exist', async () => {
    expect((await choices(await documentIdOf('example-borough'), false)).status).toBe(401);
    expect((await choices('nosuchofferdocumentid00')).status).toBe(404);
  });

  it('are refused to every token that is not an admin session, and to a role that may not read offers (403)', async () => {
    const documentId = await documentIdOf('example-borough');
    const asBearer = (bearer: string, id = documentId) => fetch(`${cms.url}/kinship-offer/embed-choices/${id}`, { headers: { authorization: `Bearer ${bearer}` } });
    // A Content API token (full access to the API, none to the admin), a forged session, none.
    const apiToken = (await cms.strapi.service('admin::api-token').create({ name: 'Full access', type: 'full-access', lifespan: null })).accessKey;
    const [, payload] = token.split('.');
    for (const bearer of [apiToken, `${token.slice(0, -2)}xx`, `eyJhbGciOiJub25lIn0.${payload}.`, '']) expect((await asBearer(bearer)).status, bearer.slice(0, 12)).toBe(401);
    // A role that may read and edit services, but not offers.
    const role = await cms.strapi.service('admin::role').create({ name: 'Services only', description: 'No offers' });
    await cms.strapi.service('admin::role').assignPermissions(role.id, [
      { action: 'plugin::content-manager.explorer.read', subject: 'plugin::kinship-offer.service' },
      { action: 'plugin::content-manager.explorer.update', subject: 'plugin::kinship-offer.service' },
    ]);
    const login = { email: 'services-only@example.gov.uk', password: 'Services-Only-2026' };
    await cms.strapi.service('admin::user').create({ ...login, firstname: 'Sol', lastname: 'Services', isActive: true, roles: [role.id] });
    const session = ((await (await fetch(`${cms.url}/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(login) })).json()) as any).data.token;
    const refused = await asBearer(session);
    expect(refused.status).toBe(403);
    expect(JSON.stringify(await refused.json())).not.toContain('example-borough');
    // Odd ids from an editor: a 404, never a 500 (a NUL: nul-in-address.test.ts).
    for (const id of ['..', '%2e%2e', 'x'.repeat(5000), encodeURIComponent("' OR 1=1 --")]) expect((await asBearer(token, id)).status, id.slice(0, 12)).toBe(404);
  });
});
