/**
 * The plugin's settings as a council writes them: whole numbers from 1, a cron schedule or false,
 * and the shared-cache lifetimes in whole seconds from 0.
 */
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

  it.each(['feedbackPerMinute', 'serviceReviewMonths', 'reachPerMinute', 'reachFlushSeconds', 'reachNewSitesPerDay', 'partnerLinkDays', 'partnerFormPerMinute'])('refuses %s of 0, a fraction or text', (key) => {
    for (const value of [0, -1, 1.5, '10', undefined]) {
      expect(check({ [key]: value })).toThrow(`kinship-offer: ${key} must be a whole number, 1 or more`);
    }
  });

  it.each(['0 7 * *', '', 'daily', true, 7])('refuses the schedule %j', (reviewReminderSchedule) => {
    expect(check({ reviewReminderSchedule })).toThrow('reviewReminderSchedule must be a cron expression');
  });

  it('takes shared-cache lifetimes in whole seconds, 0 included, any of them left out', () => {
    expect(config.default.cache).toEqual({ sharedMaxAge: 30, staleWhileRevalidate: 30, staleIfError: 86_400 });
    expect(check({ cache: { sharedMaxAge: 0, staleWhileRevalidate: 0, staleIfError: 0 } })).not.toThrow();
    expect(check({ cache: { sharedMaxAge: 300 } })).not.toThrow();
  });

  it.each([
    [{ sharedMaxAge: -1 }, 'cache.sharedMaxAge must be a whole number of seconds, 0 or more'],
    [{ staleWhileRevalidate: 1.5 }, 'cache.staleWhileRevalidate must be a whole number of seconds'],
    [{ staleIfError: '1d' }, 'cache.staleIfError must be a whole number of seconds'],
    [{ maxAge: 60 }, 'cache.maxAge is not a setting (sharedMaxAge, staleWhileRevalidate, staleIfError are)'],
  ])('refuses the cache setting %j, naming it', (cache, message) => {
    expect(check({ cache })).toThrow(message);
  });
});
