import { describe, expect, it } from 'vitest';
import { normaliseDocument, validateDocument } from '../../../plugin/server/src/validation';
import { isSafeLink, ukPhone } from '../../../plugin/server/src/validation/rules';
import offer from '../../../plugin/server/src/content-types/offer/schema';
import service from '../../../plugin/server/src/content-types/service/schema';
import organisation from '../../../plugin/server/src/content-types/organisation/schema';
import contact from '../../../plugin/server/src/content-types/contact/schema';

const offerAttributes = offer.attributes as Record<string, { type: string }>;
const serviceAttributes = service.attributes as Record<string, { type: string }>;
const messagesFor = (name: string, attributes: Record<string, { type: string }>, changes: Record<string, unknown>, current = {}) =>
  validateDocument(name, attributes, changes, current).map((error) => `${error.path.join('.')}: ${error.message}`);

const linkIn = (url: string) => [
  { type: 'paragraph', children: [{ type: 'link', url, children: [{ type: 'text', text: 'here' }] }] },
];

describe('validating an offer', () => {
  it('accepts the kind of values councils publish', () => {
    expect(
      messagesFor('offer', offerAttributes, {
        contactPhone: '020 7946 0000',
        contactEmail: 'kinship@example.gov.uk',
        contactUrl: 'https://www.example.gov.uk/kinship',
        councils: [{ name: 'Example Borough Council', gssCode: 'E09000999' }],
        complaints: linkIn('mailto:complaints@example.gov.uk'),
        lastReviewedAt: '2026-01-01',
        nextReviewDue: '2027-01-01',
      }),
    ).toEqual([]);
  });

  it('explains each bad format in words an editor understands', () => {
    expect(
      messagesFor('offer', offerAttributes, {
        contactPhone: '12345',
        contactEmail: 'kinship at example',
        contactUrl: 'http://www.example.gov.uk',
        councils: [{ name: 'Example', gssCode: 'XYZ' }],
      }),
    ).toEqual([
      'contactPhone: This short number is not a helpline: use 111, 101, a 116 number such as 116 123, or the full number',
      'contactEmail: Enter an email address in the correct format, like kinship@example.gov.uk',
      'contactUrl: Enter a web address that starts with https://',
      "councils: Council 1: Enter the council's 9-character GSS code, like E09000033",
    ]);
  });

  it.each(['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', ' data:text/html,<script>', 'vbscript:x', 'http://example.gov.uk'])(
    'refuses the rich-text link %j',
    (url) => {
      expect(messagesFor('offer', offerAttributes, { complaints: linkIn(url) })[0]).toMatch(
        /^complaints: Links must start with https:\/\/, mailto: or tel:/,
      );
    },
  );

  it('refuses a next review that is not after the last one, also when only one date changes', () => {
    expect(messagesFor('offer', offerAttributes, { nextReviewDue: '2026-01-01' }, { lastReviewedAt: '2026-03-01' })).toEqual([
      'nextReviewDue: The next review must fall after the last review',
    ]);
  });

  it('keys the legal framework by arrangement codes only', () => {
    expect(messagesFor('offer', offerAttributes, { legalFrameworkByArrangement: { sgo: 'text' } })[0]).toMatch(
      /"sgo" is not an arrangement type/,
    );
  });
});

describe('validating a service', () => {
  it('checks opening times, delivery methods, languages and ages as data', () => {
    expect(
      messagesFor('service', serviceAttributes, {
        openingTimes: [{ days: ['MO'], opensAt: '17:00', closesAt: '25:00' }],
        deliveryMethods: ['carrier pigeon'],
        languages: ['English'],
        minimumAge: 12,
        maximumAge: 5,
        referralUrl: 'javascript:alert(1)',
      }),
    ).toEqual([
      'openingTimes: Opening time 1: Enter a time like 09:30 or 17:00 (24:00 for midnight at the end of the day)',
      'deliveryMethods: Delivery method 1: use in_person, online, phone',
      'languages: Language 1: Use language codes such as "en", "cy" or "pl"',
      'referralUrl: Enter a web address that starts with https://',
      'maximumAge: The maximum age must be the same as or more than the minimum age',
    ]);
  });
});

