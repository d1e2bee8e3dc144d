/**
 * The element's and the pages' words in each language (widget/src/packs/<code>.json `strings` and
 * `pages`) against the English ones (widget/src/strings.ts DEFAULT_STRINGS and PAGE_STRINGS): every key, every plural form the language has (CLDR, as Intl.PluralRules
 * knows it), the same placeholders, and an honest record of who checked the words.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPack, packFor } from '../../../widget/src/packs';
import { DEFAULT_STRINGS, format, PAGE_STRINGS } from '../../../widget/src/strings';

const DIR = path.resolve(__dirname, '../../../widget/src/packs');
const read = (code: string) => JSON.parse(readFileSync(path.join(DIR, `${code}.json`), 'utf8'));
const placeholders = (text: string) => [...new Set(text.match(/\{\w+\}/g) ?? [])].sort();
/** The languages with a pack: Welsh and the ten most spoken in England after English (Census 2021). */
const PACKS = ['ar', 'bn', 'cy', 'es', 'gu', 'it', 'pa', 'pl', 'pt', 'ro', 'ur'];
const categories = (lang: string) => new Intl.PluralRules(lang).resolvedOptions().pluralCategories;

describe('the language packs', () => {
  it('are the files in widget/src/packs, each named by its language', () => {
    expect(readdirSync(DIR).map((file) => file.replace(/\.json$/, '')).sort()).toEqual(PACKS);
  });

  describe.each(PACKS)('%s', (code) => {
    const pack = read(code);

    it('says whether a speaker has checked it (false, or who checked it and when), and what it is', () => {
      if (pack.checkedBySpeaker === false) expect(pack.about).toMatch(/not yet checked by a speaker/);
      else expect(pack.checkedBySpeaker).toMatch(/\S/);
    });

    it.each([
      ['strings', DEFAULT_STRINGS],
      ['pages', PAGE_STRINGS],
    ] as const)('has in %s every key of the English words and no other, none blank, each with the same placeholders', (part, englishWords) => {
      const words: Record<string, any> = pack[part];
      expect(Object.keys(words).sort()).toEqual(Object.keys(englishWords).sort());
      for (const [key, english] of Object.entries(englishWords)) {
        const translated = words[key];
        if (typeof english === 'string') {
          expect([key, typeof translated, translated.trim().length > 0]).toEqual([key, 'string', true]);
          if (key !== 'lang') expect([key, placeholders(translated)]).toEqual([key, placeholders(english)]);
        } else {
          // A plural: every form the language has, each using no placeholder English lacks.
          expect([key, Object.keys(translated).sort()]).toEqual([key, [...categories(code)].sort()]);
          for (const form of Object.values(translated) as string[]) {
            expect(form.trim()).not.toBe('');
            expect(placeholders(form).every((name) => placeholders(english.other).includes(name))).toBe(true);
          }
        }
      }
      if (part === 'strings') expect(words.lang).toBe(code);
    });

    it('holds nothing but its record, the element\'s words and the pages\' words', () => {
      expect(Object.keys(pack).sort()).toEqual(['about', 'checkedBySpeaker', 'pages', 'strings']);
    });

    it('names the statutory term "kinship local offer" in English beside its translation, where it first appears', () => {
      for (const key of ['loading', 'errorTitle', 'notFound'] as const) expect(pack.strings[key]).toContain('(kinship local offer)');
      expect(pack.strings.costMeansTested).toContain('means-tested');
    });
  });
});

describe('counts, in the form CLDR gives each number', () => {
  // The form each of 0, 1, 2, 3, 5, 11, 21, 22, 100 takes (CLDR plural rules), and the words for it.
  const COUNTS = [0, 1, 2, 3, 5, 11, 21, 22, 100];
  it.each([
    ['cy', ['zero', 'one', 'two', 'few', 'other', 'other', 'other', 'other', 'other']],
    ['pl', ['many', 'one', 'few', 'few', 'many', 'many', 'many', 'few', 'many']],
    ['ar', ['zero', 'one', 'two', 'few', 'few', 'many', 'many', 'many', 'other']],
    ['ro', ['few', 'one', 'few', 'few', 'few', 'few', 'other', 'other', 'other']],
  ])('%s', (code, forms) => {
    const rules = new Intl.PluralRules(code);
    expect(COUNTS.map((count) => rules.select(count))).toEqual(forms);
    const { resultCount } = read(code).strings;
    for (const [index, count] of COUNTS.entries()) {
      expect(format(resultCount, { count }, code)).toBe(resultCount[forms[index]].replace('{count}', String(count)));
    }
  });

  it('reads Polish as a speaker would: 1 usługa, 2 usługi, 5 usług, 22 usługi', () => {
    const { resultCount } = read('pl').strings;
    expect([1, 2, 5, 22].map((count) => format(resultCount, { count }, 'pl'))).toEqual(['1 usługa', '2 usługi', '5 usług', '22 usługi']);
  });
});

describe('the pack for a language tag', () => {
  it.each([
    ['cy', 'cy'],
    ['cy-GB', 'cy'],
    ['PL', 'pl'],
    ['pt_BR', 'pt'],
    ['ur-PK', 'ur'],
    ['en', undefined],
    ['en-GB', undefined],
    ['fr', 'fr'],
    [undefined, undefined],
    ['', undefined],
  ])('%j → %j', (tag, code) => expect(packFor(tag)).toBe(code));
});

describe('a pack the element cannot find', () => {
  // A site's own bundler that writes a classic script (esbuild --bundle, whose default format is
  // iife) leaves the element's import.meta.url undefined: the packs have no address, and the offer
  // must still show, in English words, rather than fail with "Invalid URL".
  it('with no script address, leaves English instead of failing the offer', async () => {
    await expect(loadPack('cy', undefined as unknown as string)).resolves.toEqual({});
  });
});
