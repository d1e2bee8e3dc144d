/**
 * Words the admin shows editors instead of what machines write: dates as "1 September 2027", counts
 * with the right plural, weekdays and languages by name (the councils' list: local-authorities.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { counted, dayInWords, weekdayName } from '../../../plugin/admin/src/words';
import { LANGUAGE_CODES, languageName } from '../../../plugin/shared/languages';

describe('the admin\'s words', () => {
  it('writes a date as a day, a month and a year, in British English or the admin\'s language', () => {
    expect(dayInWords('2027-09-01', 'en-GB')).toBe('1 September 2027');
    expect(dayInWords('2027-09-01T23:30:00.000Z', 'en-GB')).toBe('1 September 2027');
    expect(dayInWords('2027-09-01', 'fr')).toBe('1 septembre 2027');
    expect(dayInWords(null, 'en-GB')).toBe('');
    expect(dayInWords('not a date', 'en-GB')).toBe('not a date');
  });

  it('counts with the plural the language needs', () => {
    expect(counted(1, 'gap', undefined, 'en-GB')).toBe('1 gap');
    expect(counted(2, 'gap', undefined, 'en-GB')).toBe('2 gaps');
    expect(counted(0, 'gap', undefined, 'en-GB')).toBe('0 gaps');
    expect(counted(1250, 'published service', undefined, 'en-GB')).toBe('1,250 published services');
  });

  it('names weekdays from Monday', () => {
    expect([0, 4, 6].map((day) => weekdayName(day, 'en-GB'))).toEqual(['Monday', 'Friday', 'Sunday']);
  });

  it('names every language an editor can choose, none by its bare code', () => {
    for (const code of LANGUAGE_CODES) expect(languageName(code), code).not.toBe(code);
    expect(languageName('cy')).toBe('Welsh');
    expect(languageName('bfi')).toBe('British Sign Language');
    expect(languageName('zz')).toBe('zz');
    expect(new Set(LANGUAGE_CODES).size).toBe(LANGUAGE_CODES.length);
  });
});
