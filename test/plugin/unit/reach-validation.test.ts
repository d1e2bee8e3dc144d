/**
 * Reach's checks that need no database (plugin/server/src/reach/validation and repeats): what a
 * batch may hold, each refusal naming the problem; the page's site from Origin or Referer, never
 * its path; readers who opted out and requests that are not a reader's browser; and what one
 * client can add, by batch and by repeat. (Through HTTP against a real Strapi: reach.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { errors } from '@strapi/utils';
import { distinctEvents, RecentEvents } from '../../../plugin/server/src/reach/repeats';
import { concernsService, MAX_BODY_BYTES, MAX_EVENTS, notAReader, optedOut, pageSite, readBatch } from '../../../plugin/server/src/reach/validation';

const SERVICE = '11111111-1111-4111-8111-111111111111';

/** The refusal's message and the field it names (undefined: the whole body), or null when the batch is read. */
function refusal(body: unknown): { message: string; field?: unknown } | null {
  try {
    readBatch(body);
    return null;
  } catch (error) {
    if (!(error instanceof errors.ValidationError)) throw error;
    return { message: error.message, field: (error.details as { errors?: Array<{ path: string[] }> }).errors?.[0]?.path[0] };
  }
}

describe('a reach batch', () => {
  it('is read from JSON text (text/plain, no preflight) or an object, as sent', () => {
    const batch = { offer: 'example-borough', events: [['shown', 'full'], ['service', SERVICE]] };
    expect(readBatch(JSON.stringify(batch))).toEqual(batch);
    expect(readBatch(batch)).toEqual(batch);
  });

  it('is at most 4,096 bytes of text, counted in bytes', () => {
    const padded = (length: number) => {
      const text = JSON.stringify({ offer: 'x', events: [['print', '']] });
      return text.replace('"x"', `"${'x'.repeat(length - text.length + 1)}"`);
    };
    expect(padded(MAX_BODY_BYTES)).toHaveLength(MAX_BODY_BYTES);
    expect(refusal(padded(MAX_BODY_BYTES))?.message ?? null).not.toContain('too large');
    expect(refusal(padded(MAX_BODY_BYTES + 1))?.message).toBe('The batch is too large: send at most 4096 bytes.');
    // 2,049 two-byte characters are 4,098 bytes.
    expect(refusal(`"${'é'.repeat(2_049)}"`)?.message).toContain('too large');
  });

  it.each([
    ['not JSON', '{offer:', undefined, 'The body is not JSON.'],
    ['a list', '[]', undefined, 'Send the events as JSON'],
    ['null', 'null', undefined, 'Send the events as JSON'],
    ['a number', '5', undefined, 'Send the events as JSON'],
    ['an offer that is not text', { offer: 5, events: [['print', '']] }, 'offer', 'Name the offer'],
    ['nothing', '', undefined, 'The body is not JSON.'],
    ['an unknown field', { offer: 'x', events: [['print', '']], reader: 'me' }, 'reader', 'Unknown field "reader"'],
    ['no offer', { events: [['print', '']] }, 'offer', 'Name the offer'],
    ['an empty offer', { offer: '', events: [['print', '']] }, 'offer', 'Name the offer'],
    ['an offer of 201 characters', { offer: 'x'.repeat(201), events: [['print', '']] }, 'offer', 'Name the offer'],
    ['no events', { offer: 'x', events: [] }, 'events', 'events must be a list of 1 to 40 events.'],
    ['events not a list', { offer: 'x', events: 'shown' }, 'events', 'events must be a list'],
    ['41 events', { offer: 'x', events: Array.from({ length: MAX_EVENTS + 1 }, () => ['print', '']) }, 'events', 'events must be a list'],
    ['an event not a pair', { offer: 'x', events: [['print']] }, 'events[0]', 'events[0] must be [event, subject], two strings.'],
    ['an event of three', { offer: 'x', events: [['print', '', '']] }, 'events[0]', 'two strings'],
    ['a number for an event', { offer: 'x', events: [[1, '']] }, 'events[0]', 'two strings'],
    ['a number for a subject', { offer: 'x', events: [['print', 1]] }, 'events[0]', 'two strings'],
    ['an event not a list', { offer: 'x', events: ['print'] }, 'events[0]', 'two strings'],
    ['an unknown event', { offer: 'x', events: [['print', ''], ['click', '']] }, 'events[1]', 'events[1]: unknown event "click"'],
  ])('is refused when %s, naming it', (_what, body, field, message) => {
    const refused = refusal(body);
    expect(refused?.message).toContain(message);
    expect(refused?.field).toBe(field);
  });

  it('takes an offer of 200 characters and 40 events', () => {
    expect(refusal({ offer: 'x'.repeat(200), events: Array.from({ length: MAX_EVENTS }, () => ['print', '']) })).toBeNull();
  });

  it.each([
    ['shown', ['full', 'services', 'contact'], ['', 'page', 'FULL']],
    ['search', ['1-3', '4-10', '11-20', '21+'], ['', '5', 'kinship']],
    ['print', [''], ['x']],
    ['arrangement', ['', 'special_guardianship_order', 'a1'], ['Special', 'a-b', 'x'.repeat(65)]],
    ['support_type', ['financial_support', 'x'.repeat(64)], ['', 'Financial', 'x'.repeat(65)]],
    ['service', [SERVICE, SERVICE.toUpperCase()], ['', 'not-a-uuid', `${SERVICE}0`, `x${SERVICE}`]],
    ['phone', ['', SERVICE], ['07700900123', `${SERVICE} `]],
    ['feedback', ['', SERVICE], ['helpful']],
  ])('takes a %s event with its own kind of subject only', (event, good, bad) => {
    for (const subject of good) expect(refusal({ offer: 'x', events: [[event, subject]] }), `${event} "${subject}"`).toBeNull();
    for (const subject of bad) expect(refusal({ offer: 'x', events: [[event, subject]] })?.field, `${event} "${subject}"`).toBe('events[0]');
  });

  it('says what a subject should be', () => {
    expect(refusal({ offer: 'x', events: [['shown', 'page']] })?.message).toBe('events[0]: the view shown must be one of full, services, contact.');
    expect(refusal({ offer: 'x', events: [['print', 'x']] })?.message).toBe('events[0]: print takes no subject: send "".');
    expect(refusal({ offer: 'x', events: [['web', 'x']] })?.message).toBe('events[0]: web is sent with a service\'s UUID, or "" for the named contact.');
    expect(refusal({ offer: 'x', events: [['search', 'kinship']] })?.message).toBe('events[0]: a search is sent as its length, one of 1-3, 4-10, 11-20, 21+.');
    expect(refusal({ offer: 'x', events: [['click', '']] })?.message).toBe(
      'events[0]: unknown event "click"; send one of shown, arrangement, support_type, search, service, phone, email, web, print, feedback.',
    );
  });
});

