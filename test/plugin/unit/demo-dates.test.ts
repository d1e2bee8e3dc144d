/**
 * The demo as an evaluating council first sees it, whatever day it is seeded: the offers list and
 * an offer's page show a realistic mix (reviews 1 to 10 months old, one service overdue on purpose,
 * the next reviews ahead), not everything red as fixed dates made it once they aged.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_OFFERS, demoOffersAsOf, type DemoOffer } from '../../../examples/cms/src/demo/offers';
import { addMonths, complianceReport, type ServiceForReport } from '../../../plugin/server/src/compliance/report';

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

const monthsBefore = (day: string, today: Date) => (today.getTime() - Date.parse(day)) / (30.44 * 86_400_000);

describe('the demo seeded on any day', () => {
  const today = new Date();
  const aYearAhead = addMonths(today, 12);

  for (const [when, seededOn] of [['today', today], ['with the clock a year ahead', aYearAhead]] as const) {
    it(`seeded ${when}: reviews 1 to 10 months old, one service overdue on purpose, next reviews ahead`, () => {
      const { demo, report } = reportOn(seededOn, 0);
      const ages = demo.services.map((service) => monthsBefore(service.lastReviewedAt as string, seededOn));
      expect(ages.filter((age) => age > 12).length).toBe(1);
      expect(ages.filter((age) => age <= 12).every((age) => age >= 1 && age <= 10)).toBe(true);
      expect(report.overdue.offer).toBe(false);
      expect(report.overdue.services.map((service) => service.title)).toHaveLength(1);
      expect(Date.parse(demo.offer.nextReviewDue as string)).toBeGreaterThan(seededOn.getTime());
      // The offers list: a high score, and only some services incomplete for directories.
      expect(report.score).toBeGreaterThanOrEqual(90);
      expect(report.forDirectories.complete).toBeGreaterThan(0);
      expect(report.forDirectories.services.length).toBeLessThan(demo.services.length);
      // Every service listed for directories truly misses something the feed needs.
      for (const service of report.forDirectories.services) expect(service.missing.length).toBeGreaterThan(0);

      const shared = reportOn(seededOn, 1).report;
      expect(shared.overdue).toEqual({ offer: false, services: [] });
    });
  }

  it('as written, the dates are those of DEMO_WRITTEN_ON: seeding on that day changes none', () => {
    expect(demoOffersAsOf(new Date('2026-10-15T09:00:00Z'))).toEqual(DEMO_OFFERS.map((offer) => ({ ...offer, youSaidWeDid: offer.youSaidWeDid })));
  });
});
