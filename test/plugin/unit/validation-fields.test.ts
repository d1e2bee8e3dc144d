/**
 * Every field with a rule is checked through its own field: a rule dropped from one field (the
 * organisation's website, say) fails here even when the same rule still holds on another. The
 * lists below are the fields each rule must cover; the schemas are read to catch a new field that
 * would need one.
 */
import { describe, expect, it } from 'vitest';
import { normaliseDocument, validateDocument } from '../../../plugin/server/src/validation';
import contentTypes from '../../../plugin/server/src/content-types';

type Attributes = Record<string, { type: string }>;
const attributesOf = (name: string) => (contentTypes as Record<string, { schema: { attributes: unknown } }>)[name].schema.attributes as Attributes;
const problems = (name: string, changes: Record<string, unknown>, current = {}) =>
  validateDocument(name, attributesOf(name), changes, current).map((error) => `${error.path.join('.')}: ${error.message}`);
const fieldsOfType = (type: string) =>
  Object.keys(contentTypes).flatMap((name) =>
    Object.entries(attributesOf(name))
      .filter(([, attribute]) => attribute.type === type)
      .map(([field]) => `${name}.${field}`),
  );
const split = (path: string) => path.split('.') as [string, string];

const WEB_ADDRESS_FIELDS = ['offer.contactUrl', 'offer.canonicalUrl', 'service.referralUrl', 'organisation.website'];
const PHONE_FIELDS = ['offer.contactPhone', 'organisation.phone', 'contact.phone'];
const EMAIL_FIELDS = ['offer.accountableOfficerEmail', 'offer.contactEmail', 'organisation.email', 'contact.email'];
const RICH_TEXT_FIELDS = ['offer.generalApproach', 'offer.evidenceBase', 'offer.legalFramework', 'offer.financialSupportPolicy', 'offer.complaints', 'service.description'];

describe('the lists of fields below are the schemas\' fields', () => {
  it('names every e-mail and rich-text field', () => {
    expect(fieldsOfType('email').sort()).toEqual([...EMAIL_FIELDS].sort());
    expect(fieldsOfType('blocks').sort()).toEqual([...RICH_TEXT_FIELDS].sort());
  });

  it('names every field that holds a web address or a phone number', () => {
    const named = (pattern: RegExp) =>
      Object.keys(contentTypes).flatMap((name) => Object.keys(attributesOf(name)).filter((field) => pattern.test(field)).map((field) => `${name}.${field}`));
    expect(named(/url|website/i).sort()).toEqual([...WEB_ADDRESS_FIELDS].sort());
    expect(named(/phone/i).sort()).toEqual([...PHONE_FIELDS].sort());
  });
});

describe.each(WEB_ADDRESS_FIELDS)('the web address %s', (path) => {
  const [name, field] = split(path);

  it('takes an https address', () => expect(problems(name, { [field]: 'https://www.example.gov.uk/kinship' })).toEqual([]));

  it.each([
    ['javascript:alert(1)', 'Enter a web address that starts with https://'],
    ['http://www.example.gov.uk', 'Enter a web address that starts with https://'],
    ['data:text/html,x', 'Enter a web address that starts with https://'],
    ['www.example.gov.uk', 'Enter a full web address, like https://www.example.gov.uk/kinship'],
  ])('refuses %j', (value, message) => expect(problems(name, { [field]: value })).toEqual([`${field}: ${message}`]));
});

describe.each(PHONE_FIELDS)('the phone number %s', (path) => {
  const [name, field] = split(path);

  it('takes a UK number and stores it in the standard grouping', () => {
    expect(problems(name, { [field]: '+44 (0)20 7946 0000' })).toEqual([]);
    expect(normaliseDocument(name, attributesOf(name), { [field]: '+44 (0)20 7946 0000' })).toEqual({ [field]: '020 7946 0000' });
  });

  it.each([
    ['999', /^999 is for emergencies/],
    ['call us', /digits only/],
    ['+1 212 555 0100', /other countries/],
  ])('refuses %j', (value, message) => {
    const [problem] = problems(name, { [field]: value });
    expect(problem.startsWith(`${field}: `)).toBe(true);
    expect(problem.slice(field.length + 2)).toMatch(message);
  });
});

describe.each(EMAIL_FIELDS)('the e-mail address %s', (path) => {
  const [name, field] = split(path);

  it('takes an address', () => expect(problems(name, { [field]: 'kinship@example.gov.uk' })).toEqual([]));

  it.each(['kinship at example.gov.uk', 'kinship@example', '<kinship@example.gov.uk>'])('refuses %j', (value) =>
    expect(problems(name, { [field]: value })).toEqual([`${field}: Enter an email address in the correct format, like kinship@example.gov.uk`]),
  );
});

