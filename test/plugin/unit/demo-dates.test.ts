/**
 * The demo as an evaluating council first sees it, whatever day it is seeded: the offers list and
 * an offer's page show a realistic mix (every service reviewed in the last three months but one,
 * overdue on purpose; the next reviews ahead; only the few services the demo leaves incomplete on
 * purpose listed for directories), not everything red as fixed dates and missing fields made it.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_OFFERS, demoOffersAsOf, type DemoOffer } from '../../../examples/cms/src/demo/offers';
import { addMonths, complianceReport, DIRECTORY_REVIEW_MONTHS, type ComplianceReport, type ServiceForReport } from '../../../plugin/server/src/compliance/report';

/** An offer of the demo seeded on `seededOn`, as the report reads it on `seededOn`. */
function reportOn(seededOn: Date, index: number) {
  const demo: DemoOffer = demoOffersAsOf(seededOn)[index];
  const phones = new Map(demo.contacts.map((contact) => [contact.key, contact.phone as string | undefined]));
  const postcodes = new Map(demo.locations.map((location) => [location.key, location]));
  const services: ServiceForReport[] = demo.services.map((s: any) => ({
    title: s.title,
    eligibility: s.eligibility,
    supportTypes: s.supportTypes.map((code: string) => ({ code })),
    arrangementTypes: s.arrangementTypes.map((code: string) => ({ code })),
    contacts: (s.contacts ?? []).map((key: string) => ({ phone: phones.get(key) ?? null })),
    locations: (s.locations ?? []).map((key: string) => postcodes.get(key)),
    lastReviewedAt: s.lastReviewedAt,
  }));
  return { demo, report: complianceReport({ ...demo.offer, independentAdvice: demo.offer.independentAdvice as unknown[] } as any, services, { today: seededOn }) };
}

/** What directories will miss, service by service: `{ title: [check keys] }`. */
const directoryGaps = (report: ComplianceReport) =>
  Object.fromEntries(report.forDirectories.services.map((service) => [service.title, service.missing.map((check) => check.key)]));

describe('the demo seeded on any day', () => {
  const today = new Date();
  const aYearAhead = addMonths(today, 12);

  for (const [when, seededOn] of [['today', today], ['with the clock a year ahead', aYearAhead]] as const) {
    it(`seeded ${when}: every service reviewed in the last three months but one, overdue on purpose; next reviews ahead`, () => {
      const { demo, report } = reportOn(seededOn, 0);
      expect(report.overdue.services.map((service) => service.title)).toEqual(['Letterbox contact service']);
      for (const service of demo.services.filter((s) => s.title !== 'Letterbox contact service')) {
        const reviewed = Date.parse(service.lastReviewedAt as string);
        expect(reviewed, service.title).toBeGreaterThanOrEqual(addMonths(seededOn, -DIRECTORY_REVIEW_MONTHS).getTime());
        expect(reviewed, service.title).toBeLessThanOrEqual(seededOn.getTime());
      }
      expect(report.overdue.offer).toBe(false);
      expect(Date.parse(demo.offer.nextReviewDue as string)).toBeGreaterThan(seededOn.getTime());
      expect(report.score).toBeGreaterThanOrEqual(90);

      const shared = reportOn(seededOn, 1);
      expect(shared.report.overdue).toEqual({ offer: false, services: [] });
      for (const service of shared.demo.services) {
        expect(Date.parse(service.lastReviewedAt as string), service.title).toBeGreaterThanOrEqual(addMonths(seededOn, -DIRECTORY_REVIEW_MONTHS).getTime());
      }
    });

    it(`seeded ${when}: directories miss something only in the services left incomplete on purpose, one thing each`, () => {
      expect(directoryGaps(reportOn(seededOn, 0).report)).toEqual({
        'Online peer support evenings': ['directory:phone'],
        'Holiday activities and food': ['directory:eligibility'],
        'Letterbox contact service': ['directory:reviewed'],
      });
      expect(directoryGaps(reportOn(seededOn, 1).report)).toEqual({ 'Virtual school for kinship children': ['directory:phone', 'directory:eligibility'] });
    });
  }

  it('as written, the dates are those of DEMO_WRITTEN_ON: seeding on that day changes none', () => {
    expect(demoOffersAsOf(new Date('2026-10-15T09:00:00Z'))).toEqual(DEMO_OFFERS.map((offer) => ({ ...offer, youSaidWeDid: offer.youSaidWeDid })));
  });
});
