/**
 * The partner's form (plugin/server/src/partners) against what an attacker, a broken client or
 * bad luck sends it: bodies of every wrong kind, each field as anything but one string, characters
 * no database keeps, the hostile payloads (../e2e/hostile-payloads) in every field, and links whose
 * service has since become a draft, been unpublished, deleted or moved. Each is a clear 4xx page or
 * a stored proposal of exactly what was typed, never a 500, never a draft's content; and an editor
 * cannot accept a proposal whose service is gone, and loses nothing trying.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { formValuesOf } from '../../plugin/server/src/partners/form';
import { PROPOSAL_TABLE } from '../../plugin/server/src/partners/service';
import { hostilePayloads } from '../e2e/hostile-payloads';
import { startCms, type TestCms } from '../support/cms';
import { editorToken } from '../support/editor';
import { partnerLink } from '../support/partner-link';

const SERVICE = 'plugin::kinship-offer.service';
const OFFER = 'plugin::kinship-offer.offer';
let cms: TestCms;
let token: string;

beforeAll(async () => {
  cms = await startCms();
  cms.strapi.config.set('plugin::kinship-offer.partnerFormPerMinute', 1_000_000);
  token = await editorToken(cms);
}, 120_000);
afterAll(async () => cms?.stop());

const knex = () => cms.strapi.db.connection;

/** A fresh link to the service: the form's address. */
const linkTo = async (documentId: string) => (await partnerLink(cms, documentId)).url;