const linkIn = (url: unknown) => [{ type: 'paragraph', children: [{ type: 'link', url, children: [{ type: 'text', text: 'here' }] }] }];

describe.each(RICH_TEXT_FIELDS)('the rich text %s', (path) => {
  const [name, field] = split(path);

  it.each(['https://www.example.gov.uk', 'mailto:kinship@example.gov.uk', 'tel:+442079460000'])('takes a link to %j', (url) =>
    expect(problems(name, { [field]: linkIn(url) })).toEqual([]),
  );

  it.each(['javascript:alert(1)', 'data:text/html,x', 'vbscript:x', 'http://www.example.gov.uk', 'file:///etc/passwd', ' JaVa\tScRiPt:alert(1)'])(
    'refuses a link to %j, naming it',
    (url) => expect(problems(name, { [field]: linkIn(url) })).toEqual([`${field}: Links must start with https://, mailto: or tel: (check ${url})`]),
  );
});

describe('rich text', () => {
  const complaints = (value: unknown) => problems('offer', { complaints: value });
  const message = (check: string) => [`complaints: Links must start with https://, mailto: or tel: (check ${check})`];

  it('takes empty rich text, and text with no links', () => {
    expect(complaints(null)).toEqual([]);
    expect(complaints([])).toEqual([]);
    expect(complaints('')).toEqual([]);
    expect(complaints([{ type: 'paragraph', children: [{ type: 'text', text: 'javascript:alert(1)' }] }])).toEqual([]);
  });

  it('refuses what is not a list of blocks', () => {
    expect(complaints('<p>hello</p>')).toEqual(['complaints: Rich text must be a list of blocks']);
    expect(complaints({ type: 'paragraph' })).toEqual(['complaints: Rich text must be a list of blocks']);
  });

  it('finds a bad link however deep, in lists and quotes', () => {
    const deep = [
      { type: 'list', format: 'unordered', children: [{ type: 'list-item', children: [{ type: 'quote', children: linkIn('javascript:x') }] }] },
    ];
    expect(complaints(deep)).toEqual(message('javascript:x'));
  });

  it('refuses a link without a text address, and images (the offer has no uploads)', () => {
    expect(complaints(linkIn(undefined))).toEqual(message('undefined'));
    expect(complaints(linkIn({ href: 'https://x.example' }))).toEqual(message('[object Object]'));
    expect(complaints([{ type: 'image', image: { url: 'https://x.example/a.png' }, children: [] }])).toEqual(message('an image'));
  });

  it('names the first three bad links', () => {
    const four = ['javascript:1', 'javascript:2', 'javascript:3', 'javascript:4'].flatMap(linkIn);
    expect(complaints(four)).toEqual(message('javascript:1, javascript:2, javascript:3'));
  });

  it('takes a good link beside text nodes and nodes that are not objects', () => {
    expect(complaints([null, 'text', { type: 'paragraph', children: [null, { type: 'text', text: 'see ' }, ...linkIn('https://x.example')[0].children] }])).toEqual([]);
  });
});

