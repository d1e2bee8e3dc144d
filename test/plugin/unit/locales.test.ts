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
  ])('%j among %j gives %j', (requested, available, expected) => expect(matchLocale(requested, available, 'en')).toBe(expected));
});
