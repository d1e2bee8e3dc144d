/** The partner's form read against the service's schema (plugin/server/src/partners/form). */
import { describe, expect, it } from 'vitest';
import { formValuesOf, inputOf, PARTNER_FIELDS, readProposal } from '../../../plugin/server/src/partners/form';

const current = { title: 'Kinship navigators', summary: 'Someone to help.', cost: 'free', costAmount: null, minimumAge: 0, maximumAge: 18, referralUrl: null, alert: null };
const asShown = () => ({ ...formValuesOf(current), name: 'Sam Partner' });

describe('the partner form', () => {
  it('offers the public plain-value fields only, with the schema\'s limits', () => {
    expect(PARTNER_FIELDS.map((field) => field.name)).not.toContain('lastReviewedBy');
    expect(inputOf('title')).toMatchObject({ kind: 'line', maxLength: 200, required: true });
    expect(inputOf('summary')).toMatchObject({ kind: 'paragraph', maxLength: 400 });
    expect(inputOf('cost').options!.map(([code]) => code)).toEqual(['free', 'means_tested', 'charged']);
  });

  it('finds no change in the form as shown, and each change as stored', () => {
    expect(readProposal(asShown(), current)).toMatchObject({ problems: [], changes: {}, name: 'Sam Partner' });
    const read = readProposal({ ...asShown(), title: '  New name ', maximumAge: '16', alert: 'Closed this week' }, current);
    expect(read.changes).toEqual({ title: 'New name', maximumAge: 16, alert: 'Closed this week' });
  });

  it('ties each problem to its field, keeps what was typed, and ignores fields it does not know', () => {
    const read = readProposal({ ...asShown(), name: '', summary: '', minimumAge: '-1', maximumAge: '2.5', cost: 'bribe', referralUrl: 'http://example.org', note: 'x'.repeat(2001), uuid: 'forged', lastReviewedBy: 'me' }, current);
    expect(Object.fromEntries(read.problems.map((problem) => [problem.field, problem.message]))).toEqual({
      summary: 'Enter the summary',
      minimumAge: 'Youngest age, in years must be a whole number, like 5',
      maximumAge: 'Oldest age, in years must be a whole number, like 5',
      cost: 'Choose one of the options for cost',
      referralUrl: expect.stringContaining('https://'),
      name: 'Enter your name, so the council knows who checked the service',
      note: 'The note must be 2000 characters or fewer (it has 2001)',
    });
    expect(read.typed).toMatchObject({ minimumAge: '-1', cost: 'bribe', name: '' });
    expect(read.changes).not.toHaveProperty('uuid');
    expect(read.changes).not.toHaveProperty('lastReviewedBy');
  });

  it('checks values that must agree: the oldest age not below the youngest', () => {
    const read = readProposal({ ...asShown(), minimumAge: '12', maximumAge: '5' }, current);
    expect(read.problems).toEqual([{ field: 'maximumAge', message: 'The maximum age must be the same as or more than the minimum age' }]);
  });

  it('takes none of what is not one piece of text (a repeated field, an object from JSON): a problem beside that field, the first value shown again', () => {
    const read = readProposal({ ...asShown(), title: ['One', 'Two'], name: { $ne: 1 } as never }, current);
    expect(read.changes.title).toBeUndefined();
    expect(read.typed.title).toBe('One');
    expect(read.problems).toEqual([
      { field: 'title', message: expect.stringContaining('sent more than once') },
      { field: 'name', message: expect.stringContaining('not sent as text') },
    ]);
  });
});
