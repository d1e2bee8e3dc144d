/**
 * The format rules over the forms editors really type, and every refused link scheme in every
 * disguise a browser would still follow.
 */
import { describe, expect, it } from 'vitest';
import { REFUSED_LINKS } from '../../support/refused-links';
import {
  ukPhone,
  clockTime,
  email,
  gssCode,
  isoDate,
  isSafeLink,
  languageCode,
  linkScheme,
  webAddress,
  weekday,
} from '../../../plugin/server/src/validation/rules';

describe('linkScheme: the scheme as a browser reads it', () => {
  it.each([
    ['https://www.example.gov.uk', 'https:'],
    ['HTTPS://WWW.EXAMPLE.GOV.UK', 'https:'],
    ['mailto:kinship@example.gov.uk', 'mailto:'],
    ['tel:+442079460000', 'tel:'],
    ['javascript:alert(1)', 'javascript:'],
    ['JaVaScRiPt:alert(1)', 'javascript:'],
    ['  javascript:alert(1)', 'javascript:'],
    ['java\tscript:alert(1)', 'javascript:'],
    ['java\nscript:alert(1)', 'javascript:'],
    ['java\rscript:alert(1)', 'javascript:'],
    ['java\u0000script:alert(1)', 'javascript:'],
    ['\u0001javascript:alert(1)', 'javascript:'],
    ['jav\u007fascript:alert(1)', 'javascript:'],
    ['jav\u0085ascript:alert(1)', 'javascript:'],
    ['javascript\u0009:alert(1)', 'javascript:'],
    ['vbscript:msgbox(1)', 'vbscript:'],
    ['data:text/html,<script>alert(1)</script>', 'data:'],
    ['file:///etc/passwd', 'file:'],
    ['view-source:https://x.example', 'view-source:'],
    ['web+kinship:x', 'web+kinship:'],
    ['x-1.a:y', 'x-1.a:'],
  ])('reads %j as %j', (href, scheme) => expect(linkScheme(href)).toBe(scheme));

  it.each(['//x.example', '/kinship', 'kinship', '1http://x', '&#106;avascript:alert(1)', 'javascript&colon;alert(1)', ':x', 'java\u00a0script:x', ''])(
    'finds no scheme in %j',
    (href) => expect(linkScheme(href)).toBeNull(),
  );
});

describe('isSafeLink', () => {
  it.each([
    'https://www.example.gov.uk/kinship',
    'HTTPS://WWW.EXAMPLE.GOV.UK/KINSHIP',
    ' https://www.example.gov.uk/kinship ',
    'https://www.example.gov.uk/kinship?a=1&b=2#part',
    'mailto:kinship@example.gov.uk',
    'MailTo:kinship@example.gov.uk?subject=Kinship',
    'tel:+442079460000',
    'TEL:116123',
  ])('follows %j', (href) => expect(isSafeLink(href)).toBe(true));

  it.each(REFUSED_LINKS)('refuses %j', (href) => expect(isSafeLink(href)).toBe(false));

  it.each([
    'https://x.example/"onmouseover="alert(1)',
    'https://x.example/<script>',
    'https://x.example/a>b',
    'https://x.example/a b',
    'https://x.example/a\tb',
    'https://x.example/a\nb',
    'tel:020 7946 0000',
  ])('refuses a safe scheme with a quote, angle bracket or space inside: %j', (href) => expect(isSafeLink(href)).toBe(false));
});

describe('webAddress', () => {
  it.each(['https://www.example.gov.uk/kinship', ' https://www.example.gov.uk/kinship ', 'HTTPS://WWW.EXAMPLE.GOV.UK', 'https://example.gov.uk/a?b=c#d', '', null, undefined])(
    'takes %j',
    (value) => expect(webAddress(value)).toBeNull(),
  );

  it.each([
    ['http://www.example.gov.uk', 'Enter a web address that starts with https://'],
    ['javascript:alert(1)', 'Enter a web address that starts with https://'],
    ['data:text/html,x', 'Enter a web address that starts with https://'],
    ['ftp://files.example.gov.uk', 'Enter a web address that starts with https://'],
    ['https://localhost/kinship', 'Enter a full web address, like https://www.example.gov.uk/kinship'],
    ['www.example.gov.uk/kinship', 'Enter a full web address, like https://www.example.gov.uk/kinship'],
    ['https://exa mple.gov.uk', 'Enter a full web address, like https://www.example.gov.uk/kinship'],
    ['example', 'Enter a full web address, like https://www.example.gov.uk/kinship'],
    [42, 'Enter a web address as text'],
    [['https://www.example.gov.uk'], 'Enter a web address as text'],
  ])('refuses %j: %s', (value, message) => expect(webAddress(value)).toBe(message));
});