describe('the offer', () => {
  const offer = (changes: Record<string, unknown>, current = {}) => problems('offer', changes, current);

  it.each([
    [[], 'councils: Name at least one council the offer covers, with its GSS code'],
    [null, 'councils: Name at least one council the offer covers, with its GSS code'],
    ['Example Borough', 'councils: Name at least one council the offer covers, with its GSS code'],
    [[{ gssCode: 'E09000033' }], "councils: Council 1: give the council's name"],
    [[{ name: '  ', gssCode: 'E09000033' }], "councils: Council 1: give the council's name"],
    ['E09000033'.split(''), "councils: Council 1: give the council's name"],
    [[{ name: 'A', gssCode: 'E09000033' }, { name: 'B', gssCode: 'E0900003' }], "councils: Council 2: Enter the council's 9-character GSS code, like E09000033"],
  ])('refuses the councils %j', (councils, message) => expect(offer({ councils })).toEqual([message]));

  it('takes several councils', () => {
    expect(offer({ councils: [{ name: 'A', gssCode: 'E09000033' }, { name: 'B', gssCode: 'W06000015' }] })).toEqual([]);
  });

  it('takes an explanation of 5,000 characters per arrangement, and refuses 5,001', () => {
    expect(offer({ legalFrameworkByArrangement: { adoption: 'x'.repeat(5000) } })).toEqual([]);
    expect(offer({ legalFrameworkByArrangement: { adoption: 'x'.repeat(5001) } })).toEqual([
      'legalFrameworkByArrangement: The explanation for adoption is longer than 5,000 characters',
    ]);
  });

  it('keys explanations by arrangement code, as text', () => {
    expect(offer({ legalFrameworkByArrangement: null })).toEqual([]);
    expect(offer({ legalFrameworkByArrangement: { private_fostering: 'text', special_guardianship_order: 'text' } })).toEqual([]);
    expect(offer({ legalFrameworkByArrangement: ['text'] })).toEqual(['legalFrameworkByArrangement: Give one explanation per arrangement type, keyed by its code']);
    expect(offer({ legalFrameworkByArrangement: 'text' })).toEqual(['legalFrameworkByArrangement: Give one explanation per arrangement type, keyed by its code']);
    expect(offer({ legalFrameworkByArrangement: { adoption: 5 } })).toEqual(['legalFrameworkByArrangement: The explanation for adoption must be text']);
    expect(offer({ legalFrameworkByArrangement: { sgo: 'text' } })[0]).toBe(
      'legalFrameworkByArrangement: "sgo" is not an arrangement type; use one of informal_family_arrangement, private_fostering, child_arrangements_order, special_guardianship_order, kinship_foster_care, adoption',
    );
  });

  it('needs the next review after the last one: a day after passes, the same day does not', () => {
    expect(offer({ lastReviewedAt: '2026-03-01', nextReviewDue: '2026-03-02' })).toEqual([]);
    expect(offer({ lastReviewedAt: '2026-03-01', nextReviewDue: '2026-03-01' })).toEqual(['nextReviewDue: The next review must fall after the last review']);
    expect(offer({ lastReviewedAt: '2026-03-01' }, { nextReviewDue: '2026-02-01' })).toEqual(['nextReviewDue: The next review must fall after the last review']);
    expect(offer({ nextReviewDue: '2026-02-01' })).toEqual([]);
    expect(offer({ lastReviewedAt: '2026-02-01' })).toEqual([]);
  });

  it('ignores fields the content type does not have, and fields without a rule', () => {
    expect(offer({ notAField: 'javascript:x', name: 'javascript:x' })).toEqual([]);
    expect(problems('location', { name: 'javascript:x', postcode: 'x' })).toEqual([]);
    expect(normaliseDocument('location', attributesOf('location'), { name: '020 7946 0000' })).toEqual({ name: '020 7946 0000' });
  });
});

describe('the service', () => {
  const service = (changes: Record<string, unknown>, current = {}) => problems('service', changes, current);

  it('takes the same minimum and maximum age, and refuses a maximum below the minimum, also when one changes', () => {
    expect(service({ minimumAge: 5, maximumAge: 5 })).toEqual([]);
    expect(service({ minimumAge: 6, maximumAge: 5 })).toEqual(['maximumAge: The maximum age must be the same as or more than the minimum age']);
    expect(service({ minimumAge: 6 }, { maximumAge: 5 })).toEqual(['maximumAge: The maximum age must be the same as or more than the minimum age']);
    expect(service({ minimumAge: 6 })).toEqual([]);
    expect(service({ minimumAge: 6, maximumAge: null })).toEqual([]);
    expect(service({ minimumAge: '10', maximumAge: 5 })).toEqual([]);
  });

  it('takes empty lists and opening times', () => {
    expect(service({ deliveryMethods: '', languages: null, openingTimes: '' })).toEqual([]);
  });

  it.each([
    [['online', 'phone', 'in_person'], []],
    [null, []],
    [['post'], ['deliveryMethods: Delivery method 1: use in_person, online, phone']],
    [['online', 'Online'], ['deliveryMethods: Delivery method 2: use in_person, online, phone']],
    ['online', ['deliveryMethods: Enter Delivery method as a list']],
  ])('delivery methods %j', (deliveryMethods, expected) => expect(service({ deliveryMethods })).toEqual(expected));

  it.each([
    [['en', 'cy', 'pl'], []],
    [['en', 'Welsh'], ['languages: Language 2: Use language codes such as "en", "cy" or "pl"']],
    ['en', ['languages: Enter Language as a list']],
  ])('languages %j', (languages, expected) => expect(service({ languages })).toEqual(expected));

  it('takes an opening-time note of 200 characters and refuses 201', () => {
    const time = { days: ['MO'], opensAt: '09:00', closesAt: '17:00' };
    expect(service({ openingTimes: [{ ...time, note: 'x'.repeat(200) }] })).toEqual([]);
    expect(service({ openingTimes: [{ ...time, note: 'x'.repeat(201) }] })).toEqual(['openingTimes: Opening time 1: the note must be text of up to 200 characters']);
    expect(service({ openingTimes: [{ ...time, note: 5 }] })).toEqual(['openingTimes: Opening time 1: the note must be text of up to 200 characters']);
  });

  it.each([
    ['MO 9-5', 'give days, opensAt and closesAt'],
    [{ opensAt: '09:00', closesAt: '17:00' }, 'name at least one day'],
    [{ days: [], opensAt: '09:00', closesAt: '17:00' }, 'name at least one day'],
    [{ days: ['MO', 'Tuesday'], opensAt: '09:00', closesAt: '17:00' }, 'Use the days MO, TU, WE, TH, FR, SA, SU'],
    [{ days: ['MO'], opensAt: '9am', closesAt: '17:00' }, 'Enter a time like 09:30 or 17:00 (24:00 for midnight at the end of the day)'],
    [{ days: ['MO'], opensAt: '09:00' }, 'Enter a time like 09:30 or 17:00 (24:00 for midnight at the end of the day)'],
  ])('refuses the opening time %j', (time, message) => expect(service({ openingTimes: [time] })).toEqual([`openingTimes: Opening time 1: ${message}`]));

  it('names which opening time is wrong, and takes a closesOn of null as none', () => {
    const good = { days: ['MO'], opensAt: '09:00', closesAt: '17:00', closesOn: null };
    expect(service({ openingTimes: [good, { ...good, days: ['XX'] }] })).toEqual(['openingTimes: Opening time 2: Use the days MO, TU, WE, TH, FR, SA, SU']);
  });
});

