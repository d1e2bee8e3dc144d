/**
 * The compliance report check by check: what makes each statutory section count as done, what
 * editors read when it is not, the coverage grid, and the review dates at their edges.
 */
import { describe, expect, it } from 'vitest';
import { addMonths, complianceReport, isoDay, type ServiceForReport } from '../../../plugin/server/src/compliance/report';
import { ARRANGEMENT_TYPES, SUPPORT_TYPES } from '../../../plugin/server/src/vocabularies';

const TODAY = new Date('2026-11-23T12:00:00Z');
const words = (text: string) => [{ type: 'paragraph', children: [{ type: 'text', text }] }] as any;
const report = (offer: Record<string, unknown>, services: ServiceForReport[] = [], options: { serviceReviewMonths?: number } = {}) =>
  complianceReport(offer as any, services, { today: TODAY, ...options });
const section = (offer: Record<string, unknown>, key: string) => report(offer).sections.find((s) => s.key === `section:${key}`)!;
const svc = (title: string, supportTypes: string[], arrangementTypes: string[], lastReviewedAt: string | null = '2026-11-01'): ServiceForReport =>
  ({ title, documentId: `doc-${title}`, supportTypes: supportTypes.map((code) => ({ code })), arrangementTypes: arrangementTypes.map((code) => ({ code })), lastReviewedAt }) as ServiceForReport;

/** An offer with every section done, due for review next year. */
const everything = () => {
  const blocks = words('Done.');
  return {
    generalApproach: blocks,
    evidenceBase: blocks,
    accountableOfficerName: 'Sam',
    accountableOfficerRole: 'DCS',
    accountableOfficerEmail: 'dcs@example.gov.uk',
    contactName: 'Team',
    contactEmail: 'team@example.gov.uk',
    legalFrameworkByArrangement: Object.fromEntries(
      ['informal_family_arrangement', 'private_fostering', 'child_arrangements_order', 'special_guardianship_order', 'kinship_foster_care', 'adoption'].map((code) => [code, 'Explained.']),
    ),
    financialSupportPolicy: blocks,
    complaints: blocks,
    independentAdvice: [{}],
    nextReviewDue: '2027-01-01',
  };
};

describe('what editors read for each section not done', () => {
  it('names each section, the field to fill and what to do', () => {
    expect(report({}).sections.map(({ key, label, field, todo }) => [key, label, field, todo])).toMatchInlineSnapshot(`
      [
        [
          "section:general_approach",
          "General approach",
          "generalApproach",
          "Describe your general approach: support follows the child's needs, not legal status.",
        ],
        [
          "section:evidence_base",
          "Evidence base (co-production)",
          "evidenceBase",
          "Say how kinship carers, children and parents shaped the offer.",
        ],
        [
          "section:management_accountability",
          "Management accountability",
          "accountableOfficerName",
          "Name the senior officer responsible, with their role and e-mail.",
        ],
        [
          "section:named_contact",
          "Named contact or team",
          "contactName",
          "Give carers a named contact or team with a phone number or e-mail.",
        ],
        [
          "section:legal_framework:informal_family_arrangement",
          "Legal framework: Informal family arrangement",
          "legalFrameworkByArrangement.informal_family_arrangement",
          "Explain the legal framework for informal family arrangement in plain language.",
        ],
        [
          "section:legal_framework:private_fostering",
          "Legal framework: Private fostering",
          "legalFrameworkByArrangement.private_fostering",
          "Explain the legal framework for private fostering in plain language.",
        ],
        [
          "section:legal_framework:child_arrangements_order",
          "Legal framework: Child arrangements order",
          "legalFrameworkByArrangement.child_arrangements_order",
          "Explain the legal framework for child arrangements order in plain language.",
        ],
        [
          "section:legal_framework:special_guardianship_order",
          "Legal framework: Special guardianship order",
          "legalFrameworkByArrangement.special_guardianship_order",
          "Explain the legal framework for special guardianship order in plain language.",
        ],
        [
          "section:legal_framework:kinship_foster_care",
          "Legal framework: Kinship foster care",
          "legalFrameworkByArrangement.kinship_foster_care",
          "Explain the legal framework for kinship foster care in plain language.",
        ],
        [
          "section:legal_framework:adoption",
          "Legal framework: Adoption by a relative or friend",
          "legalFrameworkByArrangement.adoption",
          "Explain the legal framework for adoption by a relative or friend in plain language.",
        ],
        [
          "section:financial_support_policy",
          "Financial support policy",
          "financialSupportPolicy",
          "Publish the financial support policy: eligibility, how to apply, how decisions are made.",
        ],
        [
          "section:complaints",
          "Complaints",
          "complaints",
          "Explain how children, carers and others can complain.",
        ],
        [
          "section:independent_advice",
          "Independent advice",
          "independentAdvice",
          "Signpost at least one independent advice organisation.",
        ],
      ]
    `);
  });

  it('has no to-do on a section that is done', () => {
    expect(section({ complaints: words('Write to us.') }, 'complaints')).toEqual({ key: 'section:complaints', label: 'Complaints', ok: true, field: 'complaints' });
  });

  it('says which support type, heading and arrangement no published service covers', () => {
    const empty = report({});
    expect(empty.supportTypes[0]).toEqual({ key: 'support:support_groups_and_training', label: 'Support groups and training', ok: false, todo: 'Publish a service for support groups and training.' });
    expect(empty.actHeadings[0]).toEqual({ key: 'act:financial_support', label: 'Financial support', ok: false, todo: 'No published service covers the Act\'s heading "Financial support".' });
    expect(empty.arrangementTypes[0]).toEqual({ key: 'arrangement:informal_family_arrangement', label: 'Informal family arrangement', ok: false, todo: 'No published service is open to informal family arrangement.' });
    const covered = report({}, [svc('A', ['financial_support'], ['adoption'])]);
    expect(covered.supportTypes.find((s) => s.key === 'support:financial_support')).toEqual({ key: 'support:financial_support', label: expect.any(String), ok: true });
    expect(covered.actHeadings[0]).toEqual({ key: 'act:financial_support', label: 'Financial support', ok: true });
    expect(covered.arrangementTypes.find((a) => a.key === 'arrangement:adoption')).toEqual({ key: 'arrangement:adoption', label: expect.any(String), ok: true });
  });
});

