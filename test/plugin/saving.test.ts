/**
 * What an editor sees when they save: the same rules whether they use the admin's content manager
 * or the Document Service, with messages in plain words, and identifiers that never change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN, startCms, type TestCms } from '../support/cms';

const SERVICE = 'plugin::kinship-offer.service';
const OFFER = 'plugin::kinship-offer.offer';
const CONTACT = 'plugin::kinship-offer.contact';

let cms: TestCms;
let adminToken: string;

beforeAll(async () => {
  cms = await startCms();
  const login = await fetch(`${cms.url}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(DEMO_ADMIN),
  });
  adminToken = ((await login.json()) as any).data.token;
});
afterAll(async () => cms?.stop());

/** Saves a new service draft (or another content type's entry) as an editor does, through the content manager's API. */
async function saveInAdmin(data: Record<string, unknown>, uid = SERVICE) {
  const defaults = uid === SERVICE ? { title: 'New service', summary: 'Help for carers', cost: 'free' } : {};
  const response = await fetch(`${cms.url}/content-manager/collection-types/${uid}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
    body: JSON.stringify({ ...defaults, ...data }),
  });
  return { status: response.status, body: (await response.json()) as any };
}

describe('saving in the admin', () => {
  it('creates the demo super admin from DEMO_ADMIN_EMAIL and DEMO_ADMIN_PASSWORD', () => {
    expect(adminToken).toEqual(expect.any(String));
  });

  it('saves a valid service and gives it a UUID', async () => {
    const { status, body } = await saveInAdmin({ referralUrl: 'https://www.example.gov.uk/refer', languages: ['en', 'cy'] });
    expect(status).toBe(201);
    expect(body.data.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it.each([
    [{ referralUrl: 'javascript:alert(1)' }, 'referralUrl', 'Enter a web address that starts with https://'],
    [{ description: [{ type: 'paragraph', children: [{ type: 'link', url: 'data:text/html,x', children: [{ type: 'text', text: 'x' }] }] }] }, 'description', 'Links must start with https://, mailto: or tel:'],
    [{ openingTimes: [{ days: ['Monday'], opensAt: '9am', closesAt: '5pm' }] }, 'openingTimes', 'Opening time 1: Use the days MO, TU, WE, TH, FR, SA, SU'],
    [{ minimumAge: 16, maximumAge: 11 }, 'maximumAge', 'The maximum age must be the same as or more than the minimum age'],
  ])('refuses %j with a message on the field', async (data, field, message) => {
    const { status, body } = await saveInAdmin(data);
    expect(status).toBe(400);
    expect(body.error.details.errors).toContainEqual(expect.objectContaining({ path: [field], message: expect.stringContaining(message) }));
  });

  it('saves opening times past midnight: overnight, to midnight, 24 hours and a weekend span', async () => {
    const openingTimes = [
      { days: ['MO', 'TU', 'WE', 'TH'], opensAt: '17:00', closesAt: '09:00' },
      { days: ['FR'], opensAt: '17:00', closesOn: 'MO', closesAt: '09:00', note: 'Weekends' },
      { days: ['SA'], opensAt: '18:00', closesAt: '24:00' },
      { days: ['SU'], opensAt: '00:00', closesAt: '00:00' },
    ];
    const { status, body } = await saveInAdmin({ openingTimes });
    expect(status).toBe(201);
    expect(body.data.openingTimes).toEqual(openingTimes);
  });

  it.each([
    ['plugin::kinship-offer.contact', { name: 'Out-of-hours line', phone: '18001 02079460999' }, '18001 020 7946 0999'],
    ['plugin::kinship-offer.contact', { name: 'Helpline', phone: '116123' }, '116 123'],
    ['plugin::kinship-offer.organisation', { name: 'Children\'s helpline', kind: 'national_charity', phone: '08001111' }, '0800 1111'],
    ['plugin::kinship-offer.organisation', { name: 'Switchboard', kind: 'council', phone: '+44 (0)20 7946 0000 ext 123' }, '020 7946 0000 ext. 123'],
  ])('saves a real UK phone number in %s as readers expect it: %j', async (uid, data, stored) => {
    const { status, body } = await saveInAdmin(data, uid);
    expect(status).toBe(201);
    expect(body.data.phone).toBe(stored);
    // Every route reads the stored form: the public REST API too.
    const path = uid.endsWith('contact') ? 'contacts' : 'organisations';
    const response = await fetch(`${cms.url}/api/kinship-offer/${path}/${body.data.documentId}`);
    expect(((await response.json()) as any).data.phone).toBe(stored);
  });

  it('refuses an emergency number as a contact\'s phone, saying why', async () => {
    const { status, body } = await saveInAdmin({ name: 'Wrong', phone: '999' }, 'plugin::kinship-offer.contact');
    expect(status).toBe(400);
    expect(body.error.details.errors).toContainEqual(expect.objectContaining({ path: ['phone'], message: expect.stringContaining('999 is for emergencies') }));
  });

  it('ignores a UUID typed in by hand: the plugin makes it', async () => {
    const { body } = await saveInAdmin({ uuid: '00000000-0000-4000-8000-000000000000' });
    expect(body.data.uuid).not.toBe('00000000-0000-4000-8000-000000000000');
  });
});

describe('saving through the Document Service', () => {
  it('refuses an offer whose next review is before its last one', async () => {
    const offer = await cms.strapi.documents(OFFER).findFirst({ filters: { slug: 'example-borough' } });
    await expect(
      cms.strapi.documents(OFFER).update({ documentId: offer!.documentId, data: { nextReviewDue: '2020-01-01' } as any }),
    ).rejects.toThrow('The next review must fall after the last review');
  });

  it('stores the offer\'s named contact phone in the standard grouping', async () => {
    const offer = await cms.strapi.documents(OFFER).findFirst({ filters: { slug: 'example-shared-service' } });
    const updated = await cms.strapi.documents(OFFER).update({ documentId: offer!.documentId, data: { contactPhone: '+442079460501' } as any });
    expect(updated!.contactPhone).toBe('020 7946 0501');
    await expect(
      cms.strapi.documents(OFFER).update({ documentId: offer!.documentId, data: { contactPhone: 'ring the office' } as any }),
    ).rejects.toThrow(/digits only/);
  });

  // The Crown dependencies share the UK's +44 numbering: a council near them lists their services.
  it.each([
    ['a Guernsey landline', '+44 (0)1481 256789', '01481 256789'],
    ['a Jersey landline', '01534-440000', '01534 440000'],
    ['an Isle of Man landline', '+441624612345', '01624 612345'],
    ['an Isle of Man mobile', '07624 123 456', '07624 123456'],
    ['a London number with an extension', '020 7946 0000 extension 12', '020 7946 0000 ext. 12'],
    ['a Relay UK number', '18001 02079460999', '18001 020 7946 0999'],
  ])('stores %s in the standard grouping, as every route then shows it', async (_label, typed, stored) => {
    const contact = await cms.strapi.documents(CONTACT).create({ data: { name: 'Crown dependencies liaison', phone: typed } as any });
    const row = await cms.strapi.db.query(CONTACT).findOne({ where: { documentId: contact.documentId } });
    expect(row.phone).toBe(stored);
  });

  it('keeps a service\'s UUID through edits, publication and duplication', async () => {
    const documents = cms.strapi.documents(SERVICE);
    const created = await documents.create({ data: { title: 'Kept', summary: 'x', cost: 'free' } as any });
    await documents.update({ documentId: created.documentId, data: { title: 'Kept, edited' } as any });
    await documents.publish({ documentId: created.documentId });
    const published = await documents.findOne({ documentId: created.documentId, status: 'published' });
    expect(published!.uuid).toBe(created.uuid);
    await expect(documents.update({ documentId: created.documentId, data: { uuid: 'changed' } as any })).rejects.toThrow(
      /identifier is fixed/,
    );
    const copy = await documents.clone({ documentId: created.documentId, data: {} as any });
    expect(copy!.entries[0].uuid).toMatch(/^[0-9a-f-]{36}$/);
    expect(copy!.entries[0].uuid).not.toBe(created.uuid);
  });

  it('keeps vocabulary codes fixed while labels change', async () => {
    const vocabulary = cms.strapi.documents('plugin::kinship-offer.arrangement-type');
    const term = await vocabulary.findFirst({ filters: { code: 'adoption' } });
    await vocabulary.update({ documentId: term!.documentId, data: { label: 'Adoption within the family' } as any });
    await expect(vocabulary.update({ documentId: term!.documentId, data: { code: 'adopted' } as any })).rejects.toThrow(
      'Codes are fixed: change the label instead',
    );
  });
});
