/**
 * After an edit the offer view is rebuilt from its last build, reading again only the services
 * whose version moved (plugin/server/src/offer-view/service). Whatever an editor (or another
 * instance) changes, the view a reader then gets must be the one a build from nothing gives: every
 * kind of edit below is followed by that comparison, against a second offer-view service that has
 * never built anything.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import offerViewService from '../../plugin/server/src/offer-view/service';
import { VERSION_TTL_MS } from '../../plugin/server/src/offer-view/content-version';
import { insertFictionalOffers } from '../bench/fictional-offers';
import { startCms, type TestCms } from '../support/cms';
import { askGraphQL } from '../support/http';
import { OFFER_QUERY } from '../../plugin/shared/offer-query';

let cms: TestCms;
let slug: string;
beforeAll(async () => {
  cms = await startCms();
  [slug] = await insertFictionalOffers(cms.strapi, { offers: 1, services: 12, firstOffer: 40 });
});
afterAll(async () => cms?.stop());

const documents = (name: string): any => cms.strapi.documents(`plugin::kinship-offer.${name}` as any);
const running = () => cms.strapi.plugin('kinship-offer').service('offer-view');

/** The offer's services as stored (published), with what each links to. */
async function publishedServices(offerSlug = slug) {
  const offer = await documents('offer').findFirst({
    filters: { slug: offerSlug },
    status: 'published',
    populate: { services: { populate: ['locations', 'contacts', 'provider', 'supportTypes'] } },
  });
  return offer.services as any[];
}

/** The running instance's view (rebuilt from its last) equals one built from nothing. */
async function expectRebuiltAsNew(offerSlug = slug, locale?: string) {
  const rebuilt = await running().find(offerSlug, locale);
  const fresh = await offerViewService({ strapi: cms.strapi }).find(offerSlug, locale);
  expect(rebuilt).toEqual(fresh);
  return rebuilt;
}

const publish = async (name: string, documentId: string, data: Record<string, unknown>) => {
  await documents(name).update({ documentId, data });
  await documents(name).publish({ documentId });
};

describe('a view rebuilt after an edit is the view built from nothing', () => {
  beforeAll(async () => {
    await running().find(slug);
  });

  it.each([
    ['a service renamed and published', async (services: any[]) => publish('service', services[3].documentId, { title: 'A service, renamed' })],
    ['a draft saved, not published', async (services: any[]) => documents('service').update({ documentId: services[4].documentId, data: { title: 'Draft only' } })],
    ['a venue renamed', async (services: any[]) => documents('location').update({ documentId: services[0].locations[0].documentId, data: { name: 'A venue, renamed' } })],
    ['a venue\'s exact address hidden', async (services: any[]) => documents('location').update({ documentId: services[1].locations[0].documentId, data: { hideExactAddress: true } })],
    ['a named contact\'s phone changed', async (services: any[]) => documents('contact').update({ documentId: services[2].contacts[0].documentId, data: { phone: '020 7946 0999' } })],
    ['a provider renamed', async (services: any[]) => documents('organisation').update({ documentId: services[5].provider.documentId, data: { name: 'A provider, renamed' } })],
    ['a support type relabelled', async (services: any[]) => documents('support-type').update({ documentId: services[0].supportTypes[0].documentId, data: { label: 'A support type, relabelled' } })],
    ['a venue added to a service', async (services: any[]) => publish('service', services[6].documentId, { locations: { connect: [services[0].locations[0].documentId] } })],
    ['a contact taken off a service', async (services: any[]) => publish('service', services[7].documentId, { contacts: { disconnect: [services[7].contacts[0].documentId] } })],
    ['a venue deleted', async (services: any[]) => documents('location').delete({ documentId: services[8].locations.at(-1).documentId })],
    ['a service unpublished', async (services: any[]) => documents('service').unpublish({ documentId: services[9].documentId })],
    ['a service\'s provider taken off', async (services: any[]) => publish('service', services[10].documentId, { provider: null })],
    ['a service given another provider', async (services: any[]) => {
      const another = services.find((service) => service.provider && service.provider.documentId !== services[1].provider?.documentId).provider;
      await publish('service', services[1].documentId, { provider: another.documentId });
    }],
    ['a service published again, unchanged', async (services: any[]) => documents('service').publish({ documentId: services[2].documentId })],
    ['a new service published and added to the offer', async () => {
      const created = await documents('service').create({ data: { title: 'A new service', summary: 'New', cost: 'free' } });
      await documents('service').publish({ documentId: created.documentId });
      const offer = await documents('offer').findFirst({ filters: { slug } });
      await publish('offer', offer.documentId, { services: { connect: [created.documentId] } });
    }],
    ['the offer\'s own text edited', async () => {
      const offer = await documents('offer').findFirst({ filters: { slug } });
      await publish('offer', offer.documentId, { generalApproach: [{ type: 'paragraph', children: [{ type: 'text', text: 'A new general approach.' }] }] });
    }],
  ])('after %s', async (_, edit) => {
    await edit(await publishedServices());
    await expectRebuiltAsNew();
  });

  it('after a write by another instance, straight to the shared database, once the version\'s second is over', async () => {
    const [service] = await publishedServices();
    const table = cms.strapi.db.metadata.get('plugin::kinship-offer.location').tableName;
    await cms.strapi.db.connection(table).where({ document_id: service.locations[0].documentId }).update({ name: 'Renamed elsewhere', updated_at: new Date() });
    await new Promise((resolve) => setTimeout(resolve, VERSION_TTL_MS + 100));
    const view = await expectRebuiltAsNew();
    expect(JSON.stringify(view)).toContain('Renamed elsewhere');
  });

  it('for the demo offer, in each language it is published in', async () => {
    const locales = (await cms.strapi.db.query('plugin::kinship-offer.offer').findMany({ where: { slug: 'example-borough', publishedAt: { $notNull: true } }, select: ['locale'] })).map((row: any) => row.locale);
    expect(locales.length).toBeGreaterThan(0);
    for (const locale of locales) await running().find('example-borough', locale);
    const [service] = await publishedServices('example-borough');
    await publish('service', service.documentId, { title: `${service.title}, renamed` });
    for (const locale of locales) await expectRebuiltAsNew('example-borough', locale);
  });
});

