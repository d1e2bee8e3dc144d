import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