const admin = (path: string, init: RequestInit = {}) =>
  fetch(`${cms.url}/kinship-offer${path}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers } });

const postRaw = (url: string, body: string | FormData, contentType?: string) =>
  fetch(url, { method: 'POST', headers: contentType ? { 'content-type': contentType } : {}, body });

const post = (url: string, fields: Record<string, string>) => postRaw(url, new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded');

const pending = async (documentId: string) => ((await (await admin(`/proposals?service=${documentId}`)).json()) as any).data as any[];

async function publishedService(title: string) {
  return (await cms.strapi.documents(SERVICE).findFirst({ filters: { title }, status: 'published' })) as any;
}

describe('a body the form never sends', () => {
  let documentId: string;
  let url: string;
  let shown: Record<string, string>;
  beforeAll(async () => {
    ({ documentId } = await publishedService('Kinship navigators'));
    shown = formValuesOf(await publishedService('Kinship navigators'));
  });
  beforeEach(async () => {
    url = await linkTo(documentId);
  });
  afterEach(async () => {
    await knex()(PROPOSAL_TABLE).where({ service_document_id: documentId }).delete();
  });

  /** A 4xx HTML page, nothing stored, the link still open. */
  async function refusedKeepingTheLink(response: Response, label: string) {
    expect(response.status, label).toBeGreaterThanOrEqual(400);
    expect(response.status, label).toBeLessThan(500);
    expect(await pending(documentId), label).toEqual([]);
    expect((await fetch(url)).status, label).toBe(200);
  }

  it.each([
    ['plain text', 'action=propose&name=Sam&title=New', 'text/plain'],
    ['XML', '<form><action>propose</action></form>', 'application/xml'],
    ['no content type', 'action=propose&name=Sam&title=New', undefined],
    ['broken JSON', '{"action":', 'application/json'],
    ['JSON that is not an object', '["propose"]', 'application/json'],
    ['JSON null', 'null', 'application/json'],
    ['a broken escape', 'action=propose&name=%E0%A4%A&title=New', 'application/x-www-form-urlencoded'],
    ['a body far over any field', `action=propose&name=Sam&note=${'n'.repeat(3_000_000)}`, 'application/x-www-form-urlencoded'],
  ])('%s: a 4xx, never a 500; nothing stored, the link still opens', async (label, body, type) => {
    await refusedKeepingTheLink(await postRaw(url, body, type), label);
  });

  it('multipart, as a form with another enctype posts: read as the form', async () => {
    const form = new FormData();
    for (const [name, value] of Object.entries({ ...shown, action: 'confirm', name: 'Sam Partner' })) form.append(name, value);
    const response = await postRaw(url, form);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('your service is confirmed');
  });

  it.each([
    ['a field sent twice', 'title=First&title=Second', 'title'],
    ['a field as a list', 'title[]=First&title[]=Second', 'title'],
    ['a field as an object', 'title[a]=First', 'title'],
    ['a name sent twice', 'name=Sam&name=Alex', 'name'],
    ['a note as an object', 'note[$ne]=1', 'note'],
  ])('%s: 422, the problem beside that field, nothing stored', async (_label, fields, field) => {
    const typed = new URLSearchParams({ ...shown, action: 'propose', name: 'Sam Partner', note: 'Moved' });
    for (const name of new URLSearchParams(fields).keys()) typed.delete(name.replace(/\[.*$/, ''));
    const response = await postRaw(url, `${typed}&${fields}`, 'application/x-www-form-urlencoded');
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toMatch(new RegExp(`id="field-${field}-error"[^>]*>.*(once|as text)`, 's'));
    await refusedKeepingTheLink(response, fields);
  });

  it('an action sent twice, or as a list: 400', async () => {
    for (const fields of ['action=propose&action=confirm', 'action[]=propose']) {
      const response = await postRaw(url, `${fields}&name=Sam`, 'application/x-www-form-urlencoded');
      expect(response.status, fields).toBe(400);
    }
    expect((await fetch(url)).status).toBe(200);
  });

  it.each([
    ['NUL', 'Kinship\u0000navigators'],
    ['another control character', 'Kinship\u0007navigators'],
    ['a C1 control character', 'Kinship\u0085navigators'],
  ])('%s in a field, a name or a note: 422 beside that field, which shows what was typed; nothing stored', async (_label, value) => {
    for (const field of ['title', 'summary', 'name', 'note']) {
      const response = await post(url, { ...shown, action: 'propose', name: 'Sam Partner', note: 'Moved', [field]: value });
      expect(response.status, field).toBe(422);
      expect(await response.text(), field).toMatch(new RegExp(`id="field-${field}-error"`));
    }
    expect(await pending(documentId)).toEqual([]);
  });

  it('a name, a note and fields of the longest allowed length, with tabs and new lines, are stored as typed', async () => {
    const summary = `Line one\nLine two\twith a tab ${'s'.repeat(360)}`.slice(0, 400);
    const name = 'N'.repeat(200);
    const note = 'Ŵ'.repeat(2000);
    const response = await post(url, { ...shown, action: 'propose', name, note, summary });
    expect(response.status).toBe(200);
    const [proposal] = await pending(documentId);
    expect(proposal).toMatchObject({ proposedBy: name, note });
    expect(proposal.changes.find((change: any) => change.field === 'summary').proposed).toBe(summary);
  });
});

describe('the hostile payloads in every field of the form', () => {
  const PAYLOADS = hostilePayloads();
  const TEXT_FIELDS = ['title', 'summary', 'eligibility', 'howToAccess', 'costDescription', 'alert'] as const;

  it(`${PAYLOADS.length} payloads: each stored exactly as typed (trimmed), or refused with a 422 naming the field; never a 500`, async () => {
    const { documentId } = await publishedService('Kinship carers\' support group');
    const shown = formValuesOf(await publishedService('Kinship carers\' support group'));
    const problems: string[] = [];
    for (const [index, payload] of PAYLOADS.entries()) {
      const url = await linkTo(documentId);
      const typed = { ...shown, action: 'propose', name: payload, note: payload, referralUrl: payload, minimumAge: payload, ...Object.fromEntries(TEXT_FIELDS.map((field) => [field, payload])) };
      const response = await post(url, typed);
      const html = await response.text();
      if (response.status === 200) {
        const [proposal] = await pending(documentId);
        const stored: Record<string, unknown> = Object.fromEntries(proposal.changes.map((change: any) => [change.field, change.proposed]));
        for (const field of TEXT_FIELDS) if (stored[field] !== payload.trim()) problems.push(`${index} ${field}: stored ${JSON.stringify(stored[field])}`);
        if (proposal.proposedBy !== payload.trim() || proposal.note !== payload.trim()) problems.push(`${index}: name or note not as typed`);
        await knex()(PROPOSAL_TABLE).where({ id: proposal.id }).delete();
      } else if (response.status === 422) {
        if (!html.includes('There is a problem')) problems.push(`${index}: 422 without the error summary`);
        if ((await pending(documentId)).length) problems.push(`${index}: stored though refused`);
      } else problems.push(`${index}: ${response.status}`);
    }
    expect(problems).toEqual([]);
  }, 300_000);
});

describe('a link whose service has changed since it was sent', () => {
  /** A published service of its own, in the demo's offer, for each case. */
  async function newService(title: string) {
    const offer = (await cms.strapi.documents(OFFER).findFirst({ filters: { slug: 'example-borough' }, status: 'published' }))!;
    const created = await cms.strapi.documents(SERVICE).create({ data: { title, summary: 'A service for this test', cost: 'free', offers: { connect: [offer.documentId] } } as any });
    await cms.strapi.documents(SERVICE).publish({ documentId: created.documentId });
    return created.documentId;
  }

  const refusedWith = async (url: string, status: number, heading: string) => {
    for (const response of [await fetch(url), await post(url, { action: 'confirm', name: 'Sam Partner' })]) {
      expect(response.status).toBe(status);
      const html = await response.text();
      expect(html).toContain(`<h1>${heading}</h1>`);
      expect(html).not.toMatch(/Secret draft/);
    }
  };

  it('unpublished (a draft only): refused with a page that shows nothing of the draft', async () => {
    const documentId = await newService('Unpublished since');
    const url = await linkTo(documentId);
    await cms.strapi.documents(SERVICE).update({ documentId, data: { title: 'Secret draft title' } as any });
    await cms.strapi.documents(SERVICE).unpublish({ documentId });
    await refusedWith(url, 404, 'This service is not published');
  });

  it('never published: refused the same way', async () => {
    const { documentId } = await cms.strapi.documents(SERVICE).create({ data: { title: 'Secret draft only', summary: 'x', cost: 'free' } as any });
    await refusedWith(await linkTo(documentId), 404, 'This service is not published');
  });

  it('deleted: refused the same way', async () => {
    const documentId = await newService('Deleted since');
    const url = await linkTo(documentId);
    await cms.strapi.documents(SERVICE).delete({ documentId });
    await refusedWith(url, 404, 'This service is not published');
  });

  it('with a draft edit waiting: the form, its error page and its thanks show the published service, never the draft', async () => {
    const documentId = await newService('Published name');
    const url = await linkTo(documentId);
    await cms.strapi.documents(SERVICE).update({ documentId, data: { title: 'Secret draft title', summary: 'Secret draft summary', alert: 'Secret draft alert' } as any });
    const form = await (await fetch(url)).text();
    expect(form).toContain('value="Published name"');
    const published = formValuesOf((await cms.strapi.documents(SERVICE).findOne({ documentId, status: 'published' })) as any);
    const error = await (await post(url, { ...published, action: 'propose', name: '' })).text();
    const thanks = await (await post(url, { ...published, action: 'confirm', name: 'Sam Partner' })).text();
    for (const html of [form, error, thanks]) expect(html).not.toMatch(/Secret draft/);
  });

  it('in an offer that is itself a draft, or whose name has a draft edit: the council named is only ever a published one', async () => {
    const documentId = await newService('Moved service');
    const url = await linkTo(documentId);
    const draftOffer = await cms.strapi.documents(OFFER).create({ data: { name: 'Secret draft council', slug: 'secret-draft-council', services: { connect: [documentId] } } as any });
    const demo = (await cms.strapi.documents(OFFER).findFirst({ filters: { slug: 'example-borough' }, status: 'published' }))!;
    await cms.strapi.documents(OFFER).update({ documentId: demo.documentId, data: { name: 'Secret draft rename' } as any });
    await cms.strapi.documents(SERVICE).publish({ documentId });
    try {
      const form = await (await fetch(url)).text();
      expect(form).toContain('value="Moved service"');
      expect(form).not.toMatch(/Secret draft/);
    } finally {
      await cms.strapi.documents(OFFER).delete({ documentId: draftOffer.documentId });
      await cms.strapi.documents(OFFER).discardDraft({ documentId: demo.documentId });
    }
  });
});

describe('an editor accepting a proposal', () => {
  async function proposalFor(title: string) {
    const offer = (await cms.strapi.documents(OFFER).findFirst({ filters: { slug: 'example-borough' }, status: 'published' }))!;
    const { documentId } = await cms.strapi.documents(SERVICE).create({ data: { title, summary: 'A service for this test', cost: 'free', offers: { connect: [offer.documentId] } } as any });
    await cms.strapi.documents(SERVICE).publish({ documentId });
    const url = await linkTo(documentId);
    const shown = formValuesOf((await cms.strapi.documents(SERVICE).findOne({ documentId, status: 'published' })) as any);
    expect((await post(url, { ...shown, action: 'propose', name: 'Sam Partner', alert: 'Closed in August' })).status).toBe(200);
    const [proposal] = await pending(documentId);
    return { documentId, id: proposal.id as string };
  }

  it('of a service deleted since is refused with a clear message, and the proposal still waits', async () => {
    const { documentId, id } = await proposalFor('Deleted before review');
    await cms.strapi.documents(SERVICE).delete({ documentId });
    const refused = await admin(`/proposals/${id}/accept`, { method: 'POST', body: '{}' });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as any).error.message).toMatch(/deleted/);
    expect(await cms.strapi.documents(SERVICE).findOne({ documentId })).toBeNull();
    // Nothing lost: still waiting, and an editor may still decline it.
    expect((await pending(documentId)).map((proposal) => proposal.id)).toEqual([id]);
    expect((await admin(`/proposals/${id}/decline`, { method: 'POST', body: JSON.stringify({ data: { reason: 'The service has closed.' } }) })).status).toBe(200);
  });

  it('of a service unpublished since goes into its draft', async () => {
    const { documentId, id } = await proposalFor('Unpublished before review');
    await cms.strapi.documents(SERVICE).unpublish({ documentId });
    expect((await admin(`/proposals/${id}/accept`, { method: 'POST', body: '{}' })).status).toBe(200);
    expect(((await cms.strapi.documents(SERVICE).findOne({ documentId, status: 'draft' })) as any).alert).toBe('Closed in August');
  });

  it('and another deciding it at the same moment: one decides, the other is told it is decided, and the draft holds the proposal only if it was accepted', async () => {
    for (const [first, second] of [['accept', 'decline'], ['decline', 'accept'], ['accept', 'accept']]) {
      const { documentId, id } = await proposalFor(`Decided at once (${first}, ${second})`);
      const decide = (action: string) =>
        admin(`/proposals/${id}/${action}`, { method: 'POST', body: action === 'decline' ? JSON.stringify({ data: { reason: 'Not yet.' } }) : '{}' }).then((response) => response.status);
      const statuses = await Promise.all([decide(first), decide(second)]);
      expect([...statuses].sort(), `${first} and ${second}`).toEqual([200, 404]);
      const [row] = await knex()(PROPOSAL_TABLE).where({ id });
      const accepted = row.status === 'accepted';
      expect(row.status).toBe(first === second ? 'accepted' : [first, second][statuses.indexOf(200)] === 'accept' ? 'accepted' : 'declined');
      const draft = (await cms.strapi.documents(SERVICE).findOne({ documentId, status: 'draft' })) as any;
      expect(draft.alert, `${first} and ${second}`).toBe(accepted ? 'Closed in August' : null);
    }
  });

  it('with an id that is not a proposal\'s: a 4xx, never a 500', async () => {
    for (const id of ['not-an-id', 'x'.repeat(5000), encodeURIComponent("' OR 1=1 --")]) {
      expect((await admin(`/proposals/${id}/accept`, { method: 'POST', body: '{}' })).status, id.slice(0, 20)).toBe(404);
    }
    // No id holds a NUL: refused before any lookup (nul-in-address.test.ts).
    expect((await admin('/proposals/%00/accept', { method: 'POST', body: '{}' })).status).toBe(400);
  });
});
