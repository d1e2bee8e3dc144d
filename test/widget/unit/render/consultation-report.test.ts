/**
 * The consultation report as readers see it: each consultation's how, when, who took part (as
 * counts), what was said and what changed, newest first as the server sends them; text escaped.
 */
import { describe, expect, it } from 'vitest';
import type { ConsultationReport } from '../../../../plugin/shared/consultation-report';
import { renderConsultationReport } from '../../../../widget/src/render/consultation-report';
import { DEFAULT_STRINGS, PAGE_STRINGS } from '../../../../widget/src/strings';
import { markup } from './markup';

const report: ConsultationReport = {
  offer: { documentId: 'o1', name: 'Example Borough Council', slug: 'example-borough' },
  consultations: [
    {
      documentId: 'c2',
      title: 'Kinship kids club',
      date: '2026-08-12',
      method: { code: 'event', label: 'Event' },
      methodDetail: 'Games and drawing',
      participants: [{ group: { code: 'children_in_kinship_care', label: 'Children in kinship care' }, count: 1 }],
      whatWasSaid: [{ theme: 'Someone to talk to <at school>', detail: null }],
      whatChanged: 'The club meets every month.',
      services: [{ documentId: 's1', title: 'Kinship kids club' }],
      youSaidWeDid: [],
    },
    {
      documentId: 'c1',
      title: 'Survey',
      date: '2026-05-29',
      method: { code: 'survey', label: 'Survey' },
      methodDetail: null,
      participants: [
        { group: { code: 'kinship_carers', label: 'Kinship carers' }, count: 64 },
        { group: { code: 'former_kinship_carers', label: 'Former kinship carers' }, count: 5 },
      ],
      whatWasSaid: [{ theme: 'Hard to find', detail: 'Most heard from another carer.' }],
      whatChanged: null,
      services: [],
      youSaidWeDid: [{ youSaid: 'It was hard to find.', weDid: 'It is in every hub.', date: '2026-06-30' }],
    },
  ],
};
const text = (value: ConsultationReport, level = 2) =>
  markup(renderConsultationReport(value, { t: { ...DEFAULT_STRINGS, ...PAGE_STRINGS }, lang: 'en-GB', level })).replace(/<!--.*?-->/g, '').replace(/\s+/g, ' ');

describe('the consultation report', () => {
  it('shows each consultation, newest first, with its facts and counts', () => {
    const html = text(report);
    expect(html).toContain('<h2 class=>How we consulted on Example Borough Council</h2>');
    expect(html.indexOf('Kinship kids club')).toBeLessThan(html.indexOf('Survey'));
    expect(html).toContain('<dt>When</dt><dd>12 August 2026</dd>');
    expect(html).toContain('<dt>How</dt><dd>Event: Games and drawing</dd>');
    expect(html).toContain('<li>Children in kinship care: 1 person</li>');
    expect(html).toContain('<li>Kinship carers: 64 people</li>');
    expect(html).toContain('<dt>How</dt><dd>Survey</dd>');
    expect(html).toContain('<strong>Hard to find</strong>. Most heard from another carer.');
    expect(html).toContain('<p>Services that changed: Kinship kids club.</p>');
    expect(html).toContain('<li>You said: It was hard to find. We did: It is in every hub.</li>');
  });

  it('puts each consultation one heading level below the report, and escapes text', () => {
    const html = text(report, 3);
    expect(html).toMatch(/<h4 class=><span id=consultation-c2>Kinship kids club<\/span><\/h4>/);
    expect(html).toContain('<h5 class=>What people said</h5>');
    expect(html).toContain('Someone to talk to &lt;at school&gt;');
  });

  it('says so when nothing has been published', () => {
    expect(text({ ...report, consultations: [] })).toContain('<p>No consultation has been published yet.</p>');
  });
});