describe('opening times past midnight (issue 10)', () => {
  const problemsWith = (...openingTimes: unknown[]) => messagesFor('service', serviceAttributes, { openingTimes });

  it.each([
    ['overnight, closing the next day', { days: ['MO', 'TU', 'WE', 'TH'], opensAt: '17:00', closesAt: '09:00' }],
    ['to midnight', { days: ['FR'], opensAt: '18:00', closesAt: '00:00' }],
    ['to the end of the day, 24:00', { days: ['FR'], opensAt: '18:00', closesAt: '24:00' }],
    ['24 hours', { days: ['SA', 'SU'], opensAt: '00:00', closesAt: '24:00' }],
    ['24 hours, written 00:00 to 00:00', { days: ['SA'], opensAt: '00:00', closesAt: '00:00' }],
    ['a weekend span, Friday 17:00 to Monday 09:00', { days: ['FR'], opensAt: '17:00', closesOn: 'MO', closesAt: '09:00' }],
    ['as Strapi writes times', { days: ['MO'], opensAt: '09:00:00.000', closesAt: '24:00:00.000' }],
    ['as stored before this change', { days: ['MO'], opensAt: '09:30', closesAt: '12:00', note: 'Term time only' }],
  ])('accepts opening times %s', (_, time) => {
    expect(problemsWith(time)).toEqual([]);
  });

  it.each([
    [{ days: ['MO'], opensAt: '24:00', closesAt: '09:00' }, 'open at 00:00 rather than 24:00'],
    [{ days: ['MO'], opensAt: '09:00', closesAt: '24:30' }, 'Enter a time like 09:30 or 17:00 (24:00 for midnight at the end of the day)'],
    [{ days: ['FR'], opensAt: '17:00', closesOn: 'Monday', closesAt: '09:00' }, 'closesOn: Use the days MO, TU, WE, TH, FR, SA, SU'],
    [{ days: ['TH', 'FR'], opensAt: '17:00', closesOn: 'MO', closesAt: '09:00' }, 'a span that closes on a later day (closesOn) opens on one day: name only that day in days'],
    [{ days: ['FR'], opensAt: '17:00', closesOn: 'FR', closesAt: '09:00' }, 'closesOn is the day it opens: leave closesOn out (a closing time at or before the opening time already means the next day)'],
  ])('refuses %j, saying why', (time, message) => {
    expect(problemsWith(time)).toEqual([`openingTimes: Opening time 1: ${message}`]);
  });
});

describe('format rules', () => {
  it.each(['020 7946 0000', '+44 20 7946 0000', '(020) 7946-0000', '07700 900123', '0161 496 0000'])('takes %s as a UK phone number', (phone) => {
    expect(ukPhone(phone)).toBeNull();
  });

  it.each(['+1 212 555 0100', 'call us', '020 7946 0000 ext. five'])('refuses %s as a UK phone number', (phone) => {
    expect(ukPhone(phone)).not.toBeNull();
  });
});

