import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addMonths } from '../../plugin/server/src/compliance/report';
import { startCms, type TestCms } from '../support/cms';

const SUPPORT_TYPES = 9;
const ARRANGEMENT_TYPES = 6;
const OFFER = 'plugin::kinship-offer.offer';
const SERVICE = 'plugin::kinship-offer.service';

let cms: TestCms;
beforeAll(async () => {
  // What a new install seeds: not the run's prepared copy, which this seeding made.
  cms = await startCms({ emptyDatabase: true });
});
afterAll(async () => cms?.stop());

const publishedOffer = (slug: string) =>
  cms.strapi.documents(OFFER).findFirst({
    filters: { slug },
    status: 'published',
    populate: { services: { populate: ['supportTypes', 'arrangementTypes', 'provider'] } },
  }) as Promise<any>;

const counts = async () => ({
  offers: await cms.strapi.db.query(OFFER).count(),
  services: await cms.strapi.db.query(SERVICE).count(),
  organisations: await cms.strapi.db.query('plugin::kinship-offer.organisation').count(),
  arrangementTypes: await cms.strapi.db.query('plugin::kinship-offer.arrangement-type').count(),
});

describe('the demo offer on a new database', () => {
  it('has Example Borough with at least 25 published services covering every support and arrangement type', async () => {
    const offer = await publishedOffer('example-borough');
    expect(offer.name).toBe('Example Borough Council');
    expect(offer.services.length).toBeGreaterThanOrEqual(25);
    const supportTypes = new Set(offer.services.flatMap((s: any) => s.supportTypes.map((t: any) => t.code)));
    const arrangementTypes = new Set(offer.services.flatMap((s: any) => s.arrangementTypes.map((t: any) => t.code)));
    expect(supportTypes.size).toBe(SUPPORT_TYPES);
    expect(arrangementTypes.size).toBe(ARRANGEMENT_TYPES);
    expect(offer.services.every((s: any) => s.publishedAt && s.provider?.name)).toBe(true);
  });

  it('fills in every statutory section of Example Borough', async () => {
    const offer = await publishedOffer('example-borough');
    for (const section of ['generalApproach', 'evidenceBase', 'legalFramework', 'financialSupportPolicy', 'complaints']) {
      expect(offer[section], section).not.toHaveLength(0);
    }
    expect(Object.keys(offer.legalFrameworkByArrangement)).toHaveLength(ARRANGEMENT_TYPES);
    expect(offer).toMatchObject({
      accountableOfficerName: expect.any(String),
      accountableOfficerRole: expect.any(String),
      contactPhone: expect.stringMatching(/^020 7946 0\d{3}$/),
      contactEmail: expect.stringMatching(/@example\.gov\.uk$/),
      nextReviewDue: expect.any(String),
    });
  });

  it('has a shared service covering three councils, each with a GSS code', async () => {
    const offer = await publishedOffer('example-shared-service');
    expect(offer.councils).toHaveLength(3);
    expect(offer.councils.every((c: any) => /^E\d{8}$/.test(c.gssCode))).toBe(true);
  });

  it('gives every service, organisation and location a UUID', async () => {
    for (const uid of [SERVICE, 'plugin::kinship-offer.organisation', 'plugin::kinship-offer.location', 'plugin::kinship-offer.contact']) {
      const rows = await cms.strapi.db.query(uid as any).findMany({ select: ['uuid'] });
      expect(rows.length, uid).toBeGreaterThan(0);
      expect(rows.every((r: any) => /^[0-9a-f-]{36}$/.test(r.uuid)), uid).toBe(true);
    }
  });

  it('seeds the vocabularies with the statutory codes in display order', async () => {
    const terms = await cms.strapi.documents('plugin::kinship-offer.support-type').findMany({ sort: 'order:asc' });
    expect(terms.map((t: any) => t.code)).toEqual([
      'support_groups_and_training',
      'financial_support',
      'staying_in_work',
      'accommodation',
      'education',
      'family_time',
      'family_group_decision_making',
      'legal_support',
      'therapeutic_support',
    ]);
  });
});

/**
 * What an evaluating council first sees in the admin: on the offers list, a high score, the one
 * service overdue on purpose and few services incomplete for directories; on each offer's page,
 * "For directories" lists only the services the demo leaves incomplete on purpose.
 */
async function expectRealisticMix() {
  const compliance = cms.strapi.plugin('kinship-offer').service('compliance');
  const offers = await compliance.list();
  const borough = offers.find((offer: any) => offer.slug === 'example-borough');
  const shared = offers.find((offer: any) => offer.slug === 'example-shared-service');
  expect(borough).toMatchObject({ reviewOverdue: false, servicesOverdue: 1, servicesIncompleteForDirectories: 3 });
  expect(borough.score).toBeGreaterThanOrEqual(90);
  expect(shared).toMatchObject({ reviewOverdue: false, servicesOverdue: 0, servicesIncompleteForDirectories: 1 });
  const forDirectories = async (offer: any) => (await compliance.forOffer(offer.documentId)).forDirectories.services.map((service: any) => service.title).sort();
  expect(await forDirectories(borough)).toEqual(['Holiday activities and food', 'Letterbox contact service', 'Online peer support evenings']);
  expect(await forDirectories(shared)).toEqual(['Virtual school for kinship children']);
}

describe('the demo as an evaluating council first sees it', () => {
  it('started today: a realistic mix, not all red', expectRealisticMix);
});

describe('starting again', () => {
  it('adds nothing and keeps what editors changed', async () => {
    const service = (await publishedOffer('example-borough')).services[0];
    await cms.strapi.documents(SERVICE).update({ documentId: service.documentId, data: { title: 'Edited by an editor' } as any });
    await cms.strapi.documents(SERVICE).publish({ documentId: service.documentId });
    await cms.strapi.documents('plugin::kinship-offer.support-type').update({
      documentId: (await cms.strapi.documents('plugin::kinship-offer.support-type').findFirst({ filters: { code: 'education' } }))!.documentId,
      data: { label: 'School and college' } as any,
    });
    const before = await counts();

    await cms.restart();

    expect(await counts()).toEqual(before);
    const after = await cms.strapi.documents(SERVICE).findOne({ documentId: service.documentId, status: 'published' });
    expect(after?.title).toBe('Edited by an editor');
    const education = await cms.strapi.documents('plugin::kinship-offer.support-type').findFirst({ filters: { code: 'education' } });
    expect(education?.label).toBe('School and college');
  });
});

describe('the demo started for the first time with the clock a year ahead', () => {
  beforeAll(async () => {
    await cms.stop();
    // Only Date moves (a year on, then with the real clock); Strapi's timers stay real.
    vi.useFakeTimers({ toFake: ['Date'], now: addMonths(new Date(), 12), shouldAdvanceTime: true });
    // Seeded then, not a copy of the run's prepared database, which was seeded today.
    cms = await startCms({ emptyDatabase: true });
  });
  afterAll(() => vi.useRealTimers());

  it('shows the same realistic mix', expectRealisticMix);
});