describe('an event\'s subject', () => {
  it('is a service for service, phone, e-mail, web and feedback events that name one', () => {
    expect(concernsService('phone', SERVICE)).toBe(true);
    expect(concernsService('service', SERVICE)).toBe(true);
    expect(concernsService('phone', '')).toBe(false);
    expect(concernsService('support_type', 'financial_support')).toBe(false);
  });
});

describe('the page\'s site', () => {
  it('is the origin of the page, from Origin, else from the Referer, never its path or query', () => {
    expect(pageSite({ origin: 'https://www.example.gov.uk' })).toBe('https://www.example.gov.uk');
    expect(pageSite({ referer: 'http://localhost:8080/kinship?arrangement=x#services' })).toBe('http://localhost:8080');
    expect(pageSite({ origin: 'null', referer: 'https://council.example/offer' })).toBe('https://council.example');
    expect(pageSite({ origin: 'file:///home/page.html', referer: 'https://council.example/offer' })).toBe('https://council.example');
    expect(pageSite({ origin: 'not a url', referer: 'https://council.example/' })).toBe('https://council.example');
  });

  it('is refused when unknown, or longer than its column', () => {
    expect(() => pageSite({})).toThrow('The page\'s site is unknown');
    expect(() => pageSite({ origin: ['https://a.example'] as never })).toThrow('unknown');
    expect(() => pageSite({ origin: 'ftp://files.example' })).toThrow('unknown');
    const host = (length: number) => `https://${'a'.repeat(length - 'https://'.length - '.example'.length)}.example`;
    expect(pageSite({ origin: host(255) })).toHaveLength(255);
    expect(() => pageSite({ origin: host(256) })).toThrow('at most 255 characters');
  });
});

