import { describe, expect, it } from 'vitest';
import { DEMO_OFFERS } from '../../../examples/cms/src/demo/offers';
import { complianceReport, type ServiceForReport } from '../../../plugin/server/src/compliance/report';

/** The demo's Example Borough offer, shaped as the report reads it. */
const exampleBorough = () => {
  const demo = DEMO_OFFERS[0];
  const services: ServiceForReport[] = demo.services.map((s: any) => ({
    title: s.title,
    supportTypes: s.supportTypes.map((code: string) => ({ code })),
    arrangementTypes: s.arrangementTypes.map((code: string) => ({ code })),
    lastReviewedAt: s.lastReviewedAt,
  }));
  const offer = { ...demo.offer, independentAdvice: demo.offer.independentAdvice as unknown[] } as any;
  return { offer, services };
};

describe('the compliance report', () => {
  it('gives the complete, current demo offer full marks and nothing to do', () => {
    const { offer, services } = exampleBorough();
    const report = complianceReport(offer, services, { today: new Date('2026-10-01') });
    expect(report.nextSteps).toEqual([]);
    expect(report.score).toBe(100);
    expect(report.overdue).toEqual({ offer: false, services: [] });
  });

  it('lists what an empty offer is missing, most urgent first, five at a time', () => {
    const report = complianceReport({}, [], { today: new Date('2026-10-01') });
    expect(report.sections.filter((s) => !s.ok).map((s) => s.key)).toEqual([
      'section:general_approach',
      'section:evidence_base',
      'section:management_accountability',
      'section:named_contact',
      'section:legal_framework:informal_family_arrangement',
      'section:legal_framework:private_fostering',
      'section:legal_framework:child_arrangements_order',
      'section:legal_framework:special_guardianship_order',
      'section:legal_framework:kinship_foster_care',
      'section:legal_framework:adoption',
      'section:financial_support_policy',
      'section:complaints',
      'section:independent_advice',
    ]);
    expect(report.supportTypes.every((s) => !s.ok)).toBe(true);
    expect(report.actHeadings.map((h) => h.ok)).toEqual([false, false, false, false, false]);
    expect(report.nextSteps).toHaveLength(5);
    expect(report.nextSteps[0]).toBe("Set the date of the offer's next review.");
    expect(report.score).toBe(0);
  });

  it('counts published services in each support type × arrangement cell', () => {
    const report = complianceReport({}, [
      { title: 'A', supportTypes: [{ code: 'education' }], arrangementTypes: [{ code: 'adoption' }, { code: 'private_fostering' }], lastReviewedAt: '2026-09-01' },
      { title: 'B', supportTypes: [{ code: 'education' }, { code: 'legal_support' }], arrangementTypes: [{ code: 'adoption' }], lastReviewedAt: '2026-09-01' },
    ]);
    expect(report.coverage.education).toMatchObject({ adoption: 2, private_fostering: 1, kinship_foster_care: 0 });
    expect(report.coverage.legal_support.adoption).toBe(1);
    expect(report.arrangementTypes.filter((a) => a.ok).map((a) => a.key)).toEqual(['arrangement:private_fostering', 'arrangement:adoption']);
    expect(report.actHeadings.find((h) => h.key === 'act:education_and_training')?.ok).toBe(true);
  });

  it('flags an offer past its review date and services not reviewed for 12 months (configurable)', () => {
    const { offer, services } = exampleBorough();
    const late = complianceReport({ ...offer, nextReviewDue: '2026-01-01' }, services, { today: new Date('2026-11-23') });
    expect(late.overdue.offer).toBe(true);
    expect(late.overdue.services.map((s) => s.title)).toEqual(['Letterbox contact service']);
    expect(late.nextSteps[0]).toBe('The offer is overdue for review: review it and set the next review date.');
    const strict = complianceReport(offer, services, { today: new Date('2026-11-23'), serviceReviewMonths: 2 });
    expect(strict.overdue.services.length).toBeGreaterThan(1);
    expect(strict.nextSteps.at(-1)).toMatch(/^Review \d+ services not reviewed for 2 months\.$/);
  });

  it('reads the consultation duty from the offer\'s publications, its last change and its consultations', () => {
    const report = complianceReport(
      { publications: ['2026-09-01T10:00:00.000Z'], updatedAt: '2026-09-20T10:00:00.000Z', consultations: [{ date: '2026-08-15' }] },
      [],
      { today: new Date('2026-10-01') },
    );
    expect(report.consultation).toMatchObject({ ok: false, changedAt: '2026-09-20T10:00:00.000Z', since: '2026-09-01T10:00:00.000Z', lastConsulted: '2026-08-15' });
  });
});

