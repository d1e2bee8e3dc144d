/** The plugin's settings as a council writes them: whole numbers from 1, and a cron schedule or false. */
import { describe, expect, it } from 'vitest';
import config from '../../../plugin/server/src/config';

const check = (settings: Record<string, unknown>) => () => config.validator({ ...config.default, ...settings });

describe('the plugin settings', () => {
  it('takes the defaults, and the smallest values allowed', () => {
    expect(check({})).not.toThrow();
    expect(check({ feedbackPerMinute: 1, serviceReviewMonths: 1 })).not.toThrow();
    expect(check({ reviewReminderSchedule: false })).not.toThrow();
    expect(check({ reviewReminderSchedule: '30 6 * * 1-5' })).not.toThrow();
  });

  it.each(['feedbackPerMinute', 'serviceReviewMonths', 'reachPerMinute', 'reachFlushSeconds', 'reachNewSitesPerDay'])('refuses %s of 0, a fraction or text', (key) => {
    for (const value of [0, -1, 1.5, '10', undefined]) {
      expect(check({ [key]: value })).toThrow(`kinship-offer: ${key} must be a whole number, 1 or more`);
    }
  });

  it.each(['0 7 * *', '', 'daily', true, 7])('refuses the schedule %j', (reviewReminderSchedule) => {
    expect(check({ reviewReminderSchedule })).toThrow('reviewReminderSchedule must be a cron expression');
  });
});
