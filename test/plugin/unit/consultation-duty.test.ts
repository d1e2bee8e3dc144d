/**
 * The duty to consult before publishing or updating an offer (Children Act 1989, s.22H), as the
 * checklist reads it: which change needs a consultation, since when, and what editors are told.
 */
import { describe, expect, it } from 'vitest';
import { consultationDuty } from '../../../plugin/server/src/compliance/consultation-duty';
import { complianceReport } from '../../../plugin/server/src/compliance/report';

const FIRST = '2026-03-02T10:00:00.000Z';
const SECOND = '2026-09-14T15:30:00.000Z';
const consulted = (...dates: string[]) => dates.map((date) => ({ date }));

describe('the duty to consult', () => {
  it('asks for a consultation before an offer is first published, and is met by any', () => {
    const draft = consultationDuty({ publications: [], updatedAt: '2026-02-01T09:00:00.000Z', consultations: [] });
    expect(draft).toMatchObject({ ok: false, changedAt: '2026-02-01T09:00:00.000Z', since: null, lastConsulted: null, field: 'consultations' });
    expect(draft.todo).toBe('The offer has not been published yet, and no consultation is recorded: consult children in kinship care, kinship carers and those who represent them, and record it.');
    expect(consultationDuty({ publications: [], updatedAt: '2026-02-01T09:00:00.000Z', consultations: consulted('2025-10-20') }).ok).toBe(true);
  });

  it('flags a published offer changed since, with the dates, until a consultation since its publication is recorded', () => {
    const changed = { publications: [FIRST], updatedAt: '2026-04-07T08:00:00.000Z' };
    const before = consultationDuty({ ...changed, consultations: consulted('2026-01-15') });
    expect(before).toMatchObject({ ok: false, changedAt: '2026-04-07T08:00:00.000Z', since: FIRST, lastConsulted: '2026-01-15' });
    expect(before.todo).toBe('The offer was changed on 7 April 2026 since it was published on 2 March 2026, and no consultation is recorded since 2 March 2026: consult children in kinship care, kinship carers and those who represent them, and record it.');
    // On the day of the publication counts; the day before does not.
    expect(consultationDuty({ ...changed, consultations: consulted('2026-03-01') }).ok).toBe(false);
    expect(consultationDuty({ ...changed, consultations: consulted('2026-01-15', '2026-03-02') })).toMatchObject({ ok: true, lastConsulted: '2026-03-02' });
    expect(consultationDuty({ ...changed, consultations: consulted('2026-03-02') }).todo).toBeUndefined();
  });

  it('flags an offer published again with no consultation since its previous publication', () => {
    const published = { publications: [SECOND, FIRST], updatedAt: '2026-09-14T15:29:00.000Z' };
    const late = consultationDuty({ ...published, consultations: consulted('2026-02-20') });
    expect(late).toMatchObject({ ok: false, changedAt: SECOND, since: FIRST });
    expect(late.todo).toMatch(/^The offer was published on 14 September 2026, after its previous publication on 2 March 2026, and no consultation is recorded since 2 March 2026:/);
    expect(consultationDuty({ ...published, consultations: consulted('2026-06-30') }).ok).toBe(true);
  });

  it('is met by a consultation before an offer\'s only publication', () => {
    expect(consultationDuty({ publications: [FIRST], updatedAt: '2026-03-02T09:59:00.000Z', consultations: consulted('2025-12-01') }).ok).toBe(true);
    expect(consultationDuty({ publications: [FIRST], updatedAt: null, consultations: [] }).todo).toMatch(/^The offer was published on 2 March 2026, and no consultation is recorded:/);
  });

  it('is part of the compliance report, outside its score', () => {
    const without = complianceReport({}, [], { today: new Date('2026-11-23') });
    const withOne = complianceReport({ publications: [FIRST], updatedAt: FIRST, consultations: consulted('2026-02-01') }, [], { today: new Date('2026-11-23') });
    expect([without.consultation.ok, withOne.consultation.ok]).toEqual([false, true]);
    expect(withOne.score).toBe(without.score);
  });
});
