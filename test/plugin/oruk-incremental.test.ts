/**
 * The Open Referral UK feed pulled as a directory pulls it daily: a full pull, then, after an edit
 * of each kind a service shows (its offer's councils and phone, its provider, contacts and
 * venues, a vocabulary's words, an equivalent term, a second offer that lists it), an incremental
 * pull with `modified_after` must list exactly the services whose content moved, on every endpoint
 * that has `modified_after` or `last_modified`, in the feed of every offer and in an offer's own.
 * "Moved" is read from the feed itself: a service whose full record (less last_modified) differs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCms, type TestCms } from '../support/cms';

const OFFER = 'plugin::kinship-offer.offer';
const SERVICE = 'plugin::kinship-offer.service';

let cms: TestCms;
let feeds: Record<string, string>;

const documents = (uid: string) => cms.strapi.documents(uid as any);

async function json(url: string) {
  const response = await fetch(url);
  expect(response.status, url).toBe(200);
  return (await response.json()) as any;
}

/** Every service in full, by id, as `/services/{id}` gives it. */
async function fullPull(feed: string): Promise<Map<string, any>> {
  const page = await json(`${feed}/services?per_page=1000`);
  const entries = await Promise.all(page.contents.map(async ({ id }: { id: string }) => [id, await json(`${feed}/services/${id}`)] as const));
  return new Map(entries);
}

const withoutTime = ({ last_modified: _time, ...rest }: any) => JSON.stringify(rest);

/** The ids an incremental pull lists, on /services and on /service_at_locations. */
async function incrementalPull(feed: string, since: string) {
  const services = await json(`${feed}/services?per_page=1000&modified_after=${encodeURIComponent(since)}`);
  const atLocations = await json(`${feed}/service_at_locations?per_page=1000&modified_after=${encodeURIComponent(since)}`);
  return {
    services: new Set<string>(services.contents.map((entry: any) => entry.id)),
    atLocations: new Set<string>(atLocations.contents.map((entry: any) => entry.service.id)),
  };
}

beforeAll(async () => {
  cms = await startCms();
  feeds = { 'every offer': `${cms.url}/api/kinship-offer/oruk`, 'Example Borough': `${cms.url}/api/kinship-offer/oruk/example-borough` };
  // A service with no provider: the offer's council publishes it, with the offer's phone.
  const offer = await documents(OFFER).findFirst({ filters: { slug: 'example-borough' } });
  const service = await documents(SERVICE).create({ data: { title: 'Kinship drop-in (no provider)', summary: 'Come along', cost: 'free' } as any });
  await documents(SERVICE).publish({ documentId: service.documentId });
  await documents(OFFER).update({ documentId: offer!.documentId, data: { services: { connect: [service.documentId] } } as any });
  await documents(OFFER).publish({ documentId: offer!.documentId });
});
afterAll(async () => cms?.stop());

async function republishOffer(slug: string, data: Record<string, unknown>) {
  const offer: any = await documents(OFFER).findFirst({ filters: { slug } });
  await documents(OFFER).update({ documentId: offer.documentId, data });
  await documents(OFFER).publish({ documentId: offer.documentId });
}

/** A published service of the demo with its provider, contacts and venues. */
const publishedService = (title: string): Promise<any> =>
  documents(SERVICE).findFirst({ filters: { title }, status: 'published', populate: { provider: true, contacts: true, locations: true } as any });

