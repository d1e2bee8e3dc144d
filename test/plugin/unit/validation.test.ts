import { describe, expect, it } from 'vitest';
import { validateDocument } from '../../../plugin/server/src/validation';
import { isSafeLink, ukPhone } from '../../../plugin/server/src/validation/rules';
import offer from '../../../plugin/server/src/content-types/offer/schema';
import service from '../../../plugin/server/src/content-types/service/schema';

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
      'contactPhone: Enter a UK phone number, like 020 7946 0000 or +44 20 7946 0000',
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
        openingTimes: [{ days: ['MO'], opensAt: '17:00', closesAt: '09:00' }],
        deliveryMethods: ['carrier pigeon'],
        languages: ['English'],
        minimumAge: 12,
        maximumAge: 5,
        referralUrl: 'javascript:alert(1)',
      }),
    ).toEqual([
      'openingTimes: Opening time 1: the closing time must be after the opening time',
      'deliveryMethods: Delivery method 1: use in_person, online, phone',
      'languages: Language 1: Use language codes such as "en", "cy" or "pl"',
      'referralUrl: Enter a web address that starts with https://',
      'maximumAge: The maximum age must be the same as or more than the minimum age',
    ]);
  });
});

describe('format rules', () => {
  it.each(['020 7946 0000', '+44 20 7946 0000', '(020) 7946-0000', '07700 900123', '0161 496 0000'])('takes %s as a UK phone number', (phone) => {
    expect(ukPhone(phone)).toBeNull();
  });

  it.each(['999', '+1 212 555 0100', '020 7946 0000 ext 5', 'call us'])('refuses %s as a UK phone number', (phone) => {
    expect(ukPhone(phone)).not.toBeNull();
  });

  it('allows only https, mailto and tel links', () => {
    expect(['https://x.example', 'mailto:a@example.gov.uk', 'tel:+442079460000'].every(isSafeLink)).toBe(true);
    expect(['javascript:x', 'data:x', 'http://x.example', '//x.example', 'https://x.example/"onmouseover="x'].some(isSafeLink)).toBe(false);
  });
});
