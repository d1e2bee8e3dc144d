import { expect } from '@open-wc/testing';
import { clockText, daysText, openingTimeText } from '../../../widget/src/format/opening-times';
import { DEFAULT_STRINGS } from '../../../widget/src/strings';

const t = DEFAULT_STRINGS;
const say = (time: { days: string[]; opensAt: string; closesAt: string; closesOn?: string }, lang = 'en-GB') => openingTimeText(time, lang, t);

describe('opening times in words', () => {
  it('writes times GOV.UK style: 9am, 9:30am, 5pm, midday, midnight', () => {
    expect(['09:00', '09:30', '17:00', '17:45', '12:00', '12:30', '00:00', '24:00', '00:15', '09:00:00.000'].map((time) => clockText(time, t))).to.deep.equal([
      '9am', '9:30am', '5pm', '5:45pm', 'midday', '12:30pm', 'midnight', 'midnight', '12:15am', '9am',
    ]);
  });

  it('names days in a row as a range, others one by one, all seven as every day', () => {
    expect(daysText(['MO', 'TU', 'WE', 'TH', 'FR'], 'en-GB', t)).to.equal('Monday to Friday');
    expect(daysText(['MO', 'WE'], 'en-GB', t)).to.equal('Monday, Wednesday');
    expect(daysText(['SA', 'SU'], 'en-GB', t)).to.equal('Saturday, Sunday');
    expect(daysText(['MO', 'TU', 'WE', 'FR'], 'en-GB', t)).to.equal('Monday to Wednesday, Friday');
    expect(daysText(['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'], 'en-GB', t)).to.equal('Every day');
    expect(daysText(['XX', 'MO', 'TU'], 'en-GB', t)).to.equal('XX, Monday, Tuesday');
    // A run over the weekend is still a run.
    expect(daysText(['FR', 'SA', 'SU', 'MO'], 'en-GB', t)).to.equal('Friday to Monday');
    expect(daysText(['SA', 'SU', 'MO'], 'en-GB', t)).to.equal('Saturday to Monday');
    expect(daysText(['SU', 'MO'], 'en-GB', t)).to.equal('Sunday, Monday');
    expect(daysText(['MO', 'SU'], 'en-GB', t)).to.equal('Monday, Sunday');
  });

  it('shows a day\'s opening as readers expect', () => {
    expect(say({ days: ['MO', 'TU', 'WE', 'TH', 'FR'], opensAt: '09:00', closesAt: '17:00' })).to.equal('Monday to Friday: 9am to 5pm');
    expect(say({ days: ['TH'], opensAt: '10:00', closesAt: '12:30' })).to.equal('Thursday: 10am to 12:30pm');
  });

  it('shows closing at midnight, overnight, open 24 hours and a weekend span (issue 10)', () => {
    expect(say({ days: ['FR'], opensAt: '18:00', closesAt: '00:00' })).to.equal('Friday: 6pm to midnight');
    expect(say({ days: ['FR'], opensAt: '18:00', closesAt: '24:00' })).to.equal('Friday: 6pm to midnight');
    expect(say({ days: ['MO', 'TU', 'WE', 'TH'], opensAt: '17:00', closesAt: '09:00' })).to.equal('Monday to Thursday: 5pm to 9am the next day');
    expect(say({ days: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'], opensAt: '00:00', closesAt: '24:00' })).to.equal('Open 24 hours');
    expect(say({ days: ['SA', 'SU'], opensAt: '00:00', closesAt: '00:00' })).to.equal('Saturday, Sunday: open 24 hours');
    expect(say({ days: ['FR'], opensAt: '17:00', closesOn: 'MO', closesAt: '09:00' })).to.equal('5pm Friday to 9am Monday');
  });

  it('takes every word from the strings, and day names from the language', () => {
    const french = { ...t, hours: '{days} : {opens} à {closes}', am: '{time} h', pm: '{time} h (soir)', dayRange: 'du {first} au {last}' };
    expect(openingTimeText({ days: ['MO', 'TU', 'WE'], opensAt: '09:00', closesAt: '17:00' }, 'fr', french)).to.equal('du lundi au mercredi : 9 h à 5 h (soir)');
  });
});