/** Each kind of edit a service shows, as an editor makes it. */
const EDITS: Array<[string, () => Promise<void>]> = [
  ['the offer\'s phone (shown by a service with no provider)', () => republishOffer('example-borough', { contactPhone: '020 7946 0999' })],
  ['a council added to the offer (every service\'s areas)', async () => {
    const offer: any = await documents(OFFER).findFirst({ filters: { slug: 'example-borough' } });
    await republishOffer('example-borough', { councils: [...offer.councils, { name: 'Southvale Council', gssCode: 'E06000994' }] });
  }],
  ['a provider\'s phone', async () => {
    const organisation = (await publishedService('Family group conferences')).provider;
    await documents('plugin::kinship-offer.organisation').update({ documentId: organisation.documentId, data: { phone: '020 7946 0123' } as any });
  }],
  ['a contact\'s role', async () => {
    const contact = (await documents(SERVICE).findMany({ status: 'published', populate: { contacts: true } as any })).flatMap((service: any) => service.contacts)[0];
    await documents('plugin::kinship-offer.contact').update({ documentId: contact.documentId, data: { role: 'Duty worker (renamed)' } as any });
  }],
  ['a venue\'s accessibility', async () => {
    const location: any = await documents('plugin::kinship-offer.location').findFirst({ filters: { name: 'Example Borough Civic Centre' } });
    await documents('plugin::kinship-offer.location').update({ documentId: location.documentId, data: { accessibility: 'Step-free entrance on the east side' } as any });
  }],
  ['a venue deleted (the services that listed it are left untouched)', async () => {
    const location: any = await documents('plugin::kinship-offer.location').findFirst({ filters: { name: 'Family Time Centre' } });
    await documents('plugin::kinship-offer.location').delete({ documentId: location.documentId });
  }],
  ['a support type\'s label', async () => {
    const term: any = await documents('plugin::kinship-offer.support-type').findFirst({ filters: { code: 'legal_support' } });
    await documents('plugin::kinship-offer.support-type').update({ documentId: term.documentId, locale: term.locale, data: { label: 'Legal advice (renamed)' } as any });
  }],
  ['an equivalent term added to a support type', async () => {
    const term: any = await documents('plugin::kinship-offer.support-type').findFirst({ filters: { code: 'education' } });
    await documents('plugin::kinship-offer.support-type').update({
      documentId: term.documentId,
      locale: term.locale,
      data: { equivalentTerms: [{ taxonomy: 'Example directory categories', code: 'EDC-401', name: 'Learning' }] } as any,
    });
  }],
  ['a second offer listing a service (its areas)', async () => {
    const shared: any = await documents(OFFER).findFirst({ filters: { slug: 'example-shared-service' }, populate: { services: true } as any, status: 'published' });
    const service = shared.services[0];
    const offer: any = await documents(OFFER).findFirst({ filters: { slug: 'example-borough' } });
    await documents(OFFER).update({ documentId: offer.documentId, data: { services: { connect: [service.documentId] } } as any });
    await documents(OFFER).publish({ documentId: offer.documentId });
  }],
];

describe('an incremental pull after each kind of edit', () => {
  it.each(EDITS)('lists exactly the services whose content moved: %s', async (_kind, edit) => {
    const before = new Map(await Promise.all(Object.entries(feeds).map(async ([name, feed]) => [name, await fullPull(feed)] as const)));
    const since = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await edit();
    let movedAnywhere = 0;
    for (const [name, feed] of Object.entries(feeds)) {
      const after = await fullPull(feed);
      const moved = new Set([...after].filter(([id, service]) => !before.get(name)!.has(id) || withoutTime(before.get(name)!.get(id)) !== withoutTime(service)).map(([id]) => id));
      movedAnywhere += moved.size;
      const pulled = await incrementalPull(feed, since);
      expect([...pulled.services].sort(), name).toEqual([...moved].sort());
      const located = [...moved].filter((id) => after.get(id).service_at_locations?.length);
      expect([...pulled.atLocations].sort(), `${name}: /service_at_locations`).toEqual(located.sort());
      for (const [id, service] of after) {
        if (moved.has(id)) expect(Date.parse(service.last_modified), `${name}: ${service.name}`).toBeGreaterThanOrEqual(Date.parse(since));
        else expect(service.last_modified, `${name}: ${service.name} did not move`).toBe(before.get(name)!.get(id).last_modified);
      }
    }
    // The edit showed somewhere: else this case tests nothing.
    expect(movedAnywhere).toBeGreaterThan(0);
  });
});

describe('modified_after as directories send it', () => {
  it('reads an offset whose "+" was not encoded (it arrives as a space) as that offset', async () => {
    const feed = feeds['every offer'];
    const since = new Date(Date.now() - 60 * 60_000);
    // The same instant written in UTC+01:00, "+" left raw in the URL.
    const local = new Date(since.getTime() + 60 * 60_000).toISOString().slice(0, 19);
    const raw = await fetch(`${feed}/services?per_page=1000&modified_after=${local}+01:00`);
    expect(raw.status).toBe(200);
    const utc = await json(`${feed}/services?per_page=1000&modified_after=${since.toISOString().slice(0, 19)}Z`);
    expect(((await raw.json()) as any).contents.map((entry: any) => entry.id)).toEqual(utc.contents.map((entry: any) => entry.id));
    const noOffset = await fetch(`${feed}/services?modified_after=${local}`);
    expect(noOffset.status).toBe(400);
    expect(((await noOffset.json()) as any).error.message).toContain('%2B01:00');
  });
});