describe('a support type\'s equivalent terms in other taxonomies', () => {
  const terms = (...items: unknown[]) => problems('support-type', { equivalentTerms: items });
  const term = (fields: Record<string, unknown> = {}) => ({ taxonomy: 'Example directory categories', code: 'EDC-101', name: 'Money and grants', ...fields });

  it('takes a list of terms, each with its taxonomy and code, the URI and name optional', () => {
    expect(terms(term(), term({ code: 'EDC-102', name: undefined, taxonomyUri: 'http://directory.example.org/categories' }), term({ taxonomy: 'Another list' }))).toEqual([]);
    // Spacing is read as one space, not as none: these are two taxonomies.
    expect(terms(term(), term({ taxonomy: 'Example directorycategories' }))).toEqual([]);
    expect(problems('support-type', { equivalentTerms: [] })).toEqual([]);
    expect(problems('support-type', { equivalentTerms: null })).toEqual([]);
  });

  it.each([
    [[term({ taxonomy: '' })], 'Equivalent term 1: give the name of its taxonomy'],
    [[term(), term({ code: null })], 'Equivalent term 2: give its code in Example directory categories'],
    [[term({ code: '   ' })], 'Equivalent term 1: the code is blank; fill it in or leave it empty'],
    [[term({ name: ' ' })], 'Equivalent term 1: the name is blank; fill it in or leave it empty'],
    [[term({ taxonomyUri: '\t' })], 'Equivalent term 1: the taxonomyUri is blank; fill it in or leave it empty'],
    [[term({ taxonomyUri: 'javascript:alert(1)' })], 'Equivalent term 1: the taxonomy URI must be a full web address, like https://directory.example.org/categories'],
    [[term({ taxonomyUri: 'categories' })], 'Equivalent term 1: the taxonomy URI must be a full web address, like https://directory.example.org/categories'],
    [[term({ taxonomyUri: 'https://localhost/categories' })], 'Equivalent term 1: the taxonomy URI must be a full web address, like https://directory.example.org/categories'],
    [[term({ code: 7 })], 'Equivalent term 1: the code must be text'],
    [['EDC-101'], 'Equivalent term 1: give the taxonomy and the code'],
    [[term(), term({ taxonomy: ' example  DIRECTORY categories ', code: 'edc-101 ', name: 'Other words' })], 'Equivalent term 2: example  DIRECTORY categories edc-101 is already equivalent term 1'],
    [[term({ taxonomy: 'Caf\u00e9 needs' }), term({ taxonomy: 'Cafe\u0301 needs' })], 'Equivalent term 2: Cafe\u0301 needs EDC-101 is already equivalent term 1'],
  ])('refuses %j, saying which entry and what to do', (items, message) => {
    expect(terms(...(items as unknown[]))).toEqual([`equivalentTerms: ${message}`]);
  });

  it('refuses anything but a list', () => {
    expect(problems('support-type', { equivalentTerms: { taxonomy: 'x', code: 'y' } })).toEqual(['equivalentTerms: Enter the equivalent terms as a list']);
  });
});
