/**
 * The plain-English check for editors, rule by rule: reading age, sentence length, words GOV.UK
 * advises against and abbreviations not spelled out at first use (with a council's own list), on
 * every prose field of the demo offers (which read well by it) and on a paragraph that breaks each.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_OFFERS } from '../../../examples/cms/src/demo/offers';
import { checkPlainEnglish, DEFAULT_ABBREVIATIONS, type PlainEnglishOptions } from '../../../plugin/server/src/plain-english/check';
import { proseFields } from '../../../plugin/server/src/plain-english/fields';
import { toBlocks } from '../../../plugin/server/src/services/importer';
import config from '../../../plugin/server/src/config';

const OPTIONS: PlainEnglishOptions = { readingAge: 12, maxSentenceWords: 25, abbreviations: DEFAULT_ABBREVIATIONS };
const rules = (text: string, options = OPTIONS) => checkPlainEnglish(text, options).map((issue) => issue.rule);
const asStored = (values: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(values).map(([key, value]) => [key, ['generalApproach', 'evidenceBase', 'legalFramework', 'financialSupportPolicy', 'complaints', 'description'].includes(key) ? toBlocks(value as any) : value]));

const HARD =
  'We will utilise the resources available to the authority to facilitate the provision of comprehensive assistance to kinship carers, including carers with an SGO, and the administrative arrangements for eligibility determinations are described in the accompanying documentation published annually.';

describe('the demo offers', () => {
  const fields = DEMO_OFFERS.flatMap((demo) => [
    ...proseFields('offer', asStored(demo.offer)).map((field) => ({ where: `${demo.offer.slug} ${field.field}`, ...field })),
    ...demo.services.flatMap((service) => proseFields('service', asStored(service)).map((field) => ({ where: `${service.title} ${field.field}`, ...field }))),
  ]);

  it('read well: every prose field passes every rule', () => {
    expect(fields.length).toBeGreaterThan(100);
    const flagged = fields.flatMap(({ where, text }) => checkPlainEnglish(text, OPTIONS).map((issue) => `${where}: ${issue.rule}: ${issue.excerpt}`));
    expect(flagged).toEqual([]);
  });
});

describe('a paragraph that breaks every rule', () => {
  it('is flagged on each, with where and what to do', () => {
    const issues = checkPlainEnglish(HARD, OPTIONS);
    expect(new Set(issues.map((issue) => issue.rule))).toEqual(new Set(['reading-age', 'sentence-length', 'words-to-avoid', 'abbreviation']));
    expect(issues.find((issue) => issue.rule === 'words-to-avoid' && issue.excerpt === 'utilise')).toMatchObject({ message: 'GOV.UK advises against "utilise": write use.', suggestion: 'use' });
    expect(issues.find((issue) => issue.rule === 'sentence-length')!.message).toBe('This sentence has 39 words: keep sentences to 25 words or fewer.');
    const sgo = issues.find((issue) => issue.rule === 'abbreviation')!;
    expect(HARD.slice(sgo.start, sgo.end)).toBe('SGO');
    expect(sgo.suggestion).toBe('special guardianship order (SGO)');
  });

  it('takes a sentence of 25 words, but not 26', () => {
    const words = (n: number) => `${Array.from({ length: n }, () => 'cat').join(' ')}.`;
    expect(rules(words(25))).not.toContain('sentence-length');
    expect(rules(words(26))).toContain('sentence-length');
  });
});

describe('abbreviations', () => {
  it('are fine spelled out at first use, either way round, and flagged once when not', () => {
    expect(rules('A special guardianship order (SGO) lasts until 18. An SGO gives you parental responsibility.')).toEqual([]);
    expect(rules('An SGO (special guardianship order) lasts until 18.')).toEqual([]);
    expect(rules('An SGO lasts until 18. An SGO gives you parental responsibility.')).toEqual(['abbreviation']);
    expect(rules('Ask about Reg 24 approval.')).toEqual(['abbreviation']);
  });

  it('are whole words in the same case', () => {
    expect(rules('She gave us a pep talk.')).toEqual([]);
  });

  it('include a council\'s own once added', () => {
    const text = 'Ask the KSP for help.';
    expect(rules(text)).toEqual([]);
    expect(checkPlainEnglish(text, { ...OPTIONS, abbreviations: { ...DEFAULT_ABBREVIATIONS, KSP: 'kinship support plan' } })).toEqual([
      expect.objectContaining({ rule: 'abbreviation', excerpt: 'KSP', suggestion: 'kinship support plan (KSP)' }),
    ]);
  });
});

describe('reading age', () => {
  it('follows the configured age', () => {
    const text = 'Financial assistance is available for eligible individuals experiencing considerable difficulties.';
    expect(rules(text)).toContain('reading-age');
    expect(rules(text, { ...OPTIONS, readingAge: 30 })).not.toContain('reading-age');
  });

  it('passes short, plain sentences', () => {
    expect(rules('Ring us if you need help. We can talk about money, school and health.')).toEqual([]);
  });
});

describe('the plainEnglish settings', () => {
  const validate = (plainEnglish: unknown) => () => config.validator({ ...config.default, plainEnglish });
  it('take whole numbers and abbreviations with what they stand for', () => {
    expect(validate({ readingAge: 9, maxSentenceWords: 20, abbreviations: { KSP: 'kinship support plan' } })).not.toThrow();
    expect(validate({ ...config.default.plainEnglish, readingAge: 9.5 })).toThrow('plainEnglish.readingAge must be a whole number, 1 or more');
    expect(validate({ ...config.default.plainEnglish, maxSentenceWords: 0 })).toThrow('plainEnglish.maxSentenceWords must be a whole number');
    expect(validate({ ...config.default.plainEnglish, abbreviations: { KSP: '' } })).toThrow('plainEnglish.abbreviations must map each abbreviation');
    expect(validate({ ...config.default.plainEnglish, abbreviations: ['KSP'] })).toThrow('plainEnglish.abbreviations must map each abbreviation');
    expect(validate('strict')).toThrow('plainEnglish must be an object');
  });
});
