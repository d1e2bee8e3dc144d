/**
 * Opening times as the feed's weekly schedules (oruk/schedules), at their edges: what the admin's
 * form does not make but an import or an older row could hold. (The usual times: oruk-map.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { schedulesOf } from '../../../plugin/server/src/oruk/schedules';

const SERVICE_ID = '1a2b3c4d-1111-4111-8111-111111111111';
const hours = (times: Parameters<typeof schedulesOf>[1]) =>
  schedulesOf(SERVICE_ID, times).map(({ byday, opens_at, closes_at }) => `${byday} ${opens_at}-${closes_at}`);

describe("the feed's schedules, at their edges", () => {
  it('leave out a day that is not a weekday code, keeping the rest', () => {
    expect(hours([{ days: ['MO', 'Monday', 'XX', 'TU'], opensAt: '09:00', closesAt: '17:00' }])).toEqual(['MO,TU 09:00:00-17:00:00']);
    // Overnight from no weekday opens on no morning after it either.
    expect(hours([{ days: ['XX'], opensAt: '22:00', closesAt: '06:00' }])).toEqual([]);
  });

  it('read a closing day only for a span from one day: from several, each day closes the next morning', () => {
    expect(hours([{ days: ['FR', 'SA'], opensAt: '17:00', closesAt: '09:00', closesOn: 'MO' }])).toEqual([
      'FR,SA 17:00:00-23:59:59',
      'SA,SU 00:00:00-09:00:00',
    ]);
    expect(hours([{ days: ['FR'], opensAt: '17:00', closesAt: '09:00', closesOn: 'MO' }])).toEqual([
      'FR 17:00:00-23:59:59',
      'SA,SU 00:00:00-23:59:59',
      'MO 00:00:00-09:00:00',
    ]);
  });

  it("give a note as the schedule's description without its outer spaces, and none for a blank one", () => {
    const [noted] = schedulesOf(SERVICE_ID, [{ days: ['TU'], opensAt: '10:00', closesAt: '12:00', note: '  Second Tuesday of the month ' }]);
    expect(noted.description).toBe('Second Tuesday of the month');
    const [blank] = schedulesOf(SERVICE_ID, [{ days: ['TU'], opensAt: '10:00', closesAt: '12:00', note: '   ' }]);
    expect(blank).not.toHaveProperty('description');
  });
});