describe('email', () => {
  it.each(['kinship@example.gov.uk', ' kinship@example.gov.uk ', 'KINSHIP@EXAMPLE.GOV.UK', 'first.last+kinship@example.co.uk', "o'brien@example.gov.uk", 'a@b.scot', '', null, undefined])(
    'takes %j',
    (value) => expect(email(value)).toBeNull(),
  );

  it.each([
    'kinship at example.gov.uk',
    'kinship@example',
    'kinship@example.g',
    'kinship@example.gov.u1',
    '@example.gov.uk',
    'kinship@',
    'kinship@@example.gov.uk',
    'kin@ship@example.gov.uk',
    'kin ship@example.gov.uk',
    'kinship@exa mple.gov.uk',
    'kinship@example.gov.uk<script>',
    '<kinship@example.gov.uk>',
    'mailto:kinship@example.gov.uk',
    '"kinship"@example.gov.uk',
    'a,b@example.gov.uk',
    'a;b@example.gov.uk',
    '(kinship)@example.gov.uk',
    '[kinship]@example.gov.uk',
    'kinship@example.gov.uk, other@example.gov.uk',
    42,
  ])('refuses %j', (value) => expect(email(value)).toBe('Enter an email address in the correct format, like kinship@example.gov.uk'));
});

describe('gssCode', () => {
  it.each(['E09000033', 'E06000001', 'W06000015', 'S12000036', 'N09000003'])('takes %j', (code) => expect(gssCode(code)).toBeNull());

  it.each(['e09000033', 'X09000033', 'E0900003', 'E090000333', ' E09000033', 'E09000033 ', 'E09 000 033', 'E09-000033', '', null, undefined, 9000033])(
    'refuses %j',
    (code) => expect(gssCode(code)).toBe("Enter the council's 9-character GSS code, like E09000033"),
  );
});

describe('clockTime', () => {
  it.each(['00:00', '09:30', '19:59', '20:00', '23:59', '24:00', '09:30:00', '09:30:00.000', '24:00:00.000'])('takes %j', (time) =>
    expect(clockTime(time)).toBeNull(),
  );

  it.each(['24:01', '24:30', '25:00', '30:00', '9:30', '09:60', '09:5', '0930', '09.30', '9.30am', '09:30:30', '09:30:00.5', '09:30:00.001', ' 09:30', '09:30 ', '', null, 930])(
    'refuses %j',
    (time) => expect(clockTime(time)).toBe('Enter a time like 09:30 or 17:00 (24:00 for midnight at the end of the day)'),
  );
});

describe('languageCode', () => {
  it.each(['en', 'cy', 'pl', 'gd', 'ur', 'yue'])('takes %j', (code) => expect(languageCode(code)).toBeNull());

  it.each(['EN', 'En', 'e', 'english', 'abcd', 'en-GB', 'en_GB', ' en', 'en ', '', null, 1])('refuses %j', (code) =>
    expect(languageCode(code)).toBe('Use language codes such as "en", "cy" or "pl"'),
  );
});

describe('weekday', () => {
  it.each(['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'])('takes %j', (day) => expect(weekday(day)).toBeNull());

  it.each(['mo', 'Mon', 'Monday', 'MON', '', null])('refuses %j, naming the days', (day) =>
    expect(weekday(day)).toBe('Use the days MO, TU, WE, TH, FR, SA, SU'),
  );
});

describe('ukPhone as a rule', () => {
  it('leaves blanks to required, and refuses what is not text', () => {
    expect(ukPhone('')).toBeNull();
    expect(ukPhone(null)).toBeNull();
    expect(ukPhone(2079460000)).toBe('Enter a UK phone number as text');
    expect(ukPhone.normalise(2079460000)).toBe(2079460000);
    expect(ukPhone.normalise('')).toBe('');
    expect(ukPhone.normalise(null)).toBeNull();
  });
});

describe('rules on values that only look like text', () => {
  it('refuses a list holding a good value', () => {
    expect(gssCode(['E09000033'])).not.toBeNull();
    expect(clockTime(['09:30'])).not.toBeNull();
    expect(languageCode(['en'])).not.toBeNull();
  });
});

describe('isoDate', () => {
  it('reads a Strapi date, a date and time, and a Date', () => {
    expect(isoDate('2026-11-23')?.toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(isoDate('2026-11-23T10:00:00.000Z')?.toISOString()).toBe('2026-11-23T10:00:00.000Z');
    expect(isoDate(new Date('2026-11-23T00:00:00Z'))?.toISOString()).toBe('2026-11-23T00:00:00.000Z');
  });

  it.each(['not a date', '2026-13-45', '', 1_700_000_000_000, null, undefined, {}])('reads %j as no date', (value) => expect(isoDate(value)).toBeNull());
});
