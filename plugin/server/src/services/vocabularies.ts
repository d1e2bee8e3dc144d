/**
 * The arrangement and support type vocabularies as stored: seeded from vocabularies.ts with the
 * English defaults, then owned by editors, who may reword or translate labels but not codes.
 */
import type { Core } from '@strapi/strapi';
import { UID } from '../uids';
import { ARRANGEMENT_TYPES, SUPPORT_TYPES, type VocabularyTerm } from '../vocabularies';

const VOCABULARIES = [
  { uid: UID.arrangementType, terms: ARRANGEMENT_TYPES },
  { uid: UID.supportType, terms: SUPPORT_TYPES },
] as const;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const defaultLocale = () => strapi.plugin('i18n').service('locales').getDefaultLocale() as Promise<string>;

  const termsIn = async (uid: (typeof VOCABULARIES)[number]['uid'], locale: string) =>
    strapi.documents(uid).findMany({ locale, sort: ['order:asc', 'code:asc'], limit: 100 });

  return {
    /** Adds any statutory term that is missing, in the default locale; never touches an existing one. */
    async seed() {
      const locale = await defaultLocale();
      for (const { uid, terms } of VOCABULARIES) {
        const existing = new Set((await strapi.db.query(uid).findMany({ select: ['code'] })).map((t: any) => t.code));
        for (const [index, term] of (terms as readonly VocabularyTerm[]).entries()) {
          if (existing.has(term.code)) continue;
          await strapi.documents(uid).create({ locale, data: { ...term, order: (index + 1) * 10 } as any });
        }
      }
    },

    /**
     * Both vocabularies in display order, in `locale` where editors have translated them and in the
     * default locale where they have not, so a reader never meets a blank label.
     */
    async inLocale(locale?: string) {
      const fallback = await defaultLocale();
      const [arrangementTypes, supportTypes] = await Promise.all(
        VOCABULARIES.map(async ({ uid }) => {
          const translated = locale && locale !== fallback ? await termsIn(uid, locale) : [];
          const defaults = await termsIn(uid, fallback);
          const byCode = new Map(translated.map((term: any) => [term.code, term]));
          return defaults.map((term: any) => byCode.get(term.code) ?? term);
        }),
      );
      return { arrangementTypes, supportTypes };
    },
  };
};