describe('when a section counts as done', () => {
  it.each<[string, unknown, boolean]>([
    ['words', words('We support the child.'), true],
    ['words in a later block, after an empty one', [...words(''), ...words('We support the child.')], true],
    ['words deep in a list', [{ type: 'list', children: [{ type: 'list-item', children: [{ type: 'text', text: 'Item' }] }] }], true],
    ['only spaces', words('   \n '), false],
    ['empty blocks', [{ type: 'paragraph', children: [] }, { type: 'paragraph' }], false],
    ['text that is not text', [{ type: 'paragraph', children: [{ type: 'text', text: 5 }, null, 'x'] }], false],
    ['nothing', null, false],
    ['a string, not blocks', 'We support the child.', false],
  ])('rich text with %s: %j', (_, generalApproach, ok) => expect(section({ generalApproach }, 'general_approach').ok).toBe(ok));

  const officer = { accountableOfficerName: 'Sam Lee', accountableOfficerRole: 'Director of Children\'s Services', accountableOfficerEmail: 'dcs@example.gov.uk' };
  it('needs the accountable officer\'s name, role and e-mail, all three', () => {
    expect(section(officer, 'management_accountability').ok).toBe(true);
    for (const field of Object.keys(officer)) {
      expect(section({ ...officer, [field]: ' ' }, 'management_accountability').ok, field).toBe(false);
      expect(section({ ...officer, [field]: undefined }, 'management_accountability').ok, field).toBe(false);
    }
  });

  it('needs a named contact with a phone number or an e-mail', () => {
    expect(section({ contactName: 'Kinship team', contactPhone: '020 7946 0000' }, 'named_contact').ok).toBe(true);
    expect(section({ contactName: 'Kinship team', contactEmail: 'kinship@example.gov.uk' }, 'named_contact').ok).toBe(true);
    expect(section({ contactName: 'Kinship team' }, 'named_contact').ok).toBe(false);
    expect(section({ contactPhone: '020 7946 0000', contactEmail: 'kinship@example.gov.uk' }, 'named_contact').ok).toBe(false);
    expect(section({ contactName: 'Kinship team', contactPhone: '', contactEmail: '  ' }, 'named_contact').ok).toBe(false);
  });

  it('needs an explanation per arrangement, not blank', () => {
    const done = report({ legalFrameworkByArrangement: { adoption: 'The Adoption and Children Act 2002…', private_fostering: ' ' } }).sections;
    expect(done.filter((s) => s.key.startsWith('section:legal_framework') && s.ok).map((s) => s.key)).toEqual(['section:legal_framework:adoption']);
  });

  it('needs at least one independent advice organisation', () => {
    expect(section({ independentAdvice: [{ name: 'Kinship' }] }, 'independent_advice').ok).toBe(true);
    expect(section({ independentAdvice: [] }, 'independent_advice').ok).toBe(false);
  });
});

