/** The editors' Reach report, a pure function of the stored counts and what the offer publishes. */
import { describe, expect, it } from 'vitest';
import { buildReport, firstDay, mondayOf, type ReportContent } from '../../../plugin/server/src/reach/report';
import type { ReachRow } from '../../../plugin/shared/reach';

const content: ReportContent = {
  documentId: 'offer1',
  name: 'Example Borough Council',
  offerPublishedAt: '2026-11-18T10:00:00.000Z',
  youSaidWeDid: [{ date: '2026-06-03', text: 'Evening groups' }],
  services: [
    { documentId: 'svcA', title: 'Allowance', publishedAt: '2026-01-07T09:00:00.000Z', arrangements: ['special_guardianship_order'], supportTypes: ['financial_support'] },
    { documentId: 'svcB', title: 'Support group', publishedAt: null, arrangements: ['special_guardianship_order', 'kinship_foster_care'], supportTypes: ['support_groups_and_training'] },
  ],
  arrangementTypes: [
    { code: 'special_guardianship_order', label: 'Special guardianship order' },
    { code: 'private_fostering', label: 'Private fostering' },
  ],
  supportTypes: [
    { code: 'financial_support', label: 'Financial support' },
    { code: 'therapeutic_support', label: 'Therapeutic support' },
  ],
};
const row = (day: string, site: string, event: ReachRow['event'], subject: string, count: number): ReachRow => ({ day, site, event, subject, count });
const TODAY = '2026-11-30'; // a Monday

describe('the Reach report', () => {
  it('covers 53 whole weeks, Monday first, to the week of today', () => {
    expect(mondayOf('2026-11-30')).toBe('2026-11-30');
    expect(mondayOf('2026-12-06')).toBe('2026-11-30');
    expect(mondayOf('2026-12-01')).toBe('2026-11-30');
    expect(firstDay(TODAY)).toBe('2025-12-01');
    const report = buildReport(content, [], [], TODAY);
    expect(report.weeks).toHaveLength(53);
    expect([report.weeks[0].week, report.weeks.at(-1)!.week]).toEqual(['2025-12-01', '2026-11-30']);
  });

  it('adds views up per week and site, and marks the weeks something was published or answered', () => {
    const rows = [
      row('2026-11-02', 'https://a.example', 'shown', 'full', 5),
      row('2026-11-08', 'https://a.example', 'shown', 'services', 2),
      row('2026-11-29', 'https://b.example', 'shown', 'full', 9),
      row('2026-11-29', 'https://b.example', 'service', 'svcA', 4),
    ];
    const seen = [
      { site: 'https://a.example', firstSeen: '2025-01-01', lastSeen: '2026-11-08' },
      { site: 'https://b.example', firstSeen: '2026-11-29', lastSeen: '2026-11-29' },
    ];
    const report = buildReport(content, rows, seen, TODAY);
    expect(report.weeks.find((week) => week.week === '2026-11-02')!.views).toBe(7);
    expect(report.weeks.find((week) => week.week === '2026-11-23')!.views).toBe(9);
    expect(report.totals).toEqual({ views: 16, viewsLast30Days: 16, sites: 2 });
    expect(report.views).toEqual({ full: 14, services: 2 });
    expect(report.sites.map((site) => [site.site, site.views, site.firstSeen])).toEqual([['https://b.example', 9, '2026-11-29'], ['https://a.example', 7, '2025-01-01']]);
    expect(report.weeks.find((week) => week.week === '2026-11-16')!.changes).toEqual(['The offer was published']);
    expect(report.weeks.find((week) => week.week === '2026-01-05')!.changes).toEqual(['“Allowance” was published']);
    expect(report.weeks.find((week) => week.week === '2026-06-01')!.changes).toEqual(['You said, we did: Evening groups']);
  });

  it('shows the CMS\'s own pages apart from partners\' sites, last and not counted among them', () => {
    const cms = 'https://cms.example-borough.gov.uk';
    const rows = [row('2026-11-20', cms, 'shown', 'full', 50), row('2026-11-20', 'https://a.example', 'shown', 'full', 3)];
    const seen = [cms, 'https://a.example'].map((site) => ({ site, firstSeen: '2026-11-20', lastSeen: '2026-11-20' }));
    const report = buildReport(content, rows, seen, TODAY, cms);
    expect(report.sites.map((site) => [site.site, site.own ?? false])).toEqual([['https://a.example', false], [cms, true]]);
    expect(report.totals).toMatchObject({ views: 53, sites: 1 });
  });

  it('counts only the last 30 days as recent', () => {
    const rows = [row('2026-10-31', 'https://a.example', 'shown', 'full', 3), row('2026-11-01', 'https://a.example', 'shown', 'full', 4)];
    const report = buildReport(content, rows, [{ site: 'https://a.example', firstSeen: '2026-10-31', lastSeen: '2026-11-01' }], TODAY);
    expect(report.totals.viewsLast30Days).toBe(4);
    expect(report.sites[0].viewsLast30Days).toBe(4);
  });

  it('sets what readers chose against the services that offer it: chosen with none is a gap', () => {
    const rows = [
      row('2026-11-20', 'https://a.example', 'arrangement', 'private_fostering', 6),
      row('2026-11-20', 'https://a.example', 'arrangement', '', 2),
      row('2026-11-20', 'https://a.example', 'support_type', 'therapeutic_support', 3),
      row('2026-11-20', 'https://a.example', 'support_type', 'financial_support', 1),
    ];
    const report = buildReport(content, rows, [], TODAY);
    expect(report.arrangements).toEqual([
      { code: 'special_guardianship_order', label: 'Special guardianship order', chosen: 0, services: 2 },
      { code: 'private_fostering', label: 'Private fostering', chosen: 6, services: 0 },
      { code: '', label: 'Not sure', chosen: 2, services: 2 },
    ]);
    expect(report.supportTypes).toEqual([
      { code: 'financial_support', label: 'Financial support', chosen: 1, services: 1 },
      { code: 'therapeutic_support', label: 'Therapeutic support', chosen: 3, services: 0 },
    ]);
  });

  it('lists every published service, most opened first, with its contacts tapped; the named contact apart', () => {
    const rows = [
      row('2026-11-20', 'https://a.example', 'service', 'svcB', 3),
      row('2026-11-21', 'https://b.example', 'service', 'svcB', 2),
      row('2026-11-20', 'https://a.example', 'phone', 'svcB', 1),
      row('2026-11-20', 'https://a.example', 'phone', '', 7),
      row('2026-11-20', 'https://a.example', 'web', '', 1),
      row('2026-11-20', 'https://a.example', 'print', '', 2),
      row('2026-11-20', 'https://a.example', 'feedback', 'svcA', 1),
    ];
    const report = buildReport(content, rows, [], TODAY);
    expect(report.services).toEqual([
      { documentId: 'svcB', title: 'Support group', opened: 5, phone: 1, email: 0, web: 0, feedback: 0 },
      { documentId: 'svcA', title: 'Allowance', opened: 0, phone: 0, email: 0, web: 0, feedback: 1 },
    ]);
    expect(report.namedContact).toEqual({ phone: 7, email: 0, web: 1 });
    expect([report.prints, report.feedback]).toEqual([2, 1]);
  });
});
