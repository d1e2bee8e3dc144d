import { describe, expect, it } from 'vitest';
import { matchLocale } from '../../../plugin/server/src/locales';

describe('matchLocale: which of an offer\'s languages a page gets', () => {
  it.each<[string | undefined, string[], string | null]>([
    ['en', ['en', 'cy'], 'en'],
    ['en-GB', ['en', 'cy'], 'en'],
    ['EN-gb', ['en', 'cy'], 'en'],
    ['en_GB', ['en', 'cy'], 'en'],
    [' cy ', ['en', 'cy'], 'cy'],
    ['cy-Latn-GB', ['en', 'cy'], 'cy'],
    ['en-GB', ['en-GB', 'en-US'], 'en-GB'],
    ['en-gb', ['en-GB', 'en-US'], 'en-GB'],
    ['en', ['en-US', 'en-GB'], 'en-GB'],
    ['en-AU', ['en-US', 'fr'], 'en-US'],
    ['zh-Hant-HK', ['zh-Hant', 'zh'], 'zh-Hant'],
    ['pl', ['en', 'cy'], 'en'],
    [undefined, ['en', 'cy'], 'en'],
    ['', ['en', 'cy'], 'en'],
    ['<script>', ['en', 'cy'], 'en'],
    ['en', ['cy', 'ur'], 'cy'],
    ['en', [], null],
    ['en_GB', ['en-GB', 'en-US'], 'en-GB'],
    ['en_US', ['en-GB', 'en-US'], 'en-US'],
    ['fr-CA', ['en-US', 'fr-FR'], 'fr-FR'],
    ['cy-<script>', ['en', 'cy'], 'en'],
    ['cy-GB!', ['en', 'cy'], 'en'],
    ['cy-abcdefghi', ['en', 'cy'], 'en'],
    ['c', ['en', 'cy'], 'en'],
    ['cymr', ['en', 'cy'], 'en'],
    [undefined, ['cy', 'ar'], 'ar'],
    ['de', ['pl', 'cy', 'ar'], 'ar'],
  ])('%j among %j gives %j', (requested, available, expected) => expect(matchLocale(requested, available, 'en')).toBe(expected));
});