describe('coverage', () => {
  it('counts a service in every cell of its support types × arrangements, and ignores codes it does not know', () => {
    const { coverage, supportTypes } = report({}, [svc('A', ['financial_support', 'made_up'], ['adoption', 'made_up_too'])]);
    expect(coverage.financial_support.adoption).toBe(1);
    expect(coverage.made_up).toBeUndefined();
    expect(coverage.financial_support.made_up_too).toBeUndefined();
    expect(supportTypes.filter((s) => s.ok).map((s) => s.key)).toEqual(['support:financial_support']);
  });

  it('counts a heading covered by any one of its support types', () => {
    const staying = report({}, [svc('A', ['staying_in_work'], [])]);
    expect(staying.actHeadings.find((h) => h.key === 'act:financial_support')?.ok).toBe(true);
    expect(staying.actHeadings.filter((h) => h.ok)).toHaveLength(1);
  });
});

describe('reviews', () => {
  it('counts the offer overdue the day after its review date, not on it', () => {
    expect(report({ nextReviewDue: '2026-11-23T12:00:00Z' }).overdue.offer).toBe(false);
    expect(report({ nextReviewDue: '2026-11-23T11:59:59Z' }).overdue.offer).toBe(true);
    expect(report({ nextReviewDue: '2026-12-01' }).overdue.offer).toBe(false);
    expect(report({}).overdue.offer).toBe(true);
  });

  it('counts a service overdue once its last review is more than 12 months back, or never', () => {
    const services = [svc('On the day', [], [], '2025-11-23T12:00:00Z'), svc('A second late', [], [], '2025-11-23T11:59:59Z'), svc('Never', [], [], null)];
    expect(report({}, services).overdue.services).toEqual([
      { title: 'A second late', documentId: 'doc-A second late', lastReviewedAt: '2025-11-23T11:59:59Z' },
      { title: 'Never', documentId: 'doc-Never', lastReviewedAt: null },
    ]);
  });

  it('says what to do, one service or several, after the sections', () => {
    /** A service covering every support type and arrangement, so the review is the one thing left. */
    const all = (title: string, lastReviewedAt: string | null) => svc(title, SUPPORT_TYPES.map((t) => t.code), ARRANGEMENT_TYPES.map((t) => t.code), lastReviewedAt);
    expect(report(everything(), [all('Never', null)]).nextSteps).toEqual(['Review 1 service not reviewed for 12 months.']);
    expect(report(everything(), [all('A', null), all('B', '2020-01-01')], { serviceReviewMonths: 6 }).nextSteps).toEqual(['Review 2 services not reviewed for 6 months.']);
    expect(report(everything(), [all('A', '2026-11-01')]).nextSteps).toEqual([]);
    expect(report(everything(), [all('A', '2026-11-01')]).score).toBe(100);
    expect(report({ ...everything(), complaints: null }, [all('A', '2026-11-01')]).nextSteps).toEqual(['Explain how children, carers and others can complain.']);
  });
});

