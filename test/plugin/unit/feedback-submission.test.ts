/**
 * The checks on a reader's feedback before anything is stored, at their edges: a form filled in
 * under 2 seconds is refused and one of 2 seconds passes; a message of 1,000 characters passes
 * and 1,001 is refused. The clock is passed in, so nothing here waits.
 */
import { describe, expect, it } from 'vitest';
import { readSubmission } from '../../../plugin/server/src/controllers/feedback';

const NOW = Date.parse('2026-11-30T09:00:00Z');
const filledIn = (ms: number) => NOW - ms;
const read = (data: unknown, now = NOW) => readSubmission({ data }, now);
const refusal = (data: unknown) => {
  try {
    read(data);
  } catch (error: any) {
    expect(error.name).toBe('ValidationError');
    return { message: error.message as string, field: error.details?.errors?.[0]?.path?.[0] as string | undefined };
  }
  throw new Error('accepted');
};
const valid = { offer: 'example-borough', helpful: true, startedAt: filledIn(60_000) };

describe('the minimum fill time', () => {
  it('refuses a form sent 1,999 ms after it was opened, and takes one sent at 2,000 ms', () => {
    expect(refusal({ ...valid, startedAt: filledIn(1_999) })).toEqual({ message: 'The feedback was sent too quickly: please try again.', field: 'startedAt' });
    expect(read({ ...valid, startedAt: filledIn(2_000) })).toMatchObject({ slug: 'example-borough' });
  });

  it('refuses a form opened in the future, and one that does not say when it was opened', () => {
    for (const startedAt of [filledIn(-5_000), undefined, '2026-11-30T08:59:00Z', String(filledIn(60_000)), null]) {
      expect(refusal({ ...valid, startedAt })).toEqual({ message: 'The feedback was sent too quickly: please try again.', field: 'startedAt' });
    }
  });

  it('counts to the time it is given', () => {
    const startedAt = filledIn(60_000);
    expect(() => readSubmission({ data: { ...valid, startedAt } }, startedAt + 1_999)).toThrow('too quickly');
    expect(readSubmission({ data: { ...valid, startedAt } }, startedAt + 2_000).slug).toBe('example-borough');
  });
});

describe('the message', () => {
  it('takes 1,000 characters and refuses 1,001', () => {
    expect(read({ ...valid, message: 'x'.repeat(1_000) }).message).toHaveLength(1_000);
    expect(refusal({ ...valid, message: 'x'.repeat(1_001) })).toEqual({ message: 'message must be text of up to 1000 characters', field: 'message' });
  });

  it('is stored trimmed, and not at all when blank', () => {
    expect(read({ ...valid, message: '  The times are wrong.\n' }).message).toBe('The times are wrong.');
    expect(read({ ...valid, message: '   ' }).message).toBeUndefined();
    expect(read({ ...valid, message: '' }).message).toBeUndefined();
  });

  it('must be text', () => {
    expect(refusal({ ...valid, message: ['x'] })).toEqual({ message: 'message must be text of up to 1000 characters', field: 'message' });
    expect(refusal({ ...valid, message: 5 })).toEqual({ message: 'message must be text of up to 1000 characters', field: 'message' });
  });
});

describe('what a submission must say', () => {
  it('takes "was this helpful" alone, a message alone, or both, about an offer or one of its services', () => {
    expect(read({ offer: 'example-borough', helpful: false, startedAt: filledIn(60_000) })).toEqual({
      slug: 'example-borough',
      serviceUuid: undefined,
      helpful: false,
      message: undefined,
      fromBot: false,
    });
    expect(read({ offer: 'example-borough', message: 'No evening sessions', startedAt: filledIn(60_000) })).toMatchObject({ helpful: undefined, message: 'No evening sessions' });
    expect(read({ ...valid, service: '2b0f6c1e-9a8e-4c1d-8a63-0d6f1c3e5b7a' }).serviceUuid).toBe('2b0f6c1e-9a8e-4c1d-8a63-0d6f1c3e5b7a');
  });

  it.each([
    [{ offer: 'example-borough', startedAt: filledIn(60_000) }, 'Say whether it was helpful, or what is missing or wrong.', undefined],
    [{ offer: 'example-borough', message: '  ', startedAt: filledIn(60_000) }, 'Say whether it was helpful, or what is missing or wrong.', undefined],
    [{ helpful: true, startedAt: filledIn(60_000) }, 'Name the offer the feedback is about (its slug).', 'offer'],
    [{ ...valid, offer: '' }, 'Name the offer the feedback is about (its slug).', 'offer'],
    [{ ...valid, offer: ['example-borough'] }, 'Name the offer the feedback is about (its slug).', 'offer'],
    [{ ...valid, service: 12 }, "service must be the service's UUID", 'service'],
    [{ ...valid, helpful: 'yes' }, 'helpful must be true or false', 'helpful'],
    [{ ...valid, helpful: null }, 'helpful must be true or false', 'helpful'],
    [{ ...valid, name: 'Jo' }, 'Unknown field "name". Send offer, service, helpful, message.', 'name'],
    [{ ...valid, email: 'jo@example.com', name: 'Jo' }, 'Unknown field "email". Send offer, service, helpful, message.', 'email'],
  ])('refuses %j: %s', (data, message, field) => expect(refusal(data)).toEqual({ message, field }));

  it.each([undefined, null, 'feedback', ['x'], 5])('refuses a body whose data is %j', (data) => {
    expect(refusal(data)).toEqual({ message: 'Send the feedback as JSON: { "data": { "offer": "<slug>", … } }', field: undefined });
  });

  it('refuses a body that is not an object', () => {
    for (const body of [undefined, null, 'x']) expect(() => readSubmission(body, NOW)).toThrow('Send the feedback as JSON');
  });
});

describe('the honeypot', () => {
  it('marks a submission whose hidden website field is filled as from a bot, and only then', () => {
    expect(read({ ...valid, website: 'https://spam.example' }).fromBot).toBe(true);
    expect(read({ ...valid, website: ' ' }).fromBot).toBe(true);
    expect(read({ ...valid, website: '' }).fromBot).toBe(false);
    expect(read(valid).fromBot).toBe(false);
  });
});

describe('what is kept of a message', () => {
  it('leaves out NUL (no character a reader types; PostgreSQL refuses it) and keeps the rest, trimmed', () => {
    expect(read({ ...valid, message: '  Times \u0000are\u0000 wrong \u0000' }).message).toBe('Times are wrong');
    expect(read({ ...valid, message: '\u0000 \u0000' }).message).toBeUndefined();
  });
});
