import { expect } from '@open-wc/testing';
import { directionOf } from '../../widget/src/locale';

describe('the direction of a language', () => {
  it('is right to left for Arabic-script and Hebrew-script languages', () => {
    for (const tag of ['ar', 'ar-EG', 'ur', 'UR-pk', 'fa', 'ps', 'he', 'yi', 'ckb', 'sd', 'ku-Arab', 'dv']) expect(directionOf(tag), tag).to.equal('rtl');
  });

  it('is left to right otherwise, and for a tag that is not a language', () => {
    for (const tag of ['en', 'en-GB', 'cy', 'pl', 'pa', 'ur-Latn', 'zh-Hant', '', 'not a tag']) expect(directionOf(tag), tag).to.equal('ltr');
  });
});