describe('for directories', () => {
  /** A service a directory gets whole: a phone, eligibility, reviewed this month, every location with a postcode, a support type. */
  const whole = (changes: Partial<ServiceForReport> = {}): ServiceForReport => ({
    ...svc('Whole', ['financial_support'], ['adoption'], '2026-11-01'),
    eligibility: 'Special guardians in the borough.',
    contacts: [{ phone: null }, { phone: '020 7946 0000' }],
    locations: [{ name: 'Civic Centre', postcode: 'EB1 1AA' }],
    ...changes,
  });
  const missing = (service: ServiceForReport) => report({}, [service]).forDirectories.services[0]?.missing ?? [];

  it('lists nothing for a service directories get whole, and counts it complete', () => {
    expect(report({}, [whole(), whole({ locations: [] })]).forDirectories).toEqual({ complete: 2, services: [] });
  });

  it('names each thing a directory will miss, in the editor\'s words, with the service\'s field to fix', () => {
    const bare = { ...svc('Bare', [], [], null), documentId: 'doc-bare' } as ServiceForReport;
    const { forDirectories } = report({}, [bare, whole()]);
    expect(forDirectories.complete).toBe(1);
    expect(forDirectories.services).toEqual([
      {
        title: 'Bare',
        documentId: 'doc-bare',
        missing: [
          { key: 'directory:phone', label: 'Phone number', ok: false, field: 'contacts', todo: 'Directories will show no phone number: add a contact with a phone number.' },
          { key: 'directory:eligibility', label: 'Who it is for', ok: false, field: 'eligibility', todo: 'Directories cannot say who can use it: describe who it is for in "Eligibility".' },
          {
            key: 'directory:reviewed',
            label: 'Reviewed in the last 3 months',
            ok: false,
            field: 'lastReviewedAt',
            todo: 'Directories may hide services not checked for 3 months: check it and use "Mark as reviewed today".',
          },
          { key: 'directory:support_type', label: 'Support type', ok: false, field: 'supportTypes', todo: 'Directories cannot file it under any category: choose its support types.' },
        ],
      },
    ]);
  });

  it('needs a phone on some contact, not a blank one', () => {
    expect(missing(whole({ contacts: [{ phone: '  ' }] })).map((check) => check.key)).toEqual(['directory:phone']);
    expect(missing(whole({ contacts: null }))[0].key).toBe('directory:phone');
  });

  it('needs eligibility in words', () => {
    expect(missing(whole({ eligibility: ' ' })).map((check) => check.key)).toEqual(['directory:eligibility']);
  });

  it('counts a review current for 3 months to the moment, and never reviewed as not', () => {
    expect(missing(whole({ lastReviewedAt: '2026-08-23T12:00:00Z' }))).toEqual([]);
    expect(missing(whole({ lastReviewedAt: '2026-08-23T11:59:59Z' })).map((check) => check.key)).toEqual(['directory:reviewed']);
    expect(missing(whole({ lastReviewedAt: null })).map((check) => check.key)).toEqual(['directory:reviewed']);
  });

  it('names each location without a postcode', () => {
    const noPostcode = missing(whole({ locations: [{ name: 'Civic Centre', postcode: 'EB1 1AA' }, { name: 'Hall', postcode: null }, { name: 'Library', postcode: '' }] }));
    expect(noPostcode).toEqual([
      { key: 'directory:address', label: 'Postcode of every location', ok: false, field: 'locations', todo: 'Directories will get no address for Hall, Library: give each a postcode.' },
    ]);
    expect(missing(whole({ locations: [{ name: 'Hall', postcode: null }] }))[0].todo).toBe('Directories will get no address for Hall: give it a postcode.');
  });

  it('leaves the statutory score and next steps alone', () => {
    const bare = report(everything(), [svc('A', ['financial_support'], ['adoption'])]);
    const full = report(everything(), [whole({ supportTypes: [{ code: 'financial_support' }], arrangementTypes: [{ code: 'adoption' }] })]);
    expect(bare.forDirectories.services).toHaveLength(1);
    expect([bare.score, bare.nextSteps]).toEqual([full.score, full.nextSteps]);
  });
});

describe('the score', () => {
  it('counts every section, coverage check and the two review checks, rounded', () => {
    const sectionsOnly = report(everything());
    const checks = sectionsOnly.sections.length + sectionsOnly.supportTypes.length + sectionsOnly.actHeadings.length + sectionsOnly.arrangementTypes.length + 2;
    expect(sectionsOnly.score).toBe(Math.round(((sectionsOnly.sections.length + 1) / checks) * 100));
    expect(report({ ...everything(), nextReviewDue: '2020-01-01' }).score).toBe(Math.round((sectionsOnly.sections.length / checks) * 100));
  });

  it('gives the services review check only when there are services and all are current', () => {
    const one = report(everything(), [svc('A', ['financial_support'], ['adoption'])]);
    const late = report(everything(), [svc('A', ['financial_support'], ['adoption'], null)]);
    expect(one.score - late.score).toBeGreaterThan(0);
  });
});

describe('dates', () => {
  it('adds and takes months in UTC, and writes a day as Strapi stores it', () => {
    expect(isoDay(addMonths(new Date('2026-11-23T23:30:00Z'), 12))).toBe('2027-11-23');
    expect(isoDay(addMonths(new Date('2026-03-15T00:00:00Z'), -6))).toBe('2025-09-15');
    expect(isoDay(new Date('2026-11-23T23:59:59Z'))).toBe('2026-11-23');
  });
});
