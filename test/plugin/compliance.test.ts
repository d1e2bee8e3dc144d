/**
 * The compliance report as editors get it from the admin API: every offer with its score and
 * review status, and for one offer the checklist and the coverage map. Editors only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN, startCms, type TestCms } from '../support/cms';

let cms: TestCms;
let token: string;

beforeAll(async () => {
  cms = await startCms();
  const login = await fetch(`${cms.url}/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(DEMO_ADMIN) });
  token = ((await login.json()) as any).data.token;
});
afterAll(async () => cms?.stop());

const asEditor = (path: string) => fetch(`${cms.url}/kinship-offer${path}`, { headers: { authorization: `Bearer ${token}` } });

describe('the compliance report in the admin API', () => {
  it('lists every offer with its score and what to do next', async () => {
    const { data } = (await (await asEditor('/compliance')).json()) as any;
    const borough = data.find((o: any) => o.slug === 'example-borough');
    expect(borough).toMatchObject({ name: 'Example Borough Council', reviewOverdue: false, score: expect.any(Number) });
    expect(borough.score).toBeGreaterThanOrEqual(95);
    const shared = data.find((o: any) => o.slug === 'example-shared-service');
    expect(shared.score).toBeLessThan(borough.score); // five services cannot cover every type
    expect(shared.nextSteps.length).toBeGreaterThan(0);
  });

  it('gives one offer\'s checklist and coverage map, counting published services only', async () => {
    const offer = await cms.strapi.documents('plugin::kinship-offer.offer').findFirst({ filters: { slug: 'example-shared-service' } });
    const before = ((await (await asEditor(`/compliance/${offer!.documentId}`)).json()) as any).data;
    expect(before.published).toBe(true);
    expect(before.supportTypes.find((s: any) => s.key === 'support:therapeutic_support')).toMatchObject({ ok: false, todo: 'Publish a service for therapeutic support.' });
    expect(before.coverage.financial_support.special_guardianship_order).toBe(1);

    // A draft service does not count until it is published.
    const services = cms.strapi.documents('plugin::kinship-offer.service');
    const therapyType = await cms.strapi.documents('plugin::kinship-offer.support-type').findFirst({ filters: { code: 'therapeutic_support' } });
    const therapy = await services.create({
      data: { title: 'Family therapy', summary: 'Therapy for the whole family', cost: 'free', supportTypes: [therapyType!.documentId], lastReviewedAt: new Date().toISOString().slice(0, 10) } as any,
    });
    await cms.strapi.documents('plugin::kinship-offer.offer').update({ documentId: offer!.documentId, data: { services: { connect: [therapy.documentId] } } as any });
    expect(((await (await asEditor(`/compliance/${offer!.documentId}`)).json()) as any).data.supportTypes.find((s: any) => s.key === 'support:therapeutic_support').ok).toBe(false);

    await services.publish({ documentId: therapy.documentId });
    await cms.strapi.documents('plugin::kinship-offer.offer').publish({ documentId: offer!.documentId });
    const after = ((await (await asEditor(`/compliance/${offer!.documentId}`)).json()) as any).data;
    expect(after.supportTypes.find((s: any) => s.key === 'support:therapeutic_support').ok).toBe(true);
    expect(after.score).toBeGreaterThan(before.score);
  });

  it('says per published service what directories will miss, and counts it in the summary', async () => {
    const offers = cms.strapi.documents('plugin::kinship-offer.offer');
    const services = cms.strapi.documents('plugin::kinship-offer.service');
    const offer = await offers.findFirst({ filters: { slug: 'example-shared-service' } });
    const report = async () => ((await (await asEditor(`/compliance/${offer!.documentId}`)).json()) as any).data.forDirectories;
    const summary = async () => ((await (await asEditor('/compliance')).json()) as any).data.find((o: any) => o.slug === 'example-shared-service');
    const school = await services.findFirst({ filters: { title: 'Virtual school for kinship children' }, status: 'published' });

    const before = await report();
    const gaps = before.services.find((service: any) => service.title === 'Virtual school for kinship children');
    expect(gaps.documentId).toBe(school!.documentId);
    expect(gaps.missing.map((check: any) => check.key)).toEqual(expect.arrayContaining(['directory:phone', 'directory:eligibility']));
    for (const check of gaps.missing) expect(check).toMatchObject({ ok: false, label: expect.any(String), todo: expect.any(String), field: expect.any(String) });
    // The duty line's contact has a phone and the hub a postcode: neither is listed as missing.
    const dutyLine = before.services.find((service: any) => service.title === 'Kinship duty line');
    expect((dutyLine?.missing ?? []).map((check: any) => check.key)).not.toContain('directory:phone');
    expect((await summary()).servicesIncompleteForDirectories).toBe(before.services.length);

    // Fixed in a draft, nothing changes for directories; published, the service is complete.
    const contact = await cms.strapi.documents('plugin::kinship-offer.contact').create({ data: { name: 'Virtual school duty line', phone: '020 7946 0521' } as any });
    await services.update({
      documentId: school!.documentId,
      data: { eligibility: 'Children in kinship care at a Tri-Borough school.', contacts: { connect: [contact.documentId] }, lastReviewedAt: new Date().toISOString().slice(0, 10) } as any,
    });
    expect((await report()).services.map((service: any) => service.title)).toContain('Virtual school for kinship children');
    await services.publish({ documentId: school!.documentId });
    const after = await report();
    expect(after.services.map((service: any) => service.title)).not.toContain('Virtual school for kinship children');
    expect(after.complete).toBe(before.complete + 1);
    expect((await summary()).servicesIncompleteForDirectories).toBe(before.services.length - 1);
  });

  it('answers 404 for an unknown offer, and nothing without an editor\'s login', async () => {
    expect((await asEditor('/compliance/not-an-offer')).status).toBe(404);
    expect((await fetch(`${cms.url}/kinship-offer/compliance`)).status).toBe(401);
    expect((await fetch(`${cms.url}/api/kinship-offer/compliance`)).status).toBe(404);
  });
});

describe('"Mark as reviewed today"', () => {
  const mark = (kind: string, documentId: string) =>
    fetch(`${cms.url}/kinship-offer/reviews/${kind}/${documentId}`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });

  it('records today and the editor\'s name on a service, and takes it off the overdue list once published', async () => {
    const services = cms.strapi.documents('plugin::kinship-offer.service');
    const letterbox = await services.findFirst({ filters: { title: 'Letterbox contact service' }, status: 'published' });
    const offer = await cms.strapi.documents('plugin::kinship-offer.offer').findFirst({ filters: { slug: 'example-borough' } });
    const overdue = async () =>
      ((await (await asEditor(`/compliance/${offer!.documentId}`)).json()) as any).data.overdue.services.map((s: any) => s.title);
    const today = new Date().toISOString().slice(0, 10);
    const status = async () => ((await (await asEditor(`/reviews/service/${letterbox!.documentId}`)).json()) as any).data;
    expect(await status()).toMatchObject({ overdue: true });
    const response = await mark('service', letterbox!.documentId);
    expect(response.status).toBe(200);
    expect(((await response.json()) as any).data).toMatchObject({ lastReviewedAt: today, lastReviewedBy: 'Demo Editor' });
    const dueBy = new Date();
    dueBy.setUTCMonth(dueBy.getUTCMonth() + 12);
    expect(await status()).toEqual({ documentId: letterbox!.documentId, lastReviewedAt: today, lastReviewedBy: 'Demo Editor', reviewDue: dueBy.toISOString().slice(0, 10), overdue: false });
    await services.publish({ documentId: letterbox!.documentId });
    expect(await overdue()).not.toContain('Letterbox contact service');
  });

  it('moves an overdue offer\'s next review on by twelve months', async () => {
    const offers = cms.strapi.documents('plugin::kinship-offer.offer');
    const offer = await offers.findFirst({ filters: { slug: 'example-shared-service' } });
    await offers.update({ documentId: offer!.documentId, data: { lastReviewedAt: '2024-01-01', nextReviewDue: '2025-01-01' } as any });
    const { data } = (await (await mark('offer', offer!.documentId)).json()) as any;
    const expected = new Date();
    expected.setUTCMonth(expected.getUTCMonth() + 12);
    expect(data.nextReviewDue).toBe(expected.toISOString().slice(0, 10));
  });

  it('refuses anything but an offer or a service, and anyone not signed in', async () => {
    expect((await mark('organisation', 'x')).status).toBe(400);
    expect((await mark('service', 'no-such-service')).status).toBe(404);
    expect((await fetch(`${cms.url}/kinship-offer/reviews/service/x`, { method: 'POST' })).status).toBe(401);
    expect((await fetch(`${cms.url}/kinship-offer/reviews/service/x`)).status).toBe(401);
    expect((await fetch(`${cms.url}/kinship-offer/overdue`)).status).toBe(401);
  });
});

describe('editors\' roles', () => {
  it('the plugin\'s pages follow the content-manager permissions a role already has', async () => {
    // A role that may read offers and read and edit services, and nothing else.
    const role = await cms.strapi.service('admin::role').create({ name: 'Service editor', description: 'Services only' });
    await cms.strapi.service('admin::role').assignPermissions(role.id, [
      { action: 'plugin::content-manager.explorer.read', subject: 'plugin::kinship-offer.offer' },
      { action: 'plugin::content-manager.explorer.read', subject: 'plugin::kinship-offer.service' },
      { action: 'plugin::content-manager.explorer.update', subject: 'plugin::kinship-offer.service' },
    ]);
    const login = { email: 'services@example.gov.uk', password: 'Service-Editor-2026' };
    await cms.strapi.service('admin::user').create({ ...login, firstname: 'Sam', lastname: 'Services', isActive: true, roles: [role.id] });
    const session = (await (await fetch(`${cms.url}/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(login) })).json()) as any;
    const as = (path: string, method = 'GET') => fetch(`${cms.url}/kinship-offer${path}`, { method, headers: { authorization: `Bearer ${session.data.token}` } });

    const offer = await cms.strapi.documents('plugin::kinship-offer.offer').findFirst({ filters: { slug: 'example-borough' } });
    const service = await cms.strapi.documents('plugin::kinship-offer.service').findFirst({ filters: { title: 'Kinship navigators' } });
    expect((await as('/compliance')).status).toBe(200);
    expect((await as('/overdue')).status).toBe(200);
    expect((await as(`/reviews/service/${service!.documentId}`, 'POST')).status).toBe(200);

    const offerReview = await as(`/reviews/offer/${offer!.documentId}`, 'POST');
    expect(offerReview.status).toBe(403);
    expect(((await offerReview.json()) as any).error.message).toBe('Your role cannot edit offers');
    expect((await as(`/feedback?offer=${offer!.documentId}`)).status).toBe(403);
    expect((await as('/feedback/anything', 'PUT')).status).toBe(403);
  });
});

describe('labels in the Content Manager', () => {
  const configuration = async (uid: string) =>
    ((await (await fetch(`${cms.url}/content-manager/content-types/${uid}/configuration`, { headers: { authorization: `Bearer ${token}` } })).json()) as any).data.contentType;

  it('fields have plain labels and statutory hints, and an editor\'s own wording survives a restart', async () => {
    const offer = await configuration('plugin::kinship-offer.offer');
    expect(offer.metadatas.legalFrameworkByArrangement.edit).toMatchObject({
      label: 'Legal framework for each arrangement',
      description: 'Statutory: what each arrangement means for the family, in plain language.',
    });
    expect(offer.metadatas.contactPhone.edit.label).toBe('Contact phone');
    expect(offer.metadatas.nextReviewDue.list.label).toBe('Next review due');

    const contentTypes = cms.strapi.plugin('content-manager').service('content-types');
    const stored = await contentTypes.findConfiguration({ uid: 'plugin::kinship-offer.offer' });
    stored.metadatas.contactPhone.edit.label = 'Telephone (our wording)';
    await contentTypes.updateConfiguration({ uid: 'plugin::kinship-offer.offer' }, { settings: stored.settings, metadatas: stored.metadatas, layouts: stored.layouts });
    // An installation from before overnight opening times still shows the plugin's old hint; another field has the editor's own.
    const service = await contentTypes.findConfiguration({ uid: 'plugin::kinship-offer.service' });
    service.metadatas.openingTimes.edit.description = 'e.g. [{ "days": ["MO", "WE"], "opensAt": "09:30", "closesAt": "12:00", "note": "Term time only" }]';
    service.metadatas.summary.edit.description = 'Our own hint';
    await contentTypes.updateConfiguration({ uid: 'plugin::kinship-offer.service' }, { settings: service.settings, metadatas: service.metadatas, layouts: service.layouts });
    await cms.restart();
    const login = await fetch(`${cms.url}/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(DEMO_ADMIN) });
    token = ((await login.json()) as any).data.token;
    const after = await configuration('plugin::kinship-offer.offer');
    expect(after.metadatas.contactPhone.edit.label).toBe('Telephone (our wording)');
    expect(after.metadatas.legalFrameworkByArrangement.edit.label).toBe('Legal framework for each arrangement');
    const serviceAfter = await configuration('plugin::kinship-offer.service');
    expect(serviceAfter.metadatas.openingTimes.edit.description).toMatch(/^Carers see when it is open/);
    expect(serviceAfter.metadatas.summary.edit.description).toBe('Our own hint');
  });
});