describe('who is not counted', () => {
  it('a reader who asked not to be tracked (Global Privacy Control or Do Not Track)', () => {
    expect(optedOut({ 'sec-gpc': '1' })).toBe(true);
    expect(optedOut({ dnt: '1' })).toBe(true);
    expect(optedOut({ dnt: '0', 'sec-gpc': '0' })).toBe(false);
    expect(optedOut({})).toBe(false);
  });

  it('a crawler, a script, or a request with no User-Agent; a browser is counted', () => {
    expect(notAReader({ 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' })).toBe(true);
    expect(notAReader({ 'user-agent': 'curl/8.5.0' })).toBe(true);
    expect(notAReader({ 'user-agent': '  ' })).toBe(true);
    expect(notAReader({})).toBe(true);
    expect(notAReader({ 'user-agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36' })).toBe(false);
  });
});

describe('what one client adds', () => {
  it('counts each event and subject of a batch once, and one view at most, the first', () => {
    const events: Array<[any, string]> = [['shown', 'full'], ['shown', 'contact'], ['service', SERVICE], ['service', SERVICE], ['phone', SERVICE], ['phone', '']];
    expect(distinctEvents(events)).toEqual([['shown', 'full'], ['service', SERVICE], ['phone', SERVICE], ['phone', '']]);
  });

  it('counts an event again from one address only after the window, and from another address at once', () => {
    const recent = new RecentEvents();
    const WINDOW = 30 * 60_000;
    expect(recent.firstIn(WINDOW, 0, '192.0.2.1', 'o', 'shown', 'full')).toBe(true);
    expect(recent.firstIn(WINDOW, WINDOW - 1, '192.0.2.1', 'o', 'shown', 'full')).toBe(false);
    expect(recent.firstIn(WINDOW, 10, '192.0.2.2', 'o', 'shown', 'full')).toBe(true);
    expect(recent.firstIn(WINDOW, 10, '192.0.2.1', 'o2', 'shown', 'full')).toBe(true);
    expect(recent.firstIn(WINDOW, 10, '192.0.2.1', 'o', 'shown', 'contact')).toBe(true);
    expect(recent.firstIn(WINDOW, WINDOW, '192.0.2.1', 'o', 'shown', 'full')).toBe(true);
    // The window starts again from the last count.
    expect(recent.firstIn(WINDOW, 2 * WINDOW - 1, '192.0.2.1', 'o', 'shown', 'full')).toBe(false);
  });

  it('counts every event when the window is 0', () => {
    const recent = new RecentEvents();
    expect(recent.firstIn(0, 0, 'a', 'o', 'print', '')).toBe(true);
    expect(recent.firstIn(0, 0, 'a', 'o', 'print', '')).toBe(true);
  });

  it('remembers 100,000 keys: past them the oldest is let go first', () => {
    const recent = new RecentEvents();
    const WINDOW = 60_000;
    for (let i = 0; i <= 100_000; i += 1) recent.firstIn(WINDOW, 0, `r${i}`, 'o', 'print', '');
    expect(recent.firstIn(WINDOW, 1, 'r0', 'o', 'print', '')).toBe(true);
    expect(recent.firstIn(WINDOW, 1, 'r100000', 'o', 'print', '')).toBe(false);
    expect(recent.firstIn(WINDOW, 1, 'r2', 'o', 'print', '')).toBe(false);
  });
});