describe('UK phone numbers (issue 9)', () => {
  // What carers' helplines and out-of-hours lines really publish, and how readers expect to see them.
  it.each([
    ['116 123', '116 123'], // emotional support helpline (Samaritans' number style)
    ['116123', '116 123'],
    ['116 111', '116 111'], // the children's helpline
    ['0800 1111', '0800 1111'], // 8-digit freephone (Childline's number style)
    ['111', '111'],
    ['101', '101'],
    ['18001 020 7946 0999', '18001 020 7946 0999'], // Relay UK, textphone user calling
    ['18002 02079460999', '18002 020 7946 0999'],
    ['18001 111', '18001 111'],
    ['0808 157 0000', '0808 157 0000'], // freephone
    ['0300 123 4567', '0300 123 4567'], // 03, charged as geographic
    ['07700 900123', '07700 900123'], // mobile (Ofcom's drama range)
    ['+44 7700 900123', '07700 900123'],
    ['+44 (0)20 7946 0000', '020 7946 0000'],
    ['0044 20 7946 0000', '020 7946 0000'],
    ['02079460000', '020 7946 0000'],
    ['0113 496 0000', '0113 496 0000'],
    ['01632 960001', '01632 960001'],
    ['020 7946 0000 ext. 123', '020 7946 0000 ext. 123'],
    ['020 7946 0000 ext 5', '020 7946 0000 ext. 5'],
    ['020 7946 0000 extension 5', '020 7946 0000 ext. 5'],
    ['020 7946 0000 x5', '020 7946 0000 ext. 5'],
    ['020 7946 0000, ext. 12', '020 7946 0000 ext. 12'],
    ['020 \u2013 7946 \u2013 0999', '020 7946 0999'], // en dashes, as Word and Outlook write " - "
    ['020\u20117946\u20110999', '020 7946 0999'], // non-breaking hyphens, pasted from a web page
    ['0800\u2014111\u20143333', '0800 111 3333'], // em dashes
    ['18001 0800 111 3333', '18001 0800 111 3333'],
  ])('takes %j and stores it as %j', (typed, stored) => {
    expect(ukPhone(typed)).toBeNull();
    expect(ukPhone.normalise(typed)).toBe(stored);
  });

  it.each([
    ['call us', /digits only/],
    ['020 7946 ABCD', /digits only/],
    ['12345', /short number is not a helpline/],
    ['116 999', /short number is not a helpline/],
    ['0207946099999', /too many digits/],
    ['020 794', /too few digits/],
    ['01000 000000', /not a UK phone number in use/],
    ['+1 212 555 0100', /other countries/],
    ['999', /999 is for emergencies/],
    ['112', /112 is for emergencies/],
    ['18000', /emergencies/],
    ['18001 999', /After the Relay UK prefix 18001: 999 is for emergencies/],
    ['18001 12345', /After the Relay UK prefix 18001/],
    ['111 ext. 4', /cannot have an extension/],
  ])('refuses %j, saying why', (typed, why) => {
    expect(ukPhone(typed)).toMatch(why);
    expect(ukPhone.normalise(typed)).toBe(typed);
  });

  it('normalises every phone field of every content type on save, and nothing else', () => {
    const typed = { contactPhone: '+44 (0)20 7946 0000', contactName: '+44 (0)20 7946 0000' };
    expect(normaliseDocument('offer', offerAttributes, typed)).toEqual({ contactPhone: '020 7946 0000', contactName: typed.contactName });
    for (const [name, schema] of [['organisation', organisation], ['contact', contact]] as const) {
      const attributes = schema.attributes as Record<string, { type: string }>;
      expect(messagesFor(name, attributes, { phone: '116123' })).toEqual([]);
      expect(normaliseDocument(name, attributes, { phone: '116123' })).toEqual({ phone: '116 123' });
      expect(messagesFor(name, attributes, { phone: '999' })[0]).toMatch(/^phone: 999 is for emergencies/);
    }
  });

  it('leaves a bad number as typed, so the editor sees what they typed beside the message', () => {
    expect(normaliseDocument('contact', contact.attributes as Record<string, { type: string }>, { phone: 'call us' })).toEqual({ phone: 'call us' });
  });
});

describe('links', () => {
  it('allows only https, mailto and tel links', () => {
    expect(['https://x.example', 'mailto:a@example.gov.uk', 'tel:+442079460000'].every(isSafeLink)).toBe(true);
    expect(['javascript:x', 'data:x', 'http://x.example', '//x.example', 'https://x.example/"onmouseover="x'].some(isSafeLink)).toBe(false);
  });
});