describe('odd but real edits, rebuilt as from nothing', () => {
  let other: string;
  beforeAll(async () => {
    [other] = await insertFictionalOffers(cms.strapi, { offers: 1, services: 6, firstOffer: 41 });
    await running().find(slug);
    await running().find(other);
  });
  const offerWith = (offerSlug: string) => documents('offer').findFirst({ filters: { slug: offerSlug } });

  it('a service two offers list, its venue\'s exact address hidden: both offers rebuilt, neither shows it', async () => {
    const [shared] = await publishedServices();
    await publish('offer', (await offerWith(other)).documentId, { services: { connect: [shared.documentId] } });
    await running().find(other);
    await documents('location').update({ documentId: shared.locations[0].documentId, data: { hideExactAddress: true, addressLine1: '1 Quiet Lane' } });
    for (const offerSlug of [slug, other]) expect(JSON.stringify(await expectRebuiltAsNew(offerSlug))).not.toContain('1 Quiet Lane');
  });

  it('a named contact moved to another organisation from that organisation\'s page (the contact itself untouched)', async () => {
    const contact = (await publishedServices()).find((service) => service.contacts.length > 0).contacts[0];
    const organisations = await documents('organisation').findMany({ populate: ['contacts'] });
    const elsewhere = organisations.find((organisation: any) => !organisation.contacts.some((c: any) => c.documentId === contact.documentId));
    await documents('organisation').update({ documentId: elsewhere.documentId, data: { contacts: { connect: [contact.documentId] } } });
    expect(JSON.stringify(await expectRebuiltAsNew())).toContain(elsewhere.name);
  });

  it('edits landing while views are being built: once they are over, the view is the one built from nothing', async () => {
    const services = await publishedServices();
    const reads: Array<Promise<unknown>> = [];
    for (let round = 0; round < 8; round++) {
      const service = services[round % services.length];
      const edit =
        round % 2
          ? publish('service', service.documentId, { title: `Renamed in round ${round}` })
          : documents('location').update({ documentId: service.locations[0].documentId, data: { name: `Venue of round ${round}` } });
      reads.push(running().find(slug), running().find(other));
      await Promise.all([edit, running().find(slug), running().find(slug)]);
    }
    await Promise.all(reads);
    await expectRebuiltAsNew();
    await expectRebuiltAsNew(other);
  });
});

