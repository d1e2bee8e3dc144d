import { expect } from '@open-wc/testing';
import { directionOf, wordsLocale } from '../../widget/src/locale';

describe('the direction of a language', () => {
  it('is right to left for Arabic-script and Hebrew-script languages', () => {
    for (const tag of ['ar', 'ar-EG', 'ur', 'UR-pk', 'fa', 'ps', 'he', 'yi', 'ckb', 'sd', 'ku-Arab', 'dv']) expect(directionOf(tag), tag).to.equal('rtl');
  });

  it('is left to right otherwise, and for a tag that is not a language', () => {
    for (const tag of ['en', 'en-GB', 'cy', 'pl', 'pa', 'ur-Latn', 'zh-Hant', '', 'not a tag']) expect(directionOf(tag), tag).to.equal('ltr');
  });
});

describe('the language of dates, day names and counts', () => {
  it('reads the page\'s tag however it is written, and English as British English', () => {
    for (const tag of ['en_GB', 'EN-gb', 'en-GB', 'en', 'EN', ' en_gb ', '']) expect(wordsLocale(tag, 'en'), tag).to.equal('en-GB');
    expect(wordsLocale('en-US', 'en')).to.equal('en-US');
    expect(wordsLocale('cy_GB', 'cy')).to.equal('cy-GB');
  });

  it('follows the element\'s words, so an English sentence never holds Urdu or Welsh dates', () => {
    expect(wordsLocale('ur', 'en')).to.equal('en-GB');
    expect(wordsLocale('cy', 'en')).to.equal('en-GB');
    expect(wordsLocale('cy', 'cy')).to.equal('cy');
    expect(wordsLocale(undefined, 'ur')).to.equal('ur');
  });

  it('never answers a tag Intl refuses', () => {
    for (const [tag, words] of [['not a tag', 'en'], ['en__GB', 'en'], ['x', 'en'], ['en', 'also not a tag']]) {
      expect(() => new Intl.DateTimeFormat(wordsLocale(tag, words)), `${tag} / ${words}`).not.to.throw();
    }
  });
});