describe('odd but real data, through the widget\'s GET as well', () => {
  /** The widget's request, as it sends it: its body. */
  const widgetGet = async (offerSlug = slug) => (await askGraphQL(cms.url, 'GET', OFFER_QUERY, { slug: offerSlug })).text;
  const offerOf = () => documents('offer').findFirst({ filters: { slug } });

  it('a service with no provider, no venues, an emoji and Welsh in its title and a 10,000-character description', async () => {
    const title = 'Cefnogaeth i neiniau a theidiau 🤝 ŵyr ac wyres';
    const long = 'Ŵ🤝 '.repeat(2500);
    const created = await documents('service').create({ data: { title, summary: 'Gwasanaeth heb leoliad.', cost: 'free', description: [{ type: 'paragraph', children: [{ type: 'text', text: long }] }] } });
    await documents('service').publish({ documentId: created.documentId });
    await widgetGet();
    await publish('offer', (await offerOf()).documentId, { services: { connect: [created.documentId] } });
    const view: any = await expectRebuiltAsNew();
    const shown = view.services.find((service: any) => service.title === title);
    expect(shown).toMatchObject({ provider: null, locations: [] });
    expect(shown.description[0].children[0].text).toBe(long);
    expect(await widgetGet()).toContain(title);
  });

  it('a venue hidden, then shown again: neither the view nor the GET shows the address while hidden, both show it again after', async () => {
    const [service] = (await publishedServices()).filter((candidate) => candidate.locations.length > 0);
    const venue = service.locations[0];
    await documents('location').update({ documentId: venue.documentId, data: { addressLine1: '7 Hidden Row', hideExactAddress: false } });
    expect(await widgetGet()).toContain('7 Hidden Row');
    await documents('location').update({ documentId: venue.documentId, data: { hideExactAddress: true } });
    expect(JSON.stringify(await expectRebuiltAsNew())).not.toContain('7 Hidden Row');
    expect(await widgetGet()).not.toContain('7 Hidden Row');
    await documents('location').update({ documentId: venue.documentId, data: { hideExactAddress: false } });
    expect(JSON.stringify(await expectRebuiltAsNew())).toContain('7 Hidden Row');
    expect(await widgetGet()).toContain('7 Hidden Row');
  });

  it('edits published in quick succession while the GET is read: after the last, the GET shows it and the view is the one built from nothing', async () => {
    const [service] = await publishedServices();
    const readers: Array<Promise<string>> = [];
    for (let round = 0; round < 6; round++) {
      readers.push(widgetGet());
      await publish('service', service.documentId, { title: `Quick edit ${round} ✨` });
    }
    await Promise.all(readers);
    await expectRebuiltAsNew();
    expect(await widgetGet()).toContain('Quick edit 5 ✨');
  });
});

describe('in Welsh and English', () => {
  const locales = () => cms.strapi.plugin('i18n').service('locales');
  /** Sets the i18n default locale, as the admin's Internationalization page does. */
  const defaultLocale = (code: string) => locales().setDefaultLocale({ code });
  const settle = () => new Promise((resolve) => setTimeout(resolve, VERSION_TTL_MS + 100));
  const publishIn = async (name: string, documentId: string, locale: string, data: Record<string, unknown>) => {
    await documents(name).update({ documentId, locale, data });
    await documents(name).publish({ documentId, locale });
  };

  beforeAll(async () => {
    await locales().create({ code: 'cy', name: 'Welsh (cy)' });
    const services = (await publishedServices()).slice(0, 3);
    for (const service of services) {
      await publishIn('service', service.documentId, 'cy', {
        title: `${service.title} (Cymraeg)`,
        summary: 'Gwasanaeth yn Gymraeg.',
        cost: 'free',
        locations: { connect: service.locations.map((location: any) => location.documentId) },
      });
    }
    const offer = await documents('offer').findFirst({ filters: { slug } });
    await publishIn('offer', offer.documentId, 'cy', { name: 'Cynnig Perthynas', slug, services: { connect: services.map((s: any) => ({ documentId: s.documentId, locale: 'cy' })) } });
    // One term translated: the others fall back to the default locale's.
    const [term] = await documents('support-type').findMany({});
    await documents('support-type').update({ documentId: term.documentId, locale: 'cy', data: { code: term.code, label: 'Grwpiau cymorth', order: term.order } });
    await running().find(slug, 'cy');
    await running().find(slug);
  });

  it('a Welsh service edited: the view in each language is the one built from nothing', async () => {
    const offer = await documents('offer').findFirst({ filters: { slug }, locale: 'cy', status: 'published', populate: ['services'] });
    await publishIn('service', offer.services[0].documentId, 'cy', { title: 'Teitl newydd' });
    expect(JSON.stringify(await expectRebuiltAsNew(slug, 'cy'))).toContain('Teitl newydd');
    expect((await expectRebuiltAsNew(slug))!.locale).toBe('en');
  });

  it('the default locale changed, then the offer edited: the vocabularies fall back to the new default', async () => {
    try {
      await defaultLocale('cy');
      const offer = await documents('offer').findFirst({ filters: { slug } });
      await publishIn('offer', offer.documentId, 'cy', { name: 'Cynnig Perthynas, newydd' });
      await expectRebuiltAsNew(slug, 'cy');
    } finally {
      await defaultLocale('en');
      await settle();
    }
  });

  it('the default locale changed and nothing else: a reader who names no language gets the new default\'s', async () => {
    expect((await running().find(slug))!.locale).toBe('en');
    try {
      await defaultLocale('cy');
      await settle();
      expect((await expectRebuiltAsNew(slug))!.locale).toBe('cy');
    } finally {
      await defaultLocale('en');
      await settle();
    }
  });
});
